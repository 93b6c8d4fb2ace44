"""Normalise English time expressions to TIMEX3 values against a publication date.

This module is pure (no spaCy): :func:`normalize` and :func:`resolve_span` take the text
of an expression, the article's publication date, the tense of the clause it sits in and
an optional *anchor* (the last date the article mentioned, for "three days later"), and
return TIMEX3-style values:

=====================  =================  ==========================================
expression             value              why
=====================  =================  ==========================================
October 2016           ``2016-10``        month granularity is kept, not padded to a day
last year              ``2016``           (published 2017-08-07) a year, not a day
on Tuesday             ``2017-08-01``     past tense: the latest Tuesday on or before
                                          publication; future tense: the next one
in December            ``2019-12``        (published 2020-01-10, past tense)
two weeks ago          ``2019-03-01``     weeks and days resolve to a day
last week              ``2014-W36``       ISO week
the summer of 2013     ``2013-SU``        seasons ``SP SU FA WI``
the 1990s              ``199``            decades drop the last digit
since 2001             ``2001``           with relation ``since`` (interval start)
two years              ``P2Y``            a duration
in decades             ``PXY``            an unspecified span; decades and centuries
                                          are coarsened to years (``PXY``)
recently, now          ``PAST_REF`` ...   TIMEX3 vague references
=====================  =================  ==========================================

Modifiers ("early", "the end of", "about") go into TIMEX3's ``mod`` attribute, which
we do not keep: "the end of the year" is the year. Parts of the day are dropped too:
"Friday night" is the Friday.

Without a publication date, expressions that only need the calendar keep TIMEX3's
unresolved form (``XXXX-12`` for "December", ``XXXX-11-03`` for "Nov. 3",
``XXXX-WXX-2`` for "Tuesday", ``XXXX-SU``) and purely deictic ones ("yesterday", "last
year", "two weeks ago") resolve to nothing, so the caller skips them.

Rules come first; ``dateparser`` is only a last resort for absolute dates written in a
form the rules do not know (it is slow to warm up and guesses a day for "last year").
"""

from __future__ import annotations

import calendar
import functools
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any, Literal

LOGGER = logging.getLogger(__name__)

Tense = Literal["past", "present", "future", "unknown"]
#: ``date`` (a point or period on the calendar), ``duration`` (``P2Y``, ``PXY``) or
#: ``ref`` (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``).
Kind = Literal["date", "duration", "ref"]

#: The lexicon lives beside the components; it is looked up from the top package because
#: importing ``dotterel.components`` would import every component.
_DATA_PACKAGE = "dotterel"


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


# ----------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The vocabulary of ``components/data/dates`` with its regexes compiled once."""

    raw: dict[str, Any]
    holidays: dict[str, str]
    month_re: str
    weekday_re: str
    season_re: str
    number_re: str
    unit_re: str
    holiday_re: str


def _alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first so "sept" beats "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def lexicon() -> Lexicon:
    """Load the lexicon and holiday table (once per process)."""
    base = resources.files(_DATA_PACKAGE).joinpath("components", "data", "dates")
    raw = json.loads(base.joinpath("lexicon.json").read_text(encoding="utf-8"))
    holidays: dict[str, str] = {}
    for line in base.joinpath("holidays.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, rule, *_ = line.split("\t")
        holidays[_possessive(name.strip().lower())] = rule.strip()
    return Lexicon(
        raw=raw,
        holidays=holidays,
        month_re=_alternation(raw["months"]),
        weekday_re=_alternation(raw["weekdays"]),
        season_re=_alternation(raw["seasons"]),
        number_re=_alternation(raw["numbers"]) + r"|\d+(?:\.\d+)?",
        unit_re=_alternation(raw["units"]),
        holiday_re=_alternation(holidays),
    )


# ----------------------------------------------------------------------------- calendar


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


# ----------------------------------------------------------------------------- cleaning


def _clean(text: str) -> str:
    """Lower-case, drop abbreviation dots, ordinals, commas and word hyphens."""
    t = text.lower().replace("’", "'").replace("‘", "'")
    t = re.sub(r"(?<=[a-z])\.", "", t)  # "nov." -> "nov", "a.m." -> "am"
    t = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", t)
    t = re.sub(r"\bmid-", "mid ", t)
    t = re.sub(r"(?<=[a-z0-9])-(?=[a-z])", " ", t)
    t = _possessive(t)  # "last night's", "Sunday's Sept. 11 vote"
    t = re.sub(r"[,;()\"]", " ", t)
    t = re.sub(r"[–—]", "-", t)
    return re.sub(r"\s+", " ", t).strip(" .'")


_POSSESSIVE = re.compile(r"(day|night|week|year|month|season|spring|summer|autumn|fall|winter)'s\b")


def _possessive(t: str) -> str:
    """Drop the possessive of a time word: "Sunday's" -> "sunday"."""
    return _POSSESSIVE.sub(r"\1", t)


@functools.cache
def _prefix_re(key: str) -> re.Pattern[str]:
    words = lexicon().raw[key]
    return re.compile(rf"^(?:{_alternation(words)})\s+")


def _strip(t: str, key: str) -> tuple[str, str | None]:
    m = _prefix_re(key).match(t)
    if m and m.end() < len(t):
        return t[m.end() :], m.group(0).strip()
    return t, None


# ----------------------------------------------------------------------------- rules


@dataclass(slots=True)
class _Context:
    pub: date | None
    tense: Tense
    anchor: tuple[date, str] | None  # (day, granularity) of the last date mentioned


def _number(word: str) -> float | None:
    nums = lexicon().raw["numbers"]
    word = word.strip()
    if word in nums:
        return float(nums[word])
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    parts = word.split()
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums:  # "twenty five"
        return float(nums[parts[0]] + nums[parts[1]])
    return None


def _unit(word: str) -> tuple[str, int, bool] | None:
    """``(letter, multiplier, is_time_unit)`` for "years", "decade", "hrs" ..."""
    units = lexicon().raw["units"]
    w = word[:-1] if word.endswith("s") and word[:-1] in units else word
    if w not in units:
        return None
    letter, mult = units[w]
    return letter, int(mult), w in lexicon().raw["time_units"]


def _duration(n: float, unit: str) -> str | None:
    u = _unit(unit)
    if u is None:
        return None
    letter, mult, is_time = u
    amount = n * mult
    text = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"PT{text}{letter}" if is_time else f"P{text}{letter}"


def _vague_duration(unit: str) -> str | None:
    u = _unit(unit)
    if u is None:
        return None
    letter, _, is_time = u
    return f"PTX{letter}" if is_time else f"PX{letter}"


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


class _Rules:
    """The ordered normalisation rules, compiled once from the lexicon."""

    def __init__(self) -> None:
        lex = lexicon()
        raw = lex.raw
        mo, wd, se, unit = lex.month_re, lex.weekday_re, lex.season_re, lex.unit_re
        num = f"(?:{lex.number_re})"
        ordinals = _alternation(raw["ordinals"])
        self.months: dict[str, int] = raw["months"]
        self.weekdays: dict[str, int] = raw["weekdays"]
        self.seasons: dict[str, str] = raw["seasons"]
        self.ordinals: dict[str, int] = raw["ordinals"]
        self.decade_words: dict[str, int] = raw["decade_words"]
        self.past_refs = set(raw["past_refs"])
        self.present_refs = set(raw["present_refs"])
        self.future_refs = set(raw["future_refs"])
        self.vague = _alternation(raw["vague_numbers"])
        rel = r"(?P<which>last|this|next|past|previous|coming)"
        self.this_past = re.compile(r"^this (?:past|last) ")
        c = re.compile
        self.rules: list[tuple[re.Pattern[str], Callable[[re.Match[str], _Context], Any]]] = [
            (c(r"(?P<w>today|tonight|this (?:morning|afternoon|evening))"), self._today),
            (c(r"(?P<w>yesterday|last night|the day before yesterday)"), self._yesterday),
            (c(r"(?P<w>tomorrow|the day after tomorrow)"), self._tomorrow),
            (c(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"), self._ymd),
            (c(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})"), self._slashed),
            (
                c(
                    rf"(?:(?P<which>last|this|next|past|coming) )?(?:(?:{wd}) )?(?:the )?"
                    rf"(?P<mo>{mo}) (?P<d>\d{{1,2}})(?: (?P<y>\d{{4}}))?"
                    rf"|(?:(?P<which2>last|this|next|past|coming) )?(?:(?:{wd}) )?(?:the )?"
                    rf"(?P<d2>\d{{1,2}}) (?:of )?(?P<mo2>{mo})"
                    rf"(?: (?P<y2>\d{{4}}))?"
                ),
                self._month_day,
            ),
            (c(rf"(?P<mo>{mo})(?: of)? (?P<y>\d{{4}})"), self._month_year),
            (c(rf"(?:(?P<which>last|this|next|past|coming) )?(?P<mo>{mo})"), self._month),
            (
                c(rf"(?P<mo>{mo}) (?P<which>last|this|next|of last|of this|of next) year"),
                self._month_rel_year,
            ),
            (c(rf"(?:(?P<which>last|this|next|past|coming) )?(?P<wd>{wd})"), self._weekday_rule),
            (
                c(rf"(?P<wd>{wd}) (?:of )?(?P<which>last|this|next) week"),
                self._weekday_of_week,
            ),
            (c(r"(?:the )?(?P<u>week|weekend) of (?P<rest>.+)"), self._week_of),
            (c(rf"(?:the )?(?P<se>{se})(?: of)? (?P<y>\d{{4}})"), self._season_year),
            (
                c(rf"(?:(?P<which>last|this|next|past|coming) )?(?:the )?(?P<se>{se})"),
                self._season_rule,
            ),
            (
                c(
                    rf"(?:(?P<which>last|this|next|past|coming) )?(?P<h>{lex.holiday_re})"
                    r"(?: (?P<y>\d{4}))?"
                ),
                self._holiday_rule,
            ),
            (
                c(
                    r"(?:the )?(?P<q>first|second|third|fourth|1|2|3|4|q1|q2|q3|q4) quarter"
                    r"(?: of)?(?: (?P<y>\d{4}))?"
                    r"|(?P<q2>q[1-4]) (?P<y2>\d{4})"
                ),
                self._quarter,
            ),
            (c(r"(?:the )?(?:year |fiscal |fiscal year |fy ?)?(?P<y>1\d{3}|20\d{2})"), self._year),
            (c(r"(?:the )?'?(?P<d>(?:1[0-9]|20)?\d)0'?s"), self._decade),
            (c(rf"(?:the )?(?P<d>{_alternation(self.decade_words)})"), self._decade_word),
            (c(rf"(?:the )?(?P<n>\d{{1,2}}|{ordinals}) century"), self._century_rule),
            (
                c(
                    r"the (?P<which>previous|preceding|following|next|same)"
                    r" (?P<u>day|week|month|year)"
                ),
                self._anchored_unit,
            ),
            (
                c(rf"(?P<the>the )?{rel} (?P<u>day|week|weekend|month|year|decade|century)"),
                self._rel_unit,
            ),
            (
                c(r"the (?P<u>day|week|month|year) (?P<dir>before|after)"),
                self._anchored_before_after,
            ),
            (c(r"that (?P<u>day|week|month|year)"), self._that_unit),
            (c(rf"(?P<n>{num}|{num} {num}) (?P<u>{unit})s? ago"), self._ago),
            (c(rf"(?P<n>{num}|{num} {num}) (?P<u>{unit})s? (?P<dir>later|earlier)"), self._later),
            (c(rf"(?:(?:{self.vague}) )?(?P<u>{unit})s? (?:ago|earlier|before)"), self._past_ref),
            (c(rf"(?P<n>{num}|{num} {num}) (?P<u>{unit})s?"), self._duration_rule),
            (c(rf"(?:(?:{self.vague}) )?(?P<u>{unit})s"), self._vague_rule),
            (c(r"the (?P<u>week|weekend|month|year|decade|century)"), self._this_unit),
        ]

    # each rule returns a Resolution, a value string, or None

    def _today(self, m: re.Match[str], ctx: _Context) -> str | None:
        return ctx.pub.isoformat() if ctx.pub else None

    def _yesterday(self, m: re.Match[str], ctx: _Context) -> str | None:
        days = 2 if "before" in m["w"] else 1
        return (ctx.pub - timedelta(days=days)).isoformat() if ctx.pub else None

    def _tomorrow(self, m: re.Match[str], ctx: _Context) -> str | None:
        days = 2 if "after" in m["w"] else 1
        return (ctx.pub + timedelta(days=days)).isoformat() if ctx.pub else None

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

    def _week_of(self, m: re.Match[str], ctx: _Context) -> str | None:
        """ "The week of March 5": the ISO week (or its weekend) holding that day."""
        inner = _core(m["rest"], ctx, fallback=False)
        day = as_anchor(inner.value) if inner and inner.kind == "date" else None
        if day is None or day[1] != "day":
            return None
        return _iso_week(day[0]) + ("-WE" if m["u"] == "weekend" else "")

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

    def apply(self, t: str, ctx: _Context) -> Resolution | None:
        t = self.this_past.sub("last ", t)  # "this past week" is last week
        if t in self.present_refs:
            return Resolution("PRESENT_REF", kind="ref")
        if t in self.past_refs:
            return Resolution("PAST_REF", kind="ref")
        if t in self.future_refs:
            return Resolution("FUTURE_REF", kind="ref")
        for pattern, rule in self.rules:
            m = pattern.fullmatch(t)
            if m is None:
                continue
            out = rule(m, ctx)
            if out is None:
                return None
            return out if isinstance(out, Resolution) else Resolution(out)
        return None


@functools.cache
def _rules() -> _Rules:
    return _Rules()


# ----------------------------------------------------------------------------- API


def _peel_prep(t: str) -> tuple[str, str | None]:
    return _strip(t, "preps")


def _peel_approximator(t: str) -> tuple[str, str | None]:
    return _strip(t, "approximators")


def _peel_modifier(t: str) -> tuple[str, str | None]:
    return _strip(t, "modifiers")


def _peel_determiner(t: str) -> tuple[str, str | None]:
    """Drop "the past" before a count: "the past three years" -> "three years"."""
    if _determiner_re().match(t):
        return _strip(t, "duration_determiners")
    return t, None


@functools.cache
def _determiner_re() -> re.Pattern[str]:
    lex = lexicon()
    dets = _alternation(lex.raw["duration_determiners"])
    return re.compile(rf"^(?:{dets}) (?:{lex.number_re}) ")


@functools.cache
def _relation_re() -> re.Pattern[str]:
    return re.compile(rf"^({_alternation(lexicon().raw['relations'])})\s+")


def _peel_day_part(t: str) -> tuple[str, str | None]:
    """Drop a part of the day or a clock time: "Friday night" -> "Friday"."""
    return _day_part_re().sub("", t), None


@functools.cache
def _day_part_re() -> re.Pattern[str]:
    parts = _alternation(lexicon().raw["parts_of_day"])
    return re.compile(rf"\s+(?:(?:{parts})|at \d.*|(?:around )?\d{{1,2}}(?::\d\d)? ?[ap]m.*)$")


_PEELERS = (_peel_prep, _peel_approximator, _peel_modifier, _peel_determiner, _peel_day_part)


def _core(t: str, ctx: _Context, *, fallback: bool) -> Resolution | None:
    """Resolve a cleaned expression with no relation word in front."""
    lex = lexicon().raw
    if any(cue in t for cue in lex["age_cues"]):
        return None  # "62 years old" is an age, not a time
    rules = _rules()
    prep = None
    for _ in range(8):  # peel one layer at a time, trying the rules after each
        out = rules.apply(t, ctx)
        if out is not None:
            if out.kind == "duration" and prep and prep not in lex["duration_preps"]:
                return None  # "on two days" is not a duration we can use
            if out.kind == "duration" and prep == "in" and ctx.tense == "future":
                return _ahead(out, ctx) or out  # "talks will resume in two weeks"
            return out
        for peel in _PEELERS:
            stripped, word = peel(t)
            if stripped != t:
                if word and peel is _peel_prep:
                    prep = prep or word
                t = stripped
                break
        else:
            break
    if fallback and ctx.pub is not None:
        return _dateparser(t, ctx.pub, ctx.tense)
    return None


_UNIT_NAMES = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _ahead(duration: Resolution, ctx: _Context) -> Resolution | None:
    """The date a counted duration after publication ("in two weeks", future tense)."""
    m = re.fullmatch(r"P(\d+)([DWMY])", duration.value)
    if m is None or ctx.pub is None:
        return None
    value = _shift(ctx.pub, int(m.group(1)), _UNIT_NAMES[m.group(2)])
    return Resolution(value) if value else None


def _resolve_one(text: str, ctx: _Context, *, fallback: bool) -> Resolution | None:
    t = _clean(text)
    relation = "at"
    m = _relation_re().match(t)
    if m and m.end() < len(t):
        relation = lexicon().raw["relations"][m.group(1)]
        t = t[m.end() :]
    out = _core(t, ctx, fallback=fallback)
    if out is None:
        return None
    if relation != "at" and out.kind == "date":
        return Resolution(out.value, relation, out.kind)
    return out


_INTERVAL = re.compile(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*", re.I)


def resolve_span(
    text: str,
    pub_date: date | None,
    tense: Tense = "unknown",
    *,
    anchor: tuple[date, str] | None = None,
    fallback: bool = True,
) -> list[Piece]:
    """Resolve a candidate expression, splitting "from 2001 to 2005" into two pieces.

    Args:
        text: the expression as written ("since 2001", "Friday night", "2015-16").
        pub_date: the article's publication date, or ``None``.
        tense: the tense of the clause the expression modifies.
        anchor: ``(day, granularity)`` of the last date the article mentioned, for
            "three days later" and "the following week".
        fallback: try ``dateparser`` when no rule matches.

    Returns:
        The resolved pieces (offsets relative to ``text``); empty when nothing resolves.
        A split interval gives a ``since`` piece and an ``until`` piece.
    """
    ctx = _Context(pub_date, tense, anchor)
    whole = _resolve_one(text, ctx, fallback=False)
    if whole is not None:
        return [Piece(0, len(text), whole)]
    for sep in _INTERVAL.finditer(text):
        left, right = text[: sep.start()], text[sep.end() :]
        if not left.strip() or not right.strip():
            continue
        if sep.group(0).strip().lower() == "and" and not left.lower().startswith("between"):
            continue  # "Monday and Tuesday" is two days, not a range
        year = re.search(r"\b\d{4}$", right.strip())
        if year and not re.search(r"\b\d{4}\b", left):
            left_full = f"{left} {year.group(0)}"  # "June 3-5, 2019": the year is shared
        else:
            left_full = left
        first = _resolve_one(left_full, ctx, fallback=False)
        if first is None or first.kind != "date":
            continue
        second = _resolve_one(_complete(right, first.value), ctx, fallback=False)
        if second is None or second.kind != "date":
            continue
        second = range_end(right, first.value, second, ctx.pub) or second
        return [
            Piece(0, len(left), Resolution(first.value, "since")),
            Piece(sep.end(), len(text), Resolution(second.value, "until")),
        ]
    listed = _split_list(text, ctx)
    if listed:
        return listed
    last = _resolve_one(text, ctx, fallback=fallback)
    return [Piece(0, len(text), last)] if last is not None else []


_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\band\b|\bor\b)\s*", re.I)


def _split_list(text: str, ctx: _Context) -> list[Piece]:
    """Each member of a list ("in 2015 and 2016", "March 13, 21 and 23"), if all resolve."""
    bounds = [(m.start(), m.end()) for m in _LIST_SEP.finditer(text)]
    if not bounds:
        return []
    pieces: list[Piece] = []
    start = 0
    previous: Resolution | None = None
    for sep_start, sep_end in [*bounds, (len(text), len(text))]:
        part = text[start:sep_start]
        if not part.strip():
            return []
        completed = _complete(part, previous.value) if previous else part
        res = _resolve_one(completed, ctx, fallback=False)
        if res is None or res.kind != "date":
            return []
        pieces.append(Piece(start, sep_start, Resolution(res.value, res.relation)))
        previous, start = res, sep_end
    return pieces


def range_end(
    text: str, start_value: str, resolved: Resolution, pub_date: date | None
) -> Resolution | None:
    """Re-resolve the end of a range that came out before its start.

    "Between Monday and Friday" in a past clause resolves each day on its own, which can
    put Friday before Monday; the end is then the first such day after the start.
    Returns ``None`` when ``resolved`` is already fine or cannot be fixed.
    """
    start, end = as_anchor(start_value), as_anchor(resolved.value)
    if start is None or end is None or end[0] >= start[0] or pub_date is None:
        return None
    again = _resolve_one(text, _Context(start[0], "future", None), fallback=False)
    if again is None or again.kind != "date":
        return None
    fixed = as_anchor(again.value)
    return Resolution(again.value, resolved.relation) if fixed and fixed[0] >= start[0] else None


def _complete(right: str, left_value: str) -> str:
    """Borrow what the right end of a range leaves out: "2015-16", "March 3-5"."""
    r = right.strip()
    if re.fullmatch(r"\d{2}", r) and re.fullmatch(r"\d{4}", left_value):
        return left_value[:2] + r
    day = re.fullmatch(r"(\d{1,2})(?:,? \d{4})?", r)
    if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", left_value):
        return f"{left_value[:7]}-{int(day.group(1)):02d}"
    return right


def resolve(
    text: str,
    pub_date: date | None,
    tense: Tense = "unknown",
    *,
    anchor: tuple[date, str] | None = None,
    fallback: bool = True,
) -> Resolution | None:
    """The first piece of :func:`resolve_span`, or ``None``."""
    pieces = resolve_span(text, pub_date, tense, anchor=anchor, fallback=fallback)
    return pieces[0].resolution if pieces else None


def normalize(
    text: str,
    pub_date: date | None,
    tense: Tense = "unknown",
    *,
    anchor: tuple[date, str] | None = None,
) -> str | None:
    """The TIMEX3 value of ``text`` against ``pub_date`` (``None`` if it does not resolve).

    >>> normalize("last year", date(2017, 8, 7))
    '2016'
    >>> normalize("on Tuesday", date(2017, 8, 7), tense="future")
    '2017-08-08'
    """
    res = resolve(text, pub_date, tense, anchor=anchor)
    return res.value if res else None


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


def warm_up() -> None:
    """Load the lexicon and compile every rule and scanner pattern (once per process).

    dateparser is not loaded: it is only needed for rare formats and takes about a
    second to warm up, so it is imported on its first use.
    """
    _rules()
    _scanner()
    _day_part_re()
    _determiner_re()
    _relation_re()
    for key in ("preps", "approximators", "modifiers", "duration_determiners"):
        _prefix_re(key)


def is_calendar_value(value: str) -> bool:
    """True for values that place something on the calendar (not ``P2Y``/``PAST_REF``)."""
    return bool(value) and value[0].isdigit()


# ----------------------------------------------------------------------------- fallback

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


# ----------------------------------------------------------------------------- scanning


def _title_words(name: str) -> str:
    """A case-sensitive regex for a lexicon name as written in prose ("New Year's Day")."""
    words = [re.escape(w[:1].upper() + w[1:]) for w in name.split()]
    return r"\s+".join(words).replace("'", "['’]")


@dataclass(frozen=True, slots=True)
class _Scan:
    """A scanner pattern; ``left`` extends a hit with what precedes it ("two" years ago).

    Anchoring on the rare part ("ago", a month name) and looking left afterwards is
    several times faster than a pattern that starts with a long alternation.
    """

    pattern: re.Pattern[str]
    left: re.Pattern[str] | None = None
    left_required: bool = False


@functools.cache
def _scanner() -> list[_Scan]:
    """Regexes for expressions spaCy's NER tends to miss or cut short.

    Month and weekday names must be capitalised; a bare month also needs a cue word
    before it ("in May", not "may"). Each pattern's group ``x`` (or the whole match) is
    the expression.
    """
    raw = lexicon().raw
    full_months = [m for m in raw["months"] if len(m) > 3 or m == "may"]
    month = "|".join(
        _title_words(m) + (r"\.?" if len(m) <= 4 else "")
        for m in sorted(raw["months"], key=len, reverse=True)
    )
    bare_month = "|".join(_title_words(m) for m in sorted(full_months, key=len, reverse=True))
    weekday = "|".join(_title_words(w) for w in raw["weekdays"])
    holiday = "|".join(_title_words(h) for h in sorted(lexicon().holidays, key=len, reverse=True))
    unit = (
        r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries)"
    )
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    year = r"(?:1[89]|20)\d\d"
    number = _alternation(raw["numbers"])
    count = rf"\d+|(?:{number})(?:[ -](?:{number}))?"
    vague = _alternation(raw["vague_numbers"])
    month_cue = (
        r"(?i:\b(?:in|since|until|till|by|last|next|this|early|late|during|from|through|of"
        r"|before|after|around)\s+|\bmid-)$"
    )

    def c(first: str, body: str, flags: int = 0) -> re.Pattern[str]:
        # a lookahead on the possible first letters lets ``re`` skip most positions fast
        return re.compile(rf"(?=[{first}])\b(?:{body})", flags)

    i = re.IGNORECASE
    return [
        _Scan(
            c(
                "0-9A-Z",
                rf"(?:(?:{weekday}),?\s+)?(?:{day}\s+(?:of\s+)?(?:{month})(?:,?\s+{year})?"
                rf"|(?:{month})\s+{day}\b(?:,?\s+{year})?|(?:{month})\s+(?:of\s+)?{year})\b",
            )
        ),
        _Scan(c("JFMASOND", rf"(?:{bare_month})\b"), re.compile(month_cue), left_required=True),
        _Scan(
            c(
                "LlTtNnPpCcMWFS",
                rf"(?:(?i:last|this|next|past|coming)\s+)?(?:{weekday})"
                rf"(?:\s+(?i:morning|afternoon|evening|night))?\b",
            )
        ),
        _Scan(
            c(
                "YyTtLl",
                r"(?:yesterday|today|tonight|tomorrow|last\s+night"
                r"|this\s+(?:morning|afternoon|evening))\b",
                i,
            )
        ),
        _Scan(
            c(
                "EeLlTtNnPp",
                r"(?:(?:earlier|later|early|late)\s+)?(?:the\s+)?(?:last|this|next|past)\s+"
                r"(?:week|month|year|weekend|decade|summer|winter|spring|autumn|fall)\b",
                i,
            )
        ),
        _Scan(
            c("SsMmHhDdWwFfYyCc", rf"{unit}\s+ago\b", i),
            re.compile(rf"\b(?:{count}|{vague})[\s-]+$", i),
        ),
        _Scan(
            c(
                "Tt",
                r"(?:the\s+(?:following|next|previous|preceding|same)|that)\s+"
                r"(?:day|week|month|year)\b",
                i,
            )
        ),
        _Scan(
            c(
                "IiSsUuBbFfDdAaOo",
                rf"(?:in|since|until|by|from|during|before|after|of)\s+"
                rf"(?P<x>(?:the\s+)?{year}(?:'?s)?)\b",
                i,
            )
        ),
        _Scan(c("Tt", r"the\s+(?:(?:early|late|mid)[- ])?(?:(?:1[89]|20)?\d0|'\d0)'?s\b", i)),
        _Scan(
            c(
                "TtSsAaFfWw",
                rf"(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?{year}\b",
                i,
            )
        ),
        _Scan(c("IiFfOo", r"(?:in|for|over)\s+(?:decades|years|months|weeks)\b", i)),
        _Scan(c("A-Z", rf"(?:{holiday})\b")),
    ]


def scan(text: str) -> list[tuple[int, int]]:
    """Character spans of likely time expressions in ``text`` (overlaps allowed).

    The component unites these with spaCy's ``DATE``/``TIME`` entities; whatever does
    not resolve afterwards is dropped, so a loose match costs nothing but a lookup.
    """
    spans: list[tuple[int, int]] = []
    for entry in _scanner():
        pattern = entry.pattern
        for m in pattern.finditer(text):
            group = "x" if "x" in pattern.groupindex and m.group("x") else 0
            start, end = m.start(group), m.end(group)
            if entry.left is not None:
                left = entry.left.search(text, max(0, start - 40), start)
                if left is None and entry.left_required:
                    continue
                if left is not None and not entry.left_required:
                    start = left.start()
            spans.append((start, end))
    return sorted(spans)


__all__ = [
    "Piece",
    "Resolution",
    "Tense",
    "as_anchor",
    "is_calendar_value",
    "lexicon",
    "normalize",
    "range_end",
    "resolve",
    "resolve_span",
    "scan",
    "warm_up",
]
