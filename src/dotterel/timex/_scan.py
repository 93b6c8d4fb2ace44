"""Finding likely time expressions in text that spaCy's NER misses or cuts short."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dotterel.timex._lexicon import _alternation, lexicon


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


__all__ = ["scan"]
