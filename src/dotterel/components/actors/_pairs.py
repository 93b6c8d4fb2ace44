"""Step 5b, pairs: "each country", "both governments", "the two countries" stand for the
two states named last. One mention of each over the same words (as for a compound
dictionary code), so the events component makes an act of the pair an act of each, as
CAMEO codes a reciprocal act ("Each country expelled the other's diplomats") as two
events. The nouns and pair words are in ``coref.json`` (``pair_nouns``, ``pair_words``)."""

from __future__ import annotations

import bisect
import logging

from spacy.tokens import Token

from dotterel.components.actors._anaphora import TITLE_WINDOW
from dotterel.components.actors._state import DocState, RawMention
from dotterel.components.coref import CorefRules

LOGGER = logging.getLogger(__name__)


#: The actor kinds a "both countries" may stand for.
_STATE_KINDS = frozenset({"state", "government"})


def is_pair(head: Token, rules: CorefRules) -> bool:
    """ "each country", "both governments", "the two countries": a pair word before the
    noun, and nothing that makes it more or other ("two dozen countries", "both other
    nations"); a bare number needs "the" ("two countries" may be any two)."""
    lefts = [c for c in head.children if c.i < head.i]
    words = {c.lower_ for c in lefts}
    if not words & rules.pair_words or "other" in words:
        return False
    if any(c.dep_ in ("nummod", "quantmod") and c.lower_ not in rules.pair_words for c in lefts):
        return False
    if any(c.lower_ in rules.pair_words and any(True for _ in c.children) for c in lefts):
        return False  # "two dozen"
    return bool(words & {"each", "both"}) or "the" in words


def link_pairs(st: DocState, rules: CorefRules) -> None:
    """ "Each country expelled the other's diplomats", "both governments", "the two
    countries" stand for the two states named last (within :data:`TITLE_WINDOW`
    sentences, of two different countries): one mention of each over the same words, so
    an act of the pair is an act of each (CAMEO codes a reciprocal act as two events).
    Unlinked when fewer than two countries were named."""
    if not rules.pair_nouns:
        return
    ordered = sorted(st.mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for head in st.toks:
        if head.lemma_.lower() not in rules.pair_nouns or head.pos_ != "NOUN":
            continue
        if st.skip[head.i] or st.consumed[head.i]:
            continue
        if not is_pair(head, rules):
            continue
        sent = st.sent_of(head.i)
        pair: dict[str, RawMention] = {}
        for k in range(bisect.bisect_left(starts, head.i) - 1, -1, -1):
            m = ordered[k]
            if sent - st.sent_of(m.start) > TITLE_WINDOW or len(pair) == 2:
                break
            spec = st.specs[m.key]
            if spec.kind in _STATE_KINDS and spec.country and spec.country not in pair:
                pair[spec.country] = m
        if len(pair) < 2:
            continue
        lo = head.left_edge.i
        if any(st.consumed[k] for k in range(lo, head.i)):
            lo = head.i
        for m in reversed(pair.values()):  # in text order
            st.mentions.append(RawMention(lo, head.i + 1, m.key, "NOMINAL", "coreference", m.kind))
            line = (
                f"coreference: '{st.doc[lo : head.i + 1].text}': one of the two states named last"
            )
            if line not in st.specs[m.key].evidence:
                st.specs[m.key].evidence.append(line)
        for k in range(lo, head.i + 1):
            st.consumed[k] = 1
