"""Measure the extractor: model load time, warm documents per second on one core, peak memory.

Usage: python benchmarks/bench_extract.py [--rounds N] [FILE ...]
Without files it uses the project's example report and, where ../shared is
beside the checkout, the seed report (both are of "seed length").
Prints medians over the rounds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")      # one core: no BLAS threads

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = [ROOT / "examples" / "gaziantep-2016-08-20.txt",
                 ROOT.parent / "shared" / "seeds" / "000_b89e769da1db0ccf.txt"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = args.files or [f for f in DEFAULT_FILES if f.exists()]

    from marsad.actors import ActorRegistry
    from marsad.extract import build_pipeline, extract
    from marsad.gazetteer import open_default
    from marsad.ingest import read_path
    from marsad.stages.nlp import load_model

    started = time.perf_counter()
    nlp = load_model()
    model_s = time.perf_counter() - started
    started = time.perf_counter()
    pipeline = build_pipeline(nlp, open_default(), ActorRegistry.load())
    setup_s = time.perf_counter() - started

    docs = [read_path(f, date(2016, 5, 23)) for f in files]
    list(extract(docs, pipeline))       # warm: phrase matcher, caches
    rates = []
    for _ in range(args.rounds):
        batch = docs * 10
        started = time.perf_counter()
        list(extract(batch, pipeline))
        rates.append(len(batch) / (time.perf_counter() - started))
    chars = statistics.mean(len(d.text) for d in docs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {', '.join(f.name for f in files)} (mean {chars:,.0f} characters)")
    print(f"model load: {model_s:.2f} s; gazetteer + actor registry: {setup_s:.2f} s")
    print(f"warm documents/s, one process, OMP_NUM_THREADS=1: median {statistics.median(rates):.1f} "
          f"(min {min(rates):.1f}, max {max(rates):.1f}) over {args.rounds} rounds of {len(docs) * 10}")
    print(f"peak RSS: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
