"""Where a report is: its focus country and region, read from the places it resolved.

A first reading of each name votes by the largest namesake of every other name
(:func:`~marsad.stages.resolve.country_votes`): "Glasgow" votes for Scotland
even in a report datelined "GLASGOW, Ky.". Once anchors and context have
settled the names they can ("Town, State", a town in a region the report
names), those readings say where the report is, and every name is read again
in that light:

- the focus country is the one most settled readings, and the largest
  namesakes of the other names, lie in;
- the focus region is the admin1 region most of them lie in, or name: a
  county of a name shared across states ("Monroe County") is that region's;
- a small namesake does not outweigh a capital or a city of millions abroad
  unless the report points into its region (names the region or a city near
  it, or is about the region) and does not name the famous one's country:
  "Paris" in a report on Washington politics is France's capital, the Paris
  in Texas only in a report on Texas.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from marsad.model import GeoEntry

# A town this big anchors the report's smaller places ("the X district of Y").
ANCHOR_POPULATION = 50_000
# A focus region must be named or hold this many of the report's readings.
REGION_MAJORITY = 2
REGION_FOCUS_BONUS = 2.0    # a county of the region the report is about
# A national capital or a city of millions is what its name means to a reader anywhere.
FAMOUS_POPULATION = 2_000_000
# A namesake this big is news in its own right: "Tripoli" in a report on Lebanon is Lebanon's.
LOCAL_NAMESAKE_POPULATION = 100_000


def region_of(entry: GeoEntry) -> tuple[str, str] | None:
    """Return the (country, admin1) a reading lies in or is; None for a country or a wide area."""
    if entry.feature_code == "ADM1":
        return entry.country, entry.name
    if entry.feature in ("P", "A", "S", "L") and entry.admin1 and not entry.feature_code.startswith("PCL"):
        return entry.country, entry.admin1
    return None


def focus_region(readings: Iterable[GeoEntry]) -> tuple[str, str] | None:
    """Return the admin1 region most of a report's readings lie in, if one clearly leads.

    It leads with REGION_MAJORITY readings or more and more than any other
    region: a report on one state's towns, not a list of states.
    """
    counts = Counter(r for e in readings if (r := region_of(e)) is not None)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < REGION_MAJORITY or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def reading_votes(readings: Iterable[GeoEntry]) -> Counter[str]:
    """Count the countries of settled readings: a country named outright votes twice."""
    votes: Counter[str] = Counter()
    for entry in readings:
        votes[entry.country] += 2 if entry.feature_code.startswith("PCL") else 1
    return votes


@dataclass(frozen=True)
class View:
    """Where the report's other names point, as seen from one name."""

    region: tuple[str, str] | None = None   # the admin1 region they lie in, if one leads
    named: frozenset[str] = frozenset()     # the countries it names outright


def in_focus_region(entry: GeoEntry, region: tuple[str, str] | None, options: list[GeoEntry]) -> bool:
    """Say whether a place lies in the report's focus region.

    A name that is also the region's own ("Quebec" in a report on Quebec
    towns) may mean the region: lying in it says nothing for the town.
    """
    if region is None or entry.feature_code == "ADM1" or region_of(entry) != region:
        return False
    return not any(e.feature_code == "ADM1" and region_of(e) == region for e in options)


def famous(entry: GeoEntry) -> bool:
    """Say whether a place is known by its name the world over: a capital or a city of millions.

    A capital of a few thousand ("Plymouth" of Montserrat) is known to few.
    """
    return entry.feature == "P" and (entry.population >= FAMOUS_POPULATION or
                                     entry.feature_code == "PPLC" and entry.population >= LOCAL_NAMESAKE_POPULATION)


def famous_over_namesake(best: GeoEntry, options: list[GeoEntry], local: bool, view: View,
                         own_name: Callable[[GeoEntry], float]) -> GeoEntry:
    """Read a name as its famous bearer rather than a small namesake the report does not place.

    ``local`` says the report names the namesake's region or a city near it;
    the report may also be about its region. A country focus alone, as in a
    report on foreign affairs full of "U.S.", does not make "Paris" the one in
    Texas; a report that names France means France's Paris all the same.
    """
    if best.feature != "P" or famous(best) or best.population >= LOCAL_NAMESAKE_POPULATION:
        return best
    known = [e for e in options if famous(e) and e.country != best.country and own_name(e)]
    if not known:
        return best
    top = max(known, key=lambda e: e.population)
    if top.country in view.named and best.country not in view.named:
        return top
    return best if local or in_focus_region(best, view.region, []) else top


def region_of_report(best: GeoEntry, options: list[GeoEntry], region: tuple[str, str] | None,
                     own_name: Callable[[GeoEntry], float]) -> GeoEntry:
    """Read a name the report's focus region bears as that region, unless its reading lies in it.

    A report on Seattle and Spokane that says "Washington" means the state, not
    the capital across the country; one on Buffalo and Albany that says "New
    York" may mean the city, which lies in the state.
    """
    if region is None or region_of(best) == region:
        return best
    same = [e for e in options if e.feature_code == "ADM1" and region_of(e) == region and own_name(e)]
    return same[0] if same else best


def anchor(entry: GeoEntry) -> bool:
    """Say whether a reading anchors the report's other names: a sizeable town, or a region."""
    return entry.feature == "P" and entry.population >= ANCHOR_POPULATION or entry.feature_code in ("ADM1", "ADM2")
