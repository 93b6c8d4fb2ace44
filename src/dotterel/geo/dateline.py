"""Find a news dateline ("KABUL, Afghanistan (Reuters) —") at the top of an article.

The forms agencies write: an upper-case name, up to two qualifiers (a region, a date:
"KABUL, Afghanistan, Dec. 5, 2020"), an agency in brackets, then a dash or a colon
("KABUL —", "KABUL:", "ABUJA—"), TASS's "MOSCOW, April 5. /TASS/.", or a one-word agency
and no dash ("KABUL (AFP) Gunmen ..."); a mixed-case name only with the agency
("Kabul, Dec 5 (IANS):"); and an upper-case name opening the text ("LONDON The ...").

Both the toponym component (to geocode the dateline even when NER tags it as an ORG)
and the event-place component (the dateline is the fallback location of an event) need
the same answer, so the pattern lives here once.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "Dec. 5", "December 5, 2020", "5 December 2020": a dateline often carries the date.
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
# Up to two qualifiers after the name: ", Afghanistan", ", Dec. 5", ", Pakistan, Dec 5".
_QUALIFIERS = rf"(?:\s*,\s*(?:{_DATE}|[A-Z][A-Za-z.'\- ]{{1,30}}?)){{0,2}}"
# What closes a dateline: a dash (a long one may touch the text: "ABUJA—Gunmen"), a
# colon, or TASS's "/TASS/."; or, after a one-word agency in brackets, nothing at all
# ("KABUL (AFP) Gunmen ...").
_DASH = r"(?:(?:—|–|--)(?=\s|\(|[A-Z\"“])|(?:-|:)(?=\s|\())"
_CLOSE = (
    rf"(?:\s*\((?P<agency>[^)\n]{{1,40}})\)\s*{_DASH}"
    rf"|\s*\([A-Z][A-Za-z.&/]{{1,11}}\)[ \t]+(?=[A-Z\"“])"
    rf"|\s*{_DASH}|\.?\s*/[A-Z]{{2,10}}/\.?)"
)
# An upper-case place name at the very start of a line, its qualifiers, then the close.
# Upper case is what separates a dateline from a sentence that happens to begin with a
# name and a dash.
_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[A-Z][A-Z.'\- ]{{1,40}}?[A-Z.]){_QUALIFIERS}{_CLOSE}",
    re.MULTILINE,
)
# "Hanoi (VNA) –", "Kabul, Dec 5 (IANS):": a mixed-case name is a dateline only with the
# agency in brackets.
_AGENCY_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,2}}){_QUALIFIERS}"
    rf"\s*\((?P<agency>[A-Z][A-Za-z.&' ]{{1,30}})\)\s*{_DASH}",
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
