"""Find a news dateline ("KABUL, Afghanistan (Reuters) —") at the top of an article.

Both the toponym component (to geocode the dateline even when NER tags it as an ORG)
and the event-place component (the dateline is the fallback location of an event) need
the same answer, so the pattern lives here once.
"""

from __future__ import annotations

import re

# An upper-case place name at the very start, optionally ", Region", optionally
# "(Agency)", then a dash. Upper case is what separates a dateline from a sentence
# that happens to begin with a name and a dash.
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'\- ]{1,40}?[A-Z.])"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z0-9.'\- ]{1,30}?))?"
    r"\s*(?:\((?P<agency>[^)\n]{1,40})\)\s*)?"
    r"(?:—|–|--|-|:)(?=\s|\()",
    re.MULTILINE,
)


def find_datelines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every dateline place name at the start of a line.

    Pages that hold several stories (or a story after a teaser) carry one dateline
    per story, each at the start of its own line.
    """
    return [(m.start("place"), m.end("place")) for m in _DATELINE.finditer(text)]


def find_dateline(text: str) -> tuple[int, int] | None:
    """The first dateline's place name, or ``None`` when the article has none."""
    found = find_datelines(text)
    return found[0] if found else None


__all__ = ["find_dateline", "find_datelines"]
