"""Measure merging across reports on the reports written for it (tests/merge/reports.jsonl).

Usage: python benchmarks/bench_merge.py [--db LOCATION]

Each line is a short report with the real event it describes ("event"): some
events told by several outlets over several days, some different events at
the same place (other days, other types, a town nearby). The reports are
ingested into a fresh store through the real pipeline; every report incident
takes its document's event as gold, and merging is scored over pairs of
report incidents from different documents (``marsad.store.merge.pairwise``).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[1] / "tests" / "merge" / "reports.jsonl"


def measure(location: str, pipeline=None) -> tuple[dict, list[str]]:
    """Ingest the merge reports into the store at ``location``; return the scores and per-event lines."""
    from marsad.store import Store
    from marsad.store.ingest import add_inputs, process
    from marsad.store.merge import pairwise

    gold = {r["id"]: r["event"] for r in map(json.loads, REPORTS.read_text().splitlines())}
    with Store.open(location) as store:
        add_inputs(store, [str(REPORTS)])
        process(store, pipeline=pipeline)
        rows = store.db.execute("SELECT d.name, ri.incident_id, ri.event_type, ri.location FROM report_incidents ri"
                                " JOIN documents d ON d.id = ri.document_id ORDER BY d.id, ri.id")
    items = [(name, gold[name], incident) for name, incident, _, _ in rows]
    found = {name for name, *_ in rows}
    lines = [f"{name:4} {gold[name]:26} -> incident {incident:3}  {event_type}, {place}"
             for name, incident, event_type, place in rows]
    lines += [f"{name:4} {gold[name]:26} -> no incident extracted" for name in gold if name not in found]
    return pairwise(items), lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="Store to fill (default: a new SQLite file in a temporary folder).")
    args = parser.parse_args()
    location = args.db or str(Path(tempfile.mkdtemp(prefix="marsad-merge-")) / "marsad.db")
    scores, lines = measure(location)
    print("\n".join(lines))
    print(f"merge precision {scores['precision']:.3f}, recall {scores['recall']:.3f}, F1 {scores['f1']:.3f} "
          f"({scores['correct_pairs']} of {scores['merged_pairs']} merged pairs right, "
          f"{scores['correct_pairs']} of {scores['gold_pairs']} same-event pairs merged)")


if __name__ == "__main__":
    main()
