"""Decide which report incidents are the same real event, and fold them into one.

Two incidents told by different documents are one event when they have the
same ACLED event type, their days are at most one apart (a follow-up report's
"yesterday" lands on the same day; a report filed after midnight may land on
the next), and their places agree: the same GeoNames entry, points within
``NEAR_KM``, or one known only by its region (geo_precision 3) lying in the
other's admin1. Two incidents of one document are never merged: the extractor
already decided they differ. Among several candidates the best is the one on
the same day, then the same sub-event type, shared perpetrators, and the
nearest point.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Iterable

from marsad.model import CasualtyReport, Count, Span
from marsad.reconcile import reconcile

NEAR_KM = 10.0
MAX_DAYS_APART = 1
STATUS_RANK = {"claimed": 0, "reported": 1, "accused": 2, "suspected": 3}


@dataclass(frozen=True)
class Sighting:
    """One report incident as the merger sees it."""

    id: int
    document_id: int
    day: date | None
    event_type: str
    sub_event_type: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    geonameid: int | None
    precision: int | None
    perpetrators: frozenset[str] = frozenset()
    incident_id: int | None = None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def same_place(a: Sighting, b: Sighting) -> float | None:
    """Return the distance that makes two places one (0 for the same entry), or None."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 0.0
    if a.country and b.country and a.country != b.country:
        return None
    if None not in (a.lat, a.lon, b.lat, b.lon):
        km = distance_km(a.lat, a.lon, b.lat, b.lon)
        if km <= NEAR_KM:
            return km
    regional = (a.precision or 1) >= 3 or (b.precision or 1) >= 3
    if regional and a.admin1 and a.admin1 == b.admin1:
        return NEAR_KM
    return None


def match_score(new: Sighting, old: Sighting) -> tuple | None:
    """Return a sort key (lower is better) when ``old`` may be the same event as ``new``."""
    if new.document_id == old.document_id or new.event_type != old.event_type:
        return None
    if new.day is None or old.day is None or abs((new.day - old.day).days) > MAX_DAYS_APART:
        return None
    km = same_place(new, old)
    if km is None:
        return None
    return (new.day != old.day, new.sub_event_type != old.sub_event_type,
            not (new.perpetrators & old.perpetrators), km)


def best_incident(new: Sighting, candidates: Iterable[Sighting],
                  taken: set[int] = frozenset()) -> int | None:
    """Return the corpus incident ``new`` belongs to, or None for a new one.

    ``taken`` holds incidents that already hold a sighting of ``new``'s document.
    """
    scored = [(score, old.incident_id) for old in candidates
              if old.incident_id is not None and old.incident_id not in taken
              and (score := match_score(new, old)) is not None]
    return min(scored)[1] if scored else None


def most_common(values: Iterable, tie=min):
    """Return the most frequent non-null value, ties broken by ``tie``."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    top = max(counts.values())
    return tie(v for v, n in counts.items() if n == top)


def merged_perpetrators(lists: Iterable[Iterable[dict]]) -> list[dict]:
    """Union the perpetrators of several sightings, keeping each one's firmest status."""
    best: dict[str, str] = {}
    for perpetrators in lists:
        for p in perpetrators:
            known = best.get(p["name"])
            if known is None or STATUS_RANK.get(p["status"], 9) < STATUS_RANK.get(known, 9):
                best[p["name"]] = p["status"]
    return [{"name": name, "status": status} for name, status in best.items()]


@dataclass(frozen=True)
class Figure:
    """A casualty figure from one document's casualty report, ready to reconcile."""

    source: str
    low: int | None
    high: int | None
    qualifier: str | None
    reported_at: str | None     # ISO time, else the document's publication day
    offset: int
    partial: bool = False       # counts part of a toll ("including five children")


def as_report(figure: Figure) -> CasualtyReport:
    count = Count(figure.low, figure.high, figure.qualifier)
    return CasualtyReport(incident=None, source=figure.source, evidence=(Span(figure.offset, figure.offset),),
                          killed=count, time=parse_moment(figure.reported_at))


def parse_moment(value: str | None) -> datetime | None:
    if not value:
        return None
    if len(value) == 10:
        return datetime.combine(date.fromisoformat(value), time(), tzinfo=timezone.utc)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def reconcile_figures(figures: list[Figure]) -> dict[str, int | None] | None:
    """Reconcile every source's figures across documents (newest per source wins).

    As within one report (``marsad.reconcile.whole_tolls``), figures that count
    part of a toll stay out when any source gives a whole one.
    """
    usable = [f for f in figures if f.low is not None or f.high is not None]
    if not usable:
        return None
    usable = [f for f in usable if not f.partial] or usable
    return reconcile([as_report(f) for f in usable], lambda r: r.killed)


def pairwise(items: list[tuple[str, str, int]]) -> dict[str, float]:
    """Score merging over (document, gold event, corpus incident) triples, one per report incident.

    Pairs from different documents count: precision is the share of merged
    pairs that are one gold event, recall the share of gold-event pairs merged.
    """
    merged = same = both = 0
    for n, (doc_a, gold_a, got_a) in enumerate(items):
        for doc_b, gold_b, got_b in items[n + 1:]:
            if doc_a == doc_b:
                continue
            merged += got_a == got_b
            same += gold_a == gold_b
            both += got_a == got_b and gold_a == gold_b
    precision = both / merged if merged else 1.0
    recall = both / same if same else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "merged_pairs": merged,
            "gold_pairs": same, "correct_pairs": both}
