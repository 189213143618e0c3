"""A linear model over the snippet features, stored as plain arrays in a ``.npz`` file.

Labelling needs only numpy: each block of features (words, characters, cues,
lead sentence) is weighted by tf-idf, scaled to unit length and multiplied by
the block's weight; a class's score is the dot product with its column of
coefficients plus its intercept. ``marsad.classify.train`` fits the arrays.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.classify.features import sublinear


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    index: dict[str, int]            # "block:feature" -> row of coef
    idf: np.ndarray                  # (n_features,)
    coef: np.ndarray                 # (n_features, n_classes)
    intercept: np.ndarray            # (n_classes,)
    block_weights: dict[str, float]

    def vector(self, feats: dict[str, Counter[str]]) -> tuple[list[int], list[float]]:
        """Return the known features of ``blocks(text)`` and their weighted, block-normalised values."""
        rows: list[int] = []
        values: list[float] = []
        for block, counts in feats.items():
            weight = self.block_weights.get(block, 0.0)
            if not weight:
                continue
            found = [(i, tf * self.idf[i]) for key, tf in sublinear(counts).items()
                     if (i := self.index.get(f"{block}:{key}")) is not None]
            norm = math.sqrt(sum(v * v for _, v in found)) or 1.0
            rows.extend(i for i, _ in found)
            values.extend(weight * v / norm for _, v in found)
        return rows, values

    def scores(self, feats: dict[str, Counter[str]]) -> np.ndarray:
        """Return one score per class for the features ``blocks(text)`` of a snippet."""
        rows, values = self.vector(feats)
        if not rows:
            return self.intercept.copy()
        return np.asarray(values, dtype=np.float32) @ self.coef[rows] + self.intercept

    def save(self, path: Path) -> None:
        """Write the arrays (no pickled objects) to a compressed .npz file."""
        keys = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path, classes=np.array(self.classes), features=np.array(keys),
            idf=self.idf.astype(np.float32), coef=self.coef.astype(np.float16),
            intercept=self.intercept.astype(np.float32),
            block_names=np.array(list(self.block_weights)),
            block_weights=np.array(list(self.block_weights.values()), dtype=np.float32))

    @classmethod
    def load(cls, path: Path | str) -> LinearModel:
        """Read a model written by ``save``; pickled objects are refused."""
        with np.load(path, allow_pickle=False) as data:
            features = [str(f) for f in data["features"]]
            return cls(classes=tuple(str(c) for c in data["classes"]),
                       index={f: i for i, f in enumerate(features)},
                       idf=data["idf"].astype(np.float32),
                       coef=data["coef"].astype(np.float32),
                       intercept=data["intercept"].astype(np.float32),
                       block_weights={str(k): float(v) for k, v in
                                      zip(data["block_names"], data["block_weights"], strict=True)})
