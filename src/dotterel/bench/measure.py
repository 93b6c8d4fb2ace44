"""``dotterel bench``: dotterel's throughput against bare spaCy, measured in one run.

These machines are noisy, so no figure stands alone: bare spaCy-sm and the full
pipeline run on the same texts, alternately (spaCy, dotterel, spaCy, dotterel, ...), each
in a fresh process, and each side keeps its best round. The ratio of the two is the
number that matters; absolute docs/s move with the machine. ``ratio_cpu`` is the same
ratio in each process's own CPU time (the best round of each side), which other
processes on the machine do not move: when the two ratios differ, the machine was busy.
Scaling is measured by
running ``dotterel run`` itself with 1 and 2 workers on each engine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.model import Article


@dataclass(slots=True)
class BenchResult:
    """The figures ``dotterel bench`` prints and writes with ``--json``."""

    docs: int
    tokens_per_doc: float
    spacy_docs_per_s: float
    dotterel_docs_per_s: float
    spacy_tokens_per_s: float
    dotterel_tokens_per_s: float
    ratio: float
    #: the ratio in CPU seconds of each probe process (robust to a busy machine)
    ratio_cpu: float
    peak_rss_mb: float
    spacy_peak_rss_mb: float
    rounds: int
    scaling_local: dict[str, float] = field(default_factory=dict)
    scaling_ray: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _write_corpus(articles: Sequence[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"text": a.text}) + "\n")


def _probe(mode: str, corpus: Path, batch_size: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "dotterel.bench.probe", mode, str(corpus)]
    cmd += ["--batch-size", str(batch_size)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _scaling(
    corpus: Path, engine: str, workers: Sequence[int], batch_size: int, tmp: Path
) -> dict[str, float]:
    """Docs/s of ``dotterel run`` per worker count: wall-clock (with start-up) and steady.

    Steady state counts from the first finished batch to the last, which leaves out
    process or actor start-up (each worker loads its own pipeline): that start-up is paid
    once per run, so on a real corpus the steady rate is the one that scales.
    """
    from dotterel.distributed.runner import run

    figures: dict[str, float] = {}
    for n in workers:
        stamps: list[tuple[float, int]] = []

        def on_batch(coded: int, rejected: int) -> None:
            stamps.append((time.perf_counter(), coded))  # noqa: B023 - used before the loop moves on

        out = tmp / f"{engine}-{n}"
        summary = run(
            [str(corpus)],
            str(out),
            engine=engine,
            workers=n,
            batch_size=batch_size,
            progress=on_batch,
        )
        figures[f"docs_per_s_{n}"] = round(summary.docs_per_s, 3)
        if len(stamps) >= 2 and stamps[-1][0] > stamps[0][0]:
            docs = sum(c for _, c in stamps[1:])
            figures[f"steady_docs_per_s_{n}"] = round(docs / (stamps[-1][0] - stamps[0][0]), 3)
    first, last = workers[0], workers[-1]
    for kind in ("docs_per_s", "steady_docs_per_s"):
        a, b = figures.get(f"{kind}_{first}"), figures.get(f"{kind}_{last}")
        if a and b:
            figures[f"{kind.replace('docs_per_s', 'speedup')}_{first}_to_{last}"] = round(b / a, 3)
    return figures


def run_bench(
    articles: Sequence[Article],
    *,
    rounds: int = 2,
    batch_size: int = 4,
    engines: Sequence[str] = ("local", "ray"),
    workers: Sequence[int] = (1, 2),
    log: Callable[[str], None] = lambda s: None,
) -> BenchResult:
    """Measure everything ``BenchResult`` holds on ``articles``."""
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dotterel-bench-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = tmp / "corpus.jsonl"
        _write_corpus(articles, corpus)
        best: dict[str, dict[str, Any]] = {}
        cpu: dict[str, float] = {}
        for r in range(rounds):
            for mode in ("spacy", "dotterel"):
                log(f"round {r + 1}/{rounds}: {mode}")
                res = _probe(mode, corpus, batch_size)
                rate = res["docs"] / res["seconds"]
                cpu[mode] = min(cpu.get(mode, res["cpu_seconds"]), res["cpu_seconds"])
                if mode not in best or rate > best[mode]["docs"] / best[mode]["seconds"]:
                    best[mode] = res
        sp, dt = best["spacy"], best["dotterel"]
        scaling: dict[str, dict[str, float]] = {}
        for engine in engines:
            log(f"scaling: {engine} engine, workers {list(workers)}")
            t0 = time.perf_counter()
            try:
                scaling[engine] = _scaling(corpus, engine, workers, batch_size, tmp)
            except Exception as exc:
                notes.append(f"{engine} scaling failed: {type(exc).__name__}: {exc}")
                scaling[engine] = {}
            log(f"  {engine}: {time.perf_counter() - t0:.0f}s")
    docs = len(articles)
    return BenchResult(
        docs=docs,
        tokens_per_doc=round(dt["tokens"] / docs, 1),
        spacy_docs_per_s=round(docs / sp["seconds"], 3),
        dotterel_docs_per_s=round(docs / dt["seconds"], 3),
        spacy_tokens_per_s=round(sp["tokens"] / sp["seconds"], 1),
        dotterel_tokens_per_s=round(dt["tokens"] / dt["seconds"], 1),
        ratio=round(sp["seconds"] / dt["seconds"], 3),
        ratio_cpu=round(cpu["spacy"] / cpu["dotterel"], 3),
        peak_rss_mb=round(dt["peak_rss_mb"], 1),
        spacy_peak_rss_mb=round(sp["peak_rss_mb"], 1),
        rounds=rounds,
        scaling_local=scaling.get("local", {}),
        scaling_ray=scaling.get("ray", {}),
        notes=notes,
    )
