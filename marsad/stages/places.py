"""Place mentions: recognised in the parse, resolved with the gazetteer.

Recognition takes spaCy's place entities and other proper-noun runs, and
keeps a name only where the gazetteer knows it and the context reads as a
place: organisation names that contain a place ("the Tartu News Agency") and
people's names are not place mentions. Resolution prefers the document's
focus country, then administrative seats, then population.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Iterator

from marsad.gazetteer import Gazetteer, normalise
from marsad.gazetteer.names import strip_article
from marsad.model import Document, GeoEntry, Place, Span
from marsad.numbers import parse_count
from marsad.stages.lexicon import triggers
from marsad.stages.syntax import PLACE_NOUNS
from marsad.stages.toponyms import (dateline_spans, inner_spans, modifier_spans, region,
                                    region_adjective)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Other entity labels whose text may still be a place the model mislabelled.
DOUBTFUL_LABELS = {"ORG", "PERSON", "NORP", "EVENT", ""}
REGION_SUFFIX = re.compile(r"\s+(province|governorate|region|district|state|oblast|county|prefecture)$",
                           re.IGNORECASE)
REGION_PREFIX = re.compile(r"(?:the\s+)?(?:province|governorate|region|district)\s+of\s+", re.IGNORECASE)
REGION_WORDS = {"province", "governorate", "region", "state", "oblast", "prefecture"}
CITY_SUFFIX = re.compile(r"\s+(?:city|town|countryside)$")
LOCATIVE_PREPS = {"in", "at", "near", "outside", "around", "from", "to", "into", "across",
                  "inside", "towards", "toward", "between", "through", "of"}
# Facilities: "X Airport" or "X Hospital" is still in X.
FACILITIES = {"hospital", "school", "mosque", "church", "station", "airport", "stadium", "prison",
              "camp", "base", "square", "street", "road", "bridge", "market", "university",
              "crossing", "port", "harbour", "harbor", "checkpoint"}
PLACE_WORD_HEADS = {"province", "governorate", "region", "district", "city", "town", "village",
                    "state", "county", "oblast"}
# Verbs whose object, when a name, is a place attacked or taken: "shelled X", "seized X".
ATTACK_VERBS = {"strike", "hit", "shell", "bomb", "attack", "target", "storm", "raid", "capture",
                "seize", "overrun", "besiege", "recapture", "retake", "pound", "bombard"}
MILES_KM = 1.609344
NEARBY_KM = 15
NEARBY_BONUS = 3.0      # outweighs a village's thousand inhabitants over a district's none
CACHE_SIZE = 50_000
ANCHOR_POPULATION = 50_000
FOCUS_MAJORITY = 3
FOREIGN_DOUBTFUL_POPULATION = 20_000
INNER_POPULATION = 100_000
LONE_FOREIGN_POPULATION = 100_000
# Months and weekdays, whole and cut short ("14 Jul 2016"), are dates, not places.
CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
                  "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
                  "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
# Names some countries give their regions that are everyday words elsewhere:
# "the Centre" of France, "West" of Cameroon, "Central" of Ghana.
GENERIC_REGION_WORDS = {"north", "south", "east", "west", "central", "centre", "center",
                        "northern", "southern", "eastern", "western", "coast", "capital",
                        "upper", "lower", "middle", "state", "national", "federal"}
# A written-alone name shared by a region and a big city or a capital is the
# city: "New York", "Aleppo", "Washington".
BIG_CITY = 1_000_000
DIRECTIONS = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1),
              "northeast": (0.7071, 0.7071), "northwest": (0.7071, -0.7071),
              "southeast": (-0.7071, 0.7071), "southwest": (-0.7071, -0.7071)}
NUMBER_WORDS = ("a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                "thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a few|several|a couple of")
RELATIVE = re.compile(
    r"\b(?P<dist>\d+(?:\.\d+)?|(?:NUMBER_WORDS)(?:[- ](?:NUMBER_WORDS))?)\s*-?\s*(?P<unit>km|kms|kilometers|kilometres|miles|mi)\s+"
    r"\(?[^()]{0,20}?\)?\s*(?P<dir>(?:north|south)?-?(?:east|west)?|north|south)(?:ern)?\s+of\s+"
    r"(?:the\s+(?:[a-z]+\s+)?(?:capital|city|town|village)\s+(?:of\s+)?)?$"
    .replace("NUMBER_WORDS", NUMBER_WORDS), re.IGNORECASE)
NEAR = re.compile(r"(?:near|outside|on the outskirts of|in the outskirts of|close to|"
                  r"in the countryside of|in the vicinity of)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """A recognised name before resolution."""

    start: int
    end: int
    name: str
    region: bool            # written as "X Province" and the like
    trusted: bool = True    # the recogniser called it a place
    placed: bool = True     # the recogniser or the context says place; else only a big place counts


@dataclass
class PlacesStage:
    """Find and resolve the places a report names."""

    gazetteer: Gazetteer
    is_actor: Callable[[str], bool] = lambda _name: False
    demonym: Callable[[str], str | None] = lambda _word: None     # "Syrian" -> "SY"
    name: str = "places"
    requires: tuple[str, ...] = ("parsed",)
    assigns: tuple[str, ...] = ("places", "mentions")
    cache: dict = field(default_factory=dict, repr=False)

    def find(self, doc: Document, recognised: list[Candidate]) -> list[Place]:
        candidates = [c for c in recognised
                      if not self.is_actor(c.name) and region(c.name) is None and self.known(c)
                      and (c.placed or self.big(c))]
        # A country named by its adjective ("the Syrian army") also says where
        # the report is: one vote per country, whatever the count.
        adjectives = Counter({code: 1 for t in doc.parsed if t.text[:1].isupper() and t.is_alpha
                              and (code := self.demonym(t.text)) is not None})
        votes = country_votes(candidates, self.options) + adjectives
        own = own_votes(candidates, self.options)
        # Whether a town abroad is believable depends on where the report's
        # other towns and regions lie; a country named ten times as an actor
        # ("Russia said") counts once.
        below_country = [c for c in candidates if not self.options(c)[0].feature_code.startswith("PCL")]
        towns = country_votes(below_country, self.options)
        own_towns = {**{key: Counter() for key in own}, **own_votes(below_country, self.options)}
        named = Counter({self.options(c)[0].country: 1 for c in candidates
                         if self.options(c)[0].feature_code.startswith("PCL")}) | adjectives
        # A name does not vouch for itself: "Paris" four times in a report on
        # Texas towns must not make France a focus country for "Paris".
        focus_of_name = {key: [code for code, n in (votes - own[key]).most_common() if n > 0]
                         for key in own}
        first = [self.resolve(c, focus_of_name[name_key(c)], ()) for c in candidates]
        # Cities the report names anchor the smaller places: "the X district of Y"
        # picks the X nearest Y; regions it names hold its towns ("Paris" in a
        # report that names Texas is the one in Texas).
        anchors = tuple(e for e in first if e is not None and (
            (e.feature == "P" and e.population >= ANCHOR_POPULATION)
            or e.feature_code in ("ADM1", "ADM2")))
        places = []
        for candidate in candidates:
            entry = self.resolve(candidate, focus_of_name[name_key(candidate)], anchors)
            if entry is not None and plausible(entry, candidate,
                                               towns - own_towns[name_key(candidate)] + named):
                places.append(locate(doc.text, candidate, entry))
        return places

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        recognised = list(recognise(doc.parsed, self.bare_possessive))
        places = tuple(self.find(doc, recognised))
        extras = {**doc.extras, "focus": focus_of(places), "town_focus": focus_of(places, towns_only=True)}
        return doc.with_(places=places, mentions=tuple(self.mentions(doc, places, recognised)),
                         extras=extras)

    def mentions(self, doc: Document, places: tuple[Place, ...],
                 recognised: list[Candidate]) -> list[Place]:
        """Find the place names that are no event's place: regions, demonyms, names in names."""
        parsed = doc.parsed
        covered = {t.i for p in places for t in parsed.char_span(p.span.start, p.span.end,
                                                                  alignment_mode="expand") or ()}
        found = []

        def keep(span: Any, entry: GeoEntry, role: str) -> None:
            found.append(Place(Span(span.start_char, span.end_char), span.text, entry, 3,
                               entry.lat, entry.lon, role=role))
            covered.update(range(span.start, span.end))

        for candidate in recognised:
            entry = region(candidate.name)
            span = parsed.char_span(candidate.start, candidate.end, alignment_mode="expand")
            if entry is not None and span is not None and not covered & set(range(span.start, span.end)):
                keep(span, entry, "region")
        for span in modifier_spans(parsed, covered):
            if not covered & set(range(span.start, span.end)):
                entry = self.demonym_entry(span.text)
                if entry is not None:
                    keep(span, entry, "demonym")
        for span in inner_spans(parsed, covered):
            if not covered & set(range(span.start, span.end)):
                entry = self.inner_entry(span.text)
                if entry is not None:
                    keep(span, entry, "embedded")
        # Place entities that lead into a longer name ("Manila Archbishop X",
        # "California Democrats"): the recogniser's label lowers the bar.
        for ent in parsed.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            for part in split_list(ent, self.bare_possessive):
                if not covered & set(range(part.start, part.end)):
                    entry = self.inner_entry(part.text, FOREIGN_DOUBTFUL_POPULATION)
                    if entry is not None:
                        keep(part, entry, "embedded")
        return sorted(found, key=lambda p: p.span.start)

    def demonym_entry(self, word: str) -> GeoEntry | None:
        """Return the country or region an adjective names ("Russian", "European")."""
        code = self.demonym(word)
        if code is None:
            return region_adjective(word)
        key = ("country", code)
        if key not in self.cache:
            self.cache[key] = self.gazetteer.country(code)
        return self.cache[key]

    def inner_entry(self, name: str, population: int = INNER_POPULATION) -> GeoEntry | None:
        """Return where a name inside another name points, if it is surely a place.

        Countries, demonyms, regions, admin1 regions and towns of
        INNER_POPULATION or more under their own name: "Cambridge University"
        is in Cambridge, but "Ford Motor" is in no town called Ford. A name the
        recogniser labelled a place needs fewer people (``population``).
        """
        key = ("inner", name, population)
        if key not in self.cache:
            if len(self.cache) > CACHE_SIZE:
                self.cache.clear()
            self.cache[key] = self._inner_entry(name, population)
        return self.cache[key]

    def _inner_entry(self, name: str, population: int) -> GeoEntry | None:
        if code_like(name):     # "BA" is British Airways before it is Bosnia
            return self.demonym_entry(name)
        found = self.gazetteer.country(name) or self.demonym_entry(name) or region(name)
        if found is not None:
            return found
        if normalise(name) in GENERIC_REGION_WORDS:
            return None
        options = self.gazetteer.lookup(name)
        sure = [e for e in options if own_name(e, name) and
                (e.feature_code == "ADM1" or e.population >= population)]
        return max(sure, key=lambda e: e.population) if sure else None

    def bare_possessive(self, token: Any) -> bool:
        """Say whether a word is a country's possessive without its apostrophe ("Syrias")."""
        text = token.text
        if not (len(text) > 3 and text.endswith("s") and text[0].isupper()):
            return False
        key = ("possessive", text)
        if key not in self.cache:
            self.cache[key] = self.gazetteer.country(text[:-1]) is not None
        return self.cache[key]

    def big(self, candidate: Candidate) -> bool:
        """Say whether a name is surely a place wherever it stands: a country, region or city.

        The recogniser sometimes labels "Aleppo" a nationality or an
        organisation; a name that is a country, an admin1 region or a town of
        INNER_POPULATION under its own name is a place all the same.
        """
        if code_like(candidate.name) or self.demonym(candidate.name):
            return False
        return any(own_name(e, candidate.name) and (e.feature_code in ("PCLI", "ADM1")
                                                    or e.population >= INNER_POPULATION)
                   for e in self.options(candidate))

    def known(self, candidate: Candidate) -> bool:
        key = normalise(candidate.name)
        return key not in GENERIC_REGION_WORDS and key not in CALENDAR_WORDS and bool(self.options(candidate))

    def options(self, candidate: Candidate) -> list[GeoEntry]:
        """Return a name's gazetteer readings, looked up once per name and stage."""
        key = (candidate.name, candidate.region)
        if key not in self.cache:
            if len(self.cache) > CACHE_SIZE:
                self.cache.clear()
            self.cache[key] = self.lookup(candidate)
        return self.cache[key]

    def lookup(self, candidate: Candidate) -> list[GeoEntry]:
        if candidate.region:
            bare = REGION_SUFFIX.sub("", candidate.name)
            regions = [e for e in self.gazetteer.lookup(bare) if e.feature == "A"]
            regions += [r for e in self.gazetteer.lookup(bare)
                        if (r := self.gazetteer.admin1(e.country, bare)) is not None]
            return regions or self.gazetteer.lookup(candidate.name)
        country = self.gazetteer.country(candidate.name)
        found = self.gazetteer.lookup(candidate.name)
        return [country] + found if country is not None else found

    def resolve(self, candidate: Candidate, focus: list[str],
                anchors: tuple[GeoEntry, ...]) -> GeoEntry | None:
        options = self.options(candidate)
        if not options:
            return None
        best = max(options, key=lambda e: rank(e, focus, candidate.region) + nearby(e, anchors)
                   + own_name(e, candidate.name))
        if not candidate.region:
            best = city_before_region(best, options, candidate.name)
        return city_state(best, options)


def rank(entry: GeoEntry, focus: list[str], region: bool) -> float:
    """Score a candidate entry: the focus country, then seats of government, then size."""
    score = math.log10(entry.population + 10)
    if entry.feature_code in ("PCLI", "PCL", "PCLD", "PCLS", "PCLF"):
        score += 6          # a country name means the country
    if focus and entry.country == focus[0]:
        score += 4
    elif entry.country in focus:
        score += 2
    if entry.feature_code.startswith("PPLC") or entry.feature_code in ("PPLA", "PPLA2"):
        score += 1
    if region and entry.feature == "A":
        score += 3
    return score


def city_state(best: GeoEntry, options: list[GeoEntry]) -> GeoEntry:
    """Read a country that is one city (Hong Kong, Singapore) as the city: events happen there."""
    if not best.feature_code.startswith("PCL"):
        return best
    same = [e for e in options if e.country == best.country and e.feature_code == "PPLC"
            and normalise(e.name) == normalise(best.name)]
    return same[0] if same else best


def city_before_region(best: GeoEntry, options: list[GeoEntry], written: str) -> GeoEntry:
    """Read a region's name written alone as its namesake city when that city is big or a capital.

    News writes "New York" or "Aleppo" for the city and "New York state" or
    "Aleppo province" for the region; a small town named like its region
    ("Idlib") leaves the region standing, as the report may mean either.
    """
    if best.feature != "A" or best.feature_code.startswith("PCL"):
        return best
    cities = [e for e in options if e.feature == "P"
              and (own_name(e, written) or own_name(e, f"{written} City"))
              and (e.population >= BIG_CITY or e.feature_code == "PPLC")
              and (e.country == best.country)]
    return max(cities, key=lambda e: e.population) if cities else best


def code_like(name: str) -> bool:
    """Say whether a name looks like a code ("BA", "GTM", "U.S."): three capitals or fewer."""
    letters = name.replace(".", "")
    return len(letters) <= 3 and letters.isalpha() and letters.isupper()


def plausible(entry: GeoEntry, candidate: Candidate, others: Counter[str]) -> bool:
    """Say whether a reading abroad is believable in a report clearly about one country.

    ``others`` are the votes of the report's other towns and regions (a name
    repeated five times does not vouch for itself), plus one for each
    country it names. Where they point FOCUS_MAJORITY times or more into one
    country, a foreign town or county is far more often a misreading than
    news from there when: nothing else points into its country and it has
    fewer than LONE_FOREIGN_POPULATION people ("Tabaqa" read as a Tunisian
    namesake in a report on Raqqa); or it is
    reached only through one of its alternate names ("Barrel" for an Indian
    town); or the recogniser did not call it a place and it is small.
    """
    if not others or not (entry.feature == "P" or entry.feature_code == "ADM2"):
        return True
    focus, strength = others.most_common(1)[0]
    if entry.country == focus or strength < FOCUS_MAJORITY or strength < 2 * others[entry.country]:
        return True
    if not others[entry.country] and entry.population < LONE_FOREIGN_POPULATION:
        return False
    if not own_name(entry, candidate.name):
        return False
    return candidate.trusted or entry.population >= FOREIGN_DOUBTFUL_POPULATION


def own_name(entry: GeoEntry, written: str) -> float:
    """Favour a place whose own name is the one written over one that merely has it as an alias.

    Spelling that only transliteration changes ("Saada" for "Sa'dah") still
    counts as its own name, and so does a name without its Arabic article
    ("Raqqa" for "Ar Raqqah").
    """
    bare = REGION_SUFFIX.sub("", written)
    names = (spelling(entry.name), spelling(strip_article(normalise(entry.name))))
    return 1.5 if spelling(written) in names or spelling(bare) in names else 0.0


@lru_cache(maxsize=CACHE_SIZE)
def spelling(name: str) -> str:
    """Reduce a name to its letters, doubled letters once and no final "h"."""
    letters = re.sub(r"[^a-z]", "", normalise(name))
    return re.sub(r"(.)\1+", r"\1", letters).removesuffix("h")


def nearby(entry: GeoEntry, anchors: tuple[GeoEntry, ...]) -> float:
    """Favour a town or site near another place the report names, or in a region it names.

    Within NEARBY_KM of a named city, or inside a named admin1 or admin2
    region ("Jableh, Latakia province"). Regions themselves get no bonus: a
    city would otherwise pull its own namesake province.
    """
    if entry.feature == "A":
        return 0.0
    for anchor in anchors:
        if anchor.geonameid == entry.geonameid or anchor.country != entry.country:
            continue
        if anchor.feature_code == "ADM1" and entry.admin1 == anchor.name or \
                anchor.feature_code == "ADM2" and entry.admin2 == anchor.name:
            return NEARBY_BONUS
        if anchor.feature == "P" and distance_km(anchor, entry) <= NEARBY_KM:
            return NEARBY_BONUS
    return 0.0


def distance_km(a: GeoEntry, b: GeoEntry) -> float:
    north = math.radians(b.lat - a.lat)
    east = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(north, east)


def name_key(candidate: Candidate) -> tuple[str, bool]:
    return normalise(candidate.name), candidate.region


def own_votes(candidates: list[Candidate], options: Any) -> dict[tuple[str, bool], Counter[str]]:
    """Return, per name, the votes its own mentions cast (see :func:`country_votes`)."""
    own: dict[tuple[str, bool], Counter[str]] = {}
    for candidate in candidates:
        own.setdefault(name_key(candidate), Counter()).update(country_votes([candidate], options))
    return own


def country_votes(candidates: list[Candidate], options: Any) -> Counter[str]:
    """Rank countries by how many of the report's names point into them.

    Each name votes for the country of its largest namesake (a place whose own
    name it is before one that has it as an alias); a country named
    outright votes twice, since a report that says "Syria" is about Syria.
    """
    votes: Counter[str] = Counter()
    for candidate in candidates:
        found = options(candidate)
        if found and found[0].feature_code.startswith("PCL"):
            votes[found[0].country] += 2
        elif found:
            votes[max(found, key=lambda e: (own_name(e, candidate.name) > 0, e.population)).country] += 1
    return votes


def focus_of(places: tuple[Place, ...], towns_only: bool = False) -> str | None:
    """Return the country most of the resolved places lie in.

    With ``towns_only``, the country of most towns and regions (else of the
    countries named): countries named as actors ("US-led strikes", "Russia
    said") do not outweigh the one town where things happened.
    """
    located = [p for p in places if p.entry is not None]
    if towns_only:
        located = [p for p in located if not p.entry.feature_code.startswith("PCL")] or located
    counts = Counter(p.entry.country for p in located)
    return counts.most_common(1)[0][0] if counts else None


def locate(text: str, candidate: Candidate, entry: GeoEntry) -> Place:
    """Make a Place, reading "5 km south of X" or "near X" just before the name."""
    before = text[max(0, candidate.start - 60):candidate.start]
    precision = 3 if entry.feature == "A" else 1
    span = Span(candidate.start, candidate.end)
    match = RELATIVE.search(before)
    distance = parse_count(match.group("dist")) if match else None
    if match and distance is not None and distance.best and \
            match.group("dir").replace("-", "").lower() in DIRECTIONS:
        km = distance.best * (MILES_KM if match.group("unit").lower().startswith("mi") else 1)
        lat, lon = offset_point(entry.lat, entry.lon, km, match.group("dir").replace("-", "").lower())
        start = candidate.start - len(before) + match.start()
        return Place(Span(start, candidate.end), text[start:candidate.end], entry, 2, lat, lon,
                     anchor=candidate.name)
    if entry.feature == "L":
        precision = 2       # an area: part of a place, as ACLED's geo_precision 2
    if NEAR.search(before) and precision == 1:
        precision = 2
    if entry.seat_lat is not None and entry.seat_lon is not None:
        # ACLED codes an event known only by its region or country at the capital.
        return Place(span, candidate.name, entry, precision, entry.seat_lat, entry.seat_lon)
    return Place(span, candidate.name, entry, precision, entry.lat, entry.lon)


def offset_point(lat: float, lon: float, km: float, direction: str) -> tuple[float, float]:
    """Move a point km kilometres in a compass direction."""
    north, east = DIRECTIONS[direction]
    dlat = north * km / 111.32
    dlon = east * km / (111.32 * max(0.01, math.cos(math.radians(lat))))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def recognise(parsed: Any, possessive: Callable[[Any], bool] = lambda _t: False) -> Iterator[Candidate]:
    """Yield place-name candidates: place entities, and doubtful ones in a place's context.

    ``possessive`` tells a country's possessive written without its apostrophe
    ("Syrias Aleppo", as some copy strips them), which starts a new name.
    """
    seen: set[int] = set()
    for ent in parsed.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in DOUBTFUL_LABELS:
            parts = list(split_list(ent, possessive))
            for part in parts:
                if inside_organisation(part, possessive) or part.start in seen:
                    continue
                if not part.text[:1].isupper():
                    continue    # "the surrounding bush": a common noun the recogniser took for a name
                if ent.label_ in PLACE_LABELS or locative(part):
                    seen.update(range(part.start, part.end))
                    yield candidate_of(part, ent.label_ in PLACE_LABELS)
                elif ent.label_ in ("NORP", "ORG") and len(parts) == 1:
                    seen.update(range(part.start, part.end))
                    yield replace(candidate_of(part, False), placed=False)
    for run in proper_runs(parsed, possessive):
        if run.start not in seen and locative(run) and not inside_organisation(run, possessive):
            seen.update(range(run.start, run.end))
            yield candidate_of(run, False)
    for span in dateline_spans(parsed):
        if not seen & set(range(span.start, span.end)):
            yield candidate_of(span, False)


def candidate_of(span: Any, trusted: bool) -> Candidate:
    """Make a candidate, reading "the province of X" as a region and "X city" as X."""
    start, end = span.start_char, span.end_char
    text = span.text
    prefix = REGION_PREFIX.match(text)
    if prefix:
        return Candidate(start + prefix.end(), end, text[prefix.end():], True, trusted)
    suffix = CITY_SUFFIX.search(text)
    if suffix:
        return Candidate(start, start + suffix.start(), text[:suffix.start()], False, trusted)
    following = span.doc[span.end] if span.end < len(span.doc) else None
    region = bool(REGION_SUFFIX.search(text)) or (following is not None and
                                                 following.lower_ in REGION_WORDS)
    return Candidate(start, end, text, region, trusted)


def split_list(ent: Any, possessive: Callable[[Any], bool]) -> Iterator[Any]:
    """Split an entity that the model ran together ("Homs and Hama") at its conjunctions."""
    start = ent.start
    while start < ent.end and ent.doc[start].lower_ in ("the", "a"):
        start += 1
    for token in ent.doc[start:ent.end]:
        if token.lower_ in ("and", "or", ",", "&") or token.tag_ == "POS" or token.text in ("'s", "’s") \
                or possessive(token):
            if token.i > start:
                yield ent.doc[start:token.i]
            start = token.i + 1
    if start < ent.end:
        yield ent.doc[start:ent.end]


def proper_runs(parsed: Any, possessive: Callable[[Any], bool]) -> Iterator[Any]:
    """Yield runs of proper nouns that no entity covers."""
    run_start = None
    for token in parsed:
        inside = token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper() \
            and not possessive(token)
        if inside and run_start is None:
            run_start = token.i
        elif not inside and run_start is not None:
            yield parsed[run_start:token.i]
            run_start = None
    if run_start is not None:
        yield parsed[run_start:len(parsed)]


def inside_organisation(span: Any, possessive: Callable[[Any], bool]) -> bool:
    """Say whether a name is part of a longer proper name ("Islamic State", "Tartu News Agency").

    A longer name that ends in a place word or a facility ("X Province",
    "X Airport") still places its event in X.
    """
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and capitalised(before) and not before.is_sent_start and \
            not direction(before.lower_) and not possessive(before):
        return True
    end = span.end
    while end < len(doc) and capitalised(doc[end]) and not possessive(doc[end]):
        end += 1
    if end == span.end:
        return False
    last = doc[end - 1].lower_
    return last not in PLACE_WORD_HEADS and last not in FACILITIES


def direction(word: str) -> bool:
    """Say whether a word is a compass direction: "North" or "Northern" Syria is still Syria."""
    return word in DIRECTIONS or (word.endswith("ern") and word[:-3] in DIRECTIONS)


def capitalised(token: Any) -> bool:
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN") and token.lower_ != "the"


def locative(span: Any) -> bool:
    """Say whether a doubtful name stands where a place would: after "in", before "Province"...

    A capitalised word that opens an event phrase ("Barrel bomb attack") is no place.
    """
    first, last = span[0], span[-1]
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and f"{last.lower_} {following.lemma_.lower()}" in triggers():
        return False
    if last.lower_ in PLACE_WORD_HEADS:
        return True
    if first.i > 0 and span.doc[first.i - 1].lower_ in LOCATIVE_PREPS - {"of", "to", "from"}:
        return True
    return locative_token(last, depth=0)


def locative_token(token: Any, depth: int) -> bool:
    """Say whether a word's place in the parse is one a place name takes."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS - {"of"}:
        return True
    if token.dep_ == "pobj" and head.lower_ == "of":     # "the town of X", "areas of X"
        return head.head.lemma_.lower() in PLACE_NOUNS
    if token.dep_ in ("compound", "nmod") and head.lower_ in PLACE_WORD_HEADS:     # "X city", "X province"
        return True
    if token.dep_ == "dobj" and head.lemma_.lower() in ATTACK_VERBS:     # "missiles struck X"
        return True
    if token.dep_ == "conj" and depth < 4:
        return head.ent_type_ in PLACE_LABELS or locative_token(head, depth + 1)
    return token.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.lower_ in EVENT_NOUNS


# Nouns of events that a place name may modify ("the Aleppo bombing").
EVENT_NOUNS = {"bombing", "bombings", "attack", "attacks", "blast", "blasts", "explosion",
               "explosions", "massacre", "shelling", "airstrike", "airstrikes", "clashes",
               "offensive", "protest", "protests", "siege", "raid", "strike", "strikes", "battle"}
