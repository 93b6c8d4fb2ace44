"""Which tokens are prose: lines that are photo credits, bylines or tag lists never
yield actors, and quoted tokens matter to coreference (a quote's "we" is its speaker)."""

from __future__ import annotations

import logging
import re

from spacy import symbols
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc

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
    # per token, whether it is a word and whether it is a verb, read off the token array
    # once: reading each line's Tokens in Python cost more than the rest of this step
    flags = doc.to_array([IS_SPACE, IS_PUNCT, POS]).tolist()
    is_word = [not (space or punct) for space, punct, _ in flags]
    is_verb = [pos in _VERB_POS_IDS for _, _, pos in flags]
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
        lo, hi = span.start, span.end
        short = sum(is_word[lo:hi]) <= 12
        has_verb = any(is_verb[lo:hi])
        ends_like_prose = stripped[-1] in ".!?\"”'’:)"
        credit = short and (not has_verb or "/" in stripped) and bool(CREDIT.search(stripped))
        tags = short and not has_verb and not ends_like_prose and stripped.islower()
        if credit or tags:
            skip[lo:hi] = b"\x01" * (hi - lo)
    return skip


#: The parts of speech of verbs, as the ids ``Doc.to_array`` gives.
_VERB_POS_IDS = frozenset(symbols.IDS[pos] for pos in ("VERB", "AUX"))


def quote_mask(doc: Doc) -> bytearray:
    """Tokens inside quotation marks (1 = quoted); the marks themselves open or close."""
    in_quote = bytearray(len(doc))
    inside = False
    # on the token array: reading each Token's text costs more than the whole walk
    for i, orth in enumerate(doc.to_array([ORTH]).tolist()):
        if orth in _OPENING:
            inside = True
        elif orth in _CLOSING:
            inside = False
        elif orth in _EITHER:
            inside = not inside
        in_quote[i] = inside
    return in_quote


#: Quotation marks as the ids ``Doc.to_array`` gives: opening, closing, and those that
#: open or close by turn.
_OPENING = frozenset(get_string_id(m) for m in ("“", "«"))
_CLOSING = frozenset(get_string_id(m) for m in ("”", "»"))
_EITHER = frozenset(get_string_id(m) for m in ('"', "''", "``"))
