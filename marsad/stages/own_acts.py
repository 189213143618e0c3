"""Acts a speaker tells as its own: "we attacked", "its fighters destroyed", "the rebels
inflicted casualties", and the report that is itself an armed group's word (its outlet's
broadcast, named in the dateline).

The claims stage reads a claim of responsibility from these when the speaker
is a non-state armed group; the words here only say who did what, and whether
it is told as done.
"""

from __future__ import annotations

import re
from typing import Any

from marsad.model import Actor, Document
from marsad.stages import lexicon, syntax
from marsad.stages.speakers import Speakers

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

# Verbs of harm the event lexicon leaves out, as they rarely open a report: a group's
# own account of its acts uses them ("destroyed the garrison", "inflicted casualties").
HARM_VERBS = frozenset({"destroy", "inflict", "sabotage", "dynamite", "torch", "down", "target"})

# Planting explosives is an attack, whatever it hit: "placed explosive devices on highways".
PLACING_VERBS = frozenset({"place", "plant", "set", "lay", "hurl", "throw"})
EXPLOSIVES = frozenset({"bomb", "explosive", "device", "charge", "mine", "dynamite", "grenade"})
# Words for fighters; "guerrilla units", "rebel columns" are fighters too, but "units" alone
# is anyone's.
FIGHTER_WORDS = frozenset({"rebel", "guerrilla", "insurgent", "militant", "fighter", "combatant",
                           "commando", "mujahid", "mujahideen"})
FIGHTER_BODIES = frozenset({"unit", "column", "force", "cell", "squad", "detachment", "brigade"})
FIGHTER_KINDS = frozenset({"urban", "armed", "special"})

# A dateline's source, in brackets before the dash: "CLANDESTINE, NO DATE (RADIO X) --".
DATELINE_SOURCE = re.compile(r"\s*[A-Z][^\n()]{0,60}\(([^()\n]{2,60})\)\s*(?:--|[-–—])")

MODALS = frozenset({"will", "would", "could", "can", "may", "might", "shall", "should", "must", "'ll"})
ARMED_GROUPS = frozenset({"Rebel group", "Political militia", "Identity militia"})


def voice_of(doc: Document, who: Speakers) -> Actor | None:
    """Return the armed group a report speaks for: the one whose own outlet its dateline
    names as the source ("CLANDESTINE, 7 DEC 89 (RADIO X) --", Radio X speaking for the group)."""
    dateline = DATELINE_SOURCE.match(doc.text)
    if dateline is None:
        return None
    for actor in doc.actors:
        if dateline.start(1) <= actor.span.start and actor.span.end <= dateline.end(1):
            group = who.principal(actor)
            if group.kind in ARMED_GROUPS:
                return group
    return None


def violent(token: Any) -> bool:
    """Say whether a verb tells of an attack or a killing, or of harm done: "destroyed six
    towers", "inflicted 400 casualties", "opened fire", "placed explosive devices" (a
    group's own tally of what it did)."""
    if token.pos_ != "VERB":
        return False
    trigger = lexicon.trigger_at(token)
    objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
    return trigger is not None and trigger.event_type in VIOLENT_TYPES or syntax.verb_in(token, HARM_VERBS) \
        or token.lemma_.lower() == "open" and "fire" in objects \
        or syntax.verb_in(token, PLACING_VERBS) and not EXPLOSIVES.isdisjoint(objects)


def first_person(token: Any) -> bool:
    """Say whether a doer is the speaker in the first person: "we", "our units", "the
    commandos of our organization" ("they" in a group's broadcast is someone else)."""
    if token.pos_ == "PRON" and token.lemma_.lower() in ("we", "i"):
        return True
    owners = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for t in (token, *owners) for c in t.children)


def hypothetical(predicate: Any) -> bool:
    """Say whether a clause tells of an act not done: "we will seize", "if we attack", "they
    could be killed". A threat or a condition owns no attack."""
    clause = [predicate, predicate.head] if predicate.dep_ == "conj" else [predicate]
    return any(c.lower_ in MODALS or c.dep_ == "mark" and c.lower_ in ("if", "unless")
               for v in clause for c in v.children)


def quoted(doc: Document, predicate: Any) -> bool:
    """Say whether a word stands inside quotation marks opened in its paragraph: words
    a broadcast quotes are someone else's."""
    paragraph = doc.text.rfind("\n\n", 0, predicate.idx) + 1
    return doc.text.count('"', paragraph, predicate.idx) % 2 == 1


def active_doers(predicate: Any) -> list[Any]:
    """Return who did an act: a passive's "by" agent, else the active subject (never the
    passive subject, who suffered it: "its convoy was attacked")."""
    doers = syntax.agents(predicate) or [c for c in predicate.children if c.dep_ == "nsubj"]
    return [t for d in doers for t in syntax.with_conjuncts(d)]


def unowned_fighters(token: Any) -> bool:
    """Say whether a doer is fighters the words give no owner: "the rebels", "guerrilla columns".

    In an armed group's own account such words are its own fighters: it would
    name another group's ("FMLN columns", "enemy units", "army troops").
    """
    lemma = token.lemma_.lower()
    modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    if any(c.lemma_.lower() not in FIGHTER_WORDS | FIGHTER_KINDS for c in modifiers):
        return False
    return lemma in FIGHTER_WORDS or lemma in FIGHTER_BODIES and bool(modifiers)


def self_reference(token: Any) -> bool:
    """Say whether a doer is the speaker itself: "it", "we", "its fighters", "his men",
    "the commandos of our organization"."""
    if token.pos_ == "PRON" and token.lemma_.lower() in ("it", "we", "they", "i"):
        return True
    owners = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in p.children if o.dep_ == "pobj"]
    return any(c.dep_ == "poss" and c.lower_ in ("its", "our", "his", "their", "her")
               for t in (token, *owners) for c in t.children)
