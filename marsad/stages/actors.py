"""Actor mentions, normalised to canonical names from the actor registry.

Three kinds of mention: a registry name or alias ("Daesh" is the Islamic
State); a generic phrase that denotes a state body ("the regime", "state
media", "Syria's Foreign Ministry"), named for the country it belongs to, or
the report's focus country; and any other organisation or person the
entity recogniser finds, kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from marsad.actors import ActorRegistry
from marsad.model import Actor, Document, Span

UNKNOWN_LABELS = {"ORG": None, "PERSON": "Person", "NORP": None}
MISTAGGED_LABELS = frozenset({"FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
BODY_HEADS = frozenset({"front", "army", "movement", "force", "forces", "brigade", "brigades",
                        "commando", "commandos", "group", "party", "union", "organization",
                        "organisation", "alliance", "league", "battalion", "militia"})
# Determiners and titles dropped from the front of a generic phrase before lookup.
LEADING = {"the", "a", "an", "its", "their", "his", "her", "country", "country's", "nation's"}


@dataclass
class ActorsStage:
    """Find the actors a report names."""

    registry: ActorRegistry
    tokenizer: Any
    name: str = "actors"
    requires: tuple[str, ...] = ("parsed", "places")
    assigns: tuple[str, ...] = ("actors",)
    matcher: Any = None
    heads: frozenset[str] | None = None     # last words of the generic phrases, read once

    def find(self, doc: Document) -> list[Actor]:
        parsed = doc.parsed
        taken: set[int] = set()
        found = []
        for actor in [*self.registry_mentions(parsed), *self.generic_mentions(doc)]:
            tokens = token_range(parsed, actor.span)
            if not taken.intersection(tokens):
                taken.update(tokens)
                found.append(actor)
        for ent in parsed.ents:
            if organisation_shaped(ent) and not taken.intersection(range(ent.start, ent.end)):
                if self.is_place(doc, ent) or self.place_named(doc, ent):
                    continue
                found.append(unknown_actor(ent, found, doc.text))
        return sorted(found, key=lambda a: a.span.start)

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return doc.with_(actors=tuple(self.find(doc)))

    def registry_mentions(self, parsed: Any) -> Iterator[Actor]:
        from spacy.util import filter_spans

        matcher = self.phrase_matcher(parsed.vocab)
        spans = [parsed[start:end] for _, start, end in matcher(parsed)]
        for span in filter_spans(spans):
            entry = self.registry.find(span.text)
            if entry is not None:
                yield Actor(Span(span.start_char, span.end_char), entry.name, span.text,
                            entry.type, entry.country)

    def phrase_matcher(self, vocab: Any) -> Any:
        """Build the registry's phrase matcher once, on first use."""
        if self.matcher is None:
            from spacy.matcher import PhraseMatcher

            exact, folded = PhraseMatcher(vocab, attr="ORTH"), PhraseMatcher(vocab, attr="LOWER")
            for alias, _, case_sensitive in self.registry.surface_forms():
                target = exact if case_sensitive else folded
                target.add("ACTOR", [self.tokenizer(alias if case_sensitive else alias.lower())])
            self.matcher = CombinedMatcher(exact, folded)
        return self.matcher

    def generic_mentions(self, doc: Document) -> Iterator[Actor]:
        """Yield state bodies named generically, for the country their sentence is about."""
        if self.heads is None:
            self.heads = self.registry.generic_heads()
        heads = self.heads
        for chunk in doc.parsed.noun_chunks:
            if chunk.root.lower_ not in heads and chunk.root.lemma_.lower() not in heads:
                continue
            actor = self.generic(chunk, local_focus(doc, chunk.sent) or doc.extras.get("focus"))
            if actor is not None:
                yield actor

    def generic(self, chunk: Any, focus: str | None) -> Actor | None:
        """Name a state body from a phrase such as "Syria's Foreign Ministry" or "the regime"."""
        words = [t for t in chunk if t.lower_ not in LEADING and t.tag_ != "POS"]
        country = None
        while words and self.registry.country(words[0].text) is not None and len(words) > 1:
            country = self.registry.country(words[0].text)
            words = words[1:]
        named_country = country is not None
        if not words:
            return None
        phrase = chunk.doc[words[0].i:words[-1].i + 1].text
        meaning = self.registry.generic(phrase)
        if meaning is None:
            return None
        if country is None and focus:
            country = self.registry.country_by_code(focus)
        if country is None:
            return None
        denotes, kind = meaning
        owner = self.owner(chunk)
        if owner is not None:       # "the health ministry of the Houthi movement" is the Houthis'
            words_end = max(t.idx + len(t.text) for t in chunk.root.subtree)
            return Actor(Span(chunk.start_char, chunk.end_char), owner.name, chunk.text, kind,
                         owner.country, chunk.doc.text[words[0].idx:words_end])
        name = self.registry.name_for(country.iso2, denotes)
        # The body's own words, with its country where they lack one: "Iraqi health ministry".
        speaker = chunk.text if named_country else \
            f"{country.adjectives[0]} {phrase}" if country.adjectives else phrase
        if phrase.lower() in ("regime", "government"):
            speaker = None      # "the regime" is the government itself, not one of its bodies
        return Actor(Span(chunk.start_char, chunk.end_char), name, chunk.text, kind,
                     country.iso2, speaker)

    def owner(self, chunk: Any) -> Any:
        """Return the registry actor a body belongs to when the phrase says so: "the X of Y"."""
        for prep in chunk.root.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        words = [t for t in obj.subtree if t.dep_ != "det"]
                        text = chunk.doc[words[0].i:words[-1].i + 1].text if words else obj.text
                        return self.registry.find(text) or self.registry.find(obj.text)
        return None

    def place_named(self, doc: Document, ent: Any) -> bool:
        """Say whether a one-word organisation is a place the report names elsewhere."""
        names = {p.name for p in doc.places}
        return ent.label_ == "ORG" and len(ent) == 1 and ent.text in names

    def is_place(self, doc: Document, ent: Any) -> bool:
        return any(p.span.start <= ent.start_char and ent.end_char <= p.span.end for p in doc.places)


def local_focus(doc: Document, sentence: Any) -> str | None:
    """Return the country a sentence's own places lie in, when they agree on one."""
    countries = {p.entry.country for p in doc.places
                 if p.entry is not None and sentence.start_char <= p.span.start < sentence.end_char}
    return countries.pop() if len(countries) == 1 else None


@dataclass
class CombinedMatcher:
    """Run a case-sensitive and a case-folded phrase matcher as one."""

    exact: Any
    folded: Any

    def __call__(self, parsed: Any) -> list[tuple[int, int, int]]:
        return [*self.exact(parsed), *self.folded(parsed)]


def organisation_shaped(ent: Any) -> bool:
    """Say whether an entity may be an actor: an organisation, person or group, or a
    name the tagger calls a facility or product whose head is a body's ("the Red Dawn
    Front", as it often does in sentence-cased capitals copy)."""
    return ent.label_ in UNKNOWN_LABELS or \
        ent.label_ in MISTAGGED_LABELS and ent.root.lemma_.lower() in BODY_HEADS


def unknown_actor(ent: Any, earlier: list[Actor], text: str) -> Actor:
    """Keep an organisation or person the registry does not know, as written in the report.

    The parse may run on a sentence-cased copy of capitals-only copy, so the
    name is read from the report's own text.
    """
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in ("the", "a"):
        start += 1
    span = ent.doc[start:ent.end]
    written = " ".join(text[span.start_char:span.end_char].split())     # a wrapped line's break
    kind = UNKNOWN_LABELS.get(ent.label_)
    if kind == "Person" and not is_person(span, earlier):
        kind = None
    full = next((a.name for a in reversed(earlier) if kind == "Person" and a.kind == "Person"
                 and " " in a.name and a.name.split()[-1] == written), written)
    return Actor(Span(span.start_char, span.end_char), full, written, kind)


TITLES = frozenset({"mr", "mrs", "ms", "dr", "president", "minister", "general", "gen", "colonel",
                    "col", "spokesman", "spokeswoman", "governor", "commander", "sheikh", "mayor"})


def is_person(span: Any, earlier: list[Actor]) -> bool:
    """Trust a one-word person name only after a title or as the surname of someone named before.

    The recogniser often takes a lone platform or place ("Twitter") for a person.
    """
    if len(span) > 1:
        return True
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    surnames = {a.name.split()[-1] for a in earlier if a.kind == "Person" and " " in a.name}
    return before in TITLES or span.text in surnames


def token_range(parsed: Any, span: Span) -> range:
    chars = parsed.char_span(span.start, span.end, alignment_mode="expand")
    return range(chars.start, chars.end) if chars is not None else range(0)


def actor_at(doc: Document, start: int, end: int) -> Actor | None:
    """Return the actor mention that covers a stretch of text, if any."""
    for actor in doc.actors_near(start, end):
        if actor.span.start <= start and end <= actor.span.end:
            return actor
        if start <= actor.span.start and actor.span.end <= end:
            return actor
    return None
