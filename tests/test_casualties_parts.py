"""Casualty figures whose sentence gives more than one number: a whole with its breakdown,
a second place's figure with the verb left out, and the source's name.

Each report is written for these tests and runs through the real model,
GeoNames index and actor registry (the ``run_text`` fixture).
"""

from __future__ import annotations

from datetime import date

import pytest

from marsad.numbers import find_counts

MONDAY = date(2023, 3, 6)


@pytest.mark.parametrize("text, best", [
    pytest.param("Thirty-one people, 25 of them policemen and six farmers, were killed when gunmen "
                 "stormed a camp near Gao on Monday.", 31, id="breakdown-before-verb"),
    pytest.param("Officials said 40 people were killed, 12 of them children, in the strike on Kunduz "
                 "on Monday.", 40, id="breakdown-after-verb"),
])
def test_casualties_a_whole_with_its_breakdown_is_the_whole(run_text, text, best):
    doc = run_text(text, MONDAY)
    [report] = [r for r in doc.casualties if r.killed is not None]
    assert report.killed.low == best


@pytest.mark.parametrize("text, value", [
    pytest.param("DAKAR, Jun 9 - Twenty-six people died", 26, id="words"),
    pytest.param("QUITO, Feb 2 - 17 people died", 17, id="digits"),
])
def test_numbers_a_dateline_s_dash_joins_no_range(text, value):
    [(_, _, count)] = find_counts(text)
    assert (count.low, count.high) == (value, value)


@pytest.mark.parametrize("text, source", [
    pytest.param("The bus company Arriva says at least 6 people died in the depot blast in Kherson on Monday.",
                 "Arriva", id="proper-name-in-apposition"),
    pytest.param("The interior ministry of the Taliban, which rules most of the south, said "
                 "12 people were killed in Kandahar on Monday.",
                 "interior ministry of the Taliban", id="relative-clause-cut"),
])
def test_casualties_the_source_is_named_without_its_description(run_text, text, source):
    doc = run_text(text, MONDAY)
    [report] = [r for r in doc.casualties if r.killed is not None]
    assert report.source == source


def test_casualties_a_headline_toll_no_one_gives_repeats_the_named_source_s(run_text):
    doc = run_text("Rebels claim ambush on army convoy; toll rises to 35\n\n"
                   "At least 35 soldiers were killed in an ambush near Kidal on Monday, army officials said.",
                   MONDAY)
    killed = [r for r in doc.casualties if r.killed is not None and r.incident is not None]
    assert [(r.source, r.killed.low) for r in killed] == [("army officials", 35)]
    assert len(killed[0].evidence) == 2     # the headline's sentence is kept as its evidence


def test_casualties_a_speaker_across_a_semicolon_gives_no_figure(run_text):
    doc = run_text("Rebels claim ambush on army convoy near Kidal; toll rises to 35.", MONDAY)
    [report] = [r for r in doc.casualties if r.killed is not None]
    assert report.source is None
