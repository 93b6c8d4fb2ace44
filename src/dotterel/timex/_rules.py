"""The ordered normalisation rules and the peeling loop that applies them.

:class:`_Rules` compiles the rule patterns from the lexicon (once per process) and tries
them in order; the rule methods live in the mixins of ``_rules_named`` and
``_rules_relative``. :func:`_resolve_one` cleans an expression, takes off a relation
word ("since"), then peels prepositions, modifiers and parts of the day one layer at a
time until a rule matches; ``dateparser`` is the last resort (``_fallback``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from dotterel.timex._calendar import _iso_week, _shift, as_anchor
from dotterel.timex._fallback import _dateparser
from dotterel.timex._lexicon import _alternation, _clean, _strip, lexicon
from dotterel.timex._rules_named import _NamedDateRules
from dotterel.timex._rules_relative import _RelativeRules
from dotterel.timex._values import Resolution, _Context


class _Rules(_NamedDateRules, _RelativeRules):
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

    def _week_of(self, m: re.Match[str], ctx: _Context) -> str | None:
        """ "The week of March 5": the ISO week (or its weekend) holding that day."""
        inner = _core(m["rest"], ctx, fallback=False)
        day = as_anchor(inner.value) if inner and inner.kind == "date" else None
        if day is None or day[1] != "day":
            return None
        return _iso_week(day[0]) + ("-WE" if m["u"] == "weekend" else "")

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
