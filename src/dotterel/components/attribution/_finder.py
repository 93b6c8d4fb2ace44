"""The attribution finder: one pass over a Doc's tokens, then span repair and filtering.

Owns :class:`AttributionFinder`: dispatching each token to the cue finders (verbs,
nouns, phrases, hedges, headline colons), attaching quotations, deciding a
candidate's content between its clause and its quotations, repairing a source the
parser took from the wrong place, and keeping only real attributions.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right

from spacy import symbols
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from dotterel.components._syntax import doc_text
from dotterel.components.attribution._candidate import SOURCED_PHRASE, Candidate
from dotterel.components.attribution._colon_cues import ColonCues
from dotterel.components.attribution._hedges import HedgeCues
from dotterel.components.attribution._lexicon import CueLexicon
from dotterel.components.attribution._noun_cues import NounCues
from dotterel.components.attribution._phrase_cues import PhraseCues
from dotterel.components.attribution._quote_owners import QuoteOwners
from dotterel.components.attribution._quotes import close_quotes, find_quotes, inside_quotation
from dotterel.components.attribution._spans import (
    clip_to_paragraph,
    core_span,
    quote_scope,
    trim,
    trim_source,
)
from dotterel.components.attribution._syntax import tag_tail, takes_that_clause
from dotterel.components.attribution._verb_cues import VerbCues

LOGGER = logging.getLogger(__name__)


#: Parts of speech that a cue branch of ``find`` takes whatever the word.
_OPEN_POS = frozenset({symbols.VERB, symbols.ADJ, symbols.NOUN})


class AttributionFinder(VerbCues, NounCues, ColonCues, PhraseCues, HedgeCues, QuoteOwners):
    """Finds attributions in a parsed Doc with the precompiled lexicon.

    Each cue finder and the quotation ownership rules are a mixin in a module of
    their own; they share ``lex`` and the Doc's text (``_text``, set by :meth:`text_of`).
    """

    def __init__(self, lexicon: CueLexicon) -> None:
        self.lex = lexicon
        self._verbs = lexicon.verbs
        self._phrase_starts = frozenset(p[0] for p in lexicon.phrases)
        #: Verbs that make a relative clause on a source an attribution of its own
        #: ("Weaver, who said ...") or a note on how it spoke ("who spoke on condition
        #: of anonymity", "who requested anonymity"), not a description of it.
        self._source_clause_cues = (
            lexicon.reporting | lexicon.cognition | lexicon.source_clause_verbs
        )
        self._text = ""
        self._doc_ref: Doc | None = None

    def text_of(self, doc: Doc) -> str:
        """``doc.text``, computed once per Doc (spaCy joins every token on each access)."""
        if self._doc_ref is not doc:
            self._doc_ref = doc
            self._text = doc_text(doc)
        return self._text

    # ------------------------------------------------------------------ main pass

    def find(self, doc: Doc) -> list[Candidate]:
        """Every attribution candidate with spans resolved, in document order."""
        text = self.text_of(doc)
        lex = self.lex
        quotes = find_quotes(text)
        q_starts = [s for s, _ in quotes]
        para_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        verbs = self._verbs
        phrase_starts = self._phrase_starts
        found: list[Candidate] = []
        phrase_end = 0  # tokens of a multiword cue are not cues themselves
        # filter on the token array: a Token object is made only for a token that some
        # branch below can take (a verb or adjective, a cue word, or a word whose lemma
        # is a hedge or, for a noun, a cue noun)
        word_ids = {get_string_id(w) for w in phrase_starts | lex.hedge_adverbs}
        hedge_lemmas = lex.hedge_raising | lex.hedge_passives
        wanted_lemmas = {False: hedge_lemmas, True: hedge_lemmas | lex.nouns}
        strings = doc.vocab.strings
        lemma_hit: dict[tuple[int, bool], bool] = {}
        for i, (pos_id, lower_id, lemma_id) in enumerate(
            doc.to_array([POS, LOWER, LEMMA]).tolist()
        ):
            if i < phrase_end:
                continue
            noun = pos_id == symbols.NOUN
            if (noun or pos_id not in _OPEN_POS) and lower_id not in word_ids:
                hit = lemma_hit.get((lemma_id, noun))
                if hit is None:
                    lemma = strings[lemma_id].lower()
                    hit = lemma_hit[lemma_id, noun] = lemma in wanted_lemmas[noun]
                if not hit:
                    continue
            tok = doc[i]
            lower = tok.lower_
            item: Candidate | None = None
            if lower in phrase_starts and (length := self._phrase_at(tok)):
                item = self._according(tok, length)
                phrase_end = tok.i + length
            elif (
                lower in lex.hedge_adverbs
                or tok.lemma_.lower() in lex.hedge_raising
                or (tok.lemma_.lower() in lex.hedge_passives and tok.tag_ == "VBN")
            ):
                item = self._hedge(tok)
                if item is None and tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
                    item = self._verb_candidate(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
                if tok.lemma_.lower() == "cite" and tok.dep_ == "advcl":
                    continue  # folded into the chain of the verb it modifies
                item = self._verb_candidate(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns:
                item = self._noun_candidate(tok)
            elif tok.pos_ in {"VERB", "ADJ"} and takes_that_clause(tok):
                # any verb whose subject puts forward a "that" clause ("the study
                # shows that ...") attributes that clause
                item = self._verb_candidate(tok)
            if item is None:
                continue
            sent = tok.sent
            item.sentence_start, item.sentence_end = sent.start_char, sent.end_char
            item.paragraph = bisect_right(para_starts, tok.idx) - 1
            found.append(item)
        found.extend(self._headline_colons(doc, para_starts))
        self._attach_quotes(text, found, quotes, para_starts)
        kept: list[Candidate] = []
        for f in found:
            if f.content is None and not f.quotes and f.recipient is not None:
                # "Exit polls told a tale": the object was what was told, not a hearer
                f.content, f.recipient, f.recipient_head = f.recipient, None, None
            if f.content is not None:
                f.content = clip_to_paragraph(f.content, f.cue, para_starts, len(text))
            if f.source is not None:
                self._fix_source(doc, f, quotes, q_starts, para_starts)
            if f.quotes:
                qs, qe = f.quotes[0][0], f.quotes[-1][1]
                c = f.content
                if c is not None and f.continued:
                    # 'if Obama acts now, ..., said Naylor. "It would avoid a fight."'
                    f.content, f.kind = (min(c[0], qs), max(c[1], qe)), "mixed"
                elif c is not None and f.cue[1] <= c[0] < qs:
                    # 'said that Rubio is "weak"': the clause frames the quotation
                    f.content, f.kind = (c[0], max(c[1], qe)), "mixed"
                elif (
                    c is not None
                    and c[0] < qs < c[1] <= f.cue[0]
                    and "\n" not in text[c[0] : qs]
                    and not lex.sentence_end.search(text, c[0], qs)
                ):
                    # 'Rubio is "weak," she said': the tag's clause holds the quotation
                    f.content, f.kind = (c[0], max(c[1], qe)), "mixed"
                elif c is not None and (c[1] <= qs or c[0] >= qe) and self._clausal(c, f):
                    # 'Sanders said private contractors cost more and cited the
                    # "privatization of public sector jobs"': the reported clause is
                    # the content; a quotation elsewhere in the sentence is not
                    f.quotes = []
                else:
                    f.content, f.kind = (qs, qe), "direct"
            elif f.content is not None:
                f.content = close_quotes(quotes, q_starts, f.content)
            if f.content is not None:
                f.content = trim(text, f.content)
            if f.cue_lemma == SOURCED_PHRASE and f.content is not None:
                f.content = quote_scope(text, quotes, q_starts, f)
            if f.content is not None and self._keep(
                f, inside_quotation(quotes, q_starts, f.cue[0])
            ):
                kept.append(f)
        return kept

    def _clausal(self, content: tuple[int, int], f: Candidate) -> bool:
        """Whether a parsed content is a reported clause of its own (three words or
        more, after the cue), rather than a stray object of the verb."""
        if f.source is not None and f.source[0] < content[1] and content[0] < f.source[1]:
            return False  # a clause inside the source's description ("said Ann, who ...")
        return content[0] >= f.cue[1] and len(self._text[content[0] : content[1]].split()) >= 3

    def _fix_source(
        self,
        doc: Doc,
        f: Candidate,
        quotes: list[tuple[int, int]],
        q_starts: list[int],
        para_starts: list[int],
    ) -> None:
        """Repair a source the parser took from the wrong place.

        A source inside a quotation ('"Pathetic," ESPN said' parsed with "Pathetic"
        as subject) is replaced by the speaker next to the cue ("ESPN", or the name
        after an inverted tag); a source reaching back over a paragraph break (a
        dateline or timestamp above the sentence) is cut at the break.
        """
        assert f.source is not None
        s, e = f.source
        text = self._text
        if inside_quotation(quotes, q_starts, s) or inside_quotation(
            quotes, q_starts, max(s, e - 1)
        ):
            cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
            if cue is None:
                return
            first = cue[0]
            prev = doc[first.i - 1] if first.i > 0 else None
            if prev is not None and prev.pos_ in {"PRON", "PROPN", "NOUN"}:
                f.source = trim_source(text, core_span(prev))
                f.source_head = prev
            elif (tail := tag_tail(cue.root)) is not None:
                f.source = (tail[0].idx, tail[-1].idx + len(tail[-1].text))
                f.source_head = tail.root
            return
        k = bisect_right(para_starts, f.cue[0]) - 1
        if s < para_starts[k] < e and f.cue[0] >= e:
            f.source = trim_source(text, (para_starts[k], e))
        elif e <= para_starts[k] <= f.cue[0]:
            # "2:00 p.m.\n\nA court document says ...": the parser took the timestamp
            # above the paragraph; the words opening the paragraph name the source
            before = doc.char_span(para_starts[k], f.cue[0], alignment_mode="contract")
            if (
                before is not None
                and 0 < len(before) <= 8
                and any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in before)
            ):
                f.source = trim_source(text, (before.start_char, before.end_char))
                f.source_head = before.root

    def _keep(self, f: Candidate, quoted: bool) -> bool:
        """Whether a candidate is a real attribution.

        Inside a quotation only a named third party's speech counts ("village elders
        told officials ..."): a speaker's own "I think" is part of what is quoted.
        """
        lex = self.lex
        if quoted:
            if f.kind == "hedge":
                return False
            if f.cue_lemma == SOURCED_PHRASE:
                return True
            head = f.source_head
            if f.hypothetical:
                return False
            return f.cue_lemma in lex.speech and head is not None and head.pos_ in {"NOUN", "PROPN"}
        if f.kind == "hedge" or f.cue_lemma == SOURCED_PHRASE:
            return True
        # an infinitive ("refused to support") reports no statement; a cue without
        # a source ("it was announced") is too often not one either; outside a
        # quotation "you" is the reader ("Do you support ...?"), not a speaker
        if f.source_head is not None and f.source_head.lower_ == "you":
            return False
        return not (f.infinitive or f.hypothetical or (f.source is None and not f.unsourced))
