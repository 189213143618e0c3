"""Run the extractor over stored documents: in this process, or on several worker processes.

Each worker loads its own pipeline once. Batches go out through a window of
at most two per worker, so memory stays bounded whatever the corpus size, and
results come back in submission order, so a run merges incidents the same way
whatever the number of workers.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Iterable, Iterator

from marsad.store.store import StoredText

BATCH = 16
FAILED_NOTE = "extraction failed"


@dataclass(frozen=True)
class Outcome:
    """What the extractor made of one stored document."""

    document_id: int
    result: dict[str, Any] | None     # the document's contract; None when it failed
    notes: tuple[str, ...]
    error: str | None = None


def extractor_version() -> str:
    try:
        return f"marsad {version('marsad')}"
    except PackageNotFoundError:
        return "marsad (unpackaged)"


def as_document(stored: StoredText):
    """Rebuild the Document the pipeline reads from a stored text."""
    from marsad.ingest import build_document

    doc = build_document(stored.text, stored.name, stored.published, html=False,
                         title=stored.title, url=stored.url, notes=stored.reader_notes)
    return doc.with_(notes=tuple(dict.fromkeys(doc.notes)))


def extract_batch(batch: list[StoredText], pipeline: Any) -> list[Outcome]:
    """Extract a batch; a document the pipeline could not handle becomes a failed Outcome."""
    from marsad.export.contract import contract
    from marsad.extract import extract

    try:
        docs = [as_document(s) for s in batch]
        done = list(extract(docs, pipeline))
    except Exception as error:      # noqa: BLE001 - every document of the batch is marked failed
        message = f"{type(error).__name__}: {str(error)[:200]}"
        return [Outcome(s.id, None, (), message) for s in batch]
    outcomes = []
    for stored, doc in zip(batch, done):
        failed = [n for n in doc.notes if n.startswith(FAILED_NOTE)]
        if failed:
            outcomes.append(Outcome(stored.id, None, doc.notes, failed[0]))
        else:
            outcomes.append(Outcome(stored.id, contract([doc]), doc.notes))
    return outcomes


_worker_pipeline: Any = None


def _start_worker(model: str | None) -> None:
    global _worker_pipeline
    from marsad.extract import default_pipeline

    _worker_pipeline = default_pipeline(model) if model else default_pipeline()


def _worker_batch(batch: list[StoredText]) -> list[Outcome]:
    return extract_batch(batch, _worker_pipeline)


def batches(items: Iterable[StoredText], size: int = BATCH) -> Iterator[list[StoredText]]:
    batch: list[StoredText] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_parallel(items: Iterable[StoredText], workers: int, model: str | None = None
                 ) -> Iterator[Outcome]:
    """Yield the Outcomes of ``items`` extracted on ``workers`` processes, in order."""
    from marsad.gazetteer import open_default

    open_default().close()      # build the GeoNames index once, before workers race to
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                             initargs=(model,)) as pool:
        window: deque[Future] = deque()
        try:
            for batch in batches(items):
                window.append(pool.submit(_worker_batch, batch))
                if len(window) >= 2 * workers:
                    yield from window.popleft().result()
            while window:
                yield from window.popleft().result()
        finally:
            for future in window:
                future.cancel()


def run_here(items: Iterable[StoredText], pipeline: Any) -> Iterator[Outcome]:
    """Yield the Outcomes of ``items`` extracted in this process."""
    for batch in batches(items):
        yield from extract_batch(batch, pipeline)
