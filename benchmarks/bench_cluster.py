"""Measure ``marsad ingest --cluster``: documents/s on 1 and 2 Dask workers, memory, the merge step.

Usage: python benchmarks/bench_cluster.py [--docs 300] [--workers 1,2] [--incidents 10000]
                                          [--db postgresql://...]

Extraction: the first ``--docs`` texts of ../shared/datasets (FA-KES articles
first, as in bench_ingest.py) go into a fresh PostgreSQL database (a
throwaway server started from tests/pgserver.py unless ``--db`` names one),
then a LocalCluster of N worker processes extracts them. The workers load the
pipeline before the clock starts (its time is shown apart), so the figure is
the steady rate a long-running cluster sees; the merge step after it is
timed apart too. Memory is each worker's peak resident size.

Merging: ``--incidents`` synthetic report incidents (six event types, 60 days,
400 places in 20 countries, one in three told by a second outlet) are merged
from scratch with ``Store.merge_pending``; then as many again on top of them,
to show how the step grows with the store.

The last lines project the cluster size for 500,000 articles a day.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

DAILY_ARTICLES = 500_000
PEAK_FACTOR = 3         # news comes in bursts: size for three times the mean rate
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")


def peak_mb() -> int:
    """Return this process's peak resident memory in MB (run on each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def resident_mb() -> int:
    """Return this process's resident memory now, in MB (run on each worker)."""
    import psutil

    return psutil.Process().memory_info().rss // 2**20


def cpu_s() -> float:
    """Return the CPU seconds this process has used (run on each worker)."""
    return time.process_time()


def warm(model: str | None = None) -> float:
    """Load the worker's pipeline now; return the seconds it took (run on each worker)."""
    from marsad.store.cluster import _worker_pipeline

    started = time.perf_counter()
    _worker_pipeline(model)
    return time.perf_counter() - started


@contextmanager
def databases(url: str | None) -> Iterator:
    """Yield a function that makes a fresh database and returns its URL."""
    import psycopg
    from pgserver import throwaway_server

    with ExitStack() as stack:
        admin = url or stack.enter_context(throwaway_server())
        made = []

        def fresh() -> str:
            name = f"marsad_bench_{os.getpid()}_{len(made)}"
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name}")
                conn.execute(f"CREATE DATABASE {name}")
            made.append(name)
            return admin.rsplit("/", 1)[0] + f"/{name}"

        try:
            yield fresh
        finally:
            with psycopg.connect(admin, autocommit=True) as conn:
                for name in made:
                    conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def extraction(location: str, source: Path, workers: int) -> dict:
    """Ingest ``source`` on a LocalCluster of ``workers`` processes; return the figures."""
    from dask.distributed import Client, LocalCluster

    from marsad.store import Store
    from marsad.store.cluster import dispatch
    from marsad.store.ingest import add_inputs

    with Store.open(location) as store, \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                         host="127.0.0.1") as cluster, Client(cluster) as client:
        documents = add_inputs(store, [str(source)]).added
        load_s = max(client.run(warm).values())
        cpu_before, client_before = client.run(cpu_s), time.process_time()
        started = time.perf_counter()
        counts = dispatch(client, store, location, None, sys.stderr.isatty(), 16)
        extract_s = time.perf_counter() - started
        worker_cpu = sum(client.run(cpu_s)[w] - cpu_before[w] for w in cpu_before)
        client_cpu = time.process_time() - client_before
        started = time.perf_counter()
        merged = store.merge_pending()
        merge_s = time.perf_counter() - started
        memory = sorted(client.run(peak_mb).values())
        resident = sorted(client.run(resident_mb).values())
        incidents = store.status()["incidents"]
    return {"workers": workers, "documents": documents, "done": counts.done, "failed": counts.failed,
            "load_s": load_s, "extract_s": extract_s, "docs_per_s": counts.done / extract_s,
            "merge_s": merge_s, "report_incidents": merged, "incidents": incidents, "worker_mb": memory,
            "resident_mb": resident, "cpu_per_doc": worker_cpu / max(counts.done, 1),
            "client_cpu_per_doc": client_cpu / max(counts.done, 1), "load": os.getloadavg()[0],
            "errors": sorted(set(counts.errors))[:3], "client_mb": peak_mb()}


def synthesise(store, count: int, first_document: int, rng: random.Random) -> None:
    """Add ``count`` unmerged report incidents, from documents numbered from ``first_document``."""
    places = [(2_000_000 + n, f"C{n % 20}", f"A{n % 60}", rng.uniform(-30, 50), rng.uniform(-20, 80))
              for n in range(400)]
    events = []
    for _ in range(count):
        events.append((rng.choice(EVENT_TYPES[:4] if rng.random() < 0.9 else EVENT_TYPES),
                       f"2026-{rng.randint(9, 10):02d}-{rng.randint(1, 30):02d}", rng.choice(places),
                       rng.choice([None, None, 1, 3, 12])))
    told = [e for e in events for _ in range(2 if rng.random() < 1 / 3 else 1)][:count]
    rng.shuffle(told)
    with store.db.transaction():
        for n, (kind, day, (geonameid, country, admin1, lat, lon), killed) in enumerate(told):
            document = first_document + n
            doc_id = store.db.insert(
                "INSERT INTO documents (name, content_hash, text, status, ingested_at) VALUES (?, ?, ?, 'done', '')",
                (f"synthetic-{document}", f"hash-{document}", "synthetic"))
            incident = store.db.insert(
                "INSERT INTO report_incidents (document_id, local_id, event_date, event_type, location, latitude,"
                " longitude, country, admin1, geonameid, geo_precision, perpetrators, killed_low, killed_best,"
                " killed_high) VALUES (?, 'i1', ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                (doc_id, day, kind, f"Town {geonameid}", lat + rng.uniform(-0.01, 0.01), lon, country, admin1,
                 geonameid, json.dumps([{"name": "Group", "status": "reported"}]), killed, killed, killed))
            if killed is not None:
                store.db.execute(
                    "INSERT INTO casualty_reports (document_id, report_incident_id, source, killed_low, killed_high)"
                    " VALUES (?, ?, ?, ?, ?)", (doc_id, incident, "officials", killed, killed))


def merge_step(location: str, count: int) -> list[tuple[int, int, float]]:
    """Merge ``count`` synthetic report incidents twice over; return (stored before, incidents made, seconds)."""
    from marsad.store import Store

    rng = random.Random(8)
    timings = []
    with Store.open(location) as store:
        for round_ in range(2):
            synthesise(store, count, round_ * count, rng)
            before = store.db.execute("SELECT count(*) FROM incidents")[0][0]
            started = time.perf_counter()
            store.merge_pending()
            seconds = time.perf_counter() - started
            made = store.db.execute("SELECT count(*) FROM incidents")[0][0] - before
            timings.append((round_ * count, made, seconds))
    return timings


def projection(per_worker: float, scaling: float, worker_mb: int, merge_per_10k: float,
               incidents_per_doc: float) -> list[str]:
    """Return the lines of the cluster-size arithmetic for DAILY_ARTICLES a day."""
    mean = DAILY_ARTICLES / 86_400
    peak = mean * PEAK_FACTOR
    efficiency = min(scaling / 2, 1.0)
    workers = math.ceil(peak / (per_worker * efficiency))
    machines = math.ceil(workers / 16)
    incidents = DAILY_ARTICLES * incidents_per_doc
    return [
        f"  {DAILY_ARTICLES:,} articles/day / 86,400 s = {mean:.2f} articles/s on average; "
        f"x{PEAK_FACTOR} for bursts = {peak:.1f} articles/s",
        f"  one worker process (one core) does {per_worker:.1f} docs/s; two gave x{scaling:.2f}, "
        f"so count {efficiency:.2f} of a worker each",
        f"  {peak:.1f} / ({per_worker:.1f} x {efficiency:.2f}) = {workers} worker processes "
        f"= {machines} machine(s) of 16 cores, {workers} x {worker_mb} MB = {workers * worker_mb / 1024:.1f} GB "
        "of worker memory",
        f"  merging: {DAILY_ARTICLES:,} x {incidents_per_doc:.2f} report incidents/doc = {incidents:,.0f} a day "
        f"x {merge_per_10k:.1f} s per 10,000 = {incidents / 10_000 * merge_per_10k / 60:.0f} min a day "
        "in one PostgreSQL session (it does not spread over workers)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--db", help="PostgreSQL admin URL to make the benchmark's databases on.")
    args = parser.parse_args()
    from bench_ingest import SHARED, collect

    if not SHARED.is_dir():
        sys.exit(f"bench_cluster: {SHARED} not found (the datasets sit in ../shared beside the checkout)")
    from marsad.gazetteer import open_default
    open_default().close()
    source = Path(tempfile.mkdtemp(prefix="marsad-bench-src-")) / "texts.jsonl"
    print(f"{collect(source, args.docs)} texts from {SHARED}; {os.cpu_count()} cores")
    runs = {}
    with databases(args.db) as fresh:
        for workers in (int(w) for w in args.workers.split(",")):
            r = runs[workers] = extraction(fresh(), source, workers)
            print(f"workers {workers}: {r['done']} documents ({r['failed']} failed) in {r['extract_s']:.1f} s "
                  f"= {r['docs_per_s']:.1f} docs/s (pipeline load {r['load_s']:.1f} s apart); merge step "
                  f"{r['merge_s']:.2f} s for {r['report_incidents']} report incidents -> {r['incidents']} incidents;"
                  f" worker memory peak {', '.join(f'{m} MB' for m in r['worker_mb'])}, at the end "
                  f"{', '.join(f'{m} MB' for m in r['resident_mb'])}; worker CPU {r['cpu_per_doc']:.3f} s/doc "
                  f"(= {1 / r['cpu_per_doc']:.1f} docs/s per busy core), client and scheduler "
                  f"{r['client_cpu_per_doc'] * 1000:.0f} ms/doc, client process peak {r['client_mb']} MB "
                  f"(scheduler inside); load average {r['load']:.1f}")
            for error in r["errors"]:
                print(f"  failed: {error}")
        timings = merge_step(fresh(), args.incidents)
    for before, made, seconds in timings:
        print(f"merge step: {args.incidents:,} report incidents onto {before:,} stored -> {made:,} new incidents "
              f"in {seconds:.1f} s = {seconds * 10_000 / args.incidents:.1f} s per 10,000")
    if 1 in runs and 2 in runs:
        one, two = runs[1], runs[2]
        scaling = two["docs_per_s"] / one["docs_per_s"]
        print(f"scaling 1 -> 2 workers: {two['docs_per_s']:.1f} / {one['docs_per_s']:.1f} = x{scaling:.2f}")
        per_doc = one["report_incidents"] / max(one["done"], 1)
        print("projection:")
        print("\n".join(projection(one["docs_per_s"], scaling, max(two["worker_mb"]),
                                   timings[-1][2] * 10_000 / args.incidents, per_doc)))


if __name__ == "__main__":
    main()
