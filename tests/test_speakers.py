"""Speakers: reading who an accusation names."""

import spacy
from spacy.tokens import Span as TokenSpan

from marsad.stages.speakers import entity_around


def test_entity_around_walks_out_to_the_whole_entity():
    parsed = spacy.blank("en")("Officials in the United Arab Emirates blamed them")
    parsed.ents = [TokenSpan(parsed, 3, 6, label="GPE")]
    assert entity_around(parsed[4]).text == "United Arab Emirates"
    assert entity_around(parsed[3]).text == "United Arab Emirates"
    assert entity_around(parsed[0]).text == "Officials"
