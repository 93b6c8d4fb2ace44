"""Running the command line in a subprocess whose stdout reader goes away early
(``dotterel ... | head -c 10``), shared by the tests in ``tests/cli/``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO / "src"), env.get("PYTHONPATH", "")) if p
    )
    return env


def closed_pipe(args: list[str], cwd: Path) -> tuple[bytes, str]:
    """Run ``python -m dotterel ARGS | head -c 10``: what head read and what dotterel
    said on stderr (the reader closes its end after 10 bytes)."""
    cmd = [sys.executable, "-m", "dotterel", *args]
    writer = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=_env()
    )
    assert writer.stdout is not None and writer.stderr is not None
    reader = subprocess.Popen(["head", "-c", "10"], stdin=writer.stdout, stdout=subprocess.PIPE)
    writer.stdout.close()  # only head holds the read end now
    head, _ = reader.communicate(timeout=300)
    stderr = writer.stderr.read().decode("utf-8", "replace")
    writer.wait(timeout=300)
    return head, stderr
