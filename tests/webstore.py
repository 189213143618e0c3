"""A small store for the web tests, written from hand-made contracts (no model needed).

Two reports of one Kirkuk car bomb (the toll rises from 12 to 17; Islamic
State claims it), a hostile report whose text, title and URL carry script,
and a protest in Nairobi.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from marsad.ingest import build_document
from marsad.store import Store

HOSTILE_TEXT = ('<script>window.__pwned = 1</script> Gunmen attacked a village near Maiduguri on Tuesday, '
                'killing five people. <img src=x onerror="window.__pwned = 2"> '
                '<a href="javascript:window.__pwned=3">details</a>')
REPORTS = [
    {"id": "kirkuk-1", "published": date(2024, 3, 4), "url": "https://example.org/kirkuk-1", "title": "Kirkuk bomb",
     "text": "KIRKUK, Iraq - A car bomb exploded in a market in Kirkuk on Monday, killing at least 12 people, "
             "police said. Islamic State claimed responsibility for the attack on Amaq.",
     "incident": ("2024-03-04", "Explosions/Remote violence", "Remote explosive/landmine/IED",
                  ("Kirkuk", 35.468, 44.392, "IQ", "Kirkuk"), "A car bomb exploded in a market in Kirkuk"),
     "figure": ("police", 12, "at least", "killing at least 12 people"),
     "claim": ("claim", "Islamic State", "Islamic State claimed responsibility for the attack on Amaq."),
     "attack": True},
    {"id": "kirkuk-2", "published": date(2024, 3, 5), "url": None, "title": None,
     "text": "The death toll from Monday's car bombing in Kirkuk rose to 17, a health official said.",
     "incident": ("2024-03-04", "Explosions/Remote violence", "Remote explosive/landmine/IED",
                  ("Kirkuk", 35.468, 44.392, "IQ", "Kirkuk"), "Monday's car bombing in Kirkuk"),
     "figure": ("health official", 17, None, "rose to 17"), "claim": None},
    {"id": "hostile", "published": date(2024, 3, 6), "url": "javascript:window.__pwned=4",
     "title": '<img src=x onerror="window.__pwned=5">', "text": HOSTILE_TEXT, "abducted": (3, "attacked a village"),
     "incident": ("2024-03-05", "Violence against civilians", "Attack",
                  ("Maiduguri", 11.846, 13.160, "NG", "Borno"), "Gunmen attacked a village near Maiduguri"),
     "figure": (None, 5, None, "killing five people"), "claim": None},
    {"id": "nairobi", "published": date(2024, 3, 10), "url": None, "title": None,
     "text": "Thousands marched peacefully through Nairobi on Sunday against the finance bill.",
     "incident": ("2024-03-10", "Protests", "Peaceful protest", ("Nairobi", -1.283, 36.817, "KE", "Nairobi"),
                  "Thousands marched peacefully through Nairobi"),
     "figure": None, "claim": None},
]


def span(doc_id: str, text: str, quote: str) -> list[dict[str, Any]]:
    start = text.index(quote)
    return [{"document": doc_id, "start": start, "end": start + len(quote), "text": quote}]


def contract(report: dict[str, Any]) -> dict[str, Any]:
    """Return the report's contract as ``marsad extract`` would write it."""
    doc_id, text = report["id"], report["text"]
    day, event_type, sub_type, (name, lat, lon, country, admin1), quote = report["incident"]
    incident_id = f"{doc_id}:i1"
    result: dict[str, Any] = {"incidents": [{
        "id": incident_id, "document": doc_id, "date": day, "event_type": event_type, "sub_event_type": sub_type,
        "location": {"name": name, "mention": name, "lat": lat, "lon": lon, "country": country, "admin1": admin1,
                     "admin2": None, "geonameid": None, "precision": 1},
        "perpetrators": [{"name": report["claim"][1], "status": "claimed"}] if report["claim"] else [],
        "killed": None, "wounded": None, "related": [], "competing_claims": False,
        "evidence": span(doc_id, text, quote)}], "casualty_reports": [], "claims": []}
    if report["figure"]:
        source, killed, qualifier, quote = report["figure"]
        result["casualty_reports"].append({
            "id": f"{doc_id}:f1", "incident": incident_id, "source": source,
            "killed": {"low": killed, "high": None if qualifier else killed, "qualifier": qualifier},
            "wounded": None, "time": None, "evidence": span(doc_id, text, quote)})
    if report.get("attack"):
        evidence = span(doc_id, text, "car bomb")
        result["incidents"][0]["attack"] = {
            "attack_types": [{"type": "Bombing/Explosion", "evidence": evidence}],
            "weapons": [{"type": "Explosives", "subtype": "Vehicle", "evidence": evidence}],
            "targets": [{"type": "Business", "evidence": span(doc_id, text, "market")}],
            "suicide": {"value": False, "evidence": []}, "coordinated": {"value": False, "evidence": []},
            "blasts": None, "attackers": None}
        result["incidents"][0]["roles"] = [
            {"actor": "Islamic State", "role": "perpetrator", "status": "claimed", "type": "Rebel group"},
            {"actor": "Iraqi police", "role": "source", "status": None, "type": "State forces"}]
    if report.get("abducted"):
        count, quote = report["abducted"]
        result["casualty_reports"].append({
            "id": f"{doc_id}:f2", "incident": incident_id, "source": None, "killed": None, "wounded": None,
            "abducted": {"low": count, "high": count, "qualifier": None}, "counted": {}, "partial": False,
            "time": None, "evidence": span(doc_id, text, quote)})
    if report["claim"]:
        kind, actor, quote = report["claim"]
        result["claims"].append({"id": f"{doc_id}:c1", "kind": kind, "actor": actor, "speaker": None,
                                 "against": [], "channel": "Amaq", "firmness": "firm", "time": None,
                                 "incidents": [incident_id], "evidence": span(doc_id, text, quote)})
    return result


def build(location: str) -> None:
    """Write the four reports and their records into the store at ``location``."""
    with Store.open(location) as store:
        for report in REPORTS:
            doc = build_document(report["text"], report["id"], report["published"], html=False,
                                 title=report["title"], url=report["url"])
            store.add(doc, source="test")
            document_id = store.db.execute("SELECT id FROM documents WHERE name = ?", (report["id"],))[0][0]
            store.save(document_id, contract(report), (), "test")
