"""Tests of marsad.gazetteer: lookups over hand-built entries, then the real index."""

from __future__ import annotations

import statistics
import time

import pytest
from click.testing import CliRunner

from marsad.gazetteer import Gazetteer, MemoryGazetteer, SqliteGazetteer, normalise
from marsad.gazetteer import index
from marsad.gazetteer.cli import gazetteer as gazetteer_cli
from marsad.gazetteer.lookup import KeyedGazetteer, entry_keys
from marsad.gazetteer.names import article_variants, skeleton, skeleton_tries, unvoweled
from marsad.gazetteer.supplement import (ENV_VAR, SupplementError, fingerprint,
                                         read_supplements, supplement_paths)
from marsad.model import GeoEntry

ADM1 = {"feature": "A", "feature_code": "ADM1"}
ENTRIES = [
    GeoEntry(163345, "Ţarţūs", 34.889, 35.887, "SY", "Tartus", feature_code="PPLA", population=458327),
    GeoEntry(3107677, "Tortosa", 40.812, 0.522, "ES", "Catalonia", population=35143),
    GeoEntry(169304, "Jablah", 35.362, 35.928, "SY", "Latakia", population=65915),
    GeoEntry(169389, "Idlib", 35.931, 36.634, "SY", "Idlib", feature_code="PPLA", population=128840),
    GeoEntry(174018, "Al Bāb", 36.371, 37.516, "SY", "Aleppo", population=130745),
    GeoEntry(167611, "Ma‘arrat an Nu‘mān", 35.648, 36.677, "SY", "Idlib", population=0),
    GeoEntry(4920000, "Idlib", 40.0, -80.0, "US", "Ohio", population=900),
    GeoEntry(-1, "Idlib", 35.814, 36.610, "SY", "Idlib", **ADM1, population=442917),
    GeoEntry(-2, "Latakia", 35.532, 36.070, "SY", "Latakia", **ADM1, population=804915),
    GeoEntry(-3, "Tartus", 34.928, 36.124, "SY", "Tartus", **ADM1, population=540626),
    GeoEntry(163843, "Syria", 33.510, 36.291, "SY", feature="A", feature_code="PCLI", population=16906283),
    GeoEntry(-4, "Zaatari refugee camp", 32.294, 36.323, "JO", "Mafraq", feature="S", feature_code="CMPRF"),
]
ALTERNATES = {
    163345: ["Tartous", "Tartus", "Tortosa", "طرطوس"],
    169304: ["Jableh", "Djeble", "Jeble"],
    167611: ["Ma`arrat an Nu`man", "Maarrat al-Nu'man"],
    -2: ["Al Lādhiqīyah Governorate"],
    163843: ["Syrian Arab Republic", "SYR"],
    -4: ["Zaatari camp"],
}


def make_gazetteer(kind: str, tmp_path) -> KeyedGazetteer:
    if kind == "memory":
        return MemoryGazetteer(ENTRIES, ALTERNATES)
    path = tmp_path / "tiny.sqlite"
    records = ((e, entry_keys(e, ALTERNATES.get(e.geonameid, ()))) for e in ENTRIES)
    index.write_index(path, records, {"supplement_fingerprint": "test"})
    return SqliteGazetteer.open(path)


KINDS = ["memory", "sqlite"]


@pytest.mark.parametrize(("written", "key"), [
    ("Tarṭūs", "tartus"), ("TARTUS", "tartus"), ("Ţarţūs", "tartus"), ("Ma'arat", "maarat"),
    ("Ma`arrat", "maarrat"), ("Ma’arat", "maarat"), ("Deir ez-Zor", "deir ez zor"),
    ("  Deir   ez–Zor ", "deir ez zor"), ("St. Louis", "st louis"), ("طَرْطُوس", "طرطوس"),
])
def test_gazetteer_normalise_folds_case_marks_and_punctuation(written, key):
    assert normalise(written) == key


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["Tartous", "tartus", "TARTŪS", "Tartoús", "طرطوس"])
def test_gazetteer_lookup_matches_alternate_names(kind, name, tmp_path):
    found = make_gazetteer(kind, tmp_path).lookup(name)
    assert found and found[0].geonameid == 163345


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["al-Bab", "el-Bab", "Bab", "ash Bab", "Al Bab"])
def test_gazetteer_lookup_tries_arabic_article_variants(kind, name, tmp_path):
    assert [e.geonameid for e in make_gazetteer(kind, tmp_path).lookup(name)] == [174018]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["Maarrat an-Nu'man", "Maarat al-Numan", "Ma'arat an Numan"])
def test_gazetteer_lookup_swaps_inner_articles_and_doubled_letters(kind, name, tmp_path):
    found = make_gazetteer(kind, tmp_path).lookup(name)
    assert [e.geonameid for e in found] == [167611]


def test_gazetteer_article_variants_keep_inner_swaps_within_the_limit():
    assert "jisr ash shughur" in article_variants("jisr al shughur")
    assert "ras el ain" in article_variants("ras al ain")


@pytest.mark.parametrize(("news", "geonames"), [
    ("Deir Ezzor", "Deir ez-Zor"), ("Deir al-Zour", "Dayr az Zawr"),
    ("Maaret al-Numan", "Ma‘arrat an Nu‘mān"), ("Maarat Al Nouman", "Ma'arrat an Nu'man"),
    ("Jisr al-Shoghour", "Jisr ash Shughūr"), ("Jisr al-Shugour", "Jisr ash Shughur"),
    ("Tal Afer", "Tall ‘Afar"), ("Khan Shaykhoun", "Khān Shaykhūn"), ("Qamishly", "Qamishly"),
    ("Qunduz", "Kunduz"), ("Muqdisho", "Mukdisho"), ("Boukamal", "Bukamal"), ("Djeble", "Jeble"),
])
def test_gazetteer_skeleton_equates_transliterations(news, geonames):
    assert skeleton(news) is not None and skeleton(news) == skeleton(geonames)


@pytest.mark.parametrize(("one", "other"), [
    ("Efrin", "Afrin"),          # vowel quality folds only in names of two or more words
    ("Estate", "Astate"), ("Trace", "Truce"), ("Surge", "Sarge"),
    ("Assam", "Sam Am"),         # a glued article drops only from a later word
    ("Maaret al-Numan", "Maaret al-Nasr"),
])
def test_gazetteer_skeleton_keeps_different_names_apart(one, other):
    assert skeleton(one) != skeleton(other)


@pytest.mark.parametrize(("key", "forms"), [
    ("tabaka", ["tabka"]),       # a short vowel between consonants, past the first syllable
    ("kafarsusa", ["kafrsusa"]),
    ("aleppo", []), ("maarat", []),      # no vowel between two consonants there
    ("sabak", []),               # "sbak"... would cut into the first syllable; "sabk" is too short
])
def test_gazetteer_skeleton_tries_drop_one_short_vowel(key, forms):
    assert unvoweled(key) == forms
    assert all(f in skeleton_tries(key) and "#" + f in skeleton_tries(key) for f in forms)


@pytest.mark.parametrize("name", ["Bab", "Homs", "al-Bab", "طرطوس", "Route 66", ""])
def test_gazetteer_skeleton_is_none_for_short_or_non_latin_names(name):
    assert skeleton(name) is None


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["Maaret al-Numan", "Maarat el-Nouman", "Mearat al-Noman"])
def test_gazetteer_lookup_falls_back_to_the_skeleton(kind, name, tmp_path):
    assert [e.geonameid for e in make_gazetteer(kind, tmp_path).lookup(name)] == [167611]


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_skeleton_matches_rank_places_before_regions(kind, tmp_path):
    # "Tarrtoos" is no name nor doubled-letter form; its skeleton "tartus" is.
    places = make_gazetteer(kind, tmp_path)
    assert [e.geonameid for e in places.lookup("Tarrtoos")] == [163345, -3]
    assert [e.geonameid for e in places.lookup("Tarrtoos", country="ES")] == []


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_skeleton_skips_sites_and_countries(kind, tmp_path):
    places = make_gazetteer(kind, tmp_path)
    assert places.lookup("Zaatari camp")[0].geonameid == -4         # exact: found
    assert places.lookup("Zaateri camp") == []                      # skeleton: a site, skipped
    assert [e.geonameid for e in places.lookup("Syrian Arab Repoublic")] == [163843]
    assert places.country("Syrian Arab Repoublic") is None          # country() never guesses


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_skeleton_is_only_a_last_resort(kind, tmp_path):
    # "Tortosa" is an exact name: the skeleton adds nothing to the exact answer.
    places = make_gazetteer(kind, tmp_path)
    assert [e.geonameid for e in places.lookup("Tortosa")] == [163345, 3107677]
    assert places.lookup("Latakia Governorate")[0].geonameid == -2


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_lookup_ranks_seats_and_population_first(kind, tmp_path):
    found = make_gazetteer(kind, tmp_path).lookup("Tortosa")
    assert [e.geonameid for e in found] == [163345, 3107677]


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_lookup_puts_the_city_before_its_region(kind, tmp_path):
    found = make_gazetteer(kind, tmp_path).lookup("Idlib")
    assert [e.geonameid for e in found] == [169389, 4920000, -1]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["Idlib Governorate", "Idlib Province", "idlib region"])
def test_gazetteer_lookup_puts_the_region_first_when_named_as_one(kind, name, tmp_path):
    assert make_gazetteer(kind, tmp_path).lookup(name)[0].geonameid == -1


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_lookup_filters_by_country(kind, tmp_path):
    found = make_gazetteer(kind, tmp_path).lookup("Idlib", country="us")
    assert [e.geonameid for e in found] == [4920000]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("name", "expected"), [
    ("Latakia Province", -2), ("Latakia", -2), ("Al-Lādhiqīyah", -2), ("Tartus", -3),
    ("Tartus Governorate", -3), ("Idlib", -1), ("Aleppo", None),
])
def test_gazetteer_admin1_finds_the_region(kind, name, expected, tmp_path):
    region = make_gazetteer(kind, tmp_path).admin1("SY", name)
    assert (region.geonameid if region else None) == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("text", ["SY", "sy", "Syria", "Syrian Arab Republic", "SYR"])
def test_gazetteer_country_by_code_name_or_alias(kind, text, tmp_path):
    found = make_gazetteer(kind, tmp_path).country(text)
    assert found is not None and found.geonameid == 163843 and found.feature_code == "PCLI"


@pytest.mark.parametrize("kind", KINDS)
def test_gazetteer_get_and_misses(kind, tmp_path):
    places = make_gazetteer(kind, tmp_path)
    assert isinstance(places, Gazetteer)
    assert places.get(169304) == ENTRIES[2]
    assert places.get(1) is None
    assert places.lookup("") == [] and places.lookup("Atlantis") == []
    assert places.country("XX") is None


def test_gazetteer_write_index_leaves_nothing_when_interrupted(tmp_path):
    def broken():
        yield ENTRIES[0], {"tartus"}
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        index.write_index(tmp_path / "g.sqlite", broken(), {})
    assert list(tmp_path.iterdir()) == []


def test_gazetteer_is_current_checks_version_schema_and_supplements(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    path = tmp_path / "g.sqlite"
    index.write_index(path, [], {"supplement_fingerprint": fingerprint(supplement_paths())})
    assert index.is_current(path)
    extra = tmp_path / "extra.csv"
    extra.write_text("Camp X,,1.0,2.0,KE,,camp\n", encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(extra))
    assert not index.is_current(path)
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setattr(index, "package_version", lambda: "99.0")
    assert not index.is_current(path)
    assert not index.is_current(tmp_path / "missing.sqlite")


def test_gazetteer_supplement_rows_get_stable_negative_ids(tmp_path):
    csv = tmp_path / "s.csv"
    csv.write_text("# comment\nname,alternate_names,lat,lon,country,admin1,feature\n"
                   "Camp X,X camp|Camp Ex,1.5,2.5,ke,,camp\n", encoding="utf-8")
    (row,) = read_supplements([csv])
    (again,) = read_supplements([csv])
    assert row.geonameid < 0 and row.geonameid == again.geonameid
    assert (row.country, row.alternate_names, row.feature_code) == ("KE", ("X camp", "Camp Ex"), "CMPRF")


@pytest.mark.parametrize("line", [
    "Camp X,,1.5,2.5,KE,,palace", "Camp X,,91,2.5,KE,,camp", "Camp X,,north,2.5,KE,,camp",
    "Camp X,,1.5,2.5,Kenya,,camp", "Camp X,1.5,2.5,KE,camp",
])
def test_gazetteer_supplement_rejects_bad_rows_naming_the_line(line, tmp_path):
    csv = tmp_path / "s.csv"
    csv.write_text(f"# header comment\n{line}\n", encoding="utf-8")
    with pytest.raises(SupplementError, match=r"s\.csv:2"):
        list(read_supplements([csv]))


def test_gazetteer_shipped_supplement_is_valid():
    rows = list(read_supplements(supplement_paths()[:1]))
    assert len(rows) >= 40
    assert len({r.geonameid for r in rows}) == len(rows) and all(r.geonameid < 0 for r in rows)


# The real index, built once per run by the geonames_gazetteer fixture.

@pytest.mark.parametrize("name", ["Tartous", "Tartus", "Tortosa", "Ţarţūs"])
def test_gazetteer_geonames_finds_tartus(geonames_gazetteer, name):
    best = geonames_gazetteer.lookup(name)[0]
    assert (best.geonameid, best.country) == (163345, "SY")
    assert normalise(best.admin1) in {"tartus", "tartous"}


@pytest.mark.parametrize("name", ["Jableh", "Jablah", "Djeble"])
def test_gazetteer_geonames_finds_jablah_in_latakia(geonames_gazetteer, name):
    best = geonames_gazetteer.lookup(name, "SY")[0]
    assert best.geonameid == 169304
    assert normalise(best.admin1) in {"latakia", "lattakia", "al ladhiqiyah"}


def test_gazetteer_geonames_aleppo_is_the_syrian_city(geonames_gazetteer):
    best = geonames_gazetteer.lookup("Aleppo")[0]
    assert (best.country, best.feature, best.name) == ("SY", "P", "Aleppo")


@pytest.mark.parametrize("name", ["Latakia Province", "Latakia Governorate", "Lattakia"])
def test_gazetteer_geonames_resolves_latakia_region(geonames_gazetteer, name):
    region = geonames_gazetteer.admin1("SY", name)
    assert region is not None and (region.feature, region.feature_code) == ("A", "ADM1")
    assert geonames_gazetteer.lookup("Latakia Province")[0] == region


def test_gazetteer_geonames_idlib_is_city_then_governorate(geonames_gazetteer):
    found = [e for e in geonames_gazetteer.lookup("Idlib") if e.country == "SY"]
    assert [e.feature_code for e in found[:2]] == ["PPLA", "ADM1"]
    assert geonames_gazetteer.lookup("Idlib Governorate")[0] == found[1]


@pytest.mark.parametrize(("name", "country", "code"), [
    ("Zaatari camp", "JO", "CMPRF"), ("Al-Hol camp", "SY", "CMPRF"),
    ("Ain al-Asad", "IQ", "AIRB"), ("Bab al-Hawa", "SY", "PSTB"), ("Amrit", "SY", "ANS"),
])
def test_gazetteer_geonames_includes_the_supplement(geonames_gazetteer, name, country, code):
    best = geonames_gazetteer.lookup(name)[0]
    assert (best.country, best.feature_code) == (country, code) and best.geonameid < 0
    assert best.admin1


@pytest.mark.parametrize("name", ["Assad", "al-Assad", "Asad"])
def test_gazetteer_geonames_supplement_aliases_are_no_family_names(geonames_gazetteer, name):
    # "the Assad regime" names a family, not the Iraqi airbase whose full names carry "al-Asad"
    assert all(e.geonameid >= 0 for e in geonames_gazetteer.lookup(name))


@pytest.mark.parametrize(("name", "code"), [("Dabiq", "PPL"), ("Qalamoun", "AREA"), ("Qalamun", "AREA")])
def test_gazetteer_geonames_supplement_adds_syrian_sites(geonames_gazetteer, name, code):
    best = geonames_gazetteer.lookup(name, "SY")[0]
    assert best.feature_code == code and best.geonameid < 0


@pytest.mark.parametrize(("name", "country", "geonameid"), [
    ("Deir Ezzor", "SY", 170794), ("Maaret al-Numan", "SY", 167611),
    ("Maarat Al Nouman", "SY", 167611), ("Jisr al-Shoghour", "SY", 169023),
    ("Jisr al-Shughur", "SY", 169023), ("Tal Afer", "IQ", 90393), ("Qamishly", "SY", 173377),
    ("Boukamal", "SY", 174448), ("Khan Shaykhoun", "SY", 168325),
])
def test_gazetteer_geonames_finds_news_transliterations(geonames_gazetteer, name, country, geonameid):
    best = geonames_gazetteer.lookup(name)[0]
    assert (best.geonameid, best.country, best.feature) == (geonameid, country, "P")


def test_gazetteer_geonames_ras_al_ain_finds_the_syrian_town(geonames_gazetteer):
    assert 165509 in [e.geonameid for e in geonames_gazetteer.lookup("Ras al-Ain")]
    assert geonames_gazetteer.lookup("Ras al-Ain", "SY")[0].geonameid == 165509


def test_gazetteer_geonames_skeleton_finds_a_region_named_as_one(geonames_gazetteer):
    region = geonames_gazetteer.lookup("Deir Ezzor Governorate")[0]
    assert (region.country, region.feature_code) == ("SY", "ADM1")
    assert geonames_gazetteer.admin1("SY", "Deir Ezzor") == region


def test_gazetteer_geonames_skeleton_finds_a_town_written_with_an_extra_short_vowel(geonames_gazetteer):
    # GeoNames files the Euphrates town as "Al-Tabqa"; news also writes "Tabaqa".
    assert geonames_gazetteer.lookup("Tabaqa", "SY")[0].geonameid == \
        geonames_gazetteer.lookup("Tabqa", "SY")[0].geonameid


@pytest.mark.parametrize("word", ["Shelling", "Ceasefire", "Militants", "Airstrike", "Village",
                                  "Regime", "Rebels", "Statement", "Fighters", "Coalition"])
def test_gazetteer_geonames_skeleton_leaves_common_words_unfound(geonames_gazetteer, word):
    assert geonames_gazetteer.lookup(word) == []


@pytest.mark.parametrize(("text", "code"), [("SY", "SY"), ("Syria", "SY"), ("UK", "GB"),
                                            ("Ivory Coast", "CI"), ("IRQ", "IQ")])
def test_gazetteer_geonames_finds_countries(geonames_gazetteer, text, code):
    assert geonames_gazetteer.country(text).country == code


def test_gazetteer_geonames_lookups_are_fast(geonames_gazetteer):
    names = ["Aleppo", "Idlib Governorate", "Maarat al-Numan", "Kharkiv", "Gaza"] * 40
    timings = []
    for name in names:
        started = time.perf_counter()
        geonames_gazetteer.lookup(name)
        timings.append(time.perf_counter() - started)
    assert statistics.median(timings) < 0.005     # 1 ms on a laptop; slack for CI


def test_gazetteer_geonames_rebuild_is_skipped_when_current(geonames_gazetteer, monkeypatch):
    path = geonames_gazetteer.path
    monkeypatch.setenv(index.CACHE_ENV, str(path.parent))
    monkeypatch.delenv(ENV_VAR, raising=False)
    before = path.stat().st_mtime_ns
    monkeypatch.setattr(index, "build", lambda *a: pytest.fail("rebuilt a current index"))
    assert index.ensure_index() == path and path.stat().st_mtime_ns == before


def test_gazetteer_cli_lookup_prints_one_line_per_candidate(geonames_gazetteer, monkeypatch):
    monkeypatch.setenv(index.CACHE_ENV, str(geonames_gazetteer.path.parent))
    monkeypatch.delenv(ENV_VAR, raising=False)
    result = CliRunner().invoke(gazetteer_cli, ["lookup", "Tartus", "--country", "SY"])
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0].split("\t")
    assert first[0] == "163345" and first[2] == "SY" and first[4] == "PPLA"
    info = CliRunner().invoke(gazetteer_cli, ["info"])
    assert str(geonames_gazetteer.path) in info.output and "entries:" in info.output


@pytest.mark.parametrize("args", [["lookup", ""], ["lookup", "  "], ["lookup", "X", "--country", "Syria"]])
def test_gazetteer_cli_rejects_bad_input_in_one_line(args):
    result = CliRunner().invoke(gazetteer_cli, args)
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def _km(a_lat, a_lon, b_lat, b_lon):
    import math
    north = math.radians(b_lat - a_lat)
    east = math.radians(b_lon - a_lon) * math.cos(math.radians((a_lat + b_lat) / 2))
    return 6371.0 * math.hypot(north, east)


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Russia", 60.0, 100.0),          # not Moscow, 3,000 km west
    ("Canada", 60.1, -113.6),         # not Ottawa
    ("Tunisia", 34.0, 9.0),
])
def test_gazetteer_places_a_country_at_its_centre_not_its_capital(geonames_gazetteer, name, lat, lon):
    country = geonames_gazetteer.country(name)
    assert _km(country.lat, country.lon, lat, lon) < 50


@pytest.mark.parametrize(("country", "region", "lat", "lon"), [
    ("US", "Texas", 31.25, -99.25),     # its towns' mean lies near Austin
    ("US", "Oregon", 44.0, -120.5),     # ... and Oregon's near Portland
])
def test_gazetteer_places_a_region_at_the_middle_of_its_extent(geonames_gazetteer, country, region, lat, lon):
    entry = geonames_gazetteer.admin1(country, region)
    assert _km(entry.lat, entry.lon, lat, lon) < 161


@pytest.mark.parametrize(("country", "region", "lat", "lon"), [
    ("CA", "Nunavut", 70.0, -90.0),         # its towns line Hudson Bay, 600 km south
    ("AU", "Queensland", -20.0, 145.0),     # ... and Queensland's its east coast
])
def test_gazetteer_places_a_lopsided_region_at_its_listed_centre(geonames_gazetteer, country, region, lat, lon):
    entry = geonames_gazetteer.admin1(country, region)
    assert _km(entry.lat, entry.lon, lat, lon) < 50


def test_gazetteer_every_listed_region_centre_names_a_region(geonames_gazetteer):
    from marsad.gazetteer.sources import admin1_points
    for (country, name), (lat, lon) in admin1_points().items():
        entry = geonames_gazetteer.admin1(country, name)
        assert entry is not None and (entry.lat, entry.lon) == (lat, lon), (country, name)


def test_gazetteer_region_entries_prefer_a_listed_centre_to_the_towns_extent():
    from marsad.gazetteer.admin import Region, SyntheticIds, region_entries
    cities = {str(i): {"latitude": 40.0 + i / 10, "longitude": 10.0, "population": 100} for i in range(1, 6)}
    regions = {("ZZ", "01"): Region("ZZ", "01", "Northland", {"northland"}, [1, 2, 3, 4, 5]),
               ("ZZ", "02"): Region("ZZ", "02", "Southland", {"southland"}, [1, 2, 3, 4, 5])}
    entries = {e.name: e for e, _ in region_entries(regions, cities, {}, SyntheticIds(),
                                                     {("ZZ", "northland"): (48.0, 11.0)})}
    assert (entries["Northland"].lat, entries["Northland"].lon) == (48.0, 11.0)
    assert entries["Southland"].lat == pytest.approx(40.3)


def test_gazetteer_region_centre_ignores_an_outlying_island_and_crosses_the_antimeridian():
    from marsad.gazetteer.admin import region_centre
    mainland = [(10.0 + i / 10, 20.0 + i / 10) for i in range(40)]
    lat, lon = region_centre(mainland + [(-30.0, 60.0)])
    assert 11.5 < lat < 12.5 and 21.5 < lon < 22.5
    lat, lon = region_centre([(50.0, 179.0), (51.0, -179.0), (50.5, 179.5), (50.2, -179.5)])
    assert abs(lon) > 179


@pytest.mark.parametrize(("written", "state"), [("Calif.", "California"), ("N.J.", "New Jersey")])
def test_gazetteer_knows_wire_abbreviations_of_us_states(geonames_gazetteer, written, state):
    assert geonames_gazetteer.admin1("US", written).name == state
