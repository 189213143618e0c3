"""The store on SQLite and on a real PostgreSQL: documents, records, merging, exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from pgserver import postgres_server, postgres_url  # noqa: F401 - fixtures

from marsad.export.corpus import export
from marsad.ingest import read_text
from marsad.store import Store
from marsad.store.queries import Filters, incidents, sources

KIRKUK = {"name": "Kirkuk", "mention": "Kirkuk", "lat": 35.468, "lon": 44.392, "country": "IQ",
          "admin1": "Kirkuk", "admin2": None, "geonameid": 94787, "precision": 1}
KIRKUK_MARKET = {**KIRKUK, "name": "Kirkuk market", "lat": 35.47, "lon": 44.40, "geonameid": None}
MOSUL = {**KIRKUK, "name": "Mosul", "lat": 36.335, "lon": 43.119, "admin1": "Nineveh", "geonameid": 99072}


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    location = (str(tmp_path / "marsad.db") if request.param == "sqlite"
                else request.getfixturevalue("postgres_url"))
    opened = Store.open(location)
    yield opened
    opened.close()


def add(store: Store, name: str, text: str, published: str = "2024-03-04") -> int:
    with store.db.transaction():
        store.add(read_text(text, name, date.fromisoformat(published)), "test")
    return store.db.execute("SELECT id FROM documents WHERE name = ?", (name,))[0][0]


def bombing(doc: str, day: str, where: dict, killed: tuple | None = None, source: str | None = None,
            claim: str | None = None, number: int = 1, event_type: str = "Explosions/Remote violence"):
    """Return a one-incident contract as the extractor would write it for document ``doc``."""
    iid = f"{doc}:i{number}"
    spans = [{"document": doc, "start": 0, "end": 10, "text": "A car bomb"}]
    result = {"documents": [{"id": doc}], "false_statements": [],
              "incidents": [{"id": iid, "date": day, "event_type": event_type,
                             "sub_event_type": "Remote explosive/landmine/IED", "location": where,
                             "perpetrators": [{"name": claim, "status": "claimed"}] if claim else [],
                             "killed": None, "wounded": None, "competing_claims": False, "evidence": spans}],
              "casualty_reports": [], "claims": []}
    if killed:
        result["casualty_reports"].append({"incident": iid, "source": source, "time": None, "evidence": spans,
                                           "killed": {"low": killed[0], "high": killed[1], "qualifier": None},
                                           "wounded": None})
    if claim:
        result["claims"].append({"id": f"{doc}:c1", "kind": "claim", "actor": claim, "against": [],
                                 "incidents": [iid], "channel": "Amaq", "firmness": "asserted",
                                 "time": None, "evidence": spans})
    return result


def test_store_same_text_twice_changes_nothing(store):
    add(store, "a", "A car bomb killed 12 people in Kirkuk on Monday.")
    with store.db.transaction():
        again = store.add(read_text("A car bomb killed 12 people in Kirkuk on Monday.", "b"))
    assert again is False
    assert store.status()["pending"] == 1


def test_store_another_text_under_a_taken_name_gets_its_own(store):
    add(store, "a", "First text about Kirkuk.")
    add(store, "a", "Second text about Mosul.")
    names = sorted(r[0] for r in store.db.execute("SELECT name FROM documents"))
    assert names[0] == "a" and names[1].startswith("a~")


def test_store_save_keeps_records_with_evidence(store):
    doc = add(store, "a", "A car bomb killed 12 people in Kirkuk.")
    store.save(doc, bombing("a", "2024-03-04", KIRKUK, (12, 12), "police", "Islamic State"), (), "test")
    assert store.status()["done"] == 1
    incident = next(incidents(store))
    assert (incident["killed_best"], incident["claimed_by"], incident["source_count"]) == (12, "Islamic State", 1)
    told = sources(store, incident["id"])
    assert told["claims"][0]["evidence"][0]["text"] == "A car bomb"
    assert told["casualty_reports"][0]["source"] == "police"


def test_store_merges_one_event_told_by_several_documents(store):
    first = add(store, "outlet-a", "text a", "2024-03-04")
    second = add(store, "outlet-b", "text b", "2024-03-05")
    third = add(store, "outlet-c", "text c", "2024-03-05")
    store.save(first, bombing("outlet-a", "2024-03-04", KIRKUK, (12, None), "hospital"), (), "t")
    store.save(second, bombing("outlet-b", "2024-03-04", KIRKUK_MARKET, (17, 17), "police"), (), "t")
    store.save(third, bombing("outlet-c", "2024-03-05", KIRKUK, None, claim="Islamic State"), (), "t")
    merged = list(incidents(store))
    assert len(merged) == 1
    one = merged[0]
    assert (one["event_date"], one["source_count"], one["claimed_by"]) == ("2024-03-04", 3, "Islamic State")
    assert (one["killed_low"], one["killed_best"]) == (12, 17)    # lowest low; the newest figure is best
    assert len(sources(store, one["id"])["reports"]) == 3


@pytest.mark.parametrize("other", [
    pytest.param(("2024-03-07", KIRKUK, "Explosions/Remote violence"), id="days-apart"),
    pytest.param(("2024-03-04", MOSUL, "Explosions/Remote violence"), id="another-city"),
    pytest.param(("2024-03-04", KIRKUK, "Protests"), id="another-type"),
])
def test_store_keeps_different_events_apart(store, other):
    day, where, event_type = other
    first, second = add(store, "a", "text a"), add(store, "b", "text b")
    store.save(first, bombing("a", "2024-03-04", KIRKUK), (), "t")
    store.save(second, bombing("b", day, where, event_type=event_type), (), "t")
    assert store.status()["incidents"] == 2


def test_store_never_merges_two_incidents_of_one_document(store):
    first, second = add(store, "a", "text a"), add(store, "b", "text b")
    store.save(first, bombing("a", "2024-03-04", KIRKUK), (), "t")
    two = bombing("b", "2024-03-04", KIRKUK)
    two["incidents"].append({**two["incidents"][0], "id": "b:i2", "location": KIRKUK_MARKET})
    store.save(second, two, (), "t")
    assert store.status()["incidents"] == 2


def test_store_saving_again_replaces_and_remerge_rebuilds(store):
    first, second = add(store, "a", "text a"), add(store, "b", "text b")
    store.save(first, bombing("a", "2024-03-04", KIRKUK, (5, 5)), (), "t")
    store.save(second, bombing("b", "2024-03-04", KIRKUK, (7, 7)), (), "t")
    store.save(first, bombing("a", "2024-03-04", KIRKUK, (6, 6)), (), "t")
    assert store.status()["report_incidents"] == 2
    assert store.remerge() == 1
    assert next(incidents(store))["source_count"] == 2


def test_store_failure_is_kept_and_retried(store):
    doc = add(store, "a", "text a")
    store.fail(doc, "ValueError: broken")
    assert store.failures() == [("a", "ValueError: broken")]
    assert store.retry() == 1
    assert [s.name for s in store.iter_pending()] == ["a"]


def test_store_filters(store):
    first, second = add(store, "a", "text a"), add(store, "b", "text b")
    store.save(first, bombing("a", "2024-03-04", KIRKUK, claim="Islamic State"), (), "t")
    store.save(second, bombing("b", "2024-04-01", {**MOSUL, "country": "SY"}, event_type="Battles"), (), "t")

    def found(**given):
        return [i["location"] for i in incidents(store, Filters(**given))]
    assert found(country="IQ") == ["Kirkuk"]
    assert found(event_type="battles") == ["Mosul"]
    assert found(event_type="explosions/remote violence") == ["Kirkuk"]
    assert found(actor="islamic") == ["Kirkuk"]
    assert found(date_from="2024-03-10") == ["Mosul"]
    assert found(date_to="2024-03-10") == ["Kirkuk"]
    assert found(since="2999-01-01") == []


def test_store_exports_each_format_with_its_own_columns(store):
    doc = add(store, "a", "text a")
    store.save(doc, bombing("a", "2024-03-04", KIRKUK, (12, 15), "police", "Islamic State"), (), "t")

    def written(fmt):
        out = io.StringIO()
        assert export(store, incidents(store), fmt, out) == 1
        return out.getvalue()
    acled = next(csv.DictReader(io.StringIO(written("acled"))))
    assert (acled["fatalities"], acled["geo_precision"], acled["country"], acled["event_id_cnty"][:3]) == \
        ("12", "1", "Iraq", "IRQ")
    ucdp = next(csv.DictReader(io.StringIO(written("ucdp"))))
    assert (ucdp["low"], ucdp["best"], ucdp["high"], ucdp["where_prec"]) == ("12", "12", "15", "1")
    gtd = next(csv.DictReader(io.StringIO(written("gtd"))))
    assert (gtd["claimed"], gtd["compclaim"], gtd["gname"], gtd["eventid"]) == \
        ("1", "0", "Islamic State", "202403040001")
    geojson = json.loads(written("geojson"))
    assert geojson["features"][0]["geometry"]["coordinates"] == [44.392, 35.468]
    line = json.loads(written("jsonl"))
    assert line["claims"][0]["actor"] == "Islamic State"
    assert line["casualty_reports"][0]["killed_high"] == 15


def test_store_exports_parquet_in_row_groups_that_read_back(store, tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    from marsad.export import corpus as exports

    monkeypatch.setattr(exports, "PARQUET_ROWS", 1)      # one row group per incident
    first, second = add(store, "a", "text a"), add(store, "b", "text b")
    store.save(first, bombing("a", "2024-03-04", KIRKUK, (12, 15), "police", "Islamic State"), (), "t")
    store.save(second, bombing("b", "2024-04-01", {**MOSUL, "country": "SY"}, event_type="Battles"), (), "t")
    path = tmp_path / "incidents.parquet"
    assert exports.write_parquet(incidents(store), str(path)) == 2
    table = pq.read_table(path)
    assert pq.ParquetFile(path).num_row_groups == 2
    rows = table.to_pylist()
    assert [r["location"] for r in rows] == ["Kirkuk", "Mosul"]
    assert rows[0]["killed_best"] == 12 and json.loads(rows[0]["perpetrators"])[0]["name"] == "Islamic State"


def test_store_keeps_other_categories_attack_detail_and_exports_them_to_gtd(store):
    doc = add(store, "a", "text a")
    result = bombing("a", "2024-03-04", KIRKUK, (9, 9), "police", "Islamic State")
    spans = result["incidents"][0]["evidence"]
    result["incidents"][0]["attack"] = {
        "attack_types": [{"type": "Bombing/Explosion", "evidence": spans}],
        "weapons": [{"type": "Explosives", "subtype": "Vehicle", "evidence": spans}],
        "targets": [{"type": "Refugees/IDPs", "evidence": spans}, {"type": "Police", "evidence": spans}],
        "suicide": {"value": True, "evidence": spans}, "coordinated": {"value": False, "evidence": []},
        "blasts": None, "attackers": {"count": 2, "evidence": spans}}
    result["casualty_reports"][0]["attackers_killed"] = {"low": 2, "high": 2, "qualifier": None}
    result["other_casualty_reports"] = [{"incident": "a:i1", "source": "police", "time": None, "evidence": spans,
                                         "killed": None, "wounded": None, "counted": {"abducted": "civilians"},
                                         "abducted": {"low": 4, "high": 4, "qualifier": None}}]
    store.save(doc, result, (), "t")
    incident = next(incidents(store))
    assert json.loads(incident["other_figures"])["abducted"]["best"] == 4
    assert json.loads(incident["other_figures"])["attackers_killed"]["best"] == 2
    assert incident["killed_best"] == 9        # the attackers' dead are not the victims' toll
    stored = store.db.query("SELECT counted, other_figures FROM casualty_reports ORDER BY id")
    assert [json.loads(r["counted"]) for r in stored] == [{}, {"abducted": "civilians"}]
    out = io.StringIO()
    export(store, incidents(store), "gtd", out)
    gtd = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (gtd["nkillter"], gtd["nhostkid"], gtd["nperps"], gtd["suicide"], gtd["multiple"]) == \
        ("2", "4", "2", "1", "0")
    assert (gtd["weaptype1_txt"], gtd["weapsubtype1_txt"], gtd["attacktype1_txt"]) == \
        ("Explosives", "Vehicle", "Bombing/Explosion")
    assert (gtd["targtype1_txt"], gtd["targtype2_txt"]) == ("Private Citizens & Property", "Police")


def test_store_exports_acled_actor2_and_interaction_codes_from_the_roles(store):
    doc = add(store, "a", "text a")
    result = bombing("a", "2024-03-04", KIRKUK, (4, 4), "police", "Islamic State")
    result["incidents"][0]["roles"] = [
        {"actor": "Islamic State", "role": "perpetrator", "status": "claimed", "type": "Rebel group"},
        {"actor": "Police Forces of Iraq", "role": "target", "status": None, "type": "State forces"},
        {"actor": "Civilians (Iraq)", "role": "target", "status": None, "type": "Civilians"},
        {"actor": "Iraqi police", "role": "source", "status": None, "type": "State forces"}]
    store.save(doc, result, (), "t")
    out = io.StringIO()
    export(store, incidents(store), "acled", out)
    acled = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (acled["actor1"], acled["inter1"], acled["actor2"], acled["inter2"], acled["interaction"]) == \
        ("Islamic State", "2", "Police Forces of Iraq", "1", "12")
    assert acled["assoc_actor_2"] == "Civilians (Iraq)"


def test_store_leaves_a_partial_figure_out_when_another_source_gives_the_whole_toll(store):
    first, second = add(store, "a", "text a"), add(store, "b", "text b")
    partial = bombing("a", "2024-03-04", KIRKUK, (5, 5), "hospital")
    partial["casualty_reports"][0]["partial"] = True        # "five children were among the dead"
    store.save(first, partial, (), "t")
    store.save(second, bombing("b", "2024-03-04", KIRKUK, (20, 20), "police"), (), "t")
    incident = next(incidents(store))
    assert (incident["killed_low"], incident["killed_best"], incident["killed_acled"]) == (20, 20, 20)


def test_store_of_an_older_schema_is_brought_up_to_date(tmp_path):
    from marsad.store.schema import MIGRATIONS, SCHEMA_VERSION

    location = str(tmp_path / "old.db")
    with Store.open(location) as store:          # take the new columns away again: an older store
        for statement in MIGRATIONS[1]:
            table, column = statement.split()[2], statement.split()[5]
            store.db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        store.db.execute("UPDATE store_info SET value = '1' WHERE key = 'schema_version'")
    with Store.open(location) as store:
        assert store.db.execute("SELECT value FROM store_info")[0][0] == str(SCHEMA_VERSION)
        doc = add(store, "a", "text a")
        store.save(doc, bombing("a", "2024-03-04", KIRKUK, (3, 3)), (), "t")
        assert next(incidents(store))["other_figures"] == "{}"


def test_store_of_a_newer_schema_is_refused_with_one_line(tmp_path):
    from marsad.store.db import StoreError

    location = str(tmp_path / "new.db")
    with Store.open(location) as store:
        store.db.execute("UPDATE store_info SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="store schema 99"):
        Store.open(location)
