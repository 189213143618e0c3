"""Fetching reports over HTTP from a real local server: pages, feeds, and what is refused."""

from __future__ import annotations

import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.ingest import InputError
from marsad.ingest import fetch as fetching
from marsad.ingest.fetch import document_id, read_url

ARTICLE = """<html><head><title>Blast hits market in Kano</title>
<script>document.write('tracking')</script></head><body><nav>Home | World</nav>
<article><h1>Blast hits market in Kano</h1>
<p>A bomb exploded at a crowded market in Kano on Monday, killing nine people and wounding
twenty, police said.</p><p>No group has said it carried out the attack.</p></article>
</body></html>"""
SHORT_ARTICLE = """<html><body><article><p>Gunmen killed four farmers near Jos on Sunday, the
state police command said. Residents said the attackers came on motorcycles.</p></article>
</body></html>"""


def feed(base: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Gunmen kill four near Jos</title><link>{base}/short.html</link><guid>wire-2</guid>
<pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>Four farmers killed.</description></item>
<item><title>Gone</title><link>{base}/missing.html</link><guid>wire-3</guid>
<pubDate>Mon, 04 Mar 2024 11:00:00 GMT</pubDate><description>A story whose page is gone.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        status, kind, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    Handler.routes = {
        "/article.html": (200, "text/html; charset=utf-8", ARTICLE.encode()),
        "/short.html": (200, "text/html", SHORT_ARTICLE.encode()),
        "/feed.xml": (200, "application/rss+xml", feed(base).encode()),
        "/photo.jpg": (200, "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(200)),
        "/big.txt": (200, "text/plain", b"word " * 400),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


def test_fetch_a_page_becomes_one_document_with_its_address(server):
    [doc] = list(read_url(f"{server}/article.html", date(2024, 3, 4)))
    assert "killing nine people" in doc.text and "tracking" not in doc.text
    assert doc.url == f"{server}/article.html"
    assert doc.id == document_id(f"{server}/article.html") and doc.id.endswith("article-html")
    assert doc.published == date(2024, 3, 4)


def test_fetch_follows_a_redirect_to_the_page(server):
    [doc] = list(read_url(f"{server}/moved"))
    assert doc.url.endswith("/article.html") and "Kano" in doc.text


def test_fetch_a_feed_gives_its_items_and_follow_reads_their_pages(server):
    items = list(read_url(f"{server}/feed.xml"))
    assert [d.id for d in items] == ["wire-2", "wire-3"]
    assert items[0].text == "Four farmers killed." and items[0].published == date(2024, 3, 4)
    followed = list(read_url(f"{server}/feed.xml", follow=True))
    assert "motorcycles" in followed[0].text and followed[0].id == "wire-2"
    # The page behind the second item is gone: its summary is kept, with a note saying so.
    assert followed[1].text == "A story whose page is gone."
    assert any("HTTP 404" in note for note in followed[1].notes)


@pytest.mark.parametrize("path, message", [
    ("/missing.html", "HTTP 404"),
    ("/photo.jpg", "not a text or HTML page (image/jpeg)"),
])
def test_fetch_refuses_with_one_line(server, path, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(read_url(server + path))


def test_fetch_stops_reading_past_the_size_limit(server, monkeypatch):
    monkeypatch.setattr(fetching, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match="input limit"):
        list(read_url(f"{server}/big.txt"))


@pytest.mark.parametrize("url, message", [
    ("ftp://example.org/report.txt", "only http:// and https://"),
    ("http://127.0.0.1:1/report.txt", "cannot fetch"),
])
def test_fetch_unreachable_or_other_schemes_are_one_line(url, message):
    with pytest.raises(InputError, match=message):
        fetching.fetch(url, fetching.client())


def test_cli_extract_reads_an_address(server, monkeypatch, geonames_gazetteer):
    from marsad.gazetteer.index import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(geonames_gazetteer.path.parent))
    result = CliRunner().invoke(main, ["extract", f"{server}/article.html", f"{server}/missing.html",
                                       "--published", "2024-03-04", "--format", "json"])
    assert result.exit_code == 1, result.output       # one input could not be read
    out = json.loads(result.stdout)
    assert out["documents"][0]["url"] == f"{server}/article.html"
    assert out["incidents"][0]["location"]["name"] == "Kano"
    assert result.stderr.strip() == f"marsad: {server}/missing.html: HTTP 404 Not Found"


def test_ingest_stores_a_feed_address_item_by_item_with_the_pages_behind_it(server, tmp_path):
    from marsad.store import Store
    from marsad.store.ingest import add_inputs

    with Store.open(str(tmp_path / "marsad.db")) as store:
        added = add_inputs(store, [f"{server}/feed.xml", f"{server}/photo.jpg"])
        rows = store.db.query("SELECT name, source, url, text FROM documents ORDER BY id")
    assert [r["name"] for r in rows] == ["wire-2", "wire-3"]
    assert {r["source"] for r in rows} == {f"{server}/feed.xml"}
    assert "motorcycles" in rows[0]["text"] and rows[0]["url"] == f"{server}/short.html"
    assert added.unreadable == [f"{server}/photo.jpg: not a text or HTML page (image/jpeg)"]
