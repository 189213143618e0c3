"""Casualty reports: killed, wounded, missing, abducted, arrested and displaced, with their
place, who gave them and who was counted.

Which numbers are casualty figures is read in ``figures``. A figure
belongs to the place named after it in the same part of the sentence ("... in X,
and 36 killed in Y"), else to the place before it. Its source is the speaker of
the sentence ("X says ...", "according to X"). The attackers' own dead ("the
bomber", "three gunmen were killed") are kept apart from the victims'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterator

from marsad.model import CasualtyReport, Document, Place, Span
from marsad.stages import lexicon
from marsad.stages.actors import actor_at
from marsad.stages.event_days import historical, navigation_start, sentence_day
from marsad.stages.events import concurrent_clause, same_side
from marsad.stages.figures import Figure, figures_in, lone_victims, summed

SPEECH = lexicon.SPEECH_VERBS | {"estimate", "count", "record", "document", "give", "update"}
CHUNK_BREAK = re.compile(r";|,\s+(?:and|while|whereas|but)\s|\s+while\s")
CUMULATIVE = re.compile(
    r"\bsince (?:the )?(?:start|beginning|outbreak|war|conflict|uprising|revolution|fighting|"
    r"offensive|siege|campaign|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|then|\d{4})|\b(?:war|conflict|uprising|crisis|fighting|battle|"
    r"offensive|siege|campaign)\b[^.;]{0,80}?\b(?:has|have|had) (?:killed|claimed|left|caused|cost)|\btoll (?:from|of|in) the (?:[\w-]+ )?"
    r"(?:war|conflict|uprising|crisis)|\bthroughout the (?:war|conflict|country)|"
    r"\bin total\b|\bso far this (?:year|month)|\b(?:this|last) year alone\b|"
    r"\bsince\b[^.;]{0,40}?\b(?:began|begun|started|erupted|broke out|launched)\b|"
    r"\bsince (?:last|early|late|mid|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b(?:over|in|during) the (?:last|past) (?:\w+ )?(?:days|weeks|months|years|year|month|week)\b|"
    r"\b(?:has|have) since (?:killed|left|claimed)", re.IGNORECASE)


# A comparison ("the biggest loss of life since they started operations") dates no toll.
SUPERLATIVE = re.compile(r"\b(?:\w+iest|worst|most|first|biggest|largest|greatest|highest|fiercest|"
                         r"strongest)\b(?:\W+\w+){0,12}\W+$", re.IGNORECASE)


def cumulative(text: str) -> bool:
    """Say whether a sentence gives a running total ("112 killed since the assault began"), not
    one event's toll; "the deadliest attack since the war began" only compares one."""
    return any(not (match.group().lower().startswith("since") and SUPERLATIVE.search(text, 0, match.start()))
               for match in CUMULATIVE.finditer(text))


# "X came a day after Y", "X came as (amid, in a week that saw) Y": what follows tells another
# event, recalled to set this one in context.
RECALLED = re.compile(r"\b(?:came|comes|come|follows|followed)\b(?: (?:a|one|two|three|several|just a) "
                      r"(?:day|days|week|weeks|hour|hours))? (?:after|on the heels of)\b|"
                      r"\b(?:came|comes|come) (?:as|amid|during|in an? (?:[\w-]+ ){0,3}?"
                      r"(?:week|month|year|period|day|series|wave))\b", re.IGNORECASE)


@dataclass
class CasualtiesStage:
    """Find killed and wounded figures with their place and source."""

    name: str = "casualties"
    requires: tuple[str, ...] = ("parsed", "places", "actors", "events")
    assigns: tuple[str, ...] = ("casualties",)

    def find(self, doc: Document) -> list[CasualtyReport]:
        reports = []
        for sentence in doc.parsed.sents:
            reports.extend(sentence_reports(doc, sentence))
        return same_speakers(reports)

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return doc.with_(casualties=tuple(self.find(doc)))


def same_speakers(reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """Name "the spokesman" as the report first named him: "a provincial government spokesman"."""
    named: list[str] = []
    out = []
    for report in reports:
        source = report.source
        if source is not None:
            fuller = [n for n in named if n.lower().endswith(" " + source.lower())]
            source = fuller[0] if fuller else source
            named.append(source)
        out.append(replace(report, source=source))
    return out


def sentence_reports(doc: Document, sentence: Any) -> Iterator[CasualtyReport]:
    """Yield one report per place and source in a sentence, killed and wounded together.

    A war's running total ("more than 300,000 killed since 2011") or an
    earlier event's toll counts no incident, so such a sentence yields none.
    """
    if cumulative(sentence.text):
        return
    day, stated = sentence_day(doc, sentence)
    if historical(day if stated else None, doc, sentence):
        return
    figures = list(figures_in(sentence))
    counted = {f.category for f in figures if not f.attackers}
    figures += [f for f in lone_victims(sentence) if f.category not in counted]
    figures = [f for f in figures if f.start < navigation_start(doc.text)]
    recalled = RECALLED.search(sentence.text)
    if recalled is not None:        # "the attack came a day after air strikes killed 26": that earlier toll
        figures = [f for f in figures if f.start < sentence.start_char + recalled.end()]
    if not figures:
        return
    source = source_of(doc, clause_of(sentence, figures))
    segment = doc.segment_at(sentence.start_char)
    grouped: dict[Place | None, dict[str, Figure]] = {}
    for figure in figures:
        key = figure.category
        if figure.attackers and key in ("killed", "wounded"):
            key = "attackers_killed" if key == "killed" else ""     # their wounded are no one's toll
        found = grouped.setdefault(place_for(doc, sentence, figure), {}) if key else {}
        if key and key in found and figure.joined:
            found[key] = summed(found[key], figure)     # "ten children and five women": 15
        elif key and (key not in found or (found[key].partial and not figure.partial)):
            found[key] = figure     # "ten children were among 48 killed": 48 is the toll
    for place, found in grouped.items():
        yield CasualtyReport(
            incident=None, source=source, evidence=(Span(sentence.start_char, sentence.end_char),),
            time=segment.time if segment else None, place=place,
            counted=tuple((key, f.group) for key, f in found.items() if f.group),
            partial="killed" in found and found["killed"].partial,
            **{key: f.count for key, f in found.items()})


def place_for(doc: Document, sentence: Any, figure: Figure) -> Place | None:
    """Choose the place named after the figure in its part of the sentence, else before it.

    Where the sentence reports events, only their places are candidates, so
    "killing nine civilians who had fled from X" stays with the event's place;
    a country never takes a figure from a town the sentence names.
    """
    chunk_start, chunk_end = chunk_around(doc.text, sentence, figure.start)
    concurrent = concurrent_clause(sentence)        # "killed 43 as fighters advanced on X": not X
    named = [p for p in doc.places_within(sentence.start_char, sentence.end_char)
             if same_side(concurrent, p.span.start, figure.start)]
    events = {e.place for e in doc.events_within(sentence.start_char, sentence.start_char + 1) if e.place}
    pool = [p for p in named if p in events and not country_level(p)] or \
        [p for p in named if not country_level(p)]
    inside = [p for p in pool if chunk_start <= p.span.start < chunk_end]
    after = [p for p in inside if p.span.start >= figure.end]
    if after:
        return after[0]
    before = [p for p in inside if p.span.end <= figure.start]
    if before:
        return before[-1]
    return pool[0] if len(pool) == 1 else None


def country_level(place: Place) -> bool:
    return place.entry is not None and place.entry.feature_code.startswith("PCL")


def chunk_around(text: str, sentence: Any, offset: int) -> tuple[int, int]:
    """Return the part of a sentence, between breaks such as "; " or ", and ", that holds offset."""
    start, end = sentence.start_char, sentence.end_char
    for match in CHUNK_BREAK.finditer(text, start, end):
        if match.end() <= offset:
            start = match.end()
        elif match.start() >= offset:
            end = match.start()
            break
    return start, end


def clause_of(sentence: Any, figures: list[Figure]) -> Any:
    """Return the part of a sentence, between semicolons, that holds its first figure: a speaker
    across a semicolon gives another statement ("X claims the bombing; toll climbs to 170")."""
    start, end = sentence.start, sentence.end
    first = min(f.start for f in figures)
    for token in sentence:
        if token.text == ";":
            if token.idx < first:
                start = token.i + 1
            else:
                end = token.i
                break
    return sentence.doc[start:end] if start < end else sentence


def source_of(doc: Document, sentence: Any) -> str | None:
    """Return who gave a sentence's figures: "according to X", or the speaker of "X says"."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 2 < len(doc.parsed):
            to = doc.parsed[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if objects:
                return name_of(doc, objects[0])
    for token in sentence:
        if token.lemma_.lower() in SPEECH and token.pos_ == "VERB":
            speaker = speaker_of(token)
            if speaker is not None:
                return name_of(doc, speaker)
    return None


def speaker_of(verb: Any) -> Any:
    """Return who speaks: the verb's subject, unless the parser took the figure's own noun for it.

    "... killed at least 100 people, most of them police, a government
    spokesman said": when the subject counts the dead, the noun just before
    the verb is the speaker.
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and not counts_victims(subjects[0]):
        return subjects[0]
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN") and not counts_victims(before):
        return before
    return None


def counts_victims(token: Any) -> bool:
    """Say whether a noun is counted by a figure ("100 people") rather than a speaker."""
    return any(c.dep_ == "nummod" or c.like_num for c in token.subtree) or \
        token.lemma_.lower() in ("people", "person", "civilian")


def name_of(doc: Document, token: Any) -> str | None:
    """Name the speaker a token stands for: an actor, else its noun and the words before it.

    A state body named generically keeps its own words ("the Defence
    Ministry"), which say more about a figure's source than "the government".
    """
    actor = actor_at(doc, token.idx, token.idx + len(token.text))
    if actor is not None:
        speaker = RELATIVE.split(actor.speaker or "")[0]
        return re.sub(r"^(?:the|a|an)\s+", "", speaker, flags=re.IGNORECASE) or actor.name
    if token.pos_ == "PRON":
        return None
    token = proper_name_after(token)
    start = token.left_edge.i
    while start < token.i and doc.parsed[start].dep_ in ("det", "poss", "predet", "punct", "case"):
        start += 1
    return doc.text[doc.parsed[start].idx:token.idx + len(token.text)].strip() or None


# A relative clause or the comma closing one describes a source, it does not name it: "the
# ministry of X, which runs the north, said".
RELATIVE = re.compile(r"\s*,\s*(?:which|who|whose|that|where)\b.*$|\s*,\s*$", re.DOTALL)


def proper_name_after(token: Any) -> Any:
    """Return the proper name set right after a described source ("the rail operator SNCF"),
    else the token: the name is what a reader would cite; the description only says what it is."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.dep_ == "appos" and after.head.i == token.i and after.pos_ == "PROPN":
        return after
    return token
