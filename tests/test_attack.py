"""Attack detail (GTD attack type, weapons, suicide, targets, counts, coordination) and actor roles.

Every report here is written for these tests and runs through the real
pipeline (the ``run_text`` fixture).
"""

from __future__ import annotations

from datetime import date

import pytest

from helpers import incident_at

from marsad.export.contract import contract
from marsad.export.summary import summary

MONDAY = date(2024, 3, 4)


def words(doc, fact) -> str:
    return doc.text[fact.evidence.start:fact.evidence.end]


def weapons(incident) -> set[tuple[str, str | None]]:
    return {(w.value, w.detail) for w in incident.attack.weapons}


def targets(incident) -> set[str]:
    return {t.value for t in incident.attack.targets}


def roles(incident) -> set[tuple[str, str]]:
    return {(r.role, r.actor) for r in incident.roles}


def test_attack_vbied_suicide_police_target(run_text):
    doc = run_text("A suicide bomber drove a minivan rigged with explosives into a police checkpoint "
                   "in Baqubah on Monday, killing five policemen, officials said.", MONDAY)
    incident = incident_at(doc, "Baqubah")
    attack = incident.attack
    assert [t.value for t in attack.attack_types] == ["Bombing/Explosion"]
    assert weapons(incident) == {("Explosives", "Vehicle-borne IED")}
    assert words(doc, attack.weapons[0]) == "minivan rigged with explosives"
    assert attack.suicide is not None and words(doc, attack.suicide) == "suicide bomber"
    assert targets(incident) == {"Police"}
    assert ("target", "Police Forces of Iraq") in roles(incident)


def test_attack_kidnapping_outranks_armed_assault_and_counts_attackers(run_text):
    doc = run_text("Four gunmen stormed a boarding school in Kebbi on Monday and kidnapped 30 pupils, "
                   "a teacher told reporters.", MONDAY)
    incident = incident_at(doc, "Kebbi")
    types = [t.value for t in incident.attack.attack_types]
    assert types[0] == "Hostage Taking (Kidnapping)"
    assert ("Firearms", None) in weapons(incident)
    assert "Educational Institution" in targets(incident)
    assert incident.attack.attackers is not None and incident.attack.attackers.value == "4"
    assert words(doc, incident.attack.attackers) == "Four gunmen"


def test_attack_blast_count_and_target_types(run_text):
    doc = run_text("Twin blasts tore through a crowded bus station in Jos on Monday, killing 14 "
                   "passengers, police said.", MONDAY)
    attack = incident_at(doc, "Jos").attack
    assert attack.blasts is not None and attack.blasts.value == "2"
    assert "Transportation" in {t.value for t in attack.targets}
    assert "Police" not in {t.value for t in attack.targets}     # police speak here, nobody attacked them
    assert attack.suicide is None


@pytest.mark.parametrize("text, place, weapon, target", [
    pytest.param("A drone strike hit a hospital in Kadugli on Monday, killing three nurses.",
                 "Kadugli", ("Explosives", "Air or drone strike"), "Health", id="drone-hospital"),
    pytest.param("Rebels fired mortar rounds at an army base near Goma on Monday, killing two soldiers.",
                 "Goma", ("Explosives", "Projectile (rocket, mortar, artillery, missile)"), "Military",
                 id="mortar-base"),
    pytest.param("A roadside bomb struck a bus carrying pilgrims in Diyala on Monday, killing nine.",
                 "Diyala", ("Explosives", "IED"), "Religious Figures/Institutions", id="ied-pilgrims"),
    pytest.param("Militants with AK-47 rifles opened fire on a wedding party in Nyala on Monday, "
                 "killing 11 guests.", "Nyala", ("Firearms", "Automatic weapon"),
                 "Private Citizens & Property", id="rifles-wedding"),
    pytest.param("Assailants set fire to a displacement camp near Bunia on Monday, burning 200 "
                 "shelters and killing four displaced people.", "Bunia", ("Incendiary", "Arson/fire"),
                 "Refugees/IDPs", id="arson-camp"),
])
def test_attack_weapon_and_target(run_text, text, place, weapon, target):
    incident = incident_at(run_text(text, MONDAY), place)
    assert weapon in weapons(incident)
    assert target in targets(incident)


def test_attack_none_for_a_protest(run_text):
    doc = run_text("Thousands of teachers marched peacefully in Nairobi on Monday demanding higher pay.",
                   MONDAY)
    assert all(i.attack is None for i in doc.incidents)


def test_attack_coordinated_attacks_across_towns(run_text):
    doc = run_text("Coordinated attacks struck Herat and Farah on Monday. In Herat, gunmen attacked "
                   "a police station, killing three officers. In Farah, gunmen attacked a district "
                   "office, killing two officials.", MONDAY)
    for place in ("Herat", "Farah"):
        coordinated = incident_at(doc, place).attack.coordinated
        assert coordinated is not None and words(doc, coordinated) == "Coordinated attacks"


def test_attack_single_incident_not_coordinated(run_text):
    doc = run_text("A grenade was thrown into a bar in Bujumbura on Monday, wounding seven people.", MONDAY)
    attack = incident_at(doc, "Bujumbura").attack
    assert ("Explosives", "Grenade") in {(w.value, w.detail) for w in attack.weapons}
    assert attack.coordinated is None


def test_roles_perpetrator_claimant_source(run_text):
    doc = run_text("Al-Shabab fighters attacked a military base in Baidoa on Monday, killing eight "
                   "soldiers, a Somali army officer said. Al-Shabab claimed the attack in a statement.",
                   MONDAY)
    incident = incident_at(doc, "Baidoa")
    found = roles(incident)
    assert ("perpetrator", "al-Shabaab") in found
    assert ("claimant", "al-Shabaab") in found
    assert ("target", "Military Forces of Somalia") in found
    assert any(r.role == "source" for r in incident.roles)
    perpetrator = next(r for r in incident.roles if r.role == "perpetrator" and r.actor == "al-Shabaab")
    assert perpetrator.status == "claimed"
    assert doc.text[perpetrator.evidence[0].start:].startswith("Al-Shabab claimed")
    kinds = {(r.role, r.actor): r.type for r in incident.roles}
    assert kinds[("perpetrator", "al-Shabaab")] == "Rebel group"
    assert kinds[("target", "Military Forces of Somalia")] == "State forces"


def test_attack_in_contract_and_summary(run_text):
    doc = run_text("A car bomb exploded outside a hotel in Mogadishu on Monday, killing six people.", MONDAY)
    [record] = contract([doc])["incidents"]
    attack = record["attack"]
    assert attack["weapons"][0]["type"] == "Explosives"
    assert attack["weapons"][0]["subtype"] == "Vehicle-borne IED"
    assert attack["weapons"][0]["evidence"][0]["text"] == "car bomb"
    assert attack["attack_types"][0]["type"] == "Bombing/Explosion"
    assert {t["type"] for t in attack["targets"]} == {"Business"}
    assert attack["suicide"] == {"value": False, "evidence": []}
    assert attack["blasts"] is None
    assert {"actor": "Civilians (Somalia)", "role": "target"}.items() <= record["roles"][0].items()
    assert "attack: Bombing/Explosion; weapons Explosives (Vehicle-borne IED)" in summary([doc])


def test_roles_an_unnamed_group_is_typed_by_its_head_noun(run_text):
    doc = run_text("Gunmen attacked a police checkpoint near Kano on Monday, killing four officers.", MONDAY)
    incident = incident_at(doc, "Kano")
    kinds = {(r.role, r.actor): r.type for r in incident.roles}
    assert kinds[("perpetrator", "gunmen")] == "Political militia"
    assert kinds[("target", "Police Forces of Nigeria")] == "State forces"
