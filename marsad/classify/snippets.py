"""Read ``id<TAB>text`` snippet files for ``marsad classify``."""

from __future__ import annotations

import sys
from pathlib import Path

from marsad.ingest import MAX_BYTES, InputError
from marsad.ingest.decode import decode, looks_binary


def read_snippets(name: str) -> list[tuple[str, str]]:
    """Return (id, text) per line of a file or of stdin ("-").

    A first line "id<TAB>text..." is a header; columns after the second are
    ignored; blank lines are skipped. Raises InputError for a missing, binary,
    oversized or empty input, or a line without a tab.
    """
    data = _read_bytes(name)
    text, _notes = decode(data)
    if looks_binary(text):
        raise InputError(f"{name}: binary content, not text", source=name)
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise InputError(f"{name}: line {number} is not id<TAB>text", source=name, line=number)
        if number == 1 and cells[0].strip().lower() == "id":
            continue
        rows.append((cells[0].strip(), cells[1].strip()))
    if not rows:
        raise InputError(f"{name}: no snippets (expected id<TAB>text lines)", source=name)
    return rows


def _read_bytes(name: str) -> bytes:
    try:
        if name == "-":
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise InputError("stdin: no standard input to read", source="stdin")
            data = stream.read(MAX_BYTES + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise InputError(f"{name}: is a directory, not a file", source=name)
            with path.open("rb") as f:
                data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file", source=name) from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})", source=name) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than the {MAX_BYTES // 2**20} MiB input limit", source=name)
    return data
