"""Imports every command module so that each registers its commands on the app."""

from dotterel.cli import code_cmd  # noqa: F401
