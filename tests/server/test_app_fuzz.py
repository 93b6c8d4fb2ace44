"""Server hardening: schemathesis over the OpenAPI spec, and a bounded loopback load test.

Schemathesis generates requests from ``/openapi.json`` (valid and invalid) and checks
that none gets a server error; the API's own error messages (401, 404, 413, 422) are
the expected answers to bad requests.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from dotterel.server import Settings, create_app

TOKEN = "fuzz-token"
DB = Path(os.environ.get("PYTEST_TMP_SERVER_DB", "/tmp")) / f"dotterel-fuzz-{os.getpid()}.duckdb"

app = create_app(Settings(db=DB, token=TOKEN, max_body=200_000))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def _cleanup() -> object:
    yield
    from fastapi.testclient import TestClient

    with TestClient(app):  # runs the lifespan, whose shutdown closes the store
        pass
    for path in (DB, DB.with_suffix(".duckdb.wal")):
        path.unlink(missing_ok=True)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_answers_with_a_server_error(case: schemathesis.Case) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"} if case.method.upper() == "POST" else {}
    case.call_and_validate(headers=headers, checks=[not_a_server_error])


@pytest.mark.slow
def test_bounded_load_on_loopback(tmp_path: Path) -> None:
    """Two clients read for a few seconds on 127.0.0.1: no errors, latency reported."""
    import socket

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(Settings(db=tmp_path / "load.duckdb", token=TOKEN)),
            host="127.0.0.1",
            port=port,
            log_level="warning",
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started

    seconds = float(os.environ.get("DOTTEREL_LOAD_SECONDS", "5"))
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    paths = ["/api/health", "/api/events?limit=50", "/api/articles", "/api/network", "/events"]

    def client(offset: int) -> None:
        stop = time.monotonic() + seconds
        with httpx.Client(base_url=base, timeout=10) as http:
            i = offset
            while time.monotonic() < stop and i < offset + 5000:
                t0 = time.perf_counter()
                r = http.get(paths[i % len(paths)])
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {paths[i % len(paths)]}")
                i += 1

    workers = [threading.Thread(target=client, args=(k * 1000,)) for k in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    server.should_exit = True
    thread.join(timeout=10)
    p50 = statistics.median(latencies) * 1000
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
    print(f"\nload: {len(latencies)} requests, {len(errors)} errors", end=", ")
    print(f"p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    assert latencies and not errors, errors[:5]
