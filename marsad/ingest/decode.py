"""Turn raw input bytes into text, and recognise what is not text at all."""

from __future__ import annotations

import codecs
import re
import unicodedata

_SAMPLE_CHARS = 65_536
# Real reports have next to no control characters besides whitespace; binary
# files decoded as Latin-1 run at 10-20 %.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|\?xml[^>]*>\s*<html)\b", re.IGNORECASE)
_HTML_TAG = re.compile(r"<(?:head|body|meta|title|article|div|p|script)\b[^>]*>", re.IGNORECASE)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode ``data`` as UTF-8, else a declared or legacy encoding, with a note."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), ("decoded as UTF-16 (byte-order mark)",)
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    for codec in (*_declared(data), "cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return text, (f"decoded as {codec}: not valid UTF-8",)
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def normalise(text: str) -> str:
    """Strip a byte-order mark and turn Windows line ends into ``\\n``.

    Nothing else changes, so offsets into the result stay meaningful to a
    reader looking at the original.
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def looks_binary(text: str) -> bool:
    """Say whether decoded ``text`` is really binary data (NULs, many controls)."""
    if "\x00" in text:
        return True
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    controls = sum(1 for c in sample
                   if c not in _TEXT_CONTROLS and unicodedata.category(c) == "Cc")
    return controls / len(sample) > _MAX_CONTROL_SHARE


def looks_like_html(text: str) -> bool:
    """Say whether ``text`` is an HTML page rather than prose that mentions tags."""
    head = text[:2048]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= 2


def _declared(data: bytes) -> tuple[str, ...]:
    # Only an HTML page declares its charset; for plain text this finds nothing.
    found = _DECLARED_CHARSET.search(data[:4096])
    if found is None:
        return ()
    name = found.group(1).decode("ascii", errors="ignore").lower()
    # UTF-7 can spell "<script>" without a "<"; never take a page's word for it.
    return () if name in {"utf-8", "utf8", "utf-7", "utf7"} else (name,)
