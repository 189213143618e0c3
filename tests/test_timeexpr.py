from datetime import date, timedelta

import pytest

from marsad.timeexpr import find_day_expressions, resolve_day

MONDAY = date(2016, 5, 23)   # a report published on a Monday


@pytest.mark.parametrize("expression, days_before", [
    ("today", 0),
    ("earlier today", 0),
    ("this morning", 0),
    ("this afternoon", 0),
    ("this evening", 0),
    ("tonight", 0),
    ("yesterday", 1),
    ("yesterday morning", 1),
    ("yesterday evening", 1),
    ("last night", 1),
    ("the day before yesterday", 2),
    ("two days ago", 2),
    ("3 days ago", 3),
    ("a day ago", 1),
    ("ten days ago", 10),
    ("YESTERDAY", 1),
    ("LAST NIGHT", 1),
    ("Last night.", 1),
])
def test_timeexpr_resolves_relative_days(expression, days_before):
    assert resolve_day(expression, MONDAY) == MONDAY - timedelta(days=days_before)


@pytest.mark.parametrize("expression, day", [
    ("on Monday", date(2016, 5, 23)),        # the publication day itself
    ("Monday", date(2016, 5, 23)),
    ("on Sunday", date(2016, 5, 22)),
    ("on Saturday", date(2016, 5, 21)),
    ("on Friday", date(2016, 5, 20)),
    ("on Thursday", date(2016, 5, 19)),
    ("on Wednesday", date(2016, 5, 18)),
    ("on Tuesday", date(2016, 5, 17)),
    ("early on Tuesday", date(2016, 5, 17)),
    ("late Saturday night", date(2016, 5, 21)),
    ("on Sunday morning", date(2016, 5, 22)),
    ("ON SUNDAY", date(2016, 5, 22)),
])
def test_timeexpr_weekday_is_on_or_before_publication(expression, day):
    assert resolve_day(expression, MONDAY) == day


@pytest.mark.parametrize("expression, day", [
    ("last Monday", date(2016, 5, 16)),      # strictly before the publication day
    ("last Sunday", date(2016, 5, 22)),
    ("last Tuesday", date(2016, 5, 17)),
    ("LAST MONDAY", date(2016, 5, 16)),
])
def test_timeexpr_last_weekday_is_strictly_before(expression, day):
    assert resolve_day(expression, MONDAY) == day


@pytest.mark.parametrize("published", [MONDAY + timedelta(days=n) for n in range(7)])
def test_timeexpr_weekday_never_lands_after_publication(published):
    for name in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        on = resolve_day(f"on {name}", published)
        last = resolve_day(f"last {name}", published)
        assert on.strftime("%A") == last.strftime("%A") == name
        assert 0 <= (published - on).days <= 6
        assert 1 <= (published - last).days <= 7


@pytest.mark.parametrize("expression, published, day", [
    ("on May 23", MONDAY, date(2016, 5, 23)),
    ("May 20", MONDAY, date(2016, 5, 20)),
    ("20 May", MONDAY, date(2016, 5, 20)),
    ("on 20 May", MONDAY, date(2016, 5, 20)),
    ("the 20th of May", MONDAY, date(2016, 5, 20)),
    ("May 20th", MONDAY, date(2016, 5, 20)),
    ("May 23, 2016", MONDAY, date(2016, 5, 23)),
    ("23 May 2016", MONDAY, date(2016, 5, 23)),
    ("on Dec. 5, 2015", MONDAY, date(2015, 12, 5)),
    ("Sept 5", MONDAY, date(2015, 9, 5)),             # no year: the latest in the past
    ("December 28", date(2017, 1, 3), date(2016, 12, 28)),
    ("May 24", MONDAY, date(2016, 5, 24)),            # one day of grace for time zones
    ("May 25", MONDAY, date(2015, 5, 25)),
    ("2016-05-20", MONDAY, date(2016, 5, 20)),
    ("ON 23 MAY 1989", MONDAY, date(1989, 5, 23)),
])
def test_timeexpr_resolves_calendar_dates(expression, published, day):
    assert resolve_day(expression, published) == day


@pytest.mark.parametrize("expression", [
    "last week", "this week", "earlier this week", "last month", "last year", "last weekend",
    "over the weekend", "two weeks ago", "a few months ago", "LAST WEEK",
])
def test_timeexpr_vague_expressions_resolve_to_none(expression):
    assert resolve_day(expression, MONDAY) is None


@pytest.mark.parametrize("expression", [
    "February 30", "2016-02-30", "February 29, 2015", "next Monday", "the 23rd", "soon", "",
])
def test_timeexpr_unresolvable_expressions_give_none(expression):
    assert resolve_day(expression, MONDAY) is None


@pytest.mark.parametrize("text, expected", [
    ("The attack took place on Monday, May 23, 2016, in Jableh.", ["on Monday", "May 23, 2016"]),
    ("Last night a bomb exploded; on Sunday another went off", ["Last night", "on Sunday"]),
    ("Police said yesterday morning that 12 people died two days ago",
     ["yesterday morning", "two days ago"]),
    ("GUERRILLAS ATTACKED THE TOWN LAST NIGHT, THE ARMY SAID TODAY", ["LAST NIGHT", "TODAY"]),
    ("Fighting resumed last week and again on 20 May", ["last week", "on 20 May"]),
    ("The strike, late on Saturday, killed 4", ["late on Saturday"]),
])
def test_timeexpr_finds_day_expressions(text, expected):
    found = find_day_expressions(text)
    assert [expression for _, _, expression in found] == expected
    assert all(text[start:end] == expression for start, end, expression in found)


@pytest.mark.parametrize("text", [
    "Talks resume next Monday",
    "The vote is due the following Tuesday",
    "Troops arrived on the 23rd",
    "At least 4 may have died",
    "Marchers gathered in the square",
    "Resolution 2254 was adopted in 2015",
])
def test_timeexpr_skips_what_is_not_a_past_day(text):
    assert find_day_expressions(text) == []


def test_timeexpr_found_expressions_resolve():
    text = "Rebels shelled the town on Sunday and again yesterday, the 22nd of May"
    days = [resolve_day(expression, MONDAY) for _, _, expression in find_day_expressions(text)]
    assert days == [date(2016, 5, 22)] * 3
