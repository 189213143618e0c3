"""Casualty figures: their categories, who was counted, and the toll an incident keeps.

Each report is written for these tests and runs through the real model,
GeoNames index and actor registry (the ``run_text`` fixture).
"""

from __future__ import annotations

from datetime import date

import pytest

from helpers import incident_at, place_of
from marsad.numbers import find_counts

MONDAY = date(2023, 3, 6)


def reports_with(doc, category: str) -> list:
    return [r for r in doc.casualties if getattr(r, category) is not None]


# --- categories beyond killed and wounded, and who was counted --------------------------------

@pytest.mark.parametrize("text, category, low, who", [
    pytest.param("Gunmen abducted 12 villagers near Maiduguri on Monday, residents said.",
                 "abducted", 12, "civilians", id="abducted"),
    pytest.param("Police arrested 40 protesters in Lahore on Monday after clashes outside parliament.",
                 "arrested", 40, None, id="arrested"),
    pytest.param("Heavy shelling of Saraqib on Monday displaced about 3,000 residents, aid groups said.",
                 "displaced", 3000, "civilians", id="displaced"),
    pytest.param("Nine fishermen are missing after a boat was shelled off Hodeidah on Monday.",
                 "missing", 9, None, id="missing"),
])
def test_casualties_other_categories_are_figures_of_their_own(run_text, text, category, low, who):
    doc = run_text(text, MONDAY)
    [report] = reports_with(doc, category)
    assert getattr(report, category).low == low
    assert dict(report.counted).get(category) == who
    assert report.killed is None


def test_casualties_who_was_counted(run_text):
    doc = run_text("An air strike killed 14 civilians and wounded six soldiers in Douma on Monday.", MONDAY)
    [report] = doc.casualties
    assert dict(report.counted) == {"killed": "civilians", "wounded": "soldiers"}


def test_casualties_attackers_dead_are_kept_apart_from_the_victims(run_text):
    doc = run_text("A suicide bomber killed nine people at a market in Jableh on Monday. "
                   "Three attackers were killed by the guards, police said.", MONDAY)
    incident = incident_at(doc, "Jableh")
    assert incident.killed["best"] == 9
    [apart] = reports_with(doc, "attackers_killed")
    assert apart.attackers_killed.low == 3 and apart.killed is None


# --- the incident's toll ---------------------------------------------------------------------

@pytest.mark.parametrize("text, best", [
    pytest.param("Four children were among at least 30 people killed in an air strike on "
                 "Douma on Monday, a monitor said.", 30, id="among-the-dead"),
    pytest.param("Twenty-three civilians including nine children were killed in air strikes on "
                 "Douma on Monday.", 23, id="subset-before-the-verb"),
    pytest.param("At least 13 civilians mostly women and children were killed when regime "
                 "aircraft bombed a market in Douma on Monday.", 13, id="mostly-before-the-verb"),
    pytest.param("A car bomb attack on buses carrying families from two villages killed 27 people "
                 "in Jableh on Monday.", 27, id="figure-in-the-subject-of-killed"),
    pytest.param("A car bomb in Jableh on Monday claimed the lives of 11 people.", 11, id="lives"),
    pytest.param("Three citizens were martyred when shells hit Jableh on Monday.", 3, id="martyred"),
])
def test_casualties_the_toll_is_the_whole_figure(run_text, text, best):
    doc = run_text(text, MONDAY)
    [incident] = doc.incidents
    assert incident.killed["best"] == best


def test_casualties_the_report_s_first_exact_figure_is_its_best(run_text):
    doc = run_text("An air strike killed 40 people in Douma on Monday, a monitor said. "
                   "State media said 25 people were killed in the strike on Douma.", MONDAY)
    killed = incident_at(doc, "Douma").killed
    assert (killed["best"], killed["low"], killed["acled"]) == (40, 25, 25)


def test_casualties_an_added_figure_is_part_of_the_toll(run_text):
    doc = run_text("An air strike killed 12 people in Douma on Monday. "
                   "Another three people were killed in a second air strike on Douma.", MONDAY)
    assert incident_at(doc, "Douma").killed["best"] == 12
    assert [r.partial for r in doc.casualties] == [False, True]


def test_casualties_a_toll_since_a_weekday_is_no_event_s_figure(run_text):
    doc = run_text("An air strike killed 11 civilians in Douma on Monday. At least 68 civilians "
                   "have been killed in raids on the town since Saturday.", MONDAY)
    assert incident_at(doc, "Douma").killed["best"] == 11
    assert all(r.killed is None or r.killed.low != 68 for r in doc.casualties)


@pytest.mark.parametrize("text", ["05-05-2016 Several people were killed", "13-08-2013 blasts"])
def test_numbers_dates_written_with_hyphens_are_no_ranges(text):
    assert all(count.high not in (2013, 2016) for _, _, count in find_counts(text))


def test_casualties_a_figure_picking_from_a_set_is_no_toll(run_text):
    doc = run_text("Two of the wounded died in hospital in Saraqib on Monday.", MONDAY)
    assert reports_with(doc, "killed") == []


def test_casualties_last_month_s_toll_is_no_event_s_figure(run_text):
    doc = run_text("An air strike killed 9 people in Saraqib on Monday. Last month nearly 900 "
                   "civilians were killed across the country, a rights group said.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [9]


def test_casualties_a_headline_repeating_the_lede_s_figure_is_one_report(run_text):
    doc = run_text("Car bomb kills 12 in Kirkuk\n\nA car bomb killed 12 people in Kirkuk on Monday.", MONDAY)
    [report] = doc.casualties
    assert report.killed.low == 12 and len(report.evidence) == 2 and report.incident is not None


def test_casualties_the_writer_s_vague_toll_folds_into_a_named_source_s(run_text):
    doc = run_text("An air strike hit a market in Saada on Monday, killing dozens. "
                   "The health ministry said 41 people were killed.", MONDAY)
    [report] = doc.casualties
    assert (report.killed.low, len(report.evidence)) == (41, 2)
    assert "ministry" in report.source


@pytest.mark.parametrize("text, killed, wounded", [
    pytest.param("Two killed 6 injured in rocket attacks on Saraqib on Monday.", 2, 6,
                 id="a-headline-that-lost-its-commas"),
    pytest.param("A woman killed 30 injured in shelling on Saraqib on Monday.", None, 30,
                 id="the-injured-are-not-the-killed"),
    pytest.param("The blast killed 5 injured 10 in Saraqib on Monday.", 5, 10, id="verbs-before-each"),
    pytest.param("The strike killed 30 wounded soldiers at a field hospital in Saraqib on Monday.", 30,
                 None, id="wounded-as-an-adjective"),
    pytest.param("Two gunmen killed 6 villagers in Saraqib on Monday.", 6, None, id="doers-stay-doers"),
    pytest.param("Three civilians killed 12 others injured in rocket attacks on Saraqib on Monday.", 3, 12,
                 id="others-injured"),
])
def test_casualties_a_casualty_word_right_after_a_figure_is_its_own(run_text, text, killed, wounded):
    [report] = run_text(text, MONDAY).casualties
    assert (report.killed and report.killed.low, report.wounded and report.wounded.low) == (killed, wounded)


@pytest.mark.parametrize("text, best", [
    pytest.param("Ten children and five women have been killed in government air strikes on Saraqib on "
                 "Monday.", 15, id="groups-joined-by-and"),
    pytest.param("Warplanes bombed a refugee camp near Saraqib on Monday killing five women and a child.",
                 6, id="and-a-child"),
    pytest.param("A coalition raid on Saraqib on Monday killed two women and their seven children.", 9,
                 id="and-their"),
])
def test_casualties_a_toll_given_group_by_group_is_their_sum(run_text, text, best):
    [report] = reports_with(run_text(text, MONDAY), "killed")
    assert report.killed.low == report.killed.high == best


def test_casualties_a_figure_in_another_month_is_no_event_s(run_text):
    doc = run_text("Warplanes bombed a camp near Saraqib on Monday killing six people. In January a raid "
                   "on another camp in the province left 40 dead.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [6]


def test_casualties_an_earlier_event_recalled_with_came_after_gives_no_toll(run_text):
    doc = run_text("A suicide bomber killed 15 people on a bus near Sarmada on Monday. The attack came a "
                   "day after air strikes killed 26 people in the province.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [15]


def test_casualties_a_campaign_s_running_toll_is_no_event_s_figure(run_text):
    doc = run_text("A missile killed 18 civilians in Saraqib on Monday. The two-week-old battle for the "
                   "town has cost the lives of at least 63 rebels.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [18]


def test_casualties_a_figure_of_families_or_buildings_counts_no_one(run_text):
    doc = run_text("Shelling killed 9 people in Saraqib on Monday. All the dead were from three families, "
                   "and two buildings were destroyed.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [9]


def test_casualties_a_page_s_closing_list_of_other_stories_gives_no_toll(run_text):
    doc = run_text("Air raids on the rebel-held part of Saraqib killed 13 civilians on Monday, a monitor "
                   "said. Rescuers searched the rubble for survivors through the night. Source agencies "
                   "Related News Regime strikes kill 40 civilians in Idlib Talks resume in Geneva", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [13]
    assert [place_of(i) for i in doc.incidents] == ["Saraqib"]


def test_casualties_a_toll_since_an_offensive_began_is_no_event_s_figure(run_text):
    doc = run_text("A shell killed four people in Saraqib on Monday. At least 90 civilians have been "
                   "killed in the town since the army launched its offensive.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [4]


def test_casualties_a_comparison_with_since_keeps_the_event_s_toll(run_text):
    # "the deadliest ... since it began" compares one event with the rest; it gives no running total.
    doc = run_text("A helicopter was shot down near Saraqib on Monday killing five soldiers on board in the "
                   "deadliest single loss for the air force since it began operations in the province.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [5]


def test_casualties_late_in_an_earlier_month_is_no_event_s_figure(run_text):
    doc = run_text("A missile killed six civilians in Saraqib on Monday. Late January reports said that "
                   "at least 70 people were killed in raids on the province.", MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [6]


@pytest.mark.parametrize("context", [
    "The bombing came in a bloody week which also saw 30 civilians killed in Aleppo when aircraft "
    "bombed a market.",
    "The bombing came as activists reported that troops had executed 30 people in a village near Aleppo.",
    "The bombing comes amid an offensive on Aleppo in which 30 civilians were killed.",
])
def test_casualties_the_context_an_event_came_in_gives_no_toll(run_text, context):
    doc = run_text("A suicide bomber killed nine people at a checkpoint in Saraqib on Monday. " + context, MONDAY)
    assert [r.killed.low for r in reports_with(doc, "killed")] == [9]
