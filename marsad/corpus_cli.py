"""The corpus commands of ``marsad``: ingest, status, retry, reprocess, query, export.

Each only parses its arguments and calls the store library
(``marsad.store``, ``marsad.export.corpus``); a store that cannot be opened is
one line on stderr and exit 2.
"""

from __future__ import annotations

import json
import os
import sys
import time
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Callable, Iterator

import click

from marsad.store import DEFAULT_DB, Store, StoreError

db_option = click.option("--db", default=None, envvar="MARSAD_DB", show_envvar=True,
                         help=f"Store: a SQLite file (default {DEFAULT_DB}) or postgresql://... URL.")
workers_option = click.option("--workers", type=click.IntRange(1, 64), default=None,
                              help="Worker processes (default: every core).")
progress_option = click.option("--progress/--no-progress", default=None,
                               help="Progress bar with documents/s and ETA (default: on a terminal).")
cluster_option = click.option("--cluster", default=None, envvar="MARSAD_CLUSTER", show_envvar=True,
                              help="Extract on a Dask cluster: a scheduler (tcp://host:8786, needs a "
                                   "postgresql:// --db) or local:N (N worker processes here).")


@contextmanager
def opened(location: str | None) -> Iterator[Store]:
    try:
        store = Store.open(location)
    except StoreError as error:
        click.echo(f"marsad: {error}", err=True)
        sys.exit(2)
    try:
        yield store
    finally:
        store.close()


def run_pending(store: Store, workers: int | None, progress: bool | None, model: str | None = None,
                cluster: str | None = None) -> int:
    """Extract every pending document; print one summary line; return the failures."""
    from marsad.store.cluster import ClusterError
    from marsad.store.ingest import process

    workers = workers or os.cpu_count() or 1
    shown = sys.stderr.isatty() if progress is None else progress
    started = time.perf_counter()
    try:
        counts = process(store, workers=min(workers, max(store.count_pending() // 16, 1)),
                         model=model, progress=shown, cluster=cluster)
    except KeyboardInterrupt:
        click.echo(f"marsad: interrupted; {store.count_pending()} documents still pending "
                   "(run marsad ingest again to resume)", err=True)
        sys.exit(130)
    except ClusterError as error:
        click.echo(f"marsad: {error}", err=True)
        sys.exit(2)
    seconds = time.perf_counter() - started
    click.echo(f"marsad: {counts.done} documents extracted, {counts.failed} failed "
               f"({seconds:.0f} s, {(counts.done + counts.failed) / max(seconds, 1e-9):.1f} documents/s)", err=True)
    for error in counts.errors[:10]:
        click.echo(f"marsad: failed: {error}", err=True)
    return counts.failed


@click.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--published", help="Publication date for inputs without one, YYYY-MM-DD.")
@workers_option
@progress_option
@cluster_option
@click.option("--model", default=None, help="spaCy model: package name or path.")
def ingest(paths: tuple[str, ...], db: str | None, published: str | None, workers: int | None,
           progress: bool | None, cluster: str | None, model: str | None) -> None:
    """Store PATHS (files, folders, JSON Lines, RSS/Atom feeds, http(s) addresses of pages or
    feeds) and extract from every pending document.

    A fetched feed item that carries only a summary is read from the page it links to.

    Texts already stored are skipped; with no PATHS, only pending documents are processed.
    """
    from marsad.store.ingest import add_inputs

    day = _date_or_exit(published, "--published") if published else None
    with opened(db) as store:
        added = add_inputs(store, list(paths), day)
        for problem in added.unreadable:
            click.echo(f"marsad: {problem}", err=True)
        if paths:
            click.echo(f"marsad: {added.added} new documents, {added.duplicates} already stored, "
                       f"{len(added.unreadable)} unreadable", err=True)
        if paths and not added.added and not added.duplicates and added.unreadable:
            sys.exit(2)
        failed = run_pending(store, workers, progress, model, cluster)
    sys.exit(1 if failed or added.unreadable else 0)


@click.command()
@db_option
def status(db: str | None) -> None:
    """Count the store's documents by status and its records; name failed documents."""
    with opened(db) as store:
        counts = store.status()
        click.echo(f"documents: {counts['done']} done, {counts['pending']} pending, {counts['failed']} failed")
        click.echo(f"incidents: {counts['incidents']} merged from {counts['report_incidents']} report "
                   f"incidents; {counts['casualty_reports']} casualty reports, {counts['claims']} claims")
        for name, error in store.failures():
            click.echo(f"failed: {name}: {error}")


@click.command()
@db_option
@workers_option
@progress_option
@cluster_option
def retry(db: str | None, workers: int | None, progress: bool | None, cluster: str | None) -> None:
    """Extract again from the documents that failed (and any still pending)."""
    with opened(db) as store:
        click.echo(f"marsad: {store.retry()} failed documents put back", err=True)
        sys.exit(1 if run_pending(store, workers, progress, cluster=cluster) else 0)


@click.command()
@db_option
@workers_option
@progress_option
@cluster_option
@click.option("--model", default=None, help="spaCy model: package name or path.")
def reprocess(db: str | None, workers: int | None, progress: bool | None, cluster: str | None,
              model: str | None) -> None:
    """Extract again from every stored document with this extractor, merging afresh."""
    with opened(db) as store:
        click.echo(f"marsad: {store.reprocess()} documents to extract again", err=True)
        failed = run_pending(store, workers, progress, model, cluster)
        click.echo(f"marsad: {store.remerge()} corpus incidents", err=True)
        sys.exit(1 if failed else 0)


def filter_options(command: Callable) -> Callable:
    for option in reversed([
        click.option("--since", help="Only incidents created or changed since this date or UTC time."),
        click.option("--from", "date_from", help="Events on or after YYYY-MM-DD."),
        click.option("--to", "date_to", help="Events on or before YYYY-MM-DD."),
        click.option("--country", help="ISO code or name of the country."),
        click.option("--type", "event_type", help="ACLED event or sub-event type."),
        click.option("--actor", help="Part of a perpetrator's or claimant's name."),
    ]):
        command = option(command)
    return command


def filters(since: str | None, date_from: str | None, date_to: str | None, country: str | None,
            event_type: str | None, actor: str | None) -> Any:
    from marsad.store.queries import Filters

    if since:
        _date_or_exit(since, "--since", timestamp=True)
    for value, name in ((date_from, "--from"), (date_to, "--to")):
        if value:
            _date_or_exit(value, name)
    return Filters(since=since, date_from=date_from, date_to=date_to,
                   country=_country_or_exit(country) if country else None,
                   event_type=event_type, actor=actor)


@click.command()
@db_option
@filter_options
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--id", "incident_id", type=int, help="Show one incident with every source's account.")
def query(db: str | None, limit: int, incident_id: int | None, **chosen: Any) -> None:
    """Show corpus incidents in the terminal, or one incident with its sources."""
    from marsad.store.queries import incidents, sources

    with opened(db) as store:
        if incident_id is not None:
            found = store.db.query("SELECT * FROM incidents WHERE id = ?", (incident_id,))
            if not found:
                click.echo(f"marsad: no incident {incident_id}", err=True)
                sys.exit(2)
            click.echo(json.dumps({**found[0], **sources(store, incident_id)}, ensure_ascii=False, indent=2))
            return
        for i in incidents(store, filters(**chosen), limit):
            killed = "-" if i["killed_best"] is None else f"{i['killed_best']} killed"
            who = ", ".join(f"{p['name']} ({p['status']})" for p in i["perpetrators"]) or "-"
            click.echo(f"{i['id']:>6}  {i['event_date'] or '?':10}  {i['sub_event_type'] or i['event_type']:<34.34}"
                       f"  {(i['location'] or '?') + ', ' + (i['country'] or '?'):<28.28}  {killed:>10}"
                       f"  {i['source_count']} src  {who}")


@click.command()
@db_option
@click.option("--format", "fmt", required=True,
              type=click.Choice(["acled", "ucdp", "gtd", "geojson", "jsonl", "parquet"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File (default: stdout).")
@filter_options
def export(db: str | None, fmt: str, output: str | None, **chosen: Any) -> None:
    """Write the corpus incidents in an analysts' format (ACLED, UCDP GED, GTD CSV; GeoJSON; JSON Lines; Parquet)."""
    from marsad.export.corpus import export as write
    from marsad.export.corpus import write_parquet
    from marsad.store.queries import incidents

    chosen_filters = filters(**chosen)
    if fmt == "parquet":
        if not output:
            raise click.UsageError("--format parquet needs -o FILE (Parquet is not written to a terminal)")
        with opened(db) as store:
            count = write_parquet(incidents(store, chosen_filters), output)
        click.echo(f"marsad: {count} incidents written", err=True)
        return
    with opened(db) as store:
        with (open(output, "w", encoding="utf-8", newline="") if output else _stdout()) as out:
            count = write(store, incidents(store, chosen_filters), fmt, out)
        click.echo(f"marsad: {count} incidents written", err=True)


@contextmanager
def _stdout() -> Iterator[Any]:
    yield sys.stdout


def _date_or_exit(value: str, name: str, timestamp: bool = False) -> date:
    try:
        return (datetime.fromisoformat(value.replace("Z", "+00:00")).date() if timestamp
                else date.fromisoformat(value))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)", param_hint=name) from None


def _country_or_exit(value: str) -> str:
    import pycountry

    try:
        return pycountry.countries.lookup(value).alpha_2
    except LookupError:
        raise click.BadParameter(f"{value!r} is not a country name or ISO code", param_hint="--country") from None


COMMANDS = (ingest, status, retry, reprocess, query, export)
