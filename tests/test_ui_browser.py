"""End-to-end: the web UI in a real headless Chromium (Debian's), driven by Playwright.

The browser may reach only the app's own address: every other request is aborted and
counted, so a page that needed a CDN, a tile server or a font service fails the test.
Screenshots go to ``artifacts/screenshots/`` for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from served import BROWSER_MARKS, CHROMIUM, serving

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "artifacts" / "screenshots"
TOKEN = "browser-test-token"

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("ui") / "ui.duckdb"
    with serving(db, TOKEN) as base:
        yield base


@pytest.fixture(scope="module")
def browser_page(server: str) -> Iterator[tuple]:
    sync_api = pytest.importorskip("playwright.sync_api")
    blocked: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000})

        def guard(route, request) -> None:  # type: ignore[no-untyped-def]
            if request.url.startswith(server):
                route.continue_()
            else:
                blocked.append(request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()

        def csp_violation(message) -> None:  # type: ignore[no-untyped-def]
            # A script or style the Content-Security-Policy refused fails the test too.
            if "Content Security Policy" in message.text:
                blocked.append(f"CSP: {message.text}")

        page.on("console", csp_violation)
        yield page, blocked
        browser.close()


def test_code_the_example_and_read_its_sources(browser_page: tuple, server: str) -> None:
    page, blocked = browser_page
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/")
    page.fill("#text", (REPO / "examples" / "arauca_report.txt").read_text(encoding="utf-8"))
    page.fill("#outlet", "Example Times")
    page.fill("#pub_date", "2024-04-16")
    page.fill("#token", TOKEN)
    page.screenshot(path=str(SHOTS / "01-code-form.png"), full_page=True)
    with page.expect_navigation(timeout=120_000):
        page.click("#code-button")
    assert "/articles/" in page.url
    assert page.locator(".hl-actor").count() > 0, "no actor highlighted"
    assert page.locator(".hl-cue").count() > 0, "no attribution cue highlighted"
    events = page.locator("li.event")
    assert events.count() > 0, "no event found in the example article"
    reported = page.locator("li.event.status-reported")
    (reported if reported.count() else events).first.click()
    page.screenshot(path=str(SHOTS / "02-article.png"), full_page=True)
    chain = page.locator("#detail-chain .link")
    assert chain.count() >= 1
    assert "Example Times" in chain.first.inner_text()
    assert blocked == [], f"the page tried to reach other hosts: {blocked}"


@pytest.mark.parametrize("path", ["/network", "/map", "/timeline", "/events", "/claims?about=VEN"])
def test_browse_pages_render_offline(browser_page: tuple, server: str, path: str) -> None:
    page, blocked = browser_page
    page.goto(server + path)
    assert page.locator("main .card").count() >= 1
    name = path.strip("/").split("?")[0]
    page.screenshot(path=str(SHOTS / f"03-{name}.png"), full_page=True)
    if path == "/map":  # Natural Earth outlines drawn by Leaflet, no tiles
        page.wait_for_selector("#map[data-ready=true]")
        assert page.locator(".leaflet-overlay-pane path").count() > 100
    assert blocked == [], f"the page tried to reach other hosts: {blocked}"
