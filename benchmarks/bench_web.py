"""Time the web API on a synthetic store of 100,000 corpus incidents (SQLite).

    python benchmarks/bench_web.py [--incidents 100000]

Incidents are written straight into the ``incidents`` table (random days over
three years, places, types and perpetrators); each request is timed through
Starlette's TestClient, median of 5.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Suicide bomb"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration")]
PLACES = [("Aleppo", 36.2, 37.16, "SY", "Aleppo"), ("Kirkuk", 35.47, 44.39, "IQ", "Kirkuk"),
          ("Maiduguri", 11.85, 13.16, "NG", "Borno"), ("Kabul", 34.53, 69.17, "AF", "Kabul"),
          ("Mogadishu", 2.04, 45.34, "SO", "Banaadir"), ("Kharkiv", 49.99, 36.23, "UA", "Kharkiv")]
ACTORS = ["Islamic State", "al-Shabaab", "Boko Haram", "Taliban", "Military Forces of Russia", None]
QUERIES = ["/api/incidents", "/api/incidents?country=SY", "/api/incidents?type=Suicide%20bomb&offset=5000",
           "/api/incidents?actor=shabaab", "/api/incidents?q=kirkuk",
           "/api/incidents?date_from=2024-01-01&date_to=2024-01-31",
           "/api/incidents?bbox=30,30,50,40", "/api/incidents.geojson?limit=20000",
           "/api/incidents.geojson?country=NG&limit=20000", "/api/facets"]


def fill(location: str, count: int) -> None:
    from marsad.store import Store

    rng = random.Random(7)
    rows = []
    for _ in range(count):
        event_type, sub_type = rng.choice(TYPES)
        name, lat, lon, country, admin1 = rng.choice(PLACES)
        actor = rng.choice(ACTORS)
        day = f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append((day, event_type, sub_type, name, lat + rng.uniform(-1, 1), lon + rng.uniform(-1, 1), country,
                     admin1, 1, json.dumps([{"name": actor, "status": "claimed"}] if actor else []),
                     rng.randint(0, 50), 1, "bench", day, "2026-01-01T00:00:00Z"))
    with Store.open(location) as store, store.db.transaction():
        store.db.executemany(
            "INSERT INTO incidents (event_date, event_type, sub_event_type, location, latitude, longitude, country,"
            " admin1, geo_precision, perpetrators, killed_best, source_count, sources, first_reported, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def main() -> None:
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app
    from marsad.web.settings import Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        location = str(Path(work) / "bench.db")
        fill(location, args.incidents)
        client = TestClient(create_app(Settings(db=location)))
        for query in QUERIES:
            times = []
            for _ in range(5):
                start = time.perf_counter()
                response = client.get(query, headers={"Accept-Encoding": "gzip"})
                times.append(time.perf_counter() - start)
            assert response.status_code == 200, response.text
            size = int(response.headers.get("content-length") or len(response.content))
            print(f"{statistics.median(times) * 1000:8.1f} ms  {size / 1000:8.1f} kB sent  {query}")


if __name__ == "__main__":
    main()
