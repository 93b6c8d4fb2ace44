"""Which tokens are prose: lines that are photo credits, bylines or tag lists never
yield actors, and quoted tokens matter to coreference (a quote's "we" is its speaker)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from dotterel.components._syntax import doc_text

LOGGER = logging.getLogger(__name__)

#: A line with one of these is a photo credit or a byline, never prose.
CREDIT = re.compile(
    r"(\bphotos?\b|\bphotograph|\bimages?\b|\bgetty\b|\bcredit\b|\bcourtesy\b|"
    r"\bfile photo\b|\bpool\b.*/|/\s*[A-Z][a-z]+\s+[A-Z]|"
    r"^\s*by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+)*\s*$)",
    re.IGNORECASE,
)


def non_prose(doc: Doc) -> bytearray:
    """Tokens on lines that are photo credits, bylines or keyword lists (1 = skip)."""
    skip = bytearray(len(doc))
    text = doc_text(doc)
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        words = [t for t in span if not t.is_space and not t.is_punct]
        short = len(words) <= 12
        has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
        ends_like_prose = stripped[-1] in ".!?\"”'’:)"
        credit = short and (not has_verb or "/" in stripped) and bool(CREDIT.search(stripped))
        tags = short and not has_verb and not ends_like_prose and stripped.islower()
        if credit or tags:
            for t in span:
                skip[t.i] = 1
    return skip


def quote_mask(doc: Doc, toks: Sequence[Token] | None = None) -> bytearray:
    """Tokens inside quotation marks (1 = quoted); the marks themselves open or close.

    ``toks``: the Doc's tokens if the caller already made them (saves making them again).
    """
    in_quote = bytearray(len(doc))
    inside = False
    for t in doc if toks is None else toks:
        ch = t.text
        if ch in ("“", "«"):
            inside = True
        elif ch in ("”", "»"):
            inside = False
        elif ch == '"' or ch == "''" or ch == "``":
            inside = not inside
        in_quote[t.i] = inside
    return in_quote
