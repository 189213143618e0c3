"""The reconciliation rule on its own (``marsad.reconcile``), over hand-made casualty reports."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from marsad.model import CasualtyReport, Count, Span
from marsad.reconcile import reconcile, report_reconcile, whole_tolls


def report(source: str | None, low: int | None, high: int | None, qualifier: str | None = None,
           hour: int | None = None, at: int = 0, partial: bool = False) -> CasualtyReport:
    """A killed figure from ``source``, given at ``hour`` o'clock (None: undated) at offset ``at``."""
    when = datetime(2024, 3, 4, hour, tzinfo=timezone.utc) if hour is not None else None
    return CasualtyReport(incident="i1", source=source, evidence=(Span(at, at + 10),),
                          killed=Count(low, high, qualifier), time=when, partial=partial)


def killed(reports: list[CasualtyReport]) -> dict | None:
    return reconcile(reports, lambda r: r.killed)


def test_reconcile_nothing_to_reconcile_is_none():
    assert killed([]) is None


def test_reconcile_a_rising_toll_of_one_source_is_a_history_not_a_dispute():
    rising = [report("ministry", 30, None, "at least", hour=9), report("ministry", 50, 50, hour=15)]
    assert killed(rising) == {"low": 50, "best": 50, "high": 50, "acled": 50}


def test_reconcile_two_sources_give_low_high_median_and_the_conservative_figure():
    both = [report("police", 12, 12, hour=9), report("hospital", 17, 17, hour=9)]
    assert killed(both) == {"low": 12, "best": 12, "high": 17, "acled": 12}


def test_reconcile_the_source_that_spoke_last_gives_the_best_figure():
    told = [report("police", 12, 12, hour=9), report("hospital", 17, 17, hour=14)]
    assert killed(told)["best"] == 17


def test_reconcile_an_open_figure_leaves_high_open():
    assert killed([report("police", 90, None, "at least", hour=9), report("medics", 95, 95, hour=9)])["high"] is None


def test_reconcile_a_later_vague_figure_does_not_replace_an_exact_one():
    told = [report("police", 30, 30, hour=9), report("residents", 24, None, "dozens", hour=15)]
    result = killed(told)
    assert (result["best"], result["low"], result["acled"]) == (30, 24, 24)


def test_reconcile_vague_figures_alone_still_give_a_best_figure():
    assert killed([report(None, 24, None, "dozens", hour=9)])["best"] == 24


def test_reconcile_within_one_report_the_first_exact_figure_is_best_when_none_is_newer():
    same_time = [report(None, 40, 40, at=0), report("hospital", 35, 35, at=200)]
    assert report_reconcile(same_time, lambda r: r.killed)["best"] == 40


@pytest.mark.parametrize("partial_first", [True, False])
def test_reconcile_a_partial_figure_stays_out_when_a_whole_toll_is_given(partial_first):
    part, whole = report("police", 5, 5, at=0, partial=True), report("police", 20, 20, at=100)
    kept = whole_tolls([part, whole] if partial_first else [whole, part])
    assert kept == [whole]
    assert whole_tolls([part]) == [part]        # a part alone is all there is
