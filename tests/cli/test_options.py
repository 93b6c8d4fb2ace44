"""Every enumerated option refuses a value it does not know: exit 2, the choices named,
no traceback, nothing written (``dotterel.cli.options`` and the commands using it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli import app
from dotterel.cli.options import parse_event_type, parse_statuses
from dotterel.store import Store
from export_samples import samples

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "news.duckdb"
    with Store(path) as store:
        for coded in samples():
            store.write(coded)
    return path


#: (command line after ``--db``-free arguments, a phrase of the message)
BAD_VALUES = [
    (["events", "--status", "bogus"], "asserted, reported, hedged, denied, confirmed, contested"),
    (["events", "--status", "denied,rumoured"], "'rumoured' is not a status"),
    (["events", "--type", "NOTATYPE"], "AGREE, CONSULT"),
    (["events", "--type", "0"], "CAMEO"),
    (["events", "--role", "both"], "'any', 'source', 'target'"),
    (["events", "--format", "xml"], "'table', 'json', 'jsonl'"),
    (["claims", "--about", "IRN", "--status", "bogus"], "is not a status"),
    (["claims", "--about", "IRN", "--relation", "maybe"], "'denies', 'confirms'"),
    (["claims", "--about", "IRN", "--format", "yaml"], "'table', 'json', 'jsonl'"),
    (["export", "--status", "bogus", "{out}"], "is not a status"),
    (["export", "--type", "NOTATYPE", "{out}"], "PLOVER type"),
    (["export", "--format", "acled", "--type", "PICNIC", "{out}"], "PLOVER type"),
    (["export", "--format", "kml", "{out}"], "'plover', 'gdelt', 'acled'"),
    (["export", "--format", "graphml", "--actor-level", "mid", "{out}"], "'full', 'top'"),
    (["show", "abc", "--format", "html"], "'table', 'json'"),
]


@pytest.mark.parametrize(("args", "phrase"), BAD_VALUES)
def test_an_unknown_value_is_a_usage_error(
    db: Path, tmp_path: Path, args: list[str], phrase: str
) -> None:
    out = tmp_path / "out.file"
    argv = [a.replace("{out}", str(out)) for a in args] + ["--db", str(db)]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert phrase in " ".join(result.output.replace("│", " ").split()), result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # an export with a bad option writes nothing


@pytest.mark.parametrize(
    "args",
    [
        ["code", "x.txt", "--format", "xml"],
        ["run", "in", "out", "--engine", "spark"],
        ["bench", "--engine", "spark"],
        ["evaluate", "poetry", "gold.jsonl"],
    ],
)
def test_commands_without_a_store_refuse_unknown_values_too(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["events", "claims", "export"])
def test_help_lists_the_choices(command: str) -> None:
    text = " ".join(runner.invoke(app, [command, "--help"]).output.replace("│", " ").split())
    assert "asserted, reported, hedged, denied, confirmed, contested" in text
    if command != "claims":
        assert "AGREE, CONSULT, SUPPORT" in text and "ASSAULT" in text


def test_top_level_help_documents_the_exit_codes() -> None:
    text = " ".join(runner.invoke(app, ["--help"]).output.replace("│", " ").split())
    assert "Exit codes: 0 done; 1 error" in text and "3 every input was rejected" in text


def test_parsers_normalise_what_they_accept() -> None:
    assert parse_statuses(" Denied, hedged ") == "denied,hedged"
    assert parse_event_type("aid") == "AID" and parse_event_type("0711") == "0711"


def test_valid_choices_still_select(db: Path) -> None:
    result = runner.invoke(
        app, ["events", "--db", str(db), "--type", "aid", "--status", "DENIED", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert '"status": "denied"' in result.stdout
