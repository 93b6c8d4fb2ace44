"""``dotterel actors``: who a name is on a date, and why (entries, dated roles, files)."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from dotterel.cli import console, options
from dotterel.cli.app import app

LOGGER = logging.getLogger(__name__)


@app.command("actors")
def actors_command(
    name: Annotated[
        str,
        typer.Argument(metavar="NAME", help="A name as written in a text.", show_default=False),
    ],
    when: Annotated[
        str | None,
        typer.Option("--date", help="The article's date (YYYY-MM-DD) for dated roles."),
    ] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="User actor dictionaries to consult too."),
    ] = None,
    no_knowledge: Annotated[
        bool, typer.Option("--no-knowledge", help="Leave the shipped knowledge base out.")
    ] = False,
    output: Annotated[
        options.TableFormat,
        typer.Option("--format", "-f", help="table (readable) or json."),
    ] = options.TableFormat.table,
) -> None:
    """Show who NAME is on a date and why: every entry it matches, the first one wins.

    Example: [bold]dotterel actors "Ashraf Ghani" --date 2016-05-01[/]
    """
    from dotterel.knowledge.lookup import who_is

    day: date | None = None
    if when:
        try:
            day = date.fromisoformat(when)
        except ValueError:
            raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--date") from None
    found = who_is(name, day, actors=actors or (), knowledge=not no_knowledge)
    if output is options.TableFormat.json:
        sys.stdout.write(json.dumps([asdict(f) for f in found], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return
    if not found:
        console.fail(f"{name!r}: no entry in the actor tables or the knowledge base")
    on = f" on {day}" if day else " (no date: dated roles give the country only)"
    lines = [f"{name}{on}:"]
    for k, f in enumerate(found):
        mark = "->" if k == 0 else "  "
        lines.append(f"{mark} {f.code or '(uncoded)'}  {f.name}  [{f.source}: {f.evidence}]")
        for role in f.roles:
            lines.append(f"       {role}")
    sys.stdout.write("\n".join(lines) + "\n")
