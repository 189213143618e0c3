"""Casualty figures: killed, wounded, missing, abducted, arrested and displaced, with their
place, who gave them and who was counted.

A figure is a casualty figure when a word of its category (``data/casualty_words.tsv``)
follows it closely ("90 people have been killed", "170 wounded", "12 were
abducted"), past a subset in between ("16 civilians including women and children
were killed"), or comes just before it ("killing 12", "the death toll rose to
45"). A figure inside the subject of "X killed N" counts X, not victims. It
belongs to the place named after it in the same part of the sentence ("... in X,
and 36 killed in Y"), else to the place before it. Its source is the speaker of
the sentence ("X says ...", "according to X"). The attackers' own dead ("the
bomber", "three gunmen were killed") are kept apart from the victims'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterator

from marsad.model import CasualtyReport, Count, Document, Place, Span
from marsad.numbers import find_counts
from marsad.stages import lexicon
from marsad.stages.actors import actor_at
from marsad.stages.casualty_words import (ARMED_GROUPS, INTRANSITIVE, PART_GROUPS, category_of,
                                          counted_group)
from marsad.stages.events import historical, sentence_day

SPEECH = lexicon.SPEECH_VERBS | {"estimate", "count", "record", "document", "give", "update"}
CHUNK_BREAK = re.compile(r";|,\s+(?:and|while|whereas|but)\s|\s+while\s")
CUMULATIVE = re.compile(
    r"\bsince (?:the )?(?:start|beginning|outbreak|war|conflict|uprising|revolution|fighting|"
    r"offensive|siege|campaign|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|then|\d{4})|\b(?:war|conflict|uprising|crisis|fighting)\b[^.;]{0,80}?"
    r"\b(?:has|have|had) (?:killed|claimed|left|caused)|\btoll (?:from|of|in) the (?:[\w-]+ )?"
    r"(?:war|conflict|uprising|crisis)|\bthroughout the (?:war|conflict|country)|"
    r"\bin total\b|\bso far this (?:year|month)|\b(?:this|last) year alone\b|"
    r"\bsince (?:it|the (?:war|conflict|uprising|crisis)) (?:began|started|erupted|broke out)|"
    r"\bsince (?:last|early|late|mid|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b(?:over|in|during) the (?:last|past) (?:\w+ )?(?:days|weeks|months|years|year|month|week)\b|"
    r"\b(?:has|have) since (?:killed|left|claimed)", re.IGNORECASE)
SUBSET_WORDS = frozenset({"including", "includes", "include"})
# Words that open a subset inside a figure's phrase: "16 civilians including four children were killed".
SUBSET_OPENERS = frozenset({"including", "among", "mostly", "mainly", "most", "many"})
# Words that make a figure an addition to a toll given before: "another five", "three more".
ADDED_BEFORE = frozenset({"another", "further", "remaining", "other"})
ADDED_AFTER = frozenset({"more", "other"})
TOLL_VERBS = frozenset({"rise", "climb", "reach", "increase", "stand", "jump", "grow", "hit", "be"})
LOOKAHEAD = 6
LOOKBACK = 4


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    count: Count
    category: str       # killed | wounded | missing | abducted | arrested | displaced
    group: str | None = None    # who was counted: civilians, children, attackers, ...
    partial: bool = False       # part of a toll: "another five", "ten children were among ..."
    noun: int | None = None     # the token index of the noun it counts
    joined: bool = False        # joined to the figure before it: "ten children and five women"

    @property
    def attackers(self) -> bool:
        return self.group == "attackers"


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
    if CUMULATIVE.search(sentence.text):
        return
    day, stated = sentence_day(doc, sentence)
    if historical(day if stated else None, doc, sentence):
        return
    figures = list(figures_in(sentence))
    counted = {f.category for f in figures if not f.attackers}
    figures += [f for f in lone_victims(sentence) if f.category not in counted]
    if not figures:
        return
    source = source_of(doc, sentence)
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


def summed(first: Figure, joined: Figure) -> Figure:
    """Add a figure to the one it is joined to: a toll given group by group is their sum."""
    a, b = first.count, joined.count
    low = a.low + b.low if None not in (a.low, b.low) else None
    high = a.high + b.high if None not in (a.high, b.high) else None
    group = first.group if first.group == joined.group else None
    return replace(first, end=joined.end, count=Count(low, high, a.qualifier or b.qualifier), group=group,
                   partial=first.partial and joined.partial, noun=joined.noun)


def figures_in(sentence: Any) -> Iterator[Figure]:
    """Yield the sentence's numbers that count the dead or the wounded.

    A number with no casualty word of its own after an earlier figure takes
    that figure's category: "killed four in X and six in Y".
    """
    base = sentence.start_char
    previous = None
    for start, end, count in find_counts(sentence.text):
        tokens = sentence.doc.char_span(base + start, base + end, alignment_mode="expand")
        if tokens is None:
            continue
        if tokens.end < len(sentence.doc) and sentence.doc[tokens.end].lower_ == "of":
            continue    # "one of the wounded" picks from a figure, it is not one
        if counts_events(tokens):
            continue    # "two attacks", "a 2011 bombing": not people
        if subset(tokens):
            continue    # "including four children": part of a figure already given
        if not counts_people(tokens, count):
            continue    # "July 5 2016", "the five-year conflict"
        category = own_word(tokens) or category_before(tokens, immediate=True)
        noun = None
        if category is None:
            category, noun, word = category_after(tokens)
            if category is not None and counts_doers(tokens, word):
                continue    # "two towns ... killed 43 people": 43 are the dead, not two
        counted = tokens.root.head if tokens.root.dep_ == "nummod" else noun
        if category is None and previous is not None and conjunct_of(counted, previous):
            category = previous.category    # "killed two women and their seven children"
        if category is None:
            category = category_before(tokens) or toll_subject(tokens) or elided(tokens, previous)
        if category is not None:
            group = counted_group(counted)
            if category == "displaced" and group in ARMED_GROUPS:
                continue    # "three gunmen fled": they withdrew, no one was displaced
            joined = previous is not None and conjunct_of(counted, previous) and previous.category == category
            previous = Figure(base + start, base + end, count, category, group,
                              added(tokens) or group in PART_GROUPS, counted.i if counted is not None else None,
                              joined)
            yield previous
            for single in lone_conjuncts(counted, previous):
                yield single


def conjunct_of(noun: Any, figure: Figure) -> bool:
    """Say whether a figure's noun is joined by "and" to an earlier figure's: "ten children and
    five women"."""
    return noun is not None and noun.dep_ == "conj" and noun.head.i == figure.noun


def lone_conjuncts(noun: Any, figure: Figure) -> Iterator[Figure]:
    """Yield a figure of one for each "a child" joined to a figure's noun: "five women and a child"."""
    if noun is None:
        return
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in conj.children) and \
                not any(d.dep_ == "nummod" for d in conj.children):
            group = counted_group(conj)
            yield Figure(conj.idx, conj.idx + len(conj.text), Count(1, 1), figure.category, group,
                         figure.partial and group in PART_GROUPS, conj.i, True)


def own_word(tokens: Any) -> str | None:
    """Return the category of a casualty word said of the figure right after it: "30 injured".

    It wins over a verb just before the figure, which belongs to an earlier
    figure in a copy that lost its commas ("a woman killed 30 injured in the
    attacks"); "killed 30 wounded soldiers" and "killed 5 injured 10" keep the verb's.
    """
    doc = tokens.doc
    if tokens.end >= len(doc):
        return None
    word = doc[tokens.end]
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if word.tag_ not in ("VBN", "JJ", "VBD") or (after is not None and (
            after.pos_ in ("NOUN", "PROPN") or after.like_num)):
        return None
    return category_of(word)


def counts_doers(tokens: Any, word: Any) -> bool:
    """Say whether a figure sits in the subject of "X killed N people": it counts X, not victims."""
    if word is None or word.pos_ != "VERB" or word.lemma_.lower() in INTRANSITIVE:
        return False
    children = list(word.children)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children) or not any(c.dep_ == "dobj" for c in children):
        return False     # "35 were killed", "35 killed": the figure is the victims
    objects = [c for c in children if c.dep_ == "dobj"]
    if all(o.like_num and own_word(o.doc[o.i:o.i + 1]) for o in objects):
        return False     # "two killed 6 injured": a list of tolls that lost its commas
    subjects = [c for c in children if c.dep_ == "nsubj"]
    return any(s.left_edge.i <= tokens.start and tokens.end - 1 <= s.right_edge.i for s in subjects)


def added(tokens: Any) -> bool:
    """Say whether a figure adds to a toll, or picks out part of it: "another five", "three more",
    "ten children were among the dead"."""
    doc = tokens.doc
    before = doc[tokens.start - 1].lower_ if tokens.start > 0 else ""
    after = [t.lower_ for t in doc[tokens.end:min(len(doc), tokens.end + 8)]]
    among = "among" in after and any(w in ("were", "was", "are", "is") for w in after[:after.index("among")])
    return before in ADDED_BEFORE or (bool(after) and after[0] in ADDED_AFTER) or among


def toll_subject(tokens: Any) -> str | None:
    """Read "the number of people killed ... has risen to N": the category comes before the verb.

    The parser often misplaces such a long subject, so the words read are all
    those between the sentence's start and the verb, when they hold no other figure.
    """
    verb = tokens.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    if verb.lemma_.lower() not in TOLL_VERBS or verb.i > tokens.start:
        return None
    before = tokens.doc[verb.sent.start:verb.i]
    if any(t.like_num for t in before if t.ent_type_ not in ("DATE", "TIME")):
        return None
    found = {category_of(t) for t in before}
    if "killed" in found or any(t.lemma_.lower() == "toll" for t in before):
        return "killed"
    return "wounded" if "wounded" in found else None


def counts_people(tokens: Any, count: Count) -> bool:
    """Say whether a number can count people: not a year after a date, not "five-year"."""
    doc = tokens.doc
    after = doc[tokens.end] if tokens.end < len(doc) else None
    if after is not None and after.text in ("-", "–") and tokens.end + 1 < len(doc) and \
            doc[tokens.end + 1].lemma_.lower() in DURATIONS:
        return False
    if "-" in tokens.text and tokens.text.split("-")[-1].lower().rstrip("s") in DURATIONS:
        return False
    year = count.low is not None and count.low == count.high and 1900 <= count.low <= 2099 \
        and tokens.text.strip().isdigit()
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    return not (year and before is not None and (before.like_num or before.ent_type_ == "DATE"
                                                 or before.lower_ in ("in", "since", "of", "until")))


DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})


def subset(tokens: Any) -> bool:
    """Say whether a figure picks out part of another: "including four children", "among them"."""
    before = [t.lower_ for t in tokens.doc[max(0, tokens.start - 2):tokens.start]]
    return bool(before) and (before[-1] in SUBSET_WORDS or " ".join(before) in ("among them", "of whom"))


def counts_events(tokens: Any) -> bool:
    """Say whether a number counts or dates events ("the two attacks"), not people."""
    root = tokens.root
    head = root.head if root.dep_ in ("nummod", "compound", "amod", "quantmod") else None
    nouns = [head] if head is not None else []
    if tokens.end < len(tokens.doc):
        nouns.append(tokens.doc[tokens.end])
    return any(lexicon.trigger_at(n) is not None and n.pos_ == "NOUN" and
               n.lemma_.lower() not in PERSON_TRIGGERS for n in nouns)


# Trigger nouns that name people, so a number before them counts people.
PERSON_TRIGGERS = frozenset({"protester", "demonstrator", "rioter", "gunman", "bomber", "vigilante"})


def lone_victims(sentence: Any) -> Iterator[Figure]:
    """Yield a figure of one for "a student was shot dead", "a policeman was wounded"."""
    for verb in sentence:
        lemma = verb.lemma_.lower()
        if lemma not in ("kill", "die", "wound", "injure", "shoot"):
            continue
        if lemma == "shoot" and not any(c.lower_ == "dead" for c in verb.children):
            continue
        for subject in (c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")):
            single = subject.tag_ in ("NN", "NNP") and any(
                d.dep_ in ("det", "nummod") and d.lower_ in ("a", "an", "one") for d in subject.children)
            person = subject.lemma_.lower() in lexicon.CIVILIAN_NOUNS | lexicon.COMBATANT_NOUNS
            passive = subject.dep_ == "nsubjpass" or lemma == "die"
            if single and person and passive:
                category = "wounded" if lemma in ("wound", "injure") else "killed"
                yield Figure(subject.idx, subject.idx + len(subject.text), Count(1, 1), category,
                             counted_group(subject))


def elided(tokens: Any, previous: Figure | None) -> str | None:
    """Return the earlier figure's category for "and six in Y", where the verb is left out."""
    if previous is None or tokens.start == 0:
        return None
    joined = tokens.doc[tokens.start - 1].lower_ in ("and", ",", "while")
    after = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
    tail = after is None or after.lower_ in ("in", "at", "near", "on", ".", ",", ";") or \
        (after.pos_ == "NOUN" and after.i + 1 < len(tokens.doc)
         and tokens.doc[after.i + 1].lower_ in ("in", "at", "near", ".", ","))
    return previous.category if joined and tail else None


def category_after(tokens: Any) -> tuple[str | None, Any, Any]:
    """Read "N [people] [have been] killed": the casualty word after a number, its noun and the word.

    A subset between them ("including nine children", "mostly women and
    children") and a figure joined to the noun ("ten children and five women
    were killed") are passed over without counting against the reach.
    """
    doc = tokens.doc
    noun, seen, skipping, joined = None, 0, False, set()
    for token in doc[tokens.end:min(len(doc), tokens.end + 3 * LOOKAHEAD)]:
        word = token.lower_
        if token.i in joined:
            continue    # "ten children and five women were killed": the second figure's words
        if noun is None and token.pos_ in ("NOUN", "PROPN"):
            joined = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
        if word in (";", ":") or token.is_sent_start or (token.like_num and not skipping):
            break
        if word in SUBSET_OPENERS and noun is not None:
            skipping = True
        elif skipping and token.pos_ in ("VERB", "AUX"):
            skipping = False
        if skipping:
            continue
        seen += 1
        if seen > LOOKAHEAD:
            break
        if noun is None and token.pos_ in ("NOUN", "PROPN"):
            noun = token
        category = category_of(token)
        if category is not None:
            return category, noun, token
    return None, noun, None


def category_before(tokens: Any, immediate: bool = False) -> str | None:
    """Read "killing N", "wounding N" or "the death toll rose to N": the casualty word before N.

    With ``immediate``, only a verb right before the figure counts ("killing
    three people and wounding 11": 11 is wounded, whatever follows it;
    "killed six and injured ten": six are dead).
    """
    doc = tokens.doc
    reach = 1 if immediate else LOOKBACK
    for token in reversed(doc[max(0, tokens.start - reach):tokens.start]):
        lemma = token.lemma_.lower()
        if token.like_num or token.is_punct:
            break
        if immediate and not token.tag_.startswith("VB"):
            return None
        if lemma == "toll":
            return "killed"
        category = category_of(token)
        if category is not None:
            return category
    return None


def place_for(doc: Document, sentence: Any, figure: Figure) -> Place | None:
    """Choose the place named after the figure in its part of the sentence, else before it.

    Where the sentence reports events, only their places are candidates, so
    "killing nine civilians who had fled from X" stays with the event's place;
    a country never takes a figure from a town the sentence names.
    """
    chunk_start, chunk_end = chunk_around(doc.text, sentence, figure.start)
    named = [p for p in doc.places if sentence.start_char <= p.span.start < sentence.end_char]
    events = {e.place for e in doc.events if e.span.start == sentence.start_char and e.place}
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
        speaker = actor.speaker or ""
        return re.sub(r"^(?:the|a|an)\s+", "", speaker, flags=re.IGNORECASE) or actor.name
    if token.pos_ == "PRON":
        return None
    start = token.left_edge.i
    while start < token.i and doc.parsed[start].dep_ in ("det", "poss", "predet", "punct", "case"):
        start += 1
    return doc.text[doc.parsed[start].idx:token.idx + len(token.text)].strip() or None
