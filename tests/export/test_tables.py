"""Flat CSV and Parquet tables: read back with pandas and pyarrow, joinable on ids."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dotterel.export.tables import tables, write_csv, write_parquet
from export_samples import samples

TABLES = {
    "articles",
    "actors",
    "mentions",
    "places",
    "times",
    "attributions",
    "events",
    "sentences",
    "sources",
    "clusters",
}


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return tables(samples())


def test_csv_reads_back_with_pandas(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    paths = write_csv(frames, tmp_path)
    assert {p.stem for p in paths} == TABLES
    readme = (tmp_path / "README.md").read_text()
    assert "## events (7 rows)" in readme
    assert "| source_actor_id | string | joins actors.id |" in readme
    events = pd.read_csv(tmp_path / "events.csv")
    assert len(events) == 7
    assert {
        "id",
        "article_id",
        "trigger_start",
        "trigger_end",
        "trigger_text",
        "event_type",
        "source_code",
        "target_code",
        "status",
        "chain",
        "cluster_id",
        "originating_source",
    } <= set(events.columns)
    row = events[events["trigger_text"] == "shipped"].sort_values("date").iloc[-1]
    assert row["chain"] == "Coastline Herald > New York Times > provincial officials"
    clusters = pd.read_csv(tmp_path / "clusters.csv")
    big = clusters[clusters["n_articles"] == 4].iloc[0]
    assert big["n_sources"] == 3 and big["status"] == "contested"
    assert set(big["sources"].split("|")) == {"New York Times", "Mountain Post", "Plains Tribune"}


def test_parquet_reads_back_with_pyarrow(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    write_parquet(frames, tmp_path)
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.num_rows == 7
    assert events.schema.field("context").type == pa.list_(pa.string())
    assert pa.types.is_integer(events.schema.field("trigger_start").type)
    articles = pq.read_table(tmp_path / "articles.parquet")
    assert articles.schema.field("pub_date").type == pa.date32()
    assert "text" not in articles.column_names
    places = pd.read_parquet(tmp_path / "places.parquet")
    assert places["lat"].notna().all()


def test_tables_join_on_ids(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    write_parquet(frames, tmp_path)
    read = {name: pd.read_parquet(tmp_path / f"{name}.parquet") for name in TABLES}
    article_ids = set(read["articles"]["id"])
    for name in TABLES - {"articles", "clusters"}:
        assert set(read[name]["article_id"]) <= article_ids, name
    events = read["events"]
    joined = events.merge(
        read["actors"], left_on="source_actor_id", right_on="id", suffixes=("", "_actor")
    )
    assert len(joined) == len(events)
    assert (joined["source_code"] == joined["code"]).all()
    assert set(events["cluster_id"]) == set(read["clusters"]["cluster_id"])
    assert set(read["sources"]["owner_id"]) <= set(events["id"]) | set(read["attributions"]["id"])
    placed = events.dropna(subset=["place_id"]).merge(
        read["places"], left_on="place_id", right_on="id"
    )
    assert len(placed) == events["place_id"].notna().sum()


def test_empty_store_still_writes_every_table_with_its_columns(tmp_path: Path) -> None:
    empty = tables([])
    write_csv(empty, tmp_path / "csv")
    write_parquet(empty, tmp_path / "pq")
    for name in TABLES:
        assert list(pd.read_csv(tmp_path / "csv" / f"{name}.csv").columns) == list(
            empty[name].columns
        )
        assert pq.read_table(tmp_path / "pq" / f"{name}.parquet").num_rows == 0
    schema = pq.read_schema(tmp_path / "pq" / "events.parquet")
    assert schema.field("context").type == pa.list_(pa.string())


def test_text_is_kept_on_request() -> None:
    frame = tables(samples()[:1], include_text=True)["articles"]
    assert frame["text"].iloc[0].startswith("Iran shipped rifles")
