"""Label news snippets with one of 30 event classes: ACLED's 25 sub-event types and five more.

The five beyond ACLED are organised crime, natural disaster, man-made
disaster, diplomatic event and attribution of responsibility (the CASE 2021
task 2 classes). A few rules decide where a cue leaves no doubt
(``marsad/data/classify_rules.tsv``); a linear model over words, character
n-grams, cues and pairs of cues (``marsad/data/classifier.npz``, rebuilt by
``scripts/train_classifier.py``) decides the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from marsad.classify.features import blocks
from marsad.classify.labels import EventClass, event_classes
from marsad.classify.model import LinearModel
from marsad.classify.rules import rule_label

MODEL_FILE = "classifier.npz"


@dataclass(frozen=True)
class Classifier:
    """Rules first, then the linear model."""

    model: LinearModel
    use_rules: bool = True

    @classmethod
    def load(cls, path: Path | str | None = None, use_rules: bool = True) -> Classifier:
        """Load the packaged model, or the one at ``path``."""
        if path is None:
            with resources.as_file(resources.files("marsad.data").joinpath(MODEL_FILE)) as packaged:
                return cls(LinearModel.load(packaged), use_rules)
        return cls(LinearModel.load(path), use_rules)

    def code(self, text: str) -> str:
        """Return the class code (``AIR_STRIKE``) of the snippet's main event."""
        feats = blocks(text)
        if self.use_rules and (ruled := rule_label(set(feats["q"]))) is not None:
            return ruled
        return self.model.classes[int(np.argmax(self.model.scores(feats)))]

    def event_class(self, text: str) -> EventClass:
        """Return the snippet's class with its ACLED names."""
        return event_classes()[self.code(text)]


def classify(snippets: Iterable[tuple[str, str]], classifier: Classifier,
             codes: bool = False) -> Iterator[tuple[str, str]]:
    """Yield (id, label) per (id, text): the ACLED sub-event type name, or the code."""
    for snippet_id, text in snippets:
        found = classifier.event_class(text)
        yield snippet_id, found.code if codes else found.name
