"""Read many reports from JSON Lines: one object per line, errors per line.

Each line is ``{"id", "text", "published", "title", "url"}``; only ``text``
is required. A line that cannot be read yields an :class:`InputError` for that
line and the reading goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from marsad.ingest.decode import decode, looks_binary
from marsad.ingest.errors import InputError
from marsad.ingest.reader import MAX_BYTES, build_document, parse_published
from marsad.model import Document

_CHUNK = 1024 * 1024


def read_jsonl(source: str | os.PathLike[str] | IO[str] | IO[bytes],
               published: date | None = None) -> Iterator[Document | InputError]:
    """Yield a Document, or an InputError, for each non-blank line of ``source``.

    A path that cannot be opened raises InputError at once; ``published``
    overrides every line's own date.
    """
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            raise InputError(f"{path}: is a directory, not a file", source=str(path))
        if not path.exists():
            raise InputError(f"{path}: no such file", source=str(path))
        return _read_file(path, published)
    return _read_stream(source, getattr(source, "name", "jsonl"), published)


def _read_file(path: Path, published: date | None) -> Iterator[Document | InputError]:
    try:
        stream = path.open("rb")
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})",
                         source=str(path)) from None
    with stream:
        yield from _read_stream(stream, str(path), published)


def _read_stream(stream: IO[Any], name: str,
                 published: date | None) -> Iterator[Document | InputError]:
    for number, line in enumerate(_bounded_lines(stream), start=1):
        try:
            if line is None:
                raise InputError(f"larger than the {MAX_BYTES // 2**20} MiB input limit")
            if line.strip():
                yield _document(line, number, published)
        except InputError as error:
            yield InputError(f"{name} line {number}: {error.message}", source=name, line=number)


def _bounded_lines(stream: IO[Any]) -> Iterator[str | bytes | None]:
    """Yield each line, or None for a line over MAX_BYTES (skipped, never held)."""
    while line := stream.readline(MAX_BYTES + 1):
        if len(line) <= MAX_BYTES:
            yield line
            continue
        while line and not line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            line = stream.readline(_CHUNK)
        yield None


def _document(line: str | bytes, number: int, published: date | None) -> Document:
    text_line, notes = decode(line) if isinstance(line, bytes) else (line, ())
    try:
        record = json.loads(text_line)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg}, column {error.colno})") from None
    if not isinstance(record, dict):
        raise InputError("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('no "text" string')
    if looks_binary(text):
        raise InputError("binary content, not text")
    doc_id = _record_id(record.get("id"), number)
    own_date = record.get("published")
    if own_date is not None and not isinstance(own_date, str):
        raise InputError('"published" is not a string')
    own = parse_published(own_date) if own_date else None
    return build_document(text, doc_id, published or own, title=_optional_str(record, "title"),
                          url=_optional_str(record, "url"), notes=notes)


def _record_id(value: Any, number: int) -> str:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return f"line-{number}"


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f'"{key}" is not a string')
