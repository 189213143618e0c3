"""Incidents: event mentions grouped as ACLED codes events, with figures and perpetrators.

One incident per event type, place and day: the blasts at a bus station and a
hospital in one town are parts of one incident. A mention that names only a
region joins an incident of the same type and day inside that region, and
makes a region-level incident (precision 3) only when there is none; a
mention that names only a country makes none. A generic act of violence
("the station was attacked") joins a typed incident at the same place and day.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable

from marsad.model import CasualtyReport, Claim, Document, EventMention, Incident, Perpetrator, Place
from marsad.gazetteer import normalise
from marsad.reconcile import VAGUE, report_reconcile, whole_tolls
from marsad.stages.casualty_words import category_of
from marsad.stages.events import DATELINE, place_token, speaking_capital

STATUS_RANK = {"claimed": 4, "reported": 3, "accused": 2, "suspected": 1}
VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
SUB_TYPE_RANK = {"Suicide bomb": 3}
FOLLOW_UP_DAYS = 7      # a week: "last week's bombing" is still news
NEAR_KM = 15
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
        incidents = [build_incident(f"{doc.id}:i{n}", typed_from(date_from(mentions, unplaced, lede), unplaced))
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
    towns = [p for p in ours if any(s.start <= p.span.start < s.end for s in told)]
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
    dateline = DATELINE.match(doc.text, line_start)
    return dateline is not None and place.span.start < dateline.end()


def place_key(place: Place) -> tuple:
    if place.anchor and place.lat is None:      # a town known only to lie in a country: its name
        return ("in", place.entry.geonameid if place.entry else None, normalise(place.name))
    if place.anchor:
        return ("near", place.entry.geonameid if place.entry else None, place.lat, place.lon)
    return ("at", place.entry.geonameid if place.entry else place.name.lower())


def is_region(place: Place) -> bool:
    return place.entry is not None and place.entry.feature == "A" and place.anchor is None


def is_namesake_seat(place: Place) -> bool:
    """Say whether a place is a region's seat that shares the region's name ("Latakia")."""
    entry = place.entry
    return entry is not None and place.anchor is None and entry.feature_code == "PPLA" and \
        entry.admin1 is not None and normalise(entry.admin1) == normalise(entry.name)


def is_country(place: Place) -> bool:
    """Say whether a place is a country named as such (not a town known only to lie in it)."""
    return place.entry is not None and place.entry.feature_code.startswith("PCL") and place.anchor is None


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


def near(a: Place, b: Place) -> bool:
    """Say whether two points lie within NEAR_KM, as a town and its district do."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return place_key(a) == place_key(b)
    north = math.radians(b.lat - a.lat)
    east = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(north, east) <= NEAR_KM


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
              lede: EventMention | None) -> list[EventMention]:
    """Give a group whose sentences state no day the day another sentence states.

    "X said on Monday it bombed the academy in Y. On Thursday a car bomb
    exploded near the gate." dates the bombing in Y on Thursday; failing a
    placeless sentence of its own type, the story's first dated event (its
    lede) dates it.
    """
    if any(m.day_stated for m in mentions):
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


def incidents_in(doc: Document, start: int, end: int, incidents: list[Incident]) -> list[Incident]:
    """Return the incidents whose place, or whose region, is named between two offsets."""
    named = [p for p in doc.places if start <= p.span.start < end]
    keys = {place_key(p) for p in named}
    regions = {(p.entry.country, p.entry.admin1) for p in named if p.entry is not None and is_region(p)}
    return [i for i in incidents if place_key(i.place) in keys or
            (i.place.entry is not None and (i.place.entry.country, i.place.entry.admin1) in regions)]


def nearest_named(doc: Document, offset: int, start: int, end: int, incidents: list[Incident]) -> Incident:
    """Return the incident whose place is named nearest an offset between two offsets.

    A copy that runs a whole story into one paragraph names the lede's town in
    the next sentence, and a "separately" strike's town far below.
    """
    def distance(incident: Incident) -> int:
        near = [abs(p.span.start - offset) for p in doc.places if start <= p.span.start < end
                and incidents_in(doc, p.span.start, p.span.end + 1, [incident])]
        return min(near, default=end - start)
    return min(incidents, key=distance)


def link_claim(doc: Document, claim: Claim, incidents: list[Incident]) -> Claim:
    """Tie a claim to the incidents its sentence names, else to the day's violent incidents."""
    named = [i for span in claim.evidence for i in incidents_in(doc, span.start, span.end, incidents)
             if i.event_type in VIOLENT_TYPES]
    if not named:       # "claimed the attacks": those its live-blog entry reports
        segment = doc.segment_at(claim.evidence[0].start)
        if segment is not None:
            named = [i for i in incidents_in(doc, segment.start, segment.end, incidents)
                     if i.event_type in VIOLENT_TYPES]
    if not named:
        day = claim.time.date() if claim.time else doc.published
        named = [i for i in incidents if i.event_type in VIOLENT_TYPES and
                 (day is None or i.day is None or 0 <= (day - i.day).days <= FOLLOW_UP_DAYS)]
    return replace(claim, incidents=tuple(dict.fromkeys(i.id for i in named)))


def link_report(doc: Document, report: CasualtyReport, incidents: list[Incident]) -> CasualtyReport:
    """Tie a casualty report to the incident at its place, else to one its paragraph names,
    else to the nearest one before it.

    A figure whose place has no incident of its own (the place was a capital
    standing for its government, or a town where nothing is said to have
    happened) is placed like a figure without one.
    """
    if report.place is not None:
        key = place_key(report.place)
        same = [i for i in incidents if place_key(i.place) == key]
        if same:
            return replace(report, incident=same[0].id)
        report = replace(report, place=None)
    start = report.evidence[0].start
    para_start = doc.text.rfind("\n", 0, start) + 1
    para_end = doc.text.find("\n", start)
    para_end = para_end if para_end >= 0 else len(doc.text)
    in_paragraph = incidents_in(doc, para_start, para_end, incidents)
    if report.place is None and in_paragraph:       # the town its paragraph names, the nearest one
        return replace(report, incident=nearest_named(doc, start, para_start, para_end, in_paragraph).id)
    earlier = [i for i in incidents if any(s.start <= start for s in i.evidence)]
    if report.place is None and earlier:
        nearest = max(earlier, key=lambda i: max(s.start for s in i.evidence if s.start <= start))
        return replace(report, incident=nearest.id)
    return report


def join_statements(reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """Join one source's killed figure and its wounded figure, given in two sentences, into one report.

    A figure the same source repeats for the same incident (the headline's
    "kills dozens" and the lede's "killing dozens of people") is one report too.
    """
    joined: list[CasualtyReport] = []
    for report in reports:
        same = next((j for j in joined if repeats(j, report)), None)
        if same is not None:
            linked = same if same.incident is not None else report
            joined[joined.index(same)] = replace(linked, evidence=same.evidence + report.evidence)
            continue
        partner = next((j for j in joined if j.incident == report.incident and j.source == report.source
                        and report.source is not None and j.time == report.time
                        and (j.killed is None) != (report.killed is None)
                        and (j.wounded is None) != (report.wounded is None)), None)
        if partner is None:
            joined.append(report)
            continue
        joined[joined.index(partner)] = replace(
            partner, killed=partner.killed or report.killed, wounded=partner.wounded or report.wounded,
            evidence=partner.evidence + report.evidence)
    return joined


def fold_summaries(reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """Fold the writer's own vague toll ("kills dozens") into the first named source's exact one.

    A figure no one is said to give, only "dozens" or "scores", sums up what
    the sources of the same incident say; it is no estimate of its own.
    """
    def vague(report: CasualtyReport) -> bool:
        figures = [c for c in (report.killed, report.wounded) if c is not None]
        return report.source is None and bool(figures) and all(c.qualifier in VAGUE for c in figures)

    kept = list(reports)
    for report in reports:
        exact = next((r for r in kept if r.incident == report.incident and r.source is not None
                      and r.killed is not None and r.killed.qualifier not in VAGUE), None)
        if report.incident is not None and vague(report) and exact is not None:
            kept.remove(report)
            kept[kept.index(exact)] = replace(exact, evidence=exact.evidence + report.evidence)
    return kept


def repeats(first: CasualtyReport, later: CasualtyReport) -> bool:
    """Say whether a report repeats another's figures: same source, time and figures, and the
    same incident or one of them tied to none (a headline before the story names its place)."""
    return first.source == later.source and first.time == later.time and \
        (first.killed, first.wounded) == (later.killed, later.wounded) and \
        (first.incident == later.incident or None in (first.incident, later.incident))


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
