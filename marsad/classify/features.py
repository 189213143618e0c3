"""Turn a snippet into sparse features: words, word pairs, character n-grams, cues and cue pairs.

The same function feeds training and labelling, so the shipped model sees
exactly the features it was fitted on. Cues are regular expressions from
``marsad/data/classify_cues.tsv`` that group the many ways a report names one
kind of event ("warplanes", "air raid", "drone strike"); a cue helps most
where a class has few examples. A linear model cannot see that two cues come
together, and the classes that get confused often differ only in such a
conjunction (a protest with casualties, a protest with rioting, a protest with
arrests), so every pair of cues found is a feature of its own.
"""

from __future__ import annotations

import math
import re
from itertools import combinations
from collections import Counter
from dataclasses import dataclass
from functools import cache

from marsad.stages.lexicon import data_rows

WORD = re.compile(r"[a-z]+|\d+")
SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"'])[.!?]\s+(?=[A-Z])")
CHAR_SIZES = (2, 3, 4, 5)


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern[str]


@cache
def cues() -> tuple[Cue, ...]:
    """Return the cue patterns, compiled, in file order."""
    return tuple(Cue(row["cue"], re.compile(row["pattern"]))
                 for row in data_rows("classify_cues.tsv"))


def normalise(text: str) -> str:
    """Lower-case the text and straighten quotes and dashes."""
    return (text.lower().replace("\u2019", "'").replace("\u2018", "'")
            .replace("\u2013", "-").replace("\u2014", "-"))


def words(text: str) -> list[str]:
    """Return the word tokens of normalised text; every number becomes "0"."""
    return ["0" if w[0].isdigit() else w for w in WORD.findall(text)]


def lead(text: str) -> str:
    """Return the first sentence: the main event is usually told there."""
    parts = SENTENCE_END.split(text, maxsplit=1)
    return parts[0]


def blocks(text: str) -> dict[str, Counter[str]]:
    """Return raw feature counts per block: w (words and pairs), c (characters), q (cues),
    p (pairs of cues) and f (lead sentence)."""
    norm = normalise(text)
    tokens = words(norm)
    word_counts = Counter(tokens)
    word_counts.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:]))
    chars: Counter[str] = Counter()
    for token in tokens:
        padded = f" {token} "
        for size in CHAR_SIZES:
            chars.update(padded[i:i + size] for i in range(len(padded) - size + 1))
    found = Counter(cue.name for cue in cues() if cue.pattern.search(norm))
    first = Counter(words(normalise(lead(text))))
    return {"w": word_counts, "c": chars, "q": found, "p": cue_pairs(found), "f": first}


def cue_pairs(found: Counter[str]) -> Counter[str]:
    """Return one feature per pair of cues found together, named "a&b" in sorted order."""
    return Counter(f"{a}&{b}" for a, b in combinations(sorted(found), 2))


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """Return 1 + log(count) per feature."""
    return {k: 1.0 + math.log(v) for k, v in counts.items()}
