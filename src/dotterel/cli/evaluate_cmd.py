"""``dotterel evaluate TASK GOLD``: score the pipeline on a gold file and print the numbers."""

from __future__ import annotations

import json
import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dotterel.cli.app import app

LOGGER = logging.getLogger(__name__)


class TaskName(StrEnum):
    """The evaluation tasks (formats in ``../shared/eval/README.md``)."""

    plover = "plover"
    petrarch = "petrarch"
    attribution = "attribution"
    geo = "geo"
    time = "time"
    events = "events"
    seed = "seed"


class PartName(StrEnum):
    """Which records of the gold file to score (the blind third: docs/evaluation.md)."""

    tune = "tune"
    blind = "blind"
    all = "all"


@app.command("evaluate")
def evaluate_command(
    task: Annotated[TaskName, typer.Argument(help="Which task the gold file is for.")],
    gold: Annotated[
        Path,
        typer.Argument(help="Gold file (JSONL, or JSON for seed).", exists=True, dir_okay=False),
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the results as JSON here.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Score only the first N records.")
    ] = None,
    part: Annotated[
        PartName,
        typer.Option(
            "--part",
            help="Score the tune two thirds, the fixed blind third (numbers only, no "
            "examples), or all records.",
        ),
    ] = PartName.all,
    actors: Annotated[
        list[Path] | None,
        typer.Option(
            "--actors", help="TABARI/PETRARCH actor dictionary (repeatable).", exists=True
        ),
    ] = None,
    agents: Annotated[
        list[Path] | None,
        typer.Option(
            "--agents", help="TABARI/PETRARCH agent dictionary (repeatable).", exists=True
        ),
    ] = None,
    verbs: Annotated[
        list[Path] | None,
        typer.Option("--verbs", help="PETRARCH CAMEO verb dictionary (repeatable).", exists=True),
    ] = None,
) -> None:
    """Run the pipeline on a gold file's texts and print P/R/F1 with counts.

    Gold formats and matching rules: docs/evaluation.md. Failing records count as errors.

    Tasks: plover, petrarch, attribution, geo, time, events (whole articles, every
    event: EVENTS_GUIDE.md), seed. Tune on --part tune; report tune and blind.

    Example: dotterel evaluate time ../shared/eval/time_dev.jsonl --json time.json

    Example: dotterel evaluate events ../shared/eval/events_dev.jsonl --part tune

    Example: dotterel evaluate petrarch petrarch_dev.jsonl --actors PETR.Validate.actors.txt
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TimeElapsedColumn,
    )

    from dotterel.errors import DotterelError, GoldFormatError
    from dotterel.evaluate.report import render
    from dotterel.evaluate.runner import run

    console = Console()
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    loading = progress.add_task("loading the pipeline", total=None)
    bar: list[TaskID] = []

    def on_start(total: int) -> None:
        progress.remove_task(loading)
        bar.append(progress.add_task(f"coding {task.value}", total=total))

    def on_advance(n: int) -> None:
        progress.advance(bar[0], n)

    try:
        with progress:
            result = run(
                task.value,
                gold,
                limit=limit,
                part=part.value,
                actors=actors or [],
                agents=agents or [],
                verbs=verbs or [],
                on_start=on_start,
                on_advance=on_advance,
            )
    except GoldFormatError as exc:
        console.print(f"[red]gold file error:[/red] {exc}")
        raise typer.Exit(code=2) from exc
    except DotterelError as exc:  # e.g. the pipeline cannot be built: one line, no traceback
        LOGGER.debug("evaluation failed", exc_info=True)
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(code=1) from exc
    render(result, console)
    if json_out is not None:
        json_out.write_text(
            json.dumps(result.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        console.print(f"wrote {json_out}")
