"""Event types and perpetrators: what kind of event a trigger word reports, and who did it.

A generic word ("attacked", "killed") takes its type from who acted on whom;
a seizure is an arrest, a regained or a lost territory by who took what.
"""

from __future__ import annotations

from typing import Any, Iterator

from marsad.model import Document
from marsad.stages import lexicon, syntax
from marsad.stages.actors import actor_at

# Nouns for perpetrators the registry cannot name; kept as written.
PERPETRATOR_NOUNS = frozenset({"vigilante", "gunman", "militant", "mob",
                               "rebel", "insurgent", "jihadist", "fighter", "terrorist",
                               "rioter", "crowd", "soldier", "troop", "police", "force"})


def classify(token: Any, trigger: lexicon.Trigger, sentence: Any) -> tuple[str, str]:
    """Type an event, letting a generic word ("attacked", "killed") take its type from context."""
    harmed = [t for t in sentence if t.lemma_.lower() in ("kill", "wound", "injure")]
    victims = {t.lemma_.lower() for v in (token, *harmed) for t in victim_tokens(v)}
    if trigger.event_type == "Battles" and trigger.specificity < 3 and \
            victims & lexicon.CIVILIAN_NOUNS and not victims & lexicon.COMBATANT_NOUNS:
        return "Violence against civilians", "Attack"      # "ambushed a bus, killing passengers"
    if trigger.sub_event_type == "Non-state actor overtakes territory":
        return territory(token, victims)
    if trigger.specificity > 1:
        return refine(trigger, sentence)
    agents = {t.lemma_.lower() for t in agent_tokens(token)}
    if agents & lexicon.MOB_NOUNS:
        return "Riots", "Mob violence"
    if victims & lexicon.COMBATANT_NOUNS and not victims & lexicon.CIVILIAN_NOUNS:
        return "Battles", "Armed clash"
    return trigger.event_type, trigger.sub_event_type


def territory(token: Any, taken: set[str]) -> tuple[str, str]:
    """Type a seizure: people seized are arrested; a place taken by the state is regained."""
    if taken & (lexicon.CIVILIAN_NOUNS | lexicon.COMBATANT_NOUNS) - {"base", "position", "checkpoint"}:
        return "Strategic developments", "Arrests"
    agents = {t.lemma_.lower() for t in agent_tokens(token)}
    if agents & {"army", "troop", "soldier", "force", "military", "government", "regime"}:
        return "Battles", "Government regains territory"
    return "Battles", "Non-state actor overtakes territory"


def refine(trigger: lexicon.Trigger, sentence: Any) -> tuple[str, str]:
    """Adjust a protest's sub-type when force was used against it."""
    if trigger.event_type != "Protests":
        return trigger.event_type, trigger.sub_event_type
    lemmas = {t.lemma_.lower() for t in sentence}
    lethal = lemmas & {"kill", "shoot", "dead", "die"} or "live ammunition" in sentence.text.lower() \
        or "opened fire" in sentence.text.lower()
    if lethal and lemmas & {"protester", "demonstrator", "protest", "demonstration"}:
        return "Protests", "Excessive force against protesters"
    if lemmas & {"disperse", "tear", "teargas", "arrest", "detain", "baton", "cannon"}:
        return "Protests", "Protest with intervention"
    return trigger.event_type, trigger.sub_event_type


def agent_tokens(token: Any) -> list[Any]:
    """Return who acted: the subject of a verb, the "by" agent, or a noun's modifier."""
    found = list(syntax.subjects(token)) if syntax.is_predicate(token) else []
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found.extend(c for c in child.children if c.dep_ == "pobj")
        if child.dep_ in ("compound", "nmod", "poss") and token.pos_ == "NOUN":
            found.append(child)
    return [t for f in found for t in syntax.with_conjuncts(f)]


def victim_tokens(token: Any) -> list[Any]:
    """Return who was acted on: a verb's object or passive subject, "against X"."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("against", "on"):
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return [t for f in found for t in syntax.with_conjuncts(f)]


def perpetrators(doc: Document, trigger: Any, sentence: Any) -> Iterator[str]:
    """Yield the names of those the sentence says carried the event out."""
    if trigger.lemma_.lower() in PERPETRATOR_NOUNS:     # "vigilantes attacked ..."
        yield plural(trigger)
    for token in agent_tokens(trigger):
        actor = actor_at(doc, token.idx, token.idx + len(token.text))
        unnamed_modifier = token.dep_ == "compound" and (actor is None or actor.kind is None)
        if actor is not None and actor.kind != "Person" and not unnamed_modifier:
            yield actor.name
        elif token.lemma_.lower() in PERPETRATOR_NOUNS and token.pos_ == "NOUN":
            yield plural(token)


def plural(token: Any) -> str:
    """Name a group by its plural noun, however the sentence wrote it ("vigilante attacks")."""
    if token.tag_ == "NNS":
        return token.lower_
    lemma = token.lemma_.lower()
    return lemma[:-3] + "men" if lemma.endswith("man") else lemma + "s"
