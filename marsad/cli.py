"""The ``marsad`` command: a thin layer over the library.

Exit codes: 0 every input was read (an input may still yield no incidents,
with a note saying why); 1 some inputs could not be read or extracted from
(each named on stderr in one line, the rest processed); 2 bad usage, or no
input could be read.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import click

from marsad.corpus_cli import COMMANDS as CORPUS_COMMANDS
from marsad.gazetteer.cli import gazetteer
from marsad.ingest import InputError, parse_published, read_jsonl, read_path, read_stdin
from marsad.ingest.fetch import is_url, read_url
from marsad.model import Document
from marsad.web.cli import serve


def published_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except (ValueError, InputError):
        raise click.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


@click.group()
@click.version_option(package_name="marsad")
def main() -> None:
    """Read conflict news and write sourced, geocoded incident records."""


def read_inputs(files: tuple[str, ...], jsonl: bool, published: date | None,
                failures: list[str]) -> Iterator[Document]:
    """Yield a Document per readable input, recording each unreadable one in failures."""
    sources = files or ("-",)
    for name in sources:
        try:
            if jsonl:
                items: Iterable[Document | InputError] = read_jsonl(
                    sys.stdin.buffer if name == "-" else name, published)
            elif name == "-":
                items = [read_stdin(published)]
            elif is_url(name):
                items = read_url(name, published)
            else:
                items = [read_path(Path(name), published)]
            for item in items:
                if isinstance(item, InputError):
                    failures.append(str(item))
                else:
                    yield item
        except InputError as error:
            failures.append(str(error))


def readable(files: tuple[str, ...], jsonl: bool, published: date | None) -> tuple[list[Document], list[str]]:
    """Read the inputs, naming each unreadable one on stderr; exit 2 when none could be read."""
    failures: list[str] = []
    docs = list(read_inputs(files, jsonl, published, failures))
    for failure in failures:
        click.echo(f"marsad: {failure}", err=True)
    if not docs:
        sys.exit(2)
    return docs, failures


@main.command()
@click.argument("files", nargs=-1)
@click.option("--published", callback=published_option, help="Publication date, YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]),
              help="Output format (default: table on a terminal, json otherwise).")
@click.option("--jsonl", is_flag=True, help="Inputs are JSON Lines of {id, text, published, title, url}.")
@click.option("--model", default=None, help="spaCy model: package name or path.")
def extract(files: tuple[str, ...], published: date | None, fmt: str | None, jsonl: bool,
            model: str | None) -> None:
    """Extract incidents, casualty figures and claims from FILES (paths, http(s) addresses of pages
    or feeds; "-" or none: stdin)."""
    from marsad.export.contract import contract
    from marsad.export.summary import summary
    from marsad.extract import default_pipeline, extract as run

    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    docs, failures = readable(files, jsonl, published)
    pipeline = default_pipeline(model) if model else default_pipeline()
    results = list(run(docs, pipeline))
    for doc in results:
        failed = [note for note in doc.notes if note.startswith("extraction failed")]
        if failed:
            failures.append(f"{doc.id}: {failed[0]}")
            click.echo(f"marsad: {doc.id}: {failed[0]}", err=True)
    if fmt == "table":
        click.echo(summary(results))
    elif fmt == "jsonl":
        for doc in results:
            click.echo(json.dumps(contract([doc]), ensure_ascii=False))
    else:
        click.echo(json.dumps(contract(results), ensure_ascii=False, indent=2))
    sys.exit(1 if failures else 0)


main.add_command(gazetteer)


@main.command()
@click.argument("files", nargs=-1)
@click.option("--published", callback=published_option, help="Publication date, YYYY-MM-DD.")
@click.option("--jsonl", is_flag=True, help="Inputs are JSON Lines of {id, text, published, title, url}.")
def geoparse(files: tuple[str, ...], published: date | None, jsonl: bool) -> None:
    """Write the place names in FILES ('-' or none: stdin), one JSON line per document."""
    from marsad.extract import default_pipeline
    from marsad.geoparse import geoparse as run

    docs, failures = readable(files, jsonl, published)
    for line in run(docs, default_pipeline()):
        click.echo(json.dumps(line, ensure_ascii=False))
    sys.exit(1 if failures else 0)


@main.command()
@click.argument("file")
@click.option("--codes", is_flag=True, help="Print CASE 2021 codes (AIR_STRIKE) instead of ACLED names.")
def classify(file: str, codes: bool) -> None:
    """Label each id<TAB>text line of FILE ('-': stdin) with its event class: id<TAB>label."""
    from marsad.classify import Classifier, classify as run
    from marsad.classify.snippets import read_snippets

    try:
        snippets = read_snippets(file)
    except InputError as error:
        click.echo(f"marsad: {error}", err=True)
        sys.exit(2)
    for snippet_id, label in run(snippets, Classifier.load(), codes=codes):
        click.echo(f"{snippet_id}\t{label}")


for corpus_command in CORPUS_COMMANDS:     # ingest, status, retry, reprocess, query, export
    main.add_command(corpus_command)
main.add_command(serve)
