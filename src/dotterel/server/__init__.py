"""dotterel's web UI and JSON API (``dotterel serve``); needs the ``server`` extra."""

from dotterel.server.app import Settings, create_app

__all__ = ["Settings", "create_app"]
