"""Multiword cues whose object is the source: "according to X", "as reported by X".

Owns matching the phrases of ``cues.json`` at a token and choosing the clause the
phrase sources (the larger side of the sentence around it).
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components._syntax import subtree_span
from dotterel.components.attribution._candidate import SOURCED_PHRASE, Candidate
from dotterel.components.attribution._lexicon import CueLexicon
from dotterel.components.attribution._spans import trim

LOGGER = logging.getLogger(__name__)


class PhraseCues:
    """Candidates from multiword cues such as "according to".

    Mixed into :class:`~dotterel.components.attribution._finder.AttributionFinder`,
    which sets ``lex`` and, once per Doc, ``_text``.
    """

    lex: CueLexicon
    _text: str

    def _phrase_at(self, tok: Token) -> int:
        """Length of the multiword cue ("according to", "as reported by") at ``tok``."""
        doc = tok.doc
        lower = tok.lower_
        for phrase in self.lex.phrases:
            n = len(phrase)
            if n and phrase[0] != lower:  # most tokens start no cue: skip the walk
                continue
            if tok.i + n <= len(doc) and all(
                doc[tok.i + k].lower_ == w for k, w in enumerate(phrase)
            ):
                return n
        return 0

    def _according(self, tok: Token, length: int) -> Candidate | None:
        """``according to X``: X is the source, the clause it modifies the content."""
        doc = tok.doc
        to = doc[tok.i + length - 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in tok.children if c.dep_ == "pobj"
        ]
        found = Candidate(
            cue=(tok.idx, to.idx + len(to.text)), cue_lemma=SOURCED_PHRASE, kind="indirect"
        )
        if pobj:
            found.source = subtree_span(pobj[0])
            found.source_head = pobj[0]
            phrase_end = found.source[1]
        else:
            phrase_end = to.idx + len(to.text)
        sent = tok.sent
        left = (sent.start_char, tok.idx)
        right = (phrase_end, sent.end_char)
        text = self._text
        lt, rt = trim(text, left), trim(text, right)
        # the larger side is the clause the phrase sources
        if lt and (not rt or lt[1] - lt[0] >= rt[1] - rt[0]):
            found.content = lt
        else:
            found.content = rt
        return found
