"""Statement-noun cues: "Trump's claim that ...", "his attacks on X".

Owns the rule that a statement noun is an attribution only with both a source (a
possessive, "by"/"from" X) and a content (a "that" clause, an infinitive, or the
object of a content preposition).
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components._syntax import subtree_span
from dotterel.components.attribution._candidate import Candidate
from dotterel.components.attribution._lexicon import CueLexicon
from dotterel.components.attribution._spans import source_span, trim_source

LOGGER = logging.getLogger(__name__)


class NounCues:
    """Candidates from statement nouns with a source and a content.

    Mixed into :class:`~dotterel.components.attribution._finder.AttributionFinder`,
    which sets ``lex`` and, once per Doc, ``_text``.
    """

    lex: CueLexicon
    _text: str

    def _noun_candidate(self, noun: Token) -> Candidate | None:
        """A statement named by a noun: "Trump's claim that ...", "his attacks on X",
        "criticism from Democrats of the plan".

        PolNeAR annotates such nominal attributions; we keep only those with both a
        source (a possessive, or "by"/"from" X) and a content (a "that" clause, an
        infinitive, or the object of a preposition such as "of" or "on"), which is
        what makes the noun report someone's position rather than name a thing.
        """
        source: Token | None = None
        content: Token | None = None
        for c in noun.children:
            dep = c.dep_
            if dep == "poss" and source is None:
                source = c
            elif dep == "prep" and c.lower_ in {"by", "from"} and source is None:
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj:
                    source = pobj[0]
            elif dep in {"acl", "ccomp"} and content is None and c.i > noun.i:
                that = any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                to = any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                if that or to:
                    content = c
            elif (
                dep == "prep"
                and content is None
                and c.lower_ in self.lex.noun_content_preps
                and any(g.dep_ in {"pobj", "pcomp"} for g in c.children)
            ):
                content = c
        if source is None or content is None or noun.dep_ == "pobj":
            # a statement noun under a preposition ("in response to Trump's proposal
            # to ...") refers back to a statement rather than reporting one
            return None
        # PolNeAR's cue is the noun with its adjectives and the preposition that
        # introduces the content ("harsh attacks on"); a possessive source keeps its
        # "'s" ("Trump's")
        first = noun
        while first.i > 0 and (prev := noun.doc[first.i - 1]).head.i == noun.i:
            if prev.dep_ not in {"amod", "advmod"}:
                break
            first = prev
        last = content if content.dep_ == "prep" else noun
        found = Candidate(
            cue=(first.idx, last.idx + len(last.text)),
            cue_lemma=noun.lemma_.lower(),
            kind="indirect",
        )
        span = subtree_span(source) if source.dep_ == "poss" else source_span(source, frozenset())
        found.source = trim_source(self._text, span)
        found.source_head = source
        if content.dep_ == "prep":
            objs = [g for g in content.children if g.dep_ in {"pobj", "pcomp"}]
            found.content = subtree_span(objs[0])
        else:
            found.content = subtree_span(content)
        return found
