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
