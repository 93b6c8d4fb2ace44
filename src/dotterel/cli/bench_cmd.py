"""``dotterel bench``: throughput against bare spaCy, memory and scaling, in one run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from dotterel.cli.app import app
from dotterel.cli.run_cmd import Engine


@app.command("bench")
def bench_command(
    docs: Annotated[int, typer.Option(min=2, help="How many documents to measure on.")] = 40,
    inputs: Annotated[
        list[str] | None,
        typer.Option(
            "--input", help="Texts (folder/JSONL) to use instead of the synthetic corpus."
        ),
    ] = None,
    tokens: Annotated[int, typer.Option(help="Tokens per synthetic document.")] = 1000,
    rounds: Annotated[int, typer.Option(min=1, help="Alternating rounds per side.")] = 2,
    engines: Annotated[
        list[Engine] | None,
        typer.Option(
            "--engine", case_sensitive=False, help="Engines to scale (default: local, ray)."
        ),
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write JSON here.")] = None,
) -> None:
    """Measure dotterel against bare spaCy-sm on the same texts in the same run.

    Prints docs/s and tokens/s of both, their ratio, peak RSS per worker, and scaling from
    1 to 2 workers on each engine. The ratio is the figure to trust on a noisy machine.

    Example: dotterel bench --docs 40 --json bench.json
    """
    from rich.console import Console
    from rich.table import Table

    from dotterel.bench import run_bench, synthetic_articles

    console = Console(stderr=True)
    if inputs:
        from dotterel.ingest.parquet import read_articles
        from dotterel.model import Article

        articles = [a for a in read_articles(inputs) if isinstance(a, Article)][:docs]
        if len(articles) < 2:
            raise typer.BadParameter("need at least 2 readable articles", param_hint="--input")
    else:
        articles = synthetic_articles(docs, tokens=tokens)
    result = run_bench(
        articles,
        rounds=rounds,
        engines=tuple(e.value for e in engines) if engines else ("local", "ray"),
        log=lambda s: console.print(f"[dim]{s}[/dim]"),
    )
    table = Table(title=f"dotterel bench ({result.docs} docs, ~{result.tokens_per_doc:.0f} tokens)")
    table.add_column("figure")
    table.add_column("value", justify="right")
    rows = [
        ("bare spaCy docs/s", f"{result.spacy_docs_per_s:.2f}"),
        ("dotterel docs/s", f"{result.dotterel_docs_per_s:.2f}"),
        ("ratio (dotterel / spaCy)", f"{result.ratio:.2f}"),
        ("ratio in CPU time", f"{result.ratio_cpu:.2f}"),
        ("bare spaCy tokens/s", f"{result.spacy_tokens_per_s:.0f}"),
        ("dotterel tokens/s", f"{result.dotterel_tokens_per_s:.0f}"),
        ("peak RSS per worker (MiB)", f"{result.peak_rss_mb:.0f}"),
        ("bare spaCy peak RSS (MiB)", f"{result.spacy_peak_rss_mb:.0f}"),
    ]
    for engine, figures in (("local", result.scaling_local), ("ray", result.scaling_ray)):
        for key, rate in figures.items():
            rows.append((f"{engine}: {key}", f"{rate:.2f}"))
    for name, value in rows:
        table.add_row(name, value)
    Console().print(table)
    for note in result.notes:
        console.print(f"[yellow]note:[/yellow] {note}")
    if json_out is not None:
        json_out.write_text(json.dumps(result.to_dict(), indent=2) + "\n")
