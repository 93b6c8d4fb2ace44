"""``dotterel events`` and ``dotterel claims``: query the store, print a table, JSON or JSONL."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from dotterel.cli import console, options
from dotterel.cli.app import app

if TYPE_CHECKING:
    import pandas as pd

LOGGER = logging.getLogger(__name__)

FormatOpt = Annotated[
    options.OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (readable), json (an array) or jsonl (one object a line).",
        case_sensitive=False,
    ),
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="Events dated on or after: 2016, 2016-01, 2016-01-15.")
]
UntilOpt = Annotated[
    str | None,
    typer.Option("--until", help="Events dated on or before: 2016, 2016-01, 2016-01-15."),
]


class Relation(StrEnum):
    """How a contesting event relates to the claim (``dotterel claims --relation``)."""

    denies = "denies"
    confirms = "confirms"


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
    "role": "actor is",
    "status": "status",
    "chain": "according to",
    "outlets": "outlets",
    "contested": "denied / confirmed by",
    "claim_id": "claim",
}


def _jsonable(value: Any) -> Any:
    """One cell as JSON: arrays and numpy scalars as Python values, NA/NaN/NaT as null,
    a midnight datetime as its day (``2019-03-01``)."""
    if value is None or isinstance(value, list | dict | str):
        return value
    if hasattr(value, "tolist"):
        return value.tolist()
    import pandas as pd

    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, datetime) and value == datetime.combine(value.date(), time()):
        return value.date().isoformat()  # a day (date_start, pub_date): no midnight time
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def print_frame(
    frame: pd.DataFrame, output: options.OutputFormat, title: str, columns: dict[str, str]
) -> None:
    """Print a query result as a rich table of ``columns`` (name -> header), or every
    column as a JSON array or as JSONL."""
    if output is not options.OutputFormat.table:
        records = [{k: _jsonable(v) for k, v in row.items()} for row in frame.to_dict("records")]
        if output is options.OutputFormat.jsonl:
            for record in records:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
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
            f"showing {TABLE_ROWS} of {len(frame)} rows: narrow the query, or use --format jsonl"
        )


@app.command("events")
def events_command(
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Actor code prefix (IRN matches IRNGOV) or name words."),
    ] = None,
    event_type: options.EventTypeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    status: options.StatusOpt = None,
    role: options.RoleOpt = options.Role.any,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")] = None,
    db: options.DbOpt = Path("dotterel.duckdb"),
    output: FormatOpt = options.OutputFormat.table,
) -> None:
    """List stored events: who did what to whom, when, and according to whom.

    Example: [bold]dotterel events --actor IRN --type AID --since 2016-01 --status denied[/]

    Example: [bold]dotterel events --status contested --format jsonl | jq .event_id[/]
    """
    from dotterel.errors import StoreError
    from dotterel.query import events
    from dotterel.store.filters import EventFilter

    try:
        where = EventFilter(actor, event_type, since, until, status, role.value)
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
        Relation | None,
        typer.Option(
            "--relation",
            case_sensitive=False,
            help="Only claims that others deny or that others confirm.",
        ),
    ] = None,
    include_uncontested: Annotated[
        bool, typer.Option("--all", help="Also claims nobody denies or confirms.")
    ] = False,
    status: options.StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: options.DbOpt = Path("dotterel.duckdb"),
    output: FormatOpt = options.OutputFormat.table,
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
            relation=relation.value if relation else None,
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
