"""What the pages mark on an event. Every page and view says "not" for a negated event:
"Iran does not arm the Taliban" must never read as "Iran arms the Taliban" (events page,
article page, claims page, the map's and network's JSON that the side list and popups
show); events told as history say so where they are listed."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app
from dotterel.store import Store
from export_samples import build

TEXT = "Iran does not arm the Taliban in Farah, the ministry said."


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    coded = build(
        TEXT,
        "Example Times",
        date(2024, 4, 16),
        [
            {
                "src": "IRN",
                "src_text": "Iran",
                "type": "AID",
                "cameo": "070",
                "trigger": "arm",
                "tgt": "TAL",
                "tgt_text": "Taliban",
                "place": "Farah",
                "status": "reported",
            }
        ],
    )
    coded.events[0].negated = True
    db = tmp_path_factory.mktemp("negated") / "negated.duckdb"
    with Store(db) as store:
        store.write(coded)
    client = TestClient(create_app(Settings(db=db, token="t")))
    client.article_id = coded.article.id  # type: ignore[attr-defined]
    return client


def _says_not_aid(html: str) -> bool:
    return re.search(r'<span class="neg">not</span>\s*AID', html) is not None


def test_events_page_says_not(client: TestClient) -> None:
    assert _says_not_aid(client.get("/events").text)


def test_article_page_says_not(client: TestClient) -> None:
    assert _says_not_aid(client.get(f"/articles/{client.article_id}").text)  # type: ignore[attr-defined]


def test_claims_page_says_not(client: TestClient) -> None:
    assert _says_not_aid(client.get("/claims", params={"about": "IRN"}).text)


def test_map_and_network_json_carry_negated(client: TestClient) -> None:
    markers = client.get("/api/map").json()["markers"]
    assert [m["negated"] for m in markers] == [True]
    events = client.get("/api/network", params={"level": "role"}).json()["events"]
    assert [e["negated"] for e in events.values()] == [True]


def test_events_told_as_history_are_marked(tmp_path_factory: pytest.TempPathFactory) -> None:
    """With background events shown, the events and article pages say which they are."""
    coded = build(
        "Iran armed the Taliban in Farah in 1996, the ministry said.",
        "Example Times",
        date(2024, 4, 16),
        [
            {
                "src": "IRN",
                "src_text": "Iran",
                "type": "AID",
                "trigger": "armed",
                "tgt": "TAL",
                "tgt_text": "Taliban",
                "date": "1996",
                "date_text": "1996",
            }
        ],
    )
    coded.events[0].background = True
    db = tmp_path_factory.mktemp("history") / "history.duckdb"
    with Store(db) as store:
        store.write(coded)
    client = TestClient(create_app(Settings(db=db, token="t")))
    badge = '<span class="badge history"'
    assert badge in client.get("/events", params={"background": "true"}).text
    assert badge in client.get(f"/articles/{coded.article.id}").text
