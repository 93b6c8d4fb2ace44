"""The time vocabulary (``data/lexicon.json``, ``data/holidays.tsv``) and text cleaning.

The lexicon is general English (month and number words, units, modifiers, holiday
rules; see ``data/README.md``); it is read once per process and its regexes compiled
once. Number words and units are turned into amounts and TIMEX3 durations here.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The vocabulary of ``data/`` (this package's) with its regexes compiled once."""

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
    base = resources.files("dotterel.timex").joinpath("data")
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


__all__ = ["Lexicon", "lexicon"]
