"""Read RSS 2.0 and Atom feed files: one Document per item or entry.

An entry's text is its full content when the feed carries it
(``content:encoded``, Atom ``content``), else its summary; HTML in it is
reduced to text by the usual reader. Its date is the entry's own
(``pubDate``, ``published``, ``updated``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator

from marsad.ingest.errors import InputError
from marsad.ingest.reader import MAX_BYTES, build_document, file_bytes, parse_published
from marsad.model import Document

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})


def looks_like_feed(head: bytes) -> bool:
    """Tell an RSS or Atom document from its first bytes."""
    head = head.lstrip()[:2048].lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or \
        head.startswith((b"<rss", b"<feed"))


def read_feed(path: str | Path, published: date | None = None) -> Iterator[Document | InputError]:
    """Yield a Document (or an InputError) for each item of the feed at ``path``."""
    path = Path(path)
    return read_feed_bytes(file_bytes(path), str(path), path.stem, published)


def read_feed_bytes(data: bytes, name: str, stem: str, published: date | None = None
                    ) -> Iterator[Document | InputError]:
    """Yield a Document (or an InputError) for each item of a feed's bytes; ``name`` is where
    they came from (for messages), ``stem`` starts the id of an item that has none."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than the {MAX_BYTES // 2**20} MiB input limit", source=name)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise InputError(f"{name}: not a readable feed ({error})", source=name) from None
    return _entries(root, name, stem, published)


def _entries(root: ET.Element, name: str, stem: str, published: date | None
             ) -> Iterator[Document | InputError]:
    entries = root.findall("./channel/item") or root.findall(f"./{ATOM}entry")
    for number, entry in enumerate(entries, start=1):
        try:
            yield _entry(entry, f"{stem}-{number}", published)
        except InputError as error:
            yield InputError(f"{name} entry {number}: {error.message}", source=name, line=number)


def _entry(entry: ET.Element, fallback_id: str, published: date | None) -> Document:
    if entry.tag == f"{ATOM}entry":
        text = _text(entry, f"{ATOM}content") or _text(entry, f"{ATOM}summary")
        link = entry.find(f"{ATOM}link")
        url = link.get("href") if link is not None else None
        title, ident = _text(entry, f"{ATOM}title"), _text(entry, f"{ATOM}id")
        when = _text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")
    else:
        text = _text(entry, CONTENT) or _text(entry, "description")
        url, title, ident = _text(entry, "link"), _text(entry, "title"), _text(entry, "guid")
        when = _text(entry, "pubDate")
    if not text:
        raise InputError("no content or summary")
    return build_document(text, ident or url or fallback_id, published or _date(when),
                          title=title, url=url)


def _text(entry: ET.Element, tag: str) -> str | None:
    found = entry.find(tag)
    return found.text.strip() if found is not None and found.text and found.text.strip() else None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()      # RSS: RFC 822
    except (TypeError, ValueError):
        pass
    try:
        return parse_published(value)                  # Atom: ISO 8601
    except InputError:
        return None
