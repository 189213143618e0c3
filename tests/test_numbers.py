import pytest

from marsad.model import Count
from marsad.numbers import find_counts, parse_count


def figures(text: str) -> list[tuple[str, Count]]:
    """Return each figure found in text as (the text it spans, its Count)."""
    return [(text[start:end], count) for start, end, count in find_counts(text)]


@pytest.mark.parametrize("text, span, count", [
    ("45 people were killed", "45", Count(45, 45)),
    ("the blast killed 1,200 people", "1,200", Count(1200, 1200)),
    ("the blast killed 1 200 people", "1 200", Count(1200, 1200)),
    ("the blast killed 1200 people", "1200", Count(1200, 1200)),
    ("killed 2000 people", "2000", Count(2000, 2000)),
    ("ninety people were killed", "ninety", Count(90, 90)),
    ("one hundred and twenty were hurt", "one hundred and twenty", Count(120, 120)),
    ("a hundred people fled", "a hundred", Count(100, 100)),
    ("a thousand families", "a thousand", Count(1000, 1000)),
    ("two dozen soldiers", "two dozen", Count(24, 24)),
    ("a dozen soldiers", "a dozen", Count(12, 12)),
    ("half a dozen soldiers", "half a dozen", Count(6, 6)),
    ("twenty-five people", "twenty-five", Count(25, 25)),
    ("two thousand three hundred refugees", "two thousand three hundred", Count(2300, 2300)),
    ("2 million people are displaced", "2 million", Count(2_000_000, 2_000_000)),
    ("1.5 million people are displaced", "1.5 million", Count(1_500_000, 1_500_000)),
    ("one person was killed", "one", Count(1, 1)),
    ("one of the wounded died later", "one", Count(1, 1)),
    ("a 2,000-strong force", "2,000", Count(2000, 2000)),
    ("police said 4 may have died", "4", Count(4, 4)),
    ("On Sunday 45 people died", "45", Count(45, 45)),
    ("Blast Kills 45 In Jableh", "45", Count(45, 45)),
])
def test_numbers_reads_plain_figures(text, span, count):
    assert figures(text) == [(span, count)]


@pytest.mark.parametrize("text, span, count", [
    ("at least 45 people died", "at least 45", Count(45, None, "at least")),
    ("no fewer than 45 died", "no fewer than 45", Count(45, None, "at least")),
    ("a minimum of 45 died", "a minimum of 45", Count(45, None, "at least")),
    ("45 or more died", "45 or more", Count(45, None, "at least")),
    ("40+ dead", "40+", Count(40, None, "at least")),
    ("more than 40 were killed", "more than 40", Count(41, None, "more than")),
    ("over 40 were killed", "over 40", Count(41, None, "more than")),
    ("upwards of 40 were killed", "upwards of 40", Count(41, None, "more than")),
    ("in excess of 40 were killed", "in excess of 40", Count(41, None, "more than")),
    ("more than a dozen were killed", "more than a dozen", Count(13, None, "more than")),
    ("fewer than 10 died", "fewer than 10", Count(None, 9, "less than")),
    ("less than ten died", "less than ten", Count(None, 9, "less than")),
    ("nearly 40 were killed", "nearly 40", Count(None, 40, "nearly")),
    ("almost forty were killed", "almost forty", Count(None, 40, "nearly")),
    ("close to 40 were killed", "close to 40", Count(None, 40, "nearly")),
    ("just under 40 were killed", "just under 40", Count(None, 40, "nearly")),
    ("up to 30 were hurt", "up to 30", Count(None, 30, "up to")),
    ("as many as 30 were hurt", "as many as 30", Count(None, 30, "up to")),
    ("no more than 30 were hurt", "no more than 30", Count(None, 30, "up to")),
    ("about 50 died", "about 50", Count(50, 50, "approximately")),
    ("around fifty died", "around fifty", Count(50, 50, "approximately")),
    ("some 50 died", "some 50", Count(50, 50, "approximately")),
    ("roughly 50 died", "roughly 50", Count(50, 50, "approximately")),
    ("an estimated 50 died", "an estimated 50", Count(50, 50, "approximately")),
    ("50 or so died", "50 or so", Count(50, 50, "approximately")),
])
def test_numbers_reads_qualifiers(text, span, count):
    assert figures(text) == [(span, count)]


@pytest.mark.parametrize("text, span, count", [
    ("four or five were killed", "four or five", Count(4, 5, "range")),
    ("between 10 and 15 fighters", "between 10 and 15", Count(10, 15, "range")),
    ("between ten and fifteen fighters", "between ten and fifteen", Count(10, 15, "range")),
    ("10 to 15 fighters", "10 to 15", Count(10, 15, "range")),
    ("10-15 fighters", "10-15", Count(10, 15, "range")),
    ("10–15 fighters", "10–15", Count(10, 15, "range")),
    ("one or two shells", "one or two", Count(1, 2, "range")),
    ("at least four or five", "at least four or five", Count(4, None, "at least")),
    ("up to 10 or 12", "up to 10 or 12", Count(None, 12, "up to")),
    ("about 10 to 15 died", "about 10 to 15", Count(10, 15, "range")),
])
def test_numbers_reads_ranges(text, span, count):
    assert figures(text) == [(span, count)]


@pytest.mark.parametrize("text", ["toll rose from 20 to 30", "killed 5 or 3 people"])
def test_numbers_keeps_non_ranges_apart(text):
    assert [count.qualifier for _, count in figures(text)] == [None, None]


@pytest.mark.parametrize("text, span, count", [
    ("Dozens of families fled", "Dozens", Count(24, None, "dozens")),
    ("scores of people were hurt", "scores", Count(40, None, "scores")),
    ("scores were hurt", "scores", Count(40, None, "scores")),
    ("hundreds fled the town", "hundreds", Count(200, None, "hundreds")),
    ("thousands fled the town", "thousands", Count(2000, None, "thousands")),
    ("millions are displaced", "millions", Count(2_000_000, None, "millions")),
    ("tens of people", "tens", Count(20, None, "tens of")),
    ("tens of thousands fled", "tens of thousands", Count(20_000, None, "tens of")),
    ("hundreds of thousands fled", "hundreds of thousands", Count(200_000, None, "hundreds")),
    ("several people were hurt", "several", Count(3, None, "several")),
    ("several hundred people", "several hundred", Count(300, None, "several")),
    ("several dozen people", "several dozen", Count(36, None, "several")),
    ("a few people were hurt", "a few", Count(2, None, "a few")),
    ("a few thousand fled", "a few thousand", Count(2000, None, "a few")),
    ("a handful of fighters", "a handful", Count(2, None, "a handful")),
])
def test_numbers_reads_vague_plurals_as_floors(text, span, count):
    assert figures(text) == [(span, count)]


@pytest.mark.parametrize("text, expected", [
    ("THREE OR FOUR GUERRILLAS WERE KILLED", [("THREE OR FOUR", Count(3, 4, "range"))]),
    ("AT LEAST NINETY PEOPLE DIED", [("AT LEAST NINETY", Count(90, None, "at least"))]),
    ("SEVEN SOLDIERS AND TWENTY-TWO CIVILIANS WERE WOUNDED",
     [("SEVEN", Count(7, 7)), ("TWENTY-TWO", Count(22, 22))]),
    ("DOZENS OF PEASANTS FLED ON 23 MAY 1989", [("DOZENS", Count(24, None, "dozens"))]),
    ("ONE HUNDRED AND TWENTY HOUSES BURNED", [("ONE HUNDRED AND TWENTY", Count(120, 120))]),
    ("THE BRIGADE 93 LOST 12 MEN", [("12", Count(12, 12))]),
])
def test_numbers_reads_all_caps_wire_copy(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "the 2019 ceasefire held",
    "in 2016 fighters attacked",
    "since 2011, the war has raged",
    "in mid-2015 the front moved",
    "the 2011-12 offensive",
    "between 2015 and 2016",
    "at 18:30 local time",
    "UPDATE 1830 GMT",
    "the raid began at 0600",
    "at 6 pm",
    "at 7 a.m.",
    "at five o'clock",
    "on May 23",
    "on 23 May",
    "filed on Jun 14 2019 by our reporter",
    "updated Mar 72018 at noon",
    "updated Mar 142018 at noon",
    "on the 23 of May",
    "the second attack",
    "the 3rd brigade",
    "in the 1990s",
    "40% of the town",
    "5 percent of the town",
    "10 to 15 percent",
    "5 per cent",
    "$5 million in aid",
    "US$ 300 in aid",
    "20 dollars a day",
    "thousands of dollars",
    "a boy aged 12",
    "a 12-year-old boy",
    "a twelve-year-old boy",
    "a boy 12 years old",
    "a six-month-old baby",
    "Resolution 2254 was adopted",
    "on Route 66",
    "troops of Brigade 93",
    "No. 5 checkpoint",
    "the 9/11 attacks",
    "a soldier was killed",
    "no one was hurt",
    "they blamed one another",
    "the twenty-first century",
    "settle scores",
    "the 3.5 km road",
    "Nothing happened here",
])
def test_numbers_skips_what_does_not_count(text):
    assert figures(text) == []


def test_numbers_finds_every_figure_with_offsets():
    text = "Officials said at least 45 people died and 120 were hurt in the blast"
    assert find_counts(text) == [(15, 26, Count(45, None, "at least")), (43, 46, Count(120, 120))]


@pytest.mark.parametrize("text, expected", [
    ("On May 23, 2016, at least 90 people were killed and 170 wounded in Jableh",
     [("at least 90", Count(90, None, "at least")), ("170", Count(170, 170))]),
    ("A 12-year-old boy and two women were among the 7 dead",
     [("two", Count(2, 2)), ("7", Count(7, 7))]),
    ("Dozens of families fled after between 10 and 15 fighters were killed",
     [("Dozens", Count(24, None, "dozens")), ("between 10 and 15", Count(10, 15, "range"))]),
    ("The death toll rose to 45, with 12 children among them",
     [("45", Count(45, 45)), ("12", Count(12, 12))]),
])
def test_numbers_finds_figures_among_non_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("phrase, count", [
    ("at least 45", Count(45, None, "at least")),
    ("AT LEAST NINETY", Count(90, None, "at least")),
    ("dozens", Count(24, None, "dozens")),
    ("four or five", Count(4, 5, "range")),
    ("  120  ", Count(120, 120)),
    ("in 2016", None),
    ("no figure here", None),
    ("45 killed and 120 wounded", None),
])
def test_numbers_parse_count_reads_one_phrase(phrase, count):
    assert parse_count(phrase) == count


def test_numbers_best_figure_of_a_range_is_its_midpoint():
    assert parse_count("between 10 and 20").best == 15
    assert parse_count("nearly 40").best == 40
    assert parse_count("more than 40").best == 41
