"""Build, describe and query the gazetteer index from the command line."""

from __future__ import annotations

import time

import click

from . import index
from .supplement import SupplementError


def _fail(ctx: click.Context, message: str, code: int) -> None:
    click.echo(f"Error: {message}", err=True)
    ctx.exit(code)


@click.group("gazetteer")
def gazetteer() -> None:
    """Build and query the offline gazetteer."""


@gazetteer.command("build")
@click.pass_context
def build_command(ctx: click.Context) -> None:
    """Compile the gazetteer index (GeoNames data plus supplements)."""
    started = time.perf_counter()
    try:
        path = index.build()
    except SupplementError as error:
        _fail(ctx, str(error), 1)
    size = path.stat().st_size / 1e6
    click.echo(f"built {path} ({size:.1f} MB) in {time.perf_counter() - started:.1f} s")


@gazetteer.command("info")
def info_command() -> None:
    """Show where the index is, its size, counts, build time and version."""
    facts = index.info()
    if not facts["exists"]:
        click.echo(f"path: {facts['path']}\nnot built yet: run `marsad gazetteer build`")
        return
    for key in ("path", "size_bytes", "current", "entries", "names", "built_at",
                "build_seconds", "package_version", "schema_version", "supplement_rows",
                "us_counties_without_point", "countries_without_point"):
        click.echo(f"{key}: {facts.get(key, '')}")


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", "country", default=None, metavar="CC",
              help="Only places in this country (ISO 3166-1 alpha-2).")
@click.pass_context
def lookup_command(ctx: click.Context, name: str, country: str | None) -> None:
    """Print the candidates for NAME, best first, one per line."""
    if not name.strip():
        _fail(ctx, "NAME must not be empty", 2)
    if country is not None and not (len(country.strip()) == 2 and country.strip().isalpha()):
        _fail(ctx, f"--country must be an ISO alpha-2 code, got {country!r}", 2)
    if not index.is_current(index.index_path()):
        click.echo("building the gazetteer index (once, under a minute)...", err=True)
    try:
        with index.open_default() as places:
            found = places.lookup(name, country)
    except SupplementError as error:
        _fail(ctx, str(error), 1)
    if not found:
        _fail(ctx, f"no match for {name!r}", 1)
    for e in found:
        click.echo(f"{e.geonameid}\t{e.name}\t{e.country}\t{e.admin1 or ''}\t"
                   f"{e.feature_code}\t{e.population}\t{e.lat:.5f}\t{e.lon:.5f}")
