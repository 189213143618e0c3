"""Two small database adapters, SQLite and PostgreSQL, behind one interface.

The store writes its SQL once with ``?`` placeholders; the PostgreSQL adapter
turns them into psycopg's ``%s``. Both run in autocommit mode outside
``transaction()``, so nothing is left half-written when a process dies.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Protocol, Sequence

DEFAULT_DB = "marsad.db"


class StoreError(RuntimeError):
    """A store that cannot be opened or used; the message is one line for the user."""


class Database(Protocol):
    dialect: str
    location: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def transaction(self) -> Any: ...

    def close(self) -> None: ...


class SQLiteDatabase:
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.location = path
        if path != ":memory:" and not Path(path).parent.exists():
            raise StoreError(f"{path}: its folder does not exist")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if path != ":memory:":
                # WAL keeps every committed transaction across a killed process.
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{path}: not a SQLite store ({error})") from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, tuple(params))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self.conn.execute(sql + " RETURNING id", tuple(params)).fetchone()[0]

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class PostgresDatabase:
    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs psycopg: pip install 'psycopg[binary]'") from None
        self.location = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise StoreError(f"cannot connect to PostgreSQL: {first}") from None

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cursor = self.conn.execute(self._sql(sql), tuple(params))
        return cursor.fetchall() if cursor.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(self._sql(sql), tuple(params))
        names = [c.name for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self.conn.execute(self._sql(sql + " RETURNING id"), tuple(params)).fetchone()[0]

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(self._sql(sql), [tuple(r) for r in rows])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def close(self) -> None:
        self.conn.close()


def connect(location: str | None = None) -> Database:
    """Open a database: a PostgreSQL URL, ``sqlite:///path``, a file path, or ``:memory:``."""
    location = location or DEFAULT_DB
    if location.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(location)
    if location.startswith("sqlite:///"):
        location = location[len("sqlite:///"):]
    elif "://" in location:
        raise StoreError(f"{location.split('://')[0]}: unknown database kind "
                         "(use a file path or postgresql://...)")
    return SQLiteDatabase(location)
