"""The 30 event classes: CASE 2021 codes, ACLED sub-event type names and event types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad.stages.lexicon import data_rows


@dataclass(frozen=True)
class EventClass:
    code: str
    name: str               # the ACLED sub-event type, or the extra class's name
    event_type: str | None  # the ACLED event type; None for the five classes beyond ACLED


@cache
def event_classes() -> dict[str, EventClass]:
    """Return the classes by code, in the file's order."""
    return {row["code"]: EventClass(row["code"], row["name"],
                                    None if row["event_type"] == "-" else row["event_type"])
            for row in data_rows("event_classes.tsv")}


def squash(label: str) -> str:
    return re.sub(r"[^a-z0-9]", "", label.lower())


@cache
def _by_name() -> dict[str, str]:
    table = {}
    for c in event_classes().values():
        table[squash(c.code)] = c.code
        table[squash(c.name)] = c.code
    return table


def code_of(label: str) -> str:
    """Return the code for a code or a class name, in any case; KeyError if unknown."""
    return _by_name()[squash(label)]
