"""Recognising place names in the parse: entities, proper-noun runs and datelines.

A candidate is a name that stands where a place would ("in X", "X province",
"shelled X"); a name inside a longer proper name ("the X News Agency") or a
person's name is not one. Resolution is :mod:`marsad.stages.resolve`'s.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any, Callable, Iterator

from marsad.stages.lexicon import triggers
from marsad.stages.syntax import PLACE_NOUNS
from marsad.stages.toponyms import FACILITY_NOUNS, dateline_spans, dedication

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Other entity labels whose text may still be a place the model mislabelled:
# "fighting in Afrin" comes labelled a product now and then.
DOUBTFUL_LABELS = {"ORG", "PERSON", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LANGUAGE", ""}
REGION_SUFFIX = re.compile(r"\s+(province|governorate|region|district|state|oblast|county|prefecture)$",
                           re.IGNORECASE)
REGION_PREFIX = re.compile(r"(?:the\s+)?(?:province|governorate|region|district)\s+of\s+", re.IGNORECASE)
REGION_WORDS = {"province", "governorate", "region", "state", "oblast", "prefecture"}
CITY_SUFFIX = re.compile(r"\s+(?:city|town|countryside)$")
LOCATIVE_PREPS = {"in", "at", "near", "outside", "around", "from", "to", "into", "across",
                  "inside", "towards", "toward", "between", "through", "of"}
# Facilities: "X Airport" or "X Hospital" is still in X.
FACILITIES = {"hospital", "school", "mosque", "church", "station", "airport", "stadium", "prison",
              "camp", "base", "square", "street", "road", "bridge", "market", "university",
              "crossing", "port", "harbour", "harbor", "checkpoint"}
PLACE_WORD_HEADS = {"province", "governorate", "region", "district", "city", "town", "village",
                    "state", "county", "oblast"}
# Verbs whose object, when a name, is a place attacked or taken: "shelled X", "seized X".
ATTACK_VERBS = {"strike", "hit", "shell", "bomb", "attack", "target", "storm", "raid", "capture",
                "seize", "overrun", "besiege", "recapture", "retake", "pound", "bombard"}
DIRECTIONS = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1),
              "northeast": (0.7071, 0.7071), "northwest": (0.7071, -0.7071),
              "southeast": (-0.7071, 0.7071), "southwest": (-0.7071, -0.7071)}
DIRECTION_PREFIX = re.compile(
    r"(?:(?:far|central|upper|lower|greater|(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?[\s-]+)+",
    re.IGNORECASE)
DOTTED_AFTER_TOWN = re.compile(r", ([A-Z][a-z]{1,4}\.|[A-Z]{2,3}\b(?!\.[A-Za-z]))")
# Nouns of events that a place name may modify ("the Aleppo bombing").
EVENT_NOUNS = {"bombing", "bombings", "attack", "attacks", "blast", "blasts", "explosion",
               "explosions", "massacre", "shelling", "airstrike", "airstrikes", "clashes",
               "offensive", "protest", "protests", "siege", "raid", "strike", "strikes", "battle"}


@dataclass(frozen=True)
class Candidate:
    """A recognised name before resolution."""

    start: int
    end: int
    name: str
    region: bool            # written as "X Province" and the like
    trusted: bool = True    # the recogniser called it a place
    placed: bool = True     # the recogniser or the context says place; else only a big place counts


def recognise(parsed: Any, possessive: Callable[[Any], bool] = lambda _t: False,
              whole: Callable[[str], bool] = lambda _name: False) -> Iterator[Candidate]:
    """Yield place-name candidates: place entities, and doubtful ones in a place's context.

    ``possessive`` tells a country's possessive written without its apostrophe
    ("Syrias Aleppo", as some copy strips them), which starts a new name.
    """
    # A wire dateline's name is a place, however the model labels or splits it ("ST" and
    # "LOUIS", or "PLEASANTON" an organisation): it is read whole, below.
    datelines = list(dateline_spans(parsed))
    seen: set[int] = {i for span in datelines for i in range(span.start, span.end)}
    for ent in joined_entities(parsed, whole):
        if ent.label_ in PLACE_LABELS or ent.label_ in DOUBTFUL_LABELS:
            parts = list(split_list(ent, possessive, whole))
            for part in parts:
                if inside_organisation(part, possessive) or seen & set(range(part.start, part.end)) \
                        or building_word(part) or dedication(part):
                    continue
                if not part.text[:1].isupper():
                    continue    # "the surrounding bush": a common noun the recogniser took for a name
                if ent.label_ in PLACE_LABELS or locative(part):
                    seen.update(range(part.start, part.end))
                    yield candidate_of(part, ent.label_ in PLACE_LABELS)
                elif ent.label_ in ("NORP", "ORG") and len(parts) == 1:
                    seen.update(range(part.start, part.end))
                    yield replace(candidate_of(part, False), placed=False)
    for run in proper_runs(parsed, possessive):
        if run.start not in seen and locative(run) and not inside_organisation(run, possessive) \
                and not building_word(run):
            seen.update(range(run.start, run.end))
            yield candidate_of(run, False)
    for span in datelines:
        yield candidate_of(span, any(t.ent_type_ in PLACE_LABELS for t in span))


def joined_entities(parsed: Any, whole: Callable[[str], bool]) -> list[Any]:
    """Return the entities, two place entities side by side joined where ``whole`` knows them
    as one name: the model splits "Baja California" into two places."""
    from spacy.tokens import Span

    out: list[Any] = []
    for ent in parsed.ents:
        last = out[-1] if out else None
        if last is not None and last.label_ in PLACE_LABELS and ent.label_ in PLACE_LABELS \
                and ent.start == last.end and last[-1].whitespace_ == " " \
                and whole(parsed[last.start:ent.end].text):
            out[-1] = Span(parsed, last.start, ent.end, label=last.label_)
        else:
            out.append(ent)
    return out


def surnames(parsed: Any) -> set[str]:
    """Return the surnames of people the report names in full and then by surname alone
    ("Defence Secretary Jane Carter" ... "Carter said"): such a name is the person.

    The tagger also calls "Northern Hama" a person, so a surname counts only where
    the report uses it alone too; a name that is surely a place (``PlacesStage.big``)
    is kept all the same.
    """
    people = [e for e in parsed.ents if e.label_ == "PERSON"]
    return {e[-1].text for e in people if len(e) > 1} & {e.text for e in people if len(e) == 1}


def join_wholes(text: str, candidates: list[Candidate], whole: Callable[[str], bool]) -> list[Candidate]:
    """Join two names around "and", or side by side, that ``whole`` knows as one place:
    "Trinidad and Tobago", "Baja California".

    The recogniser often splits such a place in two, and either half read
    alone is somewhere else (a Trinidad in Bolivia, a Baja in Hungary).
    """
    joined: list[Candidate] = []
    for candidate in candidates:
        last = joined[-1] if joined else None
        if last is not None and text[last.end:candidate.start] in (" and ", " & ", " ") \
                and whole(text[last.start:candidate.end]):
            joined[-1] = Candidate(last.start, candidate.end, text[last.start:candidate.end], False,
                                   last.trusted or candidate.trusted, last.placed or candidate.placed)
        else:
            joined.append(candidate)
    return joined


def without_direction(candidate: Candidate) -> Candidate | None:
    """Return the name after the compass words that open it: "Far North Queensland" -> "Queensland".

    A part of a place named by its direction is no gazetteer entry of its
    own; the place it is part of is what the name points to.
    """
    match = DIRECTION_PREFIX.match(candidate.name)
    if match is None or match.end() == len(candidate.name):
        return None
    return replace(candidate, start=candidate.start + match.end(), name=candidate.name[match.end():])


@cache
def dotted_regions() -> dict[str, tuple[tuple[str, str], ...]]:
    """Return the abbreviations of marsad/data/admin_dotted.csv: "Man." -> (("CA", "Manitoba"),).

    A postal code two countries use ("WA") names a region in each.
    """
    text = resources.files("marsad.data").joinpath("admin_dotted.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for row in rows:
        found[row["abbreviation"]] = (*found.get(row["abbreviation"], ()), (row["country"], row["admin1"]))
    return found


def with_dotted_regions(text: str, candidates: list[Candidate],
                        known: Callable[[Candidate], bool]) -> list[Candidate]:
    """Add the region abbreviation written after a town and a comma: "Churchill, Man.", "Erie, PA".

    Such an abbreviation is a word without its dot, or another country's
    code, and a region only there, so it counts only in that place, as
    written; the recogniser often reads
    "Churchill, Man" as one name and drops the second half. ``known`` says
    whether the gazetteer knows the town.
    """
    found = []
    for town in candidates:
        match = DOTTED_AFTER_TOWN.match(text, town.end)
        if match and match.group(1) in dotted_regions() and known(town):
            found.append(Candidate(match.start(1), match.end(1), match.group(1), False))
    if not found:
        return candidates
    kept = [c for c in candidates if not any(c.start < f.end and f.start < c.end for f in found)]
    return sorted(kept + found, key=lambda c: c.start)


def candidate_of(span: Any, trusted: bool) -> Candidate:
    """Make a candidate, reading "the province of X" as a region and "X city" as X."""
    start, end = span.start_char, span.end_char
    text = span.text
    prefix = REGION_PREFIX.match(text)
    if prefix:
        return Candidate(start + prefix.end(), end, text[prefix.end():], True, trusted)
    suffix = CITY_SUFFIX.search(text)
    if suffix:
        return Candidate(start, start + suffix.start(), text[:suffix.start()], False, trusted)
    following = span.doc[span.end] if span.end < len(span.doc) else None
    region = bool(REGION_SUFFIX.search(text)) or (following is not None and
                                                 following.lower_ in REGION_WORDS)
    return Candidate(start, end, text, region, trusted)


def split_list(ent: Any, possessive: Callable[[Any], bool],
               whole: Callable[[str], bool] = lambda _name: False) -> Iterator[Any]:
    """Split an entity that the model ran together ("Homs and Hama") at its conjunctions.

    A name that ``whole`` knows as one place ("Trinidad and Tobago") stays whole.
    """
    start = ent.start
    while start < ent.end and ent.doc[start].lower_ in ("the", "a"):
        start += 1
    if start < ent.end and any(t.lower_ in ("and", "&") for t in ent.doc[start:ent.end]) \
            and whole(ent.doc[start:ent.end].text):
        yield ent.doc[start:ent.end]
        return
    for token in ent.doc[start:ent.end]:
        if token.lower_ in ("and", "or", ",", "&") or token.tag_ == "POS" or token.text in ("'s", "’s") \
                or possessive(token):
            if token.i > start:
                yield ent.doc[start:token.i]
            start = token.i + 1
    if start < ent.end:
        yield ent.doc[start:ent.end]


def proper_runs(parsed: Any, possessive: Callable[[Any], bool]) -> Iterator[Any]:
    """Yield runs of proper nouns that no entity covers."""
    run_start = None
    for token in parsed:
        inside = token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper() \
            and not possessive(token)
        if inside and run_start is None:
            run_start = token.i
        elif not inside and run_start is not None:
            yield parsed[run_start:token.i]
            run_start = None
    if run_start is not None:
        yield parsed[run_start:len(parsed)]


def inside_organisation(span: Any, possessive: Callable[[Any], bool]) -> bool:
    """Say whether a name is part of a longer proper name ("Islamic State", "Tartu News Agency").

    A longer name that ends in a place word or a facility ("X Province",
    "X Airport") still places its event in X.
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and capitalised(before) and not before.is_sent_start and \
            not direction(before.lower_) and not possessive(before):
        return True
    end = span.end
    while end < len(doc) and capitalised(doc[end]) and not possessive(doc[end]):
        end += 1
    if end == span.end:
        return False
    last = doc[end - 1].lower_
    return last not in PLACE_WORD_HEADS and last not in FACILITIES


def building_word(span: Any) -> bool:
    """Say whether a name is one building word alone: the "Chapel" of "St Anne's Chapel".

    Splitting a name at its possessive leaves the building's common noun,
    which a gazetteer may know as some hamlet's name.
    """
    return len(span) == 1 and span[0].lower_ in FACILITIES | FACILITY_NOUNS


def direction(word: str) -> bool:
    """Say whether a word is a compass direction: "North" or "Northern" Syria is still Syria."""
    return word in DIRECTIONS or (word.endswith("ern") and word[:-3] in DIRECTIONS)


def capitalised(token: Any) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN") and token.lower_ != "the"


def locative(span: Any) -> bool:
    """Say whether a doubtful name stands where a place would: after "in", before "Province"...

    A capitalised word that opens an event phrase ("Barrel bomb attack") is no place.
    """
    first, last = span[0], span[-1]
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and f"{last.lower_} {following.lemma_.lower()}" in triggers():
        return False
    if last.lower_ in PLACE_WORD_HEADS:
        return True
    if first.i > 0 and span.doc[first.i - 1].lower_ in LOCATIVE_PREPS - {"of", "to", "from"}:
        return True
    return locative_token(last, depth=0)


def locative_token(token: Any, depth: int) -> bool:
    """Say whether a word's place in the parse is one a place name takes."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS - {"of"}:
        return True
    if token.dep_ == "pobj" and head.lower_ == "of":     # "the town of X", "areas of X"
        return head.head.lemma_.lower() in PLACE_NOUNS
    if token.dep_ in ("compound", "nmod") and head.lower_ in PLACE_WORD_HEADS:     # "X city", "X province"
        return True
    if token.dep_ == "dobj" and head.lemma_.lower() in ATTACK_VERBS:     # "missiles struck X"
        return True
    if token.dep_ == "pobj" and head.lower_ in ("on", "against") and head.head.lower_ in EVENT_NOUNS:
        return True     # "an air strike on X", "the offensive against X"
    if token.dep_ == "conj" and depth < 4:
        return head.ent_type_ in PLACE_LABELS or locative_token(head, depth + 1)
    return token.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.lower_ in EVENT_NOUNS
