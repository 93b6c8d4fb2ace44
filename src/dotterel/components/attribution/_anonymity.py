"""Anonymity of a source: "on condition of anonymity" or an unnamed "a senior official".

Owns the test :func:`is_anonymous`, reading the anonymity patterns and anonymous heads
of ``status.json`` through the :class:`CueLexicon`, and :class:`AnonymousSources`, which
carries anonymity through an article: "a senior officer ... the officer said" is the
same unnamed officer.
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


#: Determiners of a later, definite mention of a source already introduced.
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


class AnonymousSources:
    """The anonymous sources seen so far in an article, by head noun.

    A later unnamed definite mention with the same head ("the officer", "the
    officials") is the same anonymous source.
    """

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lexicon = lexicon
        self.heads: set[str] = set()
        #: Display names of the anonymous sources so far (a pronoun resolved to one
        #: of them is that source again).
        self.names: set[str] = set()

    def check(self, text: str, f: Candidate, name: str = "") -> bool:
        """Whether ``f``'s source (display name ``name``) is anonymous; candidates
        come in text order."""
        anonymous = is_anonymous(self.lexicon, text, f)
        head = f.source_head
        if head is None or f.source is None:
            return anonymous
        lemma = head.lemma_.lower()
        if anonymous:
            if lemma in self.lexicon.anonymous_heads:
                self.heads.add(lemma)
            if name:
                self.names.add(name)
            return True
        if head.pos_ == "PRON":
            # '"...," he added' after "a rebel spokesman told AFP"
            return bool(name) and name in self.names
        if lemma not in self.heads:
            return False
        sub = list(head.subtree)
        named = any(t.ent_type_ == "PERSON" for t in sub)
        if not named and sub[0].lower_ in _DEFINITE:
            if name:
                self.names.add(name)
            return True
        return False
