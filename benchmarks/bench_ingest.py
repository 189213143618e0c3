"""Ingest every text of ../shared/datasets into a fresh SQLite store, on one and on two workers.

Usage: python benchmarks/bench_ingest.py [--workers 1,2] [--limit N]

The texts: FA-KES dev articles, MUC-4 dev messages, CASE 2021 dev snippets,
GeoWebNews and TR-News articles, written first to one JSON Lines file. For
each worker count, a child process ingests that file into a new store and
reports documents/s over the extraction (model loading included, reading
excluded and shown apart), peak memory (the process and its largest worker),
the store's size, and the time of each export over the whole store.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "datasets"


def collect(out: Path, limit: int | None) -> int:
    """Write every dataset text as one JSON Lines file; return the line count."""
    rows = []
    for name in ("fakes/dev.jsonl", "muc4/dev.jsonl", "geoparsing/geowebnews.jsonl", "geoparsing/trnews.jsonl"):
        with (SHARED / name).open(encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rows.append({"id": f"{name.split('/')[0]}-{r['id']}", "text": r["text"],
                             "published": r.get("published"), "title": r.get("title")})
    with (SHARED / "case2021-task2" / "dev.tsv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows.append({"id": f"case-{r['id']}", "text": r["text"]})
    rows = rows[:limit] if limit else rows
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


def one_run(source: Path, workers: int) -> dict:
    from marsad.export.corpus import EXPORT_FORMATS, export, write_parquet
    from marsad.store import Store
    from marsad.store.ingest import add_inputs, process
    from marsad.store.queries import incidents

    folder = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    db = folder / "marsad.db"
    store = Store.open(str(db))
    start = time.perf_counter()
    added = add_inputs(store, [str(source)])
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    counts = process(store, workers=workers, progress=sys.stderr.isatty())
    extract_s = time.perf_counter() - start
    exports = {}
    for fmt in EXPORT_FORMATS:
        start = time.perf_counter()
        written = (write_parquet(incidents(store), str(folder / "incidents.parquet")) if fmt == "parquet"
                   else export(store, incidents(store), fmt, io.StringIO()))     # parquet needs a file
        exports[fmt] = (round(time.perf_counter() - start, 2), written)
    status = store.status()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    size = sum(p.stat().st_size for p in folder.iterdir())
    return {"workers": workers, "documents": added.added, "duplicates": added.duplicates,
            "read_s": round(read_s, 1), "extract_s": round(extract_s, 1),
            "docs_per_s": round(counts.done / extract_s, 1), "done": counts.done, "failed": counts.failed,
            "incidents": status["incidents"], "report_incidents": status["report_incidents"],
            "store_mb": round(size / 2**20, 1), "exports": exports,
            "peak_mb_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "peak_mb_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(Path(args.source), args.one)))
        return
    if not SHARED.is_dir():
        sys.exit(f"bench_ingest: {SHARED} not found (the datasets sit in ../shared beside the checkout)")
    source = Path(tempfile.mkdtemp(prefix="marsad-bench-src-")) / "all.jsonl"
    print(f"{collect(source, args.limit)} texts from {SHARED}; {os.cpu_count()} cores")
    for workers in (int(w) for w in args.workers.split(",")):
        child = subprocess.run([sys.executable, __file__, "--one", str(workers), "--source", str(source)],
                               stdout=subprocess.PIPE, text=True, check=True)
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"workers {r['workers']}: {r['done']} documents extracted ({r['failed']} failed; "
              f"{r['duplicates']} duplicate texts skipped) in {r['extract_s']} s = {r['docs_per_s']} docs/s "
              f"(reading {r['read_s']} s apart); peak memory {r['peak_mb_main']} MB main, "
              f"{r['peak_mb_worker']} MB largest worker; store {r['store_mb']} MB; "
              f"{r['incidents']} corpus incidents from {r['report_incidents']} report incidents")
        print("  exports: " + ", ".join(f"{fmt} {s} s ({n} incidents)" for fmt, (s, n) in r["exports"].items()))


if __name__ == "__main__":
    main()
