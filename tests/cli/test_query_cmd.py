"""``dotterel events`` and ``dotterel claims`` as JSONL, one object a line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli import app
from dotterel.store import Store
from export_samples import samples

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    coded = samples()
    with Store(path) as store:
        for c in coded:
            store.write(c)
        store.add_contest_links([(coded[3].events[0].id, coded[0].events[0].id, "denies")])
    return path


def test_events_as_jsonl(db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db), "--actor", "IRN", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5 and all(r["source_code"] == "IRN" for r in rows)
    month = next(r for r in rows if r["date"] == "2019-03")
    assert month["date_precision"] == "month" and month["pub_date"] == "2019-03-14"
    assert (month["date_start"], month["date_end"]) == ("2019-03-01", "2019-03-31")
    first = rows[0]
    assert isinstance(first["context"], list) and isinstance(first["contested_by"], list)
    assert first["killed"] is None and first["lat"] == 34.35  # NA and floats as JSON
    # the same rows as the JSON array
    array = runner.invoke(app, ["events", "--db", str(db), "--actor", "IRN", "-f", "json"])
    assert json.loads(array.stdout) == rows


def test_claims_as_jsonl(db: Path) -> None:
    result = runner.invoke(app, ["claims", "--about", "IRN", "--db", str(db), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["contested_by"][0]["relation"] == "denies"
    assert row["date_start"] == "2019-03-10" and row["date_precision"] == "day"
    denies = runner.invoke(
        app, ["claims", "--about", "IRN", "--relation", "DENIES", "--db", str(db), "-f", "jsonl"]
    )
    assert denies.exit_code == 0 and len(denies.stdout.splitlines()) == 1
