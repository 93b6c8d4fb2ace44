"""``dotterel export``: write the store as PLOVER, GDELT, ACLED-style CSV, CSV/Parquet
tables, GraphML or GEXF."""

from __future__ import annotations

import errno
import logging
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dotterel.cli import console, options
from dotterel.cli.app import app
from dotterel.export.writer import DIRECTORY_FORMATS, STREAM_FORMATS, ExportFormat, write_export

if TYPE_CHECKING:
    from dotterel.model import CodedArticle
    from dotterel.store import Store

LOGGER = logging.getLogger(__name__)


class ActorLevel(StrEnum):
    """Network node identities (:data:`dotterel.network.LEVELS`)."""

    full = "full"
    top = "top"


def article_ids(store: Store, where: str | None) -> list[str]:
    """Ids of the stored articles that satisfy a SQL condition on ``articles``.

    Raises:
        ValueError: the condition holds a ``;`` (one condition, not a script).
    """
    if where and ";" in where:
        raise ValueError("--where takes one SQL condition, without ';'")
    sql = "SELECT id FROM articles" + (f" WHERE {where}" if where else "")
    return [r[0] for r in store.connection.execute(sql + " ORDER BY ingested_at, id").fetchall()]


def load_coded(store: Store, ids: list[str]) -> list[CodedArticle]:
    """The articles, with cross-article contest links from ``contest_links`` added to
    each event's ``contests``/``contested_by`` (the store keeps them in both places)."""
    from dotterel.store.claims import with_contest_links

    return with_contest_links(store.connection, list(store.iter_coded(ids)))


def ingested_at(store: Store) -> dict[str, datetime]:
    """When each article was stored (GDELT's DATEADDED)."""
    rows = store.connection.execute("SELECT id, ingested_at FROM articles").fetchall()
    return {aid: at for aid, at in rows if at is not None}


@app.command("export")
def export_command(
    out: Annotated[
        Path,
        typer.Argument(
            metavar="OUT",
            help="Output file (plover, gdelt, acled: '-' for stdout; graphml, gexf) or "
            "directory (csv, parquet: one file per table).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = ExportFormat.plover,
    where: Annotated[
        str | None,
        typer.Option(
            "--where",
            help="SQL condition on the articles table, e.g. \"outlet = 'Reuters' AND "
            "pub_date >= '2017-01-01'\".",
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only events of this actor (as for 'events').")
    ] = None,
    event_type: options.EventTypeOpt = None,
    since: Annotated[str | None, typer.Option("--since", help="Only events dated from.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only events dated until.")] = None,
    status: options.StatusOpt = None,
    db: options.DbOpt = Path("dotterel.duckdb"),
    window_days: Annotated[
        int,
        typer.Option(
            "--window-days",
            min=0,
            help="Merging: days before publication an event dated only by its article's "
            "publication date may have happened.",
        ),
    ] = 7,
    actor_level: Annotated[
        ActorLevel,
        typer.Option(
            "--actor-level",
            case_sensitive=False,
            help="Network nodes: full (one per actor code) or top (known group or country: "
            "AFGINSTAL -> TAL, AFGGOV -> AFG).",
        ),
    ] = ActorLevel.full,
    include_background: options.IncludeBackgroundOpt = False,
    include_text: Annotated[
        bool, typer.Option("--include-text", help="csv/parquet: keep article texts.")
    ] = False,
    verbose: options.VerboseOpt = False,
) -> None:
    """Export stored events in the formats analysts use.

    Events the text mentions as history (background) are left out unless
    --include-background is given.

    Example: [bold]dotterel export --format gdelt --db news.duckdb events.tsv[/]

    Example: [bold]dotterel export --format acled --since 2019 events.csv[/]
    """
    import duckdb

    from dotterel.errors import StoreError
    from dotterel.merge import merge_events
    from dotterel.query import drop_background, select_events
    from dotterel.store import Store
    from dotterel.store.filters import EventFilter

    console.setup_logging(verbose)
    to_stdout = str(out) == "-"
    if to_stdout and fmt not in STREAM_FORMATS:
        raise typer.BadParameter(f"{fmt.value} cannot go to stdout", param_hint="OUT")
    if fmt in DIRECTORY_FORMATS and out.exists() and not out.is_dir():
        raise typer.BadParameter(
            f"{fmt.value} writes a directory; {out} is a file", param_hint="OUT"
        )
    try:
        selection = EventFilter(actor, event_type, since, until, status)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    try:
        with Store(db, read_only=True) as store:
            try:
                ids = article_ids(store, where)
            except (ValueError, duckdb.Error) as exc:
                console.fail(f"bad --where: {exc}".splitlines()[0])
            coded = load_coded(store, ids)
            added = ingested_at(store) if fmt is ExportFormat.gdelt else {}
    except StoreError as exc:
        console.fail(str(exc))
    if selection:
        coded = list(select_events(coded, selection))
    n_background = sum(e.background for c in coded for e in c.events)
    if not include_background:
        coded = list(drop_background(coded))
    clusters = merge_events(coded, window_days=window_days, include_background=include_background)
    n_events = sum(len(c.events) for c in coded)
    try:
        written = write_export(
            fmt,
            coded,
            clusters,
            sys.stdout if to_stdout else out,
            added=added,
            actor_level=actor_level.value,
            include_text=include_text,
            include_background=include_background,
        )
    except ValueError as exc:  # a record that breaks its schema: a bug, said plainly
        console.fail(f"export stopped: {exc}")
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise  # the reader went away (| head): cli.main ends quietly
        console.fail(f"cannot write {out}: {exc.strerror or exc}")
    left_out = (
        f" ({n_background} background events left out: --include-background)"
        if n_background and not include_background
        else ""
    )
    console.stderr.print(
        f"{len(coded)} articles, {n_events} events, {len(clusters)} merged events: "
        f"wrote {written} to {'stdout' if to_stdout else out}{left_out}"
    )
