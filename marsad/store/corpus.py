"""Corpus incidents: report incidents of different documents merged into one per real event.

``merge`` attaches a document's fresh report incidents to the corpus incident
of the same event (``marsad.store.merge`` decides) or opens a new one;
``refresh`` recomputes a corpus incident from everything its sources say:
the most common day and place (the most precise place first), every
perpetrator with its firmest status, figures reconciled over every source's
newest casualty report (``marsad.reconcile``), claims and competing claims.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any, Callable, Iterable

from marsad.store.db import Database
from marsad.store.merge import Figure, Sighting, best_incident, merged_perpetrators, most_common, \
    reconcile_figures

CANDIDATES_SQL = (
    "SELECT id, document_id, event_date, event_type, sub_event_type, latitude, longitude, country,"
    " admin1, geonameid, geo_precision, perpetrators, incident_id FROM report_incidents"
    " WHERE event_type = ? AND event_date BETWEEN ? AND ? AND document_id <> ?")
# Places in another country are never the same place (``same_place``) unless
# they are one GeoNames entry; leaving them out here keeps the rows read per
# sighting to its own country's, however large the store.
SAME_COUNTRY_SQL = " AND (country = ? OR country IS NULL OR country = '' OR geonameid = ?)"
# Unmerged sightings come back too and are passed over by ``best_incident``: with
# "incident_id IS NOT NULL" here PostgreSQL, its statistics taken before a large
# merge, walked the incident_id index over every merged row for each candidate.

def merge(db: Database, document_id: int, sightings: list[Sighting]) -> set[int]:
    """Give each sighting of one document its corpus incident; return the incidents touched."""
    taken: set[int] = set()
    for new in sightings:
        incident = best_incident(new, candidates(db, new), taken) if new.day else None
        if incident is None:
            incident = db.insert("INSERT INTO incidents (event_type, updated_at) VALUES (?, '')",
                                 (new.event_type,))
        db.execute("UPDATE report_incidents SET incident_id = ? WHERE id = ?", (incident, new.id))
        taken.add(incident)
    return taken


def candidates(db: Database, new: Sighting) -> list[Sighting]:
    """Return stored sightings of other documents that could be ``new``'s event."""
    lo, hi = new.day - timedelta(days=1), new.day + timedelta(days=1)
    params: tuple = (new.event_type, lo.isoformat(), hi.isoformat(), new.document_id)
    sql = CANDIDATES_SQL
    if new.country:
        sql, params = sql + SAME_COUNTRY_SQL, (*params, new.country, new.geonameid)
    rows = db.execute(sql, params)
    return [Sighting(id=r[0], document_id=r[1], day=date.fromisoformat(r[2]), event_type=r[3],
                     sub_event_type=r[4], lat=r[5], lon=r[6], country=r[7], admin1=r[8],
                     geonameid=r[9], precision=r[10],
                     perpetrators=frozenset(p["name"] for p in json.loads(r[11])), incident_id=r[12])
            for r in rows]


SIGHTINGS_SQL = (
    "SELECT id, document_id, event_date, event_type, sub_event_type, latitude, longitude, country,"
    " admin1, geonameid, geo_precision, perpetrators FROM report_incidents"
    " WHERE incident_id IS NULL AND document_id IN ({}) ORDER BY document_id, id")
DOCUMENT_PAGE = 500
STALE = ""      # the updated_at of a corpus incident whose sightings changed and await a refresh


def rebuild(db: Database, stamp: str) -> None:
    """Merge every report incident afresh, document by document in ingest order."""
    db.execute("UPDATE report_incidents SET incident_id = NULL")
    db.execute("DELETE FROM incidents")
    merge_unmerged(db, stamp)


def merge_unmerged(db: Database, stamp: str) -> int:
    """Merge the report incidents not yet merged, document by document in id order.

    Documents extracted in any order (cluster workers) thus merge as if they
    had been extracted one after another; incidents marked stale are
    refreshed too. Return how many report incidents were merged.
    """
    documents = [r[0] for r in db.execute(
        "SELECT DISTINCT document_id FROM report_incidents WHERE incident_id IS NULL ORDER BY document_id")]
    if documents and db.dialect == "postgresql":
        # Workers have just written these rows: with statistics from before,
        # the planner joins each incident's sources by scanning whole tables.
        db.execute("ANALYZE documents, report_incidents, casualty_reports, claims, claim_incidents, evidence")
    touched = {r[0] for r in db.execute("SELECT id FROM incidents WHERE updated_at = ?", (STALE,))}
    merged = 0
    for n in range(0, len(documents), DOCUMENT_PAGE):
        page = documents[n:n + DOCUMENT_PAGE]
        by_document: dict[int, list[Sighting]] = {}
        for r in db.execute(SIGHTINGS_SQL.format(", ".join("?" * len(page))), page):
            by_document.setdefault(r[1], []).append(Sighting(
                id=r[0], document_id=r[1], day=date.fromisoformat(r[2]) if r[2] else None, event_type=r[3],
                sub_event_type=r[4], lat=r[5], lon=r[6], country=r[7], admin1=r[8], geonameid=r[9],
                precision=r[10], perpetrators=frozenset(p["name"] for p in json.loads(r[11]))))
        for document_id, sightings in by_document.items():
            touched |= merge(db, document_id, sightings)
            merged += len(sightings)
    refresh(db, touched, stamp)
    return merged


def mark_stale(db: Database, incident_ids: Iterable[int]) -> None:
    """Mark corpus incidents for ``merge_unmerged`` to refresh (their sightings changed)."""
    for incident_id in sorted(set(incident_ids)):
        db.execute("UPDATE incidents SET updated_at = ? WHERE id = ?", (STALE, incident_id))


def refresh(db: Database, incident_ids: Iterable[int], stamp: str) -> None:
    """Recompute each corpus incident from its sightings; drop those left with none."""
    for incident_id in sorted(set(incident_ids)):
        members = db.query(
            "SELECT ri.*, d.name AS document, d.published FROM report_incidents ri"
            " JOIN documents d ON d.id = ri.document_id WHERE ri.incident_id = ?"
            " ORDER BY ri.document_id, ri.id",
            (incident_id,))
        if not members:
            db.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
            continue
        fields = summarise(members, figures(db, incident_id, members), claimants(db, incident_id))
        fields["updated_at"] = stamp
        db.execute(f"UPDATE incidents SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
                   (*fields.values(), incident_id))


def summarise(members: list[dict], found: dict[str, list[Figure]], claims: list[tuple[str, str]]
              ) -> dict[str, Any]:
    """Return the corpus incident's columns from its sightings, figures and claims."""
    day = most_common(m["event_date"] for m in members)
    precise = min(m["geo_precision"] or 9 for m in members)
    place = most_common(((m["geonameid"], m["location"]) for m in members
                         if (m["geo_precision"] or 9) == precise), tie=first)
    where = next(m for m in members if (m["geonameid"], m["location"]) == place) if place else members[0]
    killed, wounded = (reconcile_figures(found[k]) or {} for k in ("killed", "wounded"))
    attack = merged_attack(members)
    claimed = sorted({actor for kind, actor in claims if kind == "claim"})
    documents = list(dict.fromkeys(m["document"] for m in members))
    published = [m["published"] for m in members if m["published"]]
    return {
        "event_date": day, "event_type": members[0]["event_type"],
        "sub_event_type": most_common((m["sub_event_type"] for m in members), tie=first),
        "location": where["location"], "latitude": where["latitude"], "longitude": where["longitude"],
        "country": where["country"], "admin1": where["admin1"], "admin2": where["admin2"],
        "geonameid": where["geonameid"], "geo_precision": where["geo_precision"],
        "perpetrators": json.dumps(merged_perpetrators(json.loads(m["perpetrators"]) for m in members),
                                   ensure_ascii=False),
        "killed_low": killed.get("low"), "killed_best": killed.get("best"),
        "killed_high": killed.get("high"), "killed_acled": killed.get("acled"),
        "wounded_low": wounded.get("low"), "wounded_best": wounded.get("best"),
        "wounded_high": wounded.get("high"),
        "other_figures": json.dumps(other_figures(found)),
        "attack": json.dumps(attack, ensure_ascii=False) if attack else None,
        "roles": json.dumps(merged_roles(json.loads(m["roles"] or "[]") for m in members), ensure_ascii=False),
        "claimed_by": "; ".join(claimed) or None,
        "competing_claims": int(len(claimed) > 1 or any(m["competing_claims"] for m in members)),
        "source_count": len(documents), "sources": "; ".join(documents),
        "first_reported": min(published) if published else None,
    }


def first(values: Iterable) -> Any:
    return next(iter(values))


def figures(db: Database, incident_id: int, members: list[dict]) -> dict[str, list[Figure]]:
    """Return every figure of each category given for the incident, one source per speaker."""
    rows = db.query(
        "SELECT cr.*, d.name AS document, d.published,"
        " (SELECT min(e.start_offset) FROM evidence e WHERE e.record_type = 'casualty_report'"
        "  AND e.record_id = cr.id) AS offset_"
        " FROM casualty_reports cr JOIN report_incidents ri ON ri.id = cr.report_incident_id"
        " JOIN documents d ON d.id = cr.document_id WHERE ri.incident_id = ? ORDER BY cr.document_id, cr.id",
        (incident_id,))
    found: dict[str, list[Figure]] = {"killed": [], "wounded": []}
    for r in rows:
        # An unnamed source in one report is not the same speaker as in another.
        source = r["source"] or f"({r['document']})"
        given = {kind: {"low": r[f"{kind}_low"], "high": r[f"{kind}_high"], "qualifier": r[f"{kind}_qualifier"]}
                 for kind in ("killed", "wounded")}
        for kind, value in {**given, **json.loads(r["other_figures"] or "{}")}.items():
            if value["low"] is not None or value["high"] is not None:
                found.setdefault(kind, []).append(Figure(
                    source, value["low"], value["high"], value["qualifier"],
                    r["reported_at"] or r["published"], r["offset_"] or 0, bool(r["partial"])))
    for kind in ("killed", "wounded"):
        if not found[kind]:     # the incident's own figure where no casualty report was kept
            found[kind] = [Figure(f"({m['document']})", m[f"{kind}_low"], m[f"{kind}_high"], None,
                                  m["published"], 0)
                           for m in members if m[f"{kind}_low"] is not None or m[f"{kind}_high"] is not None]
    return found


def other_figures(found: dict[str, list[Figure]]) -> dict[str, dict]:
    """Reconcile each category besides killed and wounded that any source gives a figure for."""
    reconciled = {kind: reconcile_figures(given) for kind, given in found.items()
                  if kind not in ("killed", "wounded")}
    return {kind: figures for kind, figures in reconciled.items() if figures}


def merged_roles(lists: Iterable[list[dict]]) -> list[dict]:
    """Union the sources' roles, one per actor and role: the first source's, its type filled
    from another source where the first did not know it."""
    merged: dict[tuple[str, str], dict] = {}
    for roles in lists:
        for role in roles:
            known = merged.setdefault((role["actor"], role["role"]), dict(role))
            known["type"] = known.get("type") or role.get("type")
    return list(merged.values())


def merged_attack(members: list[dict]) -> dict[str, Any] | None:
    """Union the GTD attack detail the sources give: every stated type, weapon and target
    once, in the order first given; a flag set by any source; the highest count."""
    details = [json.loads(m["attack"]) for m in members if m.get("attack")]
    if not details:
        return None

    def union(key: str, value: Callable[[dict], Any]) -> list:
        return list(dict.fromkeys(value(f) for d in details for f in d.get(key) or [] if f))

    def count(key: str) -> int | None:
        return max((d[key]["count"] for d in details if d.get(key)), default=None)

    return {"attack_types": union("attack_types", lambda f: f["type"]),
            "weapons": [{"type": kind, "subtype": sub}
                        for kind, sub in union("weapons", lambda f: (f["type"], f["subtype"]))],
            "targets": union("targets", lambda f: f["type"]),
            "suicide": any(d["suicide"]["value"] for d in details),
            "coordinated": any(d["coordinated"]["value"] for d in details),
            "blasts": count("blasts"), "attackers": count("attackers")}


def claimants(db: Database, incident_id: int) -> list[tuple[str, str]]:
    """Return (kind, actor) of every asserted or hedged claim tied to the incident."""
    return [tuple(r) for r in db.execute(
        "SELECT c.kind, c.actor FROM claims c JOIN claim_incidents ci ON ci.claim_id = c.id"
        " JOIN report_incidents ri ON ri.id = ci.report_incident_id"
        " WHERE ri.incident_id = ? AND c.firmness <> 'false'", (incident_id,))]
