"""Quotation finding: where each quotation starts and ends, marks included.

Owns the quotation-mark conventions (curly, guillemets, straight and TeX-style marks,
a quotation reopened in each paragraph it runs over) and the position tests on the
sorted quotation list that the other parts use.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right

LOGGER = logging.getLogger(__name__)

OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
QUOTE_RE = re.compile(r'\'\'|``|[“”«»„"]|\n+')


def find_quotes(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every quotation, marks included.

    A quotation left open at a paragraph's end continues when the next paragraph opens
    with a quotation mark (the newspaper convention for a quote over several
    paragraphs); otherwise it is dropped as unbalanced. Straight marks open after a
    space, bracket or dash and close elsewhere.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    pending_break = False  # an open quotation met a paragraph break
    for m in QUOTE_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if ch[0] == "\n":
            if open_at is not None:
                pending_break = True
            continue
        if ch == "``":
            ch = "“"
        if ch in {'"', "''"}:
            prev = text[pos - 1] if pos else " "
            opening = (
                prev.isspace() or prev in "([{—–-/" or (open_at is None and not prev.isalnum())
            )
            if open_at is not None and not pending_break:
                opening = False
        else:
            opening = ch in OPEN_MARKS
        if pending_break:
            pending_break = False
            starts_paragraph = not text[text.rfind("\n", 0, pos) + 1 : pos].strip()
            if opening and starts_paragraph:
                continue  # the same quotation goes on in a new paragraph
            open_at = None
        if opening:
            open_at = pos
        elif open_at is not None:
            spans.append((open_at, m.end()))
            open_at = None
    return spans


def close_quotes(
    quotes: list[tuple[int, int]], starts: list[int], span: tuple[int, int]
) -> tuple[int, int]:
    """Extend a content span so that it never cuts a quotation it opens."""
    k = bisect_right(starts, span[1] - 1) - 1
    if k >= 0 and span[0] <= quotes[k][0] < span[1] < quotes[k][1]:
        return span[0], quotes[k][1]
    return span


def inside_quotation(quotes: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls strictly inside a quotation."""
    k = bisect_right(starts, pos) - 1
    return k >= 0 and quotes[k][0] < pos < quotes[k][1]
