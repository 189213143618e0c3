"""Read reports (text, HTML, JSON Lines, stdin) and split live blogs into entries."""

from marsad.ingest.errors import InputError
from marsad.ingest.jsonl import read_jsonl
from marsad.ingest.language import language_note, looks_english
from marsad.ingest.liveblog import segment, segment_with_notes
from marsad.ingest.reader import (
    MAX_BYTES,
    build_document,
    parse_published,
    read_bytes,
    read_path,
    read_stdin,
    read_text,
)

__all__ = [
    "MAX_BYTES",
    "InputError",
    "build_document",
    "language_note",
    "looks_english",
    "parse_published",
    "read_bytes",
    "read_jsonl",
    "read_path",
    "read_stdin",
    "read_text",
    "segment",
    "segment_with_notes",
]
