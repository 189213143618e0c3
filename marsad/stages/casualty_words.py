"""What a casualty figure counts: its category and who was counted (``data/casualty_words.tsv``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from marsad.stages.lexicon import data_rows

CATEGORIES = ("killed", "wounded", "missing", "abducted", "arrested", "displaced")
# "claiming the lives of 12": "life" is a death only as the object of these verbs.
LIFE_VERBS = frozenset({"claim", "take", "cost", "lose"})
# Verbs whose subject is the victim ("12 people died"), not the one who did it.
INTRANSITIVE = frozenset({"die", "disappear", "flee", "perish"})
# Figures of these groups count part of a report's toll of people or civilians.
PART_GROUPS = frozenset({"children", "women"})
# Armed people are not displaced when they "flee" or "withdraw".
ARMED_GROUPS = frozenset({"soldiers", "police", "militants", "attackers"})


@cache
def _table(kind: str) -> dict[str, str]:
    return {row["word"]: row["value"] for row in data_rows("casualty_words.tsv") if row["kind"] == kind}


def category_of(token: Any) -> str | None:
    """Return the casualty category a word names ("injured" -> wounded), or None."""
    words = _table("category")
    for key in (token.lower_, token.lemma_.lower()):
        if key in words:
            if key in ("life", "lives") and token.head.lemma_.lower() not in LIFE_VERBS and not (
                    token.head.dep_ == "prep" and token.head.head.lemma_.lower() in LIFE_VERBS):
                return None
            return words[key]
    return None


def group_of(token: Any) -> str | None:
    """Return who a noun counts ("villagers" -> civilians), or None for "people" and the like."""
    words = _table("group")
    for key in (token.lower_, token.lemma_.lower()):
        if key in words:
            return words[key]
    return None


def counted_group(noun: Any) -> str | None:
    """Return who a figure's noun counts, looking through "members of X" and "X fighters"."""
    if noun is None:
        return None
    group = group_of(noun)
    if group is None and noun.lemma_.lower() in ("member", "element"):
        group = next((group_of(t) for t in noun.subtree if t.i > noun.i and group_of(t)), None)
    return group
