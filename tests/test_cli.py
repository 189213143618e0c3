"""The ``marsad extract`` command, run in-process with click's CliRunner.

Each invocation that gets past reading its inputs loads the spaCy model
(about two seconds), so the checks on a batch of files share one invocation
(the ``batch`` fixture) and are parametrized over its documents. The default
pipeline opens the GeoNames index from ``MARSAD_CACHE_DIR``: every test points
it at the index the ``geonames_gazetteer`` fixture built, so nothing is rebuilt.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.gazetteer.index import CACHE_ENV
from marsad.gazetteer.supplement import ENV_VAR as SUPPLEMENT_ENV

MOGADISHU = ("A car bomb exploded at a market in Mogadishu on Monday, killing at least eight "
             "people, police said. Al-Shabaab claimed responsibility in a statement carried by "
             "its Shahada News Agency.\n")
SAADA = ("An airstrike hit a house in Saada on Sunday, killing five civilians, according to "
         "the health ministry. The Houthis blamed Saudi Arabia for the airstrike.\n")
# "’" is 0x92 in Windows-1252 and not valid UTF-8 on its own.
GAO_CP1252 = ("Gunmen killed seven villagers near Gao in northern Mali on Sunday, the "
              "governor’s office said.\n").encode("cp1252")
FRENCH = ("Une explosion a tué cinq personnes lundi sur un marché de Bamako, selon la police, "
          "qui a ouvert une enquête sur les auteurs de l'attentat.\n")


@pytest.fixture
def cli_env(monkeypatch, geonames_gazetteer):
    """Point the default pipeline at the index the session already built."""
    monkeypatch.setenv(CACHE_ENV, str(geonames_gazetteer.path.parent))
    monkeypatch.delenv(SUPPLEMENT_ENV, raising=False)


def invoke(args, **kwargs):
    return CliRunner().invoke(main, ["extract", *args], **kwargs)


def one_line_error(result) -> str:
    """Return stderr, checking that it is one line and no traceback."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return lines[0]


def assert_evidence_inside(out: dict) -> None:
    texts = {d["id"]: d["text"] for d in out["documents"]}
    items = [e for key in ("incidents", "claims", "casualty_reports")
             for record in out[key] for e in record["evidence"]]
    assert items
    for item in items:
        text = texts[item["document"]]
        assert 0 <= item["start"] < item["end"] <= len(text)
        assert text[item["start"]:item["end"]] == item["text"]


# --- one invocation over a batch of files ---------------------------------------------------

@pytest.fixture(scope="module")
def batch(tmp_path_factory, geonames_gazetteer):
    """Run ``extract`` once over good, empty, mis-encoded and French files."""
    folder = tmp_path_factory.mktemp("batch")
    (folder / "mogadishu.txt").write_text(MOGADISHU, encoding="utf-8")
    (folder / "saada.txt").write_text(SAADA, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "gao.txt").write_bytes(GAO_CP1252)
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    names = ["mogadishu", "saada", "empty", "gao", "french"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(geonames_gazetteer.path.parent))
        patch.delenv(SUPPLEMENT_ENV, raising=False)
        result = invoke([*(str(folder / f"{n}.txt") for n in names),
                         "--published", "2023-03-06", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return json.loads(result.stdout)


def by_document(out: dict, key: str, doc_id: str) -> list[dict]:
    ids = {i["id"] for i in out["incidents"] if i["document"] == doc_id}
    if key == "incidents":
        return [i for i in out["incidents"] if i["document"] == doc_id]
    if key == "claims":
        return [c for c in out["claims"] if c["id"].startswith(f"{doc_id}:")]
    return [r for r in out["casualty_reports"] if r["incident"] in ids]


def test_cli_extract_json_has_the_contract_fields(batch):
    assert set(batch) >= {"documents", "incidents", "claims", "casualty_reports"}
    assert [d["id"] for d in batch["documents"]] == ["mogadishu", "saada", "empty", "gao", "french"]
    for document in batch["documents"]:
        assert document["published"] == "2023-03-06"
        assert set(document) >= {"id", "title", "published", "text", "segments"}
    for incident in batch["incidents"]:
        assert set(incident) >= {"id", "date", "event_type", "sub_event_type", "location",
                                 "perpetrators", "killed", "wounded", "related", "evidence"}
        assert set(incident["location"]) >= {"name", "lat", "lon", "country", "admin1", "precision"}
    for claim in batch["claims"]:
        assert set(claim) >= {"id", "kind", "actor", "against", "incidents", "channel", "time",
                              "evidence"}
    for report in batch["casualty_reports"]:
        assert set(report) >= {"incident", "source", "killed", "wounded", "time", "evidence"}


def test_cli_extract_json_evidence_offsets_lie_inside_the_text(batch):
    assert_evidence_inside(batch)


@pytest.mark.parametrize("doc_id, place, country, killed, claim, source", [
    pytest.param("mogadishu", "Mogadishu", "SO", {"low": 8, "high": None},
                 ("claim", "al-Shabaab", []), "Somali police", id="mogadishu"),
    pytest.param("saada", "Sa'dah", "YE", {"low": 5, "high": 5},
                 ("accusation", "Houthis", ["Saudi Arabia"]), "Yemeni health ministry", id="saada"),
])
def test_cli_extract_several_files_each_give_their_records(batch, doc_id, place, country, killed,
                                                           claim, source):
    [incident] = by_document(batch, "incidents", doc_id)
    assert (incident["location"]["name"], incident["location"]["country"]) == (place, country)
    assert {k: incident["killed"][k] for k in ("low", "high")} == killed
    [found] = by_document(batch, "claims", doc_id)
    assert (found["kind"], found["actor"], found["against"]) == claim
    assert found["incidents"] == [incident["id"]]
    [report] = by_document(batch, "casualty_reports", doc_id)
    assert report["source"] == source
    assert {k: report["killed"][k] for k in ("low", "high")} == killed


@pytest.mark.parametrize("doc_id, note", [
    pytest.param("empty", "empty input", id="empty-file"),
    pytest.param("french", "not English (Latin script", id="french"),
])
def test_cli_extract_notes_why_a_file_gave_nothing(batch, doc_id, note):
    [document] = [d for d in batch["documents"] if d["id"] == doc_id]
    assert any(n.startswith(note) for n in document["notes"]), document["notes"]
    for key in ("incidents", "claims", "casualty_reports"):
        assert by_document(batch, key, doc_id) == []


def test_cli_extract_decodes_invalid_utf8_with_a_note(batch):
    [document] = [d for d in batch["documents"] if d["id"] == "gao"]
    assert "decoded as cp1252: not valid UTF-8" in document["notes"]
    assert "governor’s office" in document["text"]
    [incident] = by_document(batch, "incidents", "gao")
    assert incident["location"]["country"] == "ML"
    assert incident["killed"]["best"] == 7


# --- other forms of input and output --------------------------------------------------------

def test_cli_extract_table_prints_the_summary(tmp_path, cli_env):
    report = tmp_path / "mogadishu.txt"
    report.write_text(MOGADISHU, encoding="utf-8")
    result = invoke([str(report), "--published", "2023-03-06", "--format", "table"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "== mogadishu  (published 2023-03-06)"
    assert "Incidents (1):" in lines
    assert any("2023-03-06  Explosions/Remote violence / Remote explosive/landmine/IED" in line
               for line in lines)
    assert any(line.strip().startswith("where: Mogadishu (") for line in lines)
    assert any("perpetrators: al-Shabaab (claimed)" in line for line in lines)
    assert any("according to Somali police" in line for line in lines)
    assert any("claim: al-Shabaab via Shahada News Agency" in line for line in lines)


def test_cli_extract_reads_json_lines(tmp_path, cli_env):
    lines = [json.dumps({"id": "so-1", "text": MOGADISHU, "published": "2023-03-06",
                         "title": "Blast in Mogadishu"}),
             "{not json",
             json.dumps({"id": "ye-1", "text": SAADA, "published": "2023-03-06"})]
    source = tmp_path / "reports.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke(["--jsonl", str(source), "--format", "json"])
    assert result.exit_code == 1        # one line could not be read; the others were
    assert one_line_error(result).startswith(f"marsad: {source} line 2: not valid JSON")
    out = json.loads(result.stdout)
    assert [(d["id"], d["title"], d["published"]) for d in out["documents"]] == [
        ("so-1", "Blast in Mogadishu", "2023-03-06"), ("ye-1", None, "2023-03-06")]
    assert [i["date"] for i in out["incidents"]] == ["2023-03-06", "2023-03-05"]
    assert_evidence_inside(out)


def test_cli_extract_reads_stdin_and_defaults_to_json(cli_env):
    result = invoke(["-", "--published", "2023-03-06"], input=SAADA.encode("utf-8"))
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [d["id"] for d in out["documents"]] == ["stdin"]
    [incident] = out["incidents"]
    assert incident["sub_event_type"] == "Air/drone strike"
    assert incident["date"] == "2023-03-05"
    assert_evidence_inside(out)


def test_cli_extract_missing_file_beside_a_good_one(tmp_path, cli_env):
    good = tmp_path / "saada.txt"
    good.write_text(SAADA, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = invoke([str(missing), str(good), "--published", "2023-03-06", "--format", "json"])
    assert result.exit_code == 1
    assert one_line_error(result) == f"marsad: {missing}: no such file"
    out = json.loads(result.stdout)
    assert [d["id"] for d in out["documents"]] == ["saada"]
    assert len(out["incidents"]) == 1


# --- inputs refused before the model loads --------------------------------------------------

def test_cli_extract_refuses_a_binary_file(tmp_path, cli_env):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = invoke([str(binary), "--published", "2023-03-06"])
    assert result.exit_code == 2
    assert one_line_error(result) == f"marsad: {binary}: binary content, not text"
    assert result.stdout == ""


def test_cli_extract_refuses_an_oversized_file(tmp_path, cli_env):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(21 * 2**20)     # sparse: no 21 MB written to disk
    result = invoke([str(huge), "--published", "2023-03-06"])
    assert result.exit_code == 2
    assert one_line_error(result) == f"marsad: {huge}: larger than the 20 MiB input limit"
    assert result.stdout == ""


@pytest.mark.parametrize("value", ["2023-13-45", "yesterday", "06/03/2023"])
def test_cli_extract_bad_published_is_a_usage_error(tmp_path, value):
    report = tmp_path / "r.txt"
    report.write_text(MOGADISHU, encoding="utf-8")
    result = invoke([str(report), "--published", value])
    assert result.exit_code == 2
    assert f"{value!r} is not a date (use YYYY-MM-DD)" in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""
