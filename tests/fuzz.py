"""Mutation fuzzing of dotterel's public API for a bounded time.

Starts from a seed corpus (the example article as text, HTML and JSONL, plus junk),
mutates it (byte flips, splices, truncations, inserted quotes/control characters/
markup, huge tokens) and feeds every input through ingest -> pipeline -> flat records.
Any exception that escapes is a bug: the input is saved under ``artifacts/fuzz/`` and the
script exits 1. Prints how many inputs it ran.

    python tests/fuzz.py --seconds 60
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INSERTS = [
    b'"',
    b"\xe2\x80\x9c",
    b"\xe2\x80\x9d",
    b"'",
    b"\x00",
    b"\x1b[31m",
    b"\r",
    b"\n\n",
    b"<div>",
    b"</p>",
    b"<script>",
    b"&amp;",
    b"&#0;",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b" said ",
    b" denied ",
    b" according to ",
    b" reportedly ",
    b" last year ",
    b"{",
    b"}",
    b"\\u0000",
    b"A" * 5000,
    b"\xf0\x9f\x92\xa5" * 50,
]


def seeds() -> list[tuple[bytes, str]]:
    text = (REPO / "examples" / "arauca_report.txt").read_bytes()
    html = (
        b"<html><head><title>T</title></head><body><article><p>"
        + text.replace(b"\n\n", b"</p><p>")
        + b"</p></article></body></html>"
    )
    line = json.dumps({"text": text.decode("utf-8"), "outlet": "Fuzz"}).encode() + b"\n"
    return [(text, ".txt"), (html, ".html"), (line * 2, ".jsonl"), (b"%PDF-1.4\n" + text, ".html")]


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(5)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:
            buf[pos:pos] = rng.choice(INSERTS)
        elif op == 2:
            del buf[pos : pos + rng.randint(1, 400)]
        elif op == 3 and buf:
            start = rng.randrange(len(buf))
            buf[pos:pos] = buf[start : start + rng.randint(1, 300)]
        else:
            buf = buf[: rng.randint(0, len(buf))]
    return bytes(buf)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    from dotterel.ingest import read_inputs
    from dotterel.model import Article
    from dotterel.pipeline import build_pipeline, code
    from dotterel.rows import flatten

    nlp = build_pipeline()
    rng = random.Random(args.seed)
    corpus = seeds()
    stop = time.monotonic() + args.seconds
    n = rejects = 0
    with tempfile.TemporaryDirectory(prefix="dotterel-fuzz-") as tmp:
        while time.monotonic() < stop:
            base, suffix = rng.choice(corpus)
            data = mutate(base, rng)
            path = Path(tmp) / f"input{suffix}"
            path.write_bytes(data)
            n += 1
            try:
                for item in read_inputs([path]):
                    if isinstance(item, Article):
                        flatten(code(nlp, item))
                    else:
                        rejects += 1
            except Exception:
                out = REPO / "artifacts" / "fuzz"
                out.mkdir(parents=True, exist_ok=True)
                crash = out / f"crash-{n}{suffix}"
                crash.write_bytes(data)
                traceback.print_exc()
                print(f"fuzz: input {n} raised; saved to {crash}")
                return 1
    print(f"fuzz: {n} inputs in {args.seconds:.0f}s, {rejects} recorded rejects, 0 crashes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
