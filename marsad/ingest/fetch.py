"""Fetch reports over HTTP(S): a news page becomes one Document, an RSS or Atom feed one per item.

httpx does the fetching, bounded the way the file readers are: http and https
only, a time limit, at most ``MAX_REDIRECTS`` redirects, and the body read as a
stream that stops past ``MAX_BYTES``. A page that is no text (an image, a PDF)
is refused by its content type. Each failure is one ``InputError`` line
naming the address; nothing is retried.

With ``follow=True`` a feed item whose feed carries only a summary is read
from the page its link names instead, so a headline feed yields whole
articles; where that page cannot be read, the summary is kept with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from importlib.metadata import version
from typing import Iterator
from urllib.parse import urlsplit

import httpx

from marsad.ingest.errors import InputError
from marsad.ingest.feeds import looks_like_feed, read_feed_bytes
from marsad.ingest.reader import MAX_BYTES, read_bytes
from marsad.model import Document

TIMEOUT_S = 20.0
MAX_REDIRECTS = 5
USER_AGENT = f"marsad/{version('marsad')}"
TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")
FEED_TYPES = ("application/rss", "application/atom", "application/xml", "text/xml")
# A feed item shorter than this is a summary: with ``follow`` its page is read instead.
SUMMARY_CHARS = 600


@dataclass(frozen=True)
class Fetched:
    """A fetched body with the address it finally came from and its declared type."""

    url: str
    data: bytes
    content_type: str


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def client() -> httpx.Client:
    """An HTTP client with marsad's limits; pass one to ``read_url`` to reuse connections."""
    return httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=TIMEOUT_S,
                        headers={"User-Agent": USER_AGENT})


def fetch(url: str, http: httpx.Client) -> Fetched:
    """Fetch ``url``'s body, refusing anything that is not text or is over the size limit."""
    if not is_url(url):
        raise InputError(f"{url}: only http:// and https:// addresses are fetched", source=url)
    try:
        with http.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(f"{url}: HTTP {response.status_code} {response.reason_phrase}", source=url)
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and not kind.startswith(TEXT_TYPES):
                raise InputError(f"{url}: not a text or HTML page ({kind})", source=url)
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise InputError(f"{url}: larger than the {MAX_BYTES // 2**20} MiB input limit",
                                     source=url)
            return Fetched(str(response.url), bytes(body), kind)
    except httpx.TimeoutException:
        raise InputError(f"{url}: no answer within {TIMEOUT_S:.0f} s", source=url) from None
    except httpx.TooManyRedirects:
        raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects", source=url) from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise InputError(f"{url}: cannot fetch ({type(error).__name__}: {error})", source=url) from None


def read_url(url: str, published: date | None = None, http: httpx.Client | None = None,
             follow: bool = False) -> Iterator[Document | InputError]:
    """Yield the Document of the page at ``url``, or one per item when it is a feed.

    Raises ``InputError`` when the address itself cannot be read; a feed item
    that cannot be read is yielded as an ``InputError`` among the documents.
    """
    own = http is None
    http = http or client()
    try:
        got = fetch(url, http)
        if got.content_type.startswith(FEED_TYPES) or looks_like_feed(got.data[:2048]):
            for item in read_feed_bytes(got.data, got.url, document_id(got.url), published):
                yield _followed(item, published, http) if follow else item
        else:
            yield page_document(got, published)
    finally:
        if own:
            http.close()


def page_document(got: Fetched, published: date | None) -> Document:
    doc = read_bytes(got.data, document_id(got.url), published,
                     html=None if got.content_type in ("", "text/plain") else "html" in got.content_type)
    return replace(doc, url=doc.url or got.url)


def _followed(item: Document | InputError, published: date | None, http: httpx.Client
              ) -> Document | InputError:
    """The page an item links to, when the feed gave only a summary."""
    if isinstance(item, InputError) or not item.url or not is_url(item.url) or \
            len(item.text) >= SUMMARY_CHARS:
        return item
    try:
        page = page_document(fetch(item.url, http), published or item.published)
    except InputError as error:
        return replace(item, notes=(*item.notes, f"the feed's summary only: {error.message}"))
    return replace(page, id=item.id, title=page.title or item.title)


def document_id(url: str) -> str:
    """A readable id from an address: host and path, each run of other characters one '-'."""
    parts = urlsplit(url)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{parts.netloc}{parts.path}").strip("-")
    return slug[:120] or "page"
