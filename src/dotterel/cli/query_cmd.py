"""``dotterel events`` and ``dotterel claims``: query the store, print a table or JSON."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dotterel.cli import console, options
from dotterel.cli.app import app

if TYPE_CHECKING:
    import pandas as pd

LOGGER = logging.getLogger(__name__)

FormatOpt = Annotated[
    options.TableFormat,
    typer.Option("--format", "-f", help="table (readable) or json.", case_sensitive=False),
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="Events dated on or after: 2016, 2016-01, 2016-01-15.")
]
UntilOpt = Annotated[
    str | None,
    typer.Option("--until", help="Events dated on or before: 2016, 2016-01, 2016-01-15."),
]
StatusOpt = Annotated[
    str | None,
    typer.Option(
        "--status",
        help="asserted, reported, hedged, denied, confirmed or contested (comma-separated).",
    ),
]

#: Rows a table view prints at most (a terminal is no place for a whole corpus).
TABLE_ROWS = 200
#: Columns the table views show (``--format json`` gives them all).
_EVENT_TABLE = {
    "date": "date",
    "source_code": "source",
    "event_type": "type",
    "target_code": "target",
    "status": "status",
    "chain": "according to",
    "outlet": "outlet",
    "event_id": "event",
}
_CLAIM_TABLE = {
    "date": "date",
    "source_code": "source",
    "event_type": "type",
    "target_code": "target",
    "status": "status",
    "chain": "according to",
    "contested": "denied / confirmed by",
    "claim_id": "claim",
}


def _jsonable(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def print_frame(
    frame: pd.DataFrame, output: options.TableFormat, title: str, columns: dict[str, str]
) -> None:
    """Print a query result as a rich table of ``columns`` (name -> header) or as JSON
    (every column)."""
    if output is options.TableFormat.json:
        records = [{k: _jsonable(v) for k, v in row.items()} for row in frame.to_dict("records")]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    columns = {c: h for c, h in columns.items() if c in frame.columns}
    table = Table(title=f"{title} ({len(frame)})", show_lines=False)
    for header in columns.values():
        table.add_column(header, overflow="fold")
    for row in frame.head(TABLE_ROWS).to_dict("records"):
        table.add_row(*("" if _jsonable(row[c]) is None else str(row[c]) for c in columns))
    console.stdout.print(table)
    if len(frame) > TABLE_ROWS:
        console.stderr.print(
            f"showing {TABLE_ROWS} of {len(frame)} rows: narrow the query, or use --format json"
        )


@app.command("events")
def events_command(
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Actor code prefix (IRN matches IRNGOV) or name words."),
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="PLOVER type (AID) or CAMEO code prefix (07).")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    status: StatusOpt = None,
    role: Annotated[
        str, typer.Option("--role", help="Where --actor must appear: any, source or target.")
    ] = "any",
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")] = None,
    db: options.DbOpt = Path("dotterel.duckdb"),
    output: FormatOpt = options.TableFormat.table,
) -> None:
    """List stored events: who did what to whom, when, and according to whom.

    Example: [bold]dotterel events --actor IRN --type AID --since 2016-01 --status denied[/]
    """
    from dotterel.errors import StoreError
    from dotterel.query import events
    from dotterel.store.filters import EventFilter

    try:
        where = EventFilter(actor, event_type, since, until, status, role)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    try:
        frame = events(db, where=where, limit=limit)
    except StoreError as exc:
        console.fail(str(exc))
    print_frame(frame, output, "events", _EVENT_TABLE)


@app.command("claims")
def claims_command(
    about: Annotated[
        str,
        typer.Option("--about", help="Actor code the claims are about (IRN).", show_default=False),
    ],
    relation: Annotated[
        str | None, typer.Option("--relation", help="Only claims that are: denies or confirms.")
    ] = None,
    include_uncontested: Annotated[
        bool, typer.Option("--all", help="Also claims nobody denies or confirms.")
    ] = False,
    status: StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: options.DbOpt = Path("dotterel.duckdb"),
    output: FormatOpt = options.TableFormat.table,
) -> None:
    """Claims about an actor, who makes them, and who denies or confirms them.

    Example: [bold]dotterel claims --about IRN --relation denies[/]
    """
    from dotterel.errors import StoreError
    from dotterel.query import claims

    try:
        frame = claims(
            db,
            about,
            relation=relation,
            contested_only=not include_uncontested,
            status=status,
            since=since,
            until=until,
        )
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    except StoreError as exc:
        console.fail(str(exc))
    print_frame(frame, output, f"claims about {about}", _CLAIM_TABLE)
