"""Find the day expressions in a sentence and resolve them against a report's date.

``find_day_expressions`` returns the spans; ``resolve_day`` turns one
expression into a date, given the day the report (or live-blog entry) was
published. Rules, where P is that day:

- "today", "earlier today", "this morning/afternoon/evening", "tonight": P.
- "yesterday (morning/...)", "last night": P - 1 day. A morning report's
  "last night" is the evening before.
- "the day before yesterday": P - 2 days; "two days ago", "3 days ago": P - N.
- "(on / early / late) Monday (morning/night/...)": the latest Monday on or
  before P, so a report published on a Monday means that same day. This is
  marsad's own rule: dateparser reads "on Monday" as the previous week's.
- "last Monday": the latest Monday strictly before P.
- "May 23", "23 May", "the 23rd of May", "May 23, 2016", "2016-05-23": that
  day. Without a year, the latest such day no later than P + 1 day: news is
  about the past, and the day of grace covers a wire dated in one time zone
  about an event already on the next day in another.
- "last week", "this month", "over the weekend", "two weeks ago": found, but
  resolved to None, too vague for a day. They are found so that a caller can
  tell a vague time from an unstated one.

Not found: "next Monday" and "the following Monday" (not the report's past),
"on the 23rd" (no month), and a lower-case "may" (the verb). Matching ignores
case, so MUC-style ALL-CAPS wire copy works.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateutil_parser
from number_parser import parse_number
from number_parser.data.en import info as _ENGLISH

_DATES = dateutil_parser.parserinfo()
_MONTH_NAMES = sorted({name for names in _DATES.MONTHS for name in names}, key=len, reverse=True)
# Full weekday names only: "Sat", "Sun" and "Wed" are also everyday words.
_WEEKDAY_NAMES = [names[-1] for names in _DATES.WEEKDAYS]
_SMALL_WORDS = sorted({**_ENGLISH["UNIT_NUMBERS"], **_ENGLISH["DIRECT_NUMBERS"],
                       **_ENGLISH["TENS"]}, key=len, reverse=True)

_MONTH = r"(?P<month>%s)\b\.?" % "|".join(_MONTH_NAMES)
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_AMOUNT = r"\d{1,2}|a|%s" % "|".join(_SMALL_WORDS)

_PATTERNS = {
    "iso": r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b",
    "month_day": rf"\b(?:on\s+)?{_MONTH}\s+{_DAY}\b{_YEAR}",
    "day_month": rf"\b(?:on\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}",
    "weekday": rf"\b(?:(?:early|late)\s+(?:on\s+)?|on\s+|(?P<last>last)\s+)?"
               rf"(?P<weekday>{'|'.join(_WEEKDAY_NAMES)})\b{_PART}\b",
    "relative": rf"\b(?:(?:earlier\s+)?today|this\s+(?:morning|afternoon|evening)|tonight"
                rf"|(?:the\s+day\s+before\s+)?yesterday{_PART}|last\s+night)\b",
    "ago": rf"\b(?P<n>{_AMOUNT})\s+days?\s+ago\b",
    "vague": rf"\b(?:(?:early|late|earlier|later)\s+)?(?:last|this)\s+"
             rf"(?:week|weekend|month|year)\b"
             rf"|\b(?:over|at|during)\s+the\s+weekend\b"
             rf"|\b(?:{_AMOUNT}|a\s+few|several)\s+(?:weeks?|months?|years?)\s+ago\b",
}
_COMPILED = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in _PATTERNS.items()}
# What every match of a pattern holds, so that a sentence skips the patterns it cannot match:
# the calendar patterns need a digit, the others one of these (lower-cased) strings.
_NEEDS_DIGIT = frozenset({"iso", "month_day", "day_month"})
_HINTS = {"weekday": ("day",), "relative": ("today", "yesterday", "night", "this "),
          "ago": (" ago",), "vague": ("week", "month", "year")}
_DIGIT = re.compile(r"\d")
_NOT_PAST = re.compile(r"\b(?:next|coming|following)\s+$", re.IGNORECASE)
_RELATIVE_DAYS = (("day before yesterday", 2), ("yesterday", 1), ("last night", 1))


def find_day_expressions(text: str) -> list[tuple[int, int, str]]:
    """Find the day expressions in a sentence as (start, end, text), in order."""
    found = []
    folded, digits = text.lower(), _DIGIT.search(text) is not None
    for kind, pattern in _COMPILED.items():
        if not (digits if kind in _NEEDS_DIGIT else any(h in folded for h in _HINTS[kind])):
            continue
        for match in pattern.finditer(text):
            if _is_day_expression(kind, match, text):
                found.append((match.start(), match.end(), match.group()))
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _is_day_expression(kind: str, match: re.Match[str], text: str) -> bool:
    if kind in ("month_day", "day_month") and match.group("month").islower():
        return False  # "the toll may 23" does not happen; "4 may have died" does
    if kind == "weekday" and _NOT_PAST.search(text, 0, match.start()):
        return False
    return True


def resolve_day(expression: str, published: date) -> date | None:
    """Resolve one day expression against the publication date; None when too vague."""
    # A trailing full stop is the sentence's; no pattern needs it ("23 Dec." reads as "23 Dec").
    phrase = " ".join(expression.split()).strip(" ,;:.")
    for kind, pattern in _COMPILED.items():
        match = pattern.fullmatch(phrase)
        if match is not None:
            return _RESOLVERS[kind](match, published)
    return None


def _relative(match: re.Match[str], published: date) -> date:
    phrase = match.group().lower()
    for words, days in _RELATIVE_DAYS:
        if words in phrase:
            return published - timedelta(days=days)
    return published


def _weekday(match: re.Match[str], published: date) -> date:
    weekday = _DATES.weekday(match.group("weekday"))
    if match.group("last"):
        return published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _days_ago(match: re.Match[str], published: date) -> date | None:
    amount = match.group("n").lower()
    if amount == "a":
        days = 1
    else:
        days = int(amount) if amount.isdigit() else parse_number(amount, language="en")
    return None if days is None else published - timedelta(days=days)


def _iso(match: re.Match[str], published: date) -> date | None:
    try:
        return date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    except ValueError:
        return None  # "2016-02-30"


def _calendar(match: re.Match[str], published: date) -> date | None:
    """Read "May 23" or "23 May 2016" with dateutil; with no year, the latest one in the past."""
    month, day, year = match.group("month").rstrip("."), match.group("day"), match.group("year")
    try:
        if year:
            return dateutil_parser.parse(f"{month} {day} {year}").date()
        default = datetime(published.year, 1, 1)
        found = dateutil_parser.parse(f"{month} {day}", default=default).date()
        if found > published + timedelta(days=1):
            found = dateutil_parser.parse(f"{month} {day} {published.year - 1}").date()
        return found
    except (ValueError, OverflowError):
        return None  # "February 30", or February 29 of a year without one


def _vague(match: re.Match[str], published: date) -> None:
    return None


_RESOLVERS = {"iso": _iso, "month_day": _calendar, "day_month": _calendar, "weekday": _weekday,
              "relative": _relative, "ago": _days_ago, "vague": _vague}
