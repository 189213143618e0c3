"""Place mentions: recognised in the parse, resolved with the gazetteer.

Recognition (:mod:`marsad.stages.recognise`) takes spaCy's place entities,
other proper-noun runs and datelines, and keeps a name only where the
gazetteer knows it and the context reads as a place: organisation names that
contain a place ("the Tartu News Agency") and people's names are not place
mentions. Resolution (:mod:`marsad.stages.resolve`) picks each name's reading,
read a second time in the light of where the report's settled readings lie
(:mod:`marsad.stages.focus`).
The stage also keeps the place names that are no event's place
(:mod:`marsad.stages.toponyms`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable

from marsad.gazetteer import Gazetteer, normalise
from marsad.model import Document, GeoEntry, Place, Span
from marsad.stages.recognise import (PLACE_LABELS, REGION_SUFFIX, Candidate, dotted_regions, join_wholes,
                                     recognise, split_list, surnames, with_dotted_regions, without_direction)
from marsad.stages.resolve import (CACHE_SIZE, FOREIGN_DOUBTFUL_POPULATION, city_before_region, city_state,
                                   code_like, country_votes, focus_of, level_with_conjuncts, name_key, nearby,
                                   locate, one_reading_per_name, own_name, own_votes, plausible, rank,
                                   level_with_town, town_in_named_region, in_stated_town)
from marsad.stages.focus import (REGION_FOCUS_BONUS, View, anchor, famous_over_namesake, focus_region,
                                 in_focus_region, reading_votes, region_of, region_of_report)
from marsad.stages.toponyms import (country_abbreviations, dedication, in_facility_name, inner_spans,
                                    lone_datelines, modifier_spans, readings, region, region_adjective,
                                    stated_containers, stated_towns)

INNER_POPULATION = 100_000
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
# Quarters every city has: "the Old City" of a report on Aleppo is Aleppo's, not a namesake.
GENERIC_QUARTERS = {"old city", "old town", "new city", "new town", "downtown", "city centre",
                    "city center", "town centre", "town center", "medina", "old quarter"}
# Landforms every country has: "the Valley" of a local report is its own valley, not a
# town called Valley.
GENERIC_LANDFORMS = {"valley", "delta", "ocean", "sea", "bay", "river", "lake", "desert",
                     "island", "islands", "peninsula", "mountains", "hills"}
# Legislatures every country has: "concerns in Congress" are the legislature's, not a
# hamlet's that bears the word.
LEGISLATURES = {"congress", "parliament", "senate", "legislature"}
GENERIC_NAMES = GENERIC_REGION_WORDS | GENERIC_QUARTERS | GENERIC_LANDFORMS | LEGISLATURES  # never a place
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
        # A country's adjective is a demonym, not the town that shares it ("Canadian" in
        # Texas); an abbreviation that is both ("U.S.") is still the country.
        candidates = [c for c in recognised
                      if not self.is_actor(c.name) and region(c.name) is None and self.known(c)
                      and (c.placed or self.big(c))
                      and (self.demonym(c.name) is None or self.country_entry(c.name) is not None)]
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
        outright = frozenset(self.options(c)[0].country for c in candidates
                             if self.options(c)[0].feature_code.startswith("PCL"))
        named = Counter({code: 1 for code in outright}) | adjectives
        # A name does not vouch for itself: "Paris" four times in a report on
        # Texas towns must not make France a focus country for "Paris".
        focus_of_name = {key: [code for code, n in (votes - own[key]).most_common() if n > 0]
                         for key in own}
        first = [self.resolve(c, focus_of_name[name_key(c)], ()) for c in candidates]
        anchors = [(name_key(c), e) for c, e in zip(candidates, first) if e is not None and anchor(e)]
        anchors = list(dict.fromkeys(anchors))      # once per place, however often it is named
        chosen, stated = self.settle(doc, candidates, focus_of_name, anchors, {})
        # Read every name again in the light of the names anchors or context settled (a reading
        # in a region the report names, near a city it names, or fixed by "Town, State"):
        # they vote for their own reading's country ("GLASGOW, Ky." for the US, not Scotland),
        # the rest for their largest namesake's; and of the region the report's readings lie
        # in (:mod:`marsad.stages.focus`). A name still does not vouch for itself.
        settled = {name_key(c): e for (c, e), old in zip(chosen, first) if e is not None and (
            e is not old or nearby(e, tuple(a for k, a in anchors if k != name_key(c)), c.name))}
        votes = country_votes([c for c in candidates if name_key(c) not in settled], self.options) \
            + reading_votes(settled.values()) + adjectives
        own = {key: reading_votes([settled[key]]) if key in settled else n for key, n in own.items()}
        again = {key: [code for code, n in (votes - own[key]).most_common() if n > 0] for key in own}
        read = [(name_key(c), e) for c, e in chosen if e is not None]
        views = {key: View(focus_region(e for k, e in read if k != key), outright) for key in own}
        chosen, stated = self.settle(doc, candidates, again, anchors, views)
        located = [locate(doc.text, candidate, entry) for candidate, entry in chosen
                   if entry is not None and plausible(entry, candidate,
                                                      towns - own_towns[name_key(candidate)] + named)
                   and (not descriptive(candidate.name) or entry.country in focus_of_name[name_key(candidate)])]
        # A town the gazetteer knows only abroad, in the country the report puts it in, is a
        # place somewhere in that country: the country is its anchor, not its name.
        # Where in it is not known: it has no point (not the capital a region-level event
        # is coded at, nor the country's middle).
        return [replace(p, anchor=p.entry.name, lat=None, lon=None)
                if (reading := stated.get(normalise(p.name))) is not None and reading is p.entry
                and reading.feature_code.startswith("PCL") else p for p in located]

    def settle(self, doc: Document, candidates: list[Candidate], focus: dict, anchors: list,
               views: dict) -> tuple[list[tuple[Candidate, GeoEntry | None]], dict]:
        """Read every name with the report's focus, anchors and focus regions, then by its context.

        Cities the report names anchor the smaller places: "the X district of Y"
        picks the X nearest Y; regions it names hold its towns ("Paris" in a
        report that names Texas is the one in Texas). A name does not anchor
        itself: "Montana", or "Mont." before it, read as the state must not
        pull "Montana" to a town in Montana. Returns the readings and the ones
        settled by a container the report states ("X in Country").
        """
        chosen = [(c, self.resolve(c, focus[key], tuple(
            e for other, e in anchors if other != key and not own_name(e, c.name)), views.get(key, View())))
            for c in candidates for key in (name_key(c),)]
        # A wire dateline names a city alone only when it is one the world knows ("WASHINGTON -",
        # not "WASHINGTON, England"): the report's other places do not pick its namesake.
        alone = lone_datelines(doc.parsed)
        chosen = [(c, self.resolve(c, [], ()) if (c.start, c.end) in alone else e) for c, e in chosen]
        chosen = [(c, self.by_initials(c, e, focus[name_key(c)])) for c, e in chosen]
        # Where the report says once which country a name lies in, it does for every mention.
        stated = {normalise(c.name): inside for c, e in chosen
                  if (inside := self.within_stated(doc.text, c, e)) is not e}
        chosen = [(c, stated.get(normalise(c.name), e)) for c, e in chosen]
        chosen = in_stated_town(doc.text, chosen, stated_towns)
        leveled = level_with_conjuncts(doc.parsed, chosen, self.options)
        leveled = town_in_named_region(doc.text, level_with_town(doc.text, leveled, self.options), self.options)
        # A mention read as the report's own region keeps it: "Washington, D.C." settles only
        # that mention in a report on Washington state.
        regional = {e.geonameid for c, e in chosen if e is not None and e.feature_code == "ADM1"
                    and region_of(e) == views.get(name_key(c), View()).region}
        return one_reading_per_name(chosen, leveled, regional), stated

    def __call__(self, doc: Document) -> Document:
        if doc.parsed is None:
            return doc
        recognised = join_wholes(doc.text, sorted(recognise(doc.parsed, self.bare_possessive, self.whole),
                                                  key=lambda c: c.start), self.whole)
        recognised = [self.bare_if_unknown(c) for c in with_dotted_regions(doc.text, recognised, self.known)]
        people = surnames(doc.parsed)
        recognised = [c for c in recognised if c.trusted or c.name not in people or self.big(c)]
        places = tuple(self.find(doc, recognised))
        focus = focus_of(places)
        extras = {**doc.extras, "focus": focus, "town_focus": focus_of(places, towns_only=True)}
        return doc.with_(places=places, mentions=tuple(self.mentions(doc, places, recognised, focus)),
                         extras=extras)

    def mentions(self, doc: Document, places: tuple[Place, ...], recognised: list[Candidate],
                 doc_focus: str | None) -> list[Place]:
        """Find the place names that are no event's place: regions, demonyms, names in names."""
        parsed = doc.parsed
        covered = {t.i for p in places for t in parsed.char_span(p.span.start, p.span.end,
                                                                  alignment_mode="expand") or ()}
        found = []

        def keep(span: Any, entry: GeoEntry, role: str) -> None:
            # A building or site named after a country, region or people stands at one
            # spot in it, or abroad (an embassy): not at the country's or region's point.
            if entry.feature != "P" and in_facility_name(span) or dedication(span):
                return
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
                elif len(span) == 2 and self.demonym_entry(span[0].text) is not None:
                    # An adjective that opens a place's name is no demonym: "British Columbia".
                    entry = self.inner_entry(span.text, focus=doc_focus)
                    if entry is not None:
                        keep(span, entry, "embedded")
        read = readings(places)
        for span in inner_spans(parsed, covered):
            if not covered & set(range(span.start, span.end)):
                entry = self.inner_entry(span.text, focus=doc_focus)
                entry = entry and read.get(normalise(span.text), self.county_of_report(entry, span.text, places))
                if entry is not None:
                    keep(span, entry, "embedded")
        # Place entities that lead into a longer name ("Manila Archbishop X",
        # "California Democrats"): the recogniser's label lowers the bar.
        for ent in parsed.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            for part in split_list(ent, self.bare_possessive, self.whole):
                if not covered & set(range(part.start, part.end)):
                    entry = self.inner_entry(part.text, FOREIGN_DOUBTFUL_POPULATION, doc_focus)
                    entry = entry and read.get(normalise(part.text), self.county_of_report(entry, part.text, places))
                    if entry is not None:
                        keep(part, entry, "embedded")
        return sorted(found, key=lambda p: p.span.start)

    def demonym_entry(self, word: str) -> GeoEntry | None:
        """Return the country or region an adjective or abbreviation names ("Russian", "European", "UK")."""
        code = self.demonym(word) or country_abbreviations().get(word)
        if code is None:
            return region_adjective(word)
        return self.country_entry(code)

    def inner_entry(self, name: str, population: int = INNER_POPULATION,
                    focus: str | None = None) -> GeoEntry | None:
        """Return where a name inside another name points, if it is surely a place.

        Countries, demonyms, regions, admin1 regions and towns of
        INNER_POPULATION or more under their own name: "Cambridge University"
        is in Cambridge, but "Ford Motor" is in no town called Ford. A name the
        recogniser labelled a place needs fewer people (``population``).
        Readings are ranked as a place's are, with the report's ``focus``
        country: "New York Times" is in the city, "Cambridge University" in
        England when the report is about England.
        """
        key = ("inner", name, population, focus)
        if key not in self.cache:
            if len(self.cache) > CACHE_SIZE:
                self.cache.clear()
            self.cache[key] = self._inner_entry(name, population, focus)
        return self.cache[key]

    def _inner_entry(self, name: str, population: int, focus: str | None) -> GeoEntry | None:
        if code_like(name):     # "BA" is British Airways before it is Bosnia; "EU" is Europe's
            return self.demonym_entry(name) or region(name)
        found = self.gazetteer.country(name) or self.demonym_entry(name) or region(name)
        if found is not None:
            return found
        if normalise(name) in GENERIC_NAMES or descriptive(name):
            return None
        options = self.gazetteer.lookup(name)
        # A county written with its word ("the X County Sheriff's Office") is that county.
        sure = [e for e in options if own_name(e, name) and
                (e.feature_code == "ADM1" or e.feature == "P" and e.population >= population
                 or e.feature_code == "ADM2" and REGION_SUFFIX.search(name))]
        if not sure:
            return None
        best = max(sure, key=lambda e: rank(e, [focus] if focus else [], False))
        return city_before_region(best, options, name)

    def county_of_report(self, entry: GeoEntry, name: str, places: tuple[Place, ...]) -> GeoEntry:
        """Read a county's name as the namesake county in a state the report's places lie in.

        "Monroe County" is in seventeen states; a report on towns of one
        state means that state's (as :func:`~marsad.stages.resolve.nearby` does
        for places), and of several, the one most of them lie in.
        """
        if entry.feature_code != "ADM2":
            return entry
        states = Counter(p.entry.admin1 for p in places if p.entry.country == entry.country and p.entry.admin1)
        inside = [e for e in self.options(Candidate(0, 0, name, True)) if e.feature_code == "ADM2"
                  and e.country == entry.country and e.admin1 in states and own_name(e, name)]
        # The state most of the report's places lie in first: one Chicago in a report on Iowa
        # towns does not make its county Illinois'.
        return max(inside, key=lambda e: (states[e.admin1], e.population)) if inside else entry

    def bare_possessive(self, token: Any) -> bool:
        """Say whether a word is a country's possessive without its apostrophe ("Syrias")."""
        text = token.text
        if not (len(text) > 3 and text.endswith("s") and text[0].isupper()):
            return False
        key = ("possessive", text)
        if key not in self.cache:
            self.cache[key] = self.gazetteer.country(text[:-1]) is not None
        return self.cache[key]

    def bare_if_unknown(self, candidate: Candidate) -> Candidate:
        """Read a name the gazetteer lacks without its compass words, if the rest is surely a place.

        "Far North Queensland" is in Queensland; "West Wing" is not in a
        hamlet called Wing, so the rest must be a country, region or city.
        """
        bare = without_direction(candidate)
        if bare is None or region(candidate.name) is not None or self.options(candidate) \
                or not self.big(bare):
            return candidate
        return bare

    def whole(self, name: str) -> bool:
        """Say whether a name joined by "and" is one place: "Trinidad and Tobago", not "Homs and Hama"."""
        key = ("whole", name)
        if key not in self.cache:
            self.cache[key] = self.gazetteer.country(name) is not None or any(
                own_name(e, name) for e in self.gazetteer.lookup(name))
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

    def by_initials(self, candidate: Candidate, entry: GeoEntry | None, focus: list[str]) -> GeoEntry | None:
        """Read an abbreviation as the initials of a country the report points to: "SA" for South Africa.

        Copy abbreviates the country it is about ("post-apartheid SA"); the same
        letters as another country's ISO code are that country only where the
        report does not point to one with those initials first.
        """
        if entry is None or not code_like(candidate.name):
            return entry
        letters = candidate.name.replace(".", "")
        for code in focus:
            country = self.country_entry(code)
            if country is not None and initials(country.name) == letters:
                return country
        return entry

    def country_entry(self, code: str) -> GeoEntry | None:
        key = ("country", code)
        if key not in self.cache:
            self.cache[key] = self.gazetteer.country(code)
        return self.cache[key]

    def within_stated(self, text: str, candidate: Candidate, entry: GeoEntry | None) -> GeoEntry | None:
        """Keep a town in the country the report puts it in ("Inata in Burkina Faso's Soum
        province"): its namesake there, else that country itself (precision 3, the name kept),
        never a namesake abroad; a region the gazetteer lacks there is left out."""
        if entry is None or entry.feature_code.startswith("PCL") or entry.feature_code == "ADM1":
            return entry
        country = next((e for name in stated_containers(text, candidate.start, candidate.end)
                        if len(name) > 3 and not code_like(name) for e in self.container(name, entry)), None)
        if country is None or country.country == entry.country:
            return entry
        inside = [e for e in self.options(candidate) if e.country == country.country]
        if inside:
            return max(inside, key=lambda e: e.population)
        return None if candidate.region else country    # a region of unknown bounds is no place

    def container(self, name: str, entry: GeoEntry) -> list[GeoEntry]:
        """The country a name written as a place's container stands for: its own name, and not
        also a region of the place's country ("Atlanta, Georgia" is in the US state)."""
        options = self.options(Candidate(0, 0, name, False))
        if any(e.country == entry.country and e.feature == "A" for e in options):
            return []
        return [e for e in options[:1] if e.feature_code.startswith("PCL") and own_name(e, name)]

    def known(self, candidate: Candidate) -> bool:
        key = normalise(candidate.name)
        return key not in GENERIC_NAMES and key not in CALENDAR_WORDS and bool(self.options(candidate))

    def options(self, candidate: Candidate) -> list[GeoEntry]:
        """Return a name's gazetteer readings, looked up once per name and stage."""
        key = (candidate.name, candidate.region)
        if key not in self.cache:
            if len(self.cache) > CACHE_SIZE:
                self.cache.clear()
            self.cache[key] = self.lookup(candidate)
        return self.cache[key]

    def lookup(self, candidate: Candidate) -> list[GeoEntry]:
        dotted = dotted_regions().get(candidate.name)
        if dotted is not None:
            return [found for region in dotted if (found := self.gazetteer.admin1(*region)) is not None]
        if candidate.region:
            bare = REGION_SUFFIX.sub("", candidate.name)
            regions = [e for e in self.gazetteer.lookup(bare) if e.feature == "A"]
            regions += [r for e in self.gazetteer.lookup(bare)
                        if (r := self.gazetteer.admin1(e.country, bare)) is not None]
            return regions or self.gazetteer.lookup(candidate.name)
        country = self.gazetteer.country(candidate.name)
        found = self.gazetteer.lookup(candidate.name)
        return [country] + found if country is not None else found

    def resolve(self, candidate: Candidate, focus: list[str], anchors: tuple[GeoEntry, ...],
                view: View = View()) -> GeoEntry | None:
        """Pick a name's reading: rank, anchors, own name, and where the report's other names point."""
        options = self.options(candidate)
        if not options:
            return None

        def local(e: GeoEntry) -> float:
            focused = candidate.region and in_focus_region(e, view.region, options)
            return nearby(e, anchors, candidate.name) + (REGION_FOCUS_BONUS if focused else 0.0)

        best = max(options, key=lambda e: rank(e, focus, candidate.region) + local(e) + own_name(e, candidate.name))
        if not candidate.region:
            best = city_before_region(best, options, candidate.name)
            best = famous_over_namesake(best, options, local(best) > 0, view,
                                        lambda e: own_name(e, candidate.name))
            best = region_of_report(best, options, view.region, lambda e: own_name(e, candidate.name))
        return city_state(best, options)


def initials(name: str) -> str:
    """Return the capitals a name is abbreviated to: "Democratic Republic of the Congo" -> "DRC"."""
    return "".join(word[0].upper() for word in name.split() if word[0].isupper())


def descriptive(name: str) -> bool:
    """Say whether a name is made of generic region words only: "West Coast", "Central North".

    Such a name describes a part of whatever country the report is about; a
    region that bears it (New Zealand's West Coast) is its reading only where
    the report names some other place in that country.
    """
    words = normalise(name).split()
    return len(words) > 1 and all(word in GENERIC_REGION_WORDS for word in words)
