"""The analyst's views in a real headless Chromium (Debian's), driven by Playwright, over
a store of 5,000 generated events (:mod:`ui_samples`, no pipeline run).

As in ``tests/test_ui_browser.py`` the browser may reach only the app: every other
request is aborted and counted. Every page is also served under a strict
Content-Security-Policy (:data:`CSP`: no inline script or style, no ``eval``), and a
violation fails the test, so the views keep working under the server's own policy.
Screenshots go to ``artifacts/screenshots/`` (the ones in ``docs/img/`` are copies).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dotterel.store import Store
from served import BROWSER_MARKS, CHROMIUM, serving
from ui_samples import many_articles

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "artifacts" / "screenshots"
#: Stricter than the server needs to be: scripts, styles, data and images from the app only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'"
)

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("views") / "views.duckdb"
    with Store(db) as store:
        for coded in many_articles(100, 50):  # 5,000 events
            store.write(coded)
    with serving(db, "views-test") as base:
        yield base


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[tuple[Any, list[str]]]:
    sync_api = pytest.importorskip("playwright.sync_api")
    blocked: list[str] = []
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"],
        )
        context = chromium.new_context(viewport={"width": 1400, "height": 1000})

        def guard(route, request) -> None:  # type: ignore[no-untyped-def]
            if request.url.startswith(server) and request.resource_type == "document":
                response = route.fetch()
                headers = {**response.headers, "content-security-policy": CSP}
                route.fulfill(response=response, headers=headers)
            elif request.url.startswith(server):
                route.continue_()
            else:
                blocked.append(request.url)
                route.abort()

        context.route("**/*", guard)
        yield context, blocked
        chromium.close()


@pytest.fixture
def page(browser: tuple[Any, list[str]]) -> Iterator[Any]:
    context, blocked = browser
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # any console error fails: a policy violation, a failed load (a 404 favicon too)
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    page.close()
    assert errors == [], f"script errors or policy violations: {errors}"
    assert blocked == [], f"the page tried to reach other hosts: {blocked}"


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def _count(page: Any) -> int:
    """The first number of the view's count line ("4754 event(s) pass the filters")."""
    text = page.locator("#view-count").inner_text()
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _ready(page: Any, box: str) -> None:
    page.wait_for_selector(f"#{box}[data-ready=true]", timeout=20_000)


def _refilter(page: Any, box: str, field: str, value: str) -> None:
    """Choose ``value`` in a filter list and wait for the view to redraw."""
    page.evaluate(f"document.getElementById('{box}').dataset.ready = 'false'")
    page.select_option(f"#filters [name={field}]", value)
    _ready(page, box)


def test_network_lists_a_nodes_events_and_filters(page: Any, server: str) -> None:
    page.goto(server + "/network?level=role")
    _ready(page, "network")
    assert page.locator("#legend .legend-item").count() >= 3
    assert page.evaluate("dotterel.cy.nodes().length") >= 7
    # click the Taliban node where cytoscape drew it
    x, y = page.evaluate(
        "(() => { const p = dotterel.cy.getElementById('TAL').renderedPosition();"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return [r.left + p.x, r.top + p.y]; })()"
    )
    page.mouse.click(x, y)
    items = page.locator("#side-events li.side-event")
    items.first.wait_for()
    assert items.count() > 10
    assert page.locator("#side-title").inner_text().startswith("TAL Taliban")
    assert items.first.locator("a[href^='/articles/']").count() == 1
    _shot(page, "network.png")
    before = _count(page)
    _refilter(page, "network", "quad", "4")
    assert 0 < _count(page) < before
    assert page.evaluate("dotterel.cy.edges().map((e) => e.data('quad'))") == ["4", "4"]
    # in a narrow window the graph is fitted zoomed out; its labels stay readable
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(server + "/network?level=entity")
    _ready(page, "network")
    zoom, label_px = page.evaluate(
        "[dotterel.cy.zoom(), parseFloat(dotterel.cy.nodes()[0].renderedStyle('font-size'))]"
    )
    assert zoom < 1 and label_px >= 11, (zoom, label_px)
    page.set_viewport_size({"width": 1400, "height": 1000})


def test_map_clusters_markers_and_opens_a_popup(page: Any, server: str) -> None:
    page.goto(server + "/map")
    _ready(page, "map")
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country outlines
    clustered = [int(n) for n in page.locator(".marker-cluster").all_inner_texts()]
    single = page.locator(".event-marker").count()
    on_map = int(re.search(r"(\d+) on the map", page.locator("#view-count").inner_text()).group(1))  # type: ignore[union-attr]
    assert clustered and sum(clustered) + single == on_map > 4000
    before = _count(page)
    _shot(page, "map.png")
    _refilter(page, "map", "type", "REJECT")
    assert 0 < _count(page) < before
    page.evaluate("document.getElementById('map').dataset.ready = 'false'")
    page.fill("#filters [name=since]", "2024-11-01")
    page.press("#filters [name=since]", "Enter")
    _ready(page, "map")
    assert 0 < _count(page) < 20
    if page.locator(".marker-cluster").count():
        page.locator(".marker-cluster").first.click()  # one place: the cluster spiderfies
    page.locator(".event-marker").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "REJECT" in popup.inner_text() and "according to" in popup.inner_text()
    assert popup.locator("a[href^='/articles/']").count() == 1


def test_timeline_spans_every_event_and_zooms(page: Any, server: str) -> None:
    page.goto(server + "/timeline")
    _ready(page, "timeline")
    assert page.evaluate("dotterel.timeline.first") == "1990-05-01"  # the stray date too
    # 1990-2024 in yearly bins, the first holding the first day, the last the last day
    assert page.get_attribute("#timeline", "data-unit") == "year"
    lo, hi, first_bin, last_bin = page.evaluate(
        "(() => { const xs = dotterel.plot.data[0]; const y = (s) => new Date(s * 1000)"
        ".getUTCFullYear(); return [dotterel.plot.scales.x.min, dotterel.plot.scales.x.max,"
        " y(xs[0]), y(xs[xs.length - 1])]; })()"
    )
    last_year = int(page.evaluate("dotterel.timeline.last")[:4])
    assert (first_bin, last_bin) == (1990, last_year)
    # the last bar starts at its bin: the plot reaches the end of that bin, so it shows
    assert hi >= page.evaluate("Date.UTC(dotterel.timeline.last.slice(0, 4) * 1 + 1, 0, 1) / 1000")
    legend = page.locator("#timeline .u-legend").inner_text()
    assert "all shown" in legend and re.search(r"material conflict\s*\d", legend), legend
    _shot(page, "timeline.png")
    before = _count(page)
    _refilter(page, "timeline", "status", "denied")
    assert 0 < _count(page) < before
    box = page.locator("#timeline .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.75, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, y, steps=5)
    page.mouse.up()
    page.wait_for_selector("#timeline[data-unit=month]")  # finer bins once zoomed in
    assert page.evaluate("dotterel.plot.scales.x.min") > lo + 20 * 365 * 86400
    page.mouse.dblclick(box["x"] + box["width"] / 2, y)
    page.wait_for_selector("#timeline[data-unit=year]")
    assert page.evaluate("dotterel.plot.scales.x.max") == hi


def test_events_page_pages_through_5000_events_fast(page: Any, server: str) -> None:
    def timed(action: Any) -> float:
        start = time.monotonic()
        with page.expect_navigation():
            action()
        return time.monotonic() - start

    page.goto(server + "/events?background=true")  # the first visit also loads the assets
    took = [timed(lambda: page.reload())]
    assert page.locator("#view-count").inner_text().startswith("5000 event(s), 1–50 shown")
    assert page.locator("#events-table tbody tr").count() == 50
    _shot(page, "events.png")
    for _ in range(3):
        took.append(timed(lambda: page.click("#page-next")))
    assert "151–200 shown" in page.locator("#view-count").inner_text()
    assert page.locator(".pager .current").inner_text() == "4"
    took.append(timed(lambda: page.click(".pager a:text-is('100')")))
    assert page.locator("#view-count").inner_text().startswith("5000 event(s), 4951–5000 shown")
    took.append(timed(lambda: page.click("a.sort[data-sort=source]")))
    codes = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert codes == sorted(codes) and page.locator(".pager .current").inner_text() == "1"
    took.append(timed(lambda: page.click("#page-next")))
    took.append(timed(lambda: page.select_option("#filters [name=status]", "hedged")))
    assert 0 < int(page.locator("#view-count").inner_text().split()[0]) < 5000
    assert max(took) < 1.0, took


def test_claims_page_offers_actors(page: Any, server: str) -> None:
    page.goto(server + "/claims")
    assert page.locator("#claims-actor option").count() >= 5
    assert page.locator("#claims-table tbody tr").count() > 10
    _shot(page, "claims.png")
    with page.expect_navigation():
        page.select_option("#claims-actor", "IRNGOV")
    assert "claim(s) about IRNGOV" in page.locator("#claims-count").inner_text()
