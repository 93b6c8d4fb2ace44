"""Calendar arithmetic for TIMEX values: months, ISO weeks, holidays, yearless dates.

A yearless date ("in December", "on Tuesday", "last summer") has a few candidate
occurrences around publication; the clause's tense picks one (:func:`_pick`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from dotterel.timex._lexicon import _unit, lexicon
from dotterel.timex._values import Tense, _Context


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso_week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday_date(rule: str, year: int) -> date | None:
    """The day a holiday rule (see ``holidays.tsv``) falls on in ``year``."""
    if rule.startswith("easter:"):
        return _easter(year) + timedelta(days=int(rule.split(":")[1]))
    if ":" in rule:
        nth, weekday, month = rule.split(":")
        days = [
            d
            for d in calendar.Calendar().itermonthdates(year, int(month))
            if d.month == int(month) and d.isoweekday() == int(weekday)
        ]
        return days[-1] if nth == "last" else days[int(nth) - 1]
    month, day = rule.split("-")
    return date(year, int(month), int(day))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: list[Any], pub: Any, tense: Tense, *, strict: bool = False) -> Any:
    """Choose among a few occurrences of a yearless date by the clause's tense.

    Past (and unknown, the usual case in news) takes the latest occurrence on or before
    ``pub``, future the earliest on or after, present the nearest. ``strict`` excludes
    ``pub`` itself ("last Tuesday" is never today). ``candidates`` are sorted and
    comparable with ``pub`` (dates, or (year, month) tuples).
    """
    if tense == "future":
        after = [c for c in candidates if c > pub or (c == pub and not strict)]
        return after[0] if after else candidates[-1]
    before = [c for c in candidates if c < pub or (c == pub and not strict)]
    if tense == "present":
        after = [c for c in candidates if c >= pub]
        options = [x for x in (before[-1] if before else None, after[0] if after else None) if x]
        if options:
            return min(options, key=lambda c: abs(_distance(c, pub)))
    return before[-1] if before else candidates[0]


def _distance(a: Any, b: Any) -> int:
    if isinstance(a, date):
        return (a - b).days
    return (a[0] * 12 + a[1]) - (b[0] * 12 + b[1])


def _shift(ctx_day: date, n: float, unit: str) -> str | None:
    """``ctx_day`` moved by ``n`` units, at the granularity of the unit."""
    u = _unit(unit)
    if u is None:
        return None
    letter, mult, is_time = u
    if n != int(n):
        return None
    k = int(n) * mult
    if is_time:
        return ctx_day.isoformat()
    if letter == "D":
        return (ctx_day + timedelta(days=k)).isoformat()
    if letter == "W":
        return (ctx_day + timedelta(weeks=k)).isoformat()
    if letter == "M":
        y, m = _add_months(ctx_day.year, ctx_day.month, k)
        return f"{y:04d}-{m:02d}"
    return f"{ctx_day.year + k:04d}"


def _relative_unit(which: str, unit: str, pub: date) -> str | None:
    """The week, month, year ... before, of, or after ``pub`` ("last week", "next year")."""
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[which]
    if unit == "day":
        return (pub + timedelta(days=step)).isoformat()
    if unit == "week":
        return _iso_week(pub + timedelta(weeks=step))
    if unit == "weekend":
        return _weekend(pub, step)
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, step)
        return f"{y:04d}-{m:02d}"
    if unit == "year":
        return f"{pub.year + step:04d}"
    if unit == "decade":
        return f"{pub.year // 10 + step:03d}"
    if unit == "century":
        return f"{pub.year // 100 + step:02d}"
    return None


def _weekend(pub: date, step: int) -> str:
    """TIMEX3 weekend (``2017-W31-WE``) of publication's ISO week shifted by ``step``."""
    return _iso_week(pub + timedelta(weeks=step)) + "-WE"


def _yearless_month(month: int, ctx: _Context, *, strict: bool = False) -> str:
    if ctx.pub is None:
        return f"XXXX-{month:02d}"
    pub = (ctx.pub.year, ctx.pub.month)
    cands = [(y, month) for y in (pub[0] - 1, pub[0], pub[0] + 1)]
    y, m = _pick(cands, pub, ctx.tense, strict=strict)
    return f"{y:04d}-{m:02d}"


def _yearless_day(month: int, day: int, ctx: _Context) -> str | None:
    if ctx.pub is None:
        return f"XXXX-{month:02d}-{day:02d}"
    cands = [
        d
        for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1)
        if (d := _safe_date(y, month, day))
    ]
    if not cands:
        return None
    return _pick(cands, ctx.pub, ctx.tense).isoformat()


def _weekday(weekday: int, which: str | None, ctx: _Context) -> str | None:
    if ctx.pub is None:
        return f"XXXX-WXX-{weekday}" if which is None else None
    pub = ctx.pub
    monday = pub - timedelta(days=pub.isoweekday() - 1)
    if which == "this":
        return (monday + timedelta(days=weekday - 1)).isoformat()
    cands = [monday + timedelta(days=weekday - 1 + 7 * k) for k in (-2, -1, 0, 1, 2)]
    tense: Tense = ctx.tense
    if which in ("last", "past"):
        tense = "past"
    elif which in ("next", "coming"):
        tense = "future"
    return _pick(cands, pub, tense, strict=which is not None).isoformat()


def _season(code: str, which: str | None, year: int | None, ctx: _Context) -> str | None:
    if year is not None:
        return f"{year:04d}-{code}"
    if ctx.pub is None:
        return f"XXXX-{code}" if which is None else None  # "last summer" needs a date
    first, last = lexicon().raw["season_months"][code]
    pub_index = ctx.pub.year * 12 + ctx.pub.month - 1
    # (start, end) month indices of the season in the surrounding years
    spans = [
        (y, y * 12 + first - 1, y * 12 + last - 1)
        for y in range(ctx.pub.year - 2, ctx.pub.year + 2)
    ]
    current = next((y for y, s, e in spans if s <= pub_index <= e), None)
    past = [y for y, s, e in spans if e < pub_index]
    future = [y for y, s, e in spans if s > pub_index]
    if which == "this":
        chosen = (
            current if current is not None else (past[-1] if ctx.tense == "past" else future[0])
        )
    elif which in ("last", "past"):
        chosen = past[-1]
    elif which in ("next", "coming"):
        chosen = future[0]
    elif current is not None:
        chosen = current
    else:
        chosen = future[0] if ctx.tense == "future" else past[-1]
    return f"{chosen:04d}-{code}"


def _holiday(name: str, which: str | None, year: int | None, ctx: _Context) -> str | None:
    rule = lexicon().holidays[name]
    if year is not None:
        d = _holiday_date(rule, year)
        return d.isoformat() if d else None
    if ctx.pub is None:
        fixed = which is None and re.fullmatch(r"\d\d-\d\d", rule)
        return f"XXXX-{rule}" if fixed else None
    cands = [d for y in range(ctx.pub.year - 1, ctx.pub.year + 2) if (d := _holiday_date(rule, y))]
    tense: Tense = ctx.tense
    if which in ("last", "past"):
        tense = "past"
    elif which in ("next", "coming"):
        tense = "future"
    elif which == "this":
        return _holiday_date(rule, ctx.pub.year).isoformat()  # type: ignore[union-attr]
    return _pick(cands, ctx.pub, tense, strict=which is not None).isoformat()


def _century(n: int) -> str:
    return f"{n - 1:02d}"


_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{4})-W(\d{2})")


def as_anchor(value: str) -> tuple[date, str] | None:
    """``(first day, granularity)`` of a resolved calendar value, for later anchoring."""
    m = _DATE_VALUE.match(value)
    if m is None:
        return None
    if m[4]:
        return date.fromisocalendar(int(m[4]), int(m[5]), 1), "week"
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    gran = "day" if m[3] else "month" if m[2] else "year"
    d = _safe_date(year, month, day)
    return (d, gran) if d else None


def is_calendar_value(value: str) -> bool:
    """True for values that place something on the calendar (not ``P2Y``/``PAST_REF``)."""
    return bool(value) and value[0].isdigit()


__all__ = ["as_anchor", "is_calendar_value"]
