"""CAMEO facts the exports need: splitting actor codes, quad classes of event codes.

A CAMEO actor code is a run of three-letter components (``AFGGOVMOS`` = Afghanistan,
government, Muslim). GDELT spreads the components over separate columns (country, known
group, ethnic group, two religions, three types); this module does that split from
the table in ``data/cameo_actor_codes.tsv`` and never guesses a component it does not know.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import pycountry

LOGGER = logging.getLogger(__name__)

#: CAMEO root code (2 digits) -> GDELT QuadClass: 1 verbal cooperation, 2 material
#: cooperation, 3 verbal conflict, 4 material conflict (CAMEO manual / GDELT codebook).
_QUAD_BY_ROOT = {
    f"{r:02d}": q
    for q, roots in {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}.items()
    for r in roots
}


@dataclass(slots=True)
class ActorCodeParts:
    """The GDELT actor fields one CAMEO actor code fills (empty when unknown)."""

    code: str
    country: str | None = None
    known_group: str | None = None
    ethnic: str | None = None
    religions: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)


@cache
def _components() -> dict[str, str]:
    """Component code -> field (``region``, ``knowngroup``, ``religion``, ``type``)."""
    text = (
        resources.files("dotterel.export")
        .joinpath("data/cameo_actor_codes.tsv")
        .read_text(encoding="utf-8")
    )
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        code, kind, _label = line.split("\t", 2)
        table[code] = kind
    return table


@cache
def is_country(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code."""
    return pycountry.countries.get(alpha_3=code) is not None


def split_actor_code(code: str | None, country: str | None = None) -> ActorCodeParts | None:
    """Spread a CAMEO-style actor code over GDELT's actor fields.

    Args:
        code: the actor code (``AFGGOV``, ``TAL``, ``IRNGOVSHI``); ``None`` gives ``None``.
        country: the actor's ISO-3 country when the actor component knows it; used when
            the code itself starts with no country (``TAL`` stays countryless otherwise).
    """
    if not code:
        return None
    code = code.upper()
    parts = ActorCodeParts(code=code)
    table = _components()
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    for i, chunk in enumerate(chunks):
        kind = table.get(chunk)
        if i == 0 and (is_country(chunk) or kind == "region"):
            parts.country = chunk
        elif kind == "knowngroup" and parts.known_group is None:
            parts.known_group = chunk
        elif kind == "religion" and len(parts.religions) < 2:
            parts.religions.append(chunk)
        elif kind == "type" and len(parts.types) < 3:
            parts.types.append(chunk)
        else:
            LOGGER.debug("actor code component %s of %s left unsplit", chunk, code)
    if parts.country is None and country and is_country(country.upper()):
        parts.country = country.upper()
    return parts


def _event_row(cameo: str) -> Any:
    """The row of ``cameo`` in dotterel's CAMEO event table (:mod:`dotterel.cameo`)."""
    try:
        from dotterel.cameo import load_table

        return load_table().get(cameo)
    except (ImportError, OSError) as exc:  # the table is optional for exports
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


__all__ = ["ActorCodeParts", "goldstein", "is_country", "quad_class", "split_actor_code"]
