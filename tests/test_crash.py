"""``kill -9`` in the middle of ``dotterel ingest``, then the same command again.

Every good article must end up stored exactly once, and the store must hold exactly
what an uninterrupted run into a fresh file holds (timestamps aside).
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from dotterel.cli import app
from dotterel.cli import options as cli_options
from dotterel.store import Store

pytestmark = pytest.mark.slow

N_ARTICLES = 40
KILLS = 3
#: Generous: the command loads spaCy before it stores anything.
STARTUP_TIMEOUT = 120.0

_COUNTRIES = ["Marvenia", "Ostrava", "Kessalia", "Northmark", "Verdania"]
_TOWNS = ["Kessal", "Brena", "Talmo", "Oskar", "Vinde", "Hald", "Rusk", "Pellan"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _story(i: int) -> str:
    country = _COUNTRIES[i % len(_COUNTRIES)]
    town = _TOWNS[i % len(_TOWNS)]
    day = _DAYS[i % len(_DAYS)]
    return (
        f"Troops from {country} clashed with rebels near {town} on {day}, officials said. "
        f"The interior ministry said {i + 3} people were killed and the army had retaken "
        f"the checkpoint, but a rebel spokesman denied the account in report number {i}.\n"
    )


def _make_corpus(root: Path) -> set[str]:
    """40 short stories (some in a JSONL file) and two bad inputs; returns their origins."""
    origins = set()
    (root / "wire").mkdir(parents=True)
    for i in range(N_ARTICLES - 5):
        path = root / ("wire" if i % 3 == 0 else ".") / f"story_{i:02d}.txt"
        path.write_text(_story(i), encoding="utf-8")
        origins.add(str(path.resolve().relative_to(root.resolve())))
    lines = []
    for n, i in enumerate(range(N_ARTICLES - 5, N_ARTICLES), start=1):
        text = _story(i).replace('"', "'").strip()
        lines.append('{"text": "' + text + '", "outlet": "Wire"}')
        origins.add(f"feed.jsonl:{n}")
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    return origins


def _command(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from dotterel.cli import main; main()",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--verbose",
    ]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}


def _run_and_kill(corpus: Path, db: Path, rng: random.Random) -> bool:
    """Start an ingest, SIGKILL it at a random moment after it stored an article.

    Returns whether the kill interrupted a running process (it may finish first).
    """
    proc = subprocess.Popen(
        _command(corpus, db),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + STARTUP_TIMEOUT
    try:
        while True:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            if line is None:  # finished (e.g. nothing left to store)
                proc.wait(timeout=30)
                return False
            if line.startswith("stored "):
                break
        time.sleep(rng.uniform(0.0, 0.4))
        interrupted = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return interrupted
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)


def _run_to_completion(corpus: Path, db: Path) -> str:
    done = subprocess.run(
        _command(corpus, db), capture_output=True, text=True, env=_env(), timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    return done.stdout


def _contents(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without timestamps or the machine-specific origins."""
    with Store(db, read_only=True) as store:
        con = store.connection
        out = {}
        for table in store.counts():
            if table == "meta":
                continue
            cols = [
                r[0]
                for r in con.execute(f"DESCRIBE {table}").fetchall()
                if r[0] not in ("ingested_at", "at")
            ]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(con.execute(f"SELECT {quoted} FROM {table}").fetchall(), key=repr)
        return out


def test_kill_9_then_rerun_stores_every_article_exactly_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: Language
) -> None:
    corpus = tmp_path / "corpus"
    origins = _make_corpus(corpus)
    db = tmp_path / "killed.duckdb"
    rng = random.Random(int(os.environ.get("DOTTEREL_CRASH_SEED", "0")) or None)
    interrupted = sum(_run_and_kill(corpus, db, rng) for _ in range(KILLS))
    assert interrupted >= 1, "no run was killed mid-batch; the test proved nothing"
    print(f"{interrupted} of {KILLS} runs killed mid-batch")
    with Store(db, read_only=True) as store:
        partial = store.counts()["articles"]
    print(f"{partial} of {N_ARTICLES} articles stored before the final run")
    assert 1 <= partial <= N_ARTICLES

    summary = _run_to_completion(corpus, db)
    assert f"{N_ARTICLES - partial} stored, {partial} already stored, 2 rejected" in summary

    # The reference run happens in-process with the session's pipeline: the same
    # command, without paying for another model load.
    fresh = tmp_path / "fresh.duckdb"
    monkeypatch.setattr(cli_options, "load_pipeline", lambda **_: nlp)
    reference = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(fresh)])
    assert reference.exit_code == 0, reference.output
    assert f"{N_ARTICLES} stored, 0 already stored, 2 rejected" in reference.stdout

    with Store(db, read_only=True) as store:
        rows = store.connection.execute("SELECT id, origin FROM articles").fetchall()
        rejects = store.connection.execute("SELECT origin, kind FROM rejects").fetchall()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)) == N_ARTICLES
    stored = {str(Path(o).resolve().relative_to(corpus.resolve())) for _, o in rows}
    assert stored == origins
    assert sorted(k for _, k in rejects) == ["binary", "empty"]  # each recorded once
    assert _contents(db) == _contents(fresh)
