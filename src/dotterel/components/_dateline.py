"""The article's datelines, read once per document for every component that asks.

``geo/dateline.py`` owns the pattern; this module caches its answer on the Doc (the
actors, events and places components all need it) and maps it to tokens.
"""

from __future__ import annotations

from dataclasses import astuple

from spacy.tokens import Doc

from dotterel.components._syntax import doc_text
from dotterel.geo.dateline import OPENING_LINES, Dateline, read_datelines


def datelines(doc: Doc) -> list[Dateline]:
    """The document's datelines in text order, read once per document."""
    cached = doc.user_data.get(_DATELINES)
    if cached is None:  # plain tuples: user_data must stay serialisable
        cached = doc.user_data[_DATELINES] = [astuple(d) for d in read_datelines(doc_text(doc))]
    return [Dateline(*row) for row in cached]


def dateline_places(doc: Doc) -> list[tuple[int, int]]:
    """``[start, end)`` of every dateline's place name, for a reader that checks the place
    (a mixed-case one without an agency, "Lagos:", is a dateline only if it is known)."""
    return [(d.start, d.end) for d in datelines(doc)]


def in_opening(doc: Doc, dateline: Dateline) -> bool:
    """Whether ``dateline`` opens one of the article's first lines (a title and a byline
    may come first)."""
    return doc_text(doc).count("\n", 0, dateline.start) < OPENING_LINES


def opening_dateline(doc: Doc) -> Dateline | None:
    """The article's dateline: the first sure one in the opening lines, else the first
    mixed-case one without an agency there ("The Latest:" above "WASHINGTON (AP) —" is a
    label; "Lagos:" alone is the dateline); ``None`` when there is none."""
    found = [d for d in datelines(doc) if in_opening(doc, d)]
    sure = [d for d in found if not d.named_only]
    first = sure or found
    return first[0] if first else None


def opening_dateline_span(doc: Doc) -> tuple[int, int]:
    """``[start, end)`` token indices of the opening dateline, ``(0, 0)`` when there is
    none; kept on the Doc (the events component asks for every argument it weighs).
    Only the dateline itself is passed over: a headline above it is the story's news.

    A mixed-case opening without an agency ("Lagos:", "Update:") counts unchecked: only
    the words before its dash or colon are passed over, and those are a place or a label
    ("Update"), seldom the story's actor.
    """
    span = doc.user_data.get(_OPENING_SPAN)
    if not isinstance(span, tuple):
        dateline = opening_dateline(doc)
        span = dateline_tokens(doc, dateline) if dateline is not None else (0, 0)
        doc.user_data[_OPENING_SPAN] = span
    return span


def dateline_tokens(doc: Doc, dateline: Dateline) -> tuple[int, int]:
    """``[start, end)`` token indices of the whole dateline (place, agency and dash)."""
    span = doc.char_span(dateline.start, dateline.close, alignment_mode="expand")
    if span is None:  # only on offsets past the text, which a dateline never has
        return 0, 0
    return span.start, span.end


_DATELINES = "dotterel_datelines"
_OPENING_SPAN = "dotterel_opening_dateline"

__all__ = [
    "dateline_places",
    "dateline_tokens",
    "datelines",
    "in_opening",
    "opening_dateline",
    "opening_dateline_span",
]
