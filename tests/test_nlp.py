"""Capitals copy put in sentence case for the parser: what stays a name."""

from __future__ import annotations


def test_sentence_case_keeps_a_hyphenated_acronym_in_brackets_and_where_it_recurs():
    from marsad.stages.nlp import sentence_case
    cased = sentence_case("LIMA, 3 MAY 90 -- [TEXT] THE RED DAWN UNION - ARMY OF THE SOUTH (RD-AS) "
                          "STRUCK. LATER THE RD-AS AND THE RD SENT A TEXT [RD].")
    assert "(RD-AS) struck. Later the RD-AS and the RD sent" in cased
