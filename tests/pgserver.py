"""A throwaway PostgreSQL server for the store tests, started and stopped by pytest.

The server runs from the PostgreSQL 15 binaries (``MARSAD_PG_BIN``, default
``/usr/lib/postgresql/15/bin``) in a temporary folder, on a free loopback
port, with trust authentication; as root it runs as the ``postgres`` user,
since initdb refuses root. ``MARSAD_TEST_PG_URL`` names an existing server
instead. Where no server can be had, the tests that need one fail in CI
(``CI=true``) and are skipped elsewhere with the reason.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

PG_BIN = Path(os.environ.get("MARSAD_PG_BIN", "/usr/lib/postgresql/15/bin"))
_names = itertools.count(1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str], as_postgres: bool) -> None:
    if as_postgres:
        command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{c}'" for c in command)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL store tests cannot run in CI: {reason}")
    pytest.skip(f"no PostgreSQL server for the store tests: {reason}")


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server could be started here; the message says why."""


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a PostgreSQL server in a temporary folder; yield its admin URL; stop and remove it."""
    if not (PG_BIN / "initdb").exists():
        raise ServerUnavailable(f"{PG_BIN}/initdb not found (set MARSAD_PG_BIN)")
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
    folder.chmod(0o777)
    data, port = folder / "data", _free_port()
    try:
        _run([str(PG_BIN / "initdb"), "-D", str(data), "-U", "marsad", "--auth=trust", "-E", "UTF8"], as_postgres)
        _run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
              f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off", "start"], as_postgres)
    except (subprocess.SubprocessError, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise ServerUnavailable(f"the server did not start ({error})") from None
    try:
        yield f"postgresql://marsad@127.0.0.1:{port}/postgres"
    finally:
        _run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], as_postgres)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """Yield the admin URL of a PostgreSQL server that lives as long as the test session."""
    if url := os.environ.get("MARSAD_TEST_PG_URL"):
        yield url
        return
    try:
        server = throwaway_server()
        url = server.__enter__()
    except ServerUnavailable as error:
        _unavailable(str(error))
    try:
        yield url
    finally:
        server.__exit__(None, None, None)


@pytest.fixture()
def postgres_url(postgres_server):
    """Yield the URL of a fresh, empty database on the session's server, dropped afterwards."""
    import psycopg

    name = f"marsad_test_{os.getpid()}_{next(_names)}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
