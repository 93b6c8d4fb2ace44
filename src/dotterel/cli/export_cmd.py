"""``dotterel export``: write the store as PLOVER, GDELT, CSV, Parquet, GraphML or GEXF."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
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
            help="Output file (plover, gdelt: '-' for stdout; graphml, gexf) or directory "
            "(csv, parquet: one file per table).",
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
    event_type: Annotated[
        str | None, typer.Option("--type", help="Only this PLOVER type or CAMEO prefix.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only events dated from.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only events dated until.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Only these statuses (comma-separated).")
    ] = None,
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
        str,
        typer.Option(
            "--actor-level",
            help="Network nodes: full (one per actor code) or top (known group or country: "
            "AFGINSTAL -> TAL, AFGGOV -> AFG).",
        ),
    ] = "full",
    include_text: Annotated[
        bool, typer.Option("--include-text", help="csv/parquet: keep article texts.")
    ] = False,
    verbose: options.VerboseOpt = False,
) -> None:
    """Export stored events in the formats analysts use.

    Example: [bold]dotterel export --format gdelt --db news.duckdb events.tsv[/]
    """
    import duckdb

    from dotterel.errors import StoreError
    from dotterel.merge import merge_events
    from dotterel.query import select_events
    from dotterel.store import Store
    from dotterel.store.filters import EventFilter

    console.setup_logging(verbose)
    if actor_level not in ("full", "top"):
        raise typer.BadParameter("full or top", param_hint="--actor-level")
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
    clusters = merge_events(coded, window_days=window_days)
    n_events = sum(len(c.events) for c in coded)
    try:
        written = write_export(
            fmt,
            coded,
            clusters,
            sys.stdout if to_stdout else out,
            added=added,
            actor_level=actor_level,
            include_text=include_text,
        )
    except OSError as exc:
        console.fail(f"cannot write {out}: {exc.strerror or exc}")
    console.stderr.print(
        f"{len(coded)} articles, {n_events} events, {len(clusters)} merged events: "
        f"wrote {written} to {'stdout' if to_stdout else out}"
    )
