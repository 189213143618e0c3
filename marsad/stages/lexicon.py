"""Word lists the stages share, read from the plain data files in ``marsad/data``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


# Verbs of saying; each stage adds the ones its own reading needs.
SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "report", "claim", "confirm", "add",
                          "write", "post", "tweet", "put"})
# Nouns a trigger word can name a kind of: "riot police", "bomb disposal squad".
NOT_EVENTS = frozenset({"police", "policeman", "officer", "squad", "unit", "gear", "shield",
                        "disposal", "expert", "shelter", "dog", "helicopter", "vest", "proof"})
# Triggers only as nouns: the verbs mean something else too often.
NOUN_ONLY = frozenset({"march", "rally", "strike"})
# Subjects that make "rallied" or "marched" a protest: a crowd of people.
CROWD_WORDS = frozenset({
    "people", "protester", "protestor", "demonstrator", "supporter", "resident", "student", "worker",
    "activist", "opponent", "farmer", "teacher", "woman", "man", "youth", "crowd", "villager",
    "citizen", "family", "relative", "thousand", "hundred", "dozen", "ten", "member", "follower",
    "employee", "doctor", "lawyer", "mourner", "refugee", "trader", "driver"})


@dataclass(frozen=True)
class Trigger:
    phrase: str
    event_type: str
    sub_event_type: str
    specificity: int


def data_rows(name: str) -> list[dict[str, str]]:
    """Read a packaged tab-separated data file, skipping '#' comment lines."""
    text = resources.files("marsad.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def triggers() -> dict[str, Trigger]:
    """Return the event triggers by lemma or two-lemma phrase."""
    return {row["trigger"]: Trigger(row["trigger"], row["event_type"], row["sub_event_type"],
                                    int(row["specificity"]))
            for row in data_rows("event_lexicon.tsv")}


def crowd_gathering(token: Any) -> bool:
    """Say whether a verb like "rally" or "march" has a crowd of people doing it, with nothing
    rallied or marched: "hundreds of people rallied", not "rallied support", "shares rallied"."""
    if token.lemma_.lower() == "strike" or any(c.dep_ == "dobj" for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in CROWD_WORDS or s.like_num or s.ent_type_ == "CARDINAL" or
               any(p.lemma_.lower() in CROWD_WORDS for p in s.subtree if p.dep_ == "pobj")
               for s in subjects)


def trigger_at(token: Any) -> Trigger | None:
    """Return the most specific trigger a token heads, with its modifiers ("suicide bombings").

    A word inside a date ("March 1") is no trigger.
    """
    if token.ent_type_ in ("DATE", "TIME"):
        return None
    if token.pos_ == "VERB" and token.lemma_.lower() in NOUN_ONLY and not crowd_gathering(token):
        return None     # "marched the hostages away", "shares rallied" are no protest
    if token.dep_ == "compound" and token.head.lemma_.lower() in NOT_EVENTS:
        return None     # "riot police", "bomb squad": a kind of thing, not an event
    table = triggers()
    lemma = token.lemma_.lower()
    if lemma not in table and token.lower_.endswith("s") and token.lower_[:-1] in table:
        lemma = token.lower_[:-1]       # a capitalised plural the tagger took for a name
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if particles and f"{lemma} {particles[0]}" in table:       # "blew up", "opened fire"
        return table[f"{lemma} {particles[0]}"]
    found = [table[lemma]] if lemma in table else []
    for child in modifiers(token):
        phrase = f"{child.lemma_.lower()} {lemma}"
        if phrase in table:
            found.append(table[phrase])
    if token.i + 1 < len(token.doc):
        phrase = f"{lemma} {token.doc[token.i + 1].lemma_.lower()}"
        if phrase in table and token.dep_ == "compound":
            return None     # the next word heads the phrase ("car bomb"): let it carry it
    if not found:
        return None
    return max(found, key=lambda t: t.specificity)


def modifiers(token: Any) -> list[Any]:
    """Return a noun's compound and adjective modifiers, with those joined to them by "and"."""
    direct = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    return direct + [c for d in direct for c in d.conjuncts]


# Words for people who are not combatants: an attack on them is violence against civilians.
CIVILIAN_NOUNS = frozenset({
    "civilian", "people", "person", "resident", "villager", "refugee", "worshipper", "child",
    "woman", "student", "family", "passenger", "shopper", "patient", "farmer", "pilgrim",
    "displace", "idp", "journalist", "aid", "teacher", "doctor", "man", "girl", "boy",
    "traveller", "traveler", "commuter", "motorist", "worker", "trader", "herder", "fisherman",
    "mourner", "guest", "customer", "miner", "nurse", "elder"})
# Words for combatants: violence between them is a battle.
COMBATANT_NOUNS = frozenset({
    "soldier", "troop", "fighter", "militant", "rebel", "policeman", "police", "officer",
    "guard", "serviceman", "militiaman", "insurgent", "jihadist", "army", "force", "checkpoint",
    "position", "base", "convoy", "patrol", "gunman"})
# Crowds whose violence ACLED codes as mob violence.
MOB_NOUNS = frozenset({"mob", "vigilante", "crowd", "rioter", "resident", "villager", "youth"})
