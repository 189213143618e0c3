"""Score marsad's geoparsing on GeoWebNews and TR-News, plus speed.

Usage: python benchmarks/bench_geoparse.py [--limit N] [--out DIR]

Reads ../shared/datasets/geoparsing/{geowebnews,trnews}.jsonl, runs each
article text through ``marsad.geoparse.geoparse`` (the place-finding stages
of the default pipeline), writes the system JSONL and scores it with
../shared/eval/score_geoparse.py. Prints the scorer's output, then articles/s.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATASETS = SHARED / "datasets" / "geoparsing"
SCORER = SHARED / "eval" / "score_geoparse.py"
NAMES = ("geowebnews", "trnews")


def read_articles(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows[:limit] if limit else rows


def run_one(name: str, pipeline, limit: int | None, workdir: Path) -> None:
    """Geoparse one dataset, score it and print the scorer's output and the speed."""
    from marsad.geoparse import geoparse
    from marsad.ingest import read_text

    articles = read_articles(DATASETS / f"{name}.jsonl", limit)
    gold = workdir / f"{name}.gold.jsonl"
    gold.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    system = workdir / f"{name}.system.jsonl"
    began = time.perf_counter()
    docs = (read_text(a["text"], str(a["id"])) for a in articles)
    lines = [json.dumps(line, ensure_ascii=False) + "\n" for line in geoparse(docs, pipeline)]
    seconds = time.perf_counter() - began
    system.write_text("".join(lines), encoding="utf-8")
    print(f"== {name}: {len(articles)} articles")
    scored = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--system", str(system)],
                            capture_output=True, text=True, check=True)
    print(scored.stdout, end="")
    print(f"{len(articles) / seconds:.1f} articles/s ({seconds:.1f} s)\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles of each file")
    parser.add_argument("--out", type=Path, help="keep the gold and system JSONL in this folder")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"error: {SCORER} not found (the benchmark needs ../shared)")

    from marsad.extract import default_pipeline

    pipeline = default_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.out or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in NAMES:
            run_one(name, pipeline, args.limit, workdir)


if __name__ == "__main__":
    main()
