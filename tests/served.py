"""What the browser tests share: Debian's Chromium, the marks that skip without it, and
``dotterel serve`` started on a free loopback port and stopped again."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

#: Slow, and skipped where Chromium is missing unless CI requires the browser.
BROWSER_MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("DOTTEREL_REQUIRE_BROWSER"),
        reason="Debian chromium is not installed (make test installs it when run as root)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path, token: str) -> Iterator[str]:
    """``dotterel serve`` on ``db`` in a subprocess; yields its base URL once it answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "dotterel", "serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "DOTTEREL_TOKEN": token}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=2):
                break
        except OSError:
            if proc.poll() is not None:
                out = proc.stdout.read().decode() if proc.stdout else ""
                pytest.fail(f"server exited early:\n{out}")
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("server did not start within 60 s")
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
