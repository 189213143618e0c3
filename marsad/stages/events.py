"""Event mentions: a sentence that reports violence (or a protest, an arrest...) at a place.

A place counts as the event's place only when it sits in the event's own
phrase or clause ("bombings in X", "struck the town of X", "attacked people
in X"); places named for other reasons in the same sentence — where victims
fled from, where talks are held — are not. The type comes from the most
specific trigger word, refined by who did it to whom (see ``event_types``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Iterator

from marsad.model import Document, EventMention, Place, Span
from marsad.numbers import find_counts
from marsad.stages import lexicon, syntax
from marsad.stages.casualty_words import category_of
from marsad.stages.event_days import (SPEECH_VERBS, dateline_end, historical, navigation_start,
                                      sentence_day)
from marsad.stages.event_types import classify, perpetrators


@dataclass
class EventsStage:
    """Find event mentions and the places they happened."""

    name: str = "events"
    requires: tuple[str, ...] = ("parsed", "places", "actors")
    assigns: tuple[str, ...] = ("events",)

    def find(self, doc: Document) -> list[EventMention]:
        mentions = []
        for sentence in doc.parsed.sents:
            mentions.extend(sentence_events(doc, sentence))
        return mentions

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return doc.with_(events=tuple(self.find(doc)))


def sentence_events(doc: Document, sentence: Any) -> Iterator[EventMention]:
    """Yield one mention per place that a trigger in the sentence governs.

    A sentence that reports an event but names no place ("On Thursday a car
    bomb exploded near the gate") yields one mention without a place, which
    may lend its day or its sharper type to an incident placed elsewhere.
    """
    cut = navigation_start(doc.text)
    found = {t.i: trig for t in sentence if t.idx < cut
             and (trig := lexicon.trigger_at(t)) is not None and not background(t) and not denied(t)}
    if not found:
        return
    day, day_stated = sentence_day(doc, sentence)
    if historical(day if day_stated else None, doc, sentence):
        return      # background: an earlier event the report recalls
    placed = described_once(doc.text, list(placed_events(doc, sentence, found, day, day_stated)))
    best = max((doc.parsed[i] for i in found), key=lambda t: found[t.i].specificity)
    if all(m.place is None or national(m.place) for m in placed) and tells_event(sentence, best, found):
        town = sole_town(doc, sentence)
        if town is not None:
            placed = [mention(doc, sentence, best, found, town, day, day_stated)]
    yield from placed
    if not placed:
        yield mention(doc, sentence, best, found, None, day, day_stated)


HARMFUL_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Verbs whose subject, an event word, did the harm: "the raids targeted a school", "a shell hit a house".
HITTING_VERBS = frozenset({"target", "hit", "strike", "destroy", "damage", "pound", "kill", "wound", "injure"})


def concurrent_clause(sentence: Any) -> tuple[int, int] | None:
    """Return the character range of a clause that tells another action going on meanwhile.

    "A car bomb killed 43 people on Saturday as fighters advanced on X": the
    "as" (or "while") clause says what else was happening, so X is the
    advance's place, not the bombing's. A clause whose own verb is the harm
    ("killed as aircraft hit a building in X") tells the same event and is
    none. A clause after its verb runs to the sentence's end, whatever the
    parse hangs where.
    """
    for token in sentence:
        clause = token.head
        if token.dep_ != "mark" or token.lower_ not in ("as", "while") or clause.dep_ != "advcl" or \
                clause.lemma_.lower() in HITTING_VERBS or lexicon.trigger_at(clause) is not None:
            continue
        if clause.i > clause.head.i:
            return token.idx, sentence.end_char
        return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    return None


def same_side(clause: tuple[int, int] | None, one: int, other: int) -> bool:
    """Say whether two offsets lie both inside or both outside a concurrent clause."""
    return clause is None or (clause[0] <= one < clause[1]) == (clause[0] <= other < clause[1])


def tells_event(sentence: Any, best: Any, found: dict) -> bool:
    """Say whether a sentence tells the event itself, not a reaction to it ("condemned the
    killings in a statement issued in X"): it counts dead or wounded (a figure and a word for
    death or injury), a verb names the kind of violence ("shelled", "bombarded"), or the event
    is what hit something ("the raids targeted a school in X")."""
    trigger = found[best.i]
    if best.pos_ == "VERB" and trigger.specificity >= 2 and trigger.event_type in HARMFUL_TYPES:
        return True
    if any(t.dep_ == "nsubj" and t.head.lemma_.lower() in HITTING_VERBS and t.head.pos_ == "VERB"
           for t in (sentence.doc[i] for i in found)):
        return True
    return any(category_of(t) in ("killed", "wounded") for t in sentence) and bool(find_counts(sentence.text))


def national(place: Place) -> bool:
    return place.entry is not None and place.entry.feature_code.startswith("PCL")


def sole_town(doc: Document, sentence: Any) -> Place | None:
    """Return the one place below a country that a sentence names, when it names one only
    (or only places of one province: its first town).

    "Air strikes in X killed 22 people when warplanes struck a school in the
    province of Y": a long sentence's parse may tie the strikes to the country
    alone, yet the one town or province a sentence that gives the toll names
    is where they happened; "attacks on the towns of X and Z in rural Y"
    happened in X and Z, in Y. Not tied to the event by the parse, it gets
    precision 2 at best, and it must lie in the country most of the report's
    towns lie in, outside a clause that tells another action meanwhile.
    """
    filed_at = sentence.start_char + dateline_end(sentence.text)
    focus = doc.extras.get("town_focus")
    concurrent = concurrent_clause(sentence)
    below = [p for p in places_in(doc, sentence) if p.entry is not None and not national(p)
             and p.span.start >= filed_at and focus in (None, p.entry.country)
             and same_side(concurrent, p.span.start, sentence.root.idx)]
    if len({p.entry.geonameid for p in below}) != 1:
        regions = {(p.entry.country, p.entry.admin1) for p in below}
        towns = [p for p in below if p.entry.feature != "A"]
        if len(regions) != 1 or None in next(iter(regions), (None,)) or not towns:
            return None
        below = towns
    token = place_token(doc.parsed, below[0])
    if token is None or metonymic(token) or acting_state(below[0], token) or \
            speaking_capital(below[0], token):
        return None
    return replace(below[0], precision=max(2, below[0].precision))     # named near, not tied to it


def speaking_capital(place: Place, token: Any) -> bool:
    """Say whether a capital only says whose government spoke or acted: "the ministry in X
    said", "strikes carried out by X". Activists in a town are its witnesses; they stay."""
    return place.entry is not None and place.entry.feature_code == "PPLC" and in_speaker(token)


def in_speaker(token: Any) -> bool:
    """Say whether a place sits in who spoke or acted: "the ministry in X said", "according
    to officials in X", "strikes carried out by X"."""
    for node in (token, *token.ancestors):      # up the place's noun phrase, to its verb
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return False    # a clause of its own; "London-based" stays in the noun phrase
        head = node.head
        if node.dep_ == "nsubj" and head.lemma_.lower() in SPEECH_VERBS:
            return True
        if node.dep_ == "pobj" and ((head.lower_ == "to" and head.head.lower_ == "according")
                                    or (node is token and head.dep_ == "agent")):
            return True
    return False


def described_once(text: str, mentions: list[EventMention]) -> list[EventMention]:
    """Drop "X, about 120 km south of Y" 's second half: it only says where X is."""
    kept = []
    for m in mentions:
        follows_place = m.place is not None and m.place.anchor is not None and any(
            o.trigger == m.trigger and o.place is not None and o.place.anchor is None
            and 0 <= m.place.span.start - o.place.span.end <= 12
            and text[o.place.span.end:m.place.span.start].lstrip().startswith(",")
            for o in mentions)
        if not follows_place:
            kept.append(m)
    return kept


def placed_events(doc: Document, sentence: Any, found: dict, day: date | None,
                  day_stated: bool) -> Iterator[EventMention]:
    """Yield a mention for each place in the sentence that one of its triggers governs."""
    named = places_in(doc, sentence)
    filed_at = sentence.start_char + dateline_end(sentence.text)
    body = [p for p in named if p.span.start >= filed_at]
    concurrent = concurrent_clause(sentence)
    yielded = False
    for place in body:
        token = place_token(doc.parsed, place)
        if token is None or metonymic(token) or acting_state(place, token) or \
                contained(place, named, doc.parsed):
            continue
        linked = [doc.parsed[i] for i in found if syntax.links(token, doc.parsed[i], frozenset(found))
                  and same_side(concurrent, token.idx, doc.parsed[i].idx)]
        if linked:
            best = max(linked, key=lambda t: (found[t.i].specificity, -abs(t.i - token.i)))
            yielded = True
            yield mention(doc, sentence, sharper_inside(best, found, doc.parsed), found, place,
                          day, day_stated)
    opener = None if yielded else fronted_place(doc, sentence, body)
    if opener is not None:
        best = max((doc.parsed[i] for i in found), key=lambda t: found[t.i].specificity)
        yielded = True
        yield mention(doc, sentence, best, found, opener, day, day_stated)
    filed = [p for p in named if p.span.start < filed_at]
    if not yielded and filed and not names_elsewhere(sentence, filed_at, filed):
        # the dateline's city, when the story names no other
        best = max((doc.parsed[i] for i in found), key=lambda t: found[t.i].specificity)
        yield mention(doc, sentence, best, found, filed[0], day, day_stated)


def names_elsewhere(sentence: Any, filed_at: int, filed: list[Place]) -> bool:
    """Say whether the sentence names a place past its dateline other than the dateline's.

    Asked only when a dateline is there: a sentence's entities are a scan of
    the whole document's, so asking it of every sentence costs quadratic time
    on a long text.
    """
    own = {p.name.lower() for p in filed}
    return any(e.label_ in ("GPE", "LOC", "FAC") and e.start_char >= filed_at
               and e.text.lower() not in own for e in sentence.ents)


# Words that open a sentence's own clause after a heading: "Aleppo A military source said ...".
HEADING_NEXT = re.compile(r"\s+(?:A|An|The|In|On|At)\s")


def fronted_place(doc: Document, sentence: Any, named: list[Place]) -> Place | None:
    """Return the place that opens a sentence and frames all of it, when the parse ties it to none.

    "In X army units foiled an attack on posts near a village": a fronted
    "In X" sets where the clause's events happened; so does a heading that
    names a province before its paragraph's first sentence ("X A military
    source said ..."). Only a place below a country, in the country most of
    the report's towns lie in; a fronted "In X" in a sentence whose main verb
    is a speech verb says where someone spoke, not where the event was.
    """
    if not named or named[0].entry is None or national(named[0]):
        return None
    place, first = named[0], sentence[0]
    if doc.extras.get("town_focus") not in (None, place.entry.country):
        return None
    if place.span.start == first.idx:
        return place if HEADING_NEXT.match(doc.text, place.span.end) else None
    if len(sentence) < 4 or first.lower_ != "in" or sentence.root.lemma_.lower() in SPEECH_VERBS:
        return None     # the parser may hang "In X" on the subject noun; it still opens the clause
    start = sentence[2].idx if sentence[1].lower_ == "the" else sentence[1].idx
    return place if place.span.start == start else None


def mention(doc: Document, sentence: Any, best: Any, found: dict, place: Place | None,
            day: date | None, day_stated: bool) -> EventMention:
    event_type, sub_type = classify(best, found[best.i], sentence)
    segment = doc.segment_at(sentence.start_char)
    return EventMention(
        span=Span(sentence.start_char, sentence.end_char),
        trigger=Span(best.idx, best.idx + len(best.text)),
        event_type=event_type, sub_event_type=sub_type, place=place, day=day,
        segment=segment.id if segment else None,
        perpetrators=tuple(perpetrators(doc, best, sentence)),
        specificity=found[best.i].specificity, day_stated=day_stated)


# Verbs whose object is the war in the background: "fled the fighting in X".
BACKGROUND_VERBS = frozenset({"flee", "escape", "leave", "avoid", "survive", "displace", "evade"})


def background(token: Any) -> bool:
    """Say whether an event word names what people fled, not an event the report is about.

    The event as the verb's subject is the report's own: "air strikes left 51 dead".
    """
    clause = syntax.clause_of(token)
    if token.dep_ == "nsubj" and token.head == clause:
        return False
    return clause != token and clause.lemma_.lower() in BACKGROUND_VERBS


def denied(token: Any) -> bool:
    """Say whether the report says the event did not happen: "no strikes", "did not attack"."""
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children):
        return True
    return syntax.is_predicate(token) and any(c.dep_ == "neg" for c in token.children)


def metonymic(token: Any) -> bool:
    """Say whether a place name stands for its government: "accused Damascus", "Ankara said"."""
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in SPEECH_VERBS:
        return True
    return token.dep_ == "dobj" and head.lemma_.lower() in ("accuse", "blame", "urge", "warn", "condemn")


# Verbs whose subject undergoes rather than acts: "Aleppo fell", "Kabul saw fighting".
UNDERGOING_VERBS = {"be", "see", "witness", "experience", "remain", "suffer", "face", "endure", "lie",
                    "sit", "host", "border", "have", "become", "come", "fall", "fear", "brace", "wake",
                    "shake", "mourn", "record", "report"}


def acting_state(place: Place, token: Any) -> bool:
    """Say whether a capital or country is the one acting: "Moscow has been staging air strikes".

    A state's name as the subject of an active verb stands for its government
    or army, not for where the event happened. A bare participle ("rockets
    fell on X killing 40") takes no subject: a name the parser hangs on it as
    one is where the event hit.
    """
    entry = place.entry
    if entry is None or not (entry.feature_code == "PPLC" or entry.feature_code.startswith("PCL")):
        return False
    head = token.head
    bare_participle = head.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    return token.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and not bare_participle and \
        head.lemma_.lower() not in UNDERGOING_VERBS


def contained(place: Place, others: list[Place], parsed: Any) -> bool:
    """Say whether a place only frames a more precise one: "the X district of <place>"."""
    token = place_token(parsed, place)
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    part = token.head.head
    inner = {t.i for t in part.children if t.dep_ in ("compound", "amod", "nmod")}
    return any((t := place_token(parsed, o)) is not None and t.i in inner for o in others)


def sharper_inside(best: Any, found: dict, parsed: Any) -> Any:
    """Prefer a specific trigger inside a generic one's clause: "were killed when a bomb exploded"."""
    if found[best.i].specificity > 1:
        return best
    inside = [parsed[i] for i in found if found[i].specificity > 1 and
              parsed[i].i in {t.i for t in best.subtree}]
    return max(inside, key=lambda t: found[t.i].specificity) if inside else best


def places_in(doc: Document, sentence: Any) -> list[Place]:
    end = min(sentence.end_char, navigation_start(doc.text))
    return doc.places_within(sentence.start_char, end)


def place_token(parsed: Any, place: Place) -> Any:
    """Return the syntactic head of a place mention (the anchor of "5 km south of X")."""
    start = place.span.start
    if place.anchor:
        start = parsed.text.find(place.anchor, place.span.start, place.span.end)
    span = parsed.char_span(start, place.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
