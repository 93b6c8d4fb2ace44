"""The last resort for absolute dates the rules do not know: ``dateparser``.

It is only asked about text with a month name or a numeric date in it, never about
durations or ages (it would invent a day), and is imported on first use because it is
slow to load.
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import date, datetime
from typing import Any

from dotterel.timex._calendar import _iso_week
from dotterel.timex._lexicon import _unit
from dotterel.timex._values import Resolution, Tense

LOGGER = logging.getLogger(__name__)

#: dateparser is only asked about text with a month name or a numeric date in it
_FALLBACK_WORTHY = re.compile(
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
)


def _dateparser(t: str, pub: date, tense: Tense) -> Resolution | None:
    """Ask dateparser about absolute dates the rules do not know (cached)."""
    if not _FALLBACK_WORTHY.search(t) or _unit_in(t):
        return None  # durations and ages: dateparser would invent a day
    LOGGER.debug("asking dateparser about %r", t)
    return _dateparser_cached(t, pub, "future" if tense == "future" else "past")


def _unit_in(t: str) -> bool:
    return any(_unit(w) for w in t.split())


@functools.lru_cache(maxsize=4096)
def _dateparser_cached(t: str, pub: date, prefer: str) -> Resolution | None:
    data = _date_data_parser(prefer, pub).get_date_data(t)
    if data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "time":
        return None  # a clock time says nothing about the day
    LOGGER.debug("dateparser resolved %r as %s (%s)", t, d, period)
    if period == "year":
        return Resolution(f"{d.year:04d}")
    if period == "month":
        return Resolution(f"{d.year:04d}-{d.month:02d}")
    if period == "week":
        return Resolution(_iso_week(d))
    return Resolution(d.isoformat())


@functools.lru_cache(maxsize=64)
def _date_data_parser(prefer: str, pub: date) -> Any:
    from dateparser.date import DateDataParser  # imported late: it is slow to load

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
            "PREFER_DATES_FROM": prefer,
            "RETURN_TIME_AS_PERIOD": True,
            "STRICT_PARSING": False,
        },
    )
