"""Time the gazetteer index: build, open, lookups and memory.

Run ``python benchmarks/bench_gazetteer.py [--rebuild]``; set
``MARSAD_CACHE_DIR`` to time a build away from your own cache.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time

from marsad.gazetteer import index

# VmHWM, unlike ru_maxrss, starts afresh at exec: the child's own peak.
_QUERY_ONLY = """
import sys
from marsad.gazetteer import SqliteGazetteer
g = SqliteGazetteer.open(sys.argv[1])
for name in sys.argv[2:]:
    g.lookup(name)
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(int(status.split()[0]))
"""


def _sample_names(path, count: int) -> list[str]:
    with sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True) as db:
        rows = db.execute("SELECT name FROM entries ORDER BY id").fetchall()
    return [name for (name,) in random.Random(7).sample(rows, count)]


def _median_ms(timings: list[float]) -> float:
    return statistics.median(timings) * 1000


def _time_opens(path, rounds: int = 20) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        gazetteer = index.SqliteGazetteer.open(path)
        gazetteer.meta()
        timings.append(time.perf_counter() - started)
        gazetteer.close()
    return _median_ms(timings)


def _time_lookups(path) -> tuple[float, float, int]:
    names = _sample_names(path, 1000)
    with index.SqliteGazetteer.open(path) as gazetteer:
        timings = []
        for name in names:
            started = time.perf_counter()
            gazetteer.lookup(name)
            timings.append(time.perf_counter() - started)
    return _median_ms(timings), sorted(timings)[int(len(timings) * 0.99)] * 1000, len(names)


def main(argv: list[str] | None = None) -> None:
    """Print build time, file size, open time, lookup latency and peak RSS."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="rebuild before timing")
    args = parser.parse_args(argv)
    path = index.index_path()
    if args.rebuild or not index.is_current(path):
        started = time.perf_counter()
        index.build(path)
        print(f"build:          {time.perf_counter() - started:.1f} s")
    else:
        print(f"build:          skipped (current); last took {index.info(path)['build_seconds']} s")
    print(f"file:           {path} ({path.stat().st_size / 1e6:.1f} MB)")
    print(f"open:           {_time_opens(path):.2f} ms median")
    started = time.perf_counter()
    index.open_default().close()
    print(f"open_default:   {(time.perf_counter() - started) * 1000:.2f} ms (version and supplement checks)")
    median, p99, count = _time_lookups(path)
    print(f"lookup:         {median:.3f} ms median, {p99:.3f} ms p99 over {count} names")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS:       {peak:.0f} MB (this process; the build's if it ran)")
    names = _sample_names(path, 200)
    query_only = subprocess.run([sys.executable, "-c", _QUERY_ONLY, str(path), *names],
                                capture_output=True, text=True, check=True).stdout
    print(f"query-only RSS: {int(query_only) / 1024:.0f} MB (fresh process, 200 lookups)")


if __name__ == "__main__":
    main()
