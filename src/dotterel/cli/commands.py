"""Imports every command module so that each registers its commands on the app."""

from dotterel.cli import (
    actors_cmd,  # noqa: F401
    bench_cmd,  # noqa: F401
    code_cmd,  # noqa: F401
    evaluate_cmd,  # noqa: F401
    export_cmd,  # noqa: F401
    ingest_cmd,  # noqa: F401
    query_cmd,  # noqa: F401
    run_cmd,  # noqa: F401
    serve_cmd,  # noqa: F401
    show_cmd,  # noqa: F401
)
