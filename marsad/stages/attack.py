"""Attack detail as the Global Terrorism Database records it, for each violent incident.

Attack type, weapon type and subtype, suicide, target types, the number of
blasts or attackers the report states, and whether the incident is one of
several coordinated attacks. Every fact comes from words of the incident's
own evidence sentences (``marsad/data/attack_lexicon.tsv``); nothing is
guessed from the event type. A target is a thing or person attacked, never
the one who attacks or speaks: "police said gunmen attacked a school" has a
school as its target, not the police.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Iterable

from marsad.model import Attack, Document, Fact, Incident, Span
from marsad.numbers import parse_count
from marsad.stages import lexicon

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
GAP = 4                 # words a "..." in a pattern lets between two slots
# GTD's hierarchy: the first attack type that applies is the attack's type.
ATTACK_ORDER = ("Assassination", "Hijacking", "Hostage Taking (Kidnapping)",
                "Hostage Taking (Barricade Incident)", "Bombing/Explosion", "Armed Assault",
                "Unarmed Assault", "Facility/Infrastructure Attack")
# Types a weapon implies, where the words state none of the first four.
FROM_WEAPON = {"Explosives": "Bombing/Explosion", "Firearms": "Armed Assault",
               "Melee": "Armed Assault", "Incendiary": "Facility/Infrastructure Attack",
               "Chemical": "Unarmed Assault"}
# Verbs whose subject suffers the event rather than doing it: "two soldiers died".
SUFFERING = frozenset({"die", "perish", "be", "lose", "suffer", "remain", "succumb"})
MULTIPLES = {"twin": 2, "double": 2, "triple": 3, "dual": 2}


@dataclass(frozen=True)
class Cue:
    field: str
    value: str
    detail: str | None
    slots: tuple[frozenset[str] | None, ...]       # None: a gap of up to GAP words


@dataclass(frozen=True)
class Match:
    cue: Cue
    first: int          # token indices into the parsed document, inclusive
    last: int


@cache
def cues_by_word() -> dict[str, tuple[Cue, ...]]:
    """Return the lexicon's cues indexed by each word their first slot accepts."""
    index: dict[str, list[Cue]] = {}
    for row in lexicon.data_rows("attack_lexicon.tsv"):
        slots = tuple(None if w == "..." else frozenset(w.split("|")) for w in row["pattern"].split())
        cue = Cue(row["field"], row["value"], row["detail"] or None, slots)
        for word in slots[0] or ():
            index.setdefault(word, []).append(cue)
    return {word: tuple(cues) for word, cues in index.items()}


def words(tokens: list[Any]) -> list[frozenset[str]]:
    return [frozenset((t.lower_, t.lemma_.lower(), t.lower_.replace("-", ""))) for t in tokens]


def match_tokens(tokens: list[Any]) -> list[Match]:
    """Find every cue in a run of tokens (hyphens and dashes left out); keep the longest per field."""
    tokens = [t for t in tokens if t.text not in ("-", "–", "—")]
    forms = words(tokens)
    index = cues_by_word()
    found = []
    for i, form in enumerate(forms):
        for cue in {c for w in form for c in index.get(w, ())}:
            end = match_from(cue.slots, forms, i)
            if end is not None:
                found.append(Match(cue, tokens[i].i, tokens[end].i))
    return longest(found)


def match_from(slots: tuple[frozenset[str] | None, ...], forms: list[frozenset[str]], i: int) -> int | None:
    """Return the position of the last word matched when a pattern starts at ``i``, else None."""
    if not slots:
        return i - 1
    slot, rest = slots[0], slots[1:]
    if slot is None:
        for skip in range(GAP + 1):
            end = match_from(rest, forms, i + skip)
            if end is not None:
                return end
        return None
    if i >= len(forms) or not slot & forms[i]:
        return None
    return match_from(rest, forms, i + 1)


def longest(found: list[Match]) -> list[Match]:
    """Drop a match lying inside a longer one of the same field ("bomb" inside "petrol bomb")."""
    def inside(a: Match, b: Match) -> bool:
        return a is not b and a.cue.field == b.cue.field and b.first <= a.first and a.last <= b.last \
            and (b.last - b.first) > (a.last - a.first)
    return [m for m in found if not any(inside(m, o) for o in found)]


@dataclass
class AttackStage:
    """Give each violent incident the attack detail its evidence sentences state."""

    name: str = "attack"
    requires: tuple[str, ...] = ("parsed", "incidents")
    assigns: tuple[str, ...] = ("incidents",)

    def find(self, doc: Document) -> list[Incident]:
        return [replace(i, attack=attack_of(doc, i)) if i.event_type in VIOLENT_TYPES else i
                for i in doc.incidents]

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        return doc.with_(incidents=tuple(self.find(doc)))


def sentence_tokens(doc: Document, span: Span) -> list[Any]:
    region = doc.parsed.char_span(span.start, span.end, alignment_mode="expand")
    return list(region) if region is not None else []


def attack_of(doc: Document, incident: Incident) -> Attack | None:
    """Read an incident's attack detail from its evidence sentences; None where they state none."""
    matches = [m for span in sentences_of(doc, incident) for m in match_tokens(sentence_tokens(doc, span))]
    parsed = doc.parsed
    weapons = weapon_facts(doc, [m for m in matches if m.cue.field == "weapon"])
    attack = Attack(
        attack_types=attack_types(doc, [m for m in matches if m.cue.field == "attack"], weapons),
        weapons=weapons,
        targets=first_per_value(doc, [m for m in matches if m.cue.field == "target"
                                      and not acting_side(parsed[m.last]) and not kind_of_act(parsed[m.last])]),
        suicide=next(iter(first_per_value(doc, [m for m in matches if m.cue.field == "suicide"])), None),
        blasts=tally(doc, [m for m in matches if m.cue.field == "blasts"], attackers=False),
        attackers=tally(doc, [m for m in matches if m.cue.field == "attackers"
                              and acting_side(parsed[m.last])], attackers=True),
        coordinated=coordinated(doc, incident, [m for m in matches if m.cue.field == "coordinated"]))
    return attack if attack != Attack() else None


def sentences_of(doc: Document, incident: Incident) -> list[Span]:
    """Return the incident's sentences, and those naming no town that tell of its very kind of
    event that day or on no day they state ("the suicide bombings", "the boys were
    abducted"): they typed it."""
    told = [m.span for m in doc.events if (m.place is None or m.place.entry is None
                                           or m.place.entry.feature_code.startswith("PCL"))
            and m.sub_event_type == incident.sub_event_type
            and (m.day == incident.day or not m.day_stated)]
    return list(dict.fromkeys(incident.evidence + tuple(told)))


def kind_of_act(token: Any) -> bool:
    """Say whether a word only says who acted: "military bombardments", "police raid"."""
    return token.dep_ in ("amod", "compound") and lexicon.trigger_at(token.head) is not None


def span_of(doc: Document, match: Match) -> Span:
    first, last = doc.parsed[match.first], doc.parsed[match.last]
    return Span(first.idx, last.idx + len(last.text))


def first_per_value(doc: Document, matches: Iterable[Match]) -> tuple[Fact, ...]:
    facts: dict[tuple[str, str | None], Fact] = {}
    for m in sorted(matches, key=lambda m: m.first):
        facts.setdefault((m.cue.value, m.cue.detail), Fact(m.cue.value, span_of(doc, m), m.cue.detail))
    return tuple(facts.values())


def weapon_facts(doc: Document, matches: list[Match]) -> tuple[Fact, ...]:
    """One fact per weapon type and subtype; a type without subtype only where none is known."""
    facts = first_per_value(doc, matches)
    typed = {f.value for f in facts if f.detail}
    return tuple(f for f in facts if f.detail or f.value not in typed)


def attack_types(doc: Document, matches: list[Match], weapons: tuple[Fact, ...]) -> tuple[Fact, ...]:
    """Stated types, then those the weapons imply unless a stated type outranks them; GTD's order."""
    stated = list(first_per_value(doc, matches))
    names = {f.value for f in stated}
    if not names & set(ATTACK_ORDER[:4]):
        for weapon in weapons:
            implied = FROM_WEAPON.get(weapon.value)
            if implied and implied not in names:
                stated.append(Fact(implied, weapon.evidence))
                names.add(implied)
    return tuple(sorted(stated, key=lambda f: ATTACK_ORDER.index(f.value)))


def acting_side(token: Any) -> bool:
    """Say whether a word names who acts or speaks ("gunmen stormed", "police said"), not who suffers.

    Walks from the word up its noun phrase to the clause: a subject of a verb
    other than dying or being, a "by" agent, or "according to" makes it the
    acting side.
    """
    current = token
    for _ in range(8):
        if current.dep_ in ("nsubj", "csubj"):
            return current.head.lemma_.lower() not in SUFFERING
        if current.dep_ == "agent" or (current.dep_ == "pobj" and current.head.lower_ == "by"):
            return True
        if current.dep_ == "pobj" and current.head.lower_ == "to" and current.head.head.lower_ == "according":
            return True
        if current.head == current or current.head.pos_ in ("VERB", "AUX"):
            return False
        current = current.head
    return False


def tally(doc: Document, matches: list[Match], attackers: bool) -> Fact | None:
    """Return the largest number the report puts on the blasts or the attackers, with its words."""
    best: tuple[int, Span] | None = None
    for m in matches:
        head = doc.parsed[m.last]
        number = stated_number(head)
        if number is None:
            continue
        word, value = number
        span = Span(min(word.idx, doc.parsed[m.first].idx), head.idx + len(head.text))
        if best is None or value > best[0]:
            best = (value, span)
    return Fact(str(best[0]), best[1]) if best else None


def stated_number(head: Any) -> tuple[Any, int] | None:
    """Return the number word modifying a plural noun ("two explosions", "twin blasts") and its value."""
    if head.tag_ not in ("NNS", "NNPS") and not head.lower_.endswith("s"):
        return None
    for child in head.children:
        if child.dep_ == "nummod":
            count = parse_count(child.text)
            if count is not None and count.low and count.low == count.high and count.low < 1000:
                return child, count.low
        if child.lower_ in MULTIPLES:
            return child, MULTIPLES[child.lower_]
    return None


def coordinated(doc: Document, incident: Incident, own: list[Match]) -> Fact | None:
    """Return the words calling the incident one of coordinated attacks: in its own sentences, in
    a sentence naming its town, or, where the incidents stage related it to others, anywhere."""
    if own:
        first = min(own, key=lambda m: m.first)
        return Fact("yes", span_of(doc, first))
    for sentence in doc.parsed.sents:
        if not (incident.related or names_place(doc, sentence, incident)):
            continue
        found = [m for m in match_tokens(list(sentence)) if m.cue.field == "coordinated"]
        if found:
            return Fact("yes", span_of(doc, found[0]))
    return None


def names_place(doc: Document, sentence: Any, incident: Incident) -> bool:
    """Say whether a sentence names the incident's town: "coordinated attacks struck X and Y"."""
    entry = incident.place.entry
    return entry is not None and any(
        p.entry is not None and p.entry.geonameid == entry.geonameid
        and sentence.start_char <= p.span.start < sentence.end_char for p in doc.places)
