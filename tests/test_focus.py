"""The report's focus region and the famous-city prior, on hand-made gazetteer entries."""

from __future__ import annotations

from marsad.model import GeoEntry
from marsad.stages.focus import View, famous, famous_over_namesake, focus_region, in_focus_region


def entry(name: str, country: str, admin1: str, code: str = "PPL", population: int = 1000,
          feature: str = "P") -> GeoEntry:
    return GeoEntry(geonameid=abs(hash((name, country, admin1))) % 10**9, name=name, lat=0.0, lon=0.0,
                    country=country, admin1=admin1, feature=feature, feature_code=code, population=population)


CAPITAL = entry("Capitola", "AA", "Central", "PPLC", 3_000_000)
NAMESAKE = entry("Capitola", "BB", "Lakes", population=20_000)


def test_focus_region_needs_a_clear_lead():
    west = entry("West", "BB", "West", "ADM1", feature="A")
    towns = [entry("Oakton", "BB", "West"), entry("Elmer", "BB", "West"), entry("Pine", "BB", "East")]
    assert focus_region([west, *towns]) == ("BB", "West")
    assert focus_region([entry("Oakton", "BB", "West"), entry("Pine", "BB", "East")]) is None


def test_focus_region_gives_no_town_the_name_of_the_region_itself():
    region = entry("Lakes", "BB", "Lakes", "ADM1", feature="A")
    town = entry("Lakes", "BB", "Lakes")
    assert not in_focus_region(town, ("BB", "Lakes"), [region, town])
    assert in_focus_region(town, ("BB", "Lakes"), [town])


def test_focus_a_tiny_capital_is_not_famous():
    assert famous(CAPITAL)
    assert not famous(entry("Smallcap", "CC", "Isle", "PPLC", 500))


def test_focus_famous_over_namesake_unless_the_report_points_to_it():
    options = [CAPITAL, NAMESAKE]
    own = lambda _e: 1.5     # noqa: E731 - both bear the name written
    assert famous_over_namesake(NAMESAKE, options, False, View(), own) is CAPITAL
    assert famous_over_namesake(NAMESAKE, options, True, View(), own) is NAMESAKE
    assert famous_over_namesake(NAMESAKE, options, False, View(region=("BB", "Lakes")), own) is NAMESAKE
    # A report that names the capital's country means the capital, region or not.
    assert famous_over_namesake(NAMESAKE, options, True, View(named=frozenset({"AA"})), own) is CAPITAL
