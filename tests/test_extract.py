"""End-to-end behaviours of the extraction pipeline on short reports.

Every report here is written for these tests; each runs through the real
model, GeoNames index and actor registry (the ``run_text`` fixture). A test
marked ``xfail(strict=True)`` documents something the extractor gets wrong
today and fails as soon as it starts passing.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from helpers import assert_one_denial, claims_of, incident_at, place_of, statuses

from marsad.export.contract import contract

MONDAY = date(2023, 3, 6)       # the publication day of most reports below






# --- claims, denials and accusations --------------------------------------------------------

@pytest.mark.parametrize("text, place, actor, channel", [
    pytest.param(
        "A car bomb exploded at a market in Mogadishu on Monday, killing at least eight people. "
        "Al-Shabab claimed responsibility in a statement carried by its Shahada News Agency.",
        "Mogadishu", "al-Shabaab", "Shahada News Agency", id="somalia-shahada"),
    pytest.param(
        "A suicide bomber killed 18 people at a checkpoint in Ramadi on Monday. "
        "Daesh claimed the bombing in a post on the Amaq agency.",
        "Ramadi", "Islamic State", "Amaq News Agency", id="iraq-amaq"),
    pytest.param(
        "Gunmen stormed a police station in Kismayo on Monday, killing six officers. "
        "Shabaab claimed the attack in a statement on its Telegram channel.",
        "Kismayo", "al-Shabaab", "Telegram", id="somalia-telegram"),
])
def test_extract_claim_names_canonical_actor_and_channel(run_text, text, place, actor, channel):
    doc = run_text(text, MONDAY)
    [claim] = claims_of(doc, "claim")
    assert claim.actor == actor
    assert claim.firmness == "asserted"
    assert (claim.channel or "").casefold() == channel.casefold()
    incident = incident_at(doc, place)
    assert claim.incidents == (incident.id,)
    assert statuses(incident)[actor] == "claimed"


@pytest.mark.parametrize("text, place, actor", [
    pytest.param(
        "Gunmen attacked a village near Maiduguri on Sunday, killing nine farmers. "
        "Boko Haram denied any involvement in the attack.",
        "Maiduguri", "Boko Haram", id="named"),
    pytest.param(
        "A bomb exploded at a market in Kano on Monday, killing ten people. "
        "Police blamed Boko Haram, but the group denied any involvement in the attack.",
        "Kano", "Boko Haram", id="the-group"),
])
def test_extract_denial_by_resolved_actor(run_text, text, place, actor):
    assert_one_denial(run_text(text, MONDAY), place, actor)


@pytest.mark.parametrize("text, place, accuser, targets", [
    pytest.param(
        "A bomb exploded near a police station in Diyarbakir on Monday, wounding 14 people. "
        "The interior ministry blamed the PKK for the bombing.",
        "Diyarbakir", "Turkish government", ("Kurdistan Workers' Party",), id="turkey-pkk"),
    pytest.param(
        "An airstrike killed 12 people at a market in Saada on Monday. "
        "The Houthis blamed Saudi Arabia and the United States for the airstrike.",
        "Saada", "Houthis", ("Saudi Arabia", "United States"), id="yemen-two-targets"),
    pytest.param(
        "A drone struck an oil depot in Belgorod on Monday. "
        "Russia's defence ministry accused Ukraine of carrying out the attack.",
        "Belgorod", "Russian government", ("Ukraine",), id="russia-accuses-ukraine"),
])
def test_extract_accusation_with_targets(run_text, text, place, accuser, targets):
    doc = run_text(text, MONDAY)
    [accusation] = claims_of(doc, "accusation")
    assert accusation.actor == accuser
    assert accusation.against == targets
    assert accusation.firmness == "asserted"
    incident = incident_at(doc, place)
    assert accusation.incidents == (incident.id,)
    assert {name: statuses(incident)[name] for name in targets} == dict.fromkeys(targets, "accused")


def test_extract_hedged_accusation_makes_a_suspect(run_text):
    doc = run_text("A suicide bomber blew himself up at a mosque in Kunduz on Monday, killing 14 "
                   "worshippers. The interior ministry suggested that the Taliban might have "
                   "carried out the attack.", MONDAY)
    [accusation] = claims_of(doc, "accusation")
    assert (accusation.actor, accusation.against) == ("Afghan government", ("Taliban",))
    assert accusation.firmness == "hedged"
    assert statuses(incident_at(doc, "Kunduz")) == {"Taliban": "suspected"}


def test_extract_statement_called_false_is_not_a_claim(run_text):
    doc = run_text("A roadside bomb struck an army convoy in Gao, northern Mali, on Monday. "
                   "A government news agency falsely said that JNIM had claimed the attack.", MONDAY)
    by_jnim = [c for c in doc.claims if c.actor == "JNIM"]
    assert by_jnim, "the false statement should still be recorded"
    assert all(c.firmness == "false" for c in by_jnim)
    assert "JNIM" not in statuses(incident_at(doc, "Gao"))
    out = contract([doc])
    assert [c for c in out["claims"] if c["actor"] == "JNIM"] == []
    assert [c["actor"] for c in out["false_statements"]] == ["JNIM"]


# --- casualty figures -----------------------------------------------------------------------

@pytest.mark.parametrize("text, place, killed, wounded", [
    pytest.param("At least twelve people were killed and dozens wounded in Kirkuk on Monday when "
                 "a truck bomb exploded near a checkpoint.", "Kirkuk", (12, None), (24, None),
                 id="twelve-and-dozens"),
    pytest.param("Four or five soldiers were killed in an ambush near Menaka on Monday, officials "
                 "said.", "Menaka", (4, 5), None, id="four-or-five"),
])
def test_extract_figures_in_words(run_text, text, place, killed, wounded):
    doc = run_text(text, MONDAY)
    incident = incident_at(doc, place)
    [report] = [r for r in doc.casualties if r.incident == incident.id]
    assert (report.killed.low, report.killed.high) == killed
    assert (incident.killed["low"], incident.killed["high"]) == killed
    if wounded is None:
        assert report.wounded is None and incident.wounded is None
    else:
        assert (report.wounded.low, report.wounded.high) == wounded
        assert (incident.wounded["low"], incident.wounded["high"]) == wounded


@pytest.mark.parametrize("text, expected", [
    pytest.param("Three people were killed in Kandahar and seven in Herat on Monday when bombs "
                 "exploded in the two cities.", {"Kandahar": 3, "Herat": 7}, id="afghanistan"),
    pytest.param("A bomb killed 20 people in Baghdad on Monday, while 36 died in a second blast "
                 "in Basra.", {"Baghdad": 20, "Basra": 36}, id="iraq"),
    pytest.param("Airstrikes killed four people in Marib and six in Saada on Sunday.",
                 {"Marib": 4, "Saada": 6}, id="yemen-elided-verb"),
])
def test_extract_figures_for_two_places_go_to_their_incidents(run_text, text, expected):
    doc = run_text(text, MONDAY)
    assert {place_of(i): (i.killed or {}).get("best") for i in doc.incidents} == expected


def test_extract_figure_skips_the_country_named_beside_the_town(run_text):
    doc = run_text("Gunmen attacked a village near Gao in northern Mali on Sunday, killing seven "
                   "villagers.", MONDAY)
    assert (incident_at(doc, "Gao").killed or {}).get("best") == 7


def test_extract_figures_of_killing_and_wounding_in_one_clause(run_text):
    doc = run_text("Russian airstrikes hit Kharkiv on Monday, killing three people and wounding 11.",
                   MONDAY)
    incident = incident_at(doc, "Kharkiv")
    assert (incident.killed or {}).get("best") == 3
    assert (incident.wounded or {}).get("best") == 11



@pytest.mark.parametrize("text, place, source", [
    pytest.param("A bomb exploded at a bus station in Baghdad on Monday, killing five people, "
                 "according to the health ministry.", "Baghdad", "Iraqi health ministry",
                 id="according-to"),
    pytest.param("A bomb exploded at a bus station in Baghdad on Monday, killing five people, "
                 "police said.", "Baghdad", "Iraqi police", id="police-said"),
    pytest.param("A missile strike killed three people in Kharkiv on Monday, regional officials "
                 "said.", "Kharkiv", "regional officials", id="unnamed-officials"),
    pytest.param("A bomb killed three people in Kandahar on Monday, the Kabul News Agency "
                 "reported.", "Kandahar", "Kabul News Agency", id="agency-reported"),
])
def test_extract_figure_source(run_text, text, place, source):
    doc = run_text(text, MONDAY)
    incident = incident_at(doc, place)
    [report] = [r for r in doc.casualties if r.incident == incident.id]
    assert report.source == source
    [exported] = contract([doc])["casualty_reports"]
    assert exported["source"] == source


# --- live blogs -----------------------------------------------------------------------------

LIVE_BLOG = """UPDATE 1615 GMT: Al-Shabaab claimed responsibility for the Mogadishu bombing in a statement.

UPDATE 1430 GMT: A car bomb exploded at a checkpoint in Mogadishu, killing seven soldiers, police said.

ORIGINAL ENTRY: Residents of Mogadishu reported a loud explosion near the port on Monday morning.
"""


def test_extract_liveblog_claim_carries_its_entry_time(run_text):
    doc = run_text(LIVE_BLOG, MONDAY)
    assert [(s.label, s.time) for s in doc.segments] == [
        ("UPDATE 1615 GMT", datetime(2023, 3, 6, 16, 15, tzinfo=timezone.utc)),
        ("UPDATE 1430 GMT", datetime(2023, 3, 6, 14, 30, tzinfo=timezone.utc)),
        ("ORIGINAL ENTRY", None),
    ]
    [claim] = claims_of(doc, "claim")
    assert claim.actor == "al-Shabaab"
    assert claim.time == datetime(2023, 3, 6, 16, 15, tzinfo=timezone.utc)
    incident = incident_at(doc, "Mogadishu")
    assert incident.day == MONDAY and incident.killed["best"] == 7
    assert claim.incidents == (incident.id,)
    [exported] = contract([doc])["claims"]
    assert exported["time"] == "2023-03-06T16:15:00Z"
    [report] = contract([doc])["casualty_reports"]
    assert report["time"] == "2023-03-06T14:30:00Z"


# --- places ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place, not_a_place", [
    pytest.param("Airstrikes hit the town of Tal Afar on Monday, killing nine civilians who had "
                 "fled from Mosul.", "Tal Afar", "Mosul", id="fled-from"),
    pytest.param("Rebels shelled army positions in Kidal on Monday as government negotiators met "
                 "their leaders for peace talks in Algiers.", "Kidal", "Algiers", id="talks-held"),
    pytest.param("Gunmen killed a tribal elder in Kismayo on Monday as he travelled to his "
                 "ancestral home in Baidoa.", "Kismayo", "Baidoa", id="ancestral-home"),
])
def test_extract_place_named_for_another_reason_is_not_an_incident_place(
        run_text, text, place, not_a_place):
    doc = run_text(text, MONDAY)
    assert not_a_place in {p.name for p in doc.places}      # it is found, as a place...
    assert [place_of(i) for i in doc.incidents] == [place]  # ...but nothing happened there


def test_extract_figure_of_victims_who_fled_stays_where_they_died(run_text):
    doc = run_text("Airstrikes hit the town of Tal Afar on Monday, killing nine civilians who had "
                   "fled from Mosul.", MONDAY)
    assert (incident_at(doc, "Tal Afar").killed or {}).get("best") == 9


def test_extract_organisation_named_after_a_place_is_not_a_place(run_text):
    text = "A bomb killed three people in Kandahar on Monday, the Kabul News Agency reported."
    doc = run_text(text, MONDAY)
    assert [p.name for p in doc.places] == ["Kandahar"]
    agency = text.index("Kabul News Agency")
    assert not any(p.span.start < agency + len("Kabul News Agency") and agency < p.span.end
                   for p in doc.places)


@pytest.mark.parametrize("text, anchor, km, north", [
    pytest.param("A roadside bomb exploded 10 km north of Kirkuk on Monday, killing two soldiers.",
                 "Kirkuk", 10, 1, id="km-north"),
    pytest.param("Gunmen ambushed a bus 15 kilometres south of Maiduguri on Monday, killing four "
                 "passengers.", "Maiduguri", 15, -1, id="kilometres-south"),
    pytest.param("A roadside bomb exploded five miles south of Mosul on Monday, killing two "
                 "soldiers.", "Mosul", 5 * 1.609344, -1, id="miles-in-words"),
])
def test_extract_relative_location_is_offset_from_its_anchor(run_text, text, anchor, km, north):
    doc = run_text(text, MONDAY)
    incident = incident_at(doc, anchor)
    place = incident.place
    assert place.anchor == anchor and place.precision == 2
    assert place.lon == pytest.approx(place.entry.lon, abs=1e-4)
    assert (place.lat - place.entry.lat) * 111.32 == pytest.approx(north * km, abs=0.1)
    location = contract([doc])["incidents"][0]["location"]
    assert location["precision"] == 2
    assert (location["lat"], location["lon"]) == (place.lat, place.lon)


@pytest.mark.parametrize("text, place", [
    pytest.param("A bomb exploded in Kandahar on Monday.", "Kandahar", id="kandahar"),
    pytest.param("A bomb exploded in Kano on Monday, killing ten people.", "Kano", id="kano"),
])
def test_extract_city_sharing_its_province_name_is_the_city(run_text, text, place):
    incident = incident_at(run_text(text, MONDAY), place)
    assert incident.place.entry.feature == "P"
    assert incident.place.precision == 1



def test_extract_lone_city_resolves_to_the_city_of_that_name(run_text):
    incident = incident_at(run_text("A bomb killed three people in Jalalabad on Monday.", MONDAY),
                           "Jalalabad")
    assert (incident.place.entry.name, incident.place.entry.country) == ("Jalālābād", "AF")


# --- event types ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, place, event_type, sub_event_type", [
    pytest.param("Hundreds of people held a protest in Lagos on Monday against fuel price rises.",
                 "Lagos", "Protests", "Peaceful protest", id="protest"),
    pytest.param("Police used tear gas to disperse protesters in Nairobi on Monday.",
                 "Nairobi", "Protests", "Protest with intervention", id="tear-gas-used"),
    pytest.param("Police fired tear gas at protesters in Nairobi on Monday.",
                 "Nairobi", "Protests", "Protest with intervention", id="tear-gas-fired"),
    pytest.param("Clashes between the army and rebels broke out in Kidal on Monday.",
                 "Kidal", "Battles", "Armed clash", id="clashes"),
    pytest.param("Clashes between the army and ELN rebels erupted in Arauca on Monday.",
                 "Arauca", "Battles", "Armed clash", id="clashes-colombia"),
    pytest.param("Government forces clashed with rebels near Kidal on Monday.",
                 "Kidal", "Battles", "Armed clash", id="clashed-with"),
    pytest.param("Gunmen ambushed a bus near Mandera on Monday, killing four passengers.",
                 "Mandera", "Violence against civilians", "Attack", id="ambush-on-civilians"),
    pytest.param("A drone struck an oil depot in Belgorod on Monday.",
                 "Belgorod", "Explosions/Remote violence", "Air/drone strike", id="drone-as-subject"),
    pytest.param("Russian missiles struck Odesa on Sunday, killing two people.",
                 "Odesa", "Explosions/Remote violence", "Shelling/artillery/missile attack",
                 id="city-as-object"),
    pytest.param("Eleven people were killed in Kirkuk on Monday when a truck bomb exploded near a "
                 "checkpoint.", "Kirkuk", "Explosions/Remote violence",
                 "Remote explosive/landmine/IED", id="specific-word-in-when-clause"),
    pytest.param("An airstrike hit a house in Saada on Monday, killing five civilians.",
                 "Saada", "Explosions/Remote violence", "Air/drone strike", id="airstrike"),
    pytest.param("Russian airstrikes hit Kharkiv on Monday, killing three people.",
                 "Kharkiv", "Explosions/Remote violence", "Air/drone strike", id="airstrikes-ukraine"),
    pytest.param("A car bomb exploded outside a hotel in Mogadishu on Monday.",
                 "Mogadishu", "Explosions/Remote violence", "Remote explosive/landmine/IED",
                 id="outside-a-hotel"),
])
def test_extract_event_type(run_text, text, place, event_type, sub_event_type):
    incident = incident_at(run_text(text, MONDAY), place)
    assert (incident.event_type, incident.sub_event_type) == (event_type, sub_event_type)


# --- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    pytest.param("A bomb exploded in a market in Maiduguri on Monday, killing six people.",
                 date(2023, 3, 6), id="monday-is-that-day"),
    pytest.param("A bomb exploded in a market in Maiduguri on Sunday, killing six people.",
                 date(2023, 3, 5), id="sunday-is-the-day-before"),
    pytest.param("A bomb exploded in a market in Maiduguri on Tuesday, killing six people.",
                 date(2023, 2, 28), id="tuesday-is-last-week"),
])
def test_extract_weekday_counts_back_from_publication(run_text, text, day):
    assert MONDAY.weekday() == 0
    incident = incident_at(run_text(text, MONDAY), "Maiduguri")
    assert incident.day == day


# --- nothing to extract ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("The president of Colombia met business leaders in Bogota on Monday to discuss "
                 "the economy and tax reform.", id="meeting"),
    pytest.param("Heavy rain is expected across southern Mali this week, the national weather "
                 "service said.", id="weather"),
    pytest.param("Ukraine's parliament in Kyiv approved a new budget on Monday after a long "
                 "debate.", id="parliament"),
])
def test_extract_text_without_an_event_has_no_incidents(run_text, text):
    doc = run_text(text, MONDAY)
    assert doc.incidents == ()
    assert doc.claims == ()
    out = contract([doc])
    assert (out["incidents"], out["claims"], out["casualty_reports"]) == ([], [], [])


def test_extract_evidence_offsets_point_into_the_text(run_text):
    doc = run_text(LIVE_BLOG, MONDAY)
    out = contract([doc])
    text = out["documents"][0]["text"]
    items = [e for key in ("incidents", "claims", "casualty_reports")
             for record in out[key] for e in record["evidence"]]
    assert items
    for item in items:
        assert 0 <= item["start"] < item["end"] <= len(text)
        assert text[item["start"]:item["end"]] == item["text"]


def test_extract_example_report_gives_one_incident_with_its_history(pipeline):
    """The report `make demo` shows: one bombing, a rising toll, a hedged accusation."""
    from pathlib import Path

    from marsad.ingest import read_path

    example = Path(__file__).resolve().parents[1] / "examples" / "gaziantep-2016-08-20.txt"
    doc = pipeline(read_path(example, date(2016, 8, 21)))
    [incident] = doc.incidents
    assert (incident.day, incident.sub_event_type, incident.place.entry.admin1) == \
        (date(2016, 8, 20), "Suicide bomb", "Gaziantep")
    assert incident.killed["best"] == 50 and incident.killed["low"] == 30
    assert {(p.name, p.status) for p in incident.perpetrators} == {("Islamic State", "suspected")}
    [accusation] = [c for c in doc.claims if c.kind == "accusation"]
    assert accusation.firmness == "hedged" and accusation.speaker == "Recep Tayyip Erdogan"


def test_extract_a_story_told_through_foreign_powers_is_placed_at_its_town(run_text):
    # The countries named as actors (the US, Russia) outnumber the one town; the
    # event still goes to the town its violent sentences name.
    text = ("A US-led coalition air strike killed at least 18 civilians on Tuesday in what used to be "
            "the militants' main stronghold of Raqqa, a monitor said. The United States said it was "
            "looking into the report. Russia and the United States traded blame at the United Nations.")
    doc = run_text(text, date(2017, 10, 3))
    assert [i.place.entry.name for i in doc.incidents] == ["Ar Raqqah"]


def test_extract_an_unplaced_figure_goes_to_the_town_named_nearest_it_in_a_run_on_paragraph(run_text):
    # Some copy runs the whole story into one paragraph: the lede's figure has no town, the next
    # sentence names it, and a separate strike in another town comes much later.
    text = ("Twenty civilians were killed on Saturday in intense air strikes on a suburb town "
            "northeast of the capital, rebels said. The raids hit a school and a market in Douma, "
            "residents said. The town had agreed a truce with the army last year and had been "
            "spared for months, and many families had moved there from other areas. Separately, "
            "government planes also bombed a rebel-held area of Aleppo on Saturday.")
    doc = run_text(text, date(2016, 7, 2))
    (with_figure,) = [i for i in doc.incidents if i.killed is not None]
    assert with_figure.place.entry.name in ("Douma", "Dūmā")


def test_extract_a_capital_that_acts_is_no_event_place_and_its_figure_finds_the_event(run_text):
    text = ("Moscow has been staging air strikes against militants in Deir Ezzor province, where "
            "60 fighters were killed on Friday, the defence ministry said. Officials in Damascus "
            "welcomed the raids.")
    doc = run_text(text, date(2017, 10, 7))
    assert "Moscow" not in [i.place.name for i in doc.incidents]
    assert [i.killed["best"] for i in doc.incidents if i.killed is not None] == [60]


@pytest.mark.parametrize("text", [
    "A clandestine group, the Black Hand Brigade, claimed responsibility for the bombing of the bank "
    "in Lima on Monday, police said.",
    "LIMA, 3 MAR 90 -- A CLANDESTINE ORGANIZATION, \"BLACK HAND BRIGADE\" (BHB), HAS CLAIMED "
    "RESPONSIBILITY FOR MONDAY'S BOMBING OF A BANK IN LIMA, THE POLICE REPORTED.",
])
def test_extract_a_group_named_in_apposition_is_the_claimant(run_text, text):
    doc = run_text(text, date(1990, 3, 3))
    claims = [c for c in doc.claims if c.kind == "claim"]
    assert claims and claims[0].actor.casefold() in ("black hand brigade", "bhb")     # as written


def test_sentence_case_keeps_bracketed_acronyms_and_quoted_names_and_every_offset():
    from marsad.stages.nlp import sentence_case
    text = 'THE GROUP "RED DAWN" (RDF) STRUCK AGAIN. POLICE SAID SO.'
    cased = sentence_case(text)
    assert cased == 'The group "Red Dawn" (RDF) struck again. Police said so.'
    assert len(cased) == len(text)


def test_sentence_case_starts_no_sentence_at_a_wrapped_line_but_does_at_a_paragraph():
    from marsad.stages.nlp import sentence_case
    text = ("LIMA, 3 MAY 90 -- THE NORTHERN COMMAND OF THE RED DAWN FRONT [RDF] TODAY\n"
            "ADMITTED RESPONSIBILITY FOR THE RAID ON THE BARRACKS.\n\n"
            "NOBODY ELSE SPOKE.")
    cased = sentence_case(text)
    assert "today\nadmitted responsibility" in cased
    assert "front [RDF]" in cased
    assert "\n\nNobody else" in cased


def test_extract_a_wrapped_capitals_line_keeps_the_claim_whole(run_text):
    text = ("QUITO, 3 MAY 90 -- [TEXT] THE GUERRILLAS OF THE RED DAWN PATRIOTIC FRONT\n"
            "ADMITTED RESPONSIBILITY THIS MORNING FOR THE BOMBING OF A POLICE POST IN\n"
            "THE CAPITAL, IN WHICH TWO OFFICERS WERE KILLED.\n")
    doc = run_text(text, date(1990, 5, 3))
    assert [c.kind for c in doc.claims] == ["claim"]


def test_sentence_case_capitalises_a_group_name_known_by_its_shape_only():
    from marsad.stages.nlp import sentence_case
    cased = sentence_case("POLICE SAID THE LUIS PEREZ REVOLUTIONARY FRONT AND THE ARMY OF NATIONAL "
                          "LIBERATION ATTACKED. SOLDIERS KILLED THREE REVOLUTIONARY ARMY MEMBERS.")
    assert "the Luis Perez Revolutionary Front and the Army of National Liberation attacked" in cased
    assert "Soldiers killed three revolutionary army members." in cased


def test_sentence_case_keeps_an_introduced_acronym_wherever_it_recurs_but_not_an_editors_tag():
    from marsad.stages.nlp import sentence_case
    cased = sentence_case("LIMA, 3 MAY 90 -- [TEXT] THE RED DAWN FRONT [RDF] STRUCK. LATER THE RDF "
                          "SENT A TEXT.")
    assert "[text] the red dawn front [RDF] struck. Later the RDF sent a text." in cased


def test_extract_in_capitals_copy_a_common_noun_phrase_is_no_claimant_name(run_text):
    text = ("LIMA, 3 MAY 90 (AGENCY) -- [TEXT] THE MINISTER ADDED THAT THIS ALLEGED ORGANIZATION, "
            "WHICH CLAIMED RESPONSIBILITY FOR THE MURDER OF THE MAYOR, HAS NO FOREIGN TIES.")
    doc = run_text(text, date(1990, 5, 3))
    assert [c.actor for c in doc.claims if c.kind == "claim"] == []


def test_nlp_a_capitals_dateline_and_its_tag_end_before_the_first_sentence(nlp):
    from marsad.ingest import read_text
    from marsad.stages.nlp import NlpStage
    text = ("LIMA, 3 MAY 90 (AGENCY) -- [TEXT] THE RED DAWN FRONT HAS CLAIMED RESPONSIBILITY FOR A "
            "BOMBING IN THE CAPITAL.")
    parsed = NlpStage(nlp)(read_text(text, "t", date(1990, 5, 3))).parsed
    story = text.index("THE RED DAWN")
    assert story in [s.start_char for s in parsed.sents]
    assert parsed[-2].sent.start_char == story


def test_extract_an_event_that_leaves_the_dead_is_no_background(run_text):
    # "leave" names what people fled ("left the fighting behind") only when the event is its object.
    doc = run_text("Artillery shelling on the town of Ariha on Tuesday left 14 dead, medics said.",
                   date(2016, 5, 4))
    assert [(i.place.name, i.killed["best"]) for i in doc.incidents] == [("Ariha", 14)]
    doc = run_text("Hundreds of families left the shelling behind and reached Ariha on Tuesday, medics said.",
                   date(2016, 5, 4))
    assert doc.incidents == ()
