"""Span boundary rules: which characters a source or a content covers.

Owns PolNeAR's span conventions in character offsets: a noun phrase's subtree or
name core, a source with its appositions but without a comma-set clause, trimming of
dangling punctuation and conjunctions, a parsed content kept inside its cue's
paragraph, and an "according to X" closing a quotation sourcing all of it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right

from spacy.tokens import Token

from dotterel.components.attribution._candidate import Candidate

LOGGER = logging.getLogger(__name__)

TRIM = " \t\n,;:.—–-\xa0"
TRAILING_WORDS_RE = re.compile(r"(?:[\s,;]+(?:and|but|or|as|while|so))+$", re.I)
SOURCE_JUNK = frozenset(" \t\n\xa0”“\"'’,;:—–-")


def span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Strip spaces and dangling punctuation, but keep closing quotation marks."""
    start, end = span
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    tail = TRAILING_WORDS_RE.search(text, start, end)
    if tail and tail.end() == end:
        end = tail.start()
        while end > start and text[end - 1] in TRIM:
            end -= 1
    return (start, end) if end > start else None


def trim_source(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A source without stray quotation marks or line breaks from a parse across them."""
    start, end = span
    while start < end and text[start] in SOURCE_JUNK:
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else span


def core_span(head: Token) -> tuple[int, int]:
    """The name part of a noun phrase: up to its head, without appositions or clauses."""
    left = head.left_edge
    end_tok = head
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"} and child.i == end_tok.i + 1:
            end_tok = child
        else:
            break
    return left.idx, end_tok.idx + len(end_tok.text)


#: Right-hand dependents of a source's head that PolNeAR leaves out of the source
#: when a comma sets them off: an adverbial clause or participle ("..., when
#: contacted by Reuters,", "..., referring to ..."). Appositions ("Ann Lee, a
#: lawyer,") and descriptive relative clauses ("Ann Lee, who runs the fund,") stay.
SOURCE_DROP_DEPS = frozenset({"advcl", "acl"})


def source_span(head: Token, cues: frozenset[str]) -> tuple[int, int]:
    """A source noun phrase with its appositions, without a comma-set clause after it.

    A relative clause that reports something itself ("Weaver, who said ...",
    "Hoff, who declined to comment,") is an attribution of its own in PolNeAR, not a
    description of the source: it is left out too.
    """
    right = head.right_edge
    for child in head.rights:
        if child.dep_ == "relcl":
            if not any(t.lemma_.lower() in cues and t.pos_ == "VERB" for t in child.subtree):
                continue
        elif child.dep_ not in SOURCE_DROP_DEPS:
            continue
        prev = child.left_edge.nbor(-1) if child.left_edge.i > 0 else None
        if prev is not None and prev.text == "," and prev.i > head.i:
            right = prev.nbor(-1)
            break
    return head.left_edge.idx, right.idx + len(right.text)


def clip_to_paragraph(
    span: tuple[int, int], cue: tuple[int, int], para_starts: list[int], n: int
) -> tuple[int, int]:
    """A parsed clause stays in its cue's paragraph.

    The parser links words across a paragraph break (a heading, a quotation closing
    the paragraph before); only quotation marks carry what is said over a break, and
    quotations are attached separately.
    """
    k = bisect_right(para_starts, cue[0]) - 1
    lo = para_starts[k]
    hi = para_starts[k + 1] if k + 1 < len(para_starts) else n
    start, end = max(span[0], lo), min(span[1], hi)
    return (start, end) if start < end else span


def quote_scope(
    text: str, quotes: list[tuple[int, int]], starts: list[int], f: Candidate
) -> tuple[int, int] | None:
    """An "according to X" that closes a quotation sources the whole quotation."""
    assert f.content is not None
    k = bisect_right(starts, f.cue[0]) - 1
    if k < 0 or not quotes[k][0] < f.cue[0] < quotes[k][1]:
        return f.content
    end = f.source[1] if f.source else f.cue[1]
    if text[end : quotes[k][1]].strip(" .,;!?\"'”’»") == "":
        return trim(text, (quotes[k][0] + 1, f.cue[0]))
    return f.content
