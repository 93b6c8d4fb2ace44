"""Discourse structure that coreference reads off a parsed document: quotations and
who speaks them, which sentences are narrative and which wholly quoted, and the fronted
clauses whose understood subject is the main clause's subject. The rules that use them
live in :mod:`dotterel.components.coref` and :mod:`._anaphora`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from spacy.tokens import Token

from dotterel.components.actors._state import DocState, RawMention

LOGGER = logging.getLogger(__name__)


def narrative_index(
    sent_starts: Sequence[int], in_quote: bytearray, toks: Sequence[Token]
) -> list[int]:
    """Per sentence, its index among the sentences that are not wholly quoted (a wholly
    quoted sentence gets the index of the narrative sentence before it). A pronoun in
    the narrative counts its distance in these: "He said, “... (five sentences) ...”
    He then left." -- the quotation does not push the speaker out of reach."""
    out: list[int] = []
    n = -1
    bounds = [*sent_starts[1:], len(toks)]
    for lo, hi in zip(sent_starts, bounds, strict=True):
        quoted = all(in_quote[k] or toks[k].is_punct for k in range(lo, hi))
        if not quoted or n < 0:
            n += 1
        out.append(n)
    return out


#: Dependencies of a fronted adverbial phrase whose understood subject is the main one.
_ADVERBIAL_DEPS = frozenset({"advcl", "prep"})


def controlled_clause(pron: Token) -> tuple[int, int] | None:
    """The fronted adverbial clause without a subject ("While challenging X to ...",
    "After meeting X") before a main-clause subject pronoun, as a token range: the
    clause's understood subject is the pronoun itself, so the names inside it are not
    what the pronoun refers to ("After meeting Obama, he said": he is not Obama)."""
    if pron.dep_ not in ("nsubj", "nsubjpass") or pron.head.dep_ != "ROOT":
        return None
    for child in pron.head.children:
        if child.i >= pron.i or child.dep_ not in _ADVERBIAL_DEPS:
            continue
        verb = child
        if child.dep_ == "prep":
            verb = next((c for c in child.children if c.dep_ == "pcomp"), child)
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBG", "VBN"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        # up to the pronoun: clauses inside it are often parsed as the main verb's own
        # ("While urging X to ask if Y was ..., he": the "if" clause hangs off the verb)
        return (child.left_edge.i, pron.i - 1)
    return None


def quotations(in_quote: bytearray) -> list[tuple[int, int]]:
    """The quotations as token ranges ``[lo, hi)`` (runs of quoted tokens; a quotation
    that runs over paragraphs, each reopened with a mark, is one run)."""
    out: list[tuple[int, int]] = []
    lo = -1
    for i, q in enumerate(in_quote):
        if q and lo < 0:
            lo = i
        elif not q and lo >= 0:
            out.append((lo, i))
            lo = -1
    if lo >= 0:
        out.append((lo, len(in_quote)))
    return out


def quote_speaker(
    st: DocState,
    lo: int,
    hi: int,
    speakers: dict[int, list[RawMention]],
    wanted: Callable[[RawMention], bool],
) -> RawMention | None:
    """Who speaks the quotation ``[lo, hi)``: a wanted source (a mention that is the
    subject of a reporting verb outside quotes, by sentence in ``speakers``) in the
    sentence the quotation closes in ("“...,” she said"), then the one it opens in ("He
    said: “..."), then the next sentence, then the one before."""
    first, last = st.sent_of(lo), st.sent_of(max(hi - 1, lo))
    for k in dict.fromkeys((last, first, last + 1, first - 1)):
        for m in speakers.get(k, ()):
            if wanted(m):
                return m
    return None
