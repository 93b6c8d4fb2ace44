"""server/body_limit.py: oversized bodies get 413, declared or streamed (chunked)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app

TOKEN = "limit-token"
LIMIT = 20_000


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db=tmp_path / "limit.duckdb", token=TOKEN, max_body=LIMIT))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _chunks(total: int, size: int = 1000) -> Iterator[bytes]:
    # A generator body is sent chunked: no Content-Length for the middleware to check.
    for _ in range(total // size):
        yield b"x" * size


def test_declared_oversized_body_is_413(client: TestClient) -> None:
    big = {"text": "x" * (2 * LIMIT)}
    response = client.post("/api/code", json=big, headers={"authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]


@pytest.mark.parametrize(
    ("path", "content_type", "auth"),
    [
        ("/api/code", "application/json", {"authorization": f"Bearer {TOKEN}"}),
        ("/code", "application/x-www-form-urlencoded", {}),
        ("/code", "multipart/form-data; boundary=xyz", {}),
    ],
)
def test_streamed_oversized_body_is_413_not_400(
    client: TestClient, path: str, content_type: str, auth: dict[str, str]
) -> None:
    response = client.post(
        path, content=_chunks(3 * LIMIT), headers={"content-type": content_type, **auth}
    )
    assert response.status_code == 413, response.text
    assert "larger than" in response.json()["error"]


def test_streamed_body_under_the_limit_is_read(client: TestClient) -> None:
    # Small and malformed: the app's own answer (a 4xx about the body), not a 413.
    response = client.post(
        "/api/code",
        content=_chunks(2000),
        headers={"content-type": "application/json", "authorization": f"Bearer {TOKEN}"},
    )
    assert 400 <= response.status_code < 500 and response.status_code != 413
