"""Find the figures in a sentence and read each one as a Count range.

``find_counts`` gives each figure's span, qualifier or range included ("at
least 45", "between 10 and 15"), and its Count. With N the figure as written:

- "45", "1,200", "1 200", "forty-five", "a dozen": Count(N, N, None)
- "at least / no fewer than / a minimum of N", "N or more", "N+": Count(N, None, "at least")
- "more than / over / upwards of / in excess of N": Count(N+1, None, "more than")
- "fewer than / less than / under N": Count(None, N-1, "less than")
- "nearly / almost / close to / just under N": Count(None, N, "nearly"). N stays the
  upper bound (not N-1): reporters round toward the figure they approach.
- "up to / as many as / at most / no more than N": Count(None, N, "up to")
- "about / around / some / roughly / an estimated N", "N or so": Count(N, N, "approximately")
- "N or M", "N to M", "N-M", "between N and M", N < M: Count(N, M, "range"). A qualifier
  applies to the matching end: "at least 4 or 5" is Count(4, None, "at least").
- Vague plurals keep the floor their plural implies, with no ceiling: "dozens" 24,
  "scores" 40, "hundreds" 200, "thousands" 2000, "millions" 2,000,000, "tens of" 20,
  "several" 3, "a few" 2, "a handful" 2, as Count(floor, None, "dozens") and so on.
  ACLED's own convention codes vague figures conservatively; marsad keeps the lower
  bound rather than guess a midpoint. A power multiplies it: "tens of thousands" 20000.

Not figures: years ("in 2016", "the 2019 ceasefire"), times ("18:30", "1830 GMT",
"6 pm"), dates ("May 23", "23 May"), ordinals, percentages, money, ages ("aged 12",
"a 12-year-old"), numbers in names ("Resolution 2254", "Route 66", "Brigade 93"),
decimals without a power ("3.5"), and the article "a" alone. "one" is a figure
("one person was killed") except in idioms such as "no one" and "one another".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from dateutil.parser import parserinfo
from number_parser import parse_number
from number_parser.data.en import info as _ENGLISH

from marsad.model import Count

_SMALL = {**_ENGLISH["UNIT_NUMBERS"], **_ENGLISH["DIRECT_NUMBERS"], **_ENGLISH["TENS"]}
_POWERS = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_PLURAL_POWERS = {word + "s": value for word, value in _POWERS.items()} | _POWERS
_NUMBER_WORDS = frozenset(_SMALL) | (frozenset(_POWERS) - {"dozen"})
_UNITS = frozenset(_ENGLISH["UNIT_NUMBERS"])
_VAGUE = {"dozens": (24, "dozens"), "scores": (40, "scores"), "hundreds": (200, "hundreds"),
          "thousands": (2000, "thousands"), "millions": (2 * 10**6, "millions"),
          "tens": (20, "tens of"), "several": (3, "several")}
# "scores" is also a noun for results ("settle scores"): count it only before these.
_SCORES_NEXT = frozenset(
    "of were have had are more others killed dead wounded injured died fled".split())

_QUALIFIER_PHRASES = {
    "at least": ("at least", "no fewer than", "no less than", "not less than", "a minimum of"),
    "more than": ("more than", "over", "well over", "upwards of", "in excess of"),
    "less than": ("fewer than", "less than", "under"),
    "nearly": ("nearly", "almost", "close to", "just under", "just short of"),
    "up to": ("up to", "as many as", "at most", "a maximum of", "no more than"),
    "approximately": ("about", "around", "some", "approximately", "roughly", "an estimated",
                      "estimated", "circa"),
}
_PREFIXES = {tuple(phrase.split()): qualifier
             for qualifier, phrases in _QUALIFIER_PHRASES.items() for phrase in phrases}
_PREFIX_WORDS = frozenset(word for key in _PREFIXES for word in key)
_SUFFIXES = {("or", "more"): "at least", ("or", "so"): "approximately"}

_YEAR_BEFORE = frozenset("in since of the until till by during before after from early late mid "
                         "spring summer autumn fall winter year between through".split())
_TIME_AFTER = frozenset("gmt utc bst cet cest eet eest est edt pst pdt ast msk z local hrs hours h"
                        .split())
_CLOCK_AFTER = frozenset({"am", "pm", "o'clock", "o’clock"})
_CURRENCY_SIGNS = frozenset("$€£¥₹₺₽")
_CURRENCY_WORDS = frozenset(
    "usd eur gbp dollar dollars euro euros pound pounds cents riyal riyals lira liras lire dinar "
    "dinars dirham dirhams shekel shekels rupee rupees yuan peso pesos naira shilling shillings "
    "birr afghani afghanis rouble roubles ruble rubles".split())
_PERCENT = frozenset({"%", "percent", "pct", "percentage"})
_AGE_UNITS = frozenset("year years month months week weeks day days".split())
# Nouns that a number names rather than counts: "Resolution 2254", "Route 66".
_NAME_NOUNS = frozenset(
    "resolution resolutions route highway road street brigade division battalion regiment corps "
    "flight article camp gate sector block unit zone area hill building checkpoint section "
    "platoon squad phase paragraph chapter item station exit tower room bus number channel "
    "decree law kilometre kilometer km junction".split())
_ONE_BEFORE = frozenset({"no", "any", "every", "each"})
_ONE_AFTER = frozenset("another day time point side way hand thing".split())
_ORDINAL = re.compile(r"(?:first|second|third|\w+th)$")
_OPENERS = frozenset('.!?:;"“”‘’\'([—–-')
_DATES = parserinfo()

# Numbers, words, glued tokens ("3rd", "6pm": never figures) and punctuation.
_TOKEN = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![^\W_])"
                    r"|([^\W\d_]+(?:['’][^\W\d_]+)?)|(\w+)|(\S)")
_KINDS = ("num", "word", "glued", "punct")
_MAYBE = re.compile(r"\d|\b(?:%s|%s|dozens?|few|handful)\b"
                    % ("|".join(_NUMBER_WORDS), "|".join(_VAGUE)))


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str
    kind: str           # num | word | glued ("3rd", "6pm") | punct


class _Atom(NamedTuple):
    first: int          # token indices, both inclusive
    last: int
    low: int | None
    high: int | None
    qualifier: str | None
    exact: bool


def find_counts(text: str) -> list[tuple[int, int, Count]]:
    """Find every figure in a sentence as (start, end, Count), offsets into text."""
    if not _MAYBE.search(text.lower()):  # twice as fast as re.IGNORECASE
        return []
    toks = [_Tok(m.start(), m.end(), m.group(), m.group().lower(), _KINDS[m.lastindex - 1])
            for m in _TOKEN.finditer(text)]
    by_case = _capitals_mark_names(toks)
    found = []
    i = 0
    while i < len(toks):
        atom = _read_atom(toks, i)
        if atom is None:
            i += 1
            continue
        figure, i = _figure(toks, atom, by_case)
        if figure is not None:
            count = Count(figure.low, figure.high, figure.qualifier)
            found.append((toks[figure.first].start, toks[figure.last].end, count))
    return found


def parse_count(phrase: str) -> Count | None:
    """Read a phrase holding one figure ("at least 45", "dozens"); None for none or several."""
    counts = find_counts(phrase)
    return counts[0][2] if len(counts) == 1 else None


def _capitals_mark_names(toks: list[_Tok]) -> bool:
    """Say whether a capital can mark a name here: not in ALL CAPS or Title Case text."""
    words = [t.text for t in toks if t.kind == "word" and len(t.text) > 3]
    if not words:
        return False
    return sum(word[0].isupper() for word in words) / len(words) < 0.6


def _low(toks: list[_Tok], i: int) -> str:
    return toks[i].low if 0 <= i < len(toks) else ""


def _adjacent(toks: list[_Tok], i: int, j: int) -> bool:
    return 0 <= i < len(toks) and 0 <= j < len(toks) and toks[i].end == toks[j].start


def _read_atom(toks: list[_Tok], i: int) -> _Atom | None:
    """Read the bare figure that starts at toks[i], before qualifiers and ranges."""
    tok = toks[i]
    if tok.kind == "num":
        return _digit_atom(toks, i)
    if tok.kind != "word":
        return None
    if tok.low in _NUMBER_WORDS or tok.low in ("a", "an", "half"):
        atom = _word_atom(toks, i)
        if atom is not None:
            return atom
    return _vague_atom(toks, i)


def _digit_atom(toks: list[_Tok], i: int) -> _Atom | None:
    """Read "45", "1,200", "1 200", "2 million" or "1.5 million"."""
    text, last = toks[i].text, i
    power = _POWERS.get(_low(toks, i + 1))
    if "." in text:
        # A decimal counts people only as a multiple of a power.
        if power is None or power == 12:
            return None
        return _Atom(i, i + 1, round(float(text) * power), round(float(text) * power), None, True)
    value = int(text.replace(",", ""))
    if "," not in text and len(text) <= 3 and _month(toks, i - 1) is None:
        # Thousands split by one space: "1 200", "3 500 000".
        while (last + 1 < len(toks) and toks[last + 1].kind == "num"
               and len(toks[last + 1].text) == 3 and toks[last + 1].text.isdigit()
               and toks[last + 1].start == toks[last].end + 1):
            last += 1
            value = value * 1000 + int(toks[last].text)
        power = _POWERS.get(_low(toks, last + 1))
    if power is not None:
        last, value = last + 1, value * power
    return _Atom(i, last, value, value, None, True)


def _word_atom(toks: list[_Tok], i: int) -> _Atom | None:
    """Read number words: "ninety", "one hundred and twenty", "a dozen", "half a dozen"."""
    if toks[i].low == "half":
        if _low(toks, i + 1) in ("a", "an") and _low(toks, i + 2) == "dozen":
            return _Atom(i, i + 2, 6, 6, None, True)
        return None
    words, last = _word_run(toks, i)
    if not words:
        return None
    value = _words_value(tuple(words))
    if value is None:
        if toks[i].low not in _NUMBER_WORDS:
            return None
        last, value = i, _words_value((toks[i].low,))
    if _low(toks, last + 1) == "dozen":
        last, value = last + 1, value * 12
    elif _low(toks, last + 1) in ("-", "‐") and _ORDINAL.match(_low(toks, last + 2)):
        return None  # "twenty-first"
    return _Atom(i, last, value, value, None, True)


def _word_run(toks: list[_Tok], i: int) -> tuple[list[str], int]:
    """Collect the number words from toks[i] as (words, index of the last one)."""
    words, last, j, after_and = [], i, i, False
    if toks[i].low in ("a", "an"):
        # The article is a figure only before a power: "a hundred", "a dozen".
        if _low(toks, i + 1) not in _POWERS:
            return [], i
        words, j = ["one"], i + 1
    while j < len(toks) and toks[j].low in _NUMBER_WORDS:
        if after_and and toks[j].low in _POWERS:
            break
        words.append(toks[j].low)
        last, j = j, j + 1
        if (_low(toks, j) == "-" and _adjacent(toks, j - 1, j) and _adjacent(toks, j, j + 1)
                and _low(toks, j + 1) in _UNITS):
            j += 1  # "twenty-five"
        elif (_low(toks, j) == "and" and not after_and and words[-1] in _POWERS
              and _low(toks, j + 1) in _SMALL):
            words.append("and")
            j, after_and = j + 1, True  # "one hundred and twenty", and no power after it
    return words, last


@lru_cache(maxsize=4096)
def _words_value(words: tuple[str, ...]) -> int | None:
    # number-parser takes about 40 µs a call; sentences repeat the same few runs.
    return parse_number(" ".join(words), language="en")


def _vague_atom(toks: list[_Tok], i: int) -> _Atom | None:
    """Read "dozens", "scores of", "tens of thousands", "several hundred", "a few"."""
    low, nxt = toks[i].low, _low(toks, i + 1)
    if low in ("a", "an") and nxt in ("few", "handful"):
        floor, name, last = 2, "a " + nxt, i + 1
    elif low in _VAGUE:
        if (low == "tens" and nxt != "of") or (low == "scores" and nxt not in _SCORES_NEXT):
            return None
        (floor, name), last = _VAGUE[low], i
    else:
        return None
    if _low(toks, last + 1) == "of" and _low(toks, last + 2) in _PLURAL_POWERS:
        last += 2
        floor *= _PLURAL_POWERS[toks[last].low]
    elif _low(toks, last + 1) in _POWERS:
        last += 1
        floor *= _POWERS[toks[last].low]
    return _Atom(i, last, floor, None, name, False)


def _figure(toks: list[_Tok], atom: _Atom, by_case: bool) -> tuple[_Atom | None, int]:
    """Widen an atom to its range and qualifiers; give it (None: no figure) and the next index."""
    if not atom.exact:
        return (None if _excluded(toks, atom, by_case) else atom), atom.last + 1
    partner = _range_partner(toks, atom)
    if partner is not None and _dateline_dash(toks, atom):
        return None, atom.last + 1      # "Nov 16 - Fifty-three people": the dash ends a dateline
    if partner is not None:
        if (_excluded(toks, atom, by_case, ranged=True)
                or _excluded(toks, partner, by_case, ranged=True)
                or (_year_like(toks, atom) and _year_like(toks, partner))
                or _dashed_date(toks, atom, partner)):
            # Both ends share one unit: "10 to 15 percent", "between 2015 and 2016";
            # or the pair is part of a date: "05-05-2016".
            return None, partner.last + 1
        first = atom.first - 1 if _low(toks, atom.first - 1) == "between" else atom.first
        atom = _Atom(first, partner.last, atom.low, partner.high, "range", True)
    elif _excluded(toks, atom, by_case):
        return None, atom.last + 1
    figure = _qualify(toks, atom)
    return figure, figure.last + 1


def _dateline_dash(toks: list[_Tok], atom: _Atom) -> bool:
    """Say whether a day of a month is followed by a spaced dash, as a dateline ends ("LAGOS,
    Nov 16 - Fifty-three people ..."): the number after it begins the story, not a range."""
    sep = atom.last + 1
    return toks[sep].text in ("-", "–", "—") and not _adjacent(toks, atom.last, sep) and \
        not _adjacent(toks, sep, sep + 1) and _month(toks, atom.first - 1) is not None \
        and atom.first == atom.last and 1 <= atom.low <= 31


def _dashed_date(toks: list[_Tok], atom: _Atom, partner: _Atom) -> bool:
    """Recognise two hyphen-joined numbers inside a date: "05-05-2016", "13-08-2013"."""
    glued_left = (_low(toks, atom.first - 1) in ("-", ".", "/") and atom.first >= 2
                  and toks[atom.first - 2].kind == "num" and _adjacent(toks, atom.first - 2, atom.first - 1)
                  and _adjacent(toks, atom.first - 1, atom.first))
    glued_right = (_low(toks, partner.last + 1) in ("-", ".", "/") and partner.last + 2 < len(toks)
                   and toks[partner.last + 2].kind == "num" and _adjacent(toks, partner.last, partner.last + 1))
    return glued_left or glued_right or (_year_like(toks, partner) and toks[atom.first].text.isdigit()
                                         and _adjacent(toks, atom.last, atom.last + 1))


def _range_partner(toks: list[_Tok], atom: _Atom) -> _Atom | None:
    """Return the larger figure that closes a range: "4 or 5", "10-15", "between 10 and 15"."""
    sep, before = _low(toks, atom.last + 1), _low(toks, atom.first - 1)
    if sep not in ("or", "to", "-", "–", "—", "and") or atom.last + 2 >= len(toks):
        return None
    if (sep == "and") != (before == "between") or (sep == "to" and before == "from"):
        return None  # "rose from 20 to 30" is an update, not a range
    other = _read_atom(toks, atom.last + 2)
    if other is None or not other.exact or other.low <= atom.low:
        return None
    return other


def _qualify(toks: list[_Tok], atom: _Atom) -> _Atom:
    """Apply the qualifier before the figure ("at least") or after it ("or more")."""
    first, last, qualifier = atom.first, atom.last, None
    for size in (3, 2, 1):
        key = tuple(t.low for t in toks[max(0, first - size):first] if t.kind == "word")
        if len(key) == size and key in _PREFIXES:
            first, qualifier = first - size, _PREFIXES[key]
            break
    else:
        key = (_low(toks, last + 1), _low(toks, last + 2))
        if key in _SUFFIXES:
            last, qualifier = last + 2, _SUFFIXES[key]
        elif _low(toks, last + 1) == "+" and _adjacent(toks, last, last + 1):
            last, qualifier = last + 1, "at least"
    if qualifier is None:
        return atom
    low, high = atom.low, atom.high
    if qualifier == "approximately":
        qualifier = atom.qualifier or qualifier  # "about 10 to 15" stays a range
    elif qualifier in ("at least", "more than"):
        low, high = (low + 1 if qualifier == "more than" else low), None
    else:
        low, high = None, (high - 1 if qualifier == "less than" else high)
    return _Atom(first, last, low, high, qualifier, True)


def _excluded(toks: list[_Tok], atom: _Atom, by_case: bool, ranged: bool = False) -> bool:
    """Say whether a figure is a year, time, date, percentage, price, age, name or idiom."""
    digits = toks[atom.first].kind == "num" and atom.first == atom.last
    return (_percent_or_money(toks, atom) or _age(toks, atom) or _idiom(toks, atom)
            or (atom.exact and _clock_or_date(toks, atom))
            or (digits and (_year(toks, atom) or _joined(toks, atom.first, ranged)
                            or _name(toks, atom.first, by_case))))


def _percent_or_money(toks: list[_Tok], atom: _Atom) -> bool:
    before = toks[atom.first - 1].text if atom.first > 0 else ""
    after = atom.last + 2 if _low(toks, atom.last + 1) == "of" else atom.last + 1
    return (before in _CURRENCY_SIGNS or before.lower() in _CURRENCY_WORDS
            or _low(toks, atom.last + 1) in _PERCENT
            or (_low(toks, atom.last + 1) == "per" and _low(toks, atom.last + 2) == "cent")
            or _low(toks, after) in _CURRENCY_WORDS)


def _age(toks: list[_Tok], atom: _Atom) -> bool:
    """Recognise "aged 12", "a 12-year-old", "12 years old", "six months of age"."""
    if _low(toks, atom.first - 1) in ("aged", "age", "ages"):
        return True
    j = atom.last + 1 + (_low(toks, atom.last + 1) == "-")
    if _low(toks, j) not in _AGE_UNITS:
        return False
    j += 1 + (_low(toks, j + 1) == "-")
    return _low(toks, j) == "old" or (_low(toks, j) == "of" and _low(toks, j + 1) == "age")


def _idiom(toks: list[_Tok], atom: _Atom) -> bool:
    return (atom.first == atom.last and toks[atom.first].low == "one"
            and (_low(toks, atom.first - 1) in _ONE_BEFORE
                 or _low(toks, atom.last + 1) in _ONE_AFTER))


def _clock_or_date(toks: list[_Tok], atom: _Atom) -> bool:
    """Recognise "May 23", "23 May", "23 of May", "6 pm", "6 a.m.", "1830 GMT", "0600"."""
    value, nxt = atom.low, _low(toks, atom.last + 1)
    if 1 <= value <= 31 and (_month(toks, atom.first - 1) or _month(toks, atom.last + 1)
                             or (nxt == "of" and _month(toks, atom.last + 2))):
        return True
    if _month(toks, atom.first - 1) and _day_and_year(toks[atom.first].text):
        return True     # "Oct 262016": a copy that strips commas glues the day to the year
    after = (nxt, _low(toks, atom.last + 2), _low(toks, atom.last + 3))
    dotted = after in (("a", ".", "m"), ("p", ".", "m"))  # "6 a.m."
    if value <= 12 and (nxt in _CLOCK_AFTER or dotted):
        return True
    text = toks[atom.first].text
    if len(text) == 4 and text.isdigit() and value // 100 <= 23 and value % 100 <= 59:
        return text.startswith("0") or nxt in _TIME_AFTER
    return False


def _day_and_year(text: str) -> bool:
    """Say whether digits read as a day and a year run together: "262016", "42017"."""
    return text.isdigit() and len(text) in (5, 6) and 1 <= int(text[:-4]) <= 31 \
        and 1900 <= int(text[-4:]) <= 2099


def _month(toks: list[_Tok], i: int) -> int | None:
    # News capitalises months: a lower-case "may" is the verb ("4 may have died").
    if not 0 <= i < len(toks) or toks[i].kind != "word" or toks[i].text.islower():
        return None
    return _DATES.month(toks[i].text)


def _year_like(toks: list[_Tok], atom: _Atom) -> bool:
    text = toks[atom.first].text
    return (atom.first == atom.last and len(text) == 4 and text.isdigit()
            and 1900 <= int(text) <= 2099)


def _year(toks: list[_Tok], atom: _Atom) -> bool:
    """Recognise "in 2016", "the 2019 ceasefire", "mid-2015", "May 23, 2016"."""
    if not _year_like(toks, atom):
        return False
    i, before = atom.first, _low(toks, atom.first - 1)
    if before == "-" and _low(toks, i - 2) in ("mid", "pre", "post", "early", "late"):
        return True
    if before == ",":
        return i >= 3 and toks[i - 2].kind == "num" and _month(toks, i - 3) is not None
    if toks[i - 1].kind == "num" and _month(toks, i - 2) is not None:
        return True     # "Apr 29 2016": a date whose comma was left out
    return before in _YEAR_BEFORE or bool(_month(toks, i - 1))


def _joined(toks: list[_Tok], i: int, ranged: bool = False) -> bool:
    """Recognise a number glued to another by "-", "/" or ":": "18:30", "9/11", "2011-12"."""
    glue = ("/", ":") if ranged else ("-", "–", "/", ":")  # a range's ends are hyphen-joined
    for sep, other in ((i - 1, i - 2), (i + 1, i + 2)):
        if (0 <= other < len(toks) and toks[other].kind == "num" and _low(toks, sep) in glue
                and _adjacent(toks, min(sep, i), max(sep, i))
                and _adjacent(toks, min(sep, other), max(sep, other))):
            return True
    return False


def _name(toks: list[_Tok], i: int, by_case: bool) -> bool:
    """Recognise a number inside a name: "Resolution 2254", "Route 66", "No. 5", "Brigade 93"."""
    if i == 0:
        return False
    before = toks[i - 1]
    if before.low in _NAME_NOUNS or before.text == "#":
        return True
    if before.text == "." and _low(toks, i - 2) == "no":
        return True
    return (by_case and before.kind == "word" and before.text[0].isupper()
            and not before.text.isupper() and i >= 2 and toks[i - 2].text not in _OPENERS
            and before.low not in _PREFIX_WORDS and _month(toks, i - 1) is None
            and _DATES.weekday(before.text) is None)
