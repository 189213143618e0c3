"""Who speaks, claims or is blamed: a report's words resolved to actors.

"He" and "the group" lead back to the last person or armed group named; a
spokesman speaks for the group he is spokesman of; "officials" and "the
president" speak for their state; a group the registry lacks keeps the name
the report gives it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from marsad.actors import ActorRegistry
from marsad.model import Actor, Document, Span
from marsad.stages import syntax
from marsad.stages.actors import BODY_HEADS, actor_at
from marsad.stages.nlp import shouting

STATE_TITLES = frozenset({"president", "minister", "premier", "chancellor", "king", "emir"})
OFFICIAL_NOUNS = frozenset({"official", "source", "authority", "police", "policeman", "spokesman",
                            "spokeswoman", "spokesperson", "officer", "minister", "ministry",
                            "governor", "commander", "army", "military", "government"})
UNNAMED_GROUPS = frozenset({"bandit", "gunman", "militant", "jihadist", "rebel", "insurgent",
                            "terrorist", "vigilante", "mob", "kidnapper", "assailant", "attacker"})
MEMBER_NOUNS = frozenset({"guerrilla", "member", "fighter", "militant", "gunman", "rebel", "commando",
                          "unit", "cell", "wing", "faction", "supporter", "leader", "spokesman",
                          "spokeswoman", "spokesperson", "chief", "commander", "head", "emir"})
FIGHTERS = frozenset({"rebel", "guerrilla", "insurgent", "militant", "jihadist"})
DOCUMENT_NOUNS = frozenset({"communique", "statement", "message", "letter", "leaflet", "pamphlet",
                            "note", "bulletin", "proclamation", "declaration"})
GROUP_NOUNS = frozenset({"group", "faction", "movement", "organisation", "organization",
                         "militia", "rebels", "insurgents", "jihadists", "outfit"})
SECURITY_WORDS = frozenset({"security", "military", "intelligence", "army", "police"})
ARMED_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia",
                         "External/Other forces", "State forces"})


@dataclass
class Speakers:
    """Resolve the words for who acts or speaks to actors, with the registry's help."""

    registry: ActorRegistry

    def speakers(self, doc: Document, verb: Any) -> Iterator[Actor]:
        """Yield the actors a verb's subjects stand for, resolving "he" and "the group"."""
        subjects = syntax.agents(verb) or list(syntax.subjects(verb))      # "was claimed by X": X speaks
        if all(s.dep_ != "conj" for s in subjects):     # two subjects in a broken parse: the nearer
            subjects.sort(key=lambda s: abs(verb.i - s.i))
        subjects = [members_of(relative_head(s)) for s in subjects]
        named = [a for s in subjects if (a := actor_within(doc, s)) is not None]
        if named:       # a name beats a pronoun or "the group" beside it
            actor = body_of(doc, named[0]) if named[0].kind == "Person" else named[0]
            yield self.statesman(doc, actor) if actor.kind == "Person" else self.principal(actor)
            return
        for subject in subjects:
            actor = resolve(doc, subject) or self.official(doc, subject) or named_group(doc, subject) \
                or appositive_group(doc, subject)
            if actor is not None:
                yield actor
                return

    def principal(self, outlet: Actor) -> Actor:
        """Let an armed group's own outlet or wing speak for the group: what Amaq says, the
        Islamic State says. A state's media keep their own name: they report as well as speak."""
        entry = self.registry.find(outlet.name)
        owner = self.registry.find(entry.speaks_for) if entry is not None and entry.speaks_for else None
        if owner is None or owner.type not in ARMED_TYPES - {"State forces"}:
            return outlet
        return Actor(outlet.span, owner.name, outlet.surface, owner.type, owner.country, speaker=outlet.name)

    def statesman(self, doc: Document, person: Actor) -> Actor:
        """Let a president or minister speak for the state: "President X" is the government."""
        span = doc.parsed.char_span(person.span.start, person.span.end, alignment_mode="expand")
        if span is None:
            return person
        words = {t.lower_ for t in span.root.children} | {t.lower_ for t in span}
        if not words & STATE_TITLES:
            return person
        country = next((c for t in span.root.subtree if (c := self.registry.country(t.text))), None)
        if country is None and doc.extras.get("focus"):
            country = self.registry.country_by_code(doc.extras["focus"])
        if country is None:
            return person
        return Actor(person.span, self.registry.name_for(country.iso2, "government"), person.surface,
                     "Government body", country.iso2, speaker=person.name)

    def official(self, doc: Document, token: Any) -> Actor | None:
        """Name the state behind "officials", "the police" and the like; unnamed "security
        sources" and "security officials" keep their words with their country ("Burkinabe
        security sources")."""
        if token.lemma_.lower() not in OFFICIAL_NOUNS:
            return None
        country = next((c for t in token.subtree if (c := self.registry.country(t.text)) is not None), None)
        where_said = fronted_country(doc, token)
        if country is None and (where_said or doc.extras.get("focus")):
            country = self.registry.country_by_code(where_said or doc.extras["focus"])
        if country is None:
            return None
        chunk = " ".join(t.text for t in token.subtree if t.dep_ != "det")
        where = Span(token.idx, token.idx + len(token.text))
        if token.lemma_.lower() == "source" or token.lemma_.lower() == "official" and any(
                c.dep_ in ("compound", "amod") and c.lemma_.lower() in SECURITY_WORDS for c in token.children):
            # Unnamed sources, and security officials, are not the government speaking: they
            # keep their words, with their country ("Nigerian security officials").
            words = " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in token.subtree if t.dep_ != "det")
            named = words if any(self.registry.country(t.text) for t in token.subtree) or \
                not country.adjectives else f"{country.adjectives[0]} {words}"
            return Actor(where, named, chunk, None, country.iso2, speaker=chunk)
        denotes = "police" if token.lemma_.lower() in ("police", "policeman") else "government"
        return Actor(where, self.registry.name_for(country.iso2, denotes),
                     chunk, "Government body", country.iso2, speaker=chunk)

    def target_name(self, doc: Document, token: Any) -> str | None:
        """Name an accusation's target: an actor, a country, or a capital standing for one.

        A pronoun ("blaming them") is left out: who "they" are is too often a guess.
        """
        if token.pos_ == "PRON":
            return None
        if token.lemma_.lower() in UNNAMED_GROUPS:     # "carried out by bandits"
            return token.lower_ if token.tag_ == "NNS" else token.lemma_.lower()
        actor = resolve(doc, token) or next(
            (a for t in token.subtree if t.dep_ in ("compound", "pobj", "poss", "nmod")
             and (a := actor_at(doc, t.idx, t.idx + len(t.text))) is not None), None)
        if actor is not None:       # "fighters of X" and "X-K" blame X
            return actor.name
        country = self.registry.country(token.text)
        if country is None and token.ent_type_:
            country = self.registry.country(entity_around(token).text)
        return country.name if country is not None else None


def entity_around(token: Any) -> Any:
    """Return the named-entity span a token is part of, walked out from the token by its
    IOB tags (a scan of every entity per question grows with the square of a long text)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def actor_within(doc: Document, token: Any, depth: int = 0) -> Actor | None:
    """Return the actor a noun names, or one named in its modifiers ("Colombia's ELN rebels").

    An appositive is followed down: "the organization 'Secret Army' (SA)" is SA.
    """
    actor = actor_at(doc, token.idx, token.idx + len(token.text))
    if actor is not None:
        return actor
    modifiers = [t for t in token.subtree
                 if t.dep_ in ("compound", "nmod", "amod", "poss", "appos") and t.head == token]
    found = [a for t in modifiers if (a := actor_at(doc, t.idx, t.idx + len(t.text))) is not None
             and a.kind != "Person"]      # "the Clara Ramirez Front" is not Clara Ramirez
    if not found and depth < 3:
        found = [a for t in modifiers if t.dep_ == "appos"
                 and (a := actor_within(doc, t, depth + 1)) is not None and a.kind != "Person"]
    # "Islamic State's Afghan branch": the registry's actor, not the adjective beside it
    known = [a for a in found if a.kind is not None]
    return (known or found)[-1] if found else None


def relative_head(token: Any) -> Any:
    """Follow "which"/"who" to the noun it stands for: "the movement, which claimed ..."."""
    clause = token.head
    if token.lemma_.lower() in ("which", "who", "that") and clause.dep_ == "relcl":
        return before_aside(clause.head, token)
    return token


ASIDE_MARKS = {"--": "--", "—": "—", "–": "–", ")": "(", "]": "["}


def before_aside(noun: Any, relative: Any) -> Any:
    """Climb from the last noun of an aside to the one it describes: in "the Black Hand -- a gang
    wanted by the courts -- who said ...", "who" follows the aside and means the Black Hand."""
    doc = relative.doc
    closer = doc[relative.i - 1] if relative.i > relative.sent.start else None
    if closer is None or closer.text not in ASIDE_MARKS:
        return noun
    opener = next((t.i for t in reversed(doc[relative.sent.start:closer.i])
                   if t.text == ASIDE_MARKS[closer.text]), None)
    current = noun
    while opener is not None and current.i > opener and current.head != current:
        current = current.head
    return current if opener is not None and current.i < opener else noun


def members_of(token: Any) -> Any:
    """Follow "guerrillas of X", "members of X" or "a spokesman for X" to X; and a text to
    who wrote it: "a communique issued by X", "a statement from X"."""
    if token.lemma_.lower() in DOCUMENT_NOUNS:
        authors = [a for c in token.children if c.dep_ == "acl" for a in syntax.agents(c)]
        if authors:
            return authors[0]
    elif token.lemma_.lower() not in MEMBER_NOUNS and token.lower_.removesuffix("s") not in MEMBER_NOUNS:
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "for", "by") and \
                (prep.lower_ != "for" or token.lemma_.lower() not in DOCUMENT_NOUNS):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return token


def named_group(doc: Document, token: Any) -> Actor | None:
    """Keep a group the registry does not know by the name the report gives it.

    Only a name: a proper noun, an acronym, or a phrase headed by a word for a
    group ("the Zarate Willka Liberation Armed Forces"); "a leftist group" is no name.
    """
    words = [t for t in token.subtree if t.dep_ not in ("det", "punct", "relcl", "acl", "appos")
             and t.i <= token.i and not t.is_space]
    if not words or token.pos_ == "PRON":
        return None
    proper = [t for t in words if t.pos_ == "PROPN" or written_as_name(doc, t)]
    if not proper or (token.lemma_.lower() in GROUP_NOUNS and len(proper) < 2):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    name = doc.text[start:end].strip(" ,\"'")
    return Actor(Span(start, end), name, name, None) if len(name) > 1 else None


def fronted_country(doc: Document, token: Any) -> str | None:
    """Return the country of the places a sentence names before its speaker, when they agree:
    "In Kabul, the foreign minister said ..." is Afghanistan's minister."""
    sentence = token.sent
    countries = {p.entry.country for p in doc.places if p.entry is not None
                 and sentence.start_char <= p.span.start < token.idx}
    return countries.pop() if len(countries) == 1 else None


def written_as_name(doc: Document, token: Any) -> bool:
    """Say whether a word is written as a name: in capitals ("ELN"), or, in copy written
    all in capitals, a word the model's vocabulary does not know ("FPM", "WILLKA")."""
    if shouting(doc.text):
        return token.is_alpha and token.is_oov
    return doc.text[token.idx:token.idx + len(token.text)].isupper()


def appositive_group(doc: Document, token: Any) -> Actor | None:
    """Name "a clandestine organization, the Secret Army," by the name in apposition."""
    if token.lemma_.lower() not in GROUP_NOUNS:
        return None
    names = [a for t in token.children if t.dep_ == "appos" and (a := named_group(doc, t)) is not None]
    return names[0] if names else None


def resolve(doc: Document, token: Any) -> Actor | None:
    """Return the actor a word names, following pronouns and "the group" to an earlier mention."""
    actor = actor_at(doc, token.idx, token.idx + len(token.text))
    if actor is not None:
        return body_of(doc, actor) if actor.kind == "Person" else actor
    lemma = token.lemma_.lower()
    if token.pos_ == "PRON" and lemma in ("he", "she"):
        person = last_actor(doc, token.idx, lambda a: a.kind == "Person")
        return body_of(doc, person) if person is not None else None
    if token.pos_ == "PRON" and lemma == "it" and (body := previous_subject(doc, token)) is not None:
        return body
    if lemma in GROUP_NOUNS or (token.pos_ == "PRON" and lemma in ("it", "they")) or the_fighters(token) \
            or fighters_text(token):
        return last_actor(doc, token.idx, armed_group)
    if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children):
        # "the coalition" after "the Saudi-led coalition", "the agency" after "Amaq News Agency"
        return last_actor(doc, token.idx, lambda a: a.kind != "Person" and a.name.split()[-1].lower() == token.lower_)
    return None


def the_fighters(token: Any) -> bool:
    """Say whether a word is "the rebels" or "the guerrillas": like "the group", the fighters
    of the armed group last named ("the rebels in Honduras" may be others)."""
    return token.tag_ == "NNS" and token.lemma_.lower() in FIGHTERS and \
        [c.lower_ for c in token.children if c.dep_ not in ("punct", "relcl", "acl")] == ["the"]


def fighters_text(token: Any) -> bool:
    """Say whether a word is "the rebel communique" or "a guerrilla statement": the text of
    the armed group last named."""
    return token.lemma_.lower() in DOCUMENT_NOUNS and \
        any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in FIGHTERS for c in token.children)


def armed_group(actor: Actor) -> bool:
    """Say whether "the group" can stand for an actor: a non-state armed group, or a name
    the registry lacks that is shaped like one ("the Red Dawn Front", "the Armed Forces of
    Liberation")."""
    if actor.kind is None:
        return group_shaped(actor.name)
    return actor.kind in ARMED_TYPES - {"State forces"}


def group_shaped(name: str) -> bool:
    """Say whether a name is headed by a word for a body: "Front" in "the Red Front of the South"."""
    words = name.lower().split(" of ")[0].split()
    return bool(words) and words[-1] in BODY_HEADS


def previous_subject(doc: Document, token: Any) -> Actor | None:
    """Return the body "it" opening a sentence stands for: the last sentence's subject, when
    that names a body ("The ministry denied it. It called the strike ...")."""
    sentence = token.sent
    if token.i != sentence.start or sentence.start == 0:
        return None
    before = doc.parsed[sentence.start - 1].sent
    subjects = [t for t in before if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
    actor = actor_within(doc, subjects[0]) if subjects else None
    return actor if actor is not None and actor.kind not in (None, "Person") else None


def last_actor(doc: Document, before: int, wanted: Any) -> Actor | None:
    earlier = [a for a in doc.actors if a.span.end <= before and wanted(a)]
    return earlier[-1] if earlier else None


def body_of(doc: Document, person: Actor) -> Actor:
    """Return the body a person speaks for ("the group's spokesman, X"), keeping the person."""
    parsed = doc.parsed
    span = parsed.char_span(person.span.start, person.span.end, alignment_mode="expand")
    if span is None:
        return person
    roles = [span.root.head] if span.root.dep_ in ("appos", "compound") and span.root.head != span.root else []
    # "al-Shabaab spokesman X", "X, al-Shabaab's spokesman": the role word hangs on the name
    roles += [c for c in span.root.children if c.dep_ in ("appos", "compound") and c.lemma_.lower() in MEMBER_NOUNS]
    for child in (c for role in roles for c in role.children):
        if child.dep_ not in ("poss", "compound"):
            continue
        # Owners are bodies, never people: following a person here again could loop.
        owner = actor_at(doc, child.idx, child.idx + len(child.text))
        if owner is None and child.lemma_.lower() in GROUP_NOUNS:
            owner = last_actor(doc, child.idx, armed_group)
        if owner is not None and owner.kind != "Person":
            return Actor(person.span, owner.name, person.surface, owner.kind, owner.country,
                         speaker=person.name)
    return person


