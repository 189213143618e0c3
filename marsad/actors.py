"""The actor registry: canonical actors, countries, identities and generic state phrases.

The data lives in plain files under ``marsad/data`` (``actors.tsv``,
``countries.tsv``, ``identities.tsv``, ``generic_actors.tsv``); each documents
its format at the top. :mod:`marsad.actor_entries` reads and checks their rows;
this module indexes them.
Nothing is read at import time: call :meth:`ActorRegistry.load`.

Two names for a state, used in different places:

* :meth:`ActorRegistry.state_forces` ("Military Forces of Syria", ACLED's
  actor name) for a state that *acts*: the perpetrator or target of violence
  (army, security forces, "regime forces"); :meth:`ActorRegistry.police`
  ("Police Forces of Syria") when the police act.
* :meth:`ActorRegistry.government` ("Syrian government") for a state that
  *speaks*: claims, denials and accusations, and the principal behind a
  ministry, a president or state media (:meth:`ActorRegistry.state_media`).

The registry also holds one actor per country and role, named as above, whose
aliases are the generic phrases with the country's adjectives in front
("Syrian army", "Russian forces", "Iranian state TV").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from marsad.actor_entries import (  # noqa: F401 -- the registry's records, re-exported
    ACTOR_TYPES, ARTICLE, EXACT_MARK, IDENTITY_TYPES, STATE_ROLES, ActorEntry, CountryEntry,
    GenericPhrase, IdentityEntry, Source, actors_from, case_sensitive, check_phrase, countries_from,
    generic_from, identities_from, normalise, packaged,
)


class _Index:
    """Map the forms of names to keys, case-sensitively or not, refusing clashes."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        self.exact_folded: dict[str, set[str]] = {}

    def add(self, form: str, key: str, exact: bool, strict: bool = True) -> bool:
        """Index ``form`` under ``key``; on a clash raise, or return False when not ``strict``."""
        text = normalise(form, fold=not exact)
        if not text:
            raise ValueError(f"{self.what} {key!r}: empty form {form!r}")
        if not exact and len(text) <= 3:
            raise ValueError(f"{self.what} {key!r}: {form!r} is 3 characters or fewer;"
                             f" write it as {EXACT_MARK}{form} to match it case-sensitively")
        table = self.exact if exact else self.folded
        owners = {table.get(text, key)}
        owners |= {self.folded.get(text.casefold(), key)} if exact else self.exact_folded.get(text, set())
        if owners - {key}:
            if strict:
                other = sorted(owners - {key})[0]
                raise ValueError(f"{self.what}: {form!r} names both {key!r} and {other!r}")
            return False
        table[text] = key
        if exact:
            self.exact_folded.setdefault(text.casefold(), set()).add(key)
        return True

    def get(self, text: str) -> str | None:
        """Return the key a text names, trying the exact forms first."""
        found = self.exact.get(normalise(text, fold=False))
        return found if found is not None else self.folded.get(normalise(text))

    def get_singular(self, text: str) -> str | None:
        """Return the key a text names, or that its singular names ("Syrians", "Kurds")."""
        found = self.get(text)
        if found is None and text.endswith("s") and len(text) > 4:
            found = self.get(text[:-1])
        return found


class ActorRegistry:
    """Look up actors, countries, identities and generic state phrases by any of their names."""

    def __init__(self, actors: Iterable[ActorEntry], countries: Iterable[CountryEntry] = (),
                 identities: Iterable[IdentityEntry] = (), generic: Iterable[GenericPhrase] = ()) -> None:
        self._countries = {c.iso2: c for c in countries}
        self._country_index = _indexed("country", self._countries.values(), lambda c: c.iso2)
        self._demonyms = {normalise(a): c.iso2 for c in self._countries.values() for a in c.adjectives}
        self._identities = {i.name: i for i in identities}
        self._identity_index = _indexed("identity", self._identities.values(), lambda i: i.name)
        self._generic = {phrase.phrase: phrase for phrase in generic}
        self._generic_index = _Index("generic phrase")
        for phrase in self._generic.values():
            check_phrase(phrase)
            if not phrase.needs_adjective:
                self._generic_index.add(phrase.phrase, phrase.phrase, case_sensitive(phrase.phrase))
        self._actors: dict[str, ActorEntry] = {}
        self._index = _Index("actor")
        for entry in actors:
            self._add(entry)
        for country in self._countries.values():
            for role in STATE_ROLES:
                self._add_state_actor(country, role)
        for entry in self._actors.values():
            self._check(entry)

    @classmethod
    def load(cls, actors_path: Source | None = None, countries_path: Source | None = None,
             identities_path: Source | None = None, generic_path: Source | None = None) -> "ActorRegistry":
        """Read the registry from its TSV files, by default the ones packaged with marsad."""
        return cls(
            actors=actors_from(actors_path or packaged("actors.tsv")),
            countries=countries_from(countries_path or packaged("countries.tsv")),
            identities=identities_from(identities_path or packaged("identities.tsv")),
            generic=generic_from(generic_path or packaged("generic_actors.tsv")),
        )

    # -- actors

    def find(self, name: str) -> ActorEntry | None:
        """Return the actor a name or alias denotes ("Daesh" -> Islamic State), or None."""
        key = self._index.get(name)
        return self._actors[key] if key is not None else None

    def actors(self) -> Iterator[ActorEntry]:
        """Yield every actor, those made for each country's state included."""
        yield from self._actors.values()

    def surface_forms(self) -> Iterator[tuple[str, ActorEntry, bool]]:
        """Yield (form, actor, case_sensitive) for every name and alias, as a phrase matcher wants them.

        A leading "The" is dropped ("The Guardian" -> "Guardian"), and each form
        also comes without diacritics, with a typographic apostrophe and with
        hyphens as spaces, so that the usual spellings of a form match too.
        """
        for entry in self._actors.values():
            for form, exact in entry.forms():
                for variant in _variants(ARTICLE.sub("", form)):
                    yield variant, entry, exact

    # -- countries, identities and generic phrases

    def country(self, text: str) -> CountryEntry | None:
        """Return the country a name, adjective, capital or possessive denotes ("Syria's", "the Kremlin")."""
        iso2 = self._country_index.get_singular(text)
        return self._countries[iso2] if iso2 is not None else None

    def demonym(self, word: str) -> str | None:
        """Return the ISO code of the country an adjective names ("Russian" -> "RU"), or None.

        Only adjectives count: a country's name or capital is a place, not a demonym.
        """
        return self._demonyms.get(normalise(word))

    def country_by_code(self, iso2: str) -> CountryEntry | None:
        """Return the country with an ISO 3166-1 alpha-2 code ("SY"); codes are not names ("IS")."""
        return self._countries.get(iso2.upper())

    def countries(self) -> tuple[CountryEntry, ...]:
        return tuple(self._countries.values())

    def identity(self, word: str) -> str | None:
        """Return the identity a word names ("Kurds" -> "Kurdish", "Shi'ite" -> "Shia"), or None."""
        return self._identity_index.get_singular(word)

    def identity_type(self, name: str) -> str | None:
        """Return whether an identity is ethnic, religious or sectarian."""
        entry = self._identities.get(name)
        return entry.type if entry is not None else None

    def generic_heads(self) -> frozenset[str]:
        """Return the last words of the generic phrases: a noun phrase ending otherwise is none."""
        return frozenset(p.phrase.split()[-1].lower() for p in self._generic.values())

    def generic(self, phrase: str) -> tuple[str, str] | None:
        """Return (denotes, ACLED type) for a generic state phrase ("the regime" -> government), or None."""
        key = self._generic_index.get(phrase)
        return (self._generic[key].denotes, self._generic[key].type) if key is not None else None

    # -- names of a state's actors

    def government(self, iso2: str) -> str:
        """Name a state speaking: "Syrian government" (claims, denials, accusations, ministries)."""
        country = self._country_of(iso2)
        if not country.adjectives:
            return f"Government of {country.full_name}"
        return f"{country.adjectives[0]} government"

    def state_forces(self, iso2: str) -> str:
        """Name a state acting by force, as ACLED does: "Military Forces of Syria"."""
        return f"Military Forces of {self._country_of(iso2).full_name}"

    def police(self, iso2: str) -> str:
        """Name a state's police, as ACLED does: "Police Forces of Syria"."""
        return f"Police Forces of {self._country_of(iso2).full_name}"

    def state_media(self, iso2: str) -> str:
        """Name a state's media as one voice: "Syrian state media"."""
        country = self._country_of(iso2)
        if not country.adjectives:
            return f"State media of {country.full_name}"
        return f"{country.adjectives[0]} state media"

    def name_for(self, iso2: str, denotes: str) -> str:
        """Name what a generic phrase denotes for one country: ("SY", "government") -> "Syrian government"."""
        namers = {"government": self.government, "state forces": self.state_forces,
                  "police": self.police, "state media": self.state_media}
        if denotes not in namers:
            raise ValueError(f"unknown role {denotes!r}; expected one of {sorted(namers)}")
        return namers[denotes](iso2)

    # -- building

    def _country_of(self, iso2: str) -> CountryEntry:
        try:
            return self._countries[iso2]
        except KeyError:
            raise KeyError(f"no country {iso2!r} in the registry") from None

    def _add(self, entry: ActorEntry) -> None:
        if entry.name in self._actors:
            raise ValueError(f"actor {entry.name!r} is listed twice")
        for form, exact in entry.forms():
            self._index.add(form, entry.name, exact)
        self._actors[entry.name] = entry

    def _add_state_actor(self, country: CountryEntry, role: str) -> None:
        """Make (or extend) the actor for one role of a state, with aliases from the generic phrases."""
        name = self.name_for(country.iso2, role)
        entry = self._actors.get(name)
        if entry is None:
            speaks_for = self.government(country.iso2) if role == "state media" else None
            entry = ActorEntry(name, STATE_ROLES[role], country.iso2, (), speaks_for)
            self._add(entry)
        aliases = list(entry.aliases)
        for phrase in self._generic.values():
            for adjective in country.adjectives if phrase.denotes == role else ():
                alias = phrase.with_adjective(adjective)
                if alias == name or alias in aliases:
                    continue
                # A form some listed actor owns stays that actor's: no error, no alias.
                if self._index.add(alias, name, case_sensitive(alias), strict=False):
                    aliases.append(alias)
        self._actors[name] = replace(entry, aliases=tuple(aliases))

    def _check(self, entry: ActorEntry) -> None:
        if entry.type not in ACTOR_TYPES:
            raise ValueError(f"actor {entry.name!r}: unknown type {entry.type!r}")
        if entry.country is not None and entry.country not in self._countries:
            raise ValueError(f"actor {entry.name!r}: country {entry.country!r} is not in the country table")
        if entry.speaks_for is not None and entry.speaks_for not in self._actors:
            raise ValueError(f"actor {entry.name!r} speaks for {entry.speaks_for!r}, which is no actor")


def _indexed(what: str, entries: Iterable[CountryEntry | IdentityEntry],
             key: Callable[[CountryEntry | IdentityEntry], str]) -> _Index:
    index = _Index(what)
    for entry in entries:
        for form, exact in entry.forms():
            index.add(form, key(entry), exact)
    return index


def _variants(form: str) -> dict[str, None]:
    """Return a form and its common respellings: no diacritics, curly apostrophe, hyphens as spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))
    variants = dict.fromkeys([form, plain])
    for text in list(variants):
        variants.update(dict.fromkeys([text.replace("'", "’"), text.replace("-", " ")]))
    return variants
