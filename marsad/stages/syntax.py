"""Walks over spaCy's dependency parse that several stages share."""

from __future__ import annotations

from typing import Any, Iterator

# Nouns that name a part of a place; "the bus station in X" still puts an event in X.
PLACE_NOUNS = frozenset({
    "area", "areas", "town", "city", "village", "region", "province", "governorate", "district",
    "edge", "side", "entrance", "quarter", "stronghold", "enclave", "bastion", "vicinity", "state", "county", "oblast", "prefecture", "department", "municipality", "commune", "locality",
    "neighbourhood", "neighborhood", "suburb", "outskirts", "outskirt", "hotel", "wedding", "centre", "center", "station",
    "hospital", "market", "camp", "school", "mosque", "church", "checkpoint", "square", "street",
    "road", "highway", "base", "airport", "port", "border", "crossing", "countryside", "part",
    "parts", "east", "west", "north", "south", "heart", "garage", "building", "compound",
    "refugee", "capital", "zone", "front", "frontline", "outpost", "headquarters"})
# Offices named after a place: "the Governor of X" says nothing of an event in X.
OFFICES = frozenset({"governor", "president", "minister", "mayor", "spokesman", "spokeswoman",
                     "commander", "chief", "head", "leader", "ambassador", "director", "envoy",
                     "king", "prince", "emir", "sheikh", "general", "bishop", "imam", "prefect"})
# Dependencies along which a place name still describes the same thing.
NOMINAL_DEPS = frozenset({"pobj", "prep", "conj", "cc", "compound", "nmod", "amod", "appos", "poss",
                          "case", "npadvmod", "advmod", "punct", "nummod", "det", "quantmod"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "agent", "pobj", "prep",
                           "compound", "nmod", "conj", "appos", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def is_predicate(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX")


def anchor(token: Any, stop: frozenset = frozenset()) -> Any:
    """Walk up from a name to the word it describes: the first verb or non-place noun.

    Tokens whose index is in ``stop`` end the walk there (triggers do).
    """
    current = token
    for _ in range(12):
        if current.i in stop and current != token:
            return current
        if is_predicate(current) and current != token:
            return current
        noun_stop = current != token and (
            (current.pos_ in ("NOUN", "PRON") and current.lower_ not in PLACE_NOUNS
             and current.lemma_.lower() not in PLACE_NOUNS and not sited(current))
            or current.lower_ in OFFICES)
        if noun_stop or current.head == current or current.dep_ not in NOMINAL_DEPS | {"dobj", "nsubj", "nsubjpass"}:
            return current
        current = current.head
    return current


def sited(token: Any) -> bool:
    """Say whether a noun is where something happened: "at a bus stop", "near the gate"."""
    return token.dep_ == "pobj" and token.head.lower_ in SITE_PREPS


SITE_PREPS = frozenset({"at", "near", "outside", "inside", "beside", "behind"})


def clause_of(token: Any) -> Any:
    """Return the predicate a word belongs to (the word itself if it is one)."""
    current = token
    for _ in range(12):
        if is_predicate(current) or current.head == current:
            return current
        current = current.head
    return current


def argument_path(token: Any, predicate: Any) -> bool:
    """Say whether a word reaches a predicate as its subject, object or their modifier.

    "A series of bombings struck X" reaches "struck" through its subject;
    "fled due to the bombing" reaches "fled" only through an adverbial, which
    does not make the bombing what the clause is about.
    """
    current = token
    for _ in range(12):
        if current == predicate:
            return True
        if current.dep_ not in ARGUMENT_DEPS or current.head == current:
            return False
        if current.dep_ == "prep" and current.lower_ not in ("of", "in", "at", "on", "near", "by"):
            return False
        current = current.head
    return False


def links(place_token: Any, trigger_token: Any, triggers: frozenset) -> bool:
    """Say whether a place name sits in the event's own phrase or clause.

    A relative clause on the place's phrase counts as its clause: "the city
    of X, where youths hurled rocks".
    """
    reached = anchor(place_token, triggers)
    if reached == trigger_token or in_relative_clause(place_token, reached, trigger_token):
        return True
    reached = through_prepositions(reached)
    if reached == trigger_token:
        return True
    if reached.dep_ in ("nsubjpass", "dobj") and is_predicate(reached.head):
        reached = reached.head      # "killed people in X": X is where the killing was
    if not is_predicate(reached):
        return False
    clauses = [reached, reached.head] if reached.dep_ == "conj" else [reached]   # "killed six and injured ten in X"
    return any(c == trigger_token or argument_path(trigger_token, c) or on_trigger(c, trigger_token)
               for c in clauses)


# Verbs of a relative clause on an event word that tell where the event struck.
STRUCK_VERBS = frozenset({"hit", "strike", "target", "kill", "wound", "injure", "rip", "tear", "destroy",
                          "damage", "level", "explode", "claim", "leave", "go"})


def on_trigger(clause: Any, trigger: Any) -> bool:
    """Say whether a clause is a relative clause on the event word itself, telling where it
    struck: "the car bomb that hit a market in X", "the strike which killed ten in X" (not
    "a bomb that had been hidden in a bag in X")."""
    return clause.dep_ == "relcl" and clause.head == trigger and \
        clause.lemma_.lower() in STRUCK_VERBS


def in_relative_clause(start: Any, end: Any, trigger: Any) -> bool:
    """Say whether a trigger sits in a "where ..." clause on a word between a place and its anchor."""
    current = start
    for _ in range(12):
        for clause in current.children:
            if clause.dep_ == "relcl" and any(t.lower_ == "where" for t in clause.children) \
                    and trigger.i in {t.i for t in clause.subtree}:
                return True
        if current == end or current.head == current:
            return False
        current = current.head
    return False


def through_prepositions(token: Any) -> Any:
    """Climb from a noun in "with rebels near X" or "between the army and X" to what governs it."""
    current = token
    for _ in range(6):
        if current.dep_ == "conj" and current.head.pos_ in ("NOUN", "PROPN"):
            current = current.head
        elif current.dep_ == "pobj" and current.head.lower_ in ("with", "between", "against", "among"):
            current = current.head.head
        else:
            return current
    return current


def subjects(predicate: Any) -> Iterator[Any]:
    """Yield a predicate's subjects, inherited from the verb it is joined to by "and".

    A sentence whose root is a noun with a participle that has an object ("The
    ministry named X as responsible.") has lost its main verb to the parser,
    which read the verb as "a ministry named X": the noun is its subject.
    """
    found = [c for c in predicate.children if c.dep_ in SUBJECT_DEPS]
    if not found and main_verb_read_as_participle(predicate):
        found = [predicate.head]
    if not found and predicate.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp") and predicate.head != predicate:
        head = predicate.head
        if predicate.dep_ == "pcomp" and head.head != head:
            head = head.head
        found = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
        if not found and head.dep_ in ("dobj", "pobj") and head.head != head:
            found = [c for c in head.head.children if c.dep_ in SUBJECT_DEPS]
    for subject in found:
        yield subject
        yield from subject.conjuncts


def main_verb_read_as_participle(verb: Any) -> bool:
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") \
        and any(c.dep_ in ("dobj", "oprd") for c in verb.children) and head.i < verb.i


def agents(verb: Any) -> list[Any]:
    """Return the "by" agents of a passive verb: X in "was claimed by X"."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def with_conjuncts(token: Any) -> list[Any]:
    return [token, *token.conjuncts]


def verb_in(token: Any, verbs: frozenset[str]) -> bool:
    """Say whether a word is one of some verbs, by its lemma or by the stem of its inflected form.

    The lemmatiser now and then maps an inflected verb to another word ("staged"
    to the noun "stag"); the surface form, with its "-s", "-ed" or "-ing" taken
    off, still names the verb. Only a word tagged as a verb is stemmed: "planes" is no "plan".
    """
    return token.lemma_.lower() in verbs or is_predicate(token) and not verbs.isdisjoint(stems(token.lower_))


def stems(word: str) -> set[str]:
    """Return the forms an inflected English verb may come from: "staged" -> stage, "planned" -> plan."""
    found = {word}
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            found |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:      # "planned", "committing"
                found.add(stem[:-1])
            if ending in ("ed", "es") and stem.endswith("i"):       # "carried", "carries"
                found.add(stem[:-1] + "y")
    return found
