"""Quotation ownership: which cue each quotation belongs to.

Owns the four rules, tried in order: the tag after the quotation, the cue that
introduces it, the previous quotation's cue in the same paragraph (a quotation
continued after its tag), and an indirect report ending just before it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right

from dotterel.components.attribution._candidate import SOURCED_PHRASE, Candidate
from dotterel.components.attribution._lexicon import CueLexicon
from dotterel.components.attribution._syntax import RELATIVE

LOGGER = logging.getLogger(__name__)

#: What may stand between a cue and the quotation it introduces: 'said: "...'.
INTRO_GAP_RE = re.compile(r"[\s,:;—–-]*(?:that\s*)?|[^.!?\n]*(?:[:,]|\bthat)\s*")
CONTINUE_GAP_RE = re.compile(r"[.!?:,]\s*$")


def describes(tag: Candidate, other: Candidate) -> bool:
    """Whether ``other`` sits in a clause describing ``tag``'s source ('said Ann Lee,
    who wrote a book on it,' or 'a Democrat who declined to run'), so that it does
    not interrupt a quotation continued after the tag."""
    head = other.source_head
    if head is not None and head.lower_ in RELATIVE:
        return True
    src = tag.source_head
    if src is None:
        return False
    lo, hi = src.left_edge.idx, src.right_edge.idx + len(src.right_edge.text)
    return lo <= other.cue[0] < hi


class QuoteOwners:
    """Attaches quotations to the cues found in a Doc.

    Mixed into :class:`~dotterel.components.attribution._finder.AttributionFinder`,
    which sets ``lex`` and, once per Doc, ``_text``.
    """

    lex: CueLexicon
    _text: str

    def _speaker(self, f: Candidate) -> bool:
        """Whether a cue between two quotations can own the second one.

        A participle hanging from the tag ('said the chief, speaking for the first
        time') or a verb that reports nothing here ("she was sure they would see it")
        does not interrupt a quotation continued after its tag.
        """
        if f.adjunct or f.infinitive or f.source is None:
            return False
        return f.content is not None or f.cue_lemma in self.lex.speech

    def _attach_quotes(
        self,
        text: str,
        found: list[Candidate],
        quotes: list[tuple[int, int]],
        para_starts: list[int],
    ) -> None:
        """Give each quotation to the cue of its sentence (see module docstring)."""
        speakers = [f for f in found if f.kind != "hedge" and f.cue_lemma != SOURCED_PHRASE]
        if not speakers or not quotes:
            return

        def inside_quote(pos: int) -> bool:
            return any(s <= pos < e for s, e in quotes)

        outside = [f for f in speakers if not inside_quote(f.cue[0])]
        owner_of: dict[int, Candidate] = {}
        for qi, (qs, qe) in enumerate(quotes):
            para = bisect_right(para_starts, qs) - 1
            last_para = bisect_right(para_starts, qe - 1) - 1  # a quote may span paragraphs
            para_end = para_starts[last_para + 1] if last_para + 1 < len(para_starts) else len(text)
            next_q = quotes[qi + 1][0] if qi + 1 < len(quotes) else len(text)
            prev_q = quotes[qi - 1][1] if qi else 0
            owner: Candidate | None = None
            # 1. the tag after it: '"...," he said'
            for f in outside:
                if f.cue[0] < qe:
                    continue
                if f.cue[0] >= min(next_q, para_end):
                    break
                period = text[qe - 2 : qe - 1] == "."
                if not self.lex.sentence_end.search(text, qe, f.cue[0]) and (
                    not period or f.content is None
                ):
                    owner = f
                break
            # 2. the cue that introduces it: 'he said: "..."'
            if owner is None:
                for f in reversed(outside):
                    if f.cue[1] > qs:
                        continue
                    if f.cue[1] <= max(prev_q, para_starts[para]):
                        # 'McCrummen reports:' closing the paragraph before the quote
                        colon = f.cue[1] > prev_q and text[f.cue[1] - 1] == ":"
                        if colon and not text[f.cue[1] : qs].strip():
                            owner = f
                        break
                    framed = f.content is not None and f.cue[1] <= f.content[0] < qs
                    if INTRO_GAP_RE.fullmatch(text, f.cue[1], qs) or (
                        framed and not self.lex.sentence_end.search(text, f.cue[1], qs)
                    ):
                        owner = f
                    break
            # 3. a quotation continued after its tag in the same paragraph
            if owner is None and qi and qi - 1 in owner_of:
                prev = owner_of[qi - 1]
                between = [
                    f
                    for f in outside
                    if prev_q <= f.cue[0] < qs
                    and f is not prev
                    and self._speaker(f)
                    and not describes(prev, f)
                ]
                gap = text[prev_q:qs]
                same_paragraph = quotes[qi - 1][0] >= para_starts[para] or (
                    not text[para_starts[para] : qs].strip()
                    and quotes[qi - 1][0] >= para_starts[max(para - 1, 0)]
                )
                if (
                    not between
                    and same_paragraph
                    and (CONTINUE_GAP_RE.search(gap) or not gap.strip())
                ):
                    owner = prev
            # 4. a quotation that goes on from an indirect report just before it
            #    ('She touted her record. "We need fair elections."')
            if owner is None:
                owner = self._reported_before(text, outside, qs, para_starts[para])
                if owner is not None:
                    owner.continued = True
            if owner is not None:
                owner_of[qi] = owner
                owner.quotes.append((qs, qe))

    def _reported_before(
        self, text: str, speakers: list[Candidate], qs: int, para_start: int
    ) -> Candidate | None:
        """The report whose words end right before the quotation at ``qs``.

        PolNeAR takes a quotation that follows an indirect report in the same
        paragraph, with no other cue between them, as more of the same content.
        """
        best: Candidate | None = None
        for f in speakers:
            if f.cue[0] >= qs:
                break
            if f.cue[0] >= para_start and self._speaker(f):
                best = f
        if best is None or best.content is None or best.quotes:
            return None
        end = max(best.content[1], best.cue[1], best.source[1] if best.source else 0)
        if end > qs or text[end:qs].strip(" \t,.;:!?—–-\xa0"):
            return None
        return best
