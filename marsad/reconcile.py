"""Reconcile the figures several reports give for one incident, the way UCDP reads them.

The rule:
1. A source's newer figure supersedes its older one: a live blog's rising
   toll is a history, not a contradiction. "Newer" is the report's time, and
   for equal times its place in the text.
2. Over the latest figure of each source: ``low`` is the lowest lower bound,
   ``high`` the highest upper bound (null when any source leaves it open, as
   "at least 90" does), ``best`` the newest figure when one source spoke
   after all the others (a toll that "rose to 50" replaces the morning's
   "at least 30"), else the median of the sources' best figures (a range's
   midpoint, an open figure's lower bound), and ``acled`` the lowest best
   figure, ACLED's conservative choice. Vague figures ("dozens", "several")
   count for ``low``, ``high`` and ``acled`` but give ``best`` only when no
   source gives an exact figure.
3. Killed figures that count only part of a toll (an added "another five",
   children or women alone, "N were among the dead") stay out when any
   report gives a whole toll (``whole_tolls``); the attackers' own dead are
   never in the killed figures.
"""

from __future__ import annotations

from statistics import median_low
from typing import Callable

from marsad.model import CasualtyReport, Count

# Qualifiers of vague figures ("dozens", "several"): a report's exact figure is its best.
VAGUE = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "tens of", "several",
                   "a few", "a handful"})


def latest_orders(reports: list[CasualtyReport], figure: Callable[[CasualtyReport], Count | None]
                  ) -> dict[str | None, tuple]:
    """Return each source's newest (order, figure), order being (time, offset)."""
    latest: dict[str | None, tuple] = {}
    for report in reports:
        count = figure(report)
        if count is None:
            continue
        order = (report.time.timestamp() if report.time else 0.0, report.evidence[0].start)
        known = latest.get(report.source)
        if known is None or order >= known[0]:
            latest[report.source] = (order, count)
    return latest


def report_reconcile(reports: list[CasualtyReport], figure: Callable[[CasualtyReport], Count | None]
                     ) -> dict[str, int | None] | None:
    """Reconcile one report's figures: as ``reconcile``, except that where no figure is newer
    than another, ``best`` is the first exact figure the report gives (its headline or lede)."""
    result = reconcile(reports, figure)
    timed = {r.time for r in reports if figure(r) is not None}
    if result is None or len(timed) > 1:
        return result
    ordered = sorted((r for r in reports if figure(r) is not None), key=lambda r: r.evidence[0].start)
    exact = [figure(r) for r in ordered if figure(r).qualifier not in VAGUE and figure(r).best is not None]
    return {**result, "best": exact[0].best} if exact else result


def whole_tolls(reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """Leave out killed figures that count part of a toll ("another five", "ten children were
    among the dead") when any report gives a whole one; they are no competing estimate."""
    whole = [r for r in reports if r.killed is not None and not r.partial]
    return [r for r in reports if not r.partial] if whole else reports


def reconcile(reports: list[CasualtyReport], figure: Callable[[CasualtyReport], Count | None]
              ) -> dict[str, int | None] | None:
    """Return low/best/high/acled over the sources' latest figures, or None without any."""
    latest = sorted(latest_orders(reports, figure).values(), key=lambda x: x[0])     # oldest first
    counts = [count for _, count in latest]
    bests = [c.best for c in counts if c.best is not None]
    if not bests:
        return None
    lows = [c.low if c.low is not None else c.best for c in counts]
    highs = [c.high for c in counts]
    return {"low": min(x for x in lows if x is not None), "best": best_estimate(latest),
            "high": None if any(h is None for h in highs) else max(highs), "acled": min(bests)}


def best_estimate(latest: list[tuple[tuple, Count]]) -> int:
    """The most likely figure among the sources' latest (order, figure), oldest first.

    Vague figures ("dozens") bound a toll but estimate it only when no source
    gives an exact one: a later "dozens" does not replace an earlier 30.
    Among the figures left, a source that spoke after all the others gives
    the best figure; else it is the median.
    """
    given = [(order, c) for order, c in latest if c.best is not None]
    exact = [(order, c) for order, c in given if c.qualifier not in VAGUE]
    chosen = exact or given
    if len(chosen) > 1 and chosen[-1][0][0] > chosen[-2][0][0]:
        return chosen[-1][1].best
    return median_low([c.best for _, c in chosen])
