"""The actor registry: canonical actors, countries, identities and generic state phrases.

The data lives in plain files under ``marsad/data`` (``actors.tsv``,
``countries.tsv``, ``identities.tsv``, ``generic_actors.tsv``); each documents
its format at the top. This module reads, validates and indexes them.
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

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

ACTOR_TYPES = frozenset({
    "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters",
    "Protesters", "Civilians", "External/Other forces",
    "Media", "Government body", "International organisation", "NGO",
})
IDENTITY_TYPES = frozenset({"ethnic", "religious", "sectarian"})
# What a generic phrase can denote, and the ACLED type of the state actor it names.
STATE_ROLES = {
    "government": "Government body",
    "state forces": "State forces",
    "police": "State forces",
    "state media": "Media",
}
ACTOR_COLUMNS = ("name", "type", "country", "aliases", "speaks_for")
COUNTRY_COLUMNS = ("iso2", "name", "adjectives", "capitals", "aliases")
IDENTITY_COLUMNS = ("name", "aliases", "type")
GENERIC_COLUMNS = ("phrase", "denotes", "type")
EXACT_MARK = "="            # a data form written "=SANA" matches case-sensitively
ADJ = "<adj>"               # placeholder in generic_actors.tsv: "<adj> forces"

Source = str | Path | Traversable

_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_DROPPED = str.maketrans("", "", "'’‘ʼʻ`´ʿʾ.,()\"“”")
_SPACES = re.compile(r"[\s\-‐‑‒–—―/]+")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def normalise(text: str, fold: bool = True) -> str:
    """Return the lookup key of a name: no diacritics, possessives, dots, apostrophes or leading "the"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text).replace("&", " and ").translate(_DROPPED)
    text = _ARTICLE.sub("", _SPACES.sub(" ", text).strip())
    return text.casefold() if fold else text


def case_sensitive(form: str) -> bool:
    """Tell whether a form has a word of 2-3 capitals ("IS", "US-led"): it then matches only as written."""
    return any(2 <= len(word) <= 3 and word.isupper() for word in normalise(form, fold=False).split())


def _flagged(forms: Iterable[str], exact_only: frozenset[str]) -> Iterator[tuple[str, bool]]:
    """Pair each form with its case-sensitive flag: marked '=' in the data, or by the rule above."""
    return ((form, form in exact_only or case_sensitive(form)) for form in forms)


@dataclass(frozen=True)
class ActorEntry:
    """One actor: canonical name, ACLED type, country and the other names it goes by."""

    name: str
    type: str
    country: str | None                 # ISO 3166-1 alpha-2; None for international actors
    aliases: tuple[str, ...] = ()
    speaks_for: str | None = None       # the actor whose word this outlet or wing carries
    exact_only: frozenset[str] = frozenset()    # forms marked '=' in the data

    def forms(self) -> Iterator[tuple[str, bool]]:
        """Yield the name and each alias with its case-sensitive flag."""
        return _flagged((self.name, *self.aliases), self.exact_only)


@dataclass(frozen=True)
class CountryEntry:
    """One country: the names, adjectives and capitals that stand for it."""

    iso2: str
    name: str                           # "United States", without the article
    adjectives: tuple[str, ...] = ()    # the first names the government: "Syrian"
    capitals: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    definite: bool = False              # takes "the" in a sentence
    exact_only: frozenset[str] = frozenset()

    @property
    def full_name(self) -> str:
        return f"the {self.name}" if self.definite else self.name

    def forms(self) -> Iterator[tuple[str, bool]]:
        """Yield every form that names the country with its case-sensitive flag."""
        return _flagged((self.name, *self.adjectives, *self.capitals, *self.aliases), self.exact_only)


@dataclass(frozen=True)
class IdentityEntry:
    """An ethnic, religious or sectarian identity and the words for it."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    exact_only: frozenset[str] = frozenset()

    def forms(self) -> Iterator[tuple[str, bool]]:
        """Yield the name and each alias with its case-sensitive flag."""
        return _flagged((self.name, *self.aliases), self.exact_only)


@dataclass(frozen=True)
class GenericPhrase:
    """A phrase for a state's own body ("the regime"), what it denotes and its ACLED type."""

    phrase: str
    denotes: str
    type: str

    @property
    def needs_adjective(self) -> bool:
        return ADJ in self.phrase

    def with_adjective(self, adjective: str) -> str:
        """Put a country adjective in front: "the army" -> "Syrian army"."""
        if self.needs_adjective:
            return self.phrase.replace(ADJ, adjective)
        return f"{adjective} {_ARTICLE.sub('', self.phrase)}"


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
            _check_phrase(phrase)
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
            actors=[_actor(row, where) for where, row in
                    _rows(actors_path or _packaged("actors.tsv"), ACTOR_COLUMNS)],
            countries=[_country(row, where) for where, row in
                       _rows(countries_path or _packaged("countries.tsv"), COUNTRY_COLUMNS)],
            identities=[_identity(row, where) for where, row in
                        _rows(identities_path or _packaged("identities.tsv"), IDENTITY_COLUMNS)],
            generic=[_generic(row) for _, row in
                     _rows(generic_path or _packaged("generic_actors.tsv"), GENERIC_COLUMNS)],
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
                for variant in _variants(_ARTICLE.sub("", form)):
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


def _check_phrase(phrase: GenericPhrase) -> None:
    if phrase.denotes not in STATE_ROLES:
        raise ValueError(f"generic phrase {phrase.phrase!r}: unknown role {phrase.denotes!r}")
    if phrase.type not in ACTOR_TYPES:
        raise ValueError(f"generic phrase {phrase.phrase!r}: unknown type {phrase.type!r}")


def _variants(form: str) -> dict[str, None]:
    """Return a form and its common respellings: no diacritics, curly apostrophe, hyphens as spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))
    variants = dict.fromkeys([form, plain])
    for text in list(variants):
        variants.update(dict.fromkeys([text.replace("'", "’"), text.replace("-", " ")]))
    return variants


# -- reading the TSV files

def _packaged(name: str) -> Traversable:
    return resources.files("marsad").joinpath("data", name)


def _rows(source: Source, header: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ("file:line", row) for each data line of a TSV file whose first line is ``header``."""
    path = Path(source) if isinstance(source, str) else source
    seen_header = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        where = f"{path.name}:{number}"
        if not seen_header:
            if tuple(cells) != header:
                raise ValueError(f"{where}: the header should be {chr(9).join(header)!r}")
            seen_header = True
        elif len(cells) > len(header):
            raise ValueError(f"{where}: {len(cells)} cells, the header has {len(header)}")
        else:
            yield where, dict(zip(header, cells + [""] * (len(header) - len(cells))))


def _forms(cell: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """Split a '|'-separated cell into forms, and the forms marked '=' (case-sensitive)."""
    raw = [part.strip() for part in cell.split("|") if part.strip()]
    forms = tuple(dict.fromkeys(part.removeprefix(EXACT_MARK).strip() for part in raw))
    return forms, frozenset(part[1:].strip() for part in raw if part.startswith(EXACT_MARK))


def _name(row: dict[str, str], where: str) -> tuple[str, frozenset[str]]:
    forms, exact = _forms(row["name"])
    if len(forms) != 1:
        raise ValueError(f"{where}: a row needs exactly one name, not {forms!r}")
    return forms[0], exact


def _actor(row: dict[str, str], where: str) -> ActorEntry:
    name, exact_name = _name(row, where)
    aliases, exact = _forms(row["aliases"])
    return ActorEntry(name, row["type"], row["country"] or None, tuple(a for a in aliases if a != name),
                      row["speaks_for"] or None, exact | exact_name)


def _country(row: dict[str, str], where: str) -> CountryEntry:
    name, _ = _name(row, where)
    (adjectives, exact_adj), (capitals, exact_cap), (aliases, exact_alias) = (
        _forms(row[column]) for column in ("adjectives", "capitals", "aliases"))
    return CountryEntry(row["iso2"], _ARTICLE.sub("", name), adjectives, capitals, aliases,
                        bool(_ARTICLE.match(name)), exact_adj | exact_cap | exact_alias)


def _identity(row: dict[str, str], where: str) -> IdentityEntry:
    name, exact_name = _name(row, where)
    aliases, exact = _forms(row["aliases"])
    if row["type"] not in IDENTITY_TYPES:
        raise ValueError(f"{where}: identity type {row['type']!r} is not one of {sorted(IDENTITY_TYPES)}")
    return IdentityEntry(name, row["type"], aliases, exact | exact_name)


def _generic(row: dict[str, str]) -> GenericPhrase:
    return GenericPhrase(row["phrase"], row["denotes"], row["type"])
