"""The records the claims stage writes: how a claim was made (its channel), when, and one
record for each kind, actor and target however often the report repeats it."""

from __future__ import annotations

from typing import Any

from marsad.model import Claim, Document
from marsad.stages import syntax
from marsad.stages.actors import actor_at

MEDIA_CHANNELS = frozenset({"statement", "video", "telegram", "website", "audio", "online",
                            "internet", "call", "phone", "message", "communique", "twitter",
                            "channel", "recording", "post", "newsletter"})


def channel(doc: Document, verb: Any) -> str | None:
    """Return how a claim was made: a media outlet, "a statement", "Telegram"."""
    subjects = {t.i for s in syntax.subjects(verb) for t in s.subtree}
    for token in verb.subtree:
        actor = actor_at(doc, token.idx, token.idx + len(token.text))
        if actor is not None and actor.kind == "Media" and token.i not in subjects:
            return actor.name
    media = [t for t in verb.subtree if t.lemma_.lower() in MEDIA_CHANNELS and t.i not in subjects]
    named = [t for t in media if t.text[:1].isupper() or t.pos_ == "PROPN"]
    for token in named:          # a platform the report names beats "a statement"
        return token.text
    for token in media:
        if token.dep_ == "pobj":
            return token.lemma_.lower()
    return None


def time_of(doc: Document, sentence: Any) -> Any:
    segment = doc.segment_at(sentence.start_char)
    return segment.time if segment else None


def merge_duplicates(claims: list[Claim]) -> list[Claim]:
    """Fold claims of one kind, actor and targets into one, keeping all their evidence."""
    merged: dict[tuple, Claim] = {}
    for claim in claims:
        key = (claim.kind, claim.actor, frozenset(claim.against), claim.firmness == "false")
        if key in merged:
            first = merged[key]
            merged[key] = Claim(first.id, first.kind, first.actor, first.evidence + claim.evidence,
                                first.against, (), first.channel or claim.channel,
                                earliest(first.time, claim.time), first.firmness, first.speaker)
        else:
            merged[key] = claim
    return [Claim(f"c{i}", c.kind, c.actor, c.evidence, c.against, (), c.channel, c.time,
                  c.firmness, c.speaker) for i, c in enumerate(merged.values(), 1)]


def earliest(a: Any, b: Any) -> Any:
    """Return the earlier of two times, either of which may be unknown."""
    return min(a, b) if a is not None and b is not None else a or b
