"""Read gazetteer supplements: places GeoNames' city lists lack.

Format (UTF-8 CSV; lines starting with ``#`` are comments)::

    name,alternate_names,lat,lon,country,admin1,feature
    Zaatari refugee camp,Zaatari camp|Za'tari camp,32.2939,36.3233,JO,Mafraq,camp

- ``name``: the name to show; ``alternate_names``: other spellings, ``|``-separated.
- ``lat``, ``lon``: WGS84 decimal degrees.
- ``country``: ISO 3166-1 alpha-2 code.
- ``admin1``: the admin1 region's name; leave it empty to take the name of
  the nearest GeoNames town's region in the same country at build time.
- ``feature``: one of :data:`FEATURES` (camp, base, crossing, hospital, ...),
  stored as the GeoNames feature class and code in brackets there.

marsad ships ``marsad/data/gazetteer_supplement.csv``; set
``MARSAD_GAZETTEER_SUPPLEMENT`` to one or more extra files (separated by
``os.pathsep``). Rows are merged into the index when it is built, and a change
to any supplement file rebuilds it. Each row gets a negative geonameid derived
from its country and name, so ids never collide with GeoNames and stay the same
across rebuilds.
"""

from __future__ import annotations

import csv
import hashlib
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from .names import normalise

ENV_VAR = "MARSAD_GAZETTEER_SUPPLEMENT"
COLUMNS = ("name", "alternate_names", "lat", "lon", "country", "admin1", "feature")
# Supplement feature -> (GeoNames feature class, feature code).
FEATURES = {
    "camp": ("S", "CMPRF"),        # refugee or IDP camp
    "base": ("S", "MILB"),         # military base or garrison
    "airbase": ("S", "AIRB"),
    "airport": ("S", "AIRP"),
    "crossing": ("S", "PSTB"),     # border crossing
    "hospital": ("S", "HSP"),
    "prison": ("S", "PRN"),
    "port": ("S", "PRT"),
    "dam": ("S", "DAM"),
    "plant": ("S", "PS"),          # power plant
    "site": ("S", "ANS"),          # ancient site, ruins, landmark
    "neighbourhood": ("P", "PPLX"),
    "village": ("P", "PPL"),
    "area": ("L", "AREA"),         # an enclave, valley or plain with no admin status
}


class SupplementError(ValueError):
    """A supplement row that cannot be read; the message names file and line."""


@dataclass(frozen=True)
class SupplementRow:
    """One supplement place before it becomes a GeoEntry."""

    geonameid: int
    name: str
    alternate_names: tuple[str, ...]
    lat: float
    lon: float
    country: str
    admin1: str | None
    feature: str
    feature_code: str


def supplement_paths() -> list[Path]:
    """Return the shipped supplement followed by those named in the environment."""
    shipped = Path(str(files("marsad") / "data" / "gazetteer_supplement.csv"))
    extra = [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    return [shipped, *extra]


def fingerprint(paths: list[Path]) -> str:
    """Return a digest of the supplements' names and contents."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()[:16]


def read_supplements(paths: list[Path]) -> Iterator[SupplementRow]:
    """Yield the rows of every file in ``paths``; a missing file is an error."""
    taken: set[int] = set()
    for path in paths:
        if not path.is_file():
            raise SupplementError(f"{path}: supplement file not found")
        with path.open(encoding="utf-8", newline="") as handle:
            lines = ((n, line) for n, line in enumerate(handle, 1)
                     if line.strip() and not line.lstrip().startswith("#"))
            numbered = list(lines)
        reader = csv.reader(line for _, line in numbered)
        for (number, _), fields in zip(numbered, reader, strict=True):
            if [f.strip() for f in fields] == list(COLUMNS):
                continue
            yield _parse(fields, f"{path}:{number}", taken)


def _parse(fields: list[str], where: str, taken: set[int]) -> SupplementRow:
    if len(fields) != len(COLUMNS):
        raise SupplementError(f"{where}: expected {len(COLUMNS)} columns, got {len(fields)}")
    name, alternates, lat, lon, country, admin1, feature = (f.strip() for f in fields)
    try:
        lat_f, lon_f = float(lat), float(lon)
    except ValueError:
        raise SupplementError(f"{where}: lat/lon must be numbers, got {lat!r}, {lon!r}") from None
    if not (name and -90 <= lat_f <= 90 and -180 <= lon_f <= 180):
        raise SupplementError(f"{where}: needs a name and lat/lon within range")
    if not (len(country) == 2 and country.isalpha()):
        raise SupplementError(f"{where}: country must be an ISO alpha-2 code, got {country!r}")
    if feature not in FEATURES:
        raise SupplementError(f"{where}: feature {feature!r} is not one of {', '.join(FEATURES)}")
    feature_class, code = FEATURES[feature]
    return SupplementRow(
        geonameid=_stable_id(country.upper(), name, taken), name=name,
        alternate_names=tuple(a.strip() for a in alternates.split("|") if a.strip()),
        lat=lat_f, lon=lon_f, country=country.upper(), admin1=admin1 or None,
        feature=feature_class, feature_code=code)


def _stable_id(country: str, name: str, taken: set[int]) -> int:
    # Negative and below 10**9 in size: synthetic admin ids use -10**9 and beyond.
    geonameid = -(zlib.crc32(f"{country}|{normalise(name)}".encode()) % 999_999_999 + 1)
    while geonameid in taken:
        geonameid = geonameid + 1 if geonameid < -1 else -999_999_999
    taken.add(geonameid)
    return geonameid
