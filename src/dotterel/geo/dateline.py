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
# "Hanoi (VNA) –": a mixed-case name is a dateline only with the agency in brackets.
_AGENCY_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
    r"(?:\s*,\s*[A-Z][A-Za-z.'\- ]{1,30}?)?"
    r"\s*\((?P<agency>[A-Z][A-Za-z.&' ]{1,30})\)\s*(?:—|–|--|-|:)(?=\s)",
    re.MULTILINE,
)
# "LONDON The Latest ...": an upper-case name opening the text, with no dash after it.
_BARE_DATELINE = re.compile(r"\A\s*(?P<place>[A-Z]{3,}(?: [A-Z]{3,})?)[ \t]+(?=[A-Z][a-z])")


def find_datelines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every dateline place name at the start of a line.

    Pages that hold several stories (or a story after a teaser) carry one dateline
    per story, each at the start of its own line.
    """
    found = {(m.start("place"), m.end("place")) for m in _DATELINE.finditer(text)}
    found |= {(m.start("place"), m.end("place")) for m in _AGENCY_DATELINE.finditer(text)}
    if not found:
        found |= {(m.start("place"), m.end("place")) for m in _BARE_DATELINE.finditer(text)}
    return sorted(found)


def find_dateline(text: str) -> tuple[int, int] | None:
    """The first dateline's place name, or ``None`` when the article has none."""
    found = find_datelines(text)
    return found[0] if found else None


__all__ = ["find_dateline", "find_datelines"]
