"""`dotterel run` killed with SIGKILL at random moments loses and duplicates nothing."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dotterel.distributed.output import read_table
from dotterel.rows import TABLES

pytestmark = pytest.mark.slow

N_ARTICLES = 60


def _corpus(path: Path) -> None:
    rng = random.Random(5)
    states = ["Ruritania", "Syldavia", "Borduria", "Kenya", "Chile", "Norway"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N_ARTICLES):
            a, b = rng.sample(states, 2)
            text = (
                f"{a} accused {b} of arming rebels in the northern province, officials said. "
                f"{b} denied the report on Monday. Dispatch number {i}."
            )
            fh.write(json.dumps({"text": text, "outlet": "Example Times"}) + "\n")


def _run(src: Path, out: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "dotterel", "run", str(src), str(out), "--batch-size", "2"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _contents(out: Path) -> dict[str, list[str]]:
    return {
        t: sorted(json.dumps(r, default=str) for r in read_table(str(out), t).to_pylist())
        for t in TABLES
    }


def _n_done(out: Path) -> int:
    folder = out / "articles"
    return len(list(folder.glob("part-*.parquet"))) if folder.exists() else 0


def test_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    src = tmp_path / "corpus.jsonl"
    _corpus(src)
    reference = tmp_path / "reference"
    assert _run(src, reference).wait(timeout=600) == 0

    out = tmp_path / "killed"
    rng = random.Random(11)
    kills = 0
    for _ in range(3):
        proc = _run(src, out)
        before = _n_done(out)
        deadline = time.monotonic() + 300
        # Wait until this run has committed at least one new batch, then a random beat.
        while _n_done(out) == before and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.3))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    print(f"\nrun: {kills} SIGKILLs survived")
    assert kills >= 1, "every run finished before it could be killed"
    assert _run(src, out).wait(timeout=600) == 0
    assert _contents(out) == _contents(reference)
    assert len(read_table(str(out), "articles")) == N_ARTICLES
