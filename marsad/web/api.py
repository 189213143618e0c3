"""The JSON API: incidents (filtered, paginated, or as GeoJSON), one incident's dossier, documents, paste.

Every read is a GET; the one write, storing a pasted report, needs the
server's ``MARSAD_TOKEN`` as a bearer token.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from marsad.store.queries import Filters
from marsad.web import reads
from marsad.web.dossier import incident_dossier
from marsad.web.models import DocumentPage, IncidentPage
from marsad.web.paste import shown, store_extraction

router = APIRouter()
MAX_TEXT = 1_000_000        # characters of one pasted report


def stores(request: Request) -> Any:
    # The endpoint opens its store itself: FastAPI may run a dependency and its
    # endpoint on different threads, and a SQLite connection must stay on one.
    return request.app.state.stores


def incident_query(
    date_from: Annotated[date | None, Query(description="Events on or after this day.")] = None,
    date_to: Annotated[date | None, Query(description="Events on or before this day.")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-2 code, e.g. SY.",
                                         pattern="^[A-Za-z]{2}$")] = None,
    admin1: Annotated[str | None, Query(description="First-level region name, any case.", max_length=200)] = None,
    type: Annotated[str | None, Query(description="ACLED event or sub-event type, any case.",
                                      max_length=200)] = None,
    actor: Annotated[str | None, Query(description="Part of a perpetrator's or claimant's name.",
                                       max_length=200)] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.",
                                      max_length=200)] = None,
    q: Annotated[str | None, Query(description="Free text in place, type or actor names.",
                                   max_length=200)] = None,
) -> reads.IncidentQuery:
    try:
        box = reads.BBox.parse(bbox) if bbox else None
    except ValueError as error:
        raise HTTPException(422, f"bbox: {error}") from None
    base = Filters(date_from=date_from.isoformat() if date_from else None,
                   date_to=date_to.isoformat() if date_to else None,
                   country=country.upper() if country else None, event_type=type, actor=actor)
    return reads.IncidentQuery(base=base, admin1=admin1, bbox=box, text=q)


Chosen = Annotated[reads.IncidentQuery, Depends(incident_query)]
Opened = Annotated[Any, Depends(stores)]


@router.get("/incidents", summary="Incidents, newest first, filtered and paginated", response_model=IncidentPage)
def incidents(request: Request, chosen: Chosen, opened: Opened,
              limit: Annotated[int, Query(ge=1, description="Page size (at most the server's page_max).")] = 100,
              offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    limit = min(limit, request.app.state.settings.page_max)
    return reads.incident_page(opened.get().db, chosen, limit, offset)


@router.get("/incidents.geojson", summary="Placed incidents as a GeoJSON FeatureCollection")
def incidents_geojson(request: Request, chosen: Chosen, opened: Opened,
                      limit: Annotated[int, Query(ge=1)] = 20_000) -> dict[str, Any]:
    return reads.geojson(opened.get().db, chosen, min(limit, request.app.state.settings.geojson_max))


@router.get("/incidents/{incident_id}", summary="One incident: sources, figure history, claims, texts")
def incident(incident_id: int, opened: Opened) -> dict[str, Any]:
    found = incident_dossier(opened.get().db, incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return found


@router.get("/facets", summary="Event types, countries and the date span present, for filters")
def facets(opened: Opened) -> dict[str, Any]:
    return reads.facets(opened.get().db)


@router.get("/documents", summary="Stored documents, newest first, without their text",
            response_model=DocumentPage)
def documents(opened: Opened, limit: Annotated[int, Query(ge=1, le=1000)] = 100,
              offset: Annotated[int, Query(ge=0)] = 0,
              status: Annotated[str | None, Query(pattern="^(pending|done|failed)$")] = None) -> dict[str, Any]:
    where, params = ("status = ?", [status]) if status else ("1 = 1", [])
    total = opened.get().db.execute(f"SELECT count(*) FROM documents WHERE {where}", params)[0][0]
    rows = opened.get().db.query("SELECT id, name, title, url, published, source, status, error, ingested_at,"
                       f" processed_at FROM documents WHERE {where} ORDER BY id DESC LIMIT ? OFFSET ?",
                       (*params, limit, offset))
    return {"total": total, "limit": limit, "offset": offset, "documents": rows}


@router.get("/documents/{document_id}", summary="One document with its text and the incidents it tells")
def document(document_id: int, opened: Opened) -> dict[str, Any]:
    rows = opened.get().db.query("SELECT id, name, title, url, published, source, status, error, notes, text"
                       " FROM documents WHERE id = ?", (document_id,))
    if not rows:
        raise HTTPException(404, f"no document {document_id}")
    incidents = [r[0] for r in opened.get().db.execute(
        "SELECT DISTINCT incident_id FROM report_incidents WHERE document_id = ? AND incident_id IS NOT NULL"
        " ORDER BY incident_id", (document_id,))]
    return {**rows[0], "incidents": incidents}


@router.get("/info", summary="What this server allows")
def info(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    return {"read_only": settings.token is None, "max_body": settings.max_body, "max_text": MAX_TEXT}


class Paste(BaseModel):
    """A report to extract from: its text (plain or HTML) and what the page knows of it."""

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    published: date | None = Field(None, description="Publication day; relative dates count from it.")
    title: str | None = Field(None, max_length=500)
    html: bool | None = Field(None, description="True: HTML; false: plain text; none: sniff.")
    store: bool = Field(False, description="Keep the report and its records (needs the token).")


@router.post("/extract", summary="Extract from a pasted report; store it only when asked, with the token")
def extract(request: Request, paste: Paste, opened: Opened,
            authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    if paste.store:
        _check_token(request.app.state.settings.token, authorization)
    try:
        doc, result = request.app.state.extractor.run(paste.text, paste.published, paste.title, paste.html)
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    answer = shown(doc, result)
    answer["stored"] = store_extraction(opened.get(), doc, result) if paste.store else None
    return answer


def _check_token(token: str | None, authorization: str | None) -> None:
    if token is None:
        raise HTTPException(403, "this server is read-only (start it with MARSAD_TOKEN set to store reports)")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "storing needs the server's token", headers={"WWW-Authenticate": "Bearer"})
