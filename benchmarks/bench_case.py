"""Score the snippet classifier on CASE 2021 task 2 dev by k-fold cross-validation, plus speed.

Usage: python benchmarks/bench_case.py [--folds 5] [--seeds 0 1 2] [--report-seeds 100 101 102 103 104]
       [--out SYS.tsv] [--rounds 5]

Every dev snippet is labelled by a model fitted on the other folds (plus the
examples written for marsad); the rules are the same in every fold. The system
file of the first seed is scored with ../shared/eval/score_case.py (weighted F1,
macro F1, per class); every seed (one fold split) prints its weighted and macro F1.

Two sets of splits, because a figure used to choose settings flatters them:
--seeds are the choosing splits, where settings, cues and examples may be
compared; --report-seeds are fresh splits that no choice may look at, whose
mean is the figure to quote. Both sets cut the same 504 snippets, so an
example written after reading a choosing split's errors still helps the report
splits a little: only the held-out half of the CASE set is fully honest.

Speed is snippets/s of the shipped model (marsad/data/classifier.npz) labelling
all dev snippets, one process, median over the rounds; run under
`taskset -c 0` for one core. Needs scikit-learn (pip install -e '.[train]').
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")      # one core: no BLAS threads

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "datasets" / "case2021-task2" / "dev.tsv"
SCORER = SHARED / "eval" / "score_case.py"


def score(system: Path) -> str:
    """Return score_case.py's report on a system file."""
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--system", str(system)],
                          capture_output=True, text=True, check=True)
    return done.stdout


def write_system(path: Path, predicted: dict[str, str]) -> None:
    from marsad.classify.labels import event_classes

    names = event_classes()
    path.write_text("id\tlabel\n" + "".join(f"{i}\t{names[c].name}\n" for i, c in predicted.items()),
                    encoding="utf-8")


def speed(texts: list[str], rounds: int) -> tuple[float, list[float], float]:
    """Return load seconds and snippets/s per round of the shipped classifier."""
    from marsad.classify import Classifier

    started = time.perf_counter()
    classifier = Classifier.load()
    load_s = time.perf_counter() - started
    for text in texts[:20]:
        classifier.code(text)       # warm
    rates = []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            classifier.code(text)
        rates.append(len(texts) / (time.perf_counter() - started))
    return load_s, rates, statistics.median(rates)


def run_seeds(rows: list[tuple[str, str, str]], seeds: list[int], folds: int, tmp: Path,
              keep: Path | None, detail: bool) -> list[tuple[float, float]]:
    """Cross-validate once per seed; return (weighted, macro) F1 per seed.

    With ``detail`` the first seed's full per-class report is printed too.
    """
    from marsad.classify.train import cross_validate

    figures = []
    for n, seed in enumerate(seeds):
        started = time.perf_counter()
        system = keep if n == 0 and keep else tmp / f"system-{seed}.tsv"
        write_system(system, cross_validate(rows, folds=folds, seed=seed))
        report = score(system)
        if n == 0 and detail:
            print(f"{folds}-fold cross-validation, seed {seed}, {len(rows)} snippets:\n")
            sys.stdout.write(report)
        found = dict(re.findall(r"(\w+_f1)=([\d.]+)", report.splitlines()[-1]))
        figures.append((float(found["weighted_f1"]), float(found["macro_f1"])))
        print(f"seed {seed}: weighted_f1 {figures[-1][0]:.4f} macro_f1 {figures[-1][1]:.4f} "
              f"({time.perf_counter() - started:.1f} s)")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="choosing splits")
    parser.add_argument("--report-seeds", type=int, nargs="*", default=[100, 101, 102, 103, 104],
                        help="fresh splits used for no choice (none: skip)")
    parser.add_argument("--out", type=Path, help="keep the first seed's system TSV here")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from marsad.classify.train import read_labelled

    rows = read_labelled(GOLD)
    with tempfile.TemporaryDirectory() as tmp:
        for title, seeds in (("choosing splits", args.seeds), ("report splits", args.report_seeds)):
            if not seeds:
                continue
            first = title.startswith("choosing")
            figures = run_seeds(rows, seeds, args.folds, Path(tmp), args.out if first else None, first)
            print(f"{title}: mean over {len(figures)} seeds: weighted_f1 "
                  f"{statistics.mean(w for w, _ in figures):.4f} "
                  f"macro_f1 {statistics.mean(m for _, m in figures):.4f}\n")
    load_s, rates, median = speed([text for _, text, _ in rows], args.rounds)
    print(f"\nshipped model load {load_s:.2f} s; snippets/s, one process: median {median:.0f} "
          f"(min {min(rates):.0f}, max {max(rates):.0f}) over {args.rounds} rounds of {len(rows)}")


if __name__ == "__main__":
    main()
