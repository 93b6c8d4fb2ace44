"""server/: the JSON API and pages, through FastAPI's test client (no browser)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app

TOKEN = "test-token-123"
ARTICLE = (
    "Chile accused Peru of arming rebels in the northern province on Monday, "
    "officials said. Peru denied supplying weapons to the rebels."
)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db=tmp_path / "ui.duckdb", token=TOKEN, max_body=20_000))
    with TestClient(app, raise_server_exceptions=False) as c:  # lifespan closes the store
        yield c


def test_health_and_empty_pages(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"
    for path in ("/", "/events", "/claims?about=IRN", "/network", "/map", "/timeline"):
        response = client.get(path, headers={"accept": "text/html"})
        assert response.status_code == 200, path
        assert "dotterel" in response.text


def test_writing_needs_the_token(client: TestClient) -> None:
    body = {"text": ARTICLE, "outlet": "Example Times", "date": "2024-04-16"}
    assert client.post("/api/code", json=body).status_code == 401
    wrong = client.post("/api/code", json=body, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401
    assert wrong.json() == {"error": "a valid token is required to write"}
    assert client.post("/code", data={"text": ARTICLE, "token": "nope"}).status_code == 401


@pytest.mark.slow
def test_code_store_and_read_back(client: TestClient) -> None:
    body = {"text": ARTICLE, "outlet": "Example Times", "date": "2024-04-16"}
    response = client.post("/api/code", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    coded = response.json()
    art_id = coded["article"]["id"]
    assert coded["article"]["outlet"] == "Example Times"
    listed = client.get("/api/articles").json()
    assert [a["id"] for a in listed] == [art_id]
    assert client.get(f"/api/articles/{art_id[:8]}").json()["article"]["id"] == art_id
    page = client.get(f"/articles/{art_id}", headers={"accept": "text/html"})
    assert page.status_code == 200 and "Chile" in page.text
    claims = client.get("/api/claims", params={"about": "PER"}).json()
    assert any(c["source_code"] == "CHL" or c["target_code"] == "PER" for c in claims), claims
    graph = client.get("/api/network").json()
    assert {"nodes", "edges"} <= set(graph)
    for path in ("/network", "/claims?about=PER", "/events?actor=CHL", "/map", "/timeline"):
        assert client.get(path, headers={"accept": "text/html"}).status_code == 200, path
    gdelt = client.get("/api/export/gdelt")
    assert gdelt.status_code == 200 and "attachment" in gdelt.headers["content-disposition"]
    lines = [line for line in gdelt.text.split("\n") if line]
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    tables = client.get("/api/export/csv", params={"actor": "CHL"})
    assert tables.status_code == 200 and tables.content[:2] == b"PK"  # a zip archive
    assert client.get("/api/export/nonsense").status_code == 422


def test_errors_are_json_messages_without_traces(client: TestClient) -> None:
    missing = client.get("/api/articles/ffffffffffffffff")
    assert missing.status_code == 404
    assert "no article" in missing.json()["error"]
    bad = client.post(
        "/api/code", json={"text": 5, "date": "yesterday"}, headers={"authorization": "Bearer x"}
    )
    assert bad.status_code in (401, 422)
    assert "Traceback" not in bad.text


def test_oversized_bodies_are_refused(client: TestClient) -> None:
    big = {"text": "x" * 50_000}
    response = client.post("/api/code", json=big, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/code", "/api/claims", "/api/network"} <= set(spec["paths"])


def test_event_filters_are_the_command_lines(client: TestClient) -> None:
    """The pages filter through dotterel.query: a bad date is a 422 with a message."""
    bad = client.get("/api/events", params={"since": "soon"})
    assert bad.status_code == 422 and "not a date" in bad.json()["error"]
    assert client.get("/api/events", params={"since": "2016", "status": "contested"}).json() == []


@pytest.mark.parametrize("path", ["/", "/events", "/claims", "/network", "/map", "/timeline"])
def test_pages_declare_an_icon_so_the_browser_asks_for_no_favicon(
    client: TestClient, path: str
) -> None:
    """Without one, every page logged a console error (GET /favicon.ico: 404)."""
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get(path).text
    assert client.get("/static/favicon.svg").headers["content-type"].startswith("image/svg")
