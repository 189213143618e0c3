"""Answer the Gazetteer protocol from one primitive: the entries under a key.

:class:`KeyedGazetteer` holds the lookup rules (exact key, admin suffixes,
Arabic article variants, doubled letters, transliteration skeletons, ranking)
once; the in-memory and the SQLite gazetteers only say how to fetch the
entries filed under a set of keys.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence

from marsad.model import GeoEntry

from .names import (admin_keys, article_variants, normalise, skeleton_tries,
                    split_admin_suffix, squeezed_tries, with_skeletons, with_squeezed)

Accept = Callable[[GeoEntry], bool]

# A capital or admin seat outranks a plain town up to 10**1.5 or 10 times its
# size: Tartus (seat) before Tortosa (Spain), but Gaza before Gasa (Bhutan).
_SEAT_BONUS = {"PPLC": 1.5, "PPLA": 1.0, "PPLA2": 0.5, "PPLG": 0.5}
_ADMIN_ORDER = {"ADM1": 0, "ADM2": 1, "PCLI": 2}
# Only populated places and admin regions are filed under skeletons: a site
# (camp, base, ruin) found by a loose spelling is more often wrong than right.
SKELETON_FEATURES = frozenset({"P", "A"})


def rank(entry: GeoEntry) -> tuple[int, float, str, int]:
    """Return the sort key that puts the likeliest reading of a name first.

    Countries first; then places, by log-population with a bonus for
    capitals and admin seats; then sites (camps, bases, crossings); then admin
    regions, admin1 before admin2.
    """
    score = math.log10(entry.population + 1)
    if entry.feature_code == "PCLI":
        group = 0
    elif entry.feature == "P":
        group, score = 1, score + _SEAT_BONUS.get(entry.feature_code, 0.0)
    elif entry.feature == "A":
        group = 3 + _ADMIN_ORDER.get(entry.feature_code, 2)
    else:
        group = 2
    return group, -score, entry.name, entry.geonameid


def admin_rank(entry: GeoEntry) -> tuple[int, int, str, int]:
    """Return the sort key for a name written with "Province", "State", ..."""
    return _ADMIN_ORDER.get(entry.feature_code, 3), -entry.population, entry.name, entry.geonameid


def _anything(entry: GeoEntry) -> bool:
    return True


def _is_admin(entry: GeoEntry) -> bool:
    return entry.feature == "A"


class KeyedGazetteer(ABC):
    """Implement lookup, admin1 and country over ``fetch`` and ``country_by_code``."""

    @abstractmethod
    def fetch(self, keys: Sequence[str], country: str | None) -> list[GeoEntry]:
        """Return the entries filed under any of ``keys`` (normalised), in ``country``."""

    @abstractmethod
    def country_by_code(self, code: str) -> GeoEntry | None:
        """Return the country entry for an upper-case ISO 3166-1 alpha-2 code."""

    @abstractmethod
    def get(self, geonameid: int) -> GeoEntry | None:
        """Return the entry with ``geonameid``, or None."""

    def lookup(self, name: str, country: str | None = None) -> list[GeoEntry]:
        """Return every entry called ``name`` (in ``country``, if given), best first.

        Tries the exact key, then Arabic article variants, then doubled letters
        made single; only when all find nothing, the transliteration skeleton
        (see :func:`~marsad.gazetteer.names.skeleton`), which answers with
        populated places and admin regions only.
        """
        return self._resolve(name, country, _anything)

    def admin1(self, country: str, name: str) -> GeoEntry | None:
        """Return the admin1 region of ``country`` called ``name``, or None."""
        found = self._resolve(name, country, lambda e: e.feature_code == "ADM1")
        return found[0] if found else None

    def country(self, code_or_name: str) -> GeoEntry | None:
        """Return a country by ISO alpha-2 code, alpha-3 code, name or alias."""
        text = code_or_name.strip()
        if len(text) == 2 and text.isalpha():
            by_code = self.country_by_code(text.upper())
            if by_code is not None:
                return by_code
        # No skeleton: a loose match would make any capitalised word a country.
        found = self._resolve(text, None, lambda e: e.feature_code == "PCLI", loose=False)
        return found[0] if found else None

    def _resolve(self, name: str, country: str | None, accept: Accept,
                 loose: bool = True) -> list[GeoEntry]:
        key = normalise(name)
        if not key:
            return []
        code = country.strip().upper() if country else None
        admins: list[GeoEntry] = []
        core = split_admin_suffix(key)

        def is_admin(entry: GeoEntry) -> bool:
            return _is_admin(entry) and accept(entry)

        if core:
            admins = self._first_found([[core], article_variants(core), squeezed_tries(core)],
                                       code, is_admin)
        tries = [[key]] if admins else [[key], article_variants(key), squeezed_tries(key)]
        others = self._first_found(tries, code, accept)
        if loose and not admins and not others:
            # The last resort: the skeleton, the region's first when named as one.
            if core:
                admins = self._first_found([skeleton_tries(core)], code, is_admin)
            if not admins:
                others = self._first_found([skeleton_tries(key)], code,
                                           lambda e: e.feature in SKELETON_FEATURES and accept(e))
        return _unique(sorted(admins, key=admin_rank) + sorted(others, key=rank))

    def _first_found(self, tries: Iterable[Sequence[str]], country: str | None,
                     accept: Accept) -> list[GeoEntry]:
        for keys in tries:
            found = [entry for entry in self.fetch(keys, country) if accept(entry)] if keys else []
            if found:
                return found
        return []


def _unique(entries: list[GeoEntry]) -> list[GeoEntry]:
    seen: set[int] = set()
    return [e for e in entries if not (e.geonameid in seen or seen.add(e.geonameid))]


def entry_keys(entry: GeoEntry, names: Iterable[str]) -> set[str]:
    """Return the keys ``entry`` is filed under: its names, normalised.

    Admin regions also answer to their names less "Province", "Governorate", ...
    The index adds squeezed forms and skeletons when it files them (see
    :func:`filed_keys`).
    """
    every = [entry.name, *names]
    if entry.feature == "A":
        return {key for name in every for key in admin_keys(name)}
    return {key for key in map(normalise, every) if key}


def filed_keys(entry: GeoEntry, keys: set[str]) -> set[str]:
    """Return every key ``entry`` is stored under, given its ``keys`` (normalised).

    The keys, the "~"-marked squeezed forms of those with doubled letters and,
    for populated places and admin regions, their "#"-marked skeletons.
    """
    filed = with_squeezed(keys)
    if entry.feature in SKELETON_FEATURES:
        filed |= with_skeletons(keys)
    return filed
