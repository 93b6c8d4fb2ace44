"""What several commands share: option definitions, input checks, the pipeline loader.

Heavy imports (spaCy, the pipeline, DuckDB, trafilatura) happen inside functions so
that ``dotterel --help`` stays fast.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from spacy.language import Language

    from dotterel.ingest.options import ReadOptions
    from dotterel.model import Reject

LOGGER = logging.getLogger(__name__)


def _stdout_console() -> Console:
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 120  # pipes and files: wide enough for the event table
    return console


#: Results go to stdout; progress, rejects and errors to stderr (pipe-friendly).
stdout = _stdout_console()
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


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


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``error: message`` on stderr and exit with ``code``."""
    stderr.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


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


def reject_line(reject: Reject) -> str:
    """The one console line (rich markup) that reports a reject."""
    return (
        f"[yellow]rejected[/] {escape(reject.origin)}: {escape(reject.reason)} "
        f"[dim]\\[{escape(reject.kind)}][/]"
    )


def setup_logging(verbose: bool) -> None:
    """Send dotterel's log messages to stderr (INFO with ``-v``, else warnings)."""
    logger = logging.getLogger("dotterel")
    if not any(getattr(h, "_dotterel", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handler._dotterel = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    for noisy in ("trafilatura", "htmldate", "charset_normalizer"):  # page-level chatter
        logging.getLogger(noisy).setLevel(logging.ERROR)


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
    "fail",
    "load_pipeline",
    "read_options",
    "reject_line",
    "setup_logging",
    "stderr",
    "stdout",
]
