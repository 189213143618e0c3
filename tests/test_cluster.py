"""Ingest on a Dask LocalCluster of two worker processes into a throwaway PostgreSQL.

The cluster gives the same merged incidents as one process; a worker killed
mid-run loses nothing and stores nothing twice; merging does not depend on
the order documents were extracted in.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from pgserver import postgres_server, postgres_url  # noqa: F401 - fixtures

from marsad.store import Store
from marsad.store.cluster import ClusterError, run_on_cluster
from marsad.store.ingest import add_inputs, process

HERE = Path(__file__).parent
MERGE_REPORTS = HERE / "merge" / "reports.jsonl"
REPORTS = sorted((HERE / "reports").glob("*.txt"))


@pytest.fixture(scope="module")
def client():
    """A client of a LocalCluster with two worker processes, one thread each."""
    from dask import distributed

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", host="127.0.0.1") as cluster:
        with distributed.Client(cluster) as connected:
            yield connected


@pytest.fixture()
def other_postgres_url(postgres_server):  # noqa: F811 - the fixture imported above
    """A second fresh database on the session's server."""
    import psycopg

    name = f"marsad_cluster_{os.getpid()}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def corpus_incidents(store: Store) -> list[tuple]:
    """Return every corpus incident as its sources' (document, local id) pairs and its columns."""
    found = []
    for row in store.db.query("SELECT * FROM incidents"):
        members = sorted(tuple(m) for m in store.db.execute(
            "SELECT d.name, ri.local_id FROM report_incidents ri JOIN documents d ON d.id = ri.document_id"
            " WHERE ri.incident_id = ?", (row["id"],)))
        columns = {k: v for k, v in row.items() if k not in ("id", "updated_at")}
        found.append((members, json.dumps(columns, sort_keys=True)))
    return sorted(found)


def test_cluster_gives_the_same_incidents_as_one_process(client, postgres_url, other_postgres_url):  # noqa: F811
    with Store.open(postgres_url) as store:
        add_inputs(store, [str(MERGE_REPORTS)])
        process(store)
        alone = corpus_incidents(store)
    with Store.open(other_postgres_url) as store:
        add_inputs(store, [str(MERGE_REPORTS)])
        counts = run_on_cluster(store, client)
        spread = corpus_incidents(store)
        unmerged = store.db.execute("SELECT count(*) FROM report_incidents WHERE incident_id IS NULL")[0][0]
    assert (counts.done, counts.failed) == (21, 0) and unmerged == 0
    assert any(len(members) > 1 for members, _ in alone), "the corpus should hold merged incidents"
    assert spread == alone


def test_cluster_worker_killed_midway_loses_nothing(client, postgres_url, tmp_path):  # noqa: F811
    documents = [{"id": f"r{n}", "text": REPORTS[n % len(REPORTS)].read_text() + f"\n\nReference {n}.",
                  "published": "2024-03-04"} for n in range(60)]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in documents))
    with Store.open(postgres_url) as store:
        add_inputs(store, [str(source)])
        victim = sorted(client.run(os.getpid).values())[0]
        killed = threading.Event()
        killer = threading.Thread(target=_kill_when_started, args=(postgres_url, victim, killed), daemon=True)
        killer.start()
        counts = run_on_cluster(store, client)
        killer.join()
        statuses = dict(store.db.execute("SELECT status, count(*) FROM documents GROUP BY status"))
        twice = [store.db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} GROUP BY document_id, local_id"
                                  " HAVING count(*) > 1) AS t")[0][0] for table in ("report_incidents", "claims")]
        unmerged = store.db.execute("SELECT count(*) FROM report_incidents WHERE incident_id IS NULL")[0][0]
    assert killed.is_set(), "the run finished before a worker could be killed"
    assert statuses == {"done": 60} and counts.done == 60
    assert twice == [0, 0] and unmerged == 0


def _kill_when_started(location: str, pid: int, killed: threading.Event) -> None:
    """Kill the worker process ``pid`` once some documents, not all, are done."""
    with Store.open(location) as store:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = store.db.execute("SELECT count(*) FROM documents WHERE status = 'done'")[0][0]
            if 8 <= done < 40:
                os.kill(pid, signal.SIGKILL)
                killed.set()
                return
            if done >= 40:
                return
            time.sleep(0.1)


def test_cluster_merge_does_not_depend_on_extraction_order(tmp_path):
    from marsad.extract import default_pipeline
    from marsad.store.work import extract_batch

    with Store.open(str(tmp_path / "in-order.db")) as ordered, Store.open(str(tmp_path / "reversed.db")) as shuffled:
        for store in (ordered, shuffled):
            add_inputs(store, [str(MERGE_REPORTS)])
        outcomes = extract_batch(ordered.pending(limit=100), default_pipeline())
        for outcome in outcomes:
            ordered.save(outcome.document_id, outcome.result, outcome.notes, "test")
        for outcome in reversed(outcomes):
            shuffled.save(outcome.document_id, outcome.result, outcome.notes, "test", merge=False)
        assert shuffled.db.execute("SELECT count(*) FROM incidents")[0][0] == 0
        shuffled.merge_pending()
        assert corpus_incidents(shuffled) == corpus_incidents(ordered)


@pytest.mark.parametrize("address, message", [
    ("tcp://127.0.0.1:8786", "shared store"),       # SQLite cannot be reached from other machines
    ("local:none", "how many"),
    ("http://x", "not a scheduler address"),
])
def test_cluster_bad_address_or_store_is_refused(tmp_path, address, message):
    with Store.open(str(tmp_path / "s.db")) as store:
        with pytest.raises(ClusterError, match=message):
            run_on_cluster(store, address)


def test_cluster_batch_that_cannot_run_marks_its_documents_failed(client, tmp_path):
    from marsad.store.cluster import dispatch

    with Store.open(str(tmp_path / "s.db")) as store:
        add_inputs(store, [str(path) for path in REPORTS[:3]])
        # Workers that cannot reach the store raise on every try; after Dask's
        # retries the documents are recorded failed with the error, and the run ends.
        counts = dispatch(client, store, "postgresql://nobody@127.0.0.1:1/none", None, False, 2)
        failures = store.failures()
    assert (counts.done, counts.failed) == (0, 3)
    assert len(failures) == 3 and all("cannot connect to PostgreSQL" in error for _, error in failures)


def test_cli_ingest_on_a_local_cluster_into_sqlite(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import main

    db = str(tmp_path / "marsad.db")
    result = CliRunner().invoke(main, ["ingest", str(MERGE_REPORTS), "--db", db, "--cluster", "local:2",
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "21 documents extracted, 0 failed" in result.output
    with Store.open(db) as store:
        status = store.status()
        unmerged = store.db.execute("SELECT count(*) FROM report_incidents WHERE incident_id IS NULL")[0][0]
    assert status["done"] == 21 and status["incidents"] < status["report_incidents"] and unmerged == 0


def test_cluster_by_scheduler_address(client, postgres_url):  # noqa: F811
    address = client.scheduler.address
    assert address.startswith("tcp://")
    with Store.open(postgres_url) as store:
        add_inputs(store, [str(path) for path in REPORTS[:4]])
        counts = run_on_cluster(store, address)
        status = store.status()
    assert (counts.done, counts.failed) == (4, 0) and status["done"] == 4 and status["pending"] == 0
