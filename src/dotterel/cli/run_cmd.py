"""``dotterel run``: code a corpus into partitioned Parquet, locally or on Ray."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dotterel.cli import console, options
from dotterel.cli.app import app


class Engine(StrEnum):
    """Where ``dotterel run`` codes (:data:`dotterel.distributed.runner.ENGINES`)."""

    local = "local"
    ray = "ray"


@app.command("run")
def run_command(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Folders, .txt/.html/.jsonl files or .parquet files (text column)."),
    ],
    output: Annotated[
        str, typer.Argument(help="Output folder (or any pyarrow filesystem URI, e.g. s3://b/x).")
    ],
    engine: Annotated[
        Engine,
        typer.Option(
            case_sensitive=False, help="local (process pool on this machine) or ray (a cluster)."
        ),
    ] = Engine.local,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes / Ray actors.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch.")] = 4,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to join (e.g. auto or ray://head:10001).")
    ] = None,
    db: Annotated[
        Path | None, typer.Option(help="Also load the results into this DuckDB store.")
    ] = None,
    follow_symlinks: options.FollowSymlinksOpt = False,
) -> None:
    """Code a whole corpus into partitioned Parquet (one folder per table).

    Reruns resume: articles already in OUTPUT are skipped, and partitions a killed run
    left half-written are cleaned up first. A document that fails is recorded in
    OUTPUT/rejects and the run goes on.

    Exit code 0 when something was coded or found done, 3 when every input was
    rejected (or none was found), 2 for a usage error, 1 for any other error.

    Example: dotterel run news/ out/ --engine ray --workers 2
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from dotterel.distributed.runner import run
    from dotterel.errors import DotterelError

    columns = (
        TextColumn("[bold]coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.2f} docs/s"),
        TimeElapsedColumn(),
    )
    with Progress(*columns) as bar:
        task = bar.add_task("coding", total=None, rate=0.0)

        def on_batch(coded: int, rejected: int) -> None:
            bar.advance(task, coded + rejected)
            elapsed = bar.tasks[task].elapsed or 0.0
            done = bar.tasks[task].completed
            bar.update(task, rate=done / elapsed if elapsed else 0.0)

        try:
            summary = run(
                inputs,
                output,
                engine=engine.value,
                workers=workers,
                batch_size=batch_size,
                address=address,
                progress=on_batch,
                metadata={"follow_symlinks": True} if follow_symlinks else None,
            )
        except DotterelError as exc:
            typer.secho(f"error: {exc}", fg="red", err=True)
            raise typer.Exit(2) from exc
    typer.echo(
        f"coded {summary.coded}, rejected {summary.rejected}, already done {summary.skipped} "
        f"in {summary.seconds:.1f}s ({summary.docs_per_s:.2f} docs/s) -> {output}"
    )
    if not summary.coded and not summary.skipped:
        console.summary(0, summary.rejected, "coded")
    if db is not None:
        from dotterel.distributed.load import load_into_store

        n = load_into_store(output, db)
        typer.echo(f"loaded {n} new articles into {db}")
