"""Where the compiled gazetteer lives and how it is laid out (shared by build and load).

Kept apart from :mod:`dotterel.geo.build` so that loading the gazetteer at run time
never imports the build code (or its package-data readers).
"""

from __future__ import annotations

from pathlib import Path

#: Format version of the compiled file; bump when the layout changes.
FORMAT_VERSION = 3
#: Where the compiled gazetteer lives inside the package.
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer.json.gz"
#: Versioned alias, demonym and feature-word tables.
TABLES = Path(__file__).resolve().parents[1] / "components" / "data" / "places"
#: Field separator inside the column strings (never occurs in a place name).
SEP = "\x1f"
#: The per-place columns, in file order.
COLUMNS: tuple[str, ...] = (
    "geonameid",
    "name",
    "feature_code",
    "country_code",
    "admin1",
    "lat",
    "lon",
    "population",
    "level",
)


def read_table(path: Path) -> list[tuple[str, str]]:
    """A two-column versioned TSV table (``#`` comments and blank lines skipped)."""
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, value = line.split("\t")[:2]
        rows.append((key.strip(), value.strip()))
    return rows


__all__ = ["COLUMNS", "DEFAULT_OUTPUT", "FORMAT_VERSION", "SEP", "TABLES", "read_table"]
