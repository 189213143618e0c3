"""When a sentence's event happened, and which parts of a copied page tell no event.

A sentence's day is the one it states for its event (not the dateline's, a
page's publication stamp or the day a statement was made), else its live-blog
entry's or the report's. A sentence that recalls an event weeks or a year
before the report is background. A dateline ("KABUL, Aug 27 -") says where a
story was filed, and a web page's closing list of other stories tells none of
this report's events.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from marsad.model import Document
from marsad.stages import lexicon, syntax
from marsad.timeexpr import find_day_expressions, resolve_day


# A page's list of other stories: "... 612 Related Syrian Army Kills ...", "Related News Death toll rises".
NAVIGATION = re.compile(r"(?<![.!?\n]\s)(?<!^)\bRelated(?: News| Articles| Stories| Posts)?\s+(?=[A-Z0-9])")


@lru_cache(maxsize=16)      # asked once per sentence; a str caches its own hash
@lru_cache(maxsize=4)
def navigation_start(text: str) -> int:
    """Return where a copied web page's closing "Related" list of other stories begins (the
    text's end when it has none): their headlines are not this report's events or figures.

    Only a list in the text's second half closes it; one near the top may run into the story.
    """
    found = [m.start() for m in NAVIGATION.finditer(text) if m.start() > len(text) // 2]
    return found[0] if found else len(text)



def sentence_day(doc: Document, sentence: Any) -> tuple[date | None, bool]:
    """Return the day a sentence's event happened, and whether the sentence itself says so.

    A date the sentence gives wins, except the dateline's ("KABUL, Aug 27 -")
    and the day something was said ("said on Monday"); else the sentence's
    live-blog entry's day or the report's. A time too vague for a day ("last
    week") gives no date rather than a wrong one.
    """
    segment = doc.segment_at(sentence.start_char)
    base = segment.time.date() if segment and segment.time else doc.published
    if base is None:
        return None, False
    expressions = [e for e in find_day_expressions(sentence.text) if about_event(sentence, e)]
    days = [d for _, _, e in expressions if (d := resolve_day(e, base)) is not None]
    if days:
        return days[0], True
    return (None, True) if expressions else (base, False)


def about_event(sentence: Any, expression: tuple[int, int, str]) -> bool:
    """Say whether a date expression dates the event, not the dateline or a statement."""
    start, end, _ = expression
    if start < dateline_end(sentence.text):
        return False
    if PAGE_STAMP.search(sentence.text, 0, start):
        return False        # "Published October 31 2014": the page's day, not the event's
    tokens = sentence.doc.char_span(sentence.start_char + start, sentence.start_char + end,
                                    alignment_mode="expand")
    if tokens is None:
        return True
    governor = syntax.clause_of(tokens.root)
    if governor.lemma_.lower() in SPEECH_VERBS:
        return False
    # "X said on Monday it carried out ...": a day right after a verb of saying is the
    # statement's, however the parse attaches it.
    before = tokens[0].i - 1
    if before >= 0 and sentence.doc[before].lower_ in ("on", "late", "early"):
        before -= 1
    said = sentence.doc[before] if before >= 0 else None
    return said is None or said.pos_ not in ("VERB", "AUX") or said.lemma_.lower() not in SPEECH_VERBS


def earlier_month(token: Any, published: date) -> bool:
    """Say whether a word is another month that dates an event: "the November attacks", "killed in
    May", "In May a raid ..."."""
    if token.lower_ not in MONTHS or not token.text[:1].isupper() or token.lower_ == published.strftime("%B").lower():
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.like_num:
        return False        # "May 23": a full date, judged by its day
    if token.head.lower_ in ("in", "during"):
        return True         # "In May an air raid ...": a time of its own, before this month
    if token.i > 0 and token.doc[token.i - 1].lower_ in ("late", "early", "mid", "mid-"):
        return True         # "Late March media reported ...": a time, however the parse attaches it
    head = token.head.head if token.head.pos_ == "ADP" else token.head
    return lexicon.trigger_at(head) is not None


def historical(mention_day: date | None, doc: Document, sentence: Any) -> bool:
    """Say whether a sentence recalls an earlier event ("the 2011 bombing", "attacks last year").

    It does when the day it gives is over HISTORY_DAYS before the report, when
    it says "last month" or "last year", or when it names an earlier year than the report's.
    """
    if mention_day is not None and doc.published is not None and \
            (doc.published - mention_day).days > HISTORY_DAYS:
        return True
    if LAST_YEAR.search(sentence.text):
        return True
    if doc.published is not None and any(earlier_month(t, doc.published) for t in sentence):
        return True     # "the November attacks" in a March report
    years = [int(y) for y in YEAR.findall(sentence.text)]
    return doc.published is not None and any(y < doc.published.year for y in years)


# A dateline: "MOGADISHU, Oct 16 (Reuters) -", "Kabul, 27 August 2021 —", "MOSUL, Iraq, Oct 17 -"
# (a city and its country or state). The dateline's place may stand in a sentence of its own,
# leaving ", Nov 16 -" to open the next.
DATELINE = re.compile(r"\s*(?:[A-Z][\w .'’-]{1,40})?(?:,\s*[A-Z][\w .'’-]{1,30})?,?\s*"
                      r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
                      r"(?:,?\s+\d{4})?\s*(?:\([^)]{1,30}\))?\s*[-–—]")
# A dateline that lost its punctuation in a copied page: "Last updated at Oct 04 2017 BEIRUT A
# Russian air strike ...". The city is in capitals and the story's first words are not.
BARE_DATELINE = re.compile(r"(?:[^.]{0,60}?\d{4}\s+)?(?P<city>[A-Z]{3,}(?:[ -][A-Z]{3,})?)\s+"
                           r"(?=[A-Z][a-z]|An?\s+[A-Z]?[a-z])")


def dateline_end(text: str, start: int = 0) -> int:
    """Return where a dateline that opens a text at ``start`` ends ("KABUL, Aug 27 -", or a
    capitalised city left bare), else ``start``: the place it names is where the story was filed."""
    dateline = DATELINE.match(text, start)
    if dateline is not None:
        return dateline.end()
    bare = BARE_DATELINE.match(text, start)
    return bare.end("city") if bare is not None else start


# Words that stamp a copied web page with its own day: "Published October 31 2014", "Last updated at".
PAGE_STAMP = re.compile(r"\b(?:published|posted|updated|date of publication)(?:\s+(?:on|at))?"
                        r"(?:\s*:)?\s*$", re.IGNORECASE)
SPEECH_VERBS = lexicon.SPEECH_VERBS | {"declare", "deny", "accuse", "blame"}
HISTORY_DAYS = 14
YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?!\d|,\d)")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
# Times past the HISTORY_DAYS window: "last month", "two months ago", "last year".
LAST_YEAR = re.compile(r"\blast (?:year|month)\b|\b(?:years?|months?) ago\b", re.IGNORECASE)
