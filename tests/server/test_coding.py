"""server/coding.py: coding runs in a worker process with the CLI's time limit, and
neither a slow document nor a stuck worker holds up reads or later writes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.model import Article, CodedArticle, Reject
from dotterel.server import Settings, create_app
from dotterel.server.coding import DEFAULT_MAX_TOKENS, DEFAULT_TIME_LIMIT, Coder
from dotterel.store import Store

TOKEN = "coding-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}


def sleepy_work(
    article: Article | None, max_tokens: int, time_limit: float | None
) -> CodedArticle | Reject | None:
    """A stand-in for the pipeline (no spaCy in the worker): ``sleep N`` in the text
    sleeps N seconds, ignoring the time limit like a C call that never yields would."""
    if article is None:
        return None
    words = article.text.split()
    if "sleep" in words:
        time.sleep(float(words[words.index("sleep") + 1]))
    return CodedArticle(article=article)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "coding.duckdb"


def _client(db: Path, time_limit: float) -> TestClient:
    app = create_app(Settings(db=db, token=TOKEN, time_limit=time_limit))
    app.state.dotterel.coder = Coder(time_limit, work=sleepy_work)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def quick(db: Path) -> Iterator[TestClient]:
    with _client(db, time_limit=0.3) as c:
        yield c


def test_limits_are_the_clis() -> None:
    from dotterel.ingest import batch

    assert (DEFAULT_TIME_LIMIT, DEFAULT_MAX_TOKENS) == (
        batch.DEFAULT_TIME_LIMIT,
        batch.DEFAULT_MAX_TOKENS,
    )
    assert Settings(db=Path("x")).time_limit == batch.DEFAULT_TIME_LIMIT


def test_a_document_over_the_time_limit_is_a_stored_timeout_and_the_next_codes(
    quick: TestClient, db: Path
) -> None:
    started = time.monotonic()
    slow = quick.post("/api/code", json={"text": "Peru waited, sleep 60 seconds."}, headers=AUTH)
    assert time.monotonic() - started < 10  # the stuck worker was killed, not awaited
    assert slow.status_code == 422, slow.text
    assert slow.json()["error"].startswith("timeout: took longer than 0.3 s"), slow.text
    fine = quick.post("/api/code", json={"text": "Chile thanked Peru."}, headers=AUTH)
    assert fine.status_code == 200, fine.text  # a fresh worker coded it
    assert fine.json()["article"]["text"] == "Chile thanked Peru."
    quick.close()
    with Store(db) as store:
        kinds = store.connection.execute("SELECT kind FROM rejects").fetchall()
    assert kinds == [("timeout",)]


def test_reads_do_not_wait_for_coding(db: Path) -> None:
    with _client(db, time_limit=10) as client:
        client.post("/api/code", json={"text": "Warm the worker."}, headers=AUTH)
        answers: list[int] = []
        writer = threading.Thread(
            target=lambda: answers.append(
                client.post(
                    "/api/code", json={"text": "Slow, sleep 3 now."}, headers=AUTH
                ).status_code
            )
        )
        writer.start()
        time.sleep(0.5)  # the write is in the worker now
        for path in ("/api/events", "/"):
            started = time.monotonic()
            assert client.get(path).status_code == 200
            assert time.monotonic() - started < 1, path
        assert writer.is_alive()  # the reads really overlapped the coding
        writer.join(timeout=20)
        assert answers == [200]
