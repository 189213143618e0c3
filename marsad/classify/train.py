"""Fit the snippet classifier's linear model (needs scikit-learn: ``pip install -e '.[train]'``)."""

from __future__ import annotations

import math
import warnings
from collections import Counter
from pathlib import Path
from typing import Sequence

import numpy as np

from marsad.classify import Classifier
from marsad.classify.features import blocks
from marsad.classify.labels import code_of
from marsad.classify.model import LinearModel
from marsad.stages.lexicon import data_rows

# Chosen on the choosing splits of benchmarks/bench_case.py (the cue-pair weight among 0.2-1.0;
# the lead sentence's among 0.2-1.7: it tells the main event, so it weighs as much as the
# whole text's words), never on its report splits.
BLOCK_WEIGHTS = {"w": 1.0, "c": 1.0, "q": 0.4, "p": 0.4, "f": 1.0}
ALPHA = 1.5             # penalty (ridge alpha; an SVM's C is 1/alpha)
LEARNER = "svm"
OWN_WEIGHT = 1.0        # weight of an own example against a dev row
MIN_DF = {"c": 2}       # character n-grams seen once are mostly names: dropped to keep the file small


def vocabulary(texts: Sequence[str], min_df: dict[str, int]) -> tuple[dict[str, int], np.ndarray]:
    """Return feature -> row and the smoothed idf of each feature."""
    df: Counter[str] = Counter()
    for text in texts:
        for block, counts in blocks(text).items():
            df.update(f"{block}:{key}" for key in counts)
    keys = sorted(k for k, n in df.items() if n >= min_df.get(k.split(":", 1)[0], 1))
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[k])) + 1.0 for k in keys], dtype=np.float32)
    return {k: i for i, k in enumerate(keys)}, idf


def fit(texts: Sequence[str], labels: Sequence[str], block_weights: dict[str, float] | None = None,
        alpha: float = ALPHA, min_df: dict[str, int] | None = None,
        sample_weight: Sequence[float] | None = None, learner: str = LEARNER) -> LinearModel:
    """Fit a one-vs-rest linear classifier on the texts and return it as plain arrays."""
    from scipy.sparse import csr_matrix

    weights = dict(BLOCK_WEIGHTS if block_weights is None else block_weights)
    index, idf = vocabulary(texts, MIN_DF if min_df is None else min_df)
    empty = LinearModel((), index, idf, np.zeros((len(index), 0)), np.zeros(0), weights)
    data, cols, ptr = [], [], [0]
    for text in texts:
        rows, values = empty.vector(blocks(text))
        cols.extend(rows)
        data.extend(values)
        ptr.append(len(cols))
    matrix = csr_matrix((data, cols, ptr), shape=(len(texts), len(index)))
    clf = learner_for(learner, alpha).fit(matrix, list(labels), sample_weight=sample_weight)
    coef = np.atleast_2d(clf.coef_).T.astype(np.float32)
    return LinearModel(tuple(str(c) for c in clf.classes_), index, idf, coef,
                       np.atleast_1d(clf.intercept_).astype(np.float32), weights)


def learner_for(name: str, alpha: float):
    """Return an unfitted scikit-learn linear classifier: ridge or a linear SVM."""
    from sklearn.linear_model import RidgeClassifier
    from sklearn.svm import LinearSVC

    if name == "ridge":
        return RidgeClassifier(alpha=alpha)
    if name == "svm":
        return LinearSVC(C=1.0 / alpha, random_state=0)
    raise ValueError(f"unknown learner {name!r}")


def own_examples() -> list[tuple[str, str]]:
    """Return (text, code) for the examples written for marsad (``classify_examples.tsv``)."""
    return [(row["text"], row["label"]) for row in data_rows("classify_examples.tsv")]


def read_labelled(path: Path) -> list[tuple[str, str, str]]:
    """Return (id, text, code) per row of a CASE 2021 style ``id<TAB>text<TAB>label`` file."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f):
            cells = line.rstrip("\r\n").split("\t")
            if number == 0 and cells[0].lower() == "id" or len(cells) < 3:
                continue
            rows.append((cells[0], cells[1], code_of(cells[-1])))
    return rows


def train(labelled: Sequence[tuple[str, str]], own_weight: float = OWN_WEIGHT, **settings) -> Classifier:
    """Fit on (text, code) pairs plus the own examples; return a classifier with the rules."""
    own = own_examples()
    data = [*labelled, *own]
    weights = [1.0] * len(labelled) + [own_weight] * len(own)
    model = fit([t for t, _ in data], [c for _, c in data], sample_weight=weights, **settings)
    return Classifier(model)


def cross_validate(rows: Sequence[tuple[str, str, str]], folds: int = 5, seed: int = 0,
                   **settings) -> dict[str, str]:
    """Return {id: predicted code}, each row labelled by a model fitted without its fold.

    Folds are stratified by class; the own examples join every training fold;
    the rules are the same in every fold.
    """
    from sklearn.model_selection import StratifiedKFold

    labels = [code for _, _, code in rows]
    split = StratifiedKFold(folds, shuffle=True, random_state=seed)
    predicted: dict[str, str] = {}
    with warnings.catch_warnings():     # a class smaller than the fold count is expected here
        warnings.simplefilter("ignore", UserWarning)
        fold_indices = list(split.split(np.zeros(len(rows)), labels))
    for train_idx, test_idx in fold_indices:
        classifier = train([(rows[i][1], rows[i][2]) for i in train_idx], **settings)
        for i in test_idx:
            predicted[rows[i][0]] = classifier.code(rows[i][1])
    return predicted
