"""Resolving a candidate expression into pieces: single values, ranges and lists.

"from 2001 to 2005" is two pieces (``since`` and ``until``), "in 2015 and 2016" one per
member; :func:`normalize` is the one-value shortcut.
"""

from __future__ import annotations

import re
from datetime import date

from dotterel.timex._calendar import as_anchor
from dotterel.timex._lexicon import _prefix_re
from dotterel.timex._rules import (
    _day_part_re,
    _determiner_re,
    _relation_re,
    _resolve_one,
    _rules,
)
from dotterel.timex._scan import _scanner
from dotterel.timex._values import Piece, Resolution, Tense, _Context

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
        if second is not None and second.kind == "duration" and sep.group(0).strip() == "to":
            # a date, then what someone was sentenced or extended to: "jailed in January
            # to six years" is a day and a length, not a range (NER takes both as one)
            return [Piece(0, len(left), first), Piece(sep.end(), len(text), second)]
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


__all__ = ["normalize", "range_end", "resolve", "resolve_span", "warm_up"]
