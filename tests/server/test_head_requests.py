"""server/head_requests.py: ``curl -I`` sees a page's headers (it got 405 before)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app
from dotterel.server.security_headers import SECURITY_HEADERS
from dotterel.store import Store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("head") / "head.duckdb"
    Store(db).close()
    return TestClient(create_app(Settings(db=db, token="t")))


@pytest.mark.parametrize("path", ["/", "/events", "/network", "/api/health", "/static/app.js"])
def test_head_gets_the_get_headers_and_no_body(client: TestClient, path: str) -> None:
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    for name, value in SECURITY_HEADERS.items():
        assert head.headers[name] == value


def test_head_of_a_missing_page_is_404(client: TestClient) -> None:
    assert client.head("/no-such-page").status_code == 404


def test_other_methods_are_still_refused(client: TestClient) -> None:
    assert client.delete("/events").status_code == 405
