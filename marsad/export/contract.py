"""The output contract of ``marsad extract`` (see the project README), plus marsad's own fields."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from marsad.model import Attack, CasualtyReport, Claim, Count, Document, Fact, Incident, Place, Span


EXTRA_CATEGORIES = ("missing", "abducted", "arrested", "displaced", "attackers_killed")


def iso_time(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def evidence(doc: Document, spans: Iterable[Span]) -> list[dict[str, Any]]:
    return [{"document": doc.id, "start": s.start, "end": s.end, "text": s.slice(doc.text)}
            for s in spans]


def location(place: Place) -> dict[str, Any]:
    entry = place.entry
    return {"name": place.anchor and place.name or (entry.name if entry else place.name),
            "mention": place.name, "lat": place.lat, "lon": place.lon,
            "country": entry.country if entry else None,
            "admin1": entry.admin1 if entry else None,
            "admin2": entry.admin2 if entry else None,
            "geonameid": entry.geonameid if entry else None,
            "precision": place.precision, "anchor": place.anchor}


def figure(count: Count | None) -> dict[str, Any] | None:
    if count is None:
        return None
    return {"low": count.low, "high": count.high, "qualifier": count.qualifier}


def incident_json(doc: Document, incident: Incident) -> dict[str, Any]:
    return {"id": incident.id, "document": doc.id,
            "date": incident.day.isoformat() if incident.day else None,
            "event_type": incident.event_type, "sub_event_type": incident.sub_event_type,
            "location": location(incident.place),
            "perpetrators": [{"name": p.name, "status": p.status} for p in incident.perpetrators],
            "killed": incident.killed, "wounded": incident.wounded,
            "related": list(incident.related), "competing_claims": incident.competing_claims,
            "evidence": evidence(doc, incident.evidence),
            "attack": attack_json(doc, incident.attack),
            "roles": [{"actor": r.actor, "role": r.role, "status": r.status, "type": r.type,
                       "evidence": evidence(doc, r.evidence)} for r in incident.roles]}


def attack_json(doc: Document, attack: Attack | None) -> dict[str, Any] | None:
    """GTD attack detail: each stated fact with its words; flags false and counts null when unstated."""
    if attack is None:
        return None

    def fact(f: Fact | None, key: str = "value") -> dict[str, Any] | None:
        return None if f is None else {key: f.value, "evidence": evidence(doc, [f.evidence])}

    def flag(f: Fact | None) -> dict[str, Any]:
        return {"value": f is not None, "evidence": evidence(doc, [f.evidence]) if f else []}

    count = {"blasts": attack.blasts, "attackers": attack.attackers}
    return {"attack_types": [fact(f, "type") for f in attack.attack_types],
            "weapons": [{"type": f.value, "subtype": f.detail, "evidence": evidence(doc, [f.evidence])}
                        for f in attack.weapons],
            "targets": [fact(f, "type") for f in attack.targets],
            "suicide": flag(attack.suicide), "coordinated": flag(attack.coordinated),
            **{k: None if f is None else {"count": int(f.value), "evidence": evidence(doc, [f.evidence])}
               for k, f in count.items()}}


def claim_json(doc: Document, claim: Claim) -> dict[str, Any]:
    return {"id": f"{doc.id}:{claim.id}", "kind": claim.kind, "actor": claim.actor,
            "speaker": claim.speaker, "against": list(claim.against),
            "incidents": list(claim.incidents), "channel": claim.channel,
            "firmness": claim.firmness, "time": iso_time(claim.time),
            "evidence": evidence(doc, claim.evidence)}


def report_json(doc: Document, report: CasualtyReport) -> dict[str, Any]:
    """A casualty report: the contract's fields, then the other categories and who was counted."""
    return {"incident": report.incident, "source": report.source,
            "killed": figure(report.killed), "wounded": figure(report.wounded),
            **{key: figure(getattr(report, key)) for key in EXTRA_CATEGORIES},
            "counted": {category: who for category, who in report.counted},
            "partial": report.partial,
            "place": report.place.name if report.place else None,
            "time": iso_time(report.time), "evidence": evidence(doc, report.evidence)}


def document_json(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None,
            "notes": list(doc.notes), "text": doc.text,
            "segments": [{"id": s.id, "label": s.label, "time": iso_time(s.time),
                          "start": s.start, "end": s.end} for s in doc.segments]}


def contract(docs: Iterable[Document]) -> dict[str, Any]:
    """Return the contract object for one or more extracted documents.

    Statements the report calls false go to ``false_statements``, not ``claims``; casualty
    reports without killed or wounded (only missing, abducted, arrested, displaced or the
    attackers' own dead) go to ``other_casualty_reports``, in the same shape.
    """
    out: dict[str, list] = {"documents": [], "incidents": [], "claims": [], "casualty_reports": [],
                            "other_casualty_reports": [], "false_statements": []}
    for doc in docs:
        out["documents"].append(document_json(doc))
        out["incidents"].extend(incident_json(doc, i) for i in doc.incidents)
        for claim in doc.claims:
            target = "false_statements" if claim.firmness == "false" else "claims"
            out[target].append(claim_json(doc, claim))
        for report in doc.casualties:
            if report.incident is not None:
                target = "casualty_reports" if report.killed or report.wounded else "other_casualty_reports"
                out[target].append(report_json(doc, report))
    return out
