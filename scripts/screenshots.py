"""Ingest the example reports into a temporary store, serve it, and save screenshots of the page.

    python scripts/screenshots.py [--out docs]

Reads examples/, the merging reports (tests/merge/reports.jsonl) and the
14 development reports (tests/reports/, dated from their gold files); needs
`make web-assets` and Debian's chromium and chromium-driver. Writes
web-map.png (the map, timeline and list) and web-dossier.png (the dossier of
the incident whose figures come from the most reports).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars")


def build_store(location: str) -> None:
    from marsad.ingest import read_path
    from marsad.store import Store
    from marsad.store.ingest import add_inputs, process

    with Store.open(location) as store:
        add_inputs(store, [str(ROOT / "tests" / "merge" / "reports.jsonl")])
        store.add(read_path(ROOT / "examples" / "gaziantep-2016-08-20.txt", date(2016, 8, 21)), "examples")
        for gold in sorted((ROOT / "tests" / "reports" / "gold").glob("*.json")):
            published = json.loads(gold.read_text(encoding="utf-8"))["document"].get("published")
            text = ROOT / "tests" / "reports" / f"{gold.stem}.txt"
            if text.exists():
                store.add(read_path(text, date.fromisoformat(published) if published else None), "tests/reports")
        counts = process(store, workers=1)
        print(f"{counts.done} documents extracted, {counts.failed} failed")


def serve(location: str) -> tuple[str, object]:
    import uvicorn

    from marsad.web.app import create_app
    from marsad.web.settings import Settings

    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db=location)), host="127.0.0.1", port=0,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}", server


def richest_incident(location: str) -> int:
    from marsad.store import Store

    with Store.open(location) as store:
        # The incident whose figures come from the most documents, then with the most figures and claims.
        return store.db.execute(
            "SELECT ri.incident_id FROM report_incidents ri"
            " LEFT JOIN casualty_reports cr ON cr.report_incident_id = ri.id"
            " LEFT JOIN claim_incidents ci ON ci.report_incident_id = ri.id"
            " WHERE ri.incident_id IS NOT NULL GROUP BY ri.incident_id"
            " ORDER BY count(DISTINCT cr.document_id) DESC, count(DISTINCT cr.id) + count(DISTINCT ci.claim_id) DESC,"
            " ri.incident_id LIMIT 1")[0][0]


def shoot(url: str, incident: int, out: Path, profile: str) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(f"{url}/#/")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        time.sleep(1)       # the basemap's and the clusters' last drawing
        driver.save_screenshot(str(out / "web-map.png"))
        driver.get(f"{url}/#/incident/{incident}")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.querySelector('article.source')"))
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(max(height, 900), 2400))      # the whole dossier, within reason
        time.sleep(1)
        driver.save_screenshot(str(out / "web-dossier.png"))
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        location = str(Path(work) / "examples.db")
        build_store(location)
        url, server = serve(location)
        try:
            shoot(url, richest_incident(location), args.out, str(Path(work) / "chromium"))
        finally:
            server.should_exit = True
    print(f"wrote {args.out / 'web-map.png'} and {args.out / 'web-dossier.png'}")


if __name__ == "__main__":
    main()
