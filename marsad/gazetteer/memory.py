"""Hold a gazetteer in memory: a list of entries and their other names, no I/O.

Tests build one by hand; it answers exactly like the SQLite index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from marsad.model import GeoEntry

from .lookup import KeyedGazetteer, entry_keys, filed_keys


class MemoryGazetteer(KeyedGazetteer):
    """Answer lookups from ``entries`` and ``alternate_names`` (geonameid -> names).

    Admin regions (feature "A") also answer to their name without "Province",
    "Governorate", ... as the SQLite index's admin regions do.
    """

    def __init__(self, entries: Iterable[GeoEntry],
                 alternate_names: Mapping[int, Iterable[str]] | None = None) -> None:
        self._by_id: dict[int, GeoEntry] = {}
        self._by_key: dict[str, list[int]] = defaultdict(list)
        others = alternate_names or {}
        for entry in entries:
            self._by_id[entry.geonameid] = entry
            for key in filed_keys(entry, entry_keys(entry, others.get(entry.geonameid, ()))):
                self._by_key[key].append(entry.geonameid)

    def fetch(self, keys: Sequence[str], country: str | None) -> list[GeoEntry]:
        ids = {geonameid for key in keys for geonameid in self._by_key.get(key, ())}
        found = (self._by_id[geonameid] for geonameid in ids)
        return [e for e in found if country is None or e.country == country]

    def country_by_code(self, code: str) -> GeoEntry | None:
        return next((e for e in self._by_id.values()
                     if e.feature_code == "PCLI" and e.country == code), None)

    def get(self, geonameid: int) -> GeoEntry | None:
        return self._by_id.get(geonameid)

    def __len__(self) -> int:
        return len(self._by_id)

