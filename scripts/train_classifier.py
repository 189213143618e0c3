"""Rebuild marsad/data/classifier.npz, the snippet classifier's linear model.

Usage: python scripts/train_classifier.py [--data ../shared/datasets/case2021-task2/dev.tsv]
       [--out marsad/data/classifier.npz]

Fits on the labelled rows of --data (id<TAB>text<TAB>label, labels as CASE 2021
codes or ACLED names) plus the examples written for marsad
(marsad/data/classify_examples.tsv). Needs scikit-learn: pip install -e '.[train]'.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.classify.train import read_labelled, train

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "datasets" / "case2021-task2" / "dev.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--out", type=Path, default=ROOT / "marsad" / "data" / "classifier.npz")
    args = parser.parse_args()
    rows = read_labelled(args.data)
    classifier = train([(text, code) for _, text, code in rows])
    classifier.model.save(args.out)
    print(f"{args.out}: {len(classifier.model.index)} features, {len(classifier.model.classes)} classes, "
          f"{args.out.stat().st_size / 1e6:.2f} MB, trained on {len(rows)} rows + own examples")


if __name__ == "__main__":
    main()
