"""server/security_headers.py: the CSP and browser security headers on every response,
and the pages keep to the policy (no inline script or style, no token on disk)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.server import Settings, create_app
from dotterel.server.security_headers import SECURITY_HEADERS

TOKEN = "headers-token"
SERVER = Path(__file__).parents[2] / "src" / "dotterel" / "server"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db=tmp_path / "headers.duckdb", token=TOKEN, max_body=10_000))

    @app.get("/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_policy_is_strict() -> None:
    csp = dict(
        d.strip().split(" ", 1) for d in SECURITY_HEADERS["Content-Security-Policy"].split(";")
    )
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'"
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'none'"
    assert csp["frame-ancestors"] == "'none'" and csp["form-action"] == "'self'"
    assert "unsafe-inline" not in SECURITY_HEADERS["Content-Security-Policy"]
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"
    assert SECURITY_HEADERS["X-Frame-Options"] == "DENY"
    assert SECURITY_HEADERS["Referrer-Policy"] in ("no-referrer", "same-origin")


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("GET", "/", {"headers": {"accept": "text/html"}}, 200),
        ("GET", "/api/health", {}, 200),
        ("GET", "/static/app.js", {}, 200),
        ("GET", "/api/articles/ffff", {}, 404),
        ("GET", "/articles/ffff", {"headers": {"accept": "text/html"}}, 404),
        ("GET", "/api/events?limit=0", {}, 422),
        ("POST", "/api/code", {"json": {"text": "x"}}, 401),
        ("POST", "/api/code", {"content": b"x" * 20_000}, 413),
        ("GET", "/boom", {}, 500),
    ],
)
def test_every_response_has_the_headers(
    client: TestClient, method: str, path: str, kwargs: dict, status: int
) -> None:
    response = client.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (path, name)


def test_templates_have_no_inline_script_or_style() -> None:
    for template in (SERVER / "templates").glob("*.html"):
        html = template.read_text()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, (template, tag)
        assert "<style" not in html, template
        assert not re.search(r"\sstyle=", html), template
        assert not re.search(r"\son[a-z]+=", html), template  # onclick= and friends
        assert "javascript:" not in html, template


def test_the_token_is_not_kept_in_local_storage() -> None:
    script = (SERVER / "static" / "app.js").read_text()
    assert 'sessionStorage.setItem("dotterel-token"' in script
    assert "localStorage.setItem" not in script.replace("sessionStorage.setItem", "")
