"""``dotterel ingest``: a batch where nothing could be stored ends with one count line,
an error line and exit code 3; the rejects are in the store."""

from __future__ import annotations

from pathlib import Path

import duckdb
from typer.testing import CliRunner

from dotterel.cli import app

runner = CliRunner()


def test_every_input_rejected_is_exit_3_with_one_summary(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "scan.txt").write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert result.stdout.startswith("0 stored, 0 already stored, 2 rejected")
    assert "every input was rejected" in result.stderr
    # one count line in all, not a second, shorter one on stderr
    assert "0 stored, 2 rejected" not in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM rejects").fetchone() == (2,)


def test_no_input_at_all_is_exit_3(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    result = runner.invoke(app, ["ingest", str(tmp_path / "nothing"), "--db", str(tmp_path / "s")])
    assert result.exit_code == 3
    assert "no input found" in result.stderr and "0 stored, 0 rejected\n" not in result.stderr
