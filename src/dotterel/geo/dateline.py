"""Find a news dateline ("KABUL, Afghanistan (Reuters) —") at the top of an article.

The forms agencies write: an upper-case name, up to two qualifiers (a region, a date:
"KABUL, Afghanistan, Dec. 5, 2020"), an agency in brackets, then a dash or a colon
("KABUL —", "KABUL:", "ABUJA—"), TASS's "MOSCOW, April 5. /TASS/.", or a one-word agency
and no dash ("KABUL (AFP) Gunmen ..."); a mixed-case name only with the agency
("Kabul, Dec 5 (IANS):"); an upper-case name after a byline on its line ("By Ann Lee.
BOSTON (Reuters) -"); an upper-case name opening the text ("LONDON The ..."); and,
in the opening lines only, a mixed-case name before a dash or colon ("Lagos: Gunmen ...",
"Baku, Azerbaijan --"), which is a dateline only when the reader knows the place.

Every component that asks needs the same answer, so the pattern lives here once: the
actors component (a dateline is never an actor; its place gives the article's country),
the events component (never an argument), the toponym component (to geocode the dateline
even when NER tags it as an ORG) and the event-place component (the dateline is the
fallback location of an event). ``read_datelines`` gives each whole dateline,
``find_datelines`` the place names of the sure ones; ``components/_dateline.py`` reads
them once per Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    rf"|\s*\((?P<word_agency>[A-Z][A-Za-z.&/]{{1,11}})\)[ \t]+(?=[A-Z\"“])"
    rf"|\s*{_DASH}|\.?\s*/(?P<slash_agency>[A-Z]{{2,10}})/\.?)"
)
# An upper-case place name at the very start of a line, its qualifiers, then the close.
# Upper case is what separates a dateline from a sentence that happens to begin with a
# name and a dash. A byline may run onto the dateline's line ("By Ann Lee. BOSTON
# (Reuters) -"), as pages flattened to text often have it.
_BYLINE = r"(?:By[ \t]+[A-Z][A-Za-z.'\- ]{1,40}?\.[ \t]+)?"
_DATELINE = re.compile(
    rf"^[ \t]*{_BYLINE}(?P<place>[A-Z][A-Z.'\- ]{{1,40}}?[A-Z.]){_QUALIFIERS}{_CLOSE}",
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

# "Lagos: Gunmen ...", "Baku, Azerbaijan -- ...": a mixed-case name and no agency, as
# Indian and African papers write them. A sentence can open so too ("Update: ..."), so it
# is read only in the opening lines and only the reader that knows the place may take it.
_NAMED_DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[A-Z][A-Za-z.'\-]*(?:[ \t]+[A-Z][A-Za-z.'\-]*){{0,3}}){_QUALIFIERS}"
    rf"[ \t]*(?:—|–|--?|:)[ \t]+(?=\S)",
    re.MULTILINE,
)

#: How many lines from the top a mixed-case dateline without an agency may open (a title
#: and a byline may come first).
OPENING_LINES = 4


@dataclass(frozen=True)
class Dateline:
    """One dateline: where its place name lies and where the whole dateline ends.

    Attributes:
        start: first character of the place name.
        end: first character after the place name.
        close: first character after the dateline (its qualifiers, agency and dash).
        agency: the wire agency it names, as written ("AP" of "(AP)", "TASS" of
            "/TASS/"); empty when it names none.
        named_only: a mixed-case name with no agency ("Lagos:"): a dateline only when
            the reader knows the place (a sentence can open so).
    """

    start: int
    end: int
    close: int
    agency: str = ""
    named_only: bool = False


def read_datelines(text: str) -> list[Dateline]:
    """Every dateline at the start of a line, in text order.

    Pages that hold several stories (or a story after a teaser) carry one dateline
    per story, each at the start of its own line.
    """
    found: dict[int, Dateline] = {}
    for m in (*_DATELINE.finditer(text), *_AGENCY_DATELINE.finditer(text)):
        groups = m.groupdict()
        agency = next(
            (groups[g] for g in ("agency", "word_agency", "slash_agency") if groups.get(g)), ""
        )
        start = m.start("place")
        if start not in found:
            found[start] = Dateline(start, m.end("place"), m.end(), agency=agency.strip())
    if not found:
        for m in _BARE_DATELINE.finditer(text):
            found[m.start("place")] = Dateline(m.start("place"), m.end("place"), m.end())
    opening = len("\n".join(text.split("\n", OPENING_LINES)[:OPENING_LINES]))
    for m in _NAMED_DATELINE.finditer(text, 0, opening):
        start = m.start("place")
        if start not in found:
            close = len(m.group(0).rstrip()) + m.start()
            found[start] = Dateline(start, m.end("place"), close, named_only=True)
    return [found[k] for k in sorted(found)]


def find_datelines(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every sure dateline's place name (``named_only`` left out)."""
    return [(d.start, d.end) for d in read_datelines(text) if not d.named_only]


def find_dateline(text: str) -> tuple[int, int] | None:
    """The first dateline's place name, or ``None`` when the article has none."""
    found = find_datelines(text)
    return found[0] if found else None


__all__ = ["OPENING_LINES", "Dateline", "find_dateline", "find_datelines", "read_datelines"]
