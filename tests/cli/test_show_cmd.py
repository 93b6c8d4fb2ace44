"""cli/show_cmd.py: ``dotterel show`` lists every sighting of the article (no NLP)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from dotterel.cli import app
from dotterel.model import Article, CodedArticle, Sighting
from dotterel.store import Store

TEXT = "Chile accused Peru of arming rebels, officials said."


def test_show_lists_every_outlet_that_ran_the_text(tmp_path: Path) -> None:
    db = tmp_path / "show.duckdb"
    first = Article(text=TEXT, outlet="Example Times", pub_date=date(2024, 4, 16))
    second = Article(text=TEXT, outlet="[bold]Coastline Post", url="https://c.example/9")
    with Store(db) as store:
        store.write(CodedArticle(article=first))
        store.write(CodedArticle(article=second))
    runner = CliRunner()
    result = runner.invoke(app, ["show", first.id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Seen 2 time(s)" in result.stdout
    assert "Example Times" in result.stdout and "2024-04-16" in result.stdout
    assert "[bold]Coastline Post" in result.stdout  # printed as text, not markup
    result = runner.invoke(app, ["show", first.id, "--db", str(db), "--format", "json"])
    shown = json.loads(result.stdout)
    outlets = sorted(s["outlet"] for s in shown["sightings"])
    assert outlets == sorted(s.outlet or "" for s in (Sighting.of(first), Sighting.of(second)))
