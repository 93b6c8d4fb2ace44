"""The command-line options several commands share, and what they build.

Typer option/argument types (``--db``, ``--outlet``, ``--date``, the dictionary
options ...), the input-path check, the ingest settings the options describe
(:func:`read_options`) and the pipeline the dictionary options build
(:func:`load_pipeline`). Printing and exiting live in :mod:`dotterel.cli.console`.

Heavy imports (spaCy, the pipeline, DuckDB, trafilatura) happen inside functions so
that ``dotterel --help`` stays fast.
"""

from __future__ import annotations

import logging
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dotterel.cli.console import fail

if TYPE_CHECKING:
    from spacy.language import Language

    from dotterel.ingest.options import ReadOptions

LOGGER = logging.getLogger(__name__)


class TableFormat(StrEnum):
    """Output formats of ``dotterel show``."""

    table = "table"
    json = "json"


class OutputFormat(StrEnum):
    """Output formats of ``dotterel code``."""

    table = "table"
    json = "json"
    jsonl = "jsonl"


def parse_cli_date(value: str) -> date:
    """``--date`` as a ``datetime.date`` (a usage error if it is not ``YYYY-MM-DD``)."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Articles: .txt, .html/.htm or .jsonl files, directories (read recursively), "
        "or - for standard input.",
        metavar="PATH",
        show_default=False,
    ),
]
OutletOpt = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        metavar="NAME",
        help="Outlet (publisher) name for every article; overrides the input's.",
    ),
]
DateOpt = Annotated[
    date | None,
    typer.Option(
        "--date",
        parser=parse_cli_date,
        metavar="YYYY-MM-DD",
        help="Publication date for every article; relative dates resolve against it.",
    ),
]
UrlOpt = Annotated[str | None, typer.Option("--url", metavar="URL", help="URL for every article.")]
ActorsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="TABARI/PETRARCH actor dictionary merged over the built-in one (repeatable).",
    ),
]
AgentsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--agents",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="TABARI/PETRARCH agent dictionary merged over the built-in one (repeatable).",
    ),
]
VerbsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--verbs",
        exists=True,
        dir_okay=False,
        metavar="FILE",
        help="PETRARCH CAMEO verb dictionary tried before the built-in lexicon (repeatable).",
    ),
]
AnyLanguageOpt = Annotated[
    bool,
    typer.Option(
        "--any-language", help="Code articles detected as non-English instead of rejecting them."
    ),
]
FollowSymlinksOpt = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Read symbolic links that lead out of the input folder (rejected by default).",
    ),
]
MaxMbOpt = Annotated[
    float,
    typer.Option("--max-mb", min=0.001, metavar="MB", help="Per-document size limit in megabytes."),
]
DbOpt = Annotated[
    Path,
    typer.Option("--db", dir_okay=False, metavar="FILE", help="The DuckDB store file."),
]
VerboseOpt = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="Print a line per stored article and log details."),
]


def check_paths(paths: list[Path]) -> None:
    """A usage error (exit 2) for input paths that do not exist (``-`` is stdin)."""
    missing = [str(p) for p in paths if str(p) != "-" and not p.exists()]
    if missing:
        raise typer.BadParameter(
            "no such file or directory: " + ", ".join(missing), param_hint="PATH..."
        )


def read_options(
    *,
    outlet: str | None,
    pub_date: date | None,
    url: str | None,
    max_mb: float,
    any_language: bool,
    follow_symlinks: bool = False,
) -> ReadOptions:
    """The ingest settings the metadata and limit options describe."""
    from dotterel.ingest import ReadOptions

    return ReadOptions(
        outlet=outlet,
        pub_date=pub_date,
        url=url,
        max_bytes=max(1, int(max_mb * 1024 * 1024)),
        allow_any_language=any_language,
        follow_symlinks=follow_symlinks,
    )


def load_pipeline(
    *,
    actors: list[Path] | None = None,
    agents: list[Path] | None = None,
    verbs: list[Path] | None = None,
) -> Language:
    """Build the spaCy pipeline, turning a failure into a one-line error (exit 1).

    Dictionary options that a component does not support yet (``NotImplementedError``)
    or cannot parse (``DictionaryError``) end the command with a clear message rather
    than a traceback.
    """
    from dotterel.errors import DictionaryError
    from dotterel.pipeline import build_pipeline

    try:
        return build_pipeline(actors=actors or (), agents=agents or (), verbs=verbs or ())
    except NotImplementedError as exc:
        fail(f"dictionary options are not supported yet: {exc or 'not implemented'}")
    except DictionaryError as exc:
        fail(f"cannot read a dictionary: {exc}")
    except OSError as exc:
        fail(f"cannot load the pipeline: {exc}")


__all__ = [
    "ActorsOpt",
    "AgentsOpt",
    "AnyLanguageOpt",
    "DateOpt",
    "DbOpt",
    "FollowSymlinksOpt",
    "MaxMbOpt",
    "OutletOpt",
    "OutputFormat",
    "PathsArg",
    "TableFormat",
    "UrlOpt",
    "VerboseOpt",
    "VerbsOpt",
    "check_paths",
    "load_pipeline",
    "parse_cli_date",
    "read_options",
]
