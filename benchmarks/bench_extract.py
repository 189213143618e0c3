"""Measure the extractor: model load time, warm documents per second on one core, peak memory.

Usage: python benchmarks/bench_extract.py [--rounds N] [--long] [FILE ...]
Without files it uses the project's example report and, where ../shared is
beside the checkout, the seed report (both are of "seed length").
Prints medians over the rounds. ``--long`` also times one text made of the
files repeated to 25, 50, 100 and 200 thousand characters: seconds per
thousand characters should stay flat as the text grows (no per-sentence scan
of the whole document).
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
    parser.add_argument("--long", action="store_true", help="also time long texts (scaling)")
    args = parser.parse_args()
    files = args.files or [f for f in DEFAULT_FILES if f.exists()]

    from marsad.actors import ActorRegistry
    from marsad.extract import build_pipeline, extract
    from marsad.gazetteer import open_default
    from marsad.ingest import read_path, read_text
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
    if args.long:
        text = "\n\n".join(d.text for d in docs)
        for size in (25_000, 50_000, 100_000, 200_000):
            repeated = ((text + "\n\n") * (size // len(text) + 1))[:size]
            long = read_text(repeated, f"long{size}", date(2016, 5, 23))
            started = time.perf_counter()
            list(extract([long], pipeline))
            took = time.perf_counter() - started
            print(f"one text of {size:,} characters: {took:.1f} s ({took / size * 1000:.3f} s per 1,000)")


if __name__ == "__main__":
    main()
