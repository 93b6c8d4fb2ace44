"""Headline-colon cues: a paragraph opening "Name: claim", the colon being the cue.

Owns the test that the words before the colon can name a speaker (not a label, a
place heading a list, or a discourse phrase) and that the claim is not a question.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span

from dotterel.components.attribution._candidate import Candidate
from dotterel.components.attribution._lexicon import CueLexicon

LOGGER = logging.getLogger(__name__)

#: A paragraph opening with a short name and a colon ("Insiders: Trump will rebound").
HEADLINE_COLON_RE = re.compile(r"[ \t]*([A-Z][^:\n.!?\d\"“]{1,40}?):[ \t]+(?=\S)")


class ColonCues:
    """Candidates from paragraph-opening "Name:" colons.

    Mixed into :class:`~dotterel.components.attribution._finder.AttributionFinder`,
    which sets ``lex`` and, once per Doc, ``_text``.
    """

    lex: CueLexicon
    _text: str

    def _headline_colons(self, doc: Doc, para_starts: list[int]) -> list[Candidate]:
        """ "Poll: Trump leads in Ohio": a short noun phrase, a colon, then the claim.

        Headlines and paragraph openers credit a source this way; the colon is the cue.
        """
        text = self._text
        out: list[Candidate] = []
        for k, start in enumerate(para_starts):
            end = para_starts[k + 1] if k + 1 < len(para_starts) else len(text)
            m = HEADLINE_COLON_RE.match(text, start, end)
            if m is None:
                continue
            src = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
            if src is None or not any(t.pos_ in {"NOUN", "PROPN"} for t in src):
                continue
            if any(t.pos_ in {"VERB", "AUX"} for t in src) or not self._speaker_label(src):
                continue
            if text[m.end() : end].rstrip().endswith("?"):
                continue  # "Ted Cruz: conservative or career politician?" asks, not says
            colon = m.end(1)
            found = Candidate(cue=(colon, colon + 1), cue_lemma=":", kind="indirect")
            found.source = (m.start(1), m.end(1))
            found.source_head = src.root
            found.content = (colon + 1, end)
            found.paragraph = k
            found.sentence_start, found.sentence_end = start, end
            out.append(found)
        return out

    def _speaker_label(self, src: Span) -> bool:
        """Whether the words before a paragraph-opening colon can name a speaker.

        Not a discourse phrase ("Beyond plagiarism, a bigger issue:"), a place heading
        a list ("Iowa: Tim Albrecht, ..."), or a document label ("Editor's note:",
        "CLARIFICATION:", "Another challenge:"; ``colon_labels`` in cues.json).
        """
        if any(t.text == "," for t in src):
            return False
        if all(t.ent_type_ in {"GPE", "LOC"} for t in src):
            return False
        return src.root.lemma_.lower() not in self.lex.colon_labels and not any(
            t.lower_ in self.lex.colon_labels for t in src
        )
