"""``marsad serve``: parse the options, build the app, hand it to uvicorn."""

from __future__ import annotations

import sys

import click

from marsad.corpus_cli import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="A site whose pages may read the API (repeatable; default: none).")
def serve(db: str | None, host: str, port: int, cors_origins: tuple[str, ...]) -> None:
    """Serve the store's map, timeline, dossiers and JSON API (/api, described at /api/openapi.json).

    Read-only unless MARSAD_TOKEN is set; then a pasted report is stored when
    its request carries that token.
    """
    import uvicorn

    from marsad.store import StoreError
    from marsad.web.app import create_app
    from marsad.web.settings import Settings

    settings = Settings.from_env(db=db, cors_origins=cors_origins)
    try:
        app = create_app(settings)
    except StoreError as error:
        click.echo(f"marsad: {error}", err=True)
        sys.exit(2)
    mode = "storing with MARSAD_TOKEN" if settings.token else "read-only (no MARSAD_TOKEN)"
    click.echo(f"marsad: serving {settings.db or 'marsad.db'} on http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
