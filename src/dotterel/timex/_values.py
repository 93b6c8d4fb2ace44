"""The values TIMEX normalisation returns, and the context an expression resolves in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Tense = Literal["past", "present", "future", "unknown"]
#: ``date`` (a point or period on the calendar), ``duration`` (``P2Y``, ``PXY``) or
#: ``ref`` (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``).
Kind = Literal["date", "duration", "ref"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """A normalised time expression.

    Attributes:
        value: the TIMEX3 value (``2016-10``, ``2017-W33``, ``P2Y``, ``PAST_REF`` ...).
        relation: ``at``, ``since`` (an interval that starts there) or ``until``.
        kind: ``date``, ``duration`` or ``ref``.
    """

    value: str
    relation: str = "at"
    kind: Kind = "date"


@dataclass(frozen=True, slots=True)
class Piece:
    """One resolved expression inside a candidate text, ``[start, end)`` relative to it."""

    start: int
    end: int
    resolution: Resolution


@dataclass(slots=True)
class _Context:
    pub: date | None
    tense: Tense
    anchor: tuple[date, str] | None  # (day, granularity) of the last date mentioned


__all__ = ["Kind", "Piece", "Resolution", "Tense"]
