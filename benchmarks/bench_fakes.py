"""Score marsad on the FA-KES dev half: governorate and death toll per article, plus speed.

Usage: python benchmarks/bench_fakes.py [--limit N] [--out FILE]

Reads ../shared/datasets/fakes/dev.jsonl, runs each distinct article text once
through one pipeline (rows that share a text, FA-KES's multi-event articles,
reuse that result under their own id), writes one contract object per row to
a JSONL file and scores it with ../shared/eval/score_fakes.py. The texts are
passed as they are (commas and apostrophes already stripped by the dataset).
Prints the scorer's output, then articles/s and the run times.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "datasets" / "fakes" / "dev.jsonl"
SCORER = SHARED / "eval" / "score_fakes.py"


def read_rows(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows[:limit] if limit else rows


def relabel(obj: dict, old: str, new: str) -> dict:
    """The contract object with every reference to document ``old`` renamed to ``new``."""
    def walk(x):
        if isinstance(x, dict):
            return {k: (new if k in ("document", "id") and v == old else walk(v)) for k, v in x.items()}
        if isinstance(x, list):
            return [walk(v) for v in x]
        return x
    return walk(obj)          # claim ids like "<doc>:c1" keep the old prefix; the scorer does not read them


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N rows")
    parser.add_argument("--out", type=Path, help="keep the system JSONL here")
    args = parser.parse_args()

    rows = read_rows(GOLD, args.limit)
    gold_path = GOLD
    tmpdir = tempfile.TemporaryDirectory()
    if args.limit:                          # score against the same rows only
        gold_path = Path(tmpdir.name) / "gold.jsonl"
        gold_path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out_path = args.out or Path(tmpdir.name) / "system.jsonl"

    from marsad.export.contract import contract
    from marsad.extract import default_pipeline, extract
    from marsad.ingest import read_text

    t0 = time.perf_counter()
    pipeline = default_pipeline()
    load_s = time.perf_counter() - t0

    results: dict[str, tuple[str, dict]] = {}     # text -> (doc id it ran under, contract object)
    errors = 0
    t1 = time.perf_counter()
    with out_path.open("w", encoding="utf-8") as out:
        for row in rows:
            text = row["text"]
            if text not in results:
                published = date.fromisoformat(row["published"]) if row.get("published") else None
                try:
                    doc = read_text(text, str(row["id"]), published, title=row.get("title"))
                    obj = contract(extract([doc], pipeline))
                except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
                    errors += 1
                    print(f"error on {row['id']}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    obj = {"documents": [{"id": str(row["id"])}], "incidents": [], "claims": [],
                           "casualty_reports": []}
                results[text] = (str(row["id"]), obj)
            ran_as, obj = results[text]
            if ran_as != str(row["id"]):
                obj = relabel(obj, ran_as, str(row["id"]))
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    run_s = time.perf_counter() - t1

    scored = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold_path), "--system", str(out_path)],
                            capture_output=True, text=True)
    sys.stdout.write(scored.stdout)
    sys.stderr.write(scored.stderr)
    n_articles = len(results)
    print(f"\nrows {len(rows)}, distinct articles {n_articles}, extraction errors {errors}")
    print(f"pipeline load {load_s:.1f} s; extraction {run_s:.1f} s; "
          f"{n_articles / run_s if run_s else 0:.2f} articles/s; total {time.perf_counter() - t0:.1f} s")
    if args.out:
        print(f"system file: {args.out}")
    tmpdir.cleanup()
    sys.exit(scored.returncode)


if __name__ == "__main__":
    main()
