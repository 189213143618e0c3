"""The snippet classifier (``marsad classify``): rules, the shipped model, the reader and the CLI.

Every sentence here was written for these tests; none comes from the CASE 2021 data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from marsad.classify import Classifier, classify
from marsad.classify.features import blocks, lead, words
from marsad.classify.labels import code_of, event_classes
from marsad.classify.model import LinearModel
from marsad.classify.rules import found_cues, rule_label, rules
from marsad.classify.snippets import read_snippets
from marsad.cli import main
from marsad.ingest import InputError


@pytest.fixture(scope="module")
def classifier():
    return Classifier.load()


@pytest.mark.parametrize("text, code", [
    ("A suicide bomber blew himself up outside a police station in the north on Friday.", "SUIC_BOMB"),
    ("Two attackers detonated their suicide vests at the gate of the ministry.", "SUIC_BOMB"),
    ("Witnesses said soldiers raped several women during the raid on the village.", "SEX_VIOL"),
    ("Medics treated forty people after chlorine was dropped on the suburb.", "CHEM_WEAP"),
])
def test_classify_rule_labels_unmistakable_cues(text, code):
    assert rule_label(found_cues(text)) == code


@pytest.mark.parametrize("text", [
    # who claimed or investigates the attack is the story, not the attack: left to the model
    "The group claimed responsibility for the suicide bombing at the bus station.",
    "The watchdog said it would investigate reports of a sarin attack on the town.",
    # no rule for a plain bombing or a protest
    "A bomb hidden in a parked car went off near the courthouse.",
    "Nurses marched to the health ministry to demand their unpaid wages.",
])
def test_classify_rule_leaves_doubtful_snippets_to_the_model(text):
    assert rule_label(found_cues(text)) is None


@pytest.mark.parametrize("text, shown", [
    # ground changing hands with no fighting is what sets a non-violent transfer apart
    ("Troops entered the town without firing a shot after the militia left.", True),
    ("The insurgents vacated the valley under a deal brokered by tribal elders.", True),
    ("No resistance was reported as the police took over the checkpoints.", True),
    ("The army captured the town after two days of heavy fighting.", False),
])
def test_classify_cue_no_fight_marks_transfers_without_fighting(text, shown):
    assert ("no_fight" in found_cues(text)) is shown


def test_classify_rules_name_known_cues_and_classes():
    assert rules()
    assert {rule.label for rule in rules()} <= set(event_classes())


@pytest.mark.parametrize("text, code", [
    ("The group claimed responsibility for the suicide bombing at the bus station.", "ATTRIB"),
    ("Fighter jets bombed a militant training camp in the mountains at dawn, the air force said.",
     "AIR_STRIKE"),
    ("Rebels fired a barrage of mortar shells and rockets at the army barracks.", "ART_MISS_ATTACK"),
    ("An attacker threw a hand grenade into a crowded bar, wounding nine people.", "GRENADE"),
    ("A powerful earthquake flattened houses across the valley and triggered landslides.",
     "NATURAL_DISASTER"),
    ("A fuel truck collided with a minibus on the coastal highway, killing eleven passengers.",
     "MAN_MADE_DISASTER"),
    ("The foreign ministry expelled two diplomats and summoned the ambassador over the affair.",
     "DIPLO"),
    ("Gunmen kidnapped four engineers from their camp and demanded a ransom.", "ABDUCT_DISSAP"),
    ("Police arrested nine men suspected of belonging to the armed group.", "ARREST"),
    ("The two sides signed a ceasefire deal and agreed to exchange prisoners.", "AGREEMENT"),
    ("Looters ransacked shops and warehouses in the market overnight.", "PROPERTY_DISTRUCT"),
])
def test_classify_shipped_model_labels_plain_reports(classifier, text, code):
    assert classifier.code(text) == code


@pytest.mark.parametrize("text, code", [
    # the four protest sub-types differ in who used force and how much
    ("Thousands of nurses marched peacefully to the health ministry to demand better pay.", "PEACE_PROTEST"),
    ("Police fired tear gas and arrested twenty people to break up a march by teachers in the capital.",
     "PROTEST_WITH_INTER"),
    ("Soldiers shot dead four people at a peaceful rally against the military government.",
     "FORCE_AGAINST_PROTEST"),
    ("Protesters hurled stones at police and set a bank on fire during a demonstration over fuel prices.",
     "VIOL_DEMONSTR"),
    # a town left without a fight, and an accusation rather than the attack itself
    ("Rebels took control of the district headquarters after the army pulled out without a fight.",
     "NON_VIOL_TERRIT_TRANSFER"),
    ("The government accused the rebels of carrying out the massacre, which they denied.", "ATTRIB"),
])
def test_classify_shipped_model_tells_confusable_classes_apart(classifier, text, code):
    assert classifier.code(text) == code


def test_classify_gives_acled_names_or_codes(classifier):
    snippets = [("a", "Fighter jets bombed a militant training camp in the mountains at dawn."),
                ("b", "A suicide bomber struck a wedding party.")]
    assert list(classify(snippets, classifier)) == [("a", "Air/drone strike"), ("b", "Suicide bomb")]
    assert list(classify(snippets, classifier, codes=True)) == [("a", "AIR_STRIKE"), ("b", "SUIC_BOMB")]


def test_classify_shipped_model_knows_all_30_classes(classifier):
    assert len(event_classes()) == 30
    assert set(classifier.model.classes) == set(event_classes())
    assert sum(c.event_type is None for c in event_classes().values()) == 5


@pytest.mark.parametrize("label, code", [
    ("Air/drone strike", "AIR_STRIKE"), ("air_strike", "AIR_STRIKE"),
    ("Attribution of responsibility", "ATTRIB"), ("Looting/property destruction", "PROPERTY_DISTRUCT"),
])
def test_classify_label_names_map_to_codes(label, code):
    assert code_of(label) == code


def test_classify_label_unknown_name_raises():
    with pytest.raises(KeyError):
        code_of("Parade")


def test_classify_features_numbers_lead_and_cues():
    assert words("killed 12 in 2019") == ["killed", "0", "in", "0"]
    assert lead("Shells hit Aleppo. Residents fled. More later.") == "Shells hit Aleppo"
    feats = blocks("Warplanes struck the depot. Police later arrested two men.")
    assert {"air", "arrest"} <= set(feats["q"])
    assert "arrested" not in feats["f"]            # the lead stops at the first sentence
    assert feats["w"]["warplanes struck"] == 1


def test_classify_features_pair_cues_found_together():
    feats = blocks("Riot police opened fire on the marchers, and two protesters were killed.")
    assert {"protest", "protest_force", "casualties"} <= set(feats["q"])
    assert feats["p"]["casualties&protest"] == 1           # names in sorted order, once each
    assert feats["p"]["protest&protest_force"] == 1
    assert "protest&casualties" not in feats["p"]
    assert not blocks("Heavy rain fell on the valley all week.")["p"]


def test_classify_model_round_trips_through_npz(tmp_path):
    model = LinearModel(classes=("A", "B"), index={"w:rain": 0, "w:tank": 1},
                        idf=np.array([1.0, 1.0], dtype=np.float32),
                        coef=np.array([[1.0, -1.0], [-1.0, 1.0]], dtype=np.float32),
                        intercept=np.zeros(2, dtype=np.float32), block_weights={"w": 1.0})
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = LinearModel.load(path)
    assert loaded.classes == ("A", "B") and loaded.index == model.index
    assert Classifier(loaded, use_rules=False).code("heavy rain today") == "A"
    assert Classifier(loaded, use_rules=False).code("a tank rolled in") == "B"


def test_classify_reader_skips_header_blank_lines_and_third_column(tmp_path):
    path = tmp_path / "in.tsv"
    path.write_text("id\ttext\tlabel\n7\tShells fell on the town.\tX\n\n8\tCrowds marched.\n",
                    encoding="utf-8")
    assert read_snippets(str(path)) == [("7", "Shells fell on the town."), ("8", "Crowds marched.")]


@pytest.mark.parametrize("content, message", [
    (b"", "no snippets"),
    (b"id\ttext\n", "no snippets"),
    (b"just a sentence without a tab\n", "line 1 is not id<TAB>text"),
    (b"\x00\x01\x02\x03binary\x00", "binary content"),
])
def test_classify_reader_refuses_bad_input(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_snippets(str(path))


def test_classify_cli_prints_id_and_label(tmp_path):
    path = tmp_path / "in.tsv"
    path.write_text("id\ttext\n"
                    "s1\tA car bomb exploded near the market, killing six people.\n"
                    "s2\tThousands of students marched peacefully through the capital to demand reforms.\n",
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["classify", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["s1\tRemote explosive/landmine/IED", "s2\tPeaceful protest"]


def test_classify_cli_reads_stdin_and_prints_codes():
    result = CliRunner().invoke(main, ["classify", "--codes", "-"],
                                input="9\tA suicide bomber struck a wedding party.\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "9\tSUIC_BOMB\n"


@pytest.mark.parametrize("content", [None, b"", b"\x00\x01\x02binary\x00\x00"])
def test_classify_cli_bad_input_is_one_line_and_exit_2(tmp_path, content):
    path = tmp_path / "in.tsv"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["classify", str(path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("marsad: ") and str(path) in lines[0]
    assert "Traceback" not in result.output and result.stdout == ""


def test_classify_shipped_model_rebuilds_byte_identically(tmp_path):
    """scripts/train_classifier.py must reproduce the committed model file exactly."""
    pytest.importorskip("sklearn", reason="needs scikit-learn (pip install -e '.[train]')")
    root = Path(__file__).parents[1]
    dev = root.parent / "shared" / "datasets" / "case2021-task2" / "dev.tsv"
    if not dev.is_file():
        reason = f"needs ../shared (the CASE 2021 dev set); missing: {dev}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path / "classifier.npz"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, str(root / "scripts" / "train_classifier.py"),
                          "--data", str(dev), "--out", str(out)],
                         capture_output=True, text=True, timeout=600, env=env)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == (root / "marsad" / "data" / "classifier.npz").read_bytes()
