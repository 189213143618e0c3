"""Ingest reports into a store and extract from them: the library behind ``marsad ingest``.

``add_inputs`` reads files, folders (recursively), JSON Lines and RSS/Atom
feeds and keeps each new text as a pending document; ``process`` runs the
extractor over every pending document and writes each one's records in its
own transaction. A run that is killed resumes where it stopped: documents
already done are not read again.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from marsad.ingest import InputError, read_jsonl, read_path
from marsad.ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed
from marsad.ingest.fetch import is_url, read_url
from marsad.model import Document
from marsad.store.store import Store
from marsad.store.work import extractor_version, run_here, run_parallel

TEXT_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".md", ""})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ADD_BATCH = 200


@dataclass
class Added:
    """What reading the inputs did: new documents, texts already stored, unreadable inputs."""

    added: int = 0
    duplicates: int = 0
    unreadable: list[str] = field(default_factory=list)


@dataclass
class Processed:
    done: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def expand(paths: list[str]) -> Iterator[Path | str]:
    """Yield the files named, a folder's readable files (sorted, recursively) in its place;
    an http(s) address as it is."""
    for name in paths:
        path = Path(name)
        if is_url(name):
            yield name
        elif path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")
                        and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES)
        else:
            yield path


def read_inputs(paths: list[str], published: date | None, unreadable: list[str]
                ) -> Iterator[tuple[Document, str]]:
    """Yield (document, source) for every readable report; name each unreadable one."""
    for path in expand(paths):
        try:
            for item in _read(path, published):
                if isinstance(item, InputError):
                    unreadable.append(str(item))
                else:
                    yield item, str(path)
        except InputError as error:
            unreadable.append(str(error))


def _read(path: Path | str, published: date | None) -> Iterator[Document | InputError]:
    if isinstance(path, str):
        yield from read_url(path, published, follow=True)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, published)
    elif suffix in FEED_SUFFIXES or _sniff_feed(path):
        yield from read_feed(path, published)
    else:
        yield read_path(path, published)


def _sniff_feed(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return looks_like_feed(stream.read(2048))
    except OSError:
        return False        # read_path names the problem


def add_inputs(store: Store, paths: list[str], published: date | None = None) -> Added:
    """Keep every new text among ``paths`` as a pending document, committing in batches."""
    counts = Added()
    pending: list[tuple[Document, str]] = []
    for item in read_inputs(paths, published, counts.unreadable):
        pending.append(item)
        if len(pending) >= ADD_BATCH:
            _add(store, pending, counts)
            pending = []
    _add(store, pending, counts)
    return counts


def _add(store: Store, items: list[tuple[Document, str]], counts: Added) -> None:
    with store.db.transaction():
        for doc, source in items:
            if store.add(doc, source):
                counts.added += 1
            else:
                counts.duplicates += 1


def process(store: Store, *, workers: int = 1, pipeline: Any = None, model: str | None = None,
            progress: bool = False, cluster: str | None = None) -> Processed:
    """Extract from every pending document and store its records; return the counts.

    With ``cluster`` (``tcp://host:8786`` or ``local:N``) the documents are
    extracted on Dask workers (``marsad.store.cluster``); with ``workers`` > 1
    each worker process loads its own pipeline; with one, ``pipeline``
    (default: the packaged one) runs here.
    """
    if cluster:
        from marsad.store.cluster import run_on_cluster
        return run_on_cluster(store, cluster, model=model, progress=progress)
    store.merge_pending()       # what a cluster run stopped before merging comes first
    total = store.count_pending()
    counts = Processed()
    if not total:
        return counts
    if workers > 1:
        outcomes = run_parallel(store.iter_pending(), workers, model)
    else:
        if pipeline is None:
            from marsad.extract import default_pipeline
            pipeline = default_pipeline(model) if model else default_pipeline()
        outcomes = run_here(store.iter_pending(), pipeline)
    version = extractor_version()
    with progress_bar(total, progress) as bar:
        for outcome in outcomes:
            if outcome.result is None:
                store.fail(outcome.document_id, outcome.error or "unknown error", outcome.notes)
                counts.failed += 1
                counts.errors.append(outcome.error or "unknown error")
            else:
                store.save(outcome.document_id, outcome.result, outcome.notes, version)
                counts.done += 1
            bar.update(1)
    return counts


def progress_bar(total: int, shown: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", disable=not shown, file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1)
