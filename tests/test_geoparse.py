"""Geoparsing: place names with offsets and gazetteer entries, and the ``marsad geoparse`` command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.gazetteer.index import CACHE_ENV
from marsad.gazetteer.supplement import ENV_VAR as SUPPLEMENT_ENV
from marsad.geoparse import geoparse
from marsad.ingest import read_text

SYRIA = "Shelling hit Aleppo and Idlib on Monday, while clashes continued in Homs."


def parse(text: str, pipeline) -> list[dict]:
    (result,) = geoparse([read_text(text, "t")], pipeline)
    assert result["id"] == "t"
    return result["toponyms"]


def test_geoparse_offsets_name_the_text(pipeline):
    found = parse(SYRIA, pipeline)
    assert [t["name"] for t in found] == ["Aleppo", "Idlib", "Homs"]
    for t in found:
        assert SYRIA[t["start"]:t["end"]] == t["name"]
        assert t["country"] == "SY"


@pytest.mark.parametrize("text", [
    "A spokesman for the Tartu News Agency said the report was false.",
    "The Baghdad Football Club said its players were safe.",
])
def test_geoparse_organisation_names_are_not_toponyms(pipeline, text):
    assert parse(text, pipeline) == []


def test_geoparse_relative_place_is_its_anchor(pipeline):
    text = "Gunmen attacked a village 5 km south of Gao on Sunday."
    (gao,) = parse(text, pipeline)
    assert text[gao["start"]:gao["end"]] == "Gao"
    assert (gao["lat"], gao["lon"]) == pytest.approx((16.27, -0.04), abs=0.05)    # Gao itself, not the offset point
    assert gao["precision"] == 2


@pytest.fixture
def cli_env(monkeypatch, geonames_gazetteer):
    """Point the default pipeline at the index the session already built."""
    monkeypatch.setenv(CACHE_ENV, str(geonames_gazetteer.path.parent))
    monkeypatch.delenv(SUPPLEMENT_ENV, raising=False)


def test_geoparse_cli_prints_a_json_line_per_document(cli_env, tmp_path):
    report = tmp_path / "syria.txt"
    report.write_text(SYRIA + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(report)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()
    parsed = json.loads(line)
    assert [t["name"] for t in parsed["toponyms"]] == ["Aleppo", "Idlib", "Homs"]
