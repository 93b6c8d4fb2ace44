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

from dotterel.cameo import PLOVER_TYPES
from dotterel.cli.console import fail
from dotterel.model import STATUSES

if TYPE_CHECKING:
    from spacy.language import Language

    from dotterel.ingest.options import ReadOptions

LOGGER = logging.getLogger(__name__)


class TableFormat(StrEnum):
    """Output formats of ``dotterel show``."""

    table = "table"
    json = "json"


class OutputFormat(StrEnum):
    """Output formats of ``dotterel code``, ``events`` and ``claims``."""

    table = "table"
    json = "json"
    jsonl = "jsonl"


class Role(StrEnum):
    """Where ``--actor`` must appear (:data:`dotterel.store.filters.ROLES`)."""

    any = "any"
    source = "source"
    target = "target"


#: Values ``--status`` takes (comma-separated): the statuses of ``model.STATUSES`` and
#: ``contested`` (events another event denies or confirms).
STATUS_CHOICES: tuple[str, ...] = (*STATUSES, "contested")


def parse_statuses(value: str) -> str:
    """``--status`` as a comma-separated list of known statuses, lower-cased (a usage
    error naming the choices otherwise)."""
    wanted = [s.strip().lower() for s in str(value).split(",") if s.strip()]
    unknown = [s for s in wanted if s not in STATUS_CHOICES]
    if unknown or not wanted:
        raise typer.BadParameter(
            f"{', '.join(map(repr, unknown)) or repr(value)} is not a status; choose from "
            f"{', '.join(STATUS_CHOICES)} (comma-separated)"
        )
    return ",".join(wanted)


def parse_event_type(value: str) -> str:
    """``--type`` as a PLOVER type (upper-cased) or a CAMEO code prefix of 2-4 digits."""
    text = str(value).strip()
    if text.isdigit() and 2 <= len(text) <= 4:
        return text
    if text.upper() in PLOVER_TYPES:
        return text.upper()
    raise typer.BadParameter(
        f"{value!r} is neither a PLOVER type ({', '.join(PLOVER_TYPES)}) nor a CAMEO "
        "code prefix of 2 to 4 digits (07, 0711)"
    )


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
StatusOpt = Annotated[
    str | None,
    typer.Option(
        "--status",
        parser=parse_statuses,
        metavar="STATUS[,STATUS]",
        help="Only these statuses, comma-separated: " + ", ".join(STATUS_CHOICES) + ".",
    ),
]
EventTypeOpt = Annotated[
    str | None,
    typer.Option(
        "--type",
        parser=parse_event_type,
        metavar="TYPE",
        help=f"A PLOVER type ({', '.join(PLOVER_TYPES)}) or a CAMEO code prefix (07, 0711).",
    ),
]
RoleOpt = Annotated[
    Role,
    typer.Option("--role", case_sensitive=False, help="Where --actor must appear."),
]
IncludeBackgroundOpt = Annotated[
    bool,
    typer.Option(
        "--include-background",
        help="Also export events the text mentions as history (a year or more before "
        "publication); left out by default.",
    ),
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
    "STATUS_CHOICES",
    "ActorsOpt",
    "AgentsOpt",
    "AnyLanguageOpt",
    "DateOpt",
    "DbOpt",
    "EventTypeOpt",
    "FollowSymlinksOpt",
    "IncludeBackgroundOpt",
    "MaxMbOpt",
    "OutletOpt",
    "OutputFormat",
    "PathsArg",
    "Role",
    "RoleOpt",
    "StatusOpt",
    "TableFormat",
    "UrlOpt",
    "VerboseOpt",
    "VerbsOpt",
    "check_paths",
    "load_pipeline",
    "parse_cli_date",
    "parse_event_type",
    "parse_statuses",
    "read_options",
]
