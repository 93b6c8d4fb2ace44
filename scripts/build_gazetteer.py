"""Rebuild src/dotterel/data/gazetteer.json.gz from the pinned packages.

Same as ``python -m dotterel.geo.build``; see that module for the sources and options.
"""

from __future__ import annotations

import sys

from dotterel.geo.build import main

if __name__ == "__main__":
    sys.exit(main())
