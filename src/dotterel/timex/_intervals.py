"""TIMEX3 values as calendar intervals, so exports, merging and queries can compare dates.

``Event.date`` holds a TIMEX3-style value (``2016``, ``2016-10``, ``2016-10-09``,
``2017-W33``, ``2013-SU``, ``199`` for a decade, ``PXY`` for an unspecified span). Merging
needs to know whether two such values can denote the same day, and the GDELT export
needs to know which of its date fields a value can honestly fill: both questions reduce
to "which days does this value cover?".
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date

LOGGER = logging.getLogger(__name__)

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")

#: Northern-hemisphere meteorological seasons as (first month, last month); winter is
#: given the whole year because "winter 2013" may mean either end of it.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (1, 12)}


@dataclass(frozen=True, slots=True)
class Interval:
    """The days a TIMEX value covers, both ends included, and how precise it is.

    ``precision`` is ``day``, ``week``, ``month``, ``season``, ``quarter``, ``half``,
    ``year``, ``decade`` or ``century``.
    """

    start: date
    end: date
    precision: str

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Interval) -> Interval | None:
        """The common days, or ``None`` when there are none."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        if start > end:
            return None
        finer = self if (self.end - self.start) <= (other.end - other.start) else other
        return Interval(start, end, finer.precision if start != end else "day")

    @property
    def days(self) -> int:
        """Number of days covered (1 for a single day)."""
        return (self.end - self.start).days + 1


def _month(year: int, first: int, last: int, precision: str) -> Interval:
    return Interval(
        date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), precision
    )


def interval(value: str | None) -> Interval | None:
    """The days a TIMEX3 value covers, or ``None`` when it names no calendar stretch.

    ``PXY``, ``PRESENT_REF`` and malformed values give ``None`` (unknown, not an error).
    A value with a time part (``2016-10-09T14:00``) counts as its day.
    """
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return Interval(d, d, "day")
        if m := _MONTH.match(value):
            return _month(int(m[1]), int(m[2]), int(m[2]), "month")
        if m := _YEAR.match(value):
            return _month(int(m[1]), 1, 12, "year")
        if m := _WEEK.match(value):
            year, week = int(m[1]), int(m[2])
            return Interval(
                date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7), "week"
            )
        if m := _SEASON.match(value):
            first, last = _SEASONS[m[2]]
            return _month(int(m[1]), first, last, "season")
        if m := _QUARTER.match(value):
            q = int(m[2])
            return _month(int(m[1]), 3 * q - 2, 3 * q, "quarter")
        if m := _HALF.match(value):
            h = int(m[2])
            return _month(int(m[1]), 6 * h - 5, 6 * h, "half")
        if m := _DECADE.match(value):
            start = int(m[1]) * 10
            return Interval(date(start, 1, 1), date(start + 9, 12, 31), "decade")
        if m := _CENTURY.match(value):
            start = max(int(m[1]) * 100, 1)
            return Interval(date(start, 1, 1), date(int(m[1]) * 100 + 99, 12, 31), "century")
    except ValueError:
        LOGGER.debug("TIMEX value %r names no valid date", value)
        return None
    return None


__all__ = ["Interval", "interval"]
