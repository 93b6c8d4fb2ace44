"""Imports every command module so that each registers its commands on the app."""

from dotterel.cli import (
    bench_cmd,  # noqa: F401
    code_cmd,  # noqa: F401
    run_cmd,  # noqa: F401
)
