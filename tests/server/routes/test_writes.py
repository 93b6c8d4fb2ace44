"""server/routes/writes.py: what the write routes refuse before any coding happens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app

TOKEN = "writes-token"
AUTH = {"authorization": f"Bearer {TOKEN}", "content-type": "application/json"}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db=tmp_path / "writes.duckdb", token=TOKEN, max_body=50_000))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def _json_string_fields(spec: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(path, field) for every string field of every JSON request body in the spec."""
    schemas = spec.get("components", {}).get("schemas", {})
    for path, ops in spec["paths"].items():
        for op in ops.values():
            content = op.get("requestBody", {}).get("content", {})
            ref = content.get("application/json", {}).get("schema", {}).get("$ref")
            if not ref:
                continue
            model = schemas[ref.rsplit("/", 1)[-1]]
            for name, prop in model.get("properties", {}).items():
                kinds = [prop, *prop.get("anyOf", [])]
                if any(k.get("type") == "string" and "format" not in k for k in kinds):
                    yield path, name


def test_a_lone_surrogate_in_any_json_string_is_a_422(client: TestClient) -> None:
    fields = list(_json_string_fields(client.get("/openapi.json").json()))
    assert ("/api/code", "text") in fields and ("/api/code", "url") in fields
    for path, name in fields:
        body = {"text": "Peru", name: "a \\ud800 b"}
        raw = "{" + ", ".join(f'"{k}": "{v}"' for k, v in body.items()) + "}"
        response = client.post(path, content=raw.encode(), headers=AUTH)
        assert response.status_code == 422, (path, name, response.text)
        assert "surrogate" in response.json()["error"], response.text


@pytest.mark.parametrize(
    "raw",
    [
        b'{"text": "a \xff b"}',  # not UTF-8
        b'{"text": "a \xed\xa0\x80 b"}',  # a surrogate encoded as bytes (CESU-8)
        b'{"text": "unterminated',
        b'"\\ud800"',
        b"[" * 3000 + b"]" * 3000,
        b'{"text": 1e999999}',
    ],
)
def test_undecodable_json_is_a_4xx_with_a_message(client: TestClient, raw: bytes) -> None:
    response = client.post("/api/code", content=raw, headers=AUTH)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]


def test_unauthenticated_malformed_body_is_401_before_422(client: TestClient) -> None:
    # Whether the token is right must not depend on (or leak through) body validation.
    for raw in (b'{"text": 5, "date": "yesterday"}', b"not json", b'{"text": "\\ud800"}'):
        response = client.post(
            "/api/code", content=raw, headers={"content-type": "application/json"}
        )
        assert response.status_code == 401, response.text
        wrong = client.post(
            "/api/code",
            content=raw,
            headers={"content-type": "application/json", "authorization": "Bearer nope"},
        )
        assert wrong.status_code == 401, wrong.text
    form = client.post("/code", data={"text": "x", "pub_date": "yesterday", "token": "nope"})
    assert form.status_code == 401


def test_posting_a_stored_text_again_adds_its_sighting_without_coding(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dotterel.model import Article, CodedArticle
    from dotterel.server.state import Coder

    text = "Chile accused Peru of arming rebels, officials said."
    calls: list[str] = []

    def fake_code(self: Coder, article: Article) -> CodedArticle:
        calls.append(article.id)
        return CodedArticle(article=article)

    monkeypatch.setattr(Coder, "code", fake_code)
    first = client.post(
        "/api/code",
        json={"text": text, "outlet": "Example Times", "date": "2024-04-16"},
        headers=AUTH,
    )
    assert first.status_code == 200, first.text
    assert [s["outlet"] for s in first.json()["sightings"]] == ["Example Times"]
    for _ in range(2):  # the second time is the same sighting: nothing new
        again = client.post(
            "/api/code", json={"text": text, "outlet": "Coastline Post"}, headers=AUTH
        )
        assert again.status_code == 200, again.text
    assert len(calls) == 1  # a stored text is not coded again
    body = again.json()
    assert body["article"]["outlet"] == "Example Times"
    assert sorted(s["outlet"] for s in body["sightings"]) == ["Coastline Post", "Example Times"]
    form = client.post(
        "/code",
        data={"text": text, "outlet": "Harbour Daily", "token": TOKEN},
        follow_redirects=False,
    )
    assert form.status_code == 303
    stored = client.get(f"/api/articles/{body['article']['id']}").json()
    assert len(stored["sightings"]) == 3
