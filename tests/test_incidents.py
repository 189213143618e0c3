"""Incidents: which figures count which incident, and which place an incident is at."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.stages.event_days import dateline_end


def test_incidents_a_figure_dated_to_another_day_counts_no_incident_of_this_day(run_text):
    # The last sentence recalls an earlier bombing; its toll is not the motorcycle bomb's.
    text = ("A motorcycle bomb wounded three people in Saraqib on Sunday, local sources said. "
            "On October 13 30 people were killed when a suicide bomber blew himself up at a "
            "wedding hall near a village on the highway.")
    doc = run_text(text, date(2016, 10, 23))
    (incident,) = doc.incidents
    assert incident.place.name == "Saraqib"
    assert incident.killed is None and incident.wounded["best"] == 3
    recalled = [r for r in doc.casualties if r.killed is not None]
    assert [(r.killed.low, r.incident) for r in recalled] == [(30, None)]


def test_incidents_a_page_s_publication_stamp_does_not_date_the_event(run_text):
    # A copied page opens with its own day; the sentence's "on Monday" dates the strike.
    doc = run_text("Published May 2 2016 An air strike killed seven people in Saraqib on Monday, "
                   "activists said.", date(2016, 5, 9))
    (incident,) = doc.incidents
    assert incident.day == date(2016, 5, 9) and incident.killed["best"] == 7


def test_incidents_a_bare_capitalised_dateline_is_where_the_story_was_filed(run_text):
    # A copied page lost the dateline's comma and dash; the city abroad is not the strike's place.
    text = ("Last updated at Oct 04 2017 AMMAN A government air strike killed 12 civilians on Wednesday "
            "in the town of Saraqib, a monitor said.")
    doc = run_text(text, date(2017, 10, 4))
    assert [(i.place.name, i.killed["best"]) for i in doc.incidents] == [("Saraqib", 12)]


def test_incidents_a_capitalised_dateline_alone_still_places_the_event(run_text):
    doc = run_text("AMMAN A car bomb killed five people near a market on Wednesday, police said.",
                   date(2017, 10, 4))
    assert [i.place.name for i in doc.incidents] == ["AMMAN"]


def test_incidents_a_toll_for_towns_of_one_province_goes_to_its_first_town(run_text):
    # The parse ties the attacks to no place; the sentence names two towns and their province only.
    text = ("The opposition coalition condemned the massacres, citing the deaths of 20 civilians in "
            "barrel bomb attacks launched by the air force on the towns of Saraqib and Binnish in rural "
            "Idlib. Regime forces also shelled the town of Douma in rural Damascus, killing three people.")
    doc = run_text(text, date(2016, 5, 9))
    assert [i.place.name for i in doc.incidents if i.killed and i.killed["best"] == 20] == ["Saraqib"]


def test_incidents_an_unplaced_figure_goes_to_the_town_its_own_sentence_names(run_text):
    # The figure's own place is the province's seat, where nothing is said to have happened; the
    # town its sentence names wins over one named just before the sentence.
    text = ("Activists said warplanes wounded 11 people on Monday in a raid on a market in Saraqib. "
            "Regime forces also shelled homes and a school in the eastern part of the town of Douma in "
            "rural Damascus, killing three people.")
    doc = run_text(text, date(2016, 5, 9))
    assert {i.place.name: i.killed and i.killed["best"] for i in doc.incidents} == \
        {"Saraqib": None, "Douma": 3}


def test_incidents_a_figure_dated_to_a_day_counts_no_incident_known_only_by_a_vague_time(run_text):
    # "air strikes ... this year" is a period's; the clashes "on Sunday" are not among them.
    text = ("Kurdish-led fighters captured five villages west of Raqqa on Sunday, a monitor said. "
            "The group is under attack in Manbij, where a string of air strikes has hit its convoys "
            "this year. The monitor said on Monday that 11 militants were killed in clashes on Sunday.")
    doc = run_text(text, date(2016, 12, 19))
    assert {i.place.name: i.killed and i.killed["best"] for i in doc.incidents} == \
        {"Raqqa": 11, "Manbij": None}


def test_incidents_an_event_word_that_hit_something_places_its_event_at_the_sentence_s_town(run_text):
    # A copy without commas: the parse ties "Saraqib town" to no event word, yet the raids it
    # names as what hit the school are the event the toll counts.
    text = ("Thirty civilians were killed on Saturday in intense air strikes on a suburb town, a monitor "
            "said. The raids targeted a medical centre a school and a residential area in Saraqib town "
            "rebels said. Separately, government planes also bombed a rebel-held district of Aleppo on "
            "Saturday.")
    doc = run_text(text, date(2016, 7, 2))
    assert {i.place.name: i.killed and i.killed["best"] for i in doc.incidents} == \
        {"Saraqib": 30, "Aleppo": None}


def test_incidents_a_vaguely_timed_retelling_is_the_dated_event_of_its_type_and_place(run_text):
    # "Last week's car bombing in X" and the bombing in X on Thursday are one event.
    text = ("HAVANA, Mar 4 - The rebels said on Monday they carried out last week's car bombing at "
            "an army barracks in Cienfuegos, calling it a response to air raids on their camps.\n\n"
            "On Thursday a van packed with explosives blew up at the barracks gate. Nine soldiers "
            "died and 30 were wounded, the army said.")
    doc = run_text(text, date(2019, 3, 4))
    (incident,) = doc.incidents
    assert incident.place.name == "Cienfuegos" and incident.day == date(2019, 2, 28)
    assert incident.killed["best"] == 9


def test_incidents_a_vaguely_timed_toll_stays_apart_from_the_dated_event(run_text):
    # "This month" with a toll of its own is a period's strikes, not a retelling of Monday's.
    text = ("An air strike on the town of Saraqib killed five civilians on Monday, rescuers said.\n\n"
            "Air strikes on Saraqib this month have killed 200 people, according to the monitor.")
    doc = run_text(text, date(2020, 3, 10))
    assert sorted(str(i.day) for i in doc.incidents) == ["2020-03-09", "None"]



@pytest.mark.parametrize(("text", "dateline"), [
    ("MOGADISHU, Oct 16 (Reuters) - A truck bomb", "MOGADISHU, Oct 16 (Reuters) -"),
    ("MOSUL, Iraq, March 5 (Reuters) - A car bomb", "MOSUL, Iraq, March 5 (Reuters) -"),
    # the parser may split the capitals city off, leaving the rest to open the next sentence
    (", Iraq, March 5 (Reuters) - A car bomb", ", Iraq, March 5 (Reuters) -"),
    ("Kabul, 27 August 2021 — The", "Kabul, 27 August 2021 —"),
    ("Aleppo, Syria, said on Monday", ""),
])
def test_a_dateline_may_name_the_city_and_its_country(text, dateline):
    assert text[:dateline_end(text)] == dateline


def test_incidents_a_fronted_in_place_frames_its_sentence(run_text):
    # The parser hangs "In Hama" on the subject noun, tying it to no event word; the fronted
    # phrase still says where the attack was, and the next sentence's toll is that attack's.
    text = ("Air strikes hit the town of Saraqib on Sunday. In Hama army units in cooperation with "
            "local defence groups foiled an attack by gunmen on posts near a village. Twelve soldiers "
            "were killed in the clashes, a military source said.")
    doc = run_text(text, date(2016, 5, 9))
    assert {i.place.name: i.killed and i.killed["best"] for i in doc.incidents} == \
        {"Saraqib": None, "Hama": 12}


@pytest.mark.parametrize(("sentence", "opener"), [
    ("Homs A military source said a rocket attack by gunmen killed seven civilians.", "Homs"),
    ("Homs On Sunday gunmen fired rockets at a school in the city.", "Homs"),
    ("Homs governor Ali Hassan said gunmen fired rockets at a school.", None),
    ("In Homs the ministry said gunmen fired rockets at a school.", None),
    ("In Homs gunmen fired rockets at a school.", "Homs"),
])
def test_incidents_a_heading_or_fronted_in_names_the_sentence_s_place(run_text, sentence, opener):
    # A province named before its paragraph's first sentence heads it; an office ("Homs
    # governor") does not, and "In X" before a speech verb says where someone spoke.
    from marsad.stages.events import fronted_place, places_in

    doc = run_text("Army units advanced in several areas of Syria on Sunday. " + sentence, date(2016, 5, 9))
    last = list(doc.parsed.sents)[-1]
    found = fronted_place(doc, last, places_in(doc, last))
    assert (found.name if found else None) == opener


def test_incidents_a_capital_hung_on_a_bare_participle_is_where_the_rockets_fell(run_text):
    # The parser makes the capital the subject of "killing"; a bare participle has no subject.
    doc = run_text("On May 3 government forces fired rockets on rebel-held eastern rural Damascus "
                   "killing at least 30 civilians.", date(2016, 5, 9))
    assert [(i.place.name, i.killed["best"]) for i in doc.incidents] == [("Damascus", 30)]


@pytest.mark.parametrize(("text", "acting"), [
    ("On May 3 government forces fired rockets on rebel-held eastern rural Damascus killing 30 civilians.",
     False),
    ("Moscow has been staging air strikes in Syria for a year, killing hundreds of people.", True),
])
def test_incidents_only_a_finite_verb_s_subject_is_a_state_acting(run_text, text, acting):
    from marsad.stages.events import acting_state, place_token

    doc = run_text(text, date(2016, 5, 9))
    capital = next(p for p in doc.places if p.entry is not None and p.entry.feature_code == "PPLC")
    assert acting_state(capital, place_token(doc.parsed, capital)) is acting


def test_incidents_a_town_in_a_meanwhile_clause_is_not_the_event_s(run_text):
    # "as the army pushed into X" tells another action going on; the attack was on the road named next.
    text = ("Gunmen attacked a checkpoint on Monday, killing three soldiers, as the army pushed into "
            "Saraqib. The attack took place on the road to Binnish.")
    doc = run_text(text, date(2016, 5, 9))
    assert [(i.place.name, i.killed["best"]) for i in doc.incidents] == [("Binnish", 3)]


def test_incidents_a_toll_s_town_named_only_in_a_meanwhile_clause_is_passed_over(run_text):
    # The figure's sentence names the advance's town only; the attack's own town comes after.
    text = ("A car bomb attack on buses carrying evacuees killed 43 people on Saturday as rebels "
            "advanced in their push towards the stronghold of Saraqib. Bodies were still being "
            "recovered from the attack at a crossing near Binnish.")
    doc = run_text(text, date(2016, 5, 9))
    assert [(i.place.name, i.killed["best"]) for i in doc.incidents] == [("Binnish", 43)]


@pytest.mark.parametrize(("text", "meanwhile"), [
    ("A bomb killed 43 people on Saturday as rebels advanced towards the town.", "as rebels advanced"),
    ("Eleven civilians were killed as aircraft hit a residential building in the town.", None),
    ("A bomber killed 20 people at a checkpoint while the army shelled the town.", None),
])
def test_incidents_only_a_clause_of_another_action_is_a_meanwhile_clause(run_text, text, meanwhile):
    # A clause whose verb is itself the harm or an event word tells the same or its own event.
    from marsad.stages.events import concurrent_clause

    doc = run_text(text, date(2016, 5, 9))
    found = concurrent_clause(next(iter(doc.parsed.sents)))
    assert (doc.text[found[0]:found[1]].startswith(meanwhile) if meanwhile else found is None)
