"""Resolving place names: which of a name's gazetteer readings the report means.

Readings are ranked by the report's focus country (a name never vouches for
its own country), own name before alias, seats of government, population,
nearness to the report's cities and membership of the regions it names; a
reading abroad is dropped where the rest of the report makes it implausible.
:func:`locate` then makes the chosen reading a Place, reading "5 km south of X".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from marsad.gazetteer import normalise
from marsad.gazetteer.names import strip_article
from marsad.model import GeoEntry, Place, Span
from marsad.numbers import parse_count
from marsad.stages.recognise import DIRECTIONS, REGION_SUFFIX, Candidate, dotted_regions

CACHE_SIZE = 50_000
NEARBY_KM = 15
# A city of millions spreads farther: its reach grows with the square root of its people
# (its area with their number), NEARBY_KM for a city of METRO_POPULATION or fewer.
METRO_POPULATION = 1_000_000
NEARBY_BONUS = 3.0      # outweighs a village's thousand inhabitants over a district's none
FOCUS_MAJORITY = 3
FOREIGN_DOUBTFUL_POPULATION = 20_000
LONE_FOREIGN_POPULATION = 100_000
# A written-alone name shared by a region and a big city or a capital is the
# city: "New York", "Aleppo", "Washington".
BIG_CITY = 1_000_000
CITY_WORD = re.compile(r"\s+city$", re.IGNORECASE)
MILES_KM = 1.609344
NUMBER_WORDS = ("a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                "thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a few|several|a couple of")
RELATIVE = re.compile(
    r"\b(?P<dist>\d+(?:\.\d+)?|(?:NUMBER_WORDS)(?:[- ](?:NUMBER_WORDS))?)\s*-?\s*(?P<unit>km|kms|kilometers|kilometres|miles|mi)\s+"
    r"\(?[^()]{0,20}?\)?\s*(?P<dir>(?:north|south)?-?(?:east|west)?|north|south)(?:ern)?\s+of\s+"
    r"(?:the\s+(?:[a-z]+\s+)?(?:capital|city|town|village)\s+(?:of\s+)?)?$"
    .replace("NUMBER_WORDS", NUMBER_WORDS), re.IGNORECASE)
# A place said to be "in" a town the report names lies within this distance of it; a
# namesake farther off is not the one meant.
CONTAINED_KM = 100
CONTAINER_POPULATION = 50_000
NEAR = re.compile(r"(?:near|outside|on the outskirts of|in the outskirts of|close to|"
                  r"in the countryside of|in the vicinity of)\s+(?:the\s+)?$", re.IGNORECASE)


def rank(entry: GeoEntry, focus: list[str], region: bool) -> float:
    """Score a candidate entry: the focus country, then seats of government, then size."""
    score = math.log10(entry.population + 10)
    if entry.feature_code in ("PCLI", "PCL", "PCLD", "PCLS", "PCLF"):
        score += 6          # a country name means the country
    if focus and entry.country == focus[0]:
        score += 4
    elif entry.country in focus:
        score += 2
    if entry.feature_code.startswith("PPLC"):
        score += 2          # a national capital is news far beyond its country
    elif entry.feature_code in ("PPLA", "PPLA2"):
        score += 1
    if region and entry.feature == "A":
        score += 3
    return score


def city_state(best: GeoEntry, options: list[GeoEntry]) -> GeoEntry:
    """Read a country that is one city (Hong Kong, Singapore) as the city: events happen there."""
    if not best.feature_code.startswith("PCL"):
        return best
    same = [e for e in options if e.country == best.country and e.feature_code == "PPLC"
            and normalise(e.name) == normalise(best.name)]
    return same[0] if same else best


def city_before_region(best: GeoEntry, options: list[GeoEntry], written: str) -> GeoEntry:
    """Read a region's name written alone as its namesake city when that city is big or a capital.

    News writes "New York" or "Aleppo" for the city and "New York state" or
    "Aleppo province" for the region; a small town named like its region
    ("Idlib") leaves the region standing, as the report may mean either.
    """
    if best.feature != "A" or best.feature_code.startswith("PCL"):
        return best
    city = CITY_WORD.sub("", written)
    cities = [e for e in options if e.feature == "P"
              and (own_name(e, written) or own_name(e, f"{written} City"))
              and (e.population >= BIG_CITY or e.feature_code == "PPLC")
              and (e.country == best.country)]
    # "Quebec City" says which of the two it means, whatever the city's size.
    cities = cities or [e for e in options if e.feature == "P" and city != written
                        and own_name(e, city) and e.country == best.country]
    return max(cities, key=lambda e: e.population) if cities else best


def code_like(name: str) -> bool:
    """Say whether a name looks like a code ("BA", "GTM", "U.S."): three capitals or fewer."""
    letters = name.replace(".", "")
    return len(letters) <= 3 and letters.isalpha() and letters.isupper()


def plausible(entry: GeoEntry, candidate: Candidate, others: Counter[str]) -> bool:
    """Say whether a reading abroad is believable in a report clearly about one country.

    ``others`` are the votes of the report's other towns and regions (a name
    repeated five times does not vouch for itself), plus one for each
    country it names. Where they point FOCUS_MAJORITY times or more into one
    country, a foreign town or county is far more often a misreading than
    news from there when: nothing else points into its country and it has
    fewer than LONE_FOREIGN_POPULATION people ("Tabaqa" read as a Tunisian
    namesake in a report on Raqqa); or it is
    reached only through one of its alternate names ("Barrel" for an Indian
    town); or the recogniser did not call it a place and it is small.
    """
    if not others or not (entry.feature == "P" or entry.feature_code == "ADM2"):
        return True
    focus, strength = others.most_common(1)[0]
    if entry.country == focus or strength < FOCUS_MAJORITY or strength < 2 * others[entry.country]:
        return True
    if not others[entry.country] and entry.population < LONE_FOREIGN_POPULATION:
        return False
    if not own_name(entry, candidate.name):
        return False
    return candidate.trusted or entry.population >= FOREIGN_DOUBTFUL_POPULATION


def own_name(entry: GeoEntry, written: str) -> float:
    """Favour a place whose own name is the one written over one that merely has it as an alias.

    Spelling that only transliteration changes ("Saada" for "Sa'dah") still
    counts as its own name, and so does a name without its Arabic article
    ("Raqqa" for "Ar Raqqah").
    """
    bare = REGION_SUFFIX.sub("", written)
    names = (spelling(entry.name), spelling(strip_article(normalise(entry.name))))
    return 1.5 if spelling(written) in names or spelling(bare) in names else 0.0


@lru_cache(maxsize=CACHE_SIZE)
def spelling(name: str) -> str:
    """Reduce a name to its letters, doubled letters once and no final "h"."""
    letters = re.sub(r"[^a-z]", "", normalise(name))
    return re.sub(r"(.)\1+", r"\1", letters).removesuffix("h")


def nearby(entry: GeoEntry, anchors: tuple[GeoEntry, ...], written: str = "") -> float:
    """Favour a town or site near another place the report names, or in a region it names.

    Within NEARBY_KM of a named city (more for a metropolis: :func:`reach_km`,
    "Heathrow" by London), or inside a named admin1 or admin2
    region ("Ariha, Idlib province"). Regions themselves get no bonus from
    cities, which would pull their own namesake provinces; a county inside a
    named state does ("Monroe County in northeast Missouri"): Monroe Counties
    are in seventeen states. Only when ``written`` says it is a county or
    district: "Delaware" alone is the state, "Kingston" the town, not the
    district of that name.
    """
    if entry.feature == "A" and not (entry.feature_code == "ADM2" and REGION_SUFFIX.search(written)):
        return 0.0
    for anchor in anchors:
        if anchor.geonameid == entry.geonameid or anchor.country != entry.country:
            continue
        if anchor.feature_code == "ADM1" and entry.admin1 == anchor.name:
            return NEARBY_BONUS
        if entry.feature == "A":
            continue
        if anchor.feature_code == "ADM2" and entry.admin2 == anchor.name:
            return NEARBY_BONUS
        if anchor.feature == "P" and distance_km(anchor, entry) <= reach_km(anchor):
            return NEARBY_BONUS
    return 0.0


def reach_km(city: GeoEntry) -> float:
    """Return how far from a city's point its built-up area and airports reach."""
    return NEARBY_KM * max(1.0, math.sqrt(city.population / METRO_POPULATION))


def distance_km(a: GeoEntry, b: GeoEntry) -> float:
    north = math.radians(b.lat - a.lat)
    east = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(north, east)


def name_key(candidate: Candidate) -> tuple[str, bool]:
    return normalise(candidate.name), candidate.region


def own_votes(candidates: list[Candidate], options: Any) -> dict[tuple[str, bool], Counter[str]]:
    """Return, per name, the votes its own mentions cast (see :func:`country_votes`)."""
    own: dict[tuple[str, bool], Counter[str]] = {}
    for candidate in candidates:
        own.setdefault(name_key(candidate), Counter()).update(country_votes([candidate], options))
    return own


def country_votes(candidates: list[Candidate], options: Any) -> Counter[str]:
    """Rank countries by how many of the report's names point into them.

    Each name votes for the country of its largest namesake (a place whose own
    name it is before one that has it as an alias); a country named
    outright votes twice, since a report that says "Syria" is about Syria.
    """
    votes: Counter[str] = Counter()
    for candidate in candidates:
        found = options(candidate)
        if found and found[0].feature_code.startswith("PCL"):
            votes[found[0].country] += 2
        elif found:
            votes[max(found, key=lambda e: (own_name(e, candidate.name) > 0, e.population)).country] += 1
    return votes


def focus_of(places: tuple[Place, ...], towns_only: bool = False) -> str | None:
    """Return the country most of the resolved places lie in.

    With ``towns_only``, the country of most towns and regions (else of the
    countries named): countries named as actors ("US-led strikes", "Russia
    said") do not outweigh the one town where things happened.
    """
    located = [p for p in places if p.entry is not None]
    if towns_only:
        located = [p for p in located if not p.entry.feature_code.startswith("PCL")] or located
    counts = Counter(p.entry.country for p in located)
    return counts.most_common(1)[0][0] if counts else None


def level_with_conjuncts(parsed: Any, chosen: list[tuple[Candidate, GeoEntry | None]],
                         options: Any) -> list[tuple[Candidate, GeoEntry | None]]:
    """Read a name listed with admin1 regions as the region of its name: "California or Washington".

    Names joined by "and"/"or" are of one kind; a town reading beside a
    state's is swapped for the state of that name in the same country.
    """
    by_token = {}
    for n, (candidate, _) in enumerate(chosen):
        span = parsed.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if span is not None:
            by_token[span.root.i] = n
    result = list(chosen)
    for i, n in by_token.items():
        candidate, entry = chosen[n]
        if entry is None or entry.feature != "P":
            continue
        peers = [chosen[by_token[t.i]][1] for t in parsed[i].conjuncts if t.i in by_token]
        regions = {p.country for p in peers if p is not None and p.feature_code == "ADM1"}
        same = [e for e in options(candidate) if e.feature_code == "ADM1" and e.country in regions
                and own_name(e, candidate.name)]
        if same:
            result[n] = (candidate, same[0])
    return result


def level_with_town(text: str, chosen: list[tuple[Candidate, GeoEntry | None]],
                    options: Any) -> list[tuple[Candidate, GeoEntry | None]]:
    """Read the name after "Town, " as the region the town lies in: "Tacoma, Washington".

    News writes a town's state or province after a comma; where that name is
    also a city ("Washington", "New York"), the town's own region says which.
    """
    result = list(chosen)
    for n in range(1, len(chosen)):
        (town, seat), (candidate, entry) = chosen[n - 1], chosen[n]
        if seat is None or entry is None or entry.feature_code == "ADM1" or seat.feature_code == "ADM1" \
                or text[town.end:candidate.start] != ", ":
            continue
        same = [e for e in options(candidate) if e.feature_code == "ADM1" and e.country == seat.country
                and e.name == seat.admin1 and own_name(e, candidate.name)]
        if same:
            result[n] = (candidate, same[0])
    return result


def town_in_named_region(text: str, chosen: list[tuple[Candidate, GeoEntry | None]],
                         options: Any) -> list[tuple[Candidate, GeoEntry | None]]:
    """Read "Town, Region" as the town of that name inside that region: "Atlanta, Georgia".

    Where the name after the comma is read as a country or another wide area
    but is also an admin1 region that holds a town of the first name, the pair
    says which of each the report means: the region written after a town is
    where that town lies. A name read as a town after the comma is left alone
    ("Homs, Hama" lists two cities), unless it is another name of a reading
    of the first ("Washington, D.C.").
    """
    result = list(chosen)
    for n in range(1, len(chosen)):
        (town, seat), (candidate, entry) = result[n - 1], result[n]
        if seat is None or entry is None or text[town.end:candidate.start] != ", ":
            continue
        if any(e.geonameid == entry.geonameid for e in options(town)):     # "Washington, D.C."
            result[n - 1] = (town, entry)
            continue
        if entry.feature == "P":
            continue
        if seat.feature == "P" and seat.country == entry.country and seat.admin1 == entry.name:
            continue
        dotted = candidate.name in dotted_regions()     # "D.C." names its region outright
        for region in (e for e in options(candidate) if e.feature_code == "ADM1"
                       and (dotted or own_name(e, candidate.name))):
            inside = [e for e in options(town) if e.feature == "P" and e.country == region.country
                      and e.admin1 == region.name and own_name(e, town.name)]
            if inside:
                result[n - 1] = (town, max(inside, key=lambda e: e.population))
                result[n] = (candidate, region)
                break
    return result


def in_stated_town(text: str, chosen: list[tuple[Candidate, GeoEntry | None]],
                   containers: Any) -> list[tuple[Candidate, GeoEntry | None]]:
    """Place a name the report puts "in" a town it names at that town, when its own reading is far off.

    "The shelter at Eva's Court in Y" or "Oak Avenue in Y": the gazetteer
    knows the first name only as a namesake town hundreds of kilometres away;
    the report says it is in Y, a town of CONTAINER_POPULATION or more it
    names. ``containers(text, end)`` gives the names that may be that town.
    """
    towns = {normalise(c.name): e for c, e in chosen if e is not None and e.feature == "P"
             and e.population >= CONTAINER_POPULATION}
    result = []
    for candidate, entry in chosen:
        if entry is not None and entry.feature in ("P", "S") and not candidate.region:
            town = next((towns[key] for name in containers(text, candidate.end)
                         if (key := normalise(name)) in towns), None)
            if town is not None and distance_km(town, entry) > CONTAINED_KM:
                entry = town
        result.append((candidate, entry))
    return result


def one_reading_per_name(before: list[tuple[Candidate, GeoEntry | None]],
                         after: list[tuple[Candidate, GeoEntry | None]],
                         kept: frozenset[int] | set[int] = frozenset()) -> list[tuple[Candidate, GeoEntry | None]]:
    """Give every mention of a name the reading its context settled for one of them.

    A report means one place by one name: once "Alaska, Hawaii and
    Washington" or "Tacoma, Washington" shows "Washington" to be the state,
    "home in Washington" is the state too.
    """
    settled: dict[str, set[int]] = {}
    entries = {}
    for (c, old), (_, e) in zip(before, after):
        if e is not old and e is not None:
            settled.setdefault(normalise(c.name), set()).add(e.geonameid)
            entries[e.geonameid] = e
    # Where contexts settle one name two ways ("Washington, D.C." and "Oregon and
    # Washington"), each mention keeps its own.
    sure = {name: entries[next(iter(ids))] for name, ids in settled.items() if len(ids) == 1}
    # A mention whose reading is in ``kept`` keeps it all the same.
    return [(c, e if e is not None and e.geonameid in kept else sure.get(normalise(c.name), e))
            for c, e in after]


def locate(text: str, candidate: Candidate, entry: GeoEntry) -> Place:
    """Make a Place, reading "5 km south of X" or "near X" just before the name."""
    before = text[max(0, candidate.start - 60):candidate.start]
    precision = 3 if entry.feature == "A" else 1
    span = Span(candidate.start, candidate.end)
    match = RELATIVE.search(before)
    distance = parse_count(match.group("dist")) if match else None
    if match and distance is not None and distance.best and \
            match.group("dir").replace("-", "").lower() in DIRECTIONS:
        km = distance.best * (MILES_KM if match.group("unit").lower().startswith("mi") else 1)
        lat, lon = offset_point(entry.lat, entry.lon, km, match.group("dir").replace("-", "").lower())
        start = candidate.start - len(before) + match.start()
        return Place(Span(start, candidate.end), text[start:candidate.end], entry, 2, lat, lon,
                     anchor=candidate.name)
    if entry.feature == "L":
        precision = 2       # an area: part of a place, as ACLED's geo_precision 2
    if NEAR.search(before) and precision == 1:
        precision = 2
    if entry.seat_lat is not None and entry.seat_lon is not None:
        # ACLED codes an event known only by its region or country at the capital.
        return Place(span, candidate.name, entry, precision, entry.seat_lat, entry.seat_lon)
    return Place(span, candidate.name, entry, precision, entry.lat, entry.lon)


def offset_point(lat: float, lon: float, km: float, direction: str) -> tuple[float, float]:
    """Move a point km kilometres in a compass direction."""
    north, east = DIRECTIONS[direction]
    dlat = north * km / 111.32
    dlon = east * km / (111.32 * max(0.01, math.cos(math.radians(lat))))
    return round(lat + dlat, 5), round(lon + dlon, 5)
