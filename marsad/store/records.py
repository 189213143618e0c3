"""Write one document's extracted records (its contract) into the store's tables."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from marsad.export.contract import EXTRA_CATEGORIES
from marsad.store.db import Database
from marsad.store.merge import Sighting

ROLE_KEYS = ("actor", "role", "status", "type")     # a role's evidence is its report incident's
EVIDENCE_SQL = ("INSERT INTO evidence (document_id, record_type, record_id, start_offset, end_offset, quote)"
                " VALUES (?, ?, ?, ?, ?, ?)")


def delete(db: Database, document_id: int) -> set[int]:
    """Remove a document's records; return the corpus incidents they belonged to."""
    touched = {r[0] for r in db.execute(
        "SELECT DISTINCT incident_id FROM report_incidents WHERE document_id = ? AND incident_id IS NOT NULL",
        (document_id,))}
    db.execute("DELETE FROM evidence WHERE document_id = ?", (document_id,))
    db.execute("DELETE FROM claim_incidents WHERE claim_id IN (SELECT id FROM claims WHERE document_id = ?)",
               (document_id,))
    for table in ("casualty_reports", "claims", "report_incidents"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
    return touched


def write(db: Database, document_id: int, result: dict[str, Any]) -> list[Sighting]:
    """Insert the incidents, casualty reports and claims of one document's contract."""
    evidence: list[tuple] = []
    ids: dict[str, int] = {}
    sightings = []
    for incident in result.get("incidents", []):
        row_id = _incident(db, document_id, incident)
        ids[incident["id"]] = row_id
        evidence += _evidence(document_id, "report_incident", row_id, incident)
        sightings.append(sighting(row_id, document_id, incident))
    for report in [*result.get("casualty_reports", []), *result.get("other_casualty_reports", [])]:
        row_id = _casualty_report(db, document_id, ids.get(report["incident"]), report)
        evidence += _evidence(document_id, "casualty_report", row_id, report)
    for claim in [*result.get("claims", []), *result.get("false_statements", [])]:
        row_id = _claim(db, document_id, claim)
        evidence += _evidence(document_id, "claim", row_id, claim)
        links = [(row_id, ids[i]) for i in dict.fromkeys(claim.get("incidents", [])) if i in ids]
        db.executemany("INSERT INTO claim_incidents (claim_id, report_incident_id) VALUES (?, ?)", links)
    db.executemany(EVIDENCE_SQL, evidence)
    return sightings


def sighting(row_id: int, document_id: int, incident: dict[str, Any]) -> Sighting:
    where = incident.get("location") or {}
    return Sighting(
        id=row_id, document_id=document_id,
        day=date.fromisoformat(incident["date"]) if incident.get("date") else None,
        event_type=incident["event_type"], sub_event_type=incident.get("sub_event_type"),
        lat=where.get("lat"), lon=where.get("lon"), country=where.get("country"),
        admin1=where.get("admin1"), geonameid=where.get("geonameid"), precision=where.get("precision"),
        perpetrators=frozenset(p["name"] for p in incident.get("perpetrators", [])))


def _figure(value: dict | None, key: str) -> int | None:
    return value.get(key) if value else None


def _incident(db: Database, document_id: int, incident: dict[str, Any]) -> int:
    where = incident.get("location") or {}
    killed, wounded = incident.get("killed"), incident.get("wounded")
    return db.insert(
        "INSERT INTO report_incidents (document_id, local_id, event_date, event_type, sub_event_type,"
        " location, location_mention, latitude, longitude, country, admin1, admin2, geonameid,"
        " geo_precision, perpetrators, killed_low, killed_best, killed_high, wounded_low, wounded_best,"
        " wounded_high, competing_claims, attack, roles)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (document_id, incident["id"], incident.get("date"), incident["event_type"],
         incident.get("sub_event_type"), where.get("name"), where.get("mention"), where.get("lat"),
         where.get("lon"), where.get("country"), where.get("admin1"), where.get("admin2"),
         where.get("geonameid"), where.get("precision"),
         json.dumps(incident.get("perpetrators", []), ensure_ascii=False),
         _figure(killed, "low"), _figure(killed, "best"), _figure(killed, "high"),
         _figure(wounded, "low"), _figure(wounded, "best"), _figure(wounded, "high"),
         int(bool(incident.get("competing_claims"))),
         json.dumps(incident["attack"], ensure_ascii=False) if incident.get("attack") else None,
         json.dumps([{k: r.get(k) for k in ROLE_KEYS} for r in incident.get("roles", [])],
                    ensure_ascii=False)))


def _casualty_report(db: Database, document_id: int, incident_row: int | None,
                     report: dict[str, Any]) -> int:
    killed, wounded = report.get("killed"), report.get("wounded")
    return db.insert(
        "INSERT INTO casualty_reports (document_id, report_incident_id, source, killed_low, killed_high,"
        " killed_qualifier, wounded_low, wounded_high, wounded_qualifier, reported_at, other_figures,"
        " counted, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (document_id, incident_row, report.get("source"),
         _figure(killed, "low"), _figure(killed, "high"), _figure(killed, "qualifier"),
         _figure(wounded, "low"), _figure(wounded, "high"), _figure(wounded, "qualifier"),
         report.get("time"), json.dumps(other_figures(report), ensure_ascii=False),
         json.dumps(report.get("counted") or {}, ensure_ascii=False), int(bool(report.get("partial")))))


def other_figures(report: dict[str, Any]) -> dict[str, dict]:
    """The figures of categories other than killed and wounded, as the contract gives them."""
    return {key: report[key] for key in EXTRA_CATEGORIES if report.get(key)}


def _claim(db: Database, document_id: int, claim: dict[str, Any]) -> int:
    return db.insert(
        "INSERT INTO claims (document_id, local_id, kind, actor, speaker, against, channel, firmness,"
        " claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (document_id, claim["id"], claim["kind"], claim["actor"], claim.get("speaker"),
         json.dumps(claim.get("against", []), ensure_ascii=False), claim.get("channel"),
         claim.get("firmness"), claim.get("time")))


def _evidence(document_id: int, kind: str, row_id: int, record: dict[str, Any]) -> list[tuple]:
    return [(document_id, kind, row_id, e["start"], e["end"], e.get("text", ""))
            for e in record.get("evidence", [])]
