"""``dotterel actors NAME [--date D]``: who a name is on a date and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli import app

pytestmark = pytest.mark.slow

DICT = """\
HALVARD_BRENNICK
    [NORGOV 100101-141231]
    [NORELI >150101]
"""


def test_actors_command_shows_the_dated_role_and_its_file(tmp_path: Path) -> None:
    path = tmp_path / "invented.actors.txt"
    path.write_text(DICT, encoding="utf-8")
    runner = CliRunner()
    args = ["actors", "Halvard Brennick", "--actors", str(path), "--no-knowledge"]
    out = runner.invoke(app, [*args, "--date", "2012-06-01"])
    assert out.exit_code == 0, out.output
    assert "NORGOV" in out.output and "invented.actors.txt" in out.output
    out = runner.invoke(app, [*args, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)[0]["code"] == "NORELI"  # a user file, no date: latest


def test_actors_command_rejects_a_bad_date() -> None:
    out = CliRunner().invoke(app, ["actors", "Kenya", "--date", "June"])
    assert out.exit_code != 0
