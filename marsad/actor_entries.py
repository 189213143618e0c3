"""The records of the actor registry and how its TSV files are read.

Each file under ``marsad/data`` documents its own format at the top; this
module turns their rows into frozen entries, checking headers, cell counts
and the '=' mark of case-sensitive forms. :mod:`marsad.actors` indexes them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def normalise(text: str, fold: bool = True) -> str:
    """Return the lookup key of a name: no diacritics, possessives, dots, apostrophes or leading "the"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text).replace("&", " and ").translate(_DROPPED)
    text = ARTICLE.sub("", _SPACES.sub(" ", text).strip())
    return text.casefold() if fold else text


def case_sensitive(form: str) -> bool:
    """Tell whether a form has a word of 2-3 capitals ("IS", "US-led"): it then matches only as written."""
    return any(2 <= len(word) <= 3 and word.isupper() for word in normalise(form, fold=False).split())


def flagged(forms: Iterable[str], exact_only: frozenset[str]) -> Iterator[tuple[str, bool]]:
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
        return flagged((self.name, *self.aliases), self.exact_only)


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
        return flagged((self.name, *self.adjectives, *self.capitals, *self.aliases), self.exact_only)


@dataclass(frozen=True)
class IdentityEntry:
    """An ethnic, religious or sectarian identity and the words for it."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    exact_only: frozenset[str] = frozenset()

    def forms(self) -> Iterator[tuple[str, bool]]:
        """Yield the name and each alias with its case-sensitive flag."""
        return flagged((self.name, *self.aliases), self.exact_only)


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
        return f"{adjective} {ARTICLE.sub('', self.phrase)}"


def check_phrase(phrase: GenericPhrase) -> None:
    if phrase.denotes not in STATE_ROLES:
        raise ValueError(f"generic phrase {phrase.phrase!r}: unknown role {phrase.denotes!r}")
    if phrase.type not in ACTOR_TYPES:
        raise ValueError(f"generic phrase {phrase.phrase!r}: unknown type {phrase.type!r}")


# -- reading the TSV files

def packaged(name: str) -> Traversable:
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
    return CountryEntry(row["iso2"], ARTICLE.sub("", name), adjectives, capitals, aliases,
                        bool(ARTICLE.match(name)), exact_adj | exact_cap | exact_alias)


def _identity(row: dict[str, str], where: str) -> IdentityEntry:
    name, exact_name = _name(row, where)
    aliases, exact = _forms(row["aliases"])
    if row["type"] not in IDENTITY_TYPES:
        raise ValueError(f"{where}: identity type {row['type']!r} is not one of {sorted(IDENTITY_TYPES)}")
    return IdentityEntry(name, row["type"], aliases, exact | exact_name)


def _generic(row: dict[str, str]) -> GenericPhrase:
    return GenericPhrase(row["phrase"], row["denotes"], row["type"])


def actors_from(source: Source) -> list[ActorEntry]:
    """Read the actors of an actors.tsv file."""
    return [_actor(row, where) for where, row in _rows(source, ACTOR_COLUMNS)]


def countries_from(source: Source) -> list[CountryEntry]:
    """Read the countries of a countries.tsv file."""
    return [_country(row, where) for where, row in _rows(source, COUNTRY_COLUMNS)]


def identities_from(source: Source) -> list[IdentityEntry]:
    """Read the identities of an identities.tsv file."""
    return [_identity(row, where) for where, row in _rows(source, IDENTITY_COLUMNS)]


def generic_from(source: Source) -> list[GenericPhrase]:
    """Read the generic state phrases of a generic_actors.tsv file."""
    return [_generic(row) for _, row in _rows(source, GENERIC_COLUMNS)]
