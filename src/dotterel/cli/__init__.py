"""dotterel's command line: one module per command group, all on :data:`app`."""

from __future__ import annotations

from dotterel.cli import commands  # noqa: F401  (registers the commands)
from dotterel.cli.app import app


def main() -> None:
    """Entry point of the ``dotterel`` console script."""
    app()


__all__ = ["app", "main"]
