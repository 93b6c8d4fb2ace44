"""Load a ``dotterel run`` output folder into the DuckDB store (``run --db``)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from dotterel.distributed.output import read_table
from dotterel.model import Reject
from dotterel.rows import RECORD_TABLES, unflatten
from dotterel.store import Store
from dotterel.store.claims import contest_linker


def load_into_store(output: str, db: str | Path) -> int:
    """Write every article of ``output`` (and its rejects) into ``db``; idempotent.

    Returns the number of articles that were new to the store.
    """
    articles = read_table(output, "articles").to_pylist()
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for table in RECORD_TABLES:
        for row in read_table(output, table).to_pylist():
            by_article[row.pop("article_id")][table].append(row)
    added = 0
    with Store(db) as store:
        for art in articles:
            if store.has(art["id"]):
                continue
            tables = {"articles": [art], **by_article.get(art["id"], {})}
            coded = unflatten(tables)
            added += store.write(coded, before_commit=contest_linker(coded))
        for row in read_table(output, "rejects").to_pylist():
            store.write_reject(Reject(**row))
    return added
