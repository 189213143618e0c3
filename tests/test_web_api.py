"""The web API over a small hand-written store, through Starlette's TestClient."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import webstore
from marsad.web.app import create_app
from marsad.web.settings import Settings


class FakePipeline:
    """Stands in for the model where the API, not the extractor, is under test."""

    def run(self, docs):
        return iter(docs)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web") / "web.db")
    webstore.build(path)
    return path


@pytest.fixture
def client(store_path):
    return TestClient(create_app(Settings(db=store_path), pipeline_factory=FakePipeline))


@pytest.fixture
def writer(tmp_path):
    path = str(tmp_path / "writable.db")
    webstore.build(path)
    app = create_app(Settings(db=path, token="s3cret"), pipeline_factory=FakePipeline)
    return TestClient(app)


def names(answer):
    return sorted(i["location"] for i in answer["incidents"])


def test_web_api_lists_merged_incidents_newest_first(client):
    answer = client.get("/api/incidents").json()
    assert answer["total"] == 3
    assert [i["location"] for i in answer["incidents"]] == ["Nairobi", "Maiduguri", "Kirkuk"]
    kirkuk = answer["incidents"][2]
    assert kirkuk["source_count"] == 2 and kirkuk["perpetrators"] == [{"name": "Islamic State", "status": "claimed"}]


@pytest.mark.parametrize("query, expected", [
    ("country=iq", ["Kirkuk"]),
    ("type=protests", ["Nairobi"]),
    ("type=Attack", ["Maiduguri"]),
    ("actor=islamic", ["Kirkuk"]),
    ("admin1=borno", ["Maiduguri"]),
    ("date_from=2024-03-05&date_to=2024-03-09", ["Maiduguri"]),
    ("bbox=30,-5,50,40", ["Kirkuk", "Nairobi"]),
    ("q=nairobi", ["Nairobi"]),
    ("q=100%25", []),
])
def test_web_api_filters_incidents(client, query, expected):
    assert names(client.get(f"/api/incidents?{query}").json()) == expected


def test_web_api_paginates(client):
    first = client.get("/api/incidents?limit=2").json()
    second = client.get("/api/incidents?limit=2&offset=2").json()
    assert first["total"] == second["total"] == 3
    assert len(first["incidents"]) == 2 and len(second["incidents"]) == 1


@pytest.mark.parametrize("query", ["bbox=1,2,3", "bbox=0,100,10,0", "country=Iraq", "limit=0", "date_from=soon"])
def test_web_api_refuses_bad_filters(client, query):
    response = client.get(f"/api/incidents?{query}")
    assert response.status_code == 422
    assert "Traceback" not in response.text


def test_web_api_geojson_has_a_point_per_placed_incident(client):
    answer = client.get("/api/incidents.geojson?country=KE").json()
    assert answer["type"] == "FeatureCollection" and not answer["truncated"]
    [feature] = answer["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.817, -1.283]}
    assert feature["properties"]["event_type"] == "Protests"


def test_web_api_geojson_says_when_truncated(client):
    assert client.get("/api/incidents.geojson?limit=1").json()["truncated"] is True


def test_web_api_dossier_has_figure_history_claims_and_marked_texts(client):
    kirkuk = client.get("/api/incidents?country=IQ").json()["incidents"][0]["id"]
    dossier = client.get(f"/api/incidents/{kirkuk}").json()
    assert [(f["source"], f["killed_low"]) for f in dossier["casualty_reports"]] == [("police", 12),
                                                                                     ("health official", 17)]
    assert [(c["kind"], c["actor"], c["channel"]) for c in dossier["claims"]] == [("claim", "Islamic State", "Amaq")]
    assert [d["name"] for d in dossier["documents"]] == ["kirkuk-1", "kirkuk-2"]
    first = dossier["documents"][0]
    assert "".join(s["text"] for s in first["segments"]) == webstore.REPORTS[0]["text"]
    marked = {s["text"]: s["marks"] for s in first["segments"] if s["marks"]}
    assert marked["killing at least 12 people"] == ["figure"]
    assert marked["Islamic State claimed responsibility for the attack on Amaq."] == ["claim"]
    assert dossier["incident"]["attack"]["weapons"] == [{"type": "Explosives", "subtype": "Vehicle"}]
    assert [(r["actor"], r["role"], r["type"]) for r in dossier["incident"]["roles"]] == [
        ("Islamic State", "perpetrator", "Rebel group"), ("Iraqi police", "source", "State forces")]


def test_web_api_dossier_gives_the_other_casualty_categories(client):
    maiduguri = client.get("/api/incidents?country=NG").json()["incidents"][0]["id"]
    dossier = client.get(f"/api/incidents/{maiduguri}").json()
    assert dossier["incident"]["other_figures"]["abducted"]["best"] == 3
    assert [f["other_figures"] for f in dossier["casualty_reports"]] == [
        {}, {"abducted": {"low": 3, "high": 3, "qualifier": None}}]


def test_web_api_unknown_incident_is_404(client):
    response = client.get("/api/incidents/999999")
    assert response.status_code == 404 and response.json() == {"detail": "no incident 999999"}


def test_web_api_documents_and_facets(client):
    listed = client.get("/api/documents").json()
    assert listed["total"] == 4 and "text" not in listed["documents"][0]
    one = client.get(f"/api/documents/{listed['documents'][0]['id']}").json()
    assert one["name"] == "nairobi" and one["incidents"]
    facets = client.get("/api/facets").json()
    assert [c["code"] for c in facets["countries"]] == ["IQ", "KE", "NG"]
    assert facets["dates"] == {"first": "2024-03-04", "last": "2024-03-10"}


def test_web_api_openapi_describes_the_filters(client):
    spec = client.get("/api/openapi.json").json()
    parameters = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "admin1", "type", "actor", "bbox", "q", "limit", "offset"} <= parameters


def test_web_api_serves_the_page_with_a_strict_policy(client):
    response = client.get("/")
    assert response.status_code == 200 and "/static/main.js" in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "access-control-allow-origin" not in client.get("/api/incidents", headers={"Origin": "https://evil.example"}).headers


def test_web_api_extracts_without_storing(client):
    response = client.post("/api/extract", json={"text": "<script>alert(1)</script> Nothing happened.",
                                                 "html": False})
    answer = response.json()
    assert response.status_code == 200 and answer["stored"] is None
    assert answer["document"]["segments"][0]["text"].startswith("<script>alert(1)</script>")
    assert client.get("/api/documents").json()["total"] == 4


def test_web_api_storing_needs_the_token(client, writer):
    body = {"text": "A quiet day in Kirkuk.", "store": True}
    assert client.post("/api/extract", json=body).status_code == 403       # no token on the server
    assert writer.post("/api/extract", json=body).status_code == 401
    assert writer.post("/api/extract", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    stored = writer.post("/api/extract", json=body, headers={"Authorization": "Bearer s3cret"}).json()["stored"]
    assert stored["already_stored"] is False and stored["document_id"]
    assert writer.get("/api/documents").json()["total"] == 5


def test_web_api_refuses_oversized_bodies(store_path):
    small = TestClient(create_app(Settings(db=store_path, max_body=1000), pipeline_factory=FakePipeline))
    response = small.post("/api/extract", json={"text": "x" * 5000})
    assert response.status_code == 413


def test_web_api_hides_internal_errors(store_path):
    def broken():
        raise RuntimeError("secret internals at /home/someone")

    app = create_app(Settings(db=store_path), pipeline_factory=broken)
    response = TestClient(app, raise_server_exceptions=False).post("/api/extract", json={"text": "Hello."})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"} and "secret" not in response.text


def test_web_api_refuses_a_store_it_cannot_open(tmp_path):
    from marsad.store import StoreError

    with pytest.raises(StoreError):
        create_app(Settings(db=str(tmp_path / "missing" / "x.db")))


def test_web_serve_command_refuses_a_store_it_cannot_open(tmp_path):
    from click.testing import CliRunner

    from marsad.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 2
    assert "its folder does not exist" in result.output and "Traceback" not in result.output


def test_web_serve_command_is_documented():
    from click.testing import CliRunner

    from marsad.cli import main

    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "MARSAD_TOKEN" in result.output and "--port" in result.output
