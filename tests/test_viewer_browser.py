"""The HTML viewer in real headless Chromium: Debian's chromium and chromium-driver, driven by Selenium.

The browser runs with the network emulated offline and every http(s)/ws(s) URL blocked (Chrome DevTools
Protocol), so a page that tried to fetch anything would fail here. These tests skip, saying why, when
/usr/bin/chromium, /usr/bin/chromedriver or selenium is missing; with CONFLICTKG_REQUIRE_BROWSER=1 (CI)
they fail instead. Screenshots of the seed graph go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import time
from pathlib import Path

import pytest
from test_view import HOUTHIS, ISRAEL, XSS, build_kg

from conflictkg import KnowledgeGraph
from conflictkg.graph.network import actor_network
from conflictkg.graph.view import write_html

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--window-size=1400,900")


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    absent = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if absent:
        return f"{' and '.join(absent)} not installed (apt-get install -y chromium chromium-driver)"
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install selenium)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _missing()
    if reason:
        if os.environ.get("CONFLICTKG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}, but CONFLICTKG_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="conflictkg-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
                "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
            driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
            yield driver
        finally:
            driver.quit()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The test graph written as pages: events view, actors view, a cut-down one, the XSS document, an empty one."""
    folder = tmp_path_factory.mktemp("viewer")
    kg, xss = build_kg(), build_kg(xss=True)
    out = {"events": folder / "events.html", "actors": folder / "actors.html", "small": folder / "small.html",
           "xss": folder / "xss.html"}
    write_html(kg.store, out["events"])
    write_html(kg.store, out["actors"], view="actors")
    write_html(kg.store, out["small"], max_nodes=5)
    write_html(xss.store, out["xss"])
    with KnowledgeGraph() as empty:
        out["empty"] = folder / "empty.html"
        write_html(empty.store, out["empty"], view="actors")
    out["graph"] = kg.to_networkx()
    return out


def wait_for(driver, script: str, timeout: float = 30):
    """Poll a JS expression until it is truthy; returns its value."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script(f"return {script}")
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


def open_page(driver, path: Path) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(path.as_uri())
    wait_for(driver, "window.conflictkg && window.conflictkg.ready")


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def requested(driver) -> list[str]:
    """Every URL the page loaded: the document itself and any resource."""
    return driver.execute_script("return performance.getEntries().filter(e => e.entryType === 'navigation'"
                                 " || e.entryType === 'resource').map(e => e.name)")


def node_id(driver, iri: str) -> int:
    return driver.execute_script("return conflictkg.nodes.get({filter: n => n.iri === arguments[0]})[0].id", iri)


def click_at(driver, x: float, y: float) -> None:
    """A real mouse click at canvas coordinates (vis-network's DOM coordinates)."""
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("css selector", "#graph canvas")
    ActionChains(driver).move_to_element_with_offset(canvas, x - canvas.size["width"] / 2,
                                                     y - canvas.size["height"] / 2).click().perform()


def test_seed_graph_renders_offline(browser, seed_kg, tmp_path):
    """The seed opens from file:// with the network off, draws every node, logs no error; screenshots kept."""
    ARTIFACTS.mkdir(exist_ok=True)
    for view in ("events", "actors"):
        path = tmp_path / f"seed-{view}.html"
        size = write_html(seed_kg.store, path, view=view)
        open_page(browser, path)
        assert all(url.startswith("file://") for url in requested(browser))
        expected = (seed_kg.to_networkx() if view == "events" else actor_network(seed_kg.store)).number_of_nodes()
        shown = browser.execute_script("return conflictkg.nodes.length")
        drawn = browser.execute_script("return Object.keys(conflictkg.network.body.nodes).length")
        assert shown == drawn == expected > 3
        # show provenance in the panel for the picture: the busiest event, or the busiest relation
        if view == "events":
            browser.execute_script("const n = conflictkg.network, ev = conflictkg.nodes.get({filter: x => "
                                   "x.family === 'event'}).sort((a, b) => b.value - a.value)[0]; "
                                   "n.selectNodes([ev.id]); conflictkg.showNode(ev.id)")
        else:
            browser.execute_script("const e = conflictkg.edges.get({filter: x => x.events.length})[0]; "
                                   "conflictkg.network.selectEdges([e.id]); conflictkg.showEdge(e.id)")
        assert browser.find_elements("css selector", "#details .sentence")
        assert console_errors(browser) == []
        assert browser.save_screenshot(str(ARTIFACTS / f"viewer-seed-{view}.png")) and size > 0


def test_page_has_every_node_and_no_request_or_error(browser, pages):
    open_page(browser, pages["events"])
    assert browser.execute_script("return conflictkg.nodes.length") == pages["graph"].number_of_nodes()
    assert browser.execute_script("return conflictkg.edges.length") == pages["graph"].number_of_edges()
    assert requested(browser) == [pages["events"].as_uri()]
    assert browser.execute_script("return navigator.onLine") is False  # the page really ran with the network off
    assert console_errors(browser) == []


@pytest.mark.parametrize("typed", ["الحُوثِيّون", "HOUTHIS", "houth"])
def test_search_focuses_the_node(browser, pages, typed):
    """Arabic matches without its diacritics, English in any case; the match is selected, centred, described."""
    open_page(browser, pages["events"])
    box = browser.find_element("id", "search")
    box.send_keys(typed)
    target = node_id(browser, HOUTHIS)
    wait_for(browser, f"conflictkg.network.getSelectedNodes()[0] === {target}")
    time.sleep(0.5)  # the focus animation
    centre = browser.execute_script("return conflictkg.network.getViewPosition()")
    at = browser.execute_script("return conflictkg.network.getPosition(arguments[0])", target)
    assert abs(centre["x"] - at["x"]) < 5 and abs(centre["y"] - at["y"]) < 5
    assert browser.find_element("css selector", "#details h2").text == "Houthis"
    assert "1 of" in browser.find_element("id", "search-status").text


def test_alef_variants_match_and_arabic_reads_right_to_left(browser, pages):
    open_page(browser, pages["events"])
    browser.find_element("id", "search").send_keys("اسرائيل")  # bare alef for إسرائيل
    wait_for(browser, f"conflictkg.network.getSelectedNodes()[0] === {node_id(browser, ISRAEL)}")
    arabic = [dd for dd in browser.find_elements("css selector", "#details dd") if dd.text == "إسرائيل"]
    assert arabic and browser.execute_script("return arguments[0].matches(':dir(rtl)')", arabic[0])
    assert browser.execute_script("return document.querySelector('#details h2').matches(':dir(ltr)')")
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "lang")).select_by_value("ar")  # labels switch, English where no Arabic
    assert browser.execute_script("return conflictkg.nodes.get(arguments[0]).label", node_id(browser, HOUTHIS)) \
        == "الحوثيون"


def test_filters_hide_classes_and_event_types(browser, pages):
    open_page(browser, pages["events"])
    hidden = "conflictkg.nodes.get({filter: n => n.hidden}).map(n => n.kind)"
    claims = browser.execute_script("return conflictkg.nodes.get({filter: n => n.kind === 'Claim'}).length")
    browser.find_element("css selector", 'input[data-family="claim"]').click()
    assert browser.execute_script(f"return {hidden}") == ["Claim"] * claims
    browser.find_element("css selector", 'input[data-kind="DroneAttack"]').click()
    assert sorted(set(browser.execute_script(f"return {hidden}"))) == ["Claim", "DroneAttack"]
    drawn = browser.execute_script("return Object.values(conflictkg.network.body.nodes)"
                                   ".filter(n => n.options.hidden).length")
    assert drawn == len(browser.execute_script(f"return {hidden}"))  # vis-network no longer draws them
    browser.find_element("css selector", 'input[data-family="claim"]').click()
    assert set(browser.execute_script(f"return {hidden}")) == {"DroneAttack"}
    browser.find_element("id", "physics").click()
    assert browser.execute_script("return conflictkg.network.physics.options.enabled") is False


def test_clicking_an_event_shows_its_sentence(browser, pages):
    open_page(browser, pages["events"])
    event = browser.execute_script("return conflictkg.nodes.get({filter: n => n.kind === 'Condemnation'})[0].id")
    browser.execute_script("conflictkg.network.setOptions({physics: false});"
                           "conflictkg.network.focus(arguments[0], {scale: 2, animation: false})", event)
    at = browser.execute_script("const n = conflictkg.network; return n.canvasToDOM(n.getPosition(arguments[0]))",
                                event)
    click_at(browser, at["x"], at["y"])
    wait_for(browser, "document.querySelector('#details mark')")
    details = browser.find_element("id", "details")
    assert details.find_element("css selector", "h2").text == "condemnation"
    assert details.find_element("css selector", ".sentence").text == "The United States condemned the Houthis."
    assert details.find_element("css selector", "mark").text == "condemned"
    assert "Houthis attack ships in the Red Sea" in details.find_element("css selector", ".doc-title").text
    assert console_errors(browser) == []


def test_hover_shows_type_and_both_labels(browser, pages):
    open_page(browser, pages["events"])
    target = node_id(browser, HOUTHIS)
    browser.execute_script("conflictkg.network.setOptions({physics: false});"
                           "conflictkg.network.focus(arguments[0], {scale: 2, animation: false})", target)
    at = browser.execute_script("const n = conflictkg.network; return n.canvasToDOM(n.getPosition(arguments[0]))",
                                target)
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = browser.find_element("css selector", "#graph canvas")
    ActionChains(browser).move_to_element_with_offset(canvas, at["x"] - canvas.size["width"] / 2 + 1,
                                                      at["y"] - canvas.size["height"] / 2).perform()
    tip = wait_for(browser, "(t => t && t.style.visibility !== 'hidden' && t.textContent)"
                            "(document.querySelector('div.vis-tooltip'))")
    assert "ArmedGroup" in tip and "Houthis" in tip and "الحوثيون" in tip


def test_actors_view_lists_the_events_of_a_relation(browser, pages):
    open_page(browser, pages["actors"])
    edge = browser.execute_script(
        "return conflictkg.edges.get({filter: e => e.rel === 'attacked' && e.count === 3})[0].id")
    browser.execute_script("conflictkg.network.setOptions({physics: false}); conflictkg.network.fit()")
    # click the middle of the edge, where its label is
    mid = browser.execute_script("""const n = conflictkg.network, e = conflictkg.edges.get(arguments[0]);
        const a = n.getPosition(e.from), b = n.getPosition(e.to);
        return n.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});""", edge)
    click_at(browser, mid["x"], mid["y"])
    wait_for(browser, "document.querySelectorAll('#details .sentence').length === 3")
    details = browser.find_element("id", "details")
    assert "attacked ×3" in details.find_element("css selector", "h2").text
    sentences = [s.text for s in details.find_elements("css selector", ".sentence")]
    assert "وهاجم الحوثيون إسرائيل بطائرات مسيرة." in sentences
    assert "The Houthis attacked Israel again on Tuesday, the Israeli army said." in sentences


def test_cut_and_empty_graphs_say_so(browser, pages):
    open_page(browser, pages["small"])
    assert browser.execute_script("return conflictkg.nodes.length") == 5
    assert "5 most connected" in browser.find_element("id", "notices").text
    open_page(browser, pages["empty"])
    assert browser.execute_script("return conflictkg.nodes.length") == 0
    assert "empty" in browser.find_element("id", "notices").text
    assert console_errors(browser) == []


def test_markup_in_a_document_runs_nothing(browser, pages):
    from selenium.common.exceptions import NoAlertPresentException

    open_page(browser, pages["xss"])
    time.sleep(0.3)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the check
    browser.find_element("id", "search").send_keys("onerror")
    wait_for(browser, "document.querySelector('#details h2')")
    assert browser.find_element("css selector", "#details h2").text == XSS  # shown literally
    browser.find_element("id", "search").clear()
    event = browser.execute_script("return conflictkg.nodes.get({filter: n => n.iri.includes('/doc/xss/event')})[0].id")
    browser.execute_script("conflictkg.showNode(arguments[0])", event)
    assert XSS in browser.find_element("css selector", "#details .sentence").text
    assert XSS in browser.find_element("css selector", "#details .doc-title").text
    assert browser.execute_script("return document.querySelectorAll('body img, #side script, #details *[onerror]')"
                                  ".length") == 0
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    assert console_errors(browser) == []
