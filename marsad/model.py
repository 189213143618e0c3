"""The records that flow through marsad: one Document and the facts found in it.

Every record is a frozen dataclass. Offsets are Python ``str`` indices into
``Document.text``; every fact keeps the span(s) of the sentence it came from.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text: ``text[start:end]``."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class Segment:
    """A live-blog entry or the whole text of a plain report."""

    id: str
    start: int
    end: int
    label: str | None = None        # "UPDATE 1830 GMT", "ORIGINAL ENTRY", ...
    time: datetime | None = None    # UTC, on the publication date when known


@dataclass(frozen=True)
class GeoEntry:
    """One gazetteer record (GeoNames or a user supplement)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str                    # ISO 3166-1 alpha-2
    admin1: str | None = None       # the admin1 region's name
    admin2: str | None = None
    feature: str = "P"              # GeoNames feature class: P place, A admin, S site, ...
    feature_code: str = "PPL"
    population: int = 0
    # Where ACLED codes an event known only by this region or country: its
    # capital (geo_precision 3). None for places, whose point is their own.
    seat_lat: float | None = None
    seat_lon: float | None = None


@dataclass(frozen=True)
class Place:
    """A place mention resolved (or not) to a gazetteer entry."""

    span: Span
    name: str                       # as written
    entry: GeoEntry | None
    precision: int = 1              # ACLED geo_precision: 1 place, 2 near/part, 3 region
    lat: float | None = None        # the point used; differs from entry for offsets
    lon: float | None = None
    anchor: str | None = None       # "5 miles south of X": X's name
    role: str = "place"             # "place"; in Document.mentions: "demonym", "region", "embedded"


@dataclass(frozen=True)
class Actor:
    """An actor mention normalised to its canonical name."""

    span: Span
    name: str                       # canonical: "Islamic State"
    surface: str                    # as written: "Daesh"
    kind: str | None = None         # ACLED actor type, when known
    country: str | None = None
    speaker: str | None = None      # "Foreign Ministry" speaking for the state


@dataclass(frozen=True)
class Count:
    """A figure as a range: "at least 90" is Count(90, None, "at least")."""

    low: int | None
    high: int | None
    qualifier: str | None = None

    @property
    def best(self) -> int | None:
        if self.low is not None and self.high is not None:
            return (self.low + self.high) // 2 if self.qualifier == "range" else self.low
        return self.low if self.low is not None else self.high


@dataclass(frozen=True)
class EventMention:
    """A sentence that reports an event of one type at one place."""

    span: Span                      # the evidence sentence
    trigger: Span
    event_type: str
    sub_event_type: str
    place: Place | None
    day: date | None
    segment: str | None = None
    perpetrators: tuple[str, ...] = ()
    specificity: int = 2            # 1: a generic word ("attacked") typed from context
    day_stated: bool = False        # the sentence gives the day; else it is the entry's or report's


@dataclass(frozen=True)
class Perpetrator:
    name: str
    status: str                     # claimed | accused | reported | suspected


@dataclass(frozen=True)
class Fact:
    """One attack detail the report states, with the words that state it."""

    value: str                      # "Bombing/Explosion", "Explosives", "Police", "yes", "2"
    evidence: Span
    detail: str | None = None       # a weapon's subtype: "Vehicle-borne IED"


@dataclass(frozen=True)
class Attack:
    """An incident's attack as the GTD records it; only what the report states."""

    attack_types: tuple[Fact, ...] = ()     # in GTD's order: the first is the attack's type
    weapons: tuple[Fact, ...] = ()
    targets: tuple[Fact, ...] = ()
    suicide: Fact | None = None
    blasts: Fact | None = None              # value: the number stated ("two explosions")
    attackers: Fact | None = None           # "three gunmen"
    coordinated: Fact | None = None         # the words calling it one of several coordinated attacks


@dataclass(frozen=True)
class Role:
    """An actor's part in an incident: perpetrator, target, claimant or source."""

    actor: str
    role: str
    evidence: tuple[Span, ...]
    status: str | None = None       # a perpetrator's: claimed | reported | accused | suspected
    type: str | None = None         # ACLED actor type ("State forces"), when known


@dataclass(frozen=True)
class Incident:
    id: str
    day: date | None
    event_type: str
    sub_event_type: str
    place: Place
    perpetrators: tuple[Perpetrator, ...] = ()
    killed: dict[str, int | None] | None = None     # {"low", "best", "high"}
    wounded: dict[str, int | None] | None = None
    related: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()
    competing_claims: bool = False  # two claimants, or a claim that others are blamed or deny
    attack: Attack | None = None    # GTD attack detail, for violent incidents
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A claim of responsibility, a denial or an accusation."""

    id: str
    kind: str                       # claim | denial | accusation
    actor: str
    evidence: tuple[Span, ...]
    against: tuple[str, ...] = ()
    incidents: tuple[str, ...] = ()
    channel: str | None = None
    time: datetime | None = None
    firmness: str = "asserted"      # asserted | hedged | false
    speaker: str | None = None


@dataclass(frozen=True)
class CasualtyReport:
    """One source's figures for one place in one sentence, by category."""

    incident: str | None
    source: str | None
    evidence: tuple[Span, ...]
    killed: Count | None = None             # the victims; never the attackers' own dead
    wounded: Count | None = None
    time: datetime | None = None
    place: Place | None = None
    missing: Count | None = None
    abducted: Count | None = None
    arrested: Count | None = None
    displaced: Count | None = None
    attackers_killed: Count | None = None   # "the bomber", "three gunmen were killed"
    counted: tuple[tuple[str, str], ...] = ()   # (category, who): ("killed", "children")
    partial: bool = False           # its killed figure is part of a toll: "another five", children only


@dataclass(frozen=True)
class Document:
    """One report and everything the stages have found in it so far.

    Stages never mutate a Document: they return ``doc.with_(...)``.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    notes: tuple[str, ...] = ()
    segments: tuple[Segment, ...] = ()
    parsed: Any = None              # the spaCy Doc over ``text``
    places: tuple[Place, ...] = ()
    mentions: tuple[Place, ...] = ()    # place names that are no event's place (see Place.role)
    actors: tuple[Actor, ...] = ()
    events: tuple[EventMention, ...] = ()
    casualties: tuple[CasualtyReport, ...] = ()
    claims: tuple[Claim, ...] = ()
    incidents: tuple[Incident, ...] = ()
    extras: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_(self, **changes: Any) -> "Document":
        return replace(self, **changes)

    def places_within(self, start: int, end: int) -> list[Place]:
        """Return the place mentions that begin in ``[start, end)``, in text order.

        Stages ask this once per sentence; bisecting an ordered copy keeps a long
        text linear where a scan of every place per sentence would be quadratic.
        """
        starts, ordered = self._places_by_start
        return list(ordered[bisect_left(starts, start):bisect_left(starts, end)])

    def events_within(self, start: int, end: int) -> list[EventMention]:
        """Return the event mentions whose sentence begins in ``[start, end)``, in text order."""
        starts, ordered = self._events_by_start
        return list(ordered[bisect_left(starts, start):bisect_left(starts, end)])

    def actors_near(self, start: int, end: int) -> list[Actor]:
        """Return, in their original order, the actor mentions that may overlap ``[start, end)``:
        those that begin before ``end`` and no further before ``start`` than the longest mention
        runs. A superset of the overlapping ones, found by bisection, not a scan of them all."""
        starts, ordered, longest = self._actors_by_start
        found = ordered[bisect_left(starts, start - longest):bisect_left(starts, end + 1)]
        return [actor for _, actor in sorted(found, key=lambda pair: pair[0])]

    @cached_property
    def _actors_by_start(self) -> tuple[list[int], list[tuple[int, Actor]], int]:
        ordered = sorted(enumerate(self.actors), key=lambda pair: pair[1].span.start)
        longest = max((a.span.end - a.span.start for a in self.actors), default=0)
        return [a.span.start for _, a in ordered], ordered, longest

    @cached_property
    def _places_by_start(self) -> tuple[list[int], list[Place]]:
        ordered = sorted(self.places, key=lambda p: p.span.start)
        return [p.span.start for p in ordered], ordered

    @cached_property
    def _events_by_start(self) -> tuple[list[int], list[EventMention]]:
        ordered = sorted(self.events, key=lambda m: m.span.start)
        return [m.span.start for m in ordered], ordered

    def segment_at(self, offset: int) -> Segment | None:
        for segment in self.segments:
            if segment.start <= offset < segment.end:
                return segment
        return None
