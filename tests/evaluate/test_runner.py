"""The evaluation runner and CLI: error isolation, dictionary fallback, JSON output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dotterel.evaluate import runner
from dotterel.evaluate.report import headline_rows
from dotterel.model import Article, CodedArticle


def _ok(nlp: Any, article: Article) -> CodedArticle:
    if "poison" in article.text:
        raise ValueError("cannot code this one")
    return CodedArticle(article=article)


def _batch(nlp: Any, articles: Sequence[Article]) -> list[CodedArticle]:
    return [_ok(nlp, a) for a in articles]


def test_a_record_that_raises_is_counted_and_the_run_goes_on() -> None:
    articles = [Article(text=f"Sentence {i}.") for i in range(20)]
    articles[3] = Article(text="A poison sentence.")
    advanced: list[int] = []
    coded, errors, n_errors = runner.code_all(
        None,
        articles,
        ids=[f"r{i}" for i in range(20)],
        on_advance=advanced.append,
        code_batch=_batch,
        code_one=_ok,
    )
    assert len(coded) == 20 and n_errors == 1
    assert errors[0]["id"] == "r3" and "cannot code" in errors[0]["error"]
    assert coded[3].article is articles[3] and coded[3].events == []  # scored as empty
    assert sum(advanced) == 20


def test_dictionary_loaders_not_written_yet_are_reported_not_fatal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dotterel.pipeline

    calls: list[dict[str, Any]] = []

    def fake_build(**kwargs: Any) -> str:
        calls.append(kwargs)
        if kwargs.get("actors") or kwargs.get("agents"):
            raise NotImplementedError("actor dictionaries are not supported yet")
        return "nlp"

    monkeypatch.setattr(dotterel.pipeline, "build_pipeline", fake_build)
    dicts = runner.Dictionaries(actors=[Path("a.txt")], verbs=[Path("v.txt")])
    assert runner.load_pipeline(dicts) == "nlp"
    assert dicts.status["verbs"] == "loaded"
    assert "NotImplementedError" in dicts.status["actors"]
    assert calls[-1] == {"verbs": [Path("v.txt")]}


def test_headline_rows_hide_totals_shown_beside_their_found_count() -> None:
    from dotterel.evaluate.base import Scores

    result = runner.Evaluation(
        task="seed",
        gold=Path("g.json"),
        n=1,
        scores=Scores(
            metrics={"actors_found": 1, "actors_total": 2, "false_actors": 0},
            support={"actors_found": "1/2"},
        ),
        headline=("actors_found", "actors_total", "false_actors"),
    )
    assert headline_rows(result) == ["actors_found", "false_actors"]


@pytest.mark.slow
def test_cli_scores_a_small_gold_file_and_writes_json(tmp_path: Path) -> None:
    from dotterel.cli import app

    gold = tmp_path / "time.jsonl"
    records = [
        {
            "id": "a",
            "pub_date": "2021-05-10",
            "text": "The rebels withdrew in April 2021.",
            "timexes": [{"start": 22, "end": 32, "value": "2021-04"}],
        },
        {"id": "b", "pub_date": "2021-05-10", "text": "Talks collapsed.", "timexes": []},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["evaluate", "time", str(gold), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "value_accuracy" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["task"] == "time" and data["n"] == 2 and data["errors"] == 0
    assert {"value_accuracy", "span_f1"} <= set(data["metrics"])
    assert 0.0 <= data["metrics"]["value_accuracy"] <= 1.0


@pytest.mark.slow
def test_cli_names_the_bad_line_of_a_malformed_gold_file(tmp_path: Path) -> None:
    from dotterel.cli import app

    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": "x", "text": "Hi.", "event_type": "AGREE"}\n{not json\n')
    result = CliRunner().invoke(app, ["evaluate", "plover", str(gold)])
    assert result.exit_code == 2
    assert "bad.jsonl:2" in result.output


@pytest.mark.slow
def test_every_task_runs_on_the_shared_gold_files(shared_eval: Path, nlp: Any) -> None:
    files = {
        "plover": "plover_dev.jsonl",
        "petrarch": "petrarch_dev.jsonl",
        "attribution": "attribution_dev.jsonl",
        "geo": "geo_dev.jsonl",
        "time": "time_dev.jsonl",
        "seed": "seed_gold.json",
    }
    required = {
        "plover": {"accuracy", "macro_f1", "actor_accuracy"},
        "petrarch": {"f1", "root_f1"},
        "attribution": {"overlap_f1", "exact_f1"},
        "geo": {"acc_at_161km", "median_km", "recognition_f1"},
        "time": {"value_accuracy", "span_f1"},
        "seed": {
            "actors_found",
            "actors_total",
            "false_actors",
            "events_found",
            "events_total",
            "chains_found",
            "chains_total",
            "anonymous_found",
            "hedges_found",
            "denials_linked",
            "places_found",
            "places_total",
            "dates_found",
            "dates_total",
        },
    }
    for task, name in files.items():
        result = runner.run(task, shared_eval / name, limit=3, nlp=nlp)
        data = result.to_json()
        assert data["task"] == task and data["n"] == min(3, data["n"])
        assert required[task] <= set(data["metrics"]), task
        json.dumps(data)  # serialisable


def test_cli_reports_an_unbuildable_pipeline_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dotterel.cli import app

    def broken(dicts: runner.Dictionaries) -> Any:
        raise ValueError("gazetteer format 2, expected 3")

    monkeypatch.setattr(runner, "load_pipeline", broken)
    gold = tmp_path / "t.jsonl"
    gold.write_text(json.dumps({"text": "Talks ended.", "timexes": []}) + "\n")
    result = CliRunner().invoke(app, ["evaluate", "time", str(gold)])
    assert result.exit_code == 1
    assert "cannot build the pipeline" in result.output and "Traceback" not in result.output


def test_petrarch_suite_is_scored_without_the_shipped_knowledge_base(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dotterel.pipeline

    calls: list[dict[str, Any]] = []

    def fake_build(**kwargs: Any) -> str:
        calls.append(kwargs)
        return "nlp"

    monkeypatch.setattr(dotterel.pipeline, "build_pipeline", fake_build)
    dicts = runner.Dictionaries(actors=[Path("a.txt")])
    runner.load_pipeline(dicts, knowledge=False)
    assert calls[-1]["config"] == {"dotterel_actors": {"knowledge": "none"}}
    runner.load_pipeline(runner.Dictionaries(), knowledge=True)
    assert "config" not in calls[-1]
