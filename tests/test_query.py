"""Queries over a real store: the Python API returns DataFrames, the CLI prints them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from dotterel.cli import app
from dotterel.export.gdelt import GDELT_COLUMNS
from dotterel.query import EVENT_COLUMNS, events, select_events
from dotterel.store import Store
from dotterel.store.filters import EventFilter
from export_samples import samples


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        for coded in samples():
            assert store.write(coded)
    return path


def test_events_filters(db: Path) -> None:
    with Store(db, read_only=True) as store:
        everything = events(store)
        assert list(everything.columns) == list(EVENT_COLUMNS) and len(everything) == 7
        iran = events(store, actor="IRN", type="AID")
        assert len(iran) == 5 and set(iran["source_code"]) == {"IRN"}
        assert len(events(store, actor="IRN", type="AID", since="2019-03", status="denied")) == 1
        assert len(events(store.connection, actor="TAL", role="target")) == 7
        assert len(events(store, actor="TAL", role="source")) == 0
        assert len(events(store, actor="russia")) == 1  # words "Russian", actor name "Russia"
        assert len(events(store, actor="foreign ministry")) == 0  # a source, not an actor
        assert len(events(store, actor="Iran")) == 5
        assert len(events(store, type="04")) == 2  # CAMEO prefix
        assert list(events(store, until="2018")["date"]) == ["2017"]
        dates = list(events(store, actor="IRN", since="2019")["date"])
        assert dates == ["2019-03", "2019-W10", "2019-03-10", "2019-03-15"]
        assert len(events(store, status="denied,hedged")) == 1
    # A path works too (opened read-only).
    frame = events(db, actor="IRN", limit=2)
    assert isinstance(frame, pd.DataFrame) and len(frame) == 2
    assert frame["chain"].iloc[0].startswith("Coastline Herald > New York Times")


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": "IRN"},
        {"actor": "russia"},
        {"actor": "TAL", "role": "source"},
        {"type": "AID", "since": "2019-03"},
        {"type": "04"},
        {"until": "2018"},
        {"status": "denied,hedged"},
        {"actor": "IRN", "type": "AID", "since": "2019-03", "status": "denied"},
    ],
)
def test_record_filter_agrees_with_the_sql_query(db: Path, filters: dict[str, str]) -> None:
    with Store(db, read_only=True) as store:
        by_sql = set(events(store, **filters)["event_id"])
        flt = EventFilter(**filters)
        by_records = {e.id for c in select_events(store.iter_coded(), flt) for e in c.events}
    assert by_sql == by_records


def test_cli_export_event_filters(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "n.graphml"
    args = ["export", "-f", "graphml", "--db", str(db), "--type", "CONSULT", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert set(nx.read_graphml(out).edges) == {("RUS", "TAL"), ("PAK", "TAL")}
    bad = CliRunner().invoke(app, ["export", "--db", str(db), "--since", "later", "-"])
    assert bad.exit_code == 2


def test_bad_date_is_a_value_error(db: Path) -> None:
    with pytest.raises(ValueError, match="since"):
        events(db, since="last spring")


def test_cli_events_json_and_table(db: Path) -> None:
    runner = CliRunner()
    args = ["--actor", "IRN", "--type", "AID", "--since", "2019-03", "--status", "denied"]
    result = runner.invoke(app, ["events", "--db", str(db), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["status"] for r in rows] == ["denied"]
    assert rows[0]["chain"] == "Plains Tribune > Iran's foreign ministry"
    table = runner.invoke(app, ["events", "--db", str(db), "--actor", "PAK"])
    assert table.exit_code == 0 and "CONSULT" in table.stdout and "Mountain" in table.stdout
    bad = runner.invoke(app, ["events", "--db", str(db), "--since", "soon"])
    assert bad.exit_code == 2


def test_cli_export_every_format(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt, out in [
        ("plover", "e.jsonl"),
        ("gdelt", "e.tsv"),
        ("csv", "csv"),
        ("parquet", "pq"),
        ("graphml", "n.graphml"),
        ("gexf", "n.gexf"),
    ]:
        result = runner.invoke(
            app, ["export", "--format", fmt, "--db", str(db), str(tmp_path / out)]
        )
        assert result.exit_code == 0, (fmt, result.output)
    assert len((tmp_path / "e.jsonl").read_text().splitlines()) == 7
    gdelt = (tmp_path / "e.tsv").read_text().splitlines()
    assert len(gdelt) == 4 and all(len(line.split("\t")) == len(GDELT_COLUMNS) for line in gdelt)
    assert all(line.split("\t")[-2] for line in gdelt)  # DATEADDED from the store
    assert len(pd.read_csv(tmp_path / "csv" / "events.csv")) == 7
    assert len(pd.read_parquet(tmp_path / "pq" / "clusters.parquet")) == 4
    assert nx.read_graphml(tmp_path / "n.graphml").has_edge("IRN", "TAL")


def test_cli_export_where_and_stdout(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["export", "-f", "plover", "--db", str(db), "--where", "outlet = 'Valley Courier'", "-"],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["cite_info"]["publication"] for r in records} == {"Valley Courier"}
    bad = runner.invoke(app, ["export", "--db", str(db), "--where", "1=1; DROP TABLE x", "-"])
    assert bad.exit_code == 1 and "without ';'" in bad.output
    typo = runner.invoke(app, ["export", "--db", str(db), "--where", "no_such_column = 1", "-"])
    assert typo.exit_code == 1 and "bad --where" in typo.output
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "-"])
    assert missing.exit_code == 1
    nowhere = runner.invoke(app, ["export", "--db", str(db), str(tmp_path / "no" / "dir" / "x")])
    assert nowhere.exit_code == 1 and "cannot write" in nowhere.output


def test_contest_links_from_the_store_reach_the_export(db: Path, tmp_path: Path) -> None:
    coded = samples()
    denial, claim = coded[3].events[0].id, coded[0].events[0].id
    with Store(db) as store:
        store.add_contest_links([(denial, claim, "denies")])
    out = tmp_path / "e.jsonl"
    result = CliRunner().invoke(app, ["export", "-f", "plover", "--db", str(db), str(out)])
    assert result.exit_code == 0, result.output
    by_id = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert by_id[claim]["dotterel"]["contested_by"] == [denial]
    assert by_id[denial]["dotterel"]["contests"] == [claim]
    with Store(db, read_only=True) as store:
        assert list(events(store, status="contested")["event_id"]) == [claim]


def test_claims_about_an_actor_with_their_deniers(db: Path) -> None:
    from dotterel.query import CLAIM_COLUMNS, claims

    coded = samples()
    denial, claim = coded[3].events[0].id, coded[0].events[0].id
    with Store(db) as store:
        store.add_contest_links([(denial, claim, "denies")])
        frame = claims(store, "IRN")
        assert list(frame.columns) == list(CLAIM_COLUMNS)
        assert list(frame["claim_id"]) == [claim]
        row = frame.iloc[0]
        assert row["date"] == "2019-03-10" and row["event_type"] == "AID"
        assert row["chain"] == "Coastline Herald > New York Times > provincial officials"
        assert row["contested"] == "denied by Iran (Plains Tribune > Iran's foreign ministry)"
        assert row["contested_by"][0]["id"] == denial
        assert len(claims(store, "IRN", contested_only=False)) >= 5
        assert claims(store, "IRN", relation="confirms").empty
        assert claims(store, "IRN", until="2018").empty
        assert claims(store, "PAK").empty
    runner = CliRunner()
    result = runner.invoke(app, ["claims", "--about", "IRN", "--db", str(db), "-f", "json"])
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["claim_id"] == claim and record["contested_by"][0]["relation"] == "denies"
    table = runner.invoke(app, ["claims", "--about", "IRN", "--db", str(db)])
    assert table.exit_code == 0 and "denied" in table.stdout
    bad = runner.invoke(app, ["claims", "--about", "IRN", "--relation", "maybe", "--db", str(db)])
    assert bad.exit_code == 2


def test_events_have_real_dtypes(db: Path) -> None:
    frame = events(db)
    assert str(frame["date_start"].dtype).startswith("datetime64")
    assert str(frame["date_end"].dtype).startswith("datetime64")
    assert str(frame["pub_date"].dtype).startswith("datetime64")
    assert frame["goldstein"].dtype == "float64" and frame["lat"].dtype == "float64"
    assert frame["lon"].dtype == "float64" and frame["confidence"].dtype == "float64"
    for col in ("quad_class", "killed", "injured", "arrested"):
        assert frame[col].dtype == "Int64", col
    assert frame["negated"].dtype == "boolean" and frame["background"].dtype == "boolean"
    assert all(isinstance(v, list) for v in frame["context"])
    assert all(isinstance(v, list) for v in frame["contested_by"])
    by_value = dict(zip(frame["date"], frame["date_precision"], strict=False))
    assert by_value["2017"] == "year" and by_value["2019-03"] == "month"
    assert by_value["2019-W10"] == "week" and by_value["2019-03-10"] == "day"
    month = frame[frame["date"] == "2019-03"].iloc[0]
    assert month["date_start"] == pd.Timestamp("2019-03-01")
    assert month["date_end"] == pd.Timestamp("2019-03-31")
    # a month can be counted by its start, the analyst's usual move
    assert frame["date_start"].dt.year.tolist()[0] == 2017
    # the place is joined in: name, words, level, admin1 and coordinates
    farah = frame[frame["place"] == "Farah"].iloc[0]
    assert (farah["place_level"], farah["admin1"], farah["country_code"]) == ("adm1", "06", "AF")
    assert (farah["lat"], farah["lon"]) == (32.5, 62.5)


def test_unknown_status_and_type_are_value_errors(db: Path) -> None:
    from dotterel.query import claims

    with pytest.raises(ValueError, match="not a status"):
        events(db, status="rumoured")
    with pytest.raises(ValueError, match="PLOVER type"):
        events(db, type="PICNIC")
    with pytest.raises(ValueError, match="not a status"):
        claims(db, "IRN", status="rumoured")
    with pytest.raises(ValueError, match="denies or confirms"):
        claims(db, "IRN", relation="maybe")


def test_events_keep_mutual_and_inferred_sides(tmp_path: Path) -> None:
    """A mutual act and a side filled from knowledge come back from the store as written."""
    coded = samples()[0]
    first = dataclasses.replace(coded.events[0], symmetric=True, inferred=["source"])
    coded = dataclasses.replace(coded, events=[first, *coded.events[1:]])
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write(coded)
        frame = events(store)
    row = frame[frame["event_id"] == first.id].iloc[0]
    assert bool(row["symmetric"])
    assert list(row["inferred"]) == ["source"]
    assert frame[frame["event_id"] != first.id]["symmetric"].eq(False).all()
