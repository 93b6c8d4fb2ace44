"""Rules for expressions that name the calendar: dates, months, weekdays, seasons, years.

A mixin of :class:`dotterel.timex._rules._Rules`; each rule takes the match of its
pattern and the context and returns a value string, a :class:`Resolution` or ``None``.
"""

from __future__ import annotations

import re
from datetime import timedelta

from dotterel.timex._calendar import (
    _century,
    _holiday,
    _safe_date,
    _season,
    _weekday,
    _yearless_day,
    _yearless_month,
)
from dotterel.timex._values import Tense, _Context


class _NamedDateRules:
    """Rules for named dates; the tables are set by :class:`_Rules`."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    decade_words: dict[str, int]

    def _ymd(self, m: re.Match[str], ctx: _Context) -> str | None:
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return d.isoformat() if d else None

    def _slashed(self, m: re.Match[str], ctx: _Context) -> str | None:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if y < 100:
            y += 2000 if y < 50 else 1900
        month, day = (b, a) if a > 12 else (a, b)  # US order unless impossible
        d = _safe_date(y, month, day)
        return d.isoformat() if d else None

    def _month_day(self, m: re.Match[str], ctx: _Context) -> str | None:
        month = self.months[m["mo"] or m["mo2"]]
        day = int(m["d"] or m["d2"])
        year = m["y"] or m["y2"]
        if year:
            d = _safe_date(int(year), month, day)
            return d.isoformat() if d else None
        if not 1 <= day <= 31:
            return None
        which = m["which"] or m["which2"]
        if which in ("next", "coming"):  # "next Wednesday, April 11"
            ctx = _Context(ctx.pub, "future", ctx.anchor)
        elif which in ("last", "past"):
            ctx = _Context(ctx.pub, "past", ctx.anchor)
        return _yearless_day(month, day, ctx)

    def _month_year(self, m: re.Match[str], ctx: _Context) -> str:
        return f"{int(m['y']):04d}-{self.months[m['mo']]:02d}"

    def _month(self, m: re.Match[str], ctx: _Context) -> str | None:
        month = self.months[m["mo"]]
        which = m["which"]
        if which is None:
            return _yearless_month(month, ctx)
        if ctx.pub is None:
            return None  # "last December" needs a publication date
        if which == "this":
            return f"{ctx.pub.year:04d}-{month:02d}"
        tense: Tense = "past" if which in ("last", "past") else "future"
        return _yearless_month(month, _Context(ctx.pub, tense, ctx.anchor), strict=True)

    def _month_rel_year(self, m: re.Match[str], ctx: _Context) -> str | None:
        if ctx.pub is None:
            return None
        step = {"last": -1, "this": 0, "next": 1}[m["which"].split()[-1]]
        return f"{ctx.pub.year + step:04d}-{self.months[m['mo']]:02d}"

    def _weekday_rule(self, m: re.Match[str], ctx: _Context) -> str | None:
        return _weekday(self.weekdays[m["wd"]], m["which"], ctx)

    def _weekday_of_week(self, m: re.Match[str], ctx: _Context) -> str | None:
        """ "Monday next week": that weekday of the named ISO week."""
        if ctx.pub is None:
            return None
        week = ctx.pub + timedelta(weeks={"last": -1, "this": 0, "next": 1}[m["which"]])
        monday = week - timedelta(days=week.isoweekday() - 1)
        return (monday + timedelta(days=self.weekdays[m["wd"]] - 1)).isoformat()

    def _season_year(self, m: re.Match[str], ctx: _Context) -> str:
        return f"{int(m['y']):04d}-{self.seasons[m['se']]}"

    def _season_rule(self, m: re.Match[str], ctx: _Context) -> str | None:
        return _season(self.seasons[m["se"]], m["which"], None, ctx)

    def _holiday_rule(self, m: re.Match[str], ctx: _Context) -> str | None:
        return _holiday(m["h"], m["which"], int(m["y"]) if m["y"] else None, ctx)

    def _quarter(self, m: re.Match[str], ctx: _Context) -> str | None:
        q = (m["q"] or m["q2"]).lstrip("q")
        q = str(self.ordinals.get(q, q))
        year = m["y"] or m["y2"]
        if year is None:
            if ctx.pub is None:
                return f"XXXX-Q{q}"
            year = str(ctx.pub.year)
        return f"{int(year):04d}-Q{q}"

    def _year(self, m: re.Match[str], ctx: _Context) -> str:
        return m["y"]

    def _decade(self, m: re.Match[str], ctx: _Context) -> str:
        d = m["d"]
        return f"19{d}" if len(d) == 1 else d  # "the '90s" is the last century's

    def _decade_word(self, m: re.Match[str], ctx: _Context) -> str:
        return f"19{self.decade_words[m['d']]}"

    def _century_rule(self, m: re.Match[str], ctx: _Context) -> str | None:
        n = int(m["n"]) if m["n"].isdigit() else self.ordinals.get(m["n"], 0)
        return _century(n) if 0 < n <= 22 else None
