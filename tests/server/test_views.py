"""server/views.py and its routes: the JSON of the network, map and timeline, filtered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app
from dotterel.server.queries import PageFilter
from dotterel.server.views import network, timeline
from dotterel.store import Store
from ui_samples import many_articles


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("views") / "views.duckdb"
    with Store(path) as store:
        for coded in many_articles(20, 10):
            store.write(coded)
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db=store_path, token="t"))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_timeline_spans_every_dated_event(client: TestClient) -> None:
    t = client.get("/api/timeline", params={"background": "true"}).json()
    assert t["total"] == 200 and t["undated"] == 0
    assert t["first"] == t["days"][0] == "1990-05-01"  # the stray date is kept, not cut off
    assert t["days"] == sorted(t["days"]) and t["last"] == t["days"][-1] > "2023"
    assert all(len(c) == len(t["days"]) for c in t["counts"].values())
    assert sum(sum(c) for c in t["counts"].values()) == 200
    assert set(t["counts"]) <= {"1", "2", "3", "4"}


def test_timeline_counts_a_date_on_its_first_day(store_path: Path) -> None:
    with Store(store_path) as store:
        window = timeline(store.connection, PageFilter(since="2013-11-01", until="2013-12-31"))
        assert window["total"] > 0 and window["first"] >= "2013-10"
        empty = timeline(store.connection, PageFilter(since="2030"))
        assert empty["days"] == [] and empty["total"] == 0 and empty["first"] is None


def test_filters_change_every_view(client: TestClient) -> None:
    every = client.get("/api/map").json()
    conflict = client.get("/api/map", params={"quad": "4"}).json()
    assert 0 < conflict["total"] < every["total"]
    assert {m["quad"] for m in conflict["markers"]} == {"4"}
    assert every["total"] == len(every["markers"]) + every["unplaced"]
    marker = every["markers"][0]
    assert {"lat", "lon", "source", "type", "target", "chain", "article_id"} <= set(marker)
    with_history = client.get("/api/map", params={"background": "true"}).json()
    assert with_history["total"] > every["total"]  # background events are left out by default
    assert client.get("/api/timeline", params={"type": "AID"}).json()["total"] < every["total"]


def test_network_levels_and_the_events_behind_each_link(store_path: Path) -> None:
    with Store(store_path) as store:
        country = network(store, PageFilter(), "country")
        role = network(store, PageFilter(), "role")
        entity = network(store, PageFilter(), "entity")
        aid = network(store, PageFilter(type="AID"), "country")
    assert len(country["nodes"]) < len(role["nodes"]) <= len(entity["nodes"])
    assert {n["label"] for n in country["nodes"]} >= {"IRN Iran", "TAL Taliban"}
    for edge in country["edges"]:
        assert edge["weight"] >= 1 and edge["sources"] >= 1 and edge["quad"] in "1234"
        assert edge["events"] and all(i in country["events"] for i in edge["events"])
    assert [(e["source"], e["target"]) for e in aid["edges"]] == [("IRN", "TAL")]
    assert sum(len(e["events"]) for e in country["edges"]) == country["n_events"]


def test_bad_filters_are_422(client: TestClient) -> None:
    for path in ("/api/network", "/api/map", "/api/timeline", "/api/events"):
        response = client.get(path, params={"since": "soon"})
        assert response.status_code == 422 and "not a date" in response.json()["error"], path
    assert client.get("/api/network", params={"level": "planet"}).status_code == 422
    assert client.get("/api/map", params={"quad": "7"}).status_code == 422


def test_view_pages_load_their_scripts_and_no_inline_code(client: TestClient) -> None:
    for path, script in (
        ("/network", "/static/vendor/cytoscape/cytoscape.min.js"),
        ("/map", "/static/vendor/leaflet/leaflet.js"),
        ("/timeline", "/static/vendor/uplot/uPlot.iife.min.js"),
    ):
        html = client.get(path, headers={"accept": "text/html"}).text
        assert script in html and 'id="filters"' in html, path
        assert "<script>" not in html and " onclick=" not in html and " onchange=" not in html
        assert client.get(script).status_code == 200


def test_events_page_pages_and_sorts(client: TestClient) -> None:
    html = client.get("/events", params={"page": 2, "sort": "source", "order": "asc"}).text
    assert 'aria-current="page">2<' in html and 'id="page-next"' in html
    assert html.count("<tr>") == 51  # the header and 50 events
    assert 'aria-sort="ascending"' in html
    assert client.get("/events", params={"sort": "nonsense"}).status_code == 422


def test_claims_page_offers_the_actors_and_shows_one(client: TestClient) -> None:
    html = client.get("/claims", headers={"accept": "text/html"}).text
    assert 'id="claims-actor"' in html and 'value="IRN"' in html
    assert 'id="claims-table"' in html and "claim(s) about TAL" in html  # the most named
