"""Tests for the actor registry: lookups, state names and the integrity of the packaged data."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from marsad.actors import (
    ACTOR_TYPES, IDENTITY_TYPES, STATE_ROLES, ActorEntry, ActorRegistry, CountryEntry, GenericPhrase,
    normalise,
)


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


@pytest.mark.parametrize("alias, name", [
    ("Daesh", "Islamic State"),
    ("ISIL", "Islamic State"),
    ("ISIS", "Islamic State"),
    ("Isis", "Islamic State"),
    ("the Islamic State group", "Islamic State"),
    ("Ansar Allah", "Houthis"),
    ("Ansarallah", "Houthis"),
    ("HTS", "Hayat Tahrir al-Sham"),
    ("Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("Hayat Tahrir al Sham", "Hayat Tahrir al-Sham"),
    ("Tahrir al‐Sham", "Hayat Tahrir al-Sham"),            # U+2010 hyphen
    ("Jabhat al-Nusra", "Hayat Tahrir al-Sham"),
    ("Ahrar", "Ahrar al-Sham"),
    ("Harakat Ahrar al-Sham al-Islamiyya", "Ahrar al-Sham"),
    ("al Shabab", "al-Shabaab"),
    ("Kurdistan Workers’ Party", "Kurdistan Workers' Party"),
    ("Kurdistan Workers Party", "Kurdistan Workers' Party"),
    ("Hezbollah's", "Hezbollah"),
    ("Hizbullah", "Hezbollah"),
    ("Medecins Sans Frontieres", "Médecins Sans Frontières"),
    ("Doctors Without Borders", "Médecins Sans Frontières"),
    ("Tatmadaw", "Military Forces of Myanmar"),
    ("Israel Defence Forces", "Military Forces of Israel"),
    ("ISIS-K", "Islamic State Khorasan Province"),
    ("Rapid Support Forces", "Rapid Support Forces"),
    ("AFC/M23", "M23"),
    ("Jalisco New Generation Cartel", "CJNG"),
    ("Islamic State in Iraq and Syria", "Islamic State"),
    ("Gaitanista Army of Colombia", "Clan del Golfo"),
    ("Kadyrovtsy", "Akhmat Special Forces"),
    ("Luhansk separatists", "Luhansk People's Republic"),
    ("Tehrik-e-Labbaik Pakistan", "Tehreek-e-Labbaik Pakistan"),
    ("Chin Defense Force", "Chinland Defence Force"),
    ("Israel Police", "Police Forces of Israel"),
    ("Golden Division", "Iraqi Counter-Terrorism Service"),
    ("Beltran Leyva cartel", "Beltrán-Leyva Organization"),
    ("Al-Bara bin Malik Brigade", "Al-Baraa bin Malik Brigade"),
])
def test_actors_alias_resolves(registry, alias, name):
    entry = registry.find(alias)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("text, name", [
    ("IS", "Islamic State"),
    ("is", None),
    ("Is", None),
    ("SDF", "Syrian Democratic Forces"),
    ("sdf", None),
    ("WHO", "World Health Organization"),
    ("who", None),
    ("RSF", "Rapid Support Forces"),
    ("LeT", "Lashkar-e-Taiba"),
    ("let", None),
    ("SANA", "SANA"),
    ("Sana", None),
    ("IS group", "Islamic State"),
    ("is group", None),
    ("islamic state", None),                # "an Islamic state" is an idea, not the group
    ("Amnesty", "Amnesty International"),
    ("amnesty", None),
])
def test_actors_short_forms_match_case_sensitively(registry, text, name):
    entry = registry.find(text)
    assert (entry.name if entry else None) == name


@pytest.mark.parametrize("text, iso2", [
    ("Syrian", "SY"),
    ("Syria's", "SY"),
    ("Syria’s", "SY"),
    ("Syrians", "SY"),
    ("Ankara", "TR"),
    ("Türkiye", "TR"),
    ("the Kremlin", "RU"),
    ("Kremlin", "RU"),
    ("the White House", "US"),
    ("US", "US"),
    ("U.S.", "US"),
    ("us", None),
    ("Burkinabe", "BF"),
    ("Nigerien", "NE"),
    ("Nigerian", "NG"),
    ("Congolese", "CD"),
    ("DRC", "CD"),
    ("Ivory Coast", "CI"),
    ("Côte d'Ivoire", "CI"),
    ("Doha", "QA"),
    ("Kiev", "UA"),
    ("Kurdish", None),
    ("Sunni", None),
])
def test_actors_country_by_name_adjective_or_capital(registry, text, iso2):
    country = registry.country(text)
    assert (country.iso2 if country else None) == iso2


def test_actors_country_codes_are_not_names(registry):
    assert registry.country_by_code("SY").name == "Syria"
    assert registry.country_by_code("QQ") is None
    assert registry.country("IS") is None            # Iceland's code, but "IS" in a report is the group
    assert registry.country("SY") is None


@pytest.mark.parametrize("iso2, government, forces", [
    ("SY", "Syrian government", "Military Forces of Syria"),
    ("TR", "Turkish government", "Military Forces of Turkey"),
    ("US", "US government", "Military Forces of the United States"),
    ("CG", "Government of Republic of the Congo", "Military Forces of Republic of the Congo"),
])
def test_actors_state_names(registry, iso2, government, forces):
    assert registry.government(iso2) == government
    assert registry.state_forces(iso2) == forces
    assert registry.name_for(iso2, "government") == government
    assert registry.name_for(iso2, "state forces") == forces


def test_actors_state_names_reject_unknown_country_and_role(registry):
    with pytest.raises(KeyError):
        registry.government("QQ")
    with pytest.raises(ValueError):
        registry.name_for("SY", "navy")


@pytest.mark.parametrize("text, name, kind", [
    ("Syrian army", "Military Forces of Syria", "State forces"),
    ("Syrian regime forces", "Military Forces of Syria", "State forces"),
    ("Russian forces", "Military Forces of Russia", "State forces"),
    ("Israeli army", "Military Forces of Israel", "State forces"),
    ("US troops", "Military Forces of the United States", "State forces"),
    ("Syrian regime", "Syrian government", "Government body"),
    ("Assad regime", "Syrian government", "Government body"),
    ("Turkish foreign ministry", "Turkish government", "Government body"),
    ("Myanmar junta", "Myanmar government", "Government body"),
    ("Iraqi police", "Police Forces of Iraq", "State forces"),
    ("Iranian state TV", "Iranian state media", "Media"),
])
def test_actors_state_phrases_with_adjective(registry, text, name, kind):
    entry = registry.find(text)
    assert entry is not None and (entry.name, entry.type) == (name, kind)


@pytest.mark.parametrize("outlet, principal", [
    ("Amaq", "Islamic State"),
    ("Amaq News Agency", "Islamic State"),
    ("al-Naba", "Islamic State"),
    ("SANA", "Syrian government"),
    ("Al-Masirah", "Houthis"),
    ("IRNA", "Iranian government"),
    ("Islamic Resistance in Lebanon", "Hezbollah"),
    ("Qassam Brigades", "Hamas"),
    ("Syrian state media", "Syrian government"),
    ("Amjad Foundation", "Hayat Tahrir al-Sham"),
    ("Abu Ali Mustafa Brigades", "Popular Front for the Liberation of Palestine"),
])
def test_actors_speaks_for(registry, outlet, principal):
    assert registry.find(outlet).speaks_for == principal


@pytest.mark.parametrize("word, identity", [
    ("Kurdish", "Kurdish"),
    ("Kurds", "Kurdish"),
    ("Alawites", "Alawite"),
    ("Shi'ite", "Shia"),
    ("Shiites", "Shia"),
    ("Peul", "Fulani"),
    ("Fulanis", "Fulani"),
    ("Yezidi", "Yazidi"),
    ("Tuareg", "Tuareg"),
    ("Rohingya", "Rohingya"),
    ("Chin", "Chin"),
    ("chin", None),
    ("Syrian", None),
])
def test_actors_identity_words(registry, word, identity):
    assert registry.identity(word) == identity


@pytest.mark.parametrize("phrase, meaning", [
    ("the regime", ("government", "Government body")),
    ("Regime", ("government", "Government body")),
    ("the Foreign Ministry", ("government", "Government body")),
    ("government forces", ("state forces", "State forces")),
    ("security forces", ("state forces", "State forces")),
    ("the army", ("state forces", "State forces")),
    ("police", ("police", "State forces")),
    ("state media", ("state media", "Media")),
    ("state-run television", ("state media", "Media")),
    ("state TV", ("state media", "Media")),
    ("forces", None),                       # only with an adjective: "Russian forces"
    ("the weather", None),
])
def test_actors_generic_phrases(registry, phrase, meaning):
    assert registry.generic(phrase) == meaning


def test_actors_surface_forms_carry_case_flags(registry):
    forms = {(form, exact) for form, entry, exact in registry.surface_forms() if entry.name == "Islamic State"}
    assert {("IS", True), ("Daesh", False), ("Islamic State", True), ("Da’esh", False)} <= forms
    guardian = {form for form, entry, _ in registry.surface_forms() if entry.name == "The Guardian"}
    assert guardian == {"Guardian"}


def test_actors_data_integrity(registry):
    """Every type is allowed, every country known, every principal an actor, no form names two actors."""
    names = {entry.name for entry in registry.actors()}
    countries = {country.iso2 for country in registry.countries()}
    owners: dict[tuple[str, bool], set[str]] = {}
    for entry in registry.actors():
        assert entry.type in ACTOR_TYPES, entry
        assert entry.country is None or entry.country in countries, entry
        assert entry.speaks_for is None or entry.speaks_for in names, entry
        for form, exact in entry.forms():
            owners.setdefault((normalise(form, fold=not exact), exact), set()).add(entry.name)
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    assert not shared
    clashing = {text for text, exact in owners if exact and (text.casefold(), False) in owners
                and owners[(text, True)] != owners[(text.casefold(), False)]}
    assert not clashing


def test_actors_packaged_files_cover_the_brief(registry):
    rows = [line for line in _data("actors.tsv") if not line.startswith("#")]
    assert len(rows) - 1 >= 200
    assert len(registry.countries()) >= 120
    assert all(c.iso2 == "XK" or pycountry.countries.get(alpha_2=c.iso2) for c in registry.countries())
    for role, kind in STATE_ROLES.items():
        assert registry.find(registry.name_for("SY", role)).type == kind
    assert {registry.identity_type(w) for w in ("Kurdish", "Druze", "Alawite")} <= IDENTITY_TYPES


def _data(name: str) -> list[str]:
    path = Path(__file__).parents[1] / "marsad" / "data" / name
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(tmp_path: Path, name: str, header: str, *rows: str) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(["# test data", header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("rows, message", [
    (["Alpha\tRebel group\tSY\tAB|Al-Alpha\t", "Beta\tRebel group\tSY\tAl-Alpha\t"], "names both"),
    (["Alpha\tRebel group\tSY\tabc\t"], "3 characters or fewer"),
    (["Alpha\tFreedom fighters\tSY\t\t"], "unknown type"),
    (["Alpha\tMedia\tSY\t\tNobody"], "speaks for"),
    (["Alpha\tRebel group\tQQ\t\t"], "not in the country table"),
])
def test_actors_loader_rejects_bad_rows(tmp_path, rows, message):
    actors = _write(tmp_path, "actors.tsv", "name\ttype\tcountry\taliases\tspeaks_for", *rows)
    countries = _write(tmp_path, "countries.tsv", "iso2\tname\tadjectives\tcapitals\taliases",
                       "SY\tSyria\tSyrian\tDamascus\t")
    with pytest.raises(ValueError, match=message):
        ActorRegistry.load(actors, countries)


def test_actors_loader_rejects_wrong_header(tmp_path):
    actors = _write(tmp_path, "actors.tsv", "name\ttype\taliases", "Alpha\tRebel group\t")
    with pytest.raises(ValueError, match="header"):
        ActorRegistry.load(actors)


def test_actors_registry_built_by_hand():
    syria = CountryEntry("SY", "Syria", ("Syrian",), ("Damascus",))
    registry = ActorRegistry(
        [ActorEntry("Alpha Front", "Rebel group", "SY", ("AF", "Alpha"))],
        [syria],
        generic=[GenericPhrase("the army", "state forces", "State forces")],
    )
    assert registry.find("Alpha").name == "Alpha Front"
    assert registry.find("af") is None
    assert registry.find("Syrian army").name == "Military Forces of Syria"
    assert registry.country("Damascus") is syria
