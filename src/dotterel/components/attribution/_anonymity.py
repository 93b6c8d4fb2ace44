"""Anonymity of a source: "on condition of anonymity" or an unnamed "a senior official".

Owns the one test :func:`is_anonymous`, reading the anonymity patterns and anonymous
heads of ``status.json`` through the :class:`CueLexicon`.
"""

from __future__ import annotations

import logging

from dotterel.components.attribution._candidate import Candidate
from dotterel.components.attribution._lexicon import CueLexicon

LOGGER = logging.getLogger(__name__)


def is_anonymous(lexicon: CueLexicon, text: str, f: Candidate) -> bool:
    """Named anonymity ("on condition of anonymity") or an unnamed "a senior official"."""
    if f.source is None or f.source_head is None:
        return False
    window_end = f.content[0] if f.content and f.content[0] > f.cue[1] else f.sentence_end
    lo = min(f.source[0], f.cue[0])
    hi = max(f.source[1], window_end)
    if lexicon.anonymity.search(text, lo, hi):
        m = lexicon.anonymity.search(text, lo, hi)
        if m and (f.content is None or not (f.content[0] <= m.start() < f.content[1])):
            return True
    head = f.source_head
    if head.lemma_.lower() in lexicon.anonymous_heads or head.lower_ in lexicon.anonymous_heads:
        sub = list(head.subtree)
        named = any(t.ent_type_ in {"PERSON"} for t in sub)
        indefinite = sub[0].lower_ in {"a", "an", "one", "some", "several", "two", "three"}
        if not named and (indefinite or head.lemma_.lower() == "source"):
            return True
    return False
