"""Rules for deictic, anchored and counted expressions: "yesterday", "two weeks later".

A mixin of :class:`dotterel.timex._rules._Rules`. Deictic expressions count from the
publication date, anchored ones from the last date the article mentioned, and counted
spans without a direction are durations.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dotterel.timex._calendar import (
    _iso_week,
    _relative_unit,
    _shift,
    _weekend,
)
from dotterel.timex._lexicon import _duration, _number, _unit, _vague_duration
from dotterel.timex._values import Resolution, _Context


class _RelativeRules:
    """Rules for expressions relative to publication or to the last date mentioned."""

    # each rule returns a Resolution, a value string, or None

    def _today(self, m: re.Match[str], ctx: _Context) -> str | None:
        return ctx.pub.isoformat() if ctx.pub else None

    def _yesterday(self, m: re.Match[str], ctx: _Context) -> str | None:
        days = 2 if "before" in m["w"] else 1
        return (ctx.pub - timedelta(days=days)).isoformat() if ctx.pub else None

    def _tomorrow(self, m: re.Match[str], ctx: _Context) -> str | None:
        days = 2 if "after" in m["w"] else 1
        return (ctx.pub + timedelta(days=days)).isoformat() if ctx.pub else None

    def _rel_unit(self, m: re.Match[str], ctx: _Context) -> Resolution | str | None:
        which, unit = m["which"], m["u"]
        spans = which == "past" or (m["the"] and which == "last")
        if spans and unit not in ("weekend", "day"):  # "the past year" is a span, TIMEX3-wise
            return Resolution(_duration(1, unit) or "", kind="duration")
        if ctx.pub is None:
            return None
        if which == "previous":
            return self._from_anchor(ctx, unit, -1)
        return _relative_unit(which, unit, ctx.pub)

    def _from_anchor(self, ctx: _Context, unit: str, step: int) -> str | None:
        """``unit`` steps from the last date mentioned, else from publication."""
        base = ctx.anchor[0] if ctx.anchor else ctx.pub
        if base is None:
            return None
        if unit == "day" and ctx.anchor and ctx.anchor[1] != "day":
            return None
        return _relative_unit("this", unit, base) if step == 0 else _shift(base, step, unit)

    def _anchored_unit(self, m: re.Match[str], ctx: _Context) -> str | None:
        step = {"previous": -1, "preceding": -1, "following": 1, "next": 1, "same": 0}[m["which"]]
        value = self._from_anchor(ctx, m["u"], step)
        if value and m["u"] == "week" and len(value) == 10:
            return _iso_week(date.fromisoformat(value))
        return value

    def _anchored_before_after(self, m: re.Match[str], ctx: _Context) -> str | None:
        if ctx.anchor is None:
            return None
        return self._from_anchor(ctx, m["u"], -1 if m["dir"] == "before" else 1)

    def _that_unit(self, m: re.Match[str], ctx: _Context) -> str | None:
        """The anchor itself at the unit's granularity ("that year", "the same day")."""
        if ctx.anchor is None:
            return None
        base, gran = ctx.anchor
        order = ("day", "week", "month", "year")
        if order.index(gran) > order.index(m["u"]):
            return None  # "that day" after "in 2016"
        return _relative_unit("this", m["u"], base) if m["u"] != "day" else base.isoformat()

    def _ago(self, m: re.Match[str], ctx: _Context) -> str | None:
        n = _number(m["n"])
        if n is None or ctx.pub is None:
            return None
        return _shift(ctx.pub, -n, m["u"])

    def _later(self, m: re.Match[str], ctx: _Context) -> str | None:
        n = _number(m["n"])
        if n is None or ctx.anchor is None:
            return None
        base, gran = ctx.anchor
        u = _unit(m["u"])
        if u is None or u[2]:
            return None
        needs = {"D": ("day",), "W": ("day",), "M": ("day", "month")}.get(u[0])
        if needs and gran not in needs:
            return None  # "two weeks later" after "in 2016" has no day to count from
        return _shift(base, n if m["dir"] == "later" else -n, m["u"])

    def _past_ref(self, m: re.Match[str], ctx: _Context) -> Resolution:
        return Resolution("PAST_REF", kind="ref")

    def _duration_rule(self, m: re.Match[str], ctx: _Context) -> Resolution | None:
        n = _number(m["n"])
        value = _duration(n, m["u"]) if n is not None else None
        return Resolution(value, kind="duration") if value else None

    def _vague_rule(self, m: re.Match[str], ctx: _Context) -> Resolution | None:
        value = _vague_duration(m["u"])
        return Resolution(value, kind="duration") if value else None

    def _this_unit(self, m: re.Match[str], ctx: _Context) -> str | None:
        # "the end of the year": the modifier is gone, "the year" is this year
        if ctx.pub is None:
            return None
        if m["u"] == "weekend" and ctx.pub.isoweekday() < 6 and ctx.tense != "future":
            return _weekend(ctx.pub, -1)  # "over the weekend", told on a weekday
        return _relative_unit("this", m["u"], ctx.pub)
