"""server/routes/exports.py: a download holds the events the page lists (the filter
bar's quad class and background too), in every format including ACLED-style CSV."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app
from dotterel.store import Store
from ui_samples import many_articles


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("exports") / "exports.duckdb"
    with Store(db) as store:
        for coded in many_articles(12, 10):
            store.write(coded)
    return TestClient(create_app(Settings(db=db, token="t")))


def _plover_ids(client: TestClient, **params: str) -> set[str]:
    body = client.get("/api/export/plover", params=params).text
    return {json.loads(line)["id"] for line in body.splitlines() if line}


def _page_ids(client: TestClient, **params: str) -> set[str]:
    return {e["id"] for e in client.get("/api/events", params={**params, "limit": 10000}).json()}


@pytest.mark.parametrize(
    "params", [{}, {"quad": "4"}, {"background": "true"}, {"quad": "1", "status": "reported"}]
)
def test_the_download_holds_the_events_the_page_lists(
    client: TestClient, params: dict[str, str]
) -> None:
    assert _plover_ids(client, **params) == _page_ids(client, **params)


def test_the_quad_filter_narrows_the_download(client: TestClient) -> None:
    assert 0 < len(_plover_ids(client, quad="4")) < len(_plover_ids(client))


def test_acled_download_opens_in_pandas(client: TestClient) -> None:
    response = client.get("/api/export/acled", params={"type": "ASSAULT"})
    assert response.status_code == 200
    frame = pd.read_csv(io.StringIO(response.text))
    assert len(frame) > 0
    assert {"event_date", "event_type", "actor1", "actor2", "fatalities"} <= set(frame.columns)


def test_the_events_page_offers_acled_with_its_filters(client: TestClient) -> None:
    page = client.get("/events", params={"quad": "4", "background": "true", "page": "2"}).text
    assert 'href="/api/export/acled?quad=4&amp;background=true"' in page


def test_a_bad_filter_is_422(client: TestClient) -> None:
    assert client.get("/api/export/csv", params={"quad": "9"}).status_code == 422
