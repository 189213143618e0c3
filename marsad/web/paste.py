"""Extract from a pasted report, and store it when the caller holds the token.

The pipeline is asked of ``marsad.extract`` once, on the first paste (loading
the model takes seconds), and runs under a lock: one spaCy pipeline is not
meant to be shared by threads.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import date
from typing import Any, Callable

from marsad.model import Document
from marsad.store.store import Store
from marsad.web.dossier import MARKS, segments


class Extractor:
    """A lazily built pipeline behind a lock; ``factory`` defaults to the packaged pipeline."""

    def __init__(self, factory: Callable[[], Any] | None = None) -> None:
        self._factory = factory
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def run(self, text: str, published: date | None, title: str | None, html: bool | None
            ) -> tuple[Document, dict[str, Any]]:
        """Read and extract one report; return the document and its contract."""
        from marsad.export.contract import contract
        from marsad.extract import extract
        from marsad.ingest import build_document
        from marsad.ingest.decode import looks_binary

        if looks_binary(text):
            raise ValueError("binary content, not text")
        name = "pasted-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        doc = build_document(text, name, published, html=html, title=title)
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._factory() if self._factory else _default()
            done = next(iter(extract([doc], self._pipeline)))
        return done, contract([done])


def _default() -> Any:
    from marsad.extract import default_pipeline

    return default_pipeline()


def shown(doc: Document, result: dict[str, Any]) -> dict[str, Any]:
    """Return the extraction as the page shows it: the records and the text with evidence marked."""
    spans = [(e["start"], e["end"], MARKS[kind])
             for key, kind in (("incidents", "report_incident"), ("casualty_reports", "casualty_report"),
                               ("claims", "claim"))
             for record in result.get(key, []) for e in record.get("evidence", [])]
    return {"document": {"id": doc.id, "title": doc.title, "url": doc.url,
                         "published": doc.published.isoformat() if doc.published else None,
                         "notes": list(doc.notes), "segments": segments(doc.text, spans)},
            **{key: result.get(key, []) for key in ("incidents", "claims", "casualty_reports",
                                                     "false_statements")}}


def store_extraction(store: Store, doc: Document, result: dict[str, Any]) -> dict[str, Any]:
    """Keep the document and its records; return its id and the corpus incidents it joined."""
    from marsad.store.store import content_hash
    from marsad.store.work import extractor_version

    added = store.add(doc, source="web")
    row = store.db.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash(doc.text),))
    document_id = row[0][0]
    if added:
        store.save(document_id, result, doc.notes, extractor_version())
    incidents = [r[0] for r in store.db.execute(
        "SELECT DISTINCT incident_id FROM report_incidents WHERE document_id = ? AND incident_id IS NOT NULL"
        " ORDER BY incident_id", (document_id,))]
    return {"document_id": document_id, "already_stored": not added, "incidents": incidents}
