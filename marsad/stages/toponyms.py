"""Place names that are not where anything happened: regions, demonyms, names inside names.

A report that says "Russian jets" or "the European Union" names Russia and
Europe, but no event takes place "in" them. The places stage keeps these as
``Document.mentions`` (a :class:`~marsad.model.Place` with a ``role``) so
geoparsing can report every toponym while incidents only use real places:

- ``region``: a continent, sea or region wider than a country ("the Sahel"),
  placed at the point in ``marsad/data/regions.tsv``;
- ``demonym``: an adjective that names a country or region ("Syrian",
  "European"), placed at the country's or region's point;
- ``embedded``: a place name inside another proper name ("the Kabul Bank",
  "University of Toronto"), placed where the name points.

This module finds the spans; the places stage resolves them.
"""

from __future__ import annotations

import csv
import re
import zlib
from collections import Counter
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Iterator

from marsad.gazetteer import normalise, sources
from marsad.model import GeoEntry, Place

# Entity labels of names that may hold a place name: "the Kabul Bank" (ORG).
NAME_LABELS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
LONGEST_INNER = 4           # words in a place name inside another name
# Words that make a name a building's, a site's or a quarter's ("the Russian Embassy",
# "the French Quarter", "Atlantic Avenue", "Stade de France"): such a place stands at one
# spot, which the country, region or people it is named after does not give (an embassy
# stands abroad). A university or college named after its state stands on its campus, a
# city that the state's point does not give either. A hospital or an agency named after
# its state or province serves all of it: those words are left out.
FACILITY_NOUNS = {"embassy", "consulate", "school", "hotel", "cathedral", "basilica", "chapel",
                  "church", "mosque", "mall", "stadium", "airport", "station", "avenue", "street",
                  "boulevard", "quarter", "stade", "estadio", "stadio", "castle", "palace", "university",
                  "college", "academy", "centre", "center"}
# Buildings dedicated to a saint, whose name stands before them in the possessive.
DEDICATED = FACILITY_NOUNS | {"hospital", "abbey", "priory", "parish"}
SAINT_WORDS = {"st", "saint", "ste", "sainte"}
# Lower-case words that join the parts of one proper name: "Embassy of the Republic of X".
NAME_JOINERS = {"of", "the", "de", "for"}
# All-caps words before a wire dateline's punctuation: "BEIRUT (Reuters) -".
DATELINE_END = {"(", "-", "—", "–", ",", ":"}


@cache
def _region_table() -> tuple[dict[str, GeoEntry], dict[str, GeoEntry]]:
    names: dict[str, GeoEntry] = {}
    adjectives: dict[str, GeoEntry] = {}
    text = resources.files("marsad.data").joinpath("regions.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")),
                          delimiter="\t")
    for row in rows:
        entry = GeoEntry(
            geonameid=-(2_000_000_000 + zlib.crc32(row["name"].encode()) % 1_000_000_000),
            name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]), country="",
            feature="L", feature_code="RGN")
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            names[_bare(name)] = entry
        for adjective in filter(None, row["adjectives"].split("|")):
            adjectives[_bare(adjective)] = entry
    return names, adjectives


@cache
def country_abbreviations() -> dict[str, str]:
    """Return the capitals news abbreviates countries to, from marsad/data/country_aliases.csv:
    "UK" -> "GB", "UAE" -> "AE".

    These are the country wherever they stand ("a UK minister", "US dollars"),
    unlike an ISO code that merely shares the letters of a firm's initials ("BA").
    """
    return {alias: country for country, aliases in sources.country_aliases().items() for alias in aliases
            if alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 4}


def _bare(name: str) -> str:
    return normalise(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE))


@lru_cache(maxsize=50_000)
def region(name: str) -> GeoEntry | None:
    """Return the region a name is ("the Balkans", "Middle East"), or None."""
    return _region_table()[0].get(_bare(name))


@lru_cache(maxsize=50_000)
def region_adjective(word: str) -> GeoEntry | None:
    """Return the region an adjective names ("European", "West African"), or None."""
    return _region_table()[1].get(_bare(word))


def modifier_spans(parsed: Any, covered: set[int]) -> Iterator[Any]:
    """Yield capitalised words and word pairs outside place names: demonyms to try.

    A pair comes before its first word ("South African" before "South"); the
    caller says which spans are demonyms and marks their tokens covered.
    """
    for token in parsed:
        if token.i in covered or not token.text[:1].isupper() or not token.is_alpha and "." not in token.text \
                or token.is_stop and token.text not in country_abbreviations():     # "US" is "us"
            continue
        if token.i + 1 < len(parsed) and token.i + 1 not in covered and parsed[token.i + 1].text[:1].isupper():
            yield parsed[token.i:token.i + 2]
        yield parsed[token.i:token.i + 1]


def inner_spans(parsed: Any, covered: set[int]) -> Iterator[Any]:
    """Yield the word runs inside other proper names, longest first at each word.

    Only capitalised words count: "Bank of Baghdad" tries "Baghdad", never "of".
    """
    for ent in parsed.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for start in range(ent.start, ent.end):
            if start in covered:
                continue
            for end in range(min(ent.end, start + LONGEST_INNER), start, -1):
                span = parsed[start:end]
                if all(t.text[:1].isupper() and t.i not in covered for t in span):
                    yield span


def in_facility_name(span: Any) -> bool:
    """Say whether a span is part of a longer proper name that names a building or site.

    The name runs over the capitalised words around the span and the joiners
    inside it ("Embassy of the Republic of X"); a capitalised facility word in
    it ("the X Embassy", "X State University") makes it a facility's name.
    """
    doc = span.doc
    words = []
    end = span.end
    while end < len(doc) and (proper(doc[end]) or doc[end].lower_ in NAME_JOINERS):
        words.append(doc[end])
        end += 1
    start = span.start - 1
    while start >= 0 and (proper(doc[start]) or doc[start].lower_ in NAME_JOINERS):
        words.append(doc[start])
        start -= 1
    return any(w.lower_ in FACILITY_NOUNS and proper(w) for w in words)


def dedication(span: Any) -> bool:
    """Say whether a name is a saint's, in the possessive before a building: "St. Anne's Chapel".

    The church or hospital is dedicated to the saint; a town named after the
    same saint is elsewhere.
    """
    doc = span.doc
    saint = span[0] if span[0].lower_.rstrip(".") in SAINT_WORDS else doc[span.start - 1] if span.start else None
    if saint is None or saint.lower_.rstrip(".") not in SAINT_WORDS or span.end + 1 >= len(doc):
        return False
    return doc[span.end].text in ("'s", "’s", "'", "’") and doc[span.end + 1].lower_ in DEDICATED


def proper(token: Any) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def dateline_spans(parsed: Any) -> Iterator[Any]:
    """Yield the all-caps place of a wire dateline at a paragraph's start: "SAN DIEGO (AP) -",
    "ST. LOUIS -".

    The model reads capitals poorly; the caller looks the name up as written.
    """
    for sent in parsed.sents:
        start = sent.start
        if start > 0 and "\n" not in parsed[start - 1].whitespace_ + parsed[start - 1].text:
            continue
        end = start
        while end < len(parsed) and (capital_word(parsed[end]) or end > start and abbreviation_dot(parsed, end)):
            end += 1
        if start < end < len(parsed) and parsed[end].text in DATELINE_END:
            yield parsed[start:end]


def capital_word(token: Any) -> bool:
    return token.is_alpha and token.text.isupper() and len(token) > 1


def abbreviation_dot(parsed: Any, i: int) -> bool:
    """Say whether a dot ends a short all-caps abbreviation inside a dateline: "ST. LOUIS", "FT. WORTH"."""
    before = parsed[i - 1]
    return parsed[i].text == "." and not before.whitespace_ and len(before) <= 3 and capital_word(before) \
        and i + 1 < len(parsed) and capital_word(parsed[i + 1])


# "X, Country" (not in a list: no "," or "and" after it), "X in Country", "X in the Country's
# north"; before the name, "Country's [northern] X".
CONTAINER_AFTER = re.compile(r",\s+|\s+in\s+(?:the\s+)?")
CAPITALISED_WORDS = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}")
LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)")
POSSESSOR_BEFORE = re.compile(r"((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)['’]s\s+"
                              r"(?:(?:north|south|east|west)?-?(?:north|south|east|west)(?:ern)?\s+|central\s+)?$")


def stated_containers(text: str, start: int, end: int) -> list[str]:
    """Return the names that may say which country a place lies in, longest first: the words
    after "X, " or "X in ", or the possessor before it ("Burkina Faso's northern X")."""
    names = []
    after = CONTAINER_AFTER.match(text, end)
    if after:
        words = CAPITALISED_WORDS.match(text, after.end())
        listed = after.group().startswith(",") and words and LIST_GOES_ON.match(text, words.end())
        if words and not listed:
            parts = re.sub(r"['’]s$", "", words.group()).split()
            names += [" ".join(parts[:n]) for n in range(len(parts), 0, -1)]
    before = POSSESSOR_BEFORE.search(text[max(0, start - 60):start])
    if before:
        parts = before.group(1).split()
        names += [" ".join(parts[n:]) for n in range(len(parts))]
    return names


# "X in Y", past the rest of X's own name: "Eva's Shelter in Y", "Oak Avenue in the Y Hills area".
IN_NAMED_PLACE = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w'’-]*)*\s+in\s+(?:the\s+|downtown\s+)?"
                            r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")


def stated_towns(text: str, end: int) -> list[str]:
    """Return the names that may be the town a place is said to be in ("X in Y"), longest first."""
    match = IN_NAMED_PLACE.match(text, end)
    if match is None:
        return []
    parts = re.sub(r"['’]s$", "", match.group(1)).split()
    return [" ".join(parts[:n]) for n in range(len(parts), 0, -1)]


def lone_datelines(parsed: Any) -> set[tuple[int, int]]:
    """Return the character spans of all-caps datelines with no region or country after them."""
    alone = set()
    for span in dateline_spans(parsed):
        after = parsed[span.end:span.end + 2]
        if not (len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper()):
            alone.add((span.start_char, span.end_char))
    return alone


def readings(places: tuple[Place, ...]) -> dict[str, GeoEntry]:
    """Map each name the report's places bear to its most frequent reading.

    A name keeps its reading inside longer names: after "Glasgow, Ky." the
    "Glasgow Police" are Kentucky's, not Scotland's, though a name inside a
    name alone would be read as its biggest namesake.
    """
    counts: dict[str, Counter[int]] = {}
    entries: dict[int, GeoEntry] = {}
    for place in places:
        counts.setdefault(normalise(place.anchor or place.name), Counter())[place.entry.geonameid] += 1
        entries[place.entry.geonameid] = place.entry
    return {name: entries[votes.most_common(1)[0][0]] for name, votes in counts.items()}
