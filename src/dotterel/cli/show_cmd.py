"""``dotterel show``: print an article as it is stored."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from dotterel.cli import console, options
from dotterel.cli.app import app

LOGGER = logging.getLogger(__name__)


@app.command("show")
def show_command(
    article_id: Annotated[
        str,
        typer.Argument(
            metavar="ARTICLE_ID",
            help="An article id, or a prefix of one that matches a single article.",
            show_default=False,
        ),
    ],
    db: options.DbOpt = Path("dotterel.duckdb"),
    output: Annotated[
        options.TableFormat,
        typer.Option("--format", "-f", help="table (readable) or json."),
    ] = options.TableFormat.table,
) -> None:
    """Print a stored article and everything found in it.

    Example: [bold]dotterel show 3f9a2c --db news.duckdb --format json[/]
    """
    from dotterel.errors import StoreError
    from dotterel.store import Store

    prefix = article_id.strip()
    if not prefix:
        raise typer.BadParameter("must not be empty", param_hint="ARTICLE_ID")
    try:
        with Store(db, read_only=True) as store:
            matches = store.find_ids(prefix, limit=6)
            if not matches:
                console.fail(f"no article with an id starting with {prefix!r} in {db}")
            if len(matches) > 1 and prefix not in matches:
                shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
                console.fail(f"{prefix!r} matches several articles ({shown}); give more characters")
            chosen = prefix if prefix in matches else matches[0]
            coded = store.read(chosen)
    except StoreError as exc:
        console.fail(str(exc))
    if coded is None:  # deleted between the two queries
        console.fail(f"article {chosen} disappeared from {db}")
    if output is options.TableFormat.json:
        sys.stdout.write(json.dumps(coded.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        from dotterel.cli.code_cmd import print_coded

        print_coded(coded)


__all__ = ["show_command"]
