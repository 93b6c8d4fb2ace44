"""``dotterel code``: a batch where nothing could be coded fails loudly, and a closed pipe
(``| head``) ends the command quietly."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli_pipes import closed_pipe
from dotterel.cli import app

STORY = (
    "Farmers in the valley of Ostmark blocked the main road on Monday to protest against "
    "a new water tax, local officials said. Police later cleared the road.\n"
)

runner = CliRunner()


def test_every_input_rejected_is_exit_3_with_a_summary(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
    result = runner.invoke(app, ["code", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert "0 coded, 2 rejected" in result.stderr
    assert "every input was rejected" in result.stderr


def test_no_input_at_all_is_exit_3(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    result = runner.invoke(app, ["code", str(tmp_path / "nothing")])
    assert result.exit_code == 3
    assert "no input found" in result.stderr


def test_json_of_nothing_is_still_an_array(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["code", str(tmp_path / "empty.txt"), "--format", "json"])
    assert result.exit_code == 3 and result.stdout == "[]\n"


@pytest.mark.slow
def test_a_closed_pipe_ends_code_quietly(tmp_path: Path) -> None:
    for i in range(6):  # coding takes time, so later writes meet the closed pipe
        (tmp_path / f"story{i}.txt").write_text(STORY.replace("Monday", f"day {i}"), "utf-8")
    head, stderr = closed_pipe(["code", str(tmp_path), "--format", "jsonl"], tmp_path)
    assert head == b'{"article"'
    assert "Broken pipe" not in stderr and "cannot write" not in stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert stderr.strip() == ""
