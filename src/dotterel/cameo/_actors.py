"""CAMEO actor codes: which three-letter components a code holds, and which field each fills.

A CAMEO actor code is a run of three-letter components (``AFGGOVMOS`` = Afghanistan,
government, Muslim). GDELT spreads the components over separate columns (country, known
group, ethnic group, two religions, three types); this module does that split from the
table in this package's ``data/cameo_actor_codes.tsv`` and never guesses a component it
does not know.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry

LOGGER = logging.getLogger(__name__)


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
        resources.files("dotterel.cameo")
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


def is_region(code: str) -> bool:
    """True for a CAMEO region component (``WST`` the West, ``EUR`` Europe, ``AFR``)."""
    return _components().get(code) == "region"


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


__all__ = ["ActorCodeParts", "is_country", "split_actor_code"]
