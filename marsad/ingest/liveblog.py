"""Split a live blog into its timestamped entries.

An entry starts at the beginning of a line with a marker such as
``UPDATE 1830 GMT:``, ``Update 2 (14:00):``, ``ORIGINAL ENTRY:``,
``18:30 UTC —``, ``10:45 a.m. ET:`` or ``[14:05]``. Only markers at the start
of a line that end in ``:``, a dash, a closing bracket or the end of the line
count, so "at 14:00 the convoy left" inside a sentence is not an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from marsad.model import Segment

# Hours from UTC. AST is read as Arabia Standard Time (+3), the sense it has in
# Middle East reporting, not Atlantic Standard Time (-4). ET and PT are taken
# as standard time: a blog that means daylight time should write EDT / PDT.
ZONE_OFFSETS: dict[str, float] = {
    "GMT": 0, "UTC": 0, "Z": 0,
    "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "AST": 3,
    "ET": -5, "EST": -5, "EDT": -4, "PT": -8, "PST": -8, "PDT": -7,
}
# Written in live blogs, but naming more than one zone (India / Ireland /
# Israel; US Central / China) or none: such entries get no time.
AMBIGUOUS_ZONES = frozenset({"IST", "CST", "LOCAL TIME", "LOCAL"})

_ZONE = (r"(?P<zone>CEST|EEST|CET|EET|GMT|UTC|BST|MSK|AST|EST|EDT|PST|PDT|IST|CST"
         r"|ET|PT|Z|local\s+time|local)\b")
_AMPM = r"[ap]\.?\s?m\b\.?"
_CLOCK = (rf"(?P<clock>\d{{1,2}}[:.]\d{{2}}(?:\s*{_AMPM})?"
          rf"|\d{{1,2}}\s*{_AMPM}|\d{{4}})")
_TIMEZ = rf"{_CLOCK}(?:\s*{_ZONE})?"
# A dash directly followed by a digit is a range ("12:30-13:00"), not an end;
# the end of the line also ends a marker ("14:05" alone above its paragraph).
_END = r"[ \t]*(?:[:\-–—]+(?!\d)|(?=\r?\n|\Z))"

_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"(?P<label>update(?:\s+\#?\d{{1,2}}\b)?"
    rf"(?:(?:\s*[,\-–—]\s*|\s+|\s*(?P<paren>\()\s*){_TIMEZ}(?(paren)\s*\)))?){_END}",
    rf"(?P<label>original\s+(?:entry|post|report|story)){_END}",
    rf"(?P<label>(?:\[(?P<square>)|\()\s*{_TIMEZ}\s*(?(square)\]|\)))",
    rf"(?P<label>{_TIMEZ}){_END}",
))
_LINE_START = re.compile(r"^[^\S\n]*(?=\S)", re.MULTILINE)
_CLOCK_PARTS = re.compile(rf"(\d{{1,2}})(?:[:.]?(\d{{2}}))?\s*({_AMPM})?", re.IGNORECASE)


@dataclass(frozen=True)
class Marker:
    """One entry marker found at the start of a line."""

    start: int
    label: str
    clock: tuple[int, int] | None   # (hour, minute), 24-hour
    zone: str | None                # upper-case as written; None when not given


def segment(text: str, published: date | None) -> tuple[Segment, ...]:
    """Split ``text`` into live-blog entries, times in UTC on ``published``."""
    return segment_with_notes(text, published)[0]


def segment_with_notes(text: str, published: date | None
                       ) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """Split ``text`` into entries and say which entry times were assumed."""
    markers = find_markers(text)
    return _segments(text, markers, published), _notes(markers, published)


def find_markers(text: str) -> list[Marker]:
    """Find the entry markers at line starts, in text order."""
    markers = []
    for line in _LINE_START.finditer(text):
        marker = _match_marker(text, line.end())
        if marker is not None:
            markers.append(marker)
    return markers


def entry_time(marker: Marker, published: date | None) -> datetime | None:
    """Give the marker's time as an aware UTC datetime on ``published``."""
    if published is None or marker.clock is None:
        return None
    offset = ZONE_OFFSETS.get(marker.zone or "UTC")
    if offset is None:
        return None
    local = timezone(timedelta(hours=offset))
    when = datetime.combine(published, time(*marker.clock), tzinfo=local)
    return when.astimezone(timezone.utc)


def _match_marker(text: str, pos: int) -> Marker | None:
    for pattern in _PATTERNS:
        found = pattern.match(text, pos)
        if found is None:
            continue
        marker = _marker(found, is_update=pattern is _PATTERNS[0])
        if marker is not None:
            return marker
    return None


def _marker(found: re.Match[str], is_update: bool) -> Marker | None:
    label = found.group("label").strip()
    groups = found.groupdict()
    clock_text, zone = groups.get("clock"), groups.get("zone")
    if clock_text is None:
        return Marker(found.start(), label, None, None)
    if clock_text.isdigit() and zone is None and not is_update:
        return None     # a bare "2016:" at a line start is a year, not 20:16
    clock = _parse_clock(clock_text)
    if clock is None:
        return None
    zone = re.sub(r"\s+", " ", zone.upper()) if zone else None
    return Marker(found.start(), label, clock, zone)


def _parse_clock(clock_text: str) -> tuple[int, int] | None:
    parts = _CLOCK_PARTS.fullmatch(clock_text.strip())
    if parts is None:
        return None
    hour, minute = int(parts.group(1)), int(parts.group(2) or 0)
    if parts.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if parts.group(3).lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _segments(text: str, markers: list[Marker], published: date | None
              ) -> tuple[Segment, ...]:
    if not text.strip():
        return ()
    if not markers:
        return (Segment("s0", 0, len(text)),)
    pieces: list[tuple[int, int, str | None, datetime | None]] = []
    if text[:markers[0].start].strip():
        pieces.append((0, markers[0].start, None, None))
    ends = [m.start for m in markers[1:]] + [len(text)]
    for marker, end in zip(markers, ends):
        pieces.append((marker.start, end, marker.label, entry_time(marker, published)))
    return tuple(Segment(f"s{i}", start, end, label, when)
                 for i, (start, end, label, when) in enumerate(pieces))


def _notes(markers: list[Marker], published: date | None) -> tuple[str, ...]:
    if published is None:
        return ()
    timed = [m for m in markers if m.clock is not None]
    notes = []
    bare = [m.label for m in timed if m.zone is None]
    if bare:
        notes.append(f"live-blog times with no time zone taken as UTC ({_count(bare)})")
    unclear = [m.label for m in timed if m.zone in AMBIGUOUS_ZONES]
    if unclear:
        notes.append(f"live-blog times in an ambiguous time zone left empty ({_count(unclear)})")
    return tuple(notes)


def _count(labels: list[str]) -> str:
    noun = "entry" if len(labels) == 1 else "entries"
    return f"{len(labels)} {noun}, e.g. {labels[0]!r}"
