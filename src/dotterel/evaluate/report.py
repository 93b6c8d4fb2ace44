"""Printing an :class:`~dotterel.evaluate.runner.Evaluation` as rich tables.

The task's headline metrics (each with the counts behind it), then every
precision/recall/F1 group with its raw counts, then any further P/R/F1 tables the task
adds (per type, per article), so no rate is shown without its support.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dotterel.evaluate.metrics import PRF
from dotterel.evaluate.runner import Evaluation


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:,.1f}"
    return str(value)


def headline_rows(result: Evaluation) -> list[str]:
    """Headline keys then the keys with support counts, without repeating a total."""
    support = result.scores.support
    keys: list[str] = []
    for key in (*result.headline, *support):
        if key in keys or key not in result.scores.metrics:
            continue
        if key.endswith("_total") and key.replace("_total", "_found") in support:
            continue
        keys.append(key)
    return keys


def render(result: Evaluation, console: Console) -> None:
    """Print the result: a title line, warnings, the metric table and the P/R/F1 tables."""
    console.print(
        f"[bold]dotterel evaluate {result.task}[/bold] — {result.gold}"
        f"{'' if result.part == 'all' else f' (part {result.part})'}: {result.n} records, "
        f"{result.n_errors} errors, {result.seconds:.1f}s"
    )
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    metrics = result.scores.metrics
    main = Table(title="metrics", title_justify="left")
    main.add_column("metric")
    main.add_column("value", justify="right")
    main.add_column("counts")
    for key in headline_rows(result):
        main.add_row(key, _fmt(metrics[key]), result.scores.support.get(key, ""))
    console.print(main)
    tables = {"precision / recall / F1": result.scores.groups, **result.scores.tables}
    for title, rows in tables.items():
        if rows:
            console.print(prf_table(title, rows))
    for err in result.errors[:5]:
        console.print(f"[red]error[/red] {err['id']}: {err['error']}")


def prf_table(title: str, rows: dict[str, PRF]) -> Table:
    """One P/R/F1 table with the counts behind every rate."""
    prf = Table(title=title, title_justify="left")
    for col, justify in (
        ("", "left"),
        ("P", "right"),
        ("R", "right"),
        ("F1", "right"),
        ("right / predicted", "right"),
        ("found / gold", "right"),
    ):
        prf.add_column(col, justify=justify)  # type: ignore[arg-type]
    for name, c in rows.items():
        prf.add_row(
            name,
            _fmt(c.precision),
            _fmt(c.recall),
            _fmt(c.f1),
            f"{c.matched_pred}/{c.n_pred}",
            f"{c.matched_gold}/{c.n_gold}",
        )
    return prf


__all__ = ["headline_rows", "prf_table", "render"]
