"""One throughput measurement in a fresh process (``python -m dotterel.bench.probe``).

Run in its own process so each pipeline starts cold and its peak RSS is its own.
Reads a JSONL corpus (``text`` per line), prints one JSON object::

    {"mode": "spacy"|"dotterel", "docs": N, "tokens": T, "seconds": S,
     "cpu_seconds": C, "load_seconds": L, "peak_rss_mb": M}

``cpu_seconds`` is the process's own CPU time over the same work: other processes on a
shared machine slow the wall clock, not this.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["spacy", "dotterel"])
    parser.add_argument("corpus")
    parser.add_argument("--batch-size", type=int, default=4)
    args = parser.parse_args(argv)

    with open(args.corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]

    t0 = time.perf_counter()
    if args.mode == "spacy":
        import spacy

        from dotterel.pipeline import BASE_MODEL

        nlp = spacy.load(BASE_MODEL)
        load = time.perf_counter() - t0
        start, cpu = time.perf_counter(), time.process_time()
        tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=args.batch_size))
    else:
        from dotterel.model import Article
        from dotterel.pipeline import build_pipeline, make_doc, to_coded

        nlp = build_pipeline()
        load = time.perf_counter() - t0
        start, cpu = time.perf_counter(), time.process_time()
        docs = (make_doc(nlp, Article(text=t)) for t in texts)
        tokens = 0
        for doc in nlp.pipe(docs, batch_size=args.batch_size):
            to_coded(doc)  # part of the real work: records are what we ship
            tokens += len(doc)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "mode": args.mode,
        "docs": len(texts),
        "tokens": tokens,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "load_seconds": load,
        "peak_rss_mb": peak_kb / 1024,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
