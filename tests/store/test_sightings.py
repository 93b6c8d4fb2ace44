"""store/sightings.py: every (article, outlet, url, date, origin) seen is kept, on every
write path (the store, ``dotterel ingest``, ``dotterel run --db``; the web UI's write is
in tests/server/routes/test_writes.py), idempotently; old stores get the table."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dotterel.model import Article, CodedArticle, Sighting
from dotterel.store import Store

TEXT = "Chile accused Peru of arming rebels, officials said."


def _article(**meta: object) -> Article:
    return Article(text=TEXT, **meta)  # type: ignore[arg-type]


def test_a_second_outlet_adds_a_sighting_not_an_article(tmp_path: Path) -> None:
    first = _article(outlet="Example Times", url="https://a.example/1", pub_date=date(2024, 4, 16))
    second = _article(outlet="Coastline Post", url="https://b.example/2", origin="b.jsonl:3")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write(CodedArticle(article=first))
        assert not store.write(CodedArticle(article=second))  # same text: no new article
        assert not store.write(CodedArticle(article=second))  # same sighting: nothing new
        assert store.add_sightings([Sighting.of(first), Sighting.of(second)]) == 0
        counts = store.counts()
        assert (counts["articles"], counts["sightings"]) == (1, 2)
        stored = store.read(first.id)
    assert stored is not None
    assert stored.article.outlet == "Example Times"  # the article keeps its first metadata
    assert stored.sightings == [Sighting.of(first), Sighting.of(second)]
    assert stored.sightings[0].pub_date == date(2024, 4, 16)
    assert stored.sightings[1].pub_date is None and stored.sightings[1].origin == "b.jsonl:3"


def test_a_failed_write_keeps_no_sighting(tmp_path: Path) -> None:
    coded = CodedArticle(article=_article(outlet="Example Times"))

    def fail(_: Store) -> None:
        raise RuntimeError("crash before commit")

    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(RuntimeError):
            store.write(coded, before_commit=fail)
        assert store.counts()["sightings"] == 0 and not store.has(coded.article.id)


def test_an_old_store_gets_the_table_filled_from_its_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    art = _article(outlet="Example Times", pub_date=date(2020, 6, 1))
    with Store(path) as store:
        store.write(CodedArticle(article=art))
        store.connection.execute("DROP TABLE sightings")  # as made before sightings
    with Store(path, read_only=True) as store:  # read-only: no table, own metadata
        old = store.read(art.id)
        assert old is not None and old.sightings == []
        assert old.all_sightings() == [Sighting.of(art)]
    with Store(path) as store:
        assert store.sightings(art.id) == [Sighting.of(art)]
        assert store.counts()["sightings"] == 1


def test_ingest_records_the_sighting_of_a_text_already_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``dotterel ingest`` skips coding a stored text but keeps its new sighting, and a
    text repeated within one batch keeps both sightings (no NLP: coding is stubbed)."""
    import dotterel.ingest.batch as batch
    from dotterel.cli.ingest_cmd import _IngestRun
    from dotterel.ingest import ReadOptions

    def fake_code(_nlp: object, articles: list[Article], **_: object) -> list[CodedArticle]:
        return [CodedArticle(article=a) for a in articles]

    monkeypatch.setattr(batch, "code_safely", fake_code)
    lines = [
        f'{{"text": "{TEXT}", "outlet": "Example Times", "date": "2024-04-16"}}',
        f'{{"text": "{TEXT}", "outlet": "Coastline Post"}}',
        '{"text": "Another story entirely, with other words."}',
    ]
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(lines) + "\n")
    db = tmp_path / "ingest.duckdb"
    for _ in range(2):  # the second run is a re-ingest: nothing new
        with Store(db) as store:
            run = _IngestRun(store, False, lambda: object())  # type: ignore[arg-type,return-value]
            run.run([src], ReadOptions())
    with Store(db) as store:
        assert store.counts()["articles"] == 2
        outlets = sorted(s.outlet or "" for s in store.sightings(_article().id))
        assert outlets == ["Coastline Post", "Example Times"]
        assert store.counts()["sightings"] == 3
    other = tmp_path / "other.jsonl"
    other.write_text(f'{{"text": "{TEXT}", "outlet": "Harbour Daily"}}\n')
    with Store(db) as store:
        run = _IngestRun(store, False, lambda: pytest.fail("must not code a stored text"))
        run.run([other], ReadOptions())
        assert run.new_sightings == 1 and "1 new sighting" in run.summary(db)
        assert len(store.sightings(_article().id)) == 3


def test_run_db_loads_every_sighting(tmp_path: Path) -> None:
    from dotterel.distributed.load import load_into_store
    from dotterel.distributed.output import PartitionWriter

    out = tmp_path / "out"
    writer = PartitionWriter(str(out))
    other = Article(text="Another story entirely, with other words.", outlet="Coastline Post")
    writer.write_batch([CodedArticle(article=_article(outlet="Example Times"))], [])
    writer.write_batch(
        [CodedArticle(article=_article(outlet="Harbour Daily")), CodedArticle(article=other)], []
    )
    db = tmp_path / "run.duckdb"
    assert load_into_store(str(out), db) == 2
    assert load_into_store(str(out), db) == 0  # idempotent
    with Store(db) as store:
        outlets = sorted(s.outlet or "" for s in store.sightings(_article().id))
        assert outlets == ["Example Times", "Harbour Daily"]
        assert store.counts()["sightings"] == 3
