"""Actor roles per incident: perpetrator, target, claimant and source, each with its sentence.

Perpetrators, claimants and sources come from what the earlier stages tied to
the incident (event sentences, claims, casualty reports). Targets come from
the attack detail: an actor the registry names inside the target's words
("attacked a Syrian army checkpoint"), else the state or civilians of the
incident's country as ACLED names them ("Police Forces of Iraq",
"Civilians (Nigeria)"). Each role carries its actor's ACLED type where known,
which the ACLED export turns into ``inter1``/``inter2``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterator

from marsad.actors import ActorRegistry
from marsad.model import Document, Fact, Incident, Role
from marsad.stages.actors import actor_at

# Target types whose victims ACLED names as a state body or as civilians.
STATE_TARGETS = {"Military": "state forces", "Police": "police", "Government (General)": "government"}
CIVILIAN_TARGETS = frozenset({
    "Private Citizens & Property", "Transportation", "Health", "Educational Institution",
    "Religious Figures/Institutions", "Refugees/IDPs", "Journalists & Media", "Business",
    "Tourists", "NGO", "Airports & Aircraft", "Maritime"})

# The head noun of a group the report does not name, and the ACLED type ACLED gives
# such a group: an unidentified armed group is a political militia.
GROUP_HEADS = {
    **dict.fromkeys(("gunmen", "militants", "fighters", "insurgents", "jihadists", "extremists",
                     "attackers", "assailants", "militiamen", "militia", "militias"), "Political militia"),
    **dict.fromkeys(("rebels", "separatists", "guerrillas"), "Rebel group"),
    **dict.fromkeys(("protesters", "protestors", "demonstrators", "marchers"), "Protesters"),
    **dict.fromkeys(("rioters", "mob"), "Rioters"),
}


@dataclass
class RolesStage:
    """List who did, suffered, claimed and reported each incident."""

    registry: ActorRegistry
    name: str = "roles"
    requires: tuple[str, ...] = ("incidents", "claims", "casualties", "actors", "events")
    assigns: tuple[str, ...] = ("incidents",)

    def find(self, doc: Document) -> list[Incident]:
        return [replace(i, roles=tuple(self.typed(doc, r) for r in unique(self.roles(doc, i))))
                for i in doc.incidents]

    def typed(self, doc: Document, role: Role) -> Role:
        """Give a role its actor's ACLED type: the registry's, else the one its mention was given
        in this report ("the army" is State forces), else the one its head noun tells of a group
        nobody named ("gunmen"); civilians named by country are Civilians."""
        entry = self.registry.find(role.actor)
        kind = entry.type if entry is not None else next(
            (a.kind for a in doc.actors if a.name == role.actor and a.kind not in (None, "Person")),
            "Civilians" if role.actor.startswith("Civilians (") else
            GROUP_HEADS.get(role.actor.split()[-1].lower()) if role.actor.split() else None)
        return replace(role, type=kind)

    def __call__(self, doc: Document) -> Document:
        return doc.with_(incidents=tuple(self.find(doc)))

    def roles(self, doc: Document, incident: Incident) -> Iterator[Role]:
        claims = [c for c in doc.claims if incident.id in c.incidents and c.firmness != "false"]
        for perpetrator in incident.perpetrators:
            said = [c.evidence[0] for c in claims
                    if c.actor == perpetrator.name or perpetrator.name in c.against]
            told = [m.span for m in doc.events if perpetrator.name in m.perpetrators
                    and m.span in incident.evidence]
            yield Role(perpetrator.name, "perpetrator", tuple(dict.fromkeys(told + said))[:2]
                       or incident.evidence[:1], perpetrator.status)
        for fact in incident.attack.targets if incident.attack else ():
            name = self.target(doc, incident, fact)
            if name is not None:
                yield Role(name, "target", (fact.evidence,))
        for claim in claims:
            if claim.kind == "claim":
                yield Role(claim.actor, "claimant", claim.evidence[:1])
        for report in doc.casualties:
            if report.incident == incident.id and report.source:
                yield Role(report.source, "source", report.evidence[:1])

    def target(self, doc: Document, incident: Incident, fact: Fact) -> str | None:
        """Name who a target fact denotes: a registry actor in its words, else the state or civilians."""
        named = actor_at(doc, fact.evidence.start, fact.evidence.end)
        if named is not None and named.kind not in (None, "Person"):
            return named.name
        country = incident.place.entry.country if incident.place.entry else None
        entry = self.registry.country_by_code(country) if country else None
        if entry is None:
            return None
        if fact.value in STATE_TARGETS:
            return self.registry.name_for(entry.iso2, STATE_TARGETS[fact.value])
        if fact.value in CIVILIAN_TARGETS:
            return f"Civilians ({entry.name})"
        return None


def unique(roles: Iterator[Role]) -> Iterator[Role]:
    """Keep one role per actor and role, the first found."""
    seen: set[tuple[str, str]] = set()
    for role in roles:
        if (role.actor, role.role) not in seen:
            seen.add((role.actor, role.role))
            yield role
