"""dotterel.store: the DuckDB layout, exact round trips, idempotency, locking."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dotterel.errors import StoreError
from dotterel.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Mention,
    Place,
    Reject,
    Sentence,
    SourceLink,
    TextSpan,
    TimeRef,
)
from dotterel.store import TABLE_NAMES, Store

TEXT = (
    "Ruritania has armed the Blue Brigade in Northshire since May 2020, "
    "the Example Post reported, citing officials who asked not to be named. "
    "Ruritania denied it."
)


def _coded(text: str = TEXT, n_events: int = 2) -> CodedArticle:
    """A coded article with every record kind and (almost) every field set."""
    art = Article(
        text=text,
        title="Arms for the Brigade",
        outlet="Example Times",
        url="https://example.com/a",
        pub_date=date(2020, 6, 1),
        origin="tests/story.txt",
        language="en",
    )
    a = art.id
    chain = [
        SourceLink(name="Example Times"),
        SourceLink(
            name="Example Post", code="USAMED", cue="reported", actor_id=f"{a}-a2", start=68, end=80
        ),
        SourceLink(name="officials", cue="citing", anonymous=True, start=99, end=108),
    ]
    events = [
        Event(
            f"{a}-e{i}",
            trigger=TextSpan(14, 19, "armed"),
            sentence=TextSpan(0, 135, text[:135]),
            event_type="AID",
            source_actor_id=f"{a}-a0",
            source_code="RUR",
            source_text="Ruritania",
            target_actor_id=f"{a}-a1",
            target_code="BLB",
            target_text="the Blue Brigade",
            other_actor_id=None,
            mode="military",
            context=["military", "insurgency"],
            cameo="070",
            quad_class=2,
            goldstein=7.4,
            negated=i % 2 == 1,
            modality="asserted",
            status="reported",
            status_cue="reported",
            attribution_id=f"{a}-q0",
            chain=chain,
            place_id=f"{a}-p0",
            time_id=f"{a}-t0",
            date="2020-05",
            date_source="text",
            contests=[],
            contested_by=[f"{a}-e9"],
            method="lexicon",
        )
        for i in range(n_events)
    ]
    return CodedArticle(
        article=art,
        sentences=[
            Sentence(f"{a}-s0", 0, 135, text[:135]),
            Sentence(f"{a}-s1", 136, 156, text[136:]),
        ],
        mentions=[
            Mention(f"{a}-n0", 0, 9, "Ruritania", "GPE", f"{a}-a0"),
            Mention(f"{a}-n1", 20, 36, "the Blue Brigade", "ORG", f"{a}-a1"),
            Mention(f"{a}-n2", 99, 108, "officials", "NOMINAL"),
        ],
        actors=[
            Actor(f"{a}-a0", "Ruritania", "RUR", "RUR", ["GOV"], "state", [f"{a}-n0"]),
            Actor(f"{a}-a1", "Blue Brigade", "BLB", None, ["REB", "MIL"], "group", [f"{a}-n1"]),
        ],
        places=[
            Place(
                f"{a}-p0",
                40,
                50,
                "Northshire",
                "Northshire",
                12345,
                "ADM1",
                "RU",
                "Northshire",
                51.25,
                -0.125,
                "adm1",
                demonym=False,
            ),
        ],
        times=[TimeRef(f"{a}-t0", 57, 65, "May 2020", "2020-05", "since")],
        attributions=[
            Attribution(
                f"{a}-q0",
                cue=TextSpan(81, 89, "reported"),
                content=TextSpan(0, 65, text[:65]),
                source=TextSpan(67, 83, "the Example Post"),
                source_actor_id=f"{a}-a2",
                source_code="USAMED",
                anonymous=False,
                kind="indirect",
                parent_id=None,
                chain=chain[:2],
            ),
            Attribution(
                f"{a}-q1",
                cue=TextSpan(91, 97, "citing"),
                content=TextSpan(0, 65, text[:65]),
                source=None,
                anonymous=True,
                parent_id=f"{a}-q0",
                chain=chain,
            ),
        ],
        events=events,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_every_contract_table_exists(store: Store) -> None:
    assert set(TABLE_NAMES) == {
        "articles", "sentences", "mentions", "actors", "places", "times",
        "attributions", "events", "rejects", "contest_links", "meta", "sightings",
    }  # fmt: skip
    assert set(store.counts()) == set(TABLE_NAMES)
    version = store.connection.execute("SELECT value FROM meta WHERE key='schema_version'")
    assert version.fetchone() == ("1",)


def _types(store: Store, table: str) -> dict[str, str]:
    rows = store.connection.execute(f"DESCRIBE {table}").fetchall()
    return {r[0]: r[1] for r in rows}


def test_column_types_follow_the_contract(store: Store) -> None:
    events = _types(store, "events")
    assert events["trigger_start"] == "INTEGER"
    assert events["trigger_end"] == "INTEGER"
    assert events["trigger_text"] == "VARCHAR"
    assert events["context"] == "VARCHAR[]"
    assert events["chain"] == "JSON"
    assert events["negated"] == "BOOLEAN"
    assert events["quad_class"] == "BIGINT"
    assert events["goldstein"] == "DOUBLE"
    assert events["source_actor_id"] == "VARCHAR"
    attributions = _types(store, "attributions")
    assert {"source_start", "source_end", "source_text", "cue_start", "content_text"} <= set(
        attributions
    )
    articles = _types(store, "articles")
    assert articles["pub_date"] == "DATE"
    assert articles["ingested_at"] == "TIMESTAMP"
    assert "text" in articles
    assert _types(store, "rejects") == {
        "origin": "VARCHAR", "reason": "VARCHAR", "kind": "VARCHAR", "at": "TIMESTAMP",
    }  # fmt: skip
    assert _types(store, "places")["demonym"] == "BOOLEAN"  # a new field is a new column


def test_every_record_table_has_id_key_and_article_id(store: Store) -> None:
    for table in ("sentences", "mentions", "actors", "places", "times", "attributions", "events"):
        described = store.connection.execute(f"DESCRIBE {table}").fetchall()
        keys = {r[0]: r[3] for r in described}
        assert keys["id"] == "PRI", table
        assert "article_id" in keys, table
    described = store.connection.execute("DESCRIBE articles").fetchall()
    assert {r[0]: r[3] for r in described}["id"] == "PRI"


def test_round_trip_is_exact(store: Store) -> None:
    coded = _coded()
    assert store.write(coded) is True
    assert store.read(coded.article.id) == coded
    assert store.read("0000000000000000") is None


def test_round_trip_of_real_pipeline_output(store: Store, nlp) -> None:
    from dotterel.pipeline import code

    coded = code(nlp, Article(text=TEXT, outlet="Example Times", pub_date=date(2020, 6, 1)))
    assert store.write(coded)
    assert store.read(coded.article.id) == coded


def test_list_order_survives_more_than_nine_records(store: Store) -> None:
    coded = _coded(n_events=12)
    store.write(coded)
    back = store.read(coded.article.id)
    assert back is not None
    assert [e.id for e in back.events] == [e.id for e in coded.events]


def test_writing_twice_changes_nothing(store: Store) -> None:
    coded = _coded()
    assert store.write(coded)
    before = store.counts()
    (stamp,) = store.connection.execute("SELECT ingested_at FROM articles").fetchone()
    assert store.write(coded) is False
    assert store.write(dataclasses.replace(coded, events=[])) is False
    assert store.counts() == before
    assert store.connection.execute("SELECT ingested_at FROM articles").fetchone() == (stamp,)
    assert store.has(coded.article.id)
    assert not store.has("nope")


def test_a_failed_write_leaves_nothing_behind(store: Store) -> None:
    coded = _coded()
    clash = dataclasses.replace(coded, times=[*coded.times, coded.times[0]])  # duplicate id
    before = store.counts()
    with pytest.raises(StoreError, match="could not store article"):
        store.write(clash)
    assert store.counts() == before
    assert store.write(coded)  # and the store still works


def test_write_rejects_wrong_types(store: Store) -> None:
    with pytest.raises(TypeError):
        store.write(_coded().article)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.write_reject("empty")  # type: ignore[arg-type]


def test_rejects_are_recorded_once(store: Store) -> None:
    reject = Reject("a.txt", "empty file", "empty")
    assert store.write_reject(reject)
    assert not store.write_reject(reject)
    assert store.write_reject(Reject("b.txt", "empty file", "empty"))
    rows = store.connection.execute("SELECT origin, reason, kind FROM rejects ORDER BY 1")
    assert rows.fetchall() == [("a.txt", "empty file", "empty"), ("b.txt", "empty file", "empty")]


def test_contest_links_are_idempotent(store: Store) -> None:
    links = [
        ("x-e1", "y-e0", "denies"),
        {"denier_id": "x-e2", "claim_id": "y-e0", "relation": "confirms"},
    ]
    assert store.add_contest_links(links) == 2
    assert store.add_contest_links(links) == 0
    assert store.add_contest_links([]) == 0
    with pytest.raises(ValueError, match="denies"):
        store.add_contest_links([("a", "b", "maybe")])
    assert store.counts()["contest_links"] == 2


def test_iter_coded_order_and_subset(store: Store) -> None:
    first, second = _coded("First story about talks."), _coded("Second story about talks.")
    store.write(first)
    store.write(second)
    assert [c.article.id for c in store.iter_coded()] == [first.article.id, second.article.id]
    ids = [second.article.id, "missing", first.article.id]
    assert [c.article.id for c in store.iter_coded(ids)] == [second.article.id, first.article.id]
    assert list(store.iter_coded(ids))[1] == first


def test_find_ids_by_prefix(store: Store) -> None:
    coded = _coded()
    store.write(coded)
    aid = coded.article.id
    assert store.find_ids(aid[:4]) == [aid]
    assert store.find_ids(aid) == [aid]
    assert store.find_ids("%") == []
    assert store.find_ids("_") == []


def test_read_only_store(tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    coded = _coded()
    with Store(path) as s:
        s.write(coded)
    with Store(path, read_only=True) as s:
        assert s.read(coded.article.id) == coded
    with pytest.raises(StoreError, match="no store at"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 20)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store(path)


def test_old_store_gets_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE places DROP COLUMN demonym")
    con.close()
    with Store(path) as s:
        assert "demonym" in _types(s, "places")
        coded = _coded()
        s.write(coded)
        assert s.read(coded.article.id) == coded


def test_a_store_held_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys, time
                from dotterel.store import Store
                with Store({str(path)!r}):
                    print("ready", flush=True)
                    sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as err:
            Store(path)
        message = str(err.value)
        assert f"the store {path} is in use by another dotterel process" in message
        assert "\n" not in message
        assert "dotterel serve" in message  # the usual holder an analyst forgets
        with pytest.raises(StoreError, match="in use"):
            Store(path, read_only=True)
    finally:
        holder.communicate("", timeout=30)
    start = time.monotonic()
    with Store(path) as s:  # released once the holder exits
        assert s.counts()["articles"] == 0
    assert time.monotonic() - start < 5


def test_docs_describe_every_table_and_column(store: Store) -> None:
    """docs/schema.md names every table and column (a new model field needs a line)."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "schema.md").read_text()
    missing = []
    for table in TABLE_NAMES:
        if f"## `{table}`" not in doc:
            missing.append(table)
            continue
        section = doc.split(f"## `{table}`", 1)[1].split("\n## ", 1)[0]
        for (column,) in store.connection.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]
        ).fetchall():
            if f"`{column}`" not in section:
                missing.append(f"{table}.{column}")
    assert not missing, f"document these in docs/schema.md: {missing}"


def test_before_commit_writes_in_the_same_transaction(store: Store) -> None:
    coded = _coded()
    event_id = coded.events[0].id

    def link(s: Store) -> None:
        assert s.add_contest_links([(event_id, "other-e0", "denies")]) == 1

    assert store.write(coded, before_commit=link)
    assert store.counts()["contest_links"] == 1

    second = _coded("Another story about the Brigade.")

    def broken(s: Store) -> None:
        s.add_contest_links([(second.events[0].id, "other-e1", "confirms")])
        raise RuntimeError("linking failed")

    before = store.counts()
    with pytest.raises(RuntimeError):
        store.write(second, before_commit=broken)
    assert store.counts() == before  # neither the article nor its link
    assert store.write(second)
