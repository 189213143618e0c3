"""Small readers of extracted documents that several test modules share."""

from __future__ import annotations


def place_of(incident) -> str:
    """The place an incident is at, as the report wrote it ("Kirkuk", not "10 km north of Kirkuk")."""
    return incident.place.anchor or incident.place.name


def incident_at(doc, name: str):
    found = [i for i in doc.incidents if place_of(i) == name]
    assert len(found) == 1, f"expected one incident at {name}, got {[place_of(i) for i in doc.incidents]}"
    return found[0]


def claims_of(doc, kind: str):
    return [c for c in doc.claims if c.kind == kind]


def statuses(incident) -> dict[str, str]:
    return {p.name: p.status for p in incident.perpetrators}


def assert_one_denial(doc, place: str, actor: str) -> None:
    """Check the report holds one denial, by actor, of the incident at place, and no claim by it."""
    [denial] = claims_of(doc, "denial")
    assert denial.actor == actor
    assert denial.against == ()
    incident = incident_at(doc, place)
    assert incident.id in denial.incidents
    assert statuses(incident).get(actor) != "claimed"      # a denial never makes a claimant
