"""``dotterel code``: code articles and print what was found (placeholder, see ingest issue)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dotterel.cli.app import app


@app.command("code")
def code_command(
    files: Annotated[list[Path], typer.Argument(help="Articles: .txt, .html or .jsonl files.")],
) -> None:
    """Code articles and print actors, events and sources."""
    import json

    from dotterel.model import Article, to_jsonable
    from dotterel.pipeline import build_pipeline, code

    nlp = build_pipeline()
    for f in files:
        coded = code(nlp, Article(text=f.read_text(encoding="utf-8"), origin=str(f)))
        typer.echo(json.dumps(to_jsonable(coded), ensure_ascii=False))
