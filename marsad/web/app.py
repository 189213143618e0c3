"""The FastAPI app: the JSON API under /api, the page at /, its own files and the vendored libraries.

The browser libraries (Leaflet, its marker clustering, topojson-client and
the world-atlas boundaries) are npm packages installed by ``make
web-assets`` into ``marsad/web/node_modules``; only their distribution
files are served, never the whole folder.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from marsad.store import Store, StoreError
from marsad.web.api import router
from marsad.web.guard import BodyLimit, SecurityHeaders
from marsad.web.paste import Extractor
from marsad.web.settings import HERE, Settings

log = logging.getLogger("marsad.web")
VENDOR_DIRS = {"leaflet": "leaflet/dist", "markercluster": "leaflet.markercluster/dist",
               "topojson": "topojson-client/dist", "atlas": "world-atlas"}


class Stores:
    """One open store per server thread: SQLite connections must stay on their thread."""

    def __init__(self, location: str | None) -> None:
        self.location = location
        self._local = threading.local()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            # create_app made the schema; a thread only reads (no CREATE statements while ingest writes).
            store = self._local.store = Store.open(self.location, create=False)
        return store


def create_app(settings: Settings, pipeline_factory: Any = None) -> FastAPI:
    """Build the app over the store ``settings.db``; ``pipeline_factory`` builds the extractor's pipeline."""
    Store.open(settings.db).close()         # fail now, not on the first request, when it cannot open
    app = FastAPI(title="marsad", version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Conflict incidents extracted from news, with their sources, figures and claims."
                              " Read-only unless the server has MARSAD_TOKEN.")
    app.state.settings = settings
    app.state.stores = Stores(settings.db)
    app.state.extractor = Extractor(pipeline_factory)
    app.include_router(router, prefix="/api")
    _errors(app)
    _files(app, settings)
    app.add_middleware(GZipMiddleware, minimum_size=2000)    # a map's GeoJSON shrinks tenfold
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET"])
    return app


def _files(app: FastAPI, settings: Settings) -> None:
    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(HERE / "static" / "index.html")

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for name, folder in VENDOR_DIRS.items():
        path = settings.vendor / folder
        if path.is_dir():
            app.mount(f"/vendor/{name}", StaticFiles(directory=path), name=f"vendor-{name}")
        else:
            log.warning("%s is missing: run `make web-assets` (the map needs it)", path)


def _errors(app: FastAPI) -> None:
    @app.exception_handler(StoreError)
    async def store_error(_request: Request, error: StoreError) -> JSONResponse:
        log.error("store: %s", error)
        return JSONResponse({"detail": "the store cannot be read"}, status_code=503)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        # Name the parameter and the problem, without echoing what was sent.
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                    for e in error.errors()]
        return JSONResponse({"detail": problems}, status_code=422)

    @app.exception_handler(Exception)
    async def crash(request: Request, error: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)
