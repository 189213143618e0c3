"""Read reports from files, standard input and JSON Lines into Documents.

Every reader ends in the same place: decoded, lightly normalised text (HTML
reduced to its main text), notes on anything assumed, and the text split into
live-blog segments. Unreadable input raises :class:`InputError`.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import IO

from marsad.ingest.decode import decode, looks_binary, looks_like_html, normalise
from marsad.ingest.errors import InputError
from marsad.ingest.language import language_note
from marsad.ingest.liveblog import segment_with_notes
from marsad.ingest.webpage import extract_page
from marsad.model import Document

MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
NO_DATE_NOTE = "no publication date: relative dates left unresolved"
EMPTY_NOTE = "empty input"
EMPTY_HTML_NOTE = "no article text found in the HTML page"


def read_path(path: str | os.PathLike[str], published: date | None = None) -> Document:
    """Read a plain-text or HTML file into a Document named after its stem."""
    path = Path(path)
    data = file_bytes(path)
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return _from_bytes(data, path.stem, published, source=str(path), html=html)


def read_stdin(published: date | None = None) -> Document:
    """Read text, or HTML when it looks like HTML, from standard input."""
    if sys.stdin is None:   # started without a standard input at all
        raise InputError("stdin: no standard input to read", source="stdin")
    binary = getattr(sys.stdin, "buffer", None)
    if binary is None:      # a text-only replacement for sys.stdin
        text = sys.stdin.read(MAX_BYTES + 1)
        _check_size(len(text), "stdin")
        return read_text(text, "stdin", published)
    return _from_bytes(_read_limited(binary, "stdin"), "stdin", published, source="stdin")


def read_bytes(data: bytes, doc_id: str, published: date | None = None, *,
               html: bool | None = None) -> Document:
    """Read raw bytes (an upload, a fetched page) into a Document with id ``doc_id``;
    ``html=None`` sniffs whether they are HTML."""
    return _from_bytes(data, doc_id, published, source=doc_id, html=html)


def read_text(text: str, doc_id: str = "text", published: date | None = None, *,
              title: str | None = None, url: str | None = None) -> Document:
    """Read an already-decoded string (plain text or HTML) into a Document."""
    if looks_binary(text):
        raise InputError(f"{doc_id}: binary content, not text", source=doc_id)
    return build_document(text, doc_id, published, title=title, url=url)


def parse_published(value: str) -> date:
    """Parse "YYYY-MM-DD" or a full ISO timestamp into the date as written."""
    try:
        if len(value.strip()) == 10:
            return date.fromisoformat(value.strip())
        # The calendar date the publisher wrote, not the UTC one: a report's
        # "on Monday" counts from its own date.
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise InputError(f"published {value!r} is not YYYY-MM-DD or an ISO timestamp") from None


def build_document(text: str, doc_id: str, published: date | None = None, *,
                   html: bool | None = None, title: str | None = None,
                   url: str | None = None, notes: tuple[str, ...] = ()) -> Document:
    """Turn decoded text into a segmented Document, noting what was assumed.

    ``published`` wins over a date found in the HTML; ``html=None`` sniffs.
    """
    text = normalise(text)
    is_html = looks_like_html(text) if html is None else html
    if is_html:
        page = extract_page(text)
        text = normalise(page.text)
        title, url = title or page.title, url or page.url
        published = published or page.published
    found = list(notes)
    if not text.strip():
        text = ""
        found.append(EMPTY_HTML_NOTE if is_html else EMPTY_NOTE)
    elif (why := language_note(text)) is not None:
        found.append(f"{why}: no extraction attempted")
    if published is None:
        found.append(NO_DATE_NOTE)
    segments, segment_notes = segment_with_notes(text, published)
    return Document(id=doc_id, text=text, title=title, url=url, published=published,
                    notes=(*found, *segment_notes), segments=segments)


def _from_bytes(data: bytes, doc_id: str, published: date | None, *,
                source: str, html: bool | None = None) -> Document:
    _check_size(len(data), source)
    text, notes = decode(data)
    if looks_binary(text):
        raise InputError(f"{source}: binary content, not text", source=source)
    return build_document(text, doc_id, published, html=html, notes=notes)


def file_bytes(path: Path) -> bytes:
    """A file's bytes, refused with one line when it is missing, unreadable or over the limit."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file", source=name)
        # A regular file's size is known up front; pipes and devices are
        # caught by the bounded read below instead.
        if path.is_file():
            _check_size(path.stat().st_size, name)
        with path.open("rb") as stream:
            return _read_limited(stream, name)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file", source=name) from None
    except PermissionError:
        raise InputError(f"{name}: permission denied", source=name) from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})", source=name) from None


def _read_limited(stream: IO[bytes], name: str) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    _check_size(len(data), name)
    return data


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise InputError(f"{name}: larger than the {MAX_BYTES // 2**20} MiB input limit",
                         source=name)
