"""The fixed blind third (``evaluate/parts.py``) and ``--part`` in the runner and CLI."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dotterel.evaluate import parts, runner
from dotterel.evaluate.plover import PloverGold
from dotterel.model import Article, CodedArticle


def rec(rid: str) -> PloverGold:
    return PloverGold(rid, Article(text=f"Text of {rid}."), "AID")


def test_the_rule_is_the_documented_hash() -> None:
    for rid in ("ev-gwn-1", "a", "plover-17", "ünïcode"):
        digest = hashlib.sha256(b"dotterel-blind-v1:" + rid.encode("utf-8")).hexdigest()
        assert parts.is_blind(rid) == (int(digest, 16) % 3 == 0)


def test_records_without_ids_are_split_by_line_number() -> None:
    assert parts.part_key("line 12") == "12"
    assert parts.part_key("ev-12") == "ev-12"
    assert parts.is_blind("line 12") == parts.is_blind("12")


def test_tune_and_blind_partition_the_records_about_one_third_blind() -> None:
    records = [rec(f"r{i}") for i in range(600)]
    tune, blind = parts.select(records, "tune"), parts.select(records, "blind")
    assert len(tune) + len(blind) == 600
    assert {r.id for r in tune}.isdisjoint(r.id for r in blind)
    assert 150 < len(blind) < 250
    assert parts.select(records, "all") == records
    # membership depends on the id alone, not on position or neighbours
    assert [r.id for r in parts.select(records[::-1], "blind")] == [r.id for r in blind][::-1]
    with pytest.raises(ValueError):
        parts.select(records, "half")


def _gold_file(tmp_path: Path, n: int = 12) -> Path:
    path = tmp_path / "plover.jsonl"
    lines = [
        json.dumps({"id": f"s{i}", "text": f"Sentence {i}.", "event_type": "AID"}) for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _no_coding(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    seen: list[list[str]] = []

    def fake(nlp: Any, articles: Sequence[Article], *, ids: Sequence[str], **kw: Any) -> Any:
        seen.append(list(ids))
        return [CodedArticle(article=a) for a in articles], [], 0

    monkeypatch.setattr(runner, "code_all", fake)
    return seen


def test_the_runner_scores_only_the_part_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _no_coding(monkeypatch)
    path = _gold_file(tmp_path)
    ids = [f"s{i}" for i in range(12)]
    for part in ("tune", "blind", "all"):
        result = runner.run("plover", path, part=part, nlp=object())
        want = [i for i in ids if part == "all" or parts.is_blind(i) == (part == "blind")]
        assert seen[-1] == want and result.n == len(want) and result.part == part
        assert result.to_json()["part"] == part
    with pytest.raises(ValueError):
        runner.run("plover", path, part="most", nlp=object())


def test_a_blind_run_keeps_no_examples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_coding(monkeypatch)
    path = _gold_file(tmp_path, 30)
    assert runner.run("plover", path, part="tune", nlp=object()).scores.detail["errors"]
    blind = runner.run("plover", path, part="blind", nlp=object())
    assert "errors" not in blind.scores.detail and "confusion" in blind.scores.detail


def test_the_cli_lists_the_events_task_and_the_part_option() -> None:
    from dotterel.cli.app import app

    out = CliRunner().invoke(app, ["evaluate", "--help"], env={"COLUMNS": "200"}).output
    assert "events" in out and "--part" in out and "tune" in out
