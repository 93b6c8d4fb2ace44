"""Hedge cues: "reportedly", "appear/seem to", a passive "is believed to".

Owns the source-less attributions of ``kind == "hedge"`` built from the hedge lists
of ``status.json``.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components._syntax import subtree_span
from dotterel.components.attribution._candidate import Candidate
from dotterel.components.attribution._lexicon import CueLexicon

LOGGER = logging.getLogger(__name__)


class HedgeCues:
    """Candidates from hedge adverbs, raising verbs and hedging passives.

    Mixed into :class:`~dotterel.components.attribution._finder.AttributionFinder`,
    which sets ``lex`` and, once per Doc, ``_text``.
    """

    lex: CueLexicon
    _text: str

    def _hedge(self, tok: Token) -> Candidate | None:
        """A hedge: an adverb, ``appear/seem to`` or a passive ``is believed to``."""
        lex = self.lex
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        if lower in lex.hedge_adverbs and tok.dep_ == "advmod":
            head = tok.head
            clause = head if head.pos_ in {"VERB", "AUX", "ADJ"} else tok
            found = Candidate(cue=(tok.idx, tok.idx + len(tok.text)), cue_lemma=lower, kind="hedge")
            found.content = subtree_span(clause)
            return found
        if tok.pos_ not in {"VERB", "AUX"}:
            return None
        comps = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp", "acomp", "attr"}]
        if lemma in lex.hedge_raising and comps:
            # the cue is the verb alone (PolNeAR); provenance reports "appear to"
            found = Candidate(cue=(tok.idx, tok.idx + len(tok.text)), cue_lemma=lemma, kind="hedge")
            found.content = subtree_span(tok)
            return found
        auxpass = [c for c in tok.children if c.dep_ == "auxpass"]
        if (
            lemma in lex.hedge_passives
            and auxpass
            and any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children)
        ):
            if any(c.dep_ == "agent" for c in tok.children):
                return None
            found = Candidate(
                cue=(auxpass[0].idx, tok.idx + len(tok.text)), cue_lemma=lemma, kind="hedge"
            )
            found.content = subtree_span(tok)
            return found
        return None
