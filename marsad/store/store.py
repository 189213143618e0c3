"""The store: documents with their hash and status, and what was extracted from them.

One ``Store`` works over SQLite or PostgreSQL (``marsad.store.db``). Every
write that belongs together runs in one transaction: a document's extracted
records, its status and the corpus incidents they touch are committed at
once, so a killed run loses nothing committed and the next run resumes with
the documents still ``pending``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Iterator

from marsad.model import Document
from marsad.store import corpus, records
from marsad.store.db import Database, connect
from marsad.store.schema import MIGRATIONS, SCHEMA_VERSION, statements

PENDING, DONE, FAILED = "pending", "done", "failed"


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredText:
    """A stored document's input, enough to run the extractor again."""

    id: int
    name: str
    text: str
    published: date | None
    title: str | None
    url: str | None
    reader_notes: tuple[str, ...]


class Store:
    """Documents, their extracted records and the merged corpus incidents."""

    def __init__(self, db: Database, create: bool = True) -> None:
        self.db = db
        with db.transaction():
            if create:
                for statement in statements(db.dialect):
                    db.execute(statement)
            self._check_version()

    @classmethod
    def open(cls, location: str | None = None, create: bool = True) -> "Store":
        """Open (creating when new) the store at a file path or PostgreSQL URL.

        ``create=False`` opens an existing store without touching its schema:
        a cluster worker joining mid-run must not take the table locks of
        ``CREATE INDEX`` while other workers are writing.
        """
        return cls(connect(location), create)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_version(self) -> None:
        """Stamp a new store with the schema version; bring an older one up to it."""
        rows = self.db.execute("SELECT value FROM store_info WHERE key = 'schema_version'")
        if not rows:
            self.db.execute("INSERT INTO store_info (key, value) VALUES ('schema_version', ?)",
                            (str(SCHEMA_VERSION),))
            return
        version = int(rows[0][0])
        if version > SCHEMA_VERSION or any(step not in MIGRATIONS for step in range(version, SCHEMA_VERSION)):
            from marsad.store.db import StoreError
            raise StoreError(f"{self.db.location}: store schema {version}, "
                             f"this marsad reads {SCHEMA_VERSION}")
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step]:
                self.db.execute(statement)
        if version != SCHEMA_VERSION:
            self.db.execute("UPDATE store_info SET value = ? WHERE key = 'schema_version'",
                            (str(SCHEMA_VERSION),))

    # -- documents ---------------------------------------------------------

    def add(self, doc: Document, source: str | None = None) -> bool:
        """Keep a read document as pending; return False when its text is already stored."""
        digest = content_hash(doc.text)
        if self.db.execute("SELECT 1 FROM documents WHERE content_hash = ?", (digest,)):
            return False
        name = doc.id
        if self.db.execute("SELECT 1 FROM documents WHERE name = ?", (name,)):
            name = f"{name}~{digest[:8]}"       # another text under the same name
        self.db.execute(
            "INSERT INTO documents (name, content_hash, source, title, url, published, text,"
            " reader_notes, status, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, digest, source, doc.title, doc.url,
             doc.published.isoformat() if doc.published else None, doc.text,
             json.dumps(list(doc.notes), ensure_ascii=False), PENDING, now_iso()))
        return True

    def pending(self, after: int = 0, limit: int = 256) -> list[StoredText]:
        """Return up to ``limit`` pending documents with ids above ``after``, in id order."""
        rows = self.db.execute(
            "SELECT id, name, text, published, title, url, reader_notes FROM documents"
            " WHERE status = ? AND id > ? ORDER BY id LIMIT ?", (PENDING, after, limit))
        return [_stored_text(r) for r in rows]

    def pending_ids(self, after: int = 0, limit: int = 256) -> list[int]:
        """Return up to ``limit`` ids of pending documents above ``after``, in id order."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM documents WHERE status = ? AND id > ? ORDER BY id LIMIT ?", (PENDING, after, limit))]

    def pending_among(self, ids: list[int]) -> list[StoredText]:
        """Return those of the documents ``ids`` that are still pending, in id order."""
        if not ids:
            return []
        rows = self.db.execute(
            "SELECT id, name, text, published, title, url, reader_notes FROM documents"
            f" WHERE status = ? AND id IN ({', '.join('?' * len(ids))}) ORDER BY id", (PENDING, *ids))
        return [_stored_text(r) for r in rows]

    def iter_pending(self, page: int = 256) -> Iterator[StoredText]:
        """Yield every pending document, a page at a time (memory stays bounded)."""
        after = 0
        while batch := self.pending(after, page):
            yield from batch
            after = batch[-1].id

    def count_pending(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents WHERE status = ?", (PENDING,))[0][0]

    def save(self, document_id: int, result: dict[str, Any], notes: tuple[str, ...],
             extractor: str, merge: bool = True) -> None:
        """Replace a document's records with ``result`` (its contract) and merge its incidents.

        With ``merge=False`` (cluster workers, which finish in any order) the
        report incidents wait unmerged, and the corpus incidents the old
        records belonged to are marked stale, until ``merge_pending``.
        """
        with self.db.transaction():
            self._lock(document_id)
            touched = records.delete(self.db, document_id)
            sightings = records.write(self.db, document_id, result)
            self.db.execute(
                "UPDATE documents SET status = ?, error = NULL, notes = ?, extractor = ?,"
                " processed_at = ? WHERE id = ?",
                (DONE, json.dumps(list(notes), ensure_ascii=False), extractor, now_iso(), document_id))
            if merge:
                touched |= corpus.merge(self.db, document_id, sightings)
                corpus.refresh(self.db, touched, now_iso())
            else:
                corpus.mark_stale(self.db, touched)

    def _lock(self, document_id: int) -> None:
        # Two workers running one batch twice (a retried task) take turns, so
        # the second replaces the first's records instead of adding to them.
        # SQLite's BEGIN IMMEDIATE already lets one writer in at a time.
        if self.db.dialect == "postgresql":
            self.db.execute("SELECT id FROM documents WHERE id = ? FOR UPDATE", (document_id,))

    def fail(self, document_id: int, error: str, notes: tuple[str, ...] = ()) -> None:
        """Mark a document failed with its error; its earlier records, if any, stay."""
        with self.db.transaction():
            self.db.execute(
                "UPDATE documents SET status = ?, error = ?, notes = ?, processed_at = ? WHERE id = ?",
                (FAILED, error, json.dumps(list(notes), ensure_ascii=False), now_iso(), document_id))

    def retry(self) -> int:
        """Put every failed document back to pending; return how many."""
        with self.db.transaction():
            count = self.db.execute("SELECT count(*) FROM documents WHERE status = ?", (FAILED,))[0][0]
            self.db.execute("UPDATE documents SET status = ? WHERE status = ?", (PENDING, FAILED))
        return count

    def reprocess(self) -> int:
        """Put every document back to pending for a newer extractor; return how many."""
        with self.db.transaction():
            count = self.db.execute("SELECT count(*) FROM documents")[0][0]
            self.db.execute("UPDATE documents SET status = ?", (PENDING,))
        return count

    def remerge(self) -> int:
        """Rebuild every corpus incident from the report incidents; return how many there are."""
        with self.db.transaction():
            corpus.rebuild(self.db, now_iso())
        return self.db.execute("SELECT count(*) FROM incidents")[0][0]

    def merge_pending(self) -> int:
        """Merge every unmerged report incident, in document order, and refresh stale incidents.

        The result does not depend on the order the documents were extracted
        in; return how many report incidents were merged.
        """
        with self.db.transaction():
            return corpus.merge_unmerged(self.db, now_iso())

    # -- reading -----------------------------------------------------------

    def status(self) -> dict[str, int]:
        """Count documents by status, and the records extracted."""
        counts = {PENDING: 0, DONE: 0, FAILED: 0}
        counts.update(dict(self.db.execute("SELECT status, count(*) FROM documents GROUP BY status")))
        for table in ("report_incidents", "incidents", "casualty_reports", "claims"):
            counts[table] = self.db.execute(f"SELECT count(*) FROM {table}")[0][0]
        return counts

    def failures(self, limit: int = 50) -> list[tuple[str, str]]:
        """Return (document name, error) for failed documents."""
        rows = self.db.execute("SELECT name, error FROM documents WHERE status = ? ORDER BY id LIMIT ?",
                               (FAILED, limit))
        return [(r[0], r[1] or "") for r in rows]


def _stored_text(row: tuple) -> StoredText:
    return StoredText(row[0], row[1], row[2], date.fromisoformat(row[3]) if row[3] else None,
                      row[4], row[5], tuple(json.loads(row[6])))
