"""Incidents: event mentions grouped as ACLED codes events, with figures and perpetrators.

One incident per event type, place and day: the blasts at a bus station and a
hospital in one town are parts of one incident. A mention that names only a
region joins an incident of the same type and day inside that region, and
makes a region-level incident (precision 3) only when there is none; a
mention that names only a country makes none. A generic act of violence
("the station was attacked") joins a typed incident at the same place and day.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable

from marsad.model import CasualtyReport, Claim, Document, EventMention, Incident, Perpetrator, Place
from marsad.reconcile import report_reconcile, whole_tolls
from marsad.stages.casualty_words import category_of
from marsad.stages.event_days import dateline_end
from marsad.stages.events import concurrent_clause, place_token, speaking_capital
from marsad.stages.incident_places import is_country, is_namesake_seat, is_region, near, place_key
from marsad.stages.linking import (FOLLOW_UP_DAYS, VIOLENT_TYPES, fold_summaries, join_statements,
                                   link_claim, link_report)

STATUS_RANK = {"claimed": 4, "reported": 3, "accused": 2, "suspected": 1}
SUB_TYPE_RANK = {"Suicide bomb": 3}
RECENT_PAST = re.compile(r"\b(?:last|past|previous) (?:week|weekend)\b|\bearlier this week\b|"
                         r"\b(?:a few|several|two|three) days ago\b|\brecent(?:ly)?\b", re.IGNORECASE)
COORDINATED_WORDS = ("coordinated", "simultaneous", "series of", "wave of", "string of")


@dataclass
class IncidentsStage:
    """Group event mentions into incidents and attach figures and claims to them."""

    name: str = "incidents"
    requires: tuple[str, ...] = ("events", "casualties", "claims")
    assigns: tuple[str, ...] = ("incidents", "casualties", "claims")

    def __call__(self, doc: Document) -> Document:
        groups = group_mentions(doc.events) or fallback_group(doc)
        unplaced = [m for m in doc.events if m.place is None or is_country(m.place)]
        lede = min((m for m in doc.events if m.day_stated and m.day is not None),
                   key=lambda m: m.span.start, default=None)
        counted = {span.start for r in doc.casualties for span in r.evidence}
        groups = [date_from(mentions, unplaced, lede, retelling(mentions, counted, doc.text))
                  for mentions in groups]
        groups = fold_retold(join_same_day(groups), counted, doc.text)
        incidents = [build_incident(f"{doc.id}:i{n}", typed_from(mentions, unplaced))
                     for n, mentions in enumerate(groups, 1)]
        claims = [link_claim(doc, claim, incidents) for claim in doc.claims]
        reports = fold_summaries(join_statements([link_report(doc, r, incidents) for r in doc.casualties]))
        incidents = [finish(doc, incident, claims, reports) for incident in incidents]
        incidents = relate(doc, incidents)
        return doc.with_(incidents=tuple(incidents), claims=tuple(claims), casualties=tuple(reports))


def fallback_group(doc: Document) -> list[list[EventMention]]:
    """Place a report's event in the town its violent sentences name most, when none ties the two.

    Only for a report that does tell of violence (an event word and the dead
    or wounded) and names places of its focus country: the event gets that
    town at precision 2, as a coder placing it from the story would. Where
    its violent sentences name none, the region the report names most holds
    the event, at precision 3: a story on one strike names the province it
    hit more than any other. The names counted are those of the sentences
    that give its figures, else regions and their seats named anywhere (a
    lesser town named in passing may be where people fled to).
    """
    violent = [m for m in doc.events if m.event_type in VIOLENT_TYPES]
    if not violent or not tells_of_harm(doc, violent):
        return []       # a report that gives no dead or wounded may only mention violence in passing
    ours = [p for p in doc.places if p.entry is not None and not is_country(p)
            and p.entry.country == doc.extras.get("town_focus") and not in_dateline(doc, p)
            and not speaker_place(doc, p)]
    told = [m.span for m in violent]     # towns of sentences that tell of violence, not of refuge
    meanwhile = meanwhile_clauses(doc, violent)      # nor of another action going on meanwhile
    towns = [p for p in ours if any(s.start <= p.span.start < s.end for s in told)
             and not any(a <= p.span.start < b for a, b in meanwhile)]
    lead = max(violent, key=lambda m: m.specificity)
    if towns:
        counts = Counter(place_key(p) for p in towns)
        town = next(p for p in towns if counts[place_key(p)] == max(counts.values()))
        return [[replace(lead, place=replace(town, precision=max(2, town.precision)))]]
    figures = [r.evidence[0] for r in doc.casualties if r.killed or r.wounded]
    named = [p for p in ours if any(s.start <= p.span.start < s.end for s in figures)] or \
        [p for p in ours if is_region(p) or p.entry.feature_code in ("PPLA", "PPLC")]
    region = most_named_region(named)
    if region is None:
        return []
    return [[replace(lead, place=replace(region, precision=3))]]


def meanwhile_clauses(doc: Document, mentions: list[EventMention]) -> list[tuple[int, int]]:
    """Return the ranges of the mentions' sentences that tell another action going on meanwhile."""
    sentences = {m.span: doc.parsed.char_span(m.span.start, m.span.end, alignment_mode="expand")
                 for m in mentions}
    return [c for s in sentences.values() if s is not None and (c := concurrent_clause(s)) is not None]


def speaker_place(doc: Document, place: Place) -> bool:
    """Say whether a capital only says whose government spoke or acted ("the ministry in X said")."""
    token = place_token(doc.parsed, place)
    return token is not None and speaking_capital(place, token)


def tells_of_harm(doc: Document, violent: list[EventMention]) -> bool:
    """Say whether a report gives dead or wounded: a figure, or a death word in a violent
    sentence ("the army killed a commander", "the massacre in X")."""
    if any(r.killed or r.wounded for r in doc.casualties):
        return True
    sentences = (doc.parsed.char_span(m.span.start, m.span.end, alignment_mode="expand") for m in violent)
    return any(category_of(t) in ("killed", "wounded") for s in sentences if s is not None for t in s)


def most_named_region(places: list[Place]) -> Place | None:
    """Return the first town (else the region) of the admin1 region named most, first on ties."""
    counts = Counter(p.entry.admin1 for p in places if p.entry.admin1)
    if not counts:
        return None
    top = max(counts.values())
    region = next(p.entry.admin1 for p in places if counts[p.entry.admin1] == top)
    inside = [p for p in places if p.entry.admin1 == region]
    return next((p for p in inside if not is_region(p)), inside[0])


def in_dateline(doc: Document, place: Place) -> bool:
    """Say whether a place is the dateline's ("KABUL, Aug 27 -"): where the story was filed."""
    line_start = doc.text.rfind("\n", 0, place.span.start) + 1
    return place.span.start < dateline_end(doc.text, line_start)


def group_mentions(mentions: Iterable[EventMention]) -> list[list[EventMention]]:
    """Group mentions by type, place and day; fold regional, generic and undated ones into others.

    Mentions whose sentence states the day are grouped first. A mention that
    only inherits its day from a live-blog entry or the report ("the attack",
    in an update the next morning) joins an incident of the same type and
    place from up to FOLLOW_UP_DAYS earlier.
    """
    groups: dict[tuple, list[EventMention]] = {}
    later: list[EventMention] = []
    usable = [m for m in mentions if m.place is not None and not is_country(m.place)]
    for mention in sorted(usable, key=lambda m: not m.day_stated):
        if is_region(mention.place) or mention.specificity < 2:
            later.append(mention)
            continue
        key = (mention.event_type, place_key(mention.place), mention.day)
        if key not in groups and not mention.day_stated:
            key = next((k for k in groups if k[0] == key[0] and near(groups[k][0].place, mention.place)
                        and follows(groups[k][0], mention)), key)
        groups.setdefault(key, []).append(mention)
    for mention in later:
        home = next((k for k in groups if fits(k, groups[k][0], mention)), None)
        key = home or (mention.event_type, place_key(mention.place), mention.day)
        groups.setdefault(key, []).append(mention)
    return fold_passing_seats(list(groups.values()))


def fold_retold(groups: list[list[EventMention]], counted: set[int],
                text: str) -> list[list[EventMention]]:
    """Fold a group known only by a vague time into the one dated group of its type and place.

    "Last week's bombing in X", in a story that tells of a bombing in X on
    Thursday, is that bombing: a report retells its own event by a vague
    time. Only when one dated group of that type and place is told, and the
    vague sentences give no figure of their own (``counted``: the starts of
    sentences that do): "strikes on X this month killed 200" is a period's
    toll, not a retelling.
    """
    def home(group: list[EventMention]) -> int | None:
        lead = group[0]
        dated = [n for n, g in enumerate(groups) if g[0].day is not None and g[0].event_type ==
                 lead.event_type and place_key(g[0].place) == place_key(lead.place)]
        return dated[0] if len(dated) == 1 else None

    homes = {n: home(g) for n, g in enumerate(groups) if retelling(g, counted, text)}
    folded = {n: [m for v, h in homes.items() if h == n for m in groups[v]] for n in range(len(groups))}
    return [g + folded[n] for n, g in enumerate(groups) if homes.get(n) is None]


def retelling(group: list[EventMention], counted: set[int], text: str) -> bool:
    """Say whether a group is an event the report tells elsewhere, retold by a vague recent time.

    Its sentences give no day, only a recent past span ("last week's bombing",
    "the attack days ago"), and no figure of their own (``counted``: starts of
    sentences that do). A period that runs to now ("strikes this year") is
    many events, not a retelling of one.
    """
    return all(m.day is None for m in group) and any(m.day_stated for m in group) and \
        not any(m.span.start in counted for m in group) and \
        any(RECENT_PAST.search(text, m.span.start, m.span.end) for m in group)


def join_same_day(groups: list[list[EventMention]]) -> list[list[EventMention]]:
    """Join groups that dating has given one type, place and day: one incident, as grouping says."""
    joined: dict[tuple, list[EventMention]] = {}
    for n, group in enumerate(groups):
        lead = group[0]
        key = (lead.event_type, place_key(lead.place), lead.day) if lead.day is not None else n
        members = joined.setdefault(key, [])
        members.extend(m for m in group if m not in members)
    return list(joined.values())


def follows(member: EventMention, mention: EventMention) -> bool:
    """Say whether an undated mention may be a later report of a member's event."""
    if member.day is None or mention.day is None:
        return member.day == mention.day
    return 0 <= (mention.day - member.day).days <= FOLLOW_UP_DAYS


def fold_passing_seats(groups: list[list[EventMention]]) -> list[list[EventMention]]:
    """Fold a seat named once ("bombings in X and Latakia") into a fuller incident in its region.

    A name such as Latakia is both a city and its province; named once beside
    a town of that province that the report describes at length, it most
    likely means the province.
    """
    kept = []
    for group in groups:
        lead = group[0]
        home = None
        if len(group) == 1 and is_namesake_seat(lead.place):
            home = next((g for g in groups if g is not group and len(g) > 1 and
                         fits((), g[0], replace(lead, place=replace(lead.place, entry=replace(
                             lead.place.entry, feature="A"))))), None)
        if home is not None:
            home.append(lead)
        else:
            kept.append(group)
    return kept


def fits(key: tuple, member: EventMention, mention: EventMention) -> bool:
    """Say whether a regional or generic mention belongs to an existing group."""
    if member.place is None or mention.place is None:
        return False
    if member.day != mention.day and (mention.day_stated or not follows(member, mention)):
        return False
    if is_region(mention.place):
        inside = member.place.entry is not None and mention.place.entry is not None and \
            member.place.entry.country == mention.place.entry.country and \
            member.place.entry.admin1 == mention.place.entry.admin1
        return inside and member.event_type == mention.event_type
    same_place = place_key(member.place) == place_key(mention.place)
    return same_place and member.event_type in VIOLENT_TYPES


def date_from(mentions: list[EventMention], unplaced: list[EventMention],
              lede: EventMention | None, retold: bool = False) -> list[EventMention]:
    """Give a group whose sentences state no day the day another sentence states.

    "X said on Monday it bombed the academy in Y. On Thursday a car bomb
    exploded near the gate." dates the bombing in Y on Thursday; failing a
    placeless sentence of its own type, the story's first dated event (its
    lede) dates it. A ``retold`` group ("last week's bombing") states only a
    vague time, and is dated the same way.
    """
    if any(m.day_stated for m in mentions) and not retold:
        return mentions
    first = mentions[0]

    def recent(u: EventMention) -> bool:
        return u.day_stated and u.day is not None and \
            (first.day is None or 0 <= (first.day - u.day).days <= FOLLOW_UP_DAYS)

    same_type = [u for u in unplaced if u.event_type == first.event_type and recent(u)]
    if same_type:
        nearest = min(same_type, key=lambda u: min(abs(u.span.start - m.span.start) for m in mentions))
        return [replace(m, day=nearest.day, day_stated=True) for m in mentions] + [nearest]
    if lede is not None and recent(lede):
        return [replace(m, day=lede.day, day_stated=True) for m in mentions]
    return mentions


def typed_from(mentions: list[EventMention], unplaced: list[EventMention]) -> list[EventMention]:
    """Type an incident by what the report calls it where it names no town, when that is one
    thing and sharper: "gunmen raided the school in X" is "the abduction of the boys", and
    "blasts at X" are the attack "by fighters with suicide belts".
    """
    sharpest = max(m.specificity for m in mentions)
    generic = sharpest == 1
    kinds = {(u.event_type, u.sub_event_type) for u in unplaced
             if u.specificity > sharpest and u.event_type in VIOLENT_TYPES
             and (generic or u.event_type == mentions[0].event_type)}
    if len(kinds) != 1:
        return mentions
    event_type, sub_type = kinds.pop()
    return [replace(m, event_type=event_type, sub_event_type=sub_type) for m in mentions]


def build_incident(incident_id: str, mentions: list[EventMention]) -> Incident:
    """Make an incident from its mentions: the most specific place and sub-type win."""
    typed = [m for m in mentions if m.specificity >= 2] or mentions
    lead = max(typed, key=lambda m: (SUB_TYPE_RANK.get(m.sub_event_type, 1), m.specificity))
    place = min((m.place for m in mentions if m.place), key=lambda p: p.precision)
    perpetrators = tuple(Perpetrator(name, "reported") for m in mentions for name in m.perpetrators)
    evidence = tuple(dict.fromkeys(m.span for m in mentions))
    return Incident(incident_id, lead.day, lead.event_type, lead.sub_event_type, place,
                    merge_perpetrators(perpetrators), evidence=evidence)


def merge_perpetrators(perpetrators: Iterable[Perpetrator]) -> tuple[Perpetrator, ...]:
    """Keep one entry per name, with the firmest status any source gives it."""
    best: dict[str, Perpetrator] = {}
    for perpetrator in perpetrators:
        known = best.get(perpetrator.name)
        if known is None or STATUS_RANK[perpetrator.status] > STATUS_RANK[known.status]:
            best[perpetrator.name] = perpetrator
    return tuple(best.values())


def finish(doc: Document, incident: Incident, claims: list[Claim],
           reports: list[CasualtyReport]) -> Incident:
    """Add perpetrators from claims and accusations, and reconciled figures."""
    found = list(incident.perpetrators)
    for claim in claims:
        if incident.id not in claim.incidents or claim.firmness == "false":
            continue
        if claim.kind == "claim":
            found.append(Perpetrator(claim.actor, "claimed"))
        elif claim.kind == "accusation":
            status = "suspected" if claim.firmness == "hedged" else "accused"
            found.extend(Perpetrator(name, status) for name in claim.against)
    mine = [r for r in reports if r.incident == incident.id]
    return replace(incident, perpetrators=merge_perpetrators(found),
                   killed=report_reconcile(whole_tolls(mine), lambda r: r.killed),
                   wounded=report_reconcile(mine, lambda r: r.wounded),
                   competing_claims=competing(incident.id, claims))


def competing(incident_id: str, claims: list[Claim]) -> bool:
    """Say whether responsibility is disputed: two groups claim it, or one claims it while
    another is blamed for it or a claimant denies it."""
    mine = [c for c in claims if incident_id in c.incidents and c.firmness != "false"]
    claimants = {c.actor for c in mine if c.kind == "claim"}
    blamed = {name for c in mine if c.kind == "accusation" for name in c.against}
    deniers = {c.actor for c in mine if c.kind == "denial"}
    return len(claimants) > 1 or bool(claimants and (blamed - claimants or deniers & claimants))


def relate(doc: Document, incidents: list[Incident]) -> list[Incident]:
    """Link incidents of one type on one day that share a perpetrator or are called coordinated."""
    coordinated = any(word in doc.text.lower() for word in COORDINATED_WORDS)
    linked = []
    for incident in incidents:
        names = {p.name for p in incident.perpetrators}
        related = tuple(o.id for o in incidents if o.id != incident.id and same_day_type(o, incident)
                        and (coordinated or names & {p.name for p in o.perpetrators}))
        linked.append(replace(incident, related=related))
    return linked


def same_day_type(a: Incident, b: Incident) -> bool:
    day: date | None = a.day
    return day == b.day and a.event_type == b.event_type
