"""Ingest through the real pipeline into SQLite and PostgreSQL; a killed ingest resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pgserver import postgres_server, postgres_url  # noqa: F401 - fixtures

from marsad.cli import main
from marsad.store import Store
from marsad.store.ingest import add_inputs, process

REPORTS = Path(__file__).parent / "reports"


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path):
    return str(tmp_path / "marsad.db") if request.param == "sqlite" else request.getfixturevalue("postgres_url")


def test_store_ingest_extracts_every_report_once(location, pipeline):
    with Store.open(location) as store:
        first = add_inputs(store, [str(REPORTS)], None)
        done = process(store, pipeline=pipeline)
        again = add_inputs(store, [str(REPORTS)], None)
        status = store.status()
    assert first.added == len(list(REPORTS.glob("*.txt"))) and not first.unreadable
    assert (done.done, done.failed) == (first.added, 0)
    assert (again.added, again.duplicates) == (0, first.added)
    assert status["done"] == first.added and status["incidents"] > 0


def test_store_reads_jsonl_and_feeds(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "A bomb exploded in Kabul."}) + "\n{bad\n")
    (tmp_path / "f.rss").write_text(
        "<?xml version='1.0'?><rss><channel><item><title>T</title><link>http://e/1</link>"
        "<description>Gunmen attacked a checkpoint in Mosul.</description>"
        "<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>")
    with Store.open(str(tmp_path / "s.db")) as store:
        added = add_inputs(store, [str(tmp_path)], None)
        rows = store.db.execute("SELECT name, published FROM documents ORDER BY name")
    assert added.added == 2 and len(added.unreadable) == 1 and "line 2" in added.unreadable[0]
    assert rows == [("http://e/1", "2024-03-04"), ("x", None)]


def test_cli_corpus_commands_bad_input_is_one_line(tmp_path):
    runner = CliRunner()
    for args in (["status", "--db", str(tmp_path / "none" / "x.db")],
                 ["status", "--db", "mysql://x"],
                 ["export", "--db", str(tmp_path / "s.db"), "--format", "acled", "--country", "Atlantis"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2 and "Traceback" not in result.output
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    result = runner.invoke(main, ["status", "--db", str(tmp_path / "junk.db")])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_cli_ingest_killed_midway_resumes(tmp_path):
    texts = sorted(REPORTS.glob("*.txt"))
    with (tmp_path / "many.jsonl").open("w") as out:
        for n in range(100):
            text = texts[n % len(texts)].read_text() + f"\n\nReference {n}."
            out.write(json.dumps({"id": f"r{n}", "text": text, "published": "2024-03-04"}) + "\n")
    db = tmp_path / "marsad.db"
    command = [sys.executable, "-c", "from marsad.cli import main; main()", "ingest", str(tmp_path / "many.jsonl"),
               "--db", str(db), "--workers", "1", "--no-progress"]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ)
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.2)
        done = _done(db)
        if done >= 10:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert 10 <= done < 100, "the ingest finished before it could be killed"
    assert _done(db) >= done                        # nothing committed was lost
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status, count(*) FROM documents GROUP BY status").fetchall() == [("done", 100)]
        twice = conn.execute("SELECT count(*) FROM (SELECT local_id FROM report_incidents"
                             " GROUP BY document_id, local_id HAVING count(*) > 1)").fetchone()[0]
    assert twice == 0


def _done(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM documents WHERE status = 'done'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
