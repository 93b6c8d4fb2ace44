"""The CAMEO event-code table: names, PLOVER type/mode/context, quad class, Goldstein weight.

The table is a data file of this package (``data/cameo.tsv``, sources in its header).
Codes are strings ("0211", not 211: "010" and "10" are different codes). A code that
the table does not list (PETRARCH dictionaries carry some home-grown ones) is looked
up through its ancestors, so "1384" answers with "138" and "13" when it is missing, and a
code with no known ancestor answers ``None`` rather than raising: coding goes on. Exports
read GDELT's quad class and Goldstein weight of a code from here (:func:`quad_class`,
:func:`goldstein`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LOGGER = logging.getLogger(__name__)

#: CAMEO root code (2 digits) -> GDELT QuadClass: 1 verbal cooperation, 2 material
#: cooperation, 3 verbal conflict, 4 material conflict (CAMEO manual / GDELT codebook).
_QUAD_BY_ROOT = {
    f"{r:02d}": q
    for q, roots in {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}.items()
    for r in roots
}

#: The table shipped with dotterel.
DEFAULT_TABLE = Path(__file__).parent / "data" / "cameo.tsv"

#: The 16 PLOVER event types used in ``Event.event_type``.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO table."""

    code: str
    name: str
    #: PLOVER event type, or ``""`` for codes PLOVER does not treat as events (01x).
    plover_type: str
    mode: str | None
    context: tuple[str, ...] = field(default_factory=tuple)
    quad_class: int | None = None
    goldstein: float | None = None

    @property
    def root(self) -> str:
        """The two-digit CAMEO root ("19" for "193")."""
        return self.code[:2]


class CameoTable:
    """CAMEO codes read from a TSV table; query with :meth:`get`."""

    def __init__(self, rows: dict[str, CameoCode]) -> None:
        self._rows = rows

    @classmethod
    def load(cls, path: str | Path = DEFAULT_TABLE) -> CameoTable:
        """Read a table in the project format (see the header of ``cameo.tsv``)."""
        rows: dict[str, CameoCode] = {}
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 7:
                LOGGER.warning("%s:%d: expected 7 columns, got %d", path, lineno, len(cols))
                continue
            code, typ, mode, ctx, quad, gold, name = cols
            rows[code] = CameoCode(
                code=code,
                name=name,
                plover_type=typ,
                mode=mode or None,
                context=tuple(c for c in ctx.split(";") if c),
                quad_class=int(quad) if quad else None,
                goldstein=float(gold) if gold else None,
            )
        return cls(rows)

    def __contains__(self, code: object) -> bool:
        return code in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, code: str | None) -> CameoCode | None:
        """The row for ``code``, else its nearest listed ancestor, else ``None``."""
        if not code:
            return None
        probe = code
        while len(probe) >= 2:
            row = self._rows.get(probe)
            if row is not None:
                return row
            probe = probe[:-1]
        return None

    def is_cameo(self, code: str | None) -> bool:
        """Whether ``code`` looks like a CAMEO code that this table can place."""
        return bool(code) and code.isdigit() and self.get(code) is not None  # type: ignore[union-attr]

    def plover(self, code: str | None) -> str | None:
        """PLOVER type of ``code`` (``None`` when unknown or not a PLOVER event)."""
        row = self.get(code)
        return row.plover_type or None if row is not None else None


@lru_cache(maxsize=4)
def load_table(path: str = str(DEFAULT_TABLE)) -> CameoTable:
    """The table at ``path``, read once per process."""
    return CameoTable.load(path)


def _event_row(cameo: str) -> CameoCode | None:
    """The row of ``cameo`` (or its nearest ancestor) in the shipped event table."""
    try:
        return load_table().get(cameo)
    except OSError as exc:  # the table is optional for exports
        LOGGER.debug("CAMEO event table unavailable: %s", exc)
        return None


def quad_class(cameo: str | None) -> int | None:
    """GDELT QuadClass of a CAMEO event code (the event table's, else from its root)."""
    if not cameo or len(cameo) < 2:
        return None
    row = _event_row(cameo)
    if row is not None and row.quad_class is not None:
        return int(row.quad_class)
    return _QUAD_BY_ROOT.get(cameo[:2])


def goldstein(cameo: str | None) -> float | None:
    """Goldstein weight of exactly this CAMEO code (not of an ancestor), if tabled."""
    if not cameo:
        return None
    row = _event_row(cameo)
    if row is None or row.code != cameo or row.goldstein is None:
        return None
    return float(row.goldstein)


__all__ = [
    "DEFAULT_TABLE",
    "PLOVER_TYPES",
    "CameoCode",
    "CameoTable",
    "goldstein",
    "load_table",
    "quad_class",
]
