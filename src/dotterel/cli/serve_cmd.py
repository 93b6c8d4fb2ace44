"""``dotterel serve``: the web UI and JSON API over a store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from dotterel.cli.app import app


@app.command("serve")
def serve_command(
    db: Annotated[Path, typer.Option(help="The DuckDB store to browse and write.")] = Path(
        "dotterel.duckdb"
    ),
    host: Annotated[
        str, typer.Option(help="Address to bind (keep 127.0.0.1 unless you mean it).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    max_upload_mb: Annotated[float, typer.Option(help="Largest accepted upload, in MiB.")] = 5.0,
) -> None:
    """Serve the web UI and JSON API over a store (fully offline).

    Code articles, read them with their sources highlighted, browse events and claims,
    the actor network, a map and a timeline; the JSON API is described at /openapi.json.

    Writing (coding and storing an article) needs a token: set DOTTEREL_TOKEN, or one is
    generated and printed at start.

    Example: DOTTEREL_TOKEN=s3cret dotterel serve --db news.duckdb --port 8000
    """
    try:
        import uvicorn

        from dotterel.server import Settings, create_app
    except ImportError as exc:
        typer.secho(f"the web UI needs its extra: pip install 'dotterel[server]' ({exc})", err=True)
        raise typer.Exit(2) from exc
    from dotterel.errors import StoreError

    token = os.environ.get("DOTTEREL_TOKEN")
    settings = Settings(db=db, max_body=int(max_upload_mb * 1024 * 1024))
    if token:
        settings.token = token
    else:
        typer.echo(f"write token (set DOTTEREL_TOKEN to choose one): {settings.token}")
    try:
        application = create_app(settings)
    except StoreError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"dotterel UI on http://{host}:{port}/  (store: {db})")
    uvicorn.run(application, host=host, port=port, log_level="warning")
