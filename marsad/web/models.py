"""The shapes of the API's main answers, for the OpenAPI description and for checking what is sent."""

from __future__ import annotations

from pydantic import BaseModel


class Perpetrator(BaseModel):
    name: str
    status: str             # claimed > reported > accused > suspected


class IncidentSummary(BaseModel):
    """A corpus incident as a list row: figures reconciled over every source."""

    id: int
    event_date: str | None
    event_type: str
    sub_event_type: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    country: str | None
    admin1: str | None
    admin2: str | None
    geo_precision: int | None
    perpetrators: list[Perpetrator]
    killed_low: int | None
    killed_best: int | None
    killed_high: int | None
    killed_acled: int | None
    wounded_low: int | None
    wounded_best: int | None
    wounded_high: int | None
    claimed_by: str | None
    competing_claims: bool
    source_count: int
    first_reported: str | None
    updated_at: str


class IncidentPage(BaseModel):
    total: int
    limit: int
    offset: int
    incidents: list[IncidentSummary]


class DocumentSummary(BaseModel):
    id: int
    name: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    status: str             # pending | done | failed
    error: str | None
    ingested_at: str
    processed_at: str | None


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[DocumentSummary]
