"""One incident's dossier: every source's account, its figure history, its claims, its highlighted texts.

Document texts go to the browser cut into ``segments`` (plain runs and
evidence runs), so the page never has to turn Python string offsets into
JavaScript ones, and it renders each run as text.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from marsad.store.db import Database
from marsad.web.reads import LIST_COLUMNS, decoded

SIGHTINGS_SQL = (
    "SELECT ri.id, ri.document_id, ri.local_id, ri.event_date, ri.event_type, ri.sub_event_type,"
    " ri.location, ri.location_mention, ri.perpetrators, ri.killed_low, ri.killed_best, ri.killed_high,"
    " ri.wounded_low, ri.wounded_best, ri.wounded_high FROM report_incidents ri"
    " WHERE ri.incident_id = ? ORDER BY ri.document_id, ri.id")
FIGURES_SQL = (
    "SELECT cr.id, cr.document_id, d.name AS document, d.published, cr.source, cr.killed_low,"
    " cr.killed_high, cr.killed_qualifier, cr.wounded_low, cr.wounded_high, cr.wounded_qualifier,"
    " cr.reported_at, cr.other_figures, cr.counted FROM casualty_reports cr"
    " JOIN documents d ON d.id = cr.document_id"
    " WHERE cr.report_incident_id IN ({marks}) ORDER BY cr.id")
CLAIMS_SQL = (
    "SELECT DISTINCT c.id, c.document_id, d.name AS document, d.published, c.kind, c.actor, c.speaker,"
    " c.against, c.channel, c.firmness, c.claimed_at FROM claims c JOIN documents d ON d.id = c.document_id"
    " JOIN claim_incidents ci ON ci.claim_id = c.id WHERE ci.report_incident_id IN ({marks}) ORDER BY c.id")
DOCUMENTS_SQL = ("SELECT id, name, title, url, published, source, status, ingested_at FROM documents"
                 " WHERE id IN ({marks}) ORDER BY published, id")
EVIDENCE_SQL = ('SELECT record_type, record_id, document_id, start_offset AS start, end_offset AS "end",'
                " quote AS text FROM evidence WHERE record_type = ? AND record_id IN ({marks}) ORDER BY id")
MARKS = {"report_incident": "incident", "casualty_report": "figure", "claim": "claim"}


def incident_dossier(db: Database, incident_id: int) -> dict[str, Any] | None:
    """Return the incident (with its other casualty categories, attack detail and actors' roles)
    with its sightings, figure history, claims and source documents."""
    found = db.query(f"SELECT {LIST_COLUMNS}, sources, other_figures, attack, roles FROM incidents WHERE id = ?",
                     (incident_id,))
    if not found:
        return None
    incident = decoded(found[0])
    for column, empty in (("other_figures", {}), ("attack", None), ("roles", [])):
        incident[column] = json.loads(incident[column]) if incident[column] else empty
    sightings = db.query(SIGHTINGS_SQL, (incident_id,))
    marks = ", ".join("?" * len(sightings)) or "NULL"
    ids = [s["id"] for s in sightings]
    figures = db.query(FIGURES_SQL.format(marks=marks), ids)
    claims = db.query(CLAIMS_SQL.format(marks=marks), ids)
    evidence = _evidence(db, {"report_incident": ids, "casualty_report": [f["id"] for f in figures],
                              "claim": [c["id"] for c in claims]})
    for kind, rows in (("report_incident", sightings), ("casualty_report", figures), ("claim", claims)):
        for row in rows:
            row["evidence"] = evidence.get((kind, row["id"]), [])
    for row in sightings:
        row["perpetrators"] = json.loads(row["perpetrators"] or "[]")
    for row in claims:
        row["against"] = json.loads(row["against"] or "[]")
    for row in figures:
        row["time"] = row["reported_at"] or row["published"]
        row["other_figures"], row["counted"] = json.loads(row["other_figures"]), json.loads(row["counted"])
    for row in claims:
        row["time"] = row["claimed_at"] or row["published"]
    document_ids = sorted({s["document_id"] for s in sightings} | {c["document_id"] for c in claims})
    return {"incident": incident, "reports": sightings,
            "casualty_reports": sorted(figures, key=lambda f: (f["time"] or "", f["id"])),
            "claims": sorted(claims, key=lambda c: (c["time"] or "", c["id"])),
            "documents": documents(db, document_ids, [e for rows in evidence.values() for e in rows])}


def documents(db: Database, ids: list[int], evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the documents with their text cut into plain and highlighted segments."""
    if not ids:
        return []
    rows = db.query(DOCUMENTS_SQL.format(marks=", ".join("?" * len(ids))), ids)
    texts = dict(db.execute(f"SELECT id, text FROM documents WHERE id IN ({', '.join('?' * len(ids))})", ids))
    for row in rows:
        spans = [(e["start"], e["end"], MARKS[e["record_type"]]) for e in evidence
                 if e["document_id"] == row["id"]]
        row["segments"] = segments(texts[row["id"]], spans)
    return rows


def _evidence(db: Database, wanted: dict[str, list[int]]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    found: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for kind, ids in wanted.items():
        for start in range(0, len(ids), 500):
            page = ids[start:start + 500]
            for row in db.query(EVIDENCE_SQL.format(marks=", ".join("?" * len(page))), (kind, *page)):
                found.setdefault((kind, row["record_id"]), []).append(row)
    return found


def segments(text: str, spans: Iterable[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """Cut ``text`` into runs; a run inside evidence spans carries their kinds (sorted), else none."""
    spans = [(max(0, s), min(len(text), e), kind) for s, e, kind in spans if e > s]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    runs: list[dict[str, Any]] = []
    for start, end in zip(cuts, cuts[1:]):
        kinds = sorted({kind for s, e, kind in spans if s <= start and end <= e})
        if runs and runs[-1]["marks"] == kinds:
            runs[-1]["text"] += text[start:end]
        else:
            runs.append({"text": text[start:end], "marks": kinds, "start": start})
    return runs
