"""Extract stored documents on a Dask cluster, the workers writing into one shared store.

The client (``run_on_cluster``) hands out batches of document ids only, at
most two per worker thread at a time, so its memory and the scheduler's stay
flat whatever the corpus size. Each worker process loads the pipeline once
and opens the store once, reads its batch's pending texts, extracts, and
saves each document in its own transaction through ``Store.save`` and
``Store.fail``, the write path of one machine, with ``merge=False``. A batch
whose worker died is run again by Dask: documents already done are skipped,
and a document's records are replaced, never stored twice. Merging across
documents runs once at the end, in document order (``Store.merge_pending``),
so the corpus incidents do not depend on the order the workers finished in.
"""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from marsad.store.ingest import Processed, progress_bar
from marsad.store.store import FAILED, Store
from marsad.store.work import BATCH, extract_batch, extractor_version

LOCAL = "local:"
RETRIES = 3             # a batch whose task raised (a lost connection) runs again on any worker
IN_FLIGHT_PER_THREAD = 2


class ClusterError(RuntimeError):
    """A cluster that cannot be reached or used; the message is one line for the user."""


# -- the client side ---------------------------------------------------------

def run_on_cluster(store: Store, cluster: str | Any, *, model: str | None = None, progress: bool = False,
                   batch: int = BATCH) -> Processed:
    """Extract every pending document of ``store`` on a cluster, then merge.

    ``cluster`` is a scheduler's address (``tcp://host:8786``), ``local:N``
    for a LocalCluster of N worker processes started here, or a
    ``dask.distributed.Client`` already connected.
    """
    address = cluster if isinstance(cluster, str) else "client"
    local = isinstance(cluster, str) and local_workers(cluster) is not None
    location = worker_location(store, local)
    counts = Processed()
    if store.count_pending():
        if local:
            from marsad.gazetteer import open_default
            open_default().close()      # build the GeoNames index once, before workers race to
        if isinstance(cluster, str):
            with cluster_client(address) as client:
                counts = dispatch(client, store, location, model, progress, batch)
        else:
            counts = dispatch(cluster, store, location, model, progress, batch)
    store.merge_pending()
    return counts


def worker_location(store: Store, local: bool) -> str:
    """Return where workers find the store: its PostgreSQL URL, or a SQLite path on this machine."""
    if store.db.dialect == "postgresql":
        return store.db.location
    if not local:
        raise ClusterError("workers on other machines need a shared store: --db postgresql://...")
    if store.db.location == ":memory:":
        raise ClusterError("workers cannot reach an in-memory store")
    return str(Path(store.db.location).resolve())


def local_workers(address: str) -> int | None:
    """Return N of ``local:N``, None for a scheduler's address; refuse anything else."""
    if address.startswith(LOCAL):
        count = address[len(LOCAL):]
        if not count.isdigit() or not 1 <= int(count) <= 256:
            raise ClusterError(f"{address}: say how many worker processes, e.g. local:2")
        return int(count)
    if not address.startswith(("tcp://", "tls://")):
        raise ClusterError(f"{address}: not a scheduler address (tcp://host:8786) or local:N")
    return None


@contextmanager
def cluster_client(address: str) -> Iterator[Any]:
    """Yield a Dask client of the scheduler at ``address``, or of a new LocalCluster (``local:N``)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("a cluster needs Dask: pip install 'dask[distributed]'") from None
    if count := local_workers(address):
        cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                               dashboard_address=":0", host="127.0.0.1")
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=30)
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        yield client


def dispatch(client: Any, store: Store, location: str, model: str | None, progress: bool,
             batch: int) -> Processed:
    """Submit the pending documents in batches, a bounded number in flight; tally what comes back.

    The bound follows the cluster: two batches per worker thread, counted
    again as each batch ends, so workers that join during the run get work.
    """
    from dask.distributed import as_completed

    counts = Processed()
    chunks = id_batches(store, batch)
    running, ids_of = as_completed(), {}

    def top_up() -> None:
        window = IN_FLIGHT_PER_THREAD * max(sum(client.nthreads().values()), 1)
        while len(ids_of) < window and (chunk := next(chunks, None)) is not None:
            running.add(_submit(client, location, chunk, model, ids_of))

    top_up()
    with progress_bar(store.count_pending(), progress) as bar:
        for future in running:
            ids = ids_of.pop(future.key)
            try:
                results = future.result()
            except Exception as error:      # noqa: BLE001 - the batch's documents are marked failed
                results = _give_up(store, ids, f"{type(error).__name__}: {str(error)[:200]}")
            for _, error in results:
                counts.done += error is None
                if error is not None:
                    counts.failed += 1
                    counts.errors.append(error)
            bar.update(len(results))
            top_up()
    return counts


def _submit(client: Any, location: str, ids: list[int], model: str | None, ids_of: dict) -> Any:
    key = f"marsad-batch-{ids[0]}-{uuid.uuid4().hex[:8]}"
    ids_of[key] = ids
    return client.submit(extract_and_save, location, ids, model, retries=RETRIES, pure=False, key=key)


def id_batches(store: Store, size: int) -> Iterator[list[int]]:
    """Yield the ids of pending documents in batches, reading a page at a time."""
    after = 0
    while page := store.pending_ids(after, size * 16):
        for n in range(0, len(page), size):
            yield page[n:n + size]
        after = page[-1]


def _give_up(store: Store, ids: list[int], error: str) -> list[tuple[int, str | None]]:
    """Record a batch that could not run (its worker died again and again) as failed documents."""
    still = [s.id for s in store.pending_among(ids)]
    for document_id in still:
        store.fail(document_id, error)
    return [(document_id, error if document_id in still else None) for document_id in ids]


# -- the worker side ---------------------------------------------------------

_pipelines: dict[str | None, Any] = {}
_stores = threading.local()
_extracting = threading.Lock()      # one pipeline per process, used by one thread at a time


def extract_and_save(location: str, ids: list[int], model: str | None) -> list[tuple[int, str | None]]:
    """Extract and save the still-pending documents among ``ids``; return (id, error or None) for each."""
    store = _worker_store(location)
    try:
        todo = store.pending_among(ids)
        with _extracting:
            outcomes = extract_batch(todo, _worker_pipeline(model))
        version = extractor_version()
        for outcome in outcomes:
            if outcome.result is None:
                store.fail(outcome.document_id, outcome.error or "unknown error", outcome.notes)
            else:
                store.save(outcome.document_id, outcome.result, outcome.notes, version, merge=False)
        # Documents a first run of this batch finished count as they ended.
        rows = store.db.execute(f"SELECT id, status, error FROM documents WHERE id IN "
                                f"({', '.join('?' * len(ids))})", ids)
    except Exception:
        _forget_store(location)      # a broken connection is not reused by the retry
        raise
    ended = {r[0]: (r[2] or "unknown error") if r[1] == FAILED else None for r in rows}
    return [(document_id, ended.get(document_id)) for document_id in ids]


def _worker_pipeline(model: str | None) -> Any:
    if model not in _pipelines:
        from marsad.extract import default_pipeline

        _pipelines[model] = default_pipeline(model) if model else default_pipeline()
    return _pipelines[model]


def _worker_store(location: str) -> Store:
    opened = _stores.__dict__.setdefault("opened", {})
    if location not in opened:
        opened[location] = Store.open(location, create=False)
    return opened[location]


def _forget_store(location: str) -> None:
    store = _stores.__dict__.get("opened", {}).pop(location, None)
    if store is not None:
        try:
            store.close()
        except Exception:       # noqa: BLE001 - it is being dropped because it is broken
            pass
