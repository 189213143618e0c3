"""Claims of responsibility told in a group's own words: its outlet's broadcast, "the rebels",
harm the event lexicon does not name. Every report here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import claims_of

DAY = date(2023, 5, 3)


@pytest.mark.parametrize("word, stem", [
    ("staged", "stage"), ("planned", "plan"), ("committing", "commit"), ("carried", "carry"),
    ("launches", "launch"), ("executed", "execute"), ("stage", "stage"),
])
def test_syntax_stems_give_the_verb_an_inflected_form_comes_from(word, stem):
    from marsad.stages.syntax import stems
    assert stem in stems(word)


def test_claims_a_verb_the_lemmatiser_misreads_still_perpetrates(run_text):
    doc = run_text("A bomb exploded at a market in Kismayo on Monday. Police said al-Shabaab "
                   "staged the bombing.", DAY)
    assert [(c.kind, c.against) for c in doc.claims] == [("accusation", ("al-Shabaab",))]


@pytest.mark.parametrize("text", [
    pytest.param("MOGADISHU, 3 May (Radio Andalus) -- Our fighters attacked a military base near "
                 "Afgoye on Tuesday, killing twelve soldiers.", id="our-fighters"),
    pytest.param("MOGADISHU, 3 May (Radio Andalus) -- The mujahideen destroyed two army trucks "
                 "near Afgoye on Tuesday.", id="unowned-fighters"),
])
def test_claims_a_report_from_a_groups_own_outlet_claims_its_acts(run_text, text):
    doc = run_text(text, DAY)
    [claim] = claims_of(doc, "claim")
    assert claim.actor == "al-Shabaab"
    assert claim.speaker == "Radio Andalus"


@pytest.mark.parametrize("text", [
    pytest.param("MOGADISHU, 3 May (Radio Andalus) -- Army troops attacked our positions near "
                 "Afgoye on Tuesday, killing three civilians.", id="the-enemy-acts"),
    pytest.param("MOGADISHU, 3 May (Radio Andalus) -- Enemy units destroyed two houses near Afgoye.",
                 id="enemy-units"),
    pytest.param("MOGADISHU, 3 May (Reuters) -- Our fighters attacked a military base near Afgoye "
                 "on Tuesday, a commander said.", id="no-outlet-of-a-group"),
])
def test_claims_what_others_do_in_a_groups_outlet_is_no_claim(run_text, text):
    assert claims_of(run_text(text, DAY), "claim") == []


def test_claims_a_groups_outlet_telling_what_the_rebels_did_claims_it(run_text):
    text = ("Radio Andalus said the fighters attacked a police station in Afgoye on Tuesday, "
            "inflicting heavy casualties.")
    [claim] = claims_of(run_text(text, DAY), "claim")
    assert claim.actor == "al-Shabaab"


def test_claims_the_rebels_speak_for_the_group_last_named(run_text):
    text = ("The National Liberation Army (ELN) launched an offensive in Arauca on Monday. "
            "The rebels claim they have inflicted more than fifty casualties on the army.")
    [claim] = claims_of(run_text(text, DAY), "claim")
    assert claim.actor == "National Liberation Army"


@pytest.mark.parametrize("text, claimant", [
    pytest.param("Al-Shabaab claimed to have destroyed two bridges near Afgoye on Monday.",
                 "al-Shabaab", id="destroyed"),
    pytest.param("Army officers said their troops destroyed three rebel camps near Arauca on Monday.",
                 None, id="a-state-telling-of-its-operations"),
])
def test_claims_harm_done_is_owned_like_an_attack(run_text, text, claimant):
    claims = claims_of(run_text(text, DAY), "claim")
    assert [c.actor for c in claims] == ([claimant] if claimant else [])


def test_claims_a_dateline_without_a_date_still_names_the_groups_outlet(run_text):
    text = "CLANDESTINE, NO DATE (RADIO ANDALUS) -- [TEXT] AT 0600 WE KILLED THREE SOLDIERS NEAR AFGOYE."
    [claim] = claims_of(run_text(text, DAY), "claim")
    assert (claim.actor, claim.speaker) == ("al-Shabaab", "Radio Andalus")


def test_claims_the_commandos_of_our_organization_are_the_speakers_own(run_text):
    text = ("Al-Shabaab issued a statement on Monday. It announced that the commandos of our "
            "organization have seized two foreign engineers near Afgoye.")
    assert [c.actor for c in claims_of(run_text(text, DAY), "claim")] == ["al-Shabaab"]


def test_claims_the_group_stands_for_an_unknown_name_headed_before_its_of(run_text):
    text = ("LIMA, 3 MAY 90 (AGENCY) -- [TEXT] TWO FARMERS WERE SHOT DEAD LAST NIGHT BY MEN FROM THE "
            "RED DAWN ARMED FORCES OF LIBERATION [RDAFL]. THE GROUP ALSO CLAIMED CREDIT FOR A BOMBING "
            "AT A BANK IN JANUARY.")
    claims = claims_of(run_text(text, date(1990, 5, 3)), "claim")
    assert [c.actor.casefold() for c in claims] == ["red dawn armed forces of liberation"]


@pytest.mark.parametrize("text", [
    pytest.param("MOGADISHU, 3 May (Radio Andalus) -- If the invaders stay, our fighters will attack "
                 "their bases near Afgoye.", id="a-threat"),
    pytest.param('MOGADISHU, 3 May (Radio Andalus) -- A soldier shouted: "We killed them all." '
                 "The broadcast gave no more detail.", id="words-it-quotes"),
    pytest.param("Al-Shabaab said its convoy was attacked near Afgoye on Monday.", id="its-own-loss"),
])
def test_claims_no_claim_for_a_threat_a_quote_or_the_groups_own_loss(run_text, text):
    assert claims_of(run_text(text, DAY), "claim") == []


def test_claims_neither_claimed_nor_denied_is_neither(run_text):
    text = ("A bomb exploded at a market in Kismayo on Monday. Al-Shabaab neither claimed nor denied "
            "responsibility for the attack.")
    assert run_text(text, DAY).claims == ()


def test_claims_a_state_army_claiming_its_operations_claims_no_responsibility(run_text):
    text = ("Fighting went on near Arauca on Monday. The Colombian army claims it has inflicted "
            "heavy casualties on the rebels.")
    assert claims_of(run_text(text, DAY), "claim") == []


def test_speakers_a_branch_speaks_for_the_group_it_belongs_to_not_its_adjective(run_text):
    text = ("A bomb killed nine people at a market in Jalalabad on Monday. The Islamic State's Afghan "
            "branch said through its Amaq news agency that one of its members had carried out the attack.")
    assert [c.actor for c in claims_of(run_text(text, DAY), "claim")] == ["Islamic State"]


@pytest.mark.parametrize("text, claimant", [
    pytest.param("The Shining Path launched an offensive on Monday. The rebels also announced that "
                 "they have placed explosive devices on the main highways.", "Shining Path",
                 id="placed-explosives"),
    pytest.param("A bomb exploded near a bank in Lima on Monday. A communique issued by the Red "
                 "Peasants Front said its commandos had planted the bomb.", "Red Peasants Front",
                 id="a-communique-issued-by-an-unknown-group"),
    pytest.param("Al-Shabaab distributed leaflets in Afgoye on Monday. The al-Shabaab leaflets read "
                 "that its fighters had ambushed an army convoy near the town.", "al-Shabaab",
                 id="the-leaflets-read"),
])
def test_claims_a_groups_text_telling_of_its_own_act_claims_it(run_text, text, claimant):
    assert [c.actor for c in claims_of(run_text(text, DAY), "claim")] == [claimant]


def test_claims_unnamed_men_telling_of_an_attack_claim_nothing(run_text):
    text = "Bandits attacked a village on Monday. Unknown men in uniform said they attacked the village."
    assert claims_of(run_text(text, DAY), "claim") == []



def test_claims_telling_that_another_did_harm_on_purpose_accuses_it(run_text):
    text = ("An air strike hit a school bus in Saada on Thursday, killing 29 children. Al-Masirah "
            "television said the Saudi-led coalition had deliberately targeted the children.")
    accusations = claims_of(run_text(text, DAY), "accusation")
    assert [(c.actor, c.against) for c in accusations] == [("Houthis", ("Saudi-led coalition",))]


@pytest.mark.parametrize("text", [
    pytest.param("Gunmen attacked a village near Kano on Monday, killing five people, police said.",
                 id="no-intent-word"),
    pytest.param("The Nigerian army said its troops deliberately targeted a rebel camp near Kano on "
                 "Monday.", id="its-own-act"),
])
def test_claims_an_attack_told_without_blame_accuses_nobody(run_text, text):
    assert run_text(text, DAY).claims == ()


def test_speakers_the_rebel_communique_is_the_last_named_groups(run_text):
    text = ("The National Liberation Army (ELN) issued a communique on Monday. The rebel communique "
            "reads that its fighters ambushed an army patrol near Arauca, killing four soldiers.")
    assert [c.actor for c in claims_of(run_text(text, DAY), "claim")] == ["National Liberation Army"]


def test_speakers_who_after_an_aside_is_the_noun_before_it(run_text):
    text = ("A bomb destroyed a plane near Cali on Monday. A radio network received a call from the "
            "Black Hand Army -- drug traffickers wanted by several federal courts -- who said they "
            "were responsible for the bombing.")
    assert [c.actor for c in claims_of(run_text(text, DAY), "claim")] == ["Black Hand Army"]

