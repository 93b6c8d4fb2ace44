"""``dotterel export``: ACLED from the command line, background events left out by default,
and a closed pipe on stdout ending quietly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from cli_pipes import closed_pipe
from dotterel.cli import app
from dotterel.model import Actor, Article, CodedArticle, Event, TextSpan
from dotterel.store import Store

runner = CliRunner()


def shelling(n: int, *, background: bool = False, events: int = 1) -> CodedArticle:
    """A made-up report of rebels shelling a town, with ``events`` event records."""
    text = f"Rebels shelled the town of Ostmark {n} times on Monday, killing {n} people."
    art = Article(text=text, outlet="Harbour Star", pub_date=date(2021, 6, 3))
    aid = art.id
    whole = TextSpan(0, len(text), text)
    return CodedArticle(
        article=art,
        actors=[Actor(f"{aid}-a0", "Rebels", "AFGREB", "AFG")],
        events=[
            Event(f"{aid}-e{i}", whole, whole, "ASSAULT", source_actor_id=f"{aid}-a0",
                  source_code="AFGREB", source_text="Rebels", mode="heavy-weapons",
                  cameo="194", date="2009" if background else "2021-05-31",
                  date_source="text", killed=n, background=background)
            for i in range(events)
        ],
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "news.duckdb"
    with Store(path) as store:
        store.write(shelling(1))
        store.write(shelling(2, background=True))
    return path


def test_acled_export_and_the_background_flag(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    result = runner.invoke(app, ["export", "-f", "acled", "--db", str(db), str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert len(frame) == 1 and frame["fatalities"].tolist() == [1]
    assert frame["sub_event_type"].tolist() == ["Shelling/artillery/missile attack"]
    assert "1 background events left out" in " ".join(result.stderr.split())
    result = runner.invoke(
        app, ["export", "-f", "acled", "--include-background", "--db", str(db), str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(pd.read_csv(out)["fatalities"]) == [1, 2]


@pytest.mark.parametrize(("fmt", "lines"), [("plover", 1), ("gdelt", 1)])
def test_other_exports_leave_background_out_too(db: Path, fmt: str, lines: int) -> None:
    result = runner.invoke(app, ["export", "-f", fmt, "--db", str(db), "-"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == lines
    everything = runner.invoke(app, ["export", "-f", fmt, "--include-background", "--db",
                                     str(db), "-"])  # fmt: skip
    assert len(everything.stdout.splitlines()) == lines + 1


def test_network_export_leaves_background_out(db: Path, tmp_path: Path) -> None:
    with Store(db) as store:  # give the events a target so that they make edges
        store.connection.execute("UPDATE events SET target_code = 'AFGCVL'")
    out = tmp_path / "n.graphml"
    runner.invoke(app, ["export", "-f", "graphml", "--db", str(db), str(out)])
    import networkx as nx

    assert nx.read_graphml(out).edges["AFGREB", "AFGCVL"]["n_events"] == 1
    runner.invoke(app, ["export", "-f", "graphml", "--include-background", "--db", str(db),
                        str(out)])  # fmt: skip
    assert nx.read_graphml(out).edges["AFGREB", "AFGCVL"]["n_events"] == 2


@pytest.mark.slow
def test_a_closed_pipe_ends_export_quietly(tmp_path: Path) -> None:
    db = tmp_path / "big.duckdb"
    with Store(db) as store:  # far more than a pipe buffer of PLOVER records
        for n in range(40):
            store.write(shelling(n + 10, events=12))
    head, stderr = closed_pipe(["export", "-f", "plover", "--db", str(db), "-"], tmp_path)
    assert head.startswith(b'{"id": "')
    assert "Broken pipe" not in stderr and "cannot write" not in stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    json.dumps(stderr)  # (said nothing worth decoding)
    assert stderr.strip() == ""
