"""Read corpus incidents back out of a store, filtered, with their sources when asked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from marsad.store.store import Store

PAGE = 1000


@dataclass(frozen=True)
class Filters:
    """Which corpus incidents to read; every field left None lets all through.

    ``since`` keeps incidents created or changed at or after that time
    (ISO date or timestamp, UTC), for incremental exports.
    """

    since: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None          # ISO alpha-2
    event_type: str | None = None       # an ACLED event or sub-event type, any case
    actor: str | None = None            # part of a perpetrator's or claimant's name, any case

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["1 = 1"], []
        for clause, value in (("updated_at >= ?", self.since), ("event_date >= ?", self.date_from),
                              ("event_date <= ?", self.date_to), ("country = ?", self.country)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if self.event_type:
            clauses.append("(lower(event_type) = ? OR lower(sub_event_type) = ?)")
            params += [self.event_type.lower()] * 2
        if self.actor:
            clauses.append("(lower(perpetrators) LIKE ? OR lower(coalesce(claimed_by, '')) LIKE ?)")
            params += [f"%{self.actor.lower()}%"] * 2
        return " AND ".join(clauses), params


def incidents(store: Store, filters: Filters = Filters(), limit: int | None = None
              ) -> Iterator[dict[str, Any]]:
    """Yield corpus incidents in the order first seen, a page at a time, perpetrators decoded."""
    where, params = filters.where()
    after, given = 0, 0
    while True:
        rows = store.db.query(f"SELECT * FROM incidents WHERE {where} AND id > ? ORDER BY id LIMIT ?",
                              (*params, after, PAGE))
        for row in rows:
            row["perpetrators"] = json.loads(row["perpetrators"])
            yield row
            given += 1
            if limit is not None and given >= limit:
                return
        if len(rows) < PAGE:
            return
        after = rows[-1]["id"]


def sources(store: Store, incident_id: int) -> dict[str, list[dict[str, Any]]]:
    """Return what each document says of a corpus incident: sightings, casualty reports, claims."""
    db = store.db
    sightings = db.query(
        "SELECT ri.id, d.name AS document, d.published, d.title, d.url, ri.local_id, ri.event_date,"
        " ri.sub_event_type, ri.location, ri.perpetrators, ri.killed_low, ri.killed_best, ri.killed_high"
        " FROM report_incidents ri JOIN documents d ON d.id = ri.document_id"
        " WHERE ri.incident_id = ? ORDER BY ri.id", (incident_id,))
    ids = [s["id"] for s in sightings]
    marks = ", ".join("?" * len(ids)) or "NULL"
    reports = db.query(
        "SELECT cr.id, d.name AS document, cr.source, cr.killed_low, cr.killed_high, cr.killed_qualifier,"
        " cr.wounded_low, cr.wounded_high, cr.wounded_qualifier, cr.reported_at FROM casualty_reports cr"
        f" JOIN documents d ON d.id = cr.document_id WHERE cr.report_incident_id IN ({marks})"
        " ORDER BY cr.id", ids)
    claims = db.query(
        "SELECT DISTINCT c.id, d.name AS document, c.kind, c.actor, c.speaker, c.against, c.channel,"
        " c.firmness, c.claimed_at FROM claims c JOIN documents d ON d.id = c.document_id"
        " JOIN claim_incidents ci ON ci.claim_id = c.id"
        f" WHERE ci.report_incident_id IN ({marks}) ORDER BY c.id", ids)
    for kind, rows in (("report_incident", sightings), ("casualty_report", reports), ("claim", claims)):
        for row in rows:
            row["evidence"] = _evidence(store, kind, row["id"])
    for row in sightings:
        row["perpetrators"] = json.loads(row["perpetrators"])
    for row in claims:
        row["against"] = json.loads(row["against"])
    return {"reports": sightings, "casualty_reports": reports, "claims": claims}


def _evidence(store: Store, kind: str, record_id: int) -> list[dict[str, Any]]:
    return store.db.query(
        'SELECT d.name AS document, e.start_offset AS start, e.end_offset AS "end", e.quote AS text'
        " FROM evidence e JOIN documents d ON d.id = e.document_id"
        " WHERE e.record_type = ? AND e.record_id = ? ORDER BY e.id", (kind, record_id))
