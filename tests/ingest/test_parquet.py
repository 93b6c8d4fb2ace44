"""Tests of dotterel.ingest.parquet: Parquet files and URIs as article inputs."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dotterel.ingest.parquet import read_articles

TEXTS = [
    "Ruritania accused Syldavia of arming rebels in the northern province on Monday.",
    "Officials from Borduria met diplomats from Ruritania in the capital, a spokesman said.",
]


def test_parquet_inputs_local_or_by_uri_and_bad_files_are_rejects(tmp_path: Path) -> None:
    good = tmp_path / "news.parquet"
    pq.write_table(pa.table({"text": [TEXTS[0], ""], "outlet": ["Example Times", None]}), good)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet at all")
    items = list(
        read_articles([str(good), f"file://{good}", str(broken), str(tmp_path / "x.parquet")])
    )
    articles = [i for i in items if not hasattr(i, "reason")]
    rejects = [(i.kind, i.origin) for i in items if hasattr(i, "reason")]
    assert [a.outlet for a in articles] == ["Example Times", "Example Times"]
    assert [k for k, _ in rejects] == ["empty", "empty", "malformed", "unreadable"]
    # a folder given as a URI is every Parquet file under it; an unknown scheme is a reject
    nested = tmp_path / "corpus" / "2024"
    nested.mkdir(parents=True)
    pq.write_table(pa.table({"text": [TEXTS[1]]}), nested / "part-0.parquet")
    items = list(read_articles([f"file://{tmp_path / 'corpus'}", "nosuch://bucket/x.parquet"]))
    assert [getattr(i, "kind", "article") for i in items] == ["article", "unreadable"]
