"""What the web API reads from a store: filtered pages of incidents, one incident's dossier, documents.

Every query is written once with ``?`` placeholders and runs on SQLite and
PostgreSQL alike (``marsad.store.db``). Filters build on the corpus
commands' ``marsad.store.queries.Filters`` and add what a map needs:
admin1, a bounding box and free text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from marsad.store.db import Database
from marsad.store.queries import Filters

LIST_COLUMNS = ("id, event_date, event_type, sub_event_type, location, latitude, longitude, country,"
                " admin1, admin2, geo_precision, perpetrators, killed_low, killed_best, killed_high,"
                " killed_acled, wounded_low, wounded_best, wounded_high, claimed_by, competing_claims,"
                " source_count, first_reported, updated_at")
# What a map marker and a list row need; the rest is one /api/incidents/{id} away.
FEATURE_COLUMNS = ("id, event_date, event_type, sub_event_type, location, latitude, longitude, country, admin1,"
                   " perpetrators, killed_low, killed_best, killed_high, source_count")
# Free text is matched against what an analyst would type: the place, the type and the actors.
TEXT_COLUMNS = ("location", "admin1", "admin2", "event_type", "sub_event_type", "perpetrators",
                "claimed_by", "sources")


@dataclass(frozen=True)
class BBox:
    """A map's bounding box in degrees; west > east when it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, value: str) -> "BBox":
        """Read "west,south,east,north"; raise ValueError when it is not four numbers in range."""
        parts = [float(p) for p in value.split(",")]
        if len(parts) != 4:
            raise ValueError("bbox is west,south,east,north")
        box = cls(*parts)
        if not (-180 <= box.west <= 180 and -180 <= box.east <= 180 and -90 <= box.south <= box.north <= 90):
            raise ValueError("bbox out of range")
        return box

    def where(self) -> tuple[str, list[Any]]:
        joiner = "AND" if self.west <= self.east else "OR"
        return (f"(latitude BETWEEN ? AND ? AND (longitude >= ? {joiner} longitude <= ?))",
                [self.south, self.north, self.west, self.east])


@dataclass(frozen=True)
class IncidentQuery:
    """The corpus filters plus admin1, a bounding box and free text."""

    base: Filters = field(default_factory=Filters)
    admin1: str | None = None
    bbox: BBox | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        where, params = self.base.where()
        clauses = [where]
        if self.admin1:
            clauses.append("lower(admin1) = ?")
            params.append(self.admin1.lower())
        if self.bbox:
            clause, values = self.bbox.where()
            clauses.append(clause)
            params += values
        if self.text:
            clauses.append("(" + " OR ".join(f"lower(coalesce({c}, '')) LIKE ?" for c in TEXT_COLUMNS) + ")")
            params += [f"%{_like(self.text.lower())}%"] * len(TEXT_COLUMNS)
        return " AND ".join(clauses), params


def _like(text: str) -> str:
    # LIKE's wildcards typed by a user are plain characters in these searches.
    return text.replace("%", "").replace("_", " ").strip()


def incident_page(db: Database, query: IncidentQuery, limit: int, offset: int) -> dict[str, Any]:
    """Return one page of incidents, newest event first, with the total that match."""
    where, params = query.where()
    total = db.execute(f"SELECT count(*) FROM incidents WHERE {where}", params)[0][0]
    rows = db.query(f"SELECT {LIST_COLUMNS} FROM incidents WHERE {where}"
                    " ORDER BY event_date DESC, id DESC LIMIT ? OFFSET ?", (*params, limit, offset))
    return {"total": total, "limit": limit, "offset": offset, "incidents": [decoded(r) for r in rows]}


def geojson(db: Database, query: IncidentQuery, limit: int) -> dict[str, Any]:
    """Return placed incidents as a GeoJSON FeatureCollection; ``truncated`` when more matched."""
    where, params = query.where()
    rows = db.query(f"SELECT {FEATURE_COLUMNS} FROM incidents WHERE {where} AND latitude IS NOT NULL"
                    " AND longitude IS NOT NULL ORDER BY event_date DESC, id DESC LIMIT ?",
                    (*params, limit + 1))
    features = [{"type": "Feature", "id": r["id"],
                 "geometry": {"type": "Point", "coordinates": [r.pop("longitude"), r.pop("latitude")]},
                 "properties": decoded(r)} for r in rows[:limit]]
    return {"type": "FeatureCollection", "features": features, "truncated": len(rows) > limit}


def facets(db: Database) -> dict[str, Any]:
    """Return the event types and countries present, with their counts, for the page's filters."""
    types = db.query("SELECT event_type, sub_event_type, count(*) AS count FROM incidents"
                     " GROUP BY event_type, sub_event_type ORDER BY event_type, sub_event_type")
    countries = db.query("SELECT country, count(*) AS count FROM incidents WHERE country IS NOT NULL"
                         " GROUP BY country ORDER BY country")
    span = db.query("SELECT min(event_date) AS first, max(event_date) AS last FROM incidents")[0]
    return {"event_types": types,
            "countries": [{"code": c["country"], "name": country_name(c["country"]), "count": c["count"]}
                          for c in countries],
            "dates": span}


def country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    return getattr(found, "common_name", None) or (found.name if found else code)


def decoded(row: dict[str, Any]) -> dict[str, Any]:
    row["perpetrators"] = json.loads(row["perpetrators"] or "[]")
    if "competing_claims" in row:
        row["competing_claims"] = bool(row["competing_claims"])
    return row
