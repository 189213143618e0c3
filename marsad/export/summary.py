"""A readable summary of extracted documents, for a terminal."""

from __future__ import annotations

from typing import Iterable

from marsad.model import Count, Document, Incident


def count_text(count: Count | None) -> str:
    if count is None:
        return "-"
    if count.low is not None and count.high is None:
        return f"{count.low}+"
    if count.low is None:
        return f"<={count.high}"
    return str(count.low) if count.low == count.high else f"{count.low}-{count.high}"


def figures_text(figures: dict | None) -> str:
    if not figures:
        return "-"
    high = "open" if figures["high"] is None else figures["high"]
    return f"{figures['best']} (low {figures['low']}, high {high})"


def incident_lines(doc: Document, incident: Incident) -> list[str]:
    place = incident.place
    entry = place.entry
    where = place.name if place.anchor else (entry.name if entry else place.name)
    region = ", ".join(x for x in (entry.admin1 if entry else None, entry.country if entry else None) if x)
    lines = [f"  {incident.id}  {incident.day or 'date unknown'}  {incident.event_type} / "
             f"{incident.sub_event_type}",
             f"      where: {where} ({region}; precision {place.precision})",
             f"      killed: {figures_text(incident.killed)}   wounded: {figures_text(incident.wounded)}"]
    if incident.perpetrators:
        who = ", ".join(f"{p.name} ({p.status})" for p in incident.perpetrators)
        lines.append(f"      perpetrators: {who}")
    for report in doc.casualties:
        if report.incident == incident.id:
            when = report.time.strftime("%H:%M UTC") if report.time else "report date"
            lines.append(f"      figures: killed {count_text(report.killed)}, wounded "
                         f"{count_text(report.wounded)} according to {report.source or 'unattributed'} ({when})")
    lines.extend(attack_lines(incident))
    targets = [r.actor for r in incident.roles if r.role == "target"]
    if targets:
        lines.append(f"      targets: {', '.join(targets)}")
    if incident.competing_claims:
        lines.append("      responsibility disputed: competing claims or blame")
    if incident.related:
        lines.append(f"      related: {', '.join(incident.related)}")
    return lines


def attack_lines(incident: Incident) -> list[str]:
    """Say how the attack was carried out, as the GTD records it; nothing when unstated."""
    attack = incident.attack
    if attack is None:
        return []
    weapons = ", ".join(f"{w.value} ({w.detail})" if w.detail else w.value for w in attack.weapons)
    parts = [", ".join(f.value for f in attack.attack_types), weapons and f"weapons {weapons}",
             "suicide" if attack.suicide else "",
             attack.blasts and f"{attack.blasts.value} blasts",
             attack.attackers and f"{attack.attackers.value} attackers",
             "coordinated" if attack.coordinated else ""]
    lines = [f"      attack: {'; '.join(p for p in parts if p)}"] if any(parts) else []
    if attack.targets:
        lines.append(f"      target types: {', '.join(f.value for f in attack.targets)}")
    return lines


def claim_lines(doc: Document) -> list[str]:
    ordered = sorted(doc.claims, key=lambda c: (c.time is None, c.time or 0, c.evidence[0].start))
    lines = []
    for claim in ordered:
        when = claim.time.strftime("%H:%M UTC") if claim.time else "--:--"
        against = f" against {', '.join(claim.against)}" if claim.against else ""
        via = f" via {claim.channel}" if claim.channel else ""
        flag = "" if claim.firmness == "asserted" else f" [{claim.firmness}]"
        speaker = f" (speaker: {claim.speaker})" if claim.speaker else ""
        lines.append(f"  {when}  {claim.kind}: {claim.actor}{against}{via}{flag}{speaker}")
    return lines


def summary(docs: Iterable[Document]) -> str:
    """Return incidents with place, date, type, figures and sources, then claims in time order."""
    out = []
    for doc in docs:
        out.append(f"== {doc.id}" + (f": {doc.title}" if doc.title else "")
                   + (f"  (published {doc.published})" if doc.published else ""))
        out.extend(f"  note: {note}" for note in doc.notes)
        out.append(f"Incidents ({len(doc.incidents)}):")
        for incident in doc.incidents:
            out.extend(incident_lines(doc, incident))
        if doc.claims:
            out.append("Claims, denials and accusations, in time order:")
            out.extend(claim_lines(doc))
        out.append("")
    return "\n".join(out)
