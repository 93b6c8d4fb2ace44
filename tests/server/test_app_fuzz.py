"""Server hardening: schemathesis over the OpenAPI spec, and a bounded loopback load test.

Schemathesis generates requests from ``/openapi.json`` (valid and invalid) and checks
that none gets a server error; the API's own error messages (401, 404, 413, 422) are
the expected answers to bad requests. ``DOTTEREL_SCHEMA_EXAMPLES`` sets the examples per
operation (default 25, for CI time; SECURITY.md gives a longer run).

The load test serves a store of a few hundred generated articles on 127.0.0.1 to one
writer and several readers for ``DOTTEREL_LOAD_SECONDS`` (default 5): no request may
fail, and every write must be in the store afterwards.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from dotterel.model import CodedArticle
from dotterel.server import Settings, create_app
from dotterel.store import Store
from export_samples import build

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


#: Examples per API operation (``DOTTEREL_SCHEMA_EXAMPLES``).
SCHEMA_EXAMPLES = int(os.environ.get("DOTTEREL_SCHEMA_EXAMPLES", "25"))


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=SCHEMA_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_answers_with_a_server_error(case: schemathesis.Case) -> None:
    headers = {"authorization": f"Bearer {TOKEN}"} if case.method.upper() == "POST" else {}
    response = case.call_and_validate(headers=headers, checks=[not_a_server_error])
    assert response.status_code < 500, response.text[:500]


#: Outlets, actors and event types the generated store is made of.
OUTLETS = ("Example Times", "Coastline Herald", "Mountain Post", "Plains Tribune")
PAIRS = (("IRN", "Iran", "TAL", "Taliban"), ("RUS", "Russia", "PAK", "Pakistan"))
TYPES = (("AID", "sent rifles to"), ("ACCUSE", "accused"), ("CONSULT", "met"))


def generated_article(n: int) -> CodedArticle:
    """A hand-coded article (no NLP): one event between two sample actors."""
    src, src_words, tgt, tgt_words = PAIRS[n % len(PAIRS)]
    kind, verb = TYPES[n % len(TYPES)]
    text = f"{src_words} {verb} {tgt_words} in report number {n}, officials said."
    return build(
        text,
        OUTLETS[n % len(OUTLETS)],
        date(2020, 1, 1) + timedelta(days=n % 400),
        [{"src": src, "src_text": src_words, "tgt": tgt, "tgt_text": tgt_words,
          "type": kind, "trigger": verb}],
        url=f"https://news.example/{n}",
    )  # fmt: skip


def _serve(app: object) -> tuple[object, threading.Thread, str]:
    import socket

    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    return server, thread, f"http://127.0.0.1:{port}"


@pytest.mark.slow
def test_one_writer_and_several_readers_on_loopback(tmp_path: Path) -> None:
    """Readers browse a 300-article store while a writer posts: zero errors, every write
    stored. The writer re-posts stored texts from other outlets (each a new sighting,
    no NLP) and, unless ``DOTTEREL_LOAD_NEW_TEXTS=0``, codes one short new text."""
    db = tmp_path / "load.duckdb"
    stored = [generated_article(n) for n in range(300)]
    with Store(db) as store:
        for coded in stored:
            assert store.write(coded)
    server, thread, base = _serve(create_app(Settings(db=db, token=TOKEN)))

    seconds = float(os.environ.get("DOTTEREL_LOAD_SECONDS", "5"))
    readers = int(os.environ.get("DOTTEREL_LOAD_READERS", "3"))
    new_texts = int(os.environ.get("DOTTEREL_LOAD_NEW_TEXTS", "1"))
    latencies: list[float] = []
    errors: list[str] = []
    written: list[str] = []
    lock = threading.Lock()
    ids = [c.article.id for c in stored]
    paths = [
        "/api/health",
        "/api/events?limit=50",
        "/api/events?actor=IRN&type=AID",
        "/api/articles",
        "/api/articles/{id}",
        "/articles/{id}",
        "/events?actor=Iran",
        "/api/claims?about=TAL",
        "/api/network",
    ]

    def reader(offset: int) -> None:
        stop = time.monotonic() + seconds
        with httpx.Client(base_url=base, timeout=30) as http:
            i = offset
            while time.monotonic() < stop and i < offset + 5000:
                path = paths[i % len(paths)].format(id=ids[(i * 7) % len(ids)][:10])
                t0 = time.perf_counter()
                r = http.get(path, headers={"accept": "text/html"})
                took = time.perf_counter() - t0
                with lock:
                    latencies.append(took)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {path}")
                i += 1

    def writer() -> None:
        auth = {"authorization": f"Bearer {TOKEN}"}
        stop = time.monotonic() + seconds
        with httpx.Client(base_url=base, timeout=300) as http:
            i = 0
            while time.monotonic() < stop and i < 200:
                coded = stored[i]
                body = {"text": coded.article.text, "outlet": f"Relay {i}", "store": True}
                r = http.post("/api/code", json=body, headers=auth)
                with lock:
                    if r.status_code == 200 and r.json()["article"]["id"] == coded.article.id:
                        written.append(coded.article.id)
                    else:
                        errors.append(f"write {r.status_code} {r.text[:200]}")
                i += 1
            for n in range(new_texts):  # coded by the pipeline: short
                body = {"text": f"Peru accused Chile of spying in case {n}.", "outlet": "Wire"}
                r = http.post("/api/code", json=body, headers=auth)
                with lock:
                    if r.status_code == 200:
                        written.append(r.json()["article"]["id"])
                    else:
                        errors.append(f"write {r.status_code} {r.text[:200]}")

    workers = [threading.Thread(target=reader, args=(k * 1000,)) for k in range(readers)]
    workers.append(threading.Thread(target=writer))
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=seconds + 600)
    server.should_exit = True  # type: ignore[attr-defined]
    thread.join(timeout=20)
    assert latencies and not errors, errors[:5]
    p50 = statistics.median(latencies) * 1000
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
    print(f"\nload: {len(latencies)} reads by {readers} readers, {len(written)} writes, ", end="")
    print(f"0 errors, p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    with Store(db) as store:
        counts = store.counts()
        assert counts["articles"] == 300 + new_texts
        relays = len(written) - new_texts
        assert relays > 0 and counts["sightings"] == 300 + new_texts + relays
