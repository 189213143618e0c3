"""The page in headless Chromium (Debian's chromium and chromium-driver), driven by Selenium.

The app runs in this process on a free loopback port over the hand-written
store of ``webstore``. Without chromium or the npm libraries (``make
web-assets``) these tests skip, saying why; in CI (CI=true) they fail.
"""

from __future__ import annotations

import os
import shutil
import threading
import time

import pytest

import webstore
from marsad.web.app import create_app
from marsad.web.settings import Settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1280,900")


def missing(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI must run the browser tests)")
    pytest.skip(why)


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    import uvicorn

    settings = Settings(db=str(tmp_path_factory.mktemp("browser") / "web.db"))
    if not (settings.vendor / "leaflet" / "dist" / "leaflet.js").exists():
        missing(f"{settings.vendor} has no Leaflet: run `make web-assets`")
    webstore.build(settings.db)
    app = create_app(settings, pipeline_factory=lambda: pipeline)
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    port = running.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        missing("no chromium/chromedriver: apt-get install -y chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait(driver, check, timeout: float = 20.0):
    """Poll ``check(driver)`` until it is truthy; return its value."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(check)


def open_map(browser, server):
    browser.get(f"{server}/#/")
    browser.refresh()
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def markers(browser) -> int:
    return int(browser.execute_script("return document.getElementById('map').dataset.markers"))


def listed(browser) -> list[str]:
    return browser.execute_script(
        "return [...document.querySelectorAll('#list tbody tr td:nth-child(3)')].map(td => td.textContent)")


def incident_id(server, country: str) -> int:
    import httpx

    return httpx.get(f"{server}/api/incidents?country={country}").json()["incidents"][0]["id"]


def test_web_browser_map_shows_the_incidents(browser, server):
    open_map(browser, server)
    assert markers(browser) == 3
    assert sorted(p.split(",")[0] for p in listed(browser)) == ["Kirkuk", "Maiduguri", "Nairobi"]
    drawn = browser.execute_script(
        "return document.querySelectorAll('#map path.leaflet-interactive, #map .marker-cluster').length")
    assert drawn >= 1
    assert browser.execute_script("return document.querySelectorAll('#histogram rect.bar').length") == 3


def test_web_browser_type_filter_changes_the_map(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_map(browser, server)
    Select(browser.find_element(By.NAME, "type")).select_by_value("Protests")
    wait(browser, lambda d: markers(d) == 1)
    assert listed(browser) == ["Nairobi, KE"]


def test_web_browser_brushing_the_timeline_filters_the_map(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_map(browser, server)
    chart = browser.find_element(By.ID, "histogram")
    width = chart.size["width"]
    # From the left edge to a fifth of the way: the first days (Kirkuk on 4 March, Maiduguri on 5 March).
    ActionChains(browser).move_to_element_with_offset(chart, -width // 2 + 2, 0).click_and_hold() \
        .move_by_offset(width // 5, 0).release().perform()
    wait(browser, lambda d: markers(d) == 2)
    assert "Nairobi" not in " ".join(listed(browser))
    browser.find_element(By.ID, "all-dates").click()
    wait(browser, lambda d: markers(d) == 3)


def test_web_browser_dossier_highlights_the_evidence(browser, server):
    browser.get(f"{server}/#/incident/{incident_id(server, 'IQ')}")
    wait(browser, lambda d: d.execute_script("return document.querySelectorAll('mark.ev-figure').length"))
    marks = browser.execute_script(
        "return [...document.querySelectorAll('article.source mark')].map(m => [m.className, m.textContent])")
    assert ["ev-figure", "killing at least 12 people"] in marks
    assert ["ev-claim", "Islamic State claimed responsibility for the attack on Amaq."] in marks
    assert browser.execute_script("return document.querySelectorAll('.figure-chart circle').length") == 2
    assert "Islamic State" in browser.find_element("css selector", "ol.claims").text
    facts = browser.find_element("css selector", "dl.facts").text
    assert "Bombing/Explosion · Explosives (Vehicle) · against Business" in facts
    assert "Islamic State — perpetrator (Rebel group)" in browser.find_element("css selector", "ul.roles").text


def test_web_browser_hostile_stored_report_stays_text(browser, server):
    browser.get(f"{server}/#/incident/{incident_id(server, 'NG')}")
    wait(browser, lambda d: d.execute_script("return document.querySelectorAll('article.source').length"))
    assert "3 abducted" in browser.find_element("css selector", "table.figures").text
    source = browser.find_element("css selector", "article.source")
    assert "<script>window.__pwned = 1</script>" in source.text
    assert '<img src=x onerror="window.__pwned=5">' in source.text     # the title, as text
    assert browser.execute_script("return window.__pwned") is None
    assert browser.execute_script("return document.querySelectorAll('#view-incident script, #view-incident img').length") == 0
    hrefs = browser.execute_script("return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert not any(h and h.lower().startswith("javascript:") for h in hrefs)


def test_web_browser_hostile_paste_stays_text(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/#/paste")
    wait(browser, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    box = browser.find_element(By.NAME, "text")
    browser.execute_script("arguments[0].value = arguments[1]", box, webstore.HOSTILE_TEXT)
    browser.execute_script("arguments[0].value = '2024-03-06'", browser.find_element(By.NAME, "published"))
    browser.find_element(By.CSS_SELECTOR, "#paste-form button[type=submit]").click()
    wait(browser, lambda d: d.execute_script("return document.querySelector('#paste-result .doc-text') !== null"), 60)
    result = browser.find_element(By.ID, "paste-result")
    assert "<script>window.__pwned = 1</script>" in result.text
    assert browser.execute_script("return window.__pwned") is None
    assert browser.execute_script("return document.querySelectorAll('#paste-result script, #paste-result img').length") == 0
    assert "Maiduguri" in result.text           # the real extractor found the attack
