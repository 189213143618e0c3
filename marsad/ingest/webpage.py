"""Take the article text, title and date out of an HTML page with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

# Dates from the page's metadata only: htmldate's extensive search would take
# any date printed in the story (the day of an earlier attack) as its own.
_DATE_CONFIG = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class Page:
    """What an HTML page gives the reader: main text and metadata."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None


def extract_page(html: str) -> Page:
    """Extract the main text (scripts, styles and comments dropped) and metadata."""
    text = trafilatura.extract(html, include_comments=False, include_tables=True)
    if text is None:
        # extract gives up on pages it finds too small or malformed; the
        # baseline still drops scripts and styles.
        text = trafilatura.baseline(html)[1]
    meta = trafilatura.extract_metadata(html, date_config=_DATE_CONFIG)
    if meta is None:
        return Page(text)
    return Page(text, meta.title or None, _as_date(meta.date), meta.url or None)


def _as_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
