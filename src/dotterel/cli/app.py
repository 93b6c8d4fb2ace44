"""The Typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="dotterel",
    help=(
        "Sourced political event data from news: who did what to whom, where, when, "
        "and according to whom.\n\n"
        "Example: dotterel code examples/arauca_report.txt --outlet 'Example Times' "
        "--date 2017-08-07"
    ),
    epilog=(
        "Exit codes: 0 done; 1 error (store in use or missing, pipeline failed, cannot "
        "write); 2 usage error (unknown option value, missing input path); 3 every input "
        "was rejected, or none was found. A closed pipe (| head) ends the command quietly."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)


@app.callback()
def _root() -> None:
    """Sourced political event data from news (see ``dotterel COMMAND --help``)."""
