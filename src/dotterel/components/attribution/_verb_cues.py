"""Reporting-verb cues: "said", "told the Times", "called for", "the study shows that".

Owns a verb cue's extent (auxiliaries, adverbs, particle, medium, day, colon), its
source (subject, passive agent, speaker of an inverted tag), recipient, cited source
and content (clausal complement, reported object, the claim around a parenthetical
tag, or the clause after a complement-less verb).
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, subtree_span
from dotterel.components.attribution._candidate import Candidate
from dotterel.components.attribution._lexicon import CueLexicon
from dotterel.components.attribution._spans import core_span, source_span, trim_source
from dotterel.components.attribution._syntax import after_aux, inverted_tag, tag_tail, verb_subject

LOGGER = logging.getLogger(__name__)

CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
CUE_ADVERBS = frozenset(
    {"also", "still", "never", "again", "later", "once", "often", "now", "then", "first", "even"}
    | {"already", "always", "since", "soon"}
)
#: Right-hand dependents that end a reported object ("endorsed her, citing ...").
CONTENT_STOP_DEPS = frozenset({"advcl", "conj", "cc", "parataxis", "punct", "mark"})
#: Prepositions that continue what is reported ("referred to them as ...").
CONTENT_PREPS = frozenset({"of", "as", "for", "about", "against", "to", "over", "because"})


class VerbCues:
    """Candidates from reporting verbs and verbs with a "that" clause.

    Mixed into :class:`~dotterel.components.attribution._finder.AttributionFinder`,
    which sets ``lex`` and, once per Doc, ``_text``.
    """

    lex: CueLexicon
    _text: str
    _source_clause_cues: frozenset[str]

    def _cue_extent(self, verb: Token) -> tuple[int, int]:
        """The verb with its auxiliaries and adverbs ("has also said"), particle
        ("call for"), medium ("said in a statement"), day ("said Sunday") or colon."""
        doc = verb.doc
        start_tok = verb
        while start_tok.i > 0:
            t = doc[start_tok.i - 1]
            if t.head.i != verb.i or t.dep_ not in CUE_LEFT_DEPS | {"npadvmod"}:
                break
            if t.dep_ in {"advmod", "npadvmod"} and not (
                t.lower_.endswith("ly") or t.lower_ in CUE_ADVERBS or after_aux(t, verb)
            ):
                break
            start_tok = t.left_edge if t.dep_ == "npadvmod" else t
        end_tok = verb
        parts = self.lex.particles.get(verb.lemma_.lower(), frozenset())
        nxt = verb.i + 1
        if nxt < len(doc):
            t = doc[nxt]
            if t.head.i == verb.i and (t.dep_ == "prt" or (t.dep_ == "prep" and t.lower_ in parts)):
                end_tok = t
            elif t.head.i == verb.i and t.dep_ == "prep" and t.lower_ == "in":
                pobj = [c for c in t.children if c.dep_ == "pobj"]
                if pobj and pobj[0].lemma_.lower() in self.lex.media_nouns:
                    end_tok = pobj[0]
            elif t.head.i == verb.i and t.dep_ == "npadvmod" and t.ent_type_ in {"DATE", "TIME"}:
                end_tok = t
        nxt = end_tok.i + 1
        if nxt < len(doc) and doc[nxt].text == ":":
            end_tok = doc[nxt]
        return start_tok.idx, end_tok.idx + len(end_tok.text)

    def _verb_candidate(self, verb: Token) -> Candidate | None:
        lemma = verb.lemma_.lower()
        lex = self.lex
        children = list(verb.children)
        deps = {c.dep_ for c in children}
        passive = bool(deps & (PASSIVE_SUBJECT_DEPS | {"auxpass"}))
        ccomp = [c for c in children if c.dep_ == "ccomp"]
        xcomp = [c for c in children if c.dep_ == "xcomp"]
        dobj = [c for c in children if c.dep_ in {"dobj", "dative"}]
        found = Candidate(cue=self._cue_extent(verb), cue_lemma=lemma, kind="indirect")
        # "refused to support", "plans to call for": no statement was made; but
        # "after saying that ..." (a gerund under a preposition) reports one
        found.infinitive = (
            verb.dep_ == "xcomp"
            or (verb.dep_ == "pcomp" and verb.tag_ != "VBG")
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        )
        found.adjunct = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "acl"}
        # a base form inside another clause ("presidents can't just say anything",
        # "heard Bob say", "the Democrat who can best address ...") is a statement
        # someone could make, not one that is reported
        found.hypothetical = verb.tag_ == "VB" and verb.dep_ in {"ccomp", "advcl", "relcl", "acl"}
        # source
        participle = (
            verb.tag_ == "VBN" and verb.dep_ == "advcl" and not deps & SUBJECT_DEPS and not passive
        )
        found.unsourced = participle
        if participle:
            # "Asked whether he would resign, the mayor said ...": the clause's subject
            # was asked, the asker is unnamed (PolNeAR: no source)
            subj = None
        elif passive:
            agent = [c for c in children if c.dep_ == "agent"]
            pobj = [g for a in agent for g in a.children if g.dep_ == "pobj"]
            subj = pobj[0] if pobj else None
        else:
            subj = verb_subject(verb)
            if subj is None and dobj and inverted_tag(verb, dobj[0]):
                # '"It is over," added another Democrat': the parser takes the
                # speaker of an inverted tag for an object
                subj, dobj = dobj[0], dobj[1:]
        tail = None if subj is not None or passive else tag_tail(verb)
        if tail is not None:
            # '"...," said David Brock, a confidant who heads the group.' parsed with
            # the speaker inside a clause: the words after the tag name the speaker
            found.source = (tail[0].idx, tail[-1].idx + len(tail[-1].text))
            found.source_head = tail.root
        elif subj is not None and subj.dep_ != "expl":
            span = (
                source_span(subj, self._source_clause_cues)
                if subj.head.i == verb.i
                else core_span(subj)
            )
            found.source = trim_source(self._text, span)
            found.source_head = subj
        # recipient ("told the Times"): a hearer, not content
        medium_clause: list[tuple[int, int]] = []
        if lemma in lex.recipient_first and dobj and not passive:
            rec = dobj[0]
            if rec.lemma_.lower() in lex.media_nouns:
                # "told a news conference (that ...)": the medium belongs to the cue,
                # it is not a layer of the chain; a clause the parser hung on it is
                # what was said
                found.medium = core_span(rec)
                medium_clause = [
                    subtree_span(c)
                    for c in rec.children
                    if c.dep_ in ("relcl", "acl", "ccomp")
                    and any(g.lower_ == "that" and g.i < c.i for g in c.subtree)
                ]
            else:
                found.recipient = core_span(rec)
                found.recipient_head = rec
            dobj = dobj[1:]
        # citing X: the cited source is an inner layer of the chain
        for c in children:
            if c.dep_ == "advcl" and c.lemma_.lower() == "cite":
                cited = [g for g in c.children if g.dep_ == "dobj"]
                if cited:
                    found.cited = core_span(cited[0])
                    found.cited_head = cited[0]
        # content
        content: list[tuple[int, int]] = []
        if ccomp:
            content.extend(subtree_span(c) for c in ccomp)
        elif medium_clause:
            content.extend(medium_clause)
        elif lemma in lex.speech or lemma in lex.stance:
            content.extend(self._object_content(verb, lemma, dobj, xcomp))
        if (
            not content
            and not passive
            and not found.adjunct
            and verb.dep_ in {"parataxis", "ccomp", "advcl"}
        ):
            # a tag parsed under the claim: "Four were killed, officials said" or
            # "The museum, Obama said, celebrated ...": the claim around the tag
            head = verb.head
            parenthetical = head.i != verb.i and head.pos_ in {"VERB", "AUX"}
            if parenthetical and verb.left_edge.i > head.left_edge.i:
                h_start, h_end = subtree_span(head)
                if verb.right_edge.i >= head.right_edge.i:
                    h_end = verb.left_edge.idx
                content.append((h_start, h_end))
        if (
            not content
            and not passive
            and not dobj
            and found.recipient is None
            and lemma in lex.reporting
            and found.source is not None
        ):
            content.extend(self._clause_after(verb))
        if content:
            found.content = (min(s for s, _ in content), max(e for _, e in content))
        return found

    def _clause_after(self, verb: Token) -> list[tuple[int, int]]:
        """The rest of the sentence after a reporting verb the parser left without a
        complement ("Residents say by a wide majority that they want ..."): kept only
        when it holds a clause of its own (a verb with a subject)."""
        sent = verb.sent
        start = verb.i + 1
        doc = verb.doc
        while start < sent.end and (doc[start].is_punct or doc[start].dep_ == "prt"):
            start += 1
        rest = doc[start : sent.end]
        if len(rest) < 3 or rest[0].text in {"(", ":"}:
            return []
        if any(t.is_quote for t in rest):
            return []  # a quotation is attached to its cue separately
        clause = any(
            t.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECT_DEPS for c in t.children)
            for t in rest
        )
        if not clause:
            return []
        return [(rest[0].idx, rest[-1].idx + len(rest[-1].text))]

    def _object_content(
        self, verb: Token, lemma: str, dobj: list[Token], xcomp: list[Token]
    ) -> list[tuple[int, int]]:
        """What a verb reports when it has no clause: its object and what follows it
        in the same clause ("referred to immigrants as ..."), up to a comma or a
        clause of its own."""
        parts = self.lex.particles.get(lemma, frozenset())
        first: list[Token] = [p for p in (*dobj, *xcomp) if p.i > verb.i]
        for c in verb.children:
            if c.dep_ in {"oprd", "attr"} and c.i > verb.i:
                first.append(c)
            if c.dep_ == "prep" and c.lower_ in parts:
                first += [g for g in c.children if g.dep_ in {"pobj", "pcomp"}]
        if not first:
            return []
        start_tok = min(first, key=lambda t: t.i)
        end = subtree_span(start_tok)[1]
        for c in verb.rights:
            if c.i <= start_tok.i:
                continue
            if c.dep_ in CONTENT_STOP_DEPS or c.dep_ == "npadvmod":
                break
            if c.dep_ == "prep" and c.lower_ not in CONTENT_PREPS:
                break  # "blasted him during a rally": the rally is not reported
            end = max(end, subtree_span(c)[1])
        return [(start_tok.left_edge.idx, end)]
