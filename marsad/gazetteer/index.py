"""Compile the GeoNames-based gazetteer into SQLite once, then answer from it.

The index lives in ``platformdirs.user_cache_dir("marsad")`` (or
``$MARSAD_CACHE_DIR``) as ``gazetteer-<package version>-s<schema>.sqlite``.
:func:`open_default` builds it on first use and again whenever the package
version, the schema or a supplement file changes; :func:`build` always does.
A build writes a temporary file and renames it, so a killed build leaves the
old index (or none), never a broken one.

``benchmarks/bench_gazetteer.py`` times the build, opening and lookups.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import platformdirs

from marsad.model import GeoEntry

from .lookup import KeyedGazetteer, filed_keys
from .supplement import fingerprint, read_supplements, supplement_paths

SCHEMA_VERSION = 5      # 3: skeleton keys ("#...") for places and admin regions; 4: region centres and seats;
                        # 5: listed centres of large admin1 regions
CACHE_ENV = "MARSAD_CACHE_DIR"
_STALE_TEMP_SECONDS = 3600
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entries (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT NOT NULL, admin1 TEXT, admin2 TEXT, feature TEXT NOT NULL,
    code TEXT NOT NULL, population INTEGER NOT NULL, seat_lat REAL, seat_lon REAL);
CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
"""
_COLUMNS = ("e.id, e.name, e.lat, e.lon, e.country, e.admin1, e.admin2, e.feature, e.code, e.population, "
            "e.seat_lat, e.seat_lon")


class SqliteGazetteer(KeyedGazetteer):
    """Answer the Gazetteer protocol from a compiled index; see :meth:`open`.

    The connection is read-only and may be shared between threads.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path | None = None) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path) -> SqliteGazetteer:
        """Open the index at ``path`` read-only."""
        if not Path(path).is_file():
            raise FileNotFoundError(f"no gazetteer index at {path}")
        uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
        return cls(sqlite3.connect(uri, uri=True, check_same_thread=False), Path(path))

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> SqliteGazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, str]:
        """Return the build's metadata (versions, counts, build time)."""
        return dict(self._db.execute("SELECT key, value FROM meta"))

    def fetch(self, keys: Sequence[str], country: str | None) -> list[GeoEntry]:
        marks = ",".join("?" * len(keys))
        sql = f"SELECT {_COLUMNS} FROM names n JOIN entries e ON e.id = n.id WHERE n.key IN ({marks})"
        params: list[object] = list(keys)
        if country:
            sql += " AND e.country = ?"
            params.append(country)
        rows = self._db.execute(sql, params).fetchall()
        return list({row[0]: GeoEntry(*row) for row in rows}.values())

    def country_by_code(self, code: str) -> GeoEntry | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM entries e WHERE e.code = 'PCLI' AND e.country = ?",
            (code,)).fetchone()
        return GeoEntry(*row) if row else None

    def get(self, geonameid: int) -> GeoEntry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM entries e WHERE e.id = ?",
                               (geonameid,)).fetchone()
        return GeoEntry(*row) if row else None


def package_version() -> str:
    """Return marsad's installed version (it names the index file)."""
    try:
        return version("marsad")
    except PackageNotFoundError:
        return "0+unknown"


def cache_dir() -> Path:
    """Return the directory holding the index: ``$MARSAD_CACHE_DIR`` or the user cache."""
    return Path(os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("marsad"))


def index_path() -> Path:
    """Return where the index for this package version and schema lives."""
    return cache_dir() / f"gazetteer-{package_version()}-s{SCHEMA_VERSION}.sqlite"


def build(path: Path | None = None) -> Path:
    """Compile GeoNames data and the supplements into a fresh index at ``path``."""
    from .sources import records     # the build's heavy imports, only when building

    path = Path(path) if path else index_path()
    started = time.perf_counter()
    paths = supplement_paths()
    rows = list(read_supplements(paths))     # a bad supplement fails before the slow part
    meta = {"supplement_fingerprint": fingerprint(paths), "supplement_rows": str(len(rows))}
    write_index(path, records(rows, meta), meta, started)
    return path


def write_index(path: Path, entries: Iterable[tuple[GeoEntry, set[str]]], meta: dict[str, str],
                started: float | None = None) -> None:
    """Write ``entries`` and ``meta`` to a temporary file, then rename it to ``path``.

    ``meta`` is read after ``entries`` is consumed, so a generator may add notes.
    """
    started = time.perf_counter() if started is None else started
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(path.parent)
    handle, temp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    os.chmod(temp, 0o644)       # mkstemp's 0600 would hide a shared cache from others
    try:
        db = sqlite3.connect(temp)
        counts = _fill(db, entries)
        meta = {**meta, **counts, "package_version": package_version(),
                "schema_version": str(SCHEMA_VERSION),
                "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "build_seconds": f"{time.perf_counter() - started:.1f}"}
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.commit()
        db.close()
        _flush(temp)        # journal and sync were off: reach the disk before the rename
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _fill(db: sqlite3.Connection, entries: Iterable[tuple[GeoEntry, set[str]]]) -> dict[str, str]:
    # Journal and sync off: the file is private until the rename publishes it.
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    rows, names, stats = [], [], {}
    for entry, keys in entries:
        rows.append((entry.geonameid, entry.name, entry.lat, entry.lon, entry.country,
                     entry.admin1, entry.admin2, entry.feature, entry.feature_code,
                     entry.population, entry.seat_lat, entry.seat_lon))
        names.extend((key, entry.geonameid) for key in filed_keys(entry, keys))
    rows.sort()
    names.sort()        # sorted inserts fill b-tree pages densely
    # Plain INSERT: a repeated geonameid is a bug to hear about, not to drop.
    db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO names VALUES (?, ?)", names)
    db.execute("CREATE INDEX entries_code ON entries (code, country)")
    stats["entries"], stats["names"] = str(len(rows)), str(len(names))
    return stats


def _flush(path: str) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_stale_temps(directory: Path) -> None:
    # Left by builds that were killed; a young one may belong to a live build.
    for temp in directory.glob(".gazetteer-*.tmp"):
        try:
            if time.time() - temp.stat().st_mtime > _STALE_TEMP_SECONDS:
                temp.unlink()
        except OSError:
            pass


def is_current(path: Path) -> bool:
    """Return whether ``path`` holds an index of this version, schema and supplements."""
    try:
        with SqliteGazetteer.open(path) as gazetteer:
            meta = gazetteer.meta()
    except (FileNotFoundError, sqlite3.DatabaseError):
        return False
    return (meta.get("package_version") == package_version()
            and meta.get("schema_version") == str(SCHEMA_VERSION)
            and meta.get("supplement_fingerprint") == fingerprint(supplement_paths()))


def ensure_index() -> Path:
    """Return the default index's path, building it first if it is missing or stale."""
    path = index_path()
    # Other versions' indexes stay: another environment may share this cache.
    return path if is_current(path) else build(path)


def open_default() -> SqliteGazetteer:
    """Open the default index, building it on first use."""
    return SqliteGazetteer.open(ensure_index())


def info(path: Path | None = None) -> dict[str, object]:
    """Describe the index at ``path`` (default: this version's); no build."""
    path = Path(path) if path else index_path()
    facts: dict[str, object] = {"path": str(path), "exists": path.is_file()}
    if path.is_file():
        with SqliteGazetteer.open(path) as gazetteer:
            facts.update(gazetteer.meta())
        facts["size_bytes"] = path.stat().st_size
        facts["current"] = is_current(path)
    return facts

