"""The terminal side of the commands: the two consoles, errors, reject lines, logging,
and the exit codes.

Results go to :data:`stdout`; progress, rejects and errors to :data:`stderr`
(pipe-friendly). Options shared by commands live in :mod:`dotterel.cli.options`.

Exit codes (the same for every command, listed in ``dotterel --help`` and the README):
0 done; 1 an error (store locked or missing, pipeline failed, cannot write);
2 a usage error (an unknown option value, a missing input path); 3 nothing to do with
the input: every input was rejected, or none was found.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from dotterel.model import Reject


def _stdout_console() -> Console:
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = 120  # pipes and files: wide enough for the event table
    return console


#: Results go to stdout; progress, rejects and errors to stderr (pipe-friendly).
stdout = _stdout_console()
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


#: Exit codes (module docstring).
EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_ALL_REJECTED = 0, 1, 2, 3


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """Print ``error: message`` on stderr and exit with ``code``."""
    stderr.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def summary(done: int, rejected: int, verb: str, *, counted: bool = False) -> None:
    """After a batch: one stderr line when anything was rejected, and exit code 3 when
    nothing was ``verb`` (every input rejected, or no input at all). ``counted``: the
    command printed its own count line already, so only the error line follows."""
    if (rejected or not done) and not counted:
        stderr.print(f"{done} {verb}, {rejected} rejected")
    if not done:
        stderr.print(
            "[bold red]error:[/] every input was rejected"
            if rejected
            else "[bold red]error:[/] no input found"
        )
        raise typer.Exit(EXIT_ALL_REJECTED)


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
    "EXIT_ALL_REJECTED",
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "fail",
    "reject_line",
    "setup_logging",
    "stderr",
    "stdout",
    "summary",
]
