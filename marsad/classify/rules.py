"""Rules that label a snippet outright when its cues leave no doubt.

Each rule (``marsad/data/classify_rules.tsv``) names the cues a snippet must
show and those it must not: "suicide bomber" makes a suicide bombing unless
the snippet is about who claimed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.classify.features import cues, normalise
from marsad.stages.lexicon import data_rows


@dataclass(frozen=True)
class Rule:
    label: str
    all_of: frozenset[str]
    none_of: frozenset[str]

    def applies(self, found: set[str]) -> bool:
        return self.all_of <= found and not self.none_of & found


def names(cell: str) -> frozenset[str]:
    return frozenset() if cell.strip() == "-" else frozenset(cell.split())


@cache
def rules() -> tuple[Rule, ...]:
    """Return the rules in file order, each checked against the known cue names."""
    known = {cue.name for cue in cues()}
    table = tuple(Rule(row["label"], names(row["all_of"]), names(row["none_of"]))
                  for row in data_rows("classify_rules.tsv"))
    for rule in table:
        unknown = (rule.all_of | rule.none_of) - known
        if unknown:
            raise ValueError(f"classify_rules.tsv: unknown cue {sorted(unknown)[0]!r}")
    return table


def found_cues(text: str) -> set[str]:
    """Return the names of the cues the snippet shows."""
    norm = normalise(text)
    return {cue.name for cue in cues() if cue.pattern.search(norm)}


def rule_label(found: set[str]) -> str | None:
    """Return the code of the first rule that applies to a snippet with these cues, or None."""
    return next((rule.label for rule in rules() if rule.applies(found)), None)
