"""Tie casualty reports and claims to the incidents they are about.

A figure or a claim belongs to the incident at the place its sentence names,
else to the one its paragraph names nearest it, else to the nearest one told
before it. One source's figures said twice, or its killed and wounded given
in two sentences, are joined into one report.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from marsad.model import CasualtyReport, Claim, Document, Incident, Span
from marsad.reconcile import VAGUE
from marsad.stages.incident_places import is_region, place_key

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
FOLLOW_UP_DAYS = 7      # a week: "last week's bombing" is still news


def incidents_in(doc: Document, start: int, end: int, incidents: list[Incident]) -> list[Incident]:
    """Return the incidents whose place, or whose region, is named between two offsets."""
    named = doc.places_within(start, end)
    keys = {place_key(p) for p in named}
    regions = {(p.entry.country, p.entry.admin1) for p in named if p.entry is not None and is_region(p)}
    return [i for i in incidents if place_key(i.place) in keys or
            (i.place.entry is not None and (i.place.entry.country, i.place.entry.admin1) in regions)]


def nearest_named(doc: Document, sentence: Span, start: int, end: int, incidents: list[Incident]) -> Incident:
    """Return the incident whose place is named nearest a sentence, between two offsets.

    A copy that runs a whole story into one paragraph names the lede's town in
    the next sentence, and a "separately" strike's town far below. A town the
    sentence itself names is nearest of all, the first one first.
    """
    def distance(incident: Incident) -> tuple[int, int]:
        near = [(0 if sentence.start <= p.span.start < sentence.end else
                 min(abs(p.span.start - sentence.start), abs(p.span.start - sentence.end)),
                 p.span.start) for p in doc.places_within(start, end)
                if incidents_in(doc, p.span.start, p.span.end + 1, [incident])]
        return min(near, default=(end - start, 0))
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
    happened) is placed like a figure without one. A figure whose sentence
    dates its event ("On the 13th, 30 people were killed ...") counts no
    incident over a week away from that: it tells an earlier event, recalled.
    Closer days may still be one event's: a weekday, a dateline's date and a
    copy's publication date put one event on days apart more often than a
    report tells two events at one place a few days apart.
    """
    day = stated_day(doc, report.evidence[0])
    incidents = [i for i in incidents if day is None or same_days(doc, i, day)]
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
        nearest = nearest_named(doc, report.evidence[0], para_start, para_end, in_paragraph)
        return replace(report, incident=nearest.id)
    earlier = [i for i in incidents if any(s.start <= start for s in i.evidence)]
    if report.place is None and earlier:
        nearest = max(earlier, key=lambda i: max(s.start for s in i.evidence if s.start <= start))
        return replace(report, incident=nearest.id)
    return report


def stated_day(doc: Document, sentence: Span) -> date | None:
    """Return the one day the events of a sentence are said to have happened on, if any."""
    days = {m.day for m in doc.events_within(sentence.start, sentence.start + 1)
            if m.span == sentence and m.day_stated and m.day is not None}
    return days.pop() if len(days) == 1 else None


def same_days(doc: Document, incident: Incident, day: date) -> bool:
    """Say whether a day may be an incident's: near a day its sentences state, else near the
    day it was given (its report's or entry's). An incident known only by a vague time ("strikes
    this year") is a period's, not a day's."""
    stated = {d for span in incident.evidence if (d := stated_day(doc, span)) is not None}
    days = stated or ({incident.day} if incident.day is not None else set())
    return any(abs((d - day).days) <= FOLLOW_UP_DAYS for d in days)


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
    the sources of the same incident say; it is no estimate of its own. Nor is
    one no one gives that a named source gives too (a headline's "toll reaches
    40" over the story's "at least 40 killed, officials said"): it repeats it, tied to an
    incident or not yet (a headline before the story names its place).
    """
    def vague(report: CasualtyReport) -> bool:
        figures = [c for c in (report.killed, report.wounded) if c is not None]
        return report.source is None and bool(figures) and all(c.qualifier in VAGUE for c in figures)

    kept = list(reports)
    for report in reports:
        exact = next((r for r in kept if r.incident == report.incident and r.source is not None
                      and r.killed is not None and r.killed.qualifier not in VAGUE), None)
        echoed = next((r for r in kept if report.incident in (r.incident, None) and r.source is not None
                       and r.incident is not None and echoes(report, r)), None) if report.source is None else None
        if echoed is not None or (report.incident is not None and vague(report) and exact is not None):
            exact = echoed or exact
            kept.remove(report)
            kept[kept.index(exact)] = replace(exact, evidence=exact.evidence + report.evidence)
    return kept


def echoes(unsourced: CasualtyReport, named: CasualtyReport) -> bool:
    """Say whether a figure no one gives repeats a named source's: the same killed figure (its
    lower bound: "100" and "at least 100"), and no other figure of its own."""
    figures = (unsourced.killed, unsourced.wounded)
    return unsourced.killed is not None and named.killed is not None and \
        unsourced.killed.low == named.killed.low and \
        all(mine is None or mine == theirs for mine, theirs in zip(figures[1:], (named.wounded,)))


def repeats(first: CasualtyReport, later: CasualtyReport) -> bool:
    """Say whether a report repeats another's figures: same source, time and figures, and the
    same incident or one of them tied to none (a headline before the story names its place)."""
    return first.source == later.source and first.time == later.time and \
        (first.killed, first.wounded) == (later.killed, later.wounded) and \
        (first.incident == later.incident or None in (first.incident, later.incident))

