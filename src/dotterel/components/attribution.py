"""Find attributions: who said what, with which cue, through whom (issue 5).

Writes ``doc._.attributions``: one :class:`~dotterel.model.Attribution` per reported
statement, with PolNeAR-style spans (the source noun phrase with its appositions, the
cue words, the content: the quotation with its marks, or the reported clause), the
nesting (``parent_id``: an attribution inside another's content) and the source chain
from the outlet inward.

Four kinds of cue are found in one pass over the tokens:

* reporting verbs (``said``, ``told``, ``reveals``, ``accused``, ``call for`` ...)
  from the lexicon in ``data/attribution/cues.json``, with their subject as source and
  their clausal complement, object or attached quotation as content; any other verb
  or adjective with a subject and a "that" clause ("the study shows that ...");
* multiword cues whose object is the source (``according to X``, ``as reported by
  X``), the clause around them being the content;
* statement nouns with a source and a content ("Trump's claim that ...", "his
  attacks on X");
* a paragraph opening "Name: claim" (headline style, the colon is the cue), unless
  the words before the colon are a label, a place or a discourse phrase;
* hedges (``reportedly``, ``appear``/``seem`` + infinitive, ``is believed to``) from
  ``data/attribution/status.json``: source-less attributions of ``kind == "hedge"``,
  so a hedge is kept even when no event was coded in its clause.

Inside a quotation only a named third party's report is an attribution of its own
("village elders told officials ..."), and inside any content only a reporting verb
nests; "I think" or "she wants" are part of what was said. Source names in chains are
the article's words ("Afghan intelligence officials"), with short forms and pronouns
("the Times", "NYT", "it adds") resolved to the earlier full name, and the actor's
code beside them when the actor component found one.

Quotations (straight or curly marks, including a quotation that runs over several
paragraphs, each reopened with a mark) are attached to the cue of their sentence: the
tag after them (``"...," he said``), else the cue that introduces them
(``he said: "..."``), else the previous quotation's cue in the same paragraph
(a quotation continued after its tag, whose content then runs from the first
quotation to the last, tag included, as PolNeAR scores discontinuous spans by their
outer bounds), else an indirect report ending just before it.

Span conventions follow PolNeAR: a source keeps its appositions and descriptive
relative clauses but not a comma-set participle or a relative clause that reports
("Weaver, who said ..."); a possessive source keeps its "'s"; a parsed content stays
inside its cue's paragraph; a clause that frames a quotation (before or after the
tag) is part of the content.
"""

from __future__ import annotations

import json
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dotterel.extensions import actor_at, article_of, records, register_extensions
from dotterel.model import Actor, Attribution, SourceLink, TextSpan

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data" / "attribution"

_OPEN_MARKS = "“«„"
_CLOSE_MARKS = "”»"
_QUOTE_RE = re.compile(r'\'\'|``|[“”«»„"]|\n+')
_ACRONYM_TAIL_RE = re.compile(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)\s*$")
_TRIM = " \t\n,;:.—–-\xa0"
_TRAILING_WORDS_RE = re.compile(r"(?:[\s,;]+(?:and|but|or|as|while|so))+$", re.I)
_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "acomp"})
_PRONOUN_GROUPS = {
    "it": "it",
    "its": "it",
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "his": "person",
    "they": "plural",
    "them": "plural",
    "their": "plural",
}
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_CUE_ADVERBS = frozenset(
    {"also", "still", "never", "again", "later", "once", "often", "now", "then", "first", "even"}
    | {"already", "always", "since", "soon"}
)
#: Right-hand dependents that end a reported object ("endorsed her, citing ...").
_CONTENT_STOP_DEPS = frozenset({"advcl", "conj", "cc", "parataxis", "punct", "mark"})
#: Prepositions that continue what is reported ("referred to them as ...").
_CONTENT_PREPS = frozenset({"of", "as", "for", "about", "against", "to", "over", "because"})
#: What may stand between a cue and the quotation it introduces: 'said: "...'.
_INTRO_GAP_RE = re.compile(r"[\s,:;—–-]*(?:that\s*)?|[^.!?\n]*(?:[:,]|\bthat)\s*")
_CONTINUE_GAP_RE = re.compile(r"[.!?:,]\s*$")
#: A paragraph opening with a short name and a colon ("Insiders: Trump will rebound").
_HEADLINE_COLON_RE = re.compile(r"[ \t]*([A-Z][^:\n.!?\d\"“]{1,40}?):[ \t]+(?=\S)")
_SOURCE_JUNK = frozenset(" \t\n\xa0”“\"'’,;:—–-")
#: ``cue_lemma`` of a multiword cue whose object is the source ("according to X").
_SOURCED_PHRASE = "according to"
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The word lists of ``data/attribution``, loaded once per process."""

    speech: frozenset[str]
    cognition: frozenset[str]
    stance: frozenset[str]
    recipient_first: frozenset[str]
    reporting: frozenset[str]
    particles: dict[str, frozenset[str]]
    phrases: tuple[tuple[str, ...], ...]
    media_nouns: frozenset[str]
    nouns: frozenset[str]
    noun_content_preps: frozenset[str]
    source_clause_verbs: frozenset[str]
    colon_labels: frozenset[str]
    generic_audiences: frozenset[str]
    hedge_adverbs: frozenset[str]
    modal_adverbs: frozenset[str]
    hedge_raising: frozenset[str]
    hedge_passives: frozenset[str]
    anonymity: re.Pattern[str]
    anonymous_heads: frozenset[str]
    denial: frozenset[str]
    confirmation: frozenset[str]
    #: A sentence end: ``.``, ``!`` or ``?`` before a space, not after a title
    #: abbreviation ("Mr. Kamp said") or an initial ("J. Smith").
    sentence_end: re.Pattern[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.cognition | self.stance


def _read_json(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    """Read the cue, hedge, anonymity and denial lists (cached: they never change)."""
    cues = _read_json("cues.json")
    status = _read_json("status.json")
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return CueLexicon(
        speech=low(cues["speech"]),
        cognition=low(cues["cognition"]),
        stance=low(cues["stance"]),
        recipient_first=low(cues["recipient_first"]),
        reporting=low(cues["reporting"]),
        particles={k: low(v) for k, v in cues["particles"].items()},
        phrases=tuple(tuple(p.lower().split()) for p in cues["phrases"]),
        media_nouns=low(cues["media_nouns"]),
        nouns=low(cues["nouns"]),
        noun_content_preps=low(cues["noun_content_preps"]),
        source_clause_verbs=low(cues["source_clause_verbs"]),
        colon_labels=low(cues["colon_labels"]),
        generic_audiences=low(cues["generic_audiences"]),
        hedge_adverbs=low(status["hedge_adverbs"]),
        modal_adverbs=low(status["modal_adverbs"]),
        hedge_raising=low(status["hedge_raising"]),
        hedge_passives=low(status["hedge_passives"]),
        anonymity=re.compile("|".join(f"(?:{p})" for p in status["anonymity_patterns"]), re.I),
        anonymous_heads=low(status["anonymous_heads"]),
        denial=low(status["denial"]),
        confirmation=low(status["confirmation"]),
        sentence_end=_sentence_end_re(cues["abbreviations"]),
    )


def _sentence_end_re(abbreviations: list[str]) -> re.Pattern[str]:
    """``[.!?]`` before a space, unless the period closes an abbreviation or initial.

    Fixed-width look-behinds, one per abbreviation: compiled once per process.
    """
    behind = "".join(f"(?<!\\b{re.escape(a)})" for a in abbreviations)
    return re.compile(rf"(?:[!?]|{behind}(?<!\b[A-Z])\.)(?=\s|$)")


# --------------------------------------------------------------------------- quotes


def find_quotes(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every quotation, marks included.

    A quotation left open at a paragraph's end continues when the next paragraph opens
    with a quotation mark (the newspaper convention for a quote over several
    paragraphs); otherwise it is dropped as unbalanced. Straight marks open after a
    space, bracket or dash and close elsewhere.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    pending_break = False  # an open quotation met a paragraph break
    for m in _QUOTE_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if ch[0] == "\n":
            if open_at is not None:
                pending_break = True
            continue
        if ch == "``":
            ch = "“"
        if ch in {'"', "''"}:
            prev = text[pos - 1] if pos else " "
            opening = (
                prev.isspace() or prev in "([{—–-/" or (open_at is None and not prev.isalnum())
            )
            if open_at is not None and not pending_break:
                opening = False
        else:
            opening = ch in _OPEN_MARKS
        if pending_break:
            pending_break = False
            starts_paragraph = not text[text.rfind("\n", 0, pos) + 1 : pos].strip()
            if opening and starts_paragraph:
                continue  # the same quotation goes on in a new paragraph
            open_at = None
        if opening:
            open_at = pos
        elif open_at is not None:
            spans.append((open_at, m.end()))
            open_at = None
    return spans


# ---------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Found:
    """An attribution while it is being assembled (token indices and offsets)."""

    cue: tuple[int, int]
    cue_lemma: str
    kind: str
    content: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    #: Token whose noun phrase names the source (for actor lookup and naming).
    source_head: Token | None = None
    recipient: tuple[int, int] | None = None
    recipient_head: Token | None = None
    cited: tuple[int, int] | None = None
    cited_head: Token | None = None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    paragraph: int = 0
    #: The cue is an infinitive or a verb's complement ("refused to support"): not a
    #: statement that was made.
    infinitive: bool = False
    sentence_end: int = 0
    sentence_start: int = 0
    #: A participle modifying another clause ("..., speaking publicly for the first
    #: time"): it never takes over a quotation continued after the main tag.
    adjunct: bool = False
    #: A base-form cue embedded in another clause (see ``_verb_candidate``).
    hypothetical: bool = False
    #: Its quotations continue an indirect report ('He praised her. "She is great."').
    continued: bool = False
    #: A passive participle clause ("Asked about the port, ...") names no source.
    unsourced: bool = False


def _span_of(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_span(tok: Token) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Strip spaces and dangling punctuation, but keep closing quotation marks."""
    start, end = span
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    tail = _TRAILING_WORDS_RE.search(text, start, end)
    if tail and tail.end() == end:
        end = tail.start()
        while end > start and text[end - 1] in _TRIM:
            end -= 1
    return (start, end) if end > start else None


def _trim_source(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A source without stray quotation marks or line breaks from a parse across them."""
    start, end = span
    while start < end and text[start] in _SOURCE_JUNK:
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else span


def _core_span(head: Token) -> tuple[int, int]:
    """The name part of a noun phrase: up to its head, without appositions or clauses."""
    left = head.left_edge
    end_tok = head
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"} and child.i == end_tok.i + 1:
            end_tok = child
        else:
            break
    return left.idx, end_tok.idx + len(end_tok.text)


#: Right-hand dependents of a source's head that PolNeAR leaves out of the source
#: when a comma sets them off: an adverbial clause or participle ("..., when
#: contacted by Reuters,", "..., referring to ..."). Appositions ("Ann Lee, a
#: lawyer,") and descriptive relative clauses ("Ann Lee, who runs the fund,") stay.
_SOURCE_DROP_DEPS = frozenset({"advcl", "acl"})


def _source_span(head: Token, cues: frozenset[str]) -> tuple[int, int]:
    """A source noun phrase with its appositions, without a comma-set clause after it.

    A relative clause that reports something itself ("Weaver, who said ...",
    "Hoff, who declined to comment,") is an attribution of its own in PolNeAR, not a
    description of the source: it is left out too.
    """
    right = head.right_edge
    for child in head.rights:
        if child.dep_ == "relcl":
            if not any(t.lemma_.lower() in cues and t.pos_ == "VERB" for t in child.subtree):
                continue
        elif child.dep_ not in _SOURCE_DROP_DEPS:
            continue
        prev = child.left_edge.nbor(-1) if child.left_edge.i > 0 else None
        if prev is not None and prev.text == "," and prev.i > head.i:
            right = prev.nbor(-1)
            break
    return head.left_edge.idx, right.idx + len(right.text)


def _after_aux(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` stands between an auxiliary of ``verb`` and the verb
    ("has long said", "had last month called"): PolNeAR's cue runs from the
    auxiliary to the verb."""
    return any(c.dep_ in {"aux", "auxpass"} and c.i < tok.i for c in verb.children if c.i < verb.i)


def _inverted_tag(verb: Token, obj: Token) -> bool:
    """Whether ``verb obj`` is a tag with the speaker after the verb: the verb follows
    a comma or closing quotation mark and its object follows it directly."""
    if verb.i == 0 or obj.i <= verb.i:
        return False
    prev = verb.doc[verb.i - 1]
    if prev.text not in {",", "”", '"', "''", "’", "'"}:
        return False
    return obj.left_edge.i == verb.i + 1 and obj.pos_ in {"NOUN", "PROPN"}


_TAG_MARKS = frozenset({",", "”", '"', "''", "’", "'"})


def _tag_tail(verb: Token) -> Span | None:
    """The speaker after an inverted tag ('"...," said Ann Lee, a lawyer.'): the
    words from the verb to the sentence end, up to a participle clause (", asked
    about ...") or a new quotation; ``None`` unless the verb directly follows a
    comma or closing quotation mark and a name or noun phrase directly follows it."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in _TAG_MARKS:
        return None
    first = doc[verb.i + 1]
    noun_like = first.pos_ in {"PROPN", "NOUN", "DET", "ADJ"} or first.dep_ in {
        "amod",
        "compound",
        "poss",
        "nummod",
    }
    if not noun_like or first.is_sent_start:
        return None
    end = verb.i + 1
    sent_end = verb.sent.end
    while end < sent_end:
        t = doc[end]
        if (t.is_punct and t.text not in {",", "-", "—", ".", "(", ")"}) or t.text == "\n":
            break
        if t.text == "," and end + 1 < sent_end and doc[end + 1].pos_ == "VERB":
            break
        end += 1
    while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == "." and len(doc[end - 2].text) <= 3 and end - 2 > verb.i:
            break  # "Md." or "Jr." ends the name, not the sentence
        end -= 1
    if end <= verb.i + 1:
        return None
    span = doc[verb.i + 1 : end]
    return span if any(t.pos_ in {"PROPN", "NOUN"} for t in span) else None


def _takes_that_clause(verb: Token) -> bool:
    """A verb with a subject and a finite complement clause introduced by "that"."""
    has_subject = verb.dep_ == "acomp" and any(  # "officials are confident that ..."
        c.dep_ == "nsubj" and c.lower_ not in {"it", "there"} for c in verb.head.children
    )
    has_clause = False
    for c in verb.children:
        if c.dep_ == "nsubj" and c.lower_ not in {"it", "there"}:
            has_subject = True
        elif c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            has_clause = True
    return has_subject and has_clause


def _subject(verb: Token) -> Token | None:
    """The verb's own subject, else the subject of the clause it hangs from."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if tok.dep_ not in _INHERIT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


class AttributionFinder:
    """Finds attributions in a parsed Doc with the precompiled lexicon."""

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
            self._text = doc.text
        return self._text

    # ------------------------------------------------------------------ cue tokens

    def _cue_extent(self, verb: Token) -> tuple[int, int]:
        """The verb with its auxiliaries and adverbs ("has also said"), particle
        ("call for"), medium ("said in a statement"), day ("said Sunday") or colon."""
        doc = verb.doc
        start_tok = verb
        while start_tok.i > 0:
            t = doc[start_tok.i - 1]
            if t.head.i != verb.i or t.dep_ not in _CUE_LEFT_DEPS | {"npadvmod"}:
                break
            if t.dep_ in {"advmod", "npadvmod"} and not (
                t.lower_.endswith("ly") or t.lower_ in _CUE_ADVERBS or _after_aux(t, verb)
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

    def _verb_candidate(self, verb: Token) -> _Found | None:
        lemma = verb.lemma_.lower()
        lex = self.lex
        children = list(verb.children)
        deps = {c.dep_ for c in children}
        passive = bool(deps & (_PASSIVE_SUBJECT_DEPS | {"auxpass"}))
        ccomp = [c for c in children if c.dep_ == "ccomp"]
        xcomp = [c for c in children if c.dep_ == "xcomp"]
        dobj = [c for c in children if c.dep_ in {"dobj", "dative"}]
        found = _Found(cue=self._cue_extent(verb), cue_lemma=lemma, kind="indirect")
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
            verb.tag_ == "VBN" and verb.dep_ == "advcl" and not deps & _SUBJECT_DEPS and not passive
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
            subj = _subject(verb)
            if subj is None and dobj and _inverted_tag(verb, dobj[0]):
                # '"It is over," added another Democrat': the parser takes the
                # speaker of an inverted tag for an object
                subj, dobj = dobj[0], dobj[1:]
        tail = None if subj is not None or passive else _tag_tail(verb)
        if tail is not None:
            # '"...," said David Brock, a confidant who heads the group.' parsed with
            # the speaker inside a clause: the words after the tag name the speaker
            found.source = (tail[0].idx, tail[-1].idx + len(tail[-1].text))
            found.source_head = tail.root
        elif subj is not None and subj.dep_ != "expl":
            span = (
                _source_span(subj, self._source_clause_cues)
                if subj.head.i == verb.i
                else _core_span(subj)
            )
            found.source = _trim_source(self._text, span)
            found.source_head = subj
        # recipient ("told the Times"): a hearer, not content
        if lemma in lex.recipient_first and dobj and not passive:
            rec = dobj[0]
            found.recipient = _core_span(rec)
            found.recipient_head = rec
            dobj = dobj[1:]
        # citing X: the cited source is an inner layer of the chain
        for c in children:
            if c.dep_ == "advcl" and c.lemma_.lower() == "cite":
                cited = [g for g in c.children if g.dep_ == "dobj"]
                if cited:
                    found.cited = _core_span(cited[0])
                    found.cited_head = cited[0]
        # content
        content: list[tuple[int, int]] = []
        if ccomp:
            content.extend(_subtree_span(c) for c in ccomp)
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
                h_start, h_end = _subtree_span(head)
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
            t.pos_ in {"VERB", "AUX"} and any(c.dep_ in _SUBJECT_DEPS for c in t.children)
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
        end = _subtree_span(start_tok)[1]
        for c in verb.rights:
            if c.i <= start_tok.i:
                continue
            if c.dep_ in _CONTENT_STOP_DEPS or c.dep_ == "npadvmod":
                break
            if c.dep_ == "prep" and c.lower_ not in _CONTENT_PREPS:
                break  # "blasted him during a rally": the rally is not reported
            end = max(end, _subtree_span(c)[1])
        return [(start_tok.left_edge.idx, end)]

    def _noun_candidate(self, noun: Token) -> _Found | None:
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
        found = _Found(
            cue=(first.idx, last.idx + len(last.text)),
            cue_lemma=noun.lemma_.lower(),
            kind="indirect",
        )
        span = _subtree_span(source) if source.dep_ == "poss" else _source_span(source, frozenset())
        found.source = _trim_source(self._text, span)
        found.source_head = source
        if content.dep_ == "prep":
            objs = [g for g in content.children if g.dep_ in {"pobj", "pcomp"}]
            found.content = _subtree_span(objs[0])
        else:
            found.content = _subtree_span(content)
        return found

    def _headline_colons(self, doc: Doc, para_starts: list[int]) -> list[_Found]:
        """ "Poll: Trump leads in Ohio": a short noun phrase, a colon, then the claim.

        Headlines and paragraph openers credit a source this way; the colon is the cue.
        """
        text = self._text
        out: list[_Found] = []
        for k, start in enumerate(para_starts):
            end = para_starts[k + 1] if k + 1 < len(para_starts) else len(text)
            m = _HEADLINE_COLON_RE.match(text, start, end)
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
            found = _Found(cue=(colon, colon + 1), cue_lemma=":", kind="indirect")
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

    def _phrase_at(self, tok: Token) -> int:
        """Length of the multiword cue ("according to", "as reported by") at ``tok``."""
        doc = tok.doc
        for phrase in self.lex.phrases:
            n = len(phrase)
            if tok.i + n <= len(doc) and all(
                doc[tok.i + k].lower_ == w for k, w in enumerate(phrase)
            ):
                return n
        return 0

    def _according(self, tok: Token, length: int) -> _Found | None:
        """``according to X``: X is the source, the clause it modifies the content."""
        doc = tok.doc
        to = doc[tok.i + length - 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in tok.children if c.dep_ == "pobj"
        ]
        found = _Found(
            cue=(tok.idx, to.idx + len(to.text)), cue_lemma=_SOURCED_PHRASE, kind="indirect"
        )
        if pobj:
            found.source = _subtree_span(pobj[0])
            found.source_head = pobj[0]
            phrase_end = found.source[1]
        else:
            phrase_end = to.idx + len(to.text)
        sent = tok.sent
        left = (sent.start_char, tok.idx)
        right = (phrase_end, sent.end_char)
        text = self._text
        lt, rt = _trim(text, left), _trim(text, right)
        # the larger side is the clause the phrase sources
        if lt and (not rt or lt[1] - lt[0] >= rt[1] - rt[0]):
            found.content = lt
        else:
            found.content = rt
        return found

    def _hedge(self, tok: Token) -> _Found | None:
        """A hedge: an adverb, ``appear/seem to`` or a passive ``is believed to``."""
        lex = self.lex
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        if lower in lex.hedge_adverbs and tok.dep_ == "advmod":
            head = tok.head
            clause = head if head.pos_ in {"VERB", "AUX", "ADJ"} else tok
            found = _Found(cue=(tok.idx, tok.idx + len(tok.text)), cue_lemma=lower, kind="hedge")
            found.content = _subtree_span(clause)
            return found
        if tok.pos_ not in {"VERB", "AUX"}:
            return None
        comps = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp", "acomp", "attr"}]
        if lemma in lex.hedge_raising and comps:
            # the cue is the verb alone (PolNeAR); provenance reports "appear to"
            found = _Found(cue=(tok.idx, tok.idx + len(tok.text)), cue_lemma=lemma, kind="hedge")
            found.content = _subtree_span(tok)
            return found
        auxpass = [c for c in tok.children if c.dep_ == "auxpass"]
        if (
            lemma in lex.hedge_passives
            and auxpass
            and any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children)
        ):
            if any(c.dep_ == "agent" for c in tok.children):
                return None
            found = _Found(
                cue=(auxpass[0].idx, tok.idx + len(tok.text)), cue_lemma=lemma, kind="hedge"
            )
            found.content = _subtree_span(tok)
            return found
        return None

    # ------------------------------------------------------------------ main pass

    def find(self, doc: Doc) -> list[_Found]:
        """Every attribution candidate with spans resolved, in document order."""
        text = self.text_of(doc)
        lex = self.lex
        quotes = find_quotes(text)
        q_starts = [s for s, _ in quotes]
        para_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        verbs = self._verbs
        phrase_starts = self._phrase_starts
        found: list[_Found] = []
        phrase_end = 0  # tokens of a multiword cue are not cues themselves
        for tok in doc:
            if tok.i < phrase_end:
                continue
            lower = tok.lower_
            item: _Found | None = None
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
            elif tok.pos_ in {"VERB", "ADJ"} and _takes_that_clause(tok):
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
        kept: list[_Found] = []
        for f in found:
            if f.content is None and not f.quotes and f.recipient is not None:
                # "Exit polls told a tale": the object was what was told, not a hearer
                f.content, f.recipient, f.recipient_head = f.recipient, None, None
            if f.content is not None:
                f.content = _clip_to_paragraph(f.content, f.cue, para_starts, len(text))
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
                f.content = _close_quotes(quotes, q_starts, f.content)
            if f.content is not None:
                f.content = _trim(text, f.content)
            if f.cue_lemma == _SOURCED_PHRASE and f.content is not None:
                f.content = _quote_scope(text, quotes, q_starts, f)
            if f.content is not None and self._keep(f, _inside(quotes, q_starts, f.cue[0])):
                kept.append(f)
        return kept

    def _clausal(self, content: tuple[int, int], f: _Found) -> bool:
        """Whether a parsed content is a reported clause of its own (three words or
        more, after the cue), rather than a stray object of the verb."""
        if f.source is not None and f.source[0] < content[1] and content[0] < f.source[1]:
            return False  # a clause inside the source's description ("said Ann, who ...")
        return content[0] >= f.cue[1] and len(self._text[content[0] : content[1]].split()) >= 3

    def _fix_source(
        self,
        doc: Doc,
        f: _Found,
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
        if _inside(quotes, q_starts, s) or _inside(quotes, q_starts, max(s, e - 1)):
            cue = doc.char_span(f.cue[0], f.cue[1], alignment_mode="expand")
            if cue is None:
                return
            first = cue[0]
            prev = doc[first.i - 1] if first.i > 0 else None
            if prev is not None and prev.pos_ in {"PRON", "PROPN", "NOUN"}:
                f.source = _trim_source(text, _core_span(prev))
                f.source_head = prev
            elif (tail := _tag_tail(cue.root)) is not None:
                f.source = (tail[0].idx, tail[-1].idx + len(tail[-1].text))
                f.source_head = tail.root
            return
        k = bisect_right(para_starts, f.cue[0]) - 1
        if s < para_starts[k] < e and f.cue[0] >= e:
            f.source = _trim_source(text, (para_starts[k], e))
        elif e <= para_starts[k] <= f.cue[0]:
            # "2:00 p.m.\n\nA court document says ...": the parser took the timestamp
            # above the paragraph; the words opening the paragraph name the source
            before = doc.char_span(para_starts[k], f.cue[0], alignment_mode="contract")
            if (
                before is not None
                and 0 < len(before) <= 8
                and any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in before)
            ):
                f.source = _trim_source(text, (before.start_char, before.end_char))
                f.source_head = before.root

    def _keep(self, f: _Found, quoted: bool) -> bool:
        """Whether a candidate is a real attribution.

        Inside a quotation only a named third party's speech counts ("village elders
        told officials ..."): a speaker's own "I think" is part of what is quoted.
        """
        lex = self.lex
        if quoted:
            if f.kind == "hedge":
                return False
            if f.cue_lemma == _SOURCED_PHRASE:
                return True
            head = f.source_head
            if f.hypothetical:
                return False
            return f.cue_lemma in lex.speech and head is not None and head.pos_ in {"NOUN", "PROPN"}
        if f.kind == "hedge" or f.cue_lemma == _SOURCED_PHRASE:
            return True
        # an infinitive ("refused to support") reports no statement; a cue without
        # a source ("it was announced") is too often not one either; outside a
        # quotation "you" is the reader ("Do you support ...?"), not a speaker
        if f.source_head is not None and f.source_head.lower_ == "you":
            return False
        return not (f.infinitive or f.hypothetical or (f.source is None and not f.unsourced))

    def _speaker(self, f: _Found) -> bool:
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
        found: list[_Found],
        quotes: list[tuple[int, int]],
        para_starts: list[int],
    ) -> None:
        """Give each quotation to the cue of its sentence (see module docstring)."""
        speakers = [f for f in found if f.kind != "hedge" and f.cue_lemma != _SOURCED_PHRASE]
        if not speakers or not quotes:
            return

        def inside_quote(pos: int) -> bool:
            return any(s <= pos < e for s, e in quotes)

        outside = [f for f in speakers if not inside_quote(f.cue[0])]
        owner_of: dict[int, _Found] = {}
        for qi, (qs, qe) in enumerate(quotes):
            para = bisect_right(para_starts, qs) - 1
            last_para = bisect_right(para_starts, qe - 1) - 1  # a quote may span paragraphs
            para_end = para_starts[last_para + 1] if last_para + 1 < len(para_starts) else len(text)
            next_q = quotes[qi + 1][0] if qi + 1 < len(quotes) else len(text)
            prev_q = quotes[qi - 1][1] if qi else 0
            owner: _Found | None = None
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
                    if _INTRO_GAP_RE.fullmatch(text, f.cue[1], qs) or (
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
                    and not _describes(prev, f)
                ]
                gap = text[prev_q:qs]
                same_paragraph = quotes[qi - 1][0] >= para_starts[para] or (
                    not text[para_starts[para] : qs].strip()
                    and quotes[qi - 1][0] >= para_starts[max(para - 1, 0)]
                )
                if (
                    not between
                    and same_paragraph
                    and (_CONTINUE_GAP_RE.search(gap) or not gap.strip())
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
        self, text: str, speakers: list[_Found], qs: int, para_start: int
    ) -> _Found | None:
        """The report whose words end right before the quotation at ``qs``.

        PolNeAR takes a quotation that follows an indirect report in the same
        paragraph, with no other cue between them, as more of the same content.
        """
        best: _Found | None = None
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


def _clip_to_paragraph(
    span: tuple[int, int], cue: tuple[int, int], para_starts: list[int], n: int
) -> tuple[int, int]:
    """A parsed clause stays in its cue's paragraph.

    The parser links words across a paragraph break (a heading, a quotation closing
    the paragraph before); only quotation marks carry what is said over a break, and
    quotations are attached separately.
    """
    k = bisect_right(para_starts, cue[0]) - 1
    lo = para_starts[k]
    hi = para_starts[k + 1] if k + 1 < len(para_starts) else n
    start, end = max(span[0], lo), min(span[1], hi)
    return (start, end) if start < end else span


def _describes(tag: _Found, other: _Found) -> bool:
    """Whether ``other`` sits in a clause describing ``tag``'s source ('said Ann Lee,
    who wrote a book on it,' or 'a Democrat who declined to run'), so that it does
    not interrupt a quotation continued after the tag."""
    head = other.source_head
    if head is not None and head.lower_ in _RELATIVE:
        return True
    src = tag.source_head
    if src is None:
        return False
    lo, hi = src.left_edge.idx, src.right_edge.idx + len(src.right_edge.text)
    return lo <= other.cue[0] < hi


def _close_quotes(
    quotes: list[tuple[int, int]], starts: list[int], span: tuple[int, int]
) -> tuple[int, int]:
    """Extend a content span so that it never cuts a quotation it opens."""
    k = bisect_right(starts, span[1] - 1) - 1
    if k >= 0 and span[0] <= quotes[k][0] < span[1] < quotes[k][1]:
        return span[0], quotes[k][1]
    return span


def _quote_scope(
    text: str, quotes: list[tuple[int, int]], starts: list[int], f: _Found
) -> tuple[int, int] | None:
    """An "according to X" that closes a quotation sources the whole quotation."""
    assert f.content is not None
    k = bisect_right(starts, f.cue[0]) - 1
    if k < 0 or not quotes[k][0] < f.cue[0] < quotes[k][1]:
        return f.content
    end = f.source[1] if f.source else f.cue[1]
    if text[end : quotes[k][1]].strip(" .,;!?\"'”’»") == "":
        return _trim(text, (quotes[k][0] + 1, f.cue[0]))
    return f.content


def _inside(quotes: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls strictly inside a quotation."""
    k = bisect_right(starts, pos) - 1
    return k >= 0 and quotes[k][0] < pos < quotes[k][1]


# ------------------------------------------------------------------- sources/chains


def _canonical(name: str) -> str:
    """A source's display name: no leading article, no trailing ``(ACRONYM)``."""
    name = _ACRONYM_TAIL_RE.sub("", name).strip(" ,")
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class _SourceNamer:
    """Resolves source names across an article: aliases, acronyms and pronouns.

    Uses the actor component's mentions when they exist; otherwise links a shortened
    name ("the Times", "NYT") to an earlier full name ("the New York Times (NYT)") and a
    pronoun to the most recent compatible source.
    """

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.text = text
        #: (name, group, actor) of sources seen so far, most recent last.
        self.history: list[tuple[str, str, Actor | None]] = []
        self.acronyms: dict[str, str] = {}

    def _group(self, head: Token, actor: Actor | None) -> str:
        if actor is not None and actor.kind == "person":
            return "person"
        if head.ent_type_ == "PERSON":
            return "person"
        if head.tag_ in {"NNS", "NNPS"}:
            return "plural"
        return "it"

    def resolve(self, head: Token | None, span: tuple[int, int] | None) -> tuple[str, Actor | None]:
        """Display name and actor for a source noun phrase headed by ``head``."""
        if head is None or span is None:
            return "", None
        doc = self.doc
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head  # "Obama, who endorsed ..." names Obama
        core = _core_span(head)
        actor = actor_at(doc, *core)
        lower = head.lower_
        if head.pos_ == "PRON" and lower in _PRONOUN_GROUPS:
            if actor is not None:
                same = [
                    n for n, _, a in reversed(self.history) if a is not None and a.id == actor.id
                ]
                name = same[0] if same else actor.name
            else:
                want = _PRONOUN_GROUPS[lower]
                name, actor = self._antecedent(want)
            return name or head.text, actor
        raw = self.text[core[0] : core[1]]
        acro = _ACRONYM_TAIL_RE.search(self.text[core[0] : span[1]])
        # the words of the article, not the actor's canonical name: a chain should
        # read "Afghan intelligence officials", with the actor's code beside it
        name = self._alias(_canonical(raw))
        if acro:
            self.acronyms[acro.group(1)] = name
        self.history.append((name, self._group(head, actor), actor))
        return name, actor

    def _alias(self, name: str) -> str:
        if name in self.acronyms:
            return self.acronyms[name]
        words = name.split()
        for earlier, _, _ in reversed(self.history):
            if name == earlier:
                return earlier
            ew = earlier.split()
            if len(words) == 1 and name.isupper() and _initials(earlier) == name:
                return earlier
            if (
                len(words) < len(ew)
                and words
                and ew[-len(words) :] == words
                and words[0][:1].isupper()
            ):
                return earlier
        return name

    def _antecedent(self, group: str) -> tuple[str, Actor | None]:
        for name, g, actor in reversed(self.history):
            if g == group or (group == "plural" and g == "it" and actor is not None):
                return name, actor
        return "", None


class AttributionComponent:
    """spaCy component writing ``doc._.attributions`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str, *, hedges: bool = True) -> None:
        """Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: component name.
        hedges: also record hedges (``reportedly``) as source-less attributions.
        """
        register_extensions()
        self.name = name
        self.hedges = hedges
        self.lexicon = load_lexicon()
        self.finder = AttributionFinder(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        found = self.finder.find(doc)
        if not self.hedges:
            found = [f for f in found if f.kind != "hedge"]
        doc._.attributions = self._records(doc, found)
        return doc

    def _anonymous(self, text: str, f: _Found) -> bool:
        """Named anonymity ("on condition of anonymity") or an unnamed "a senior official"."""
        if f.source is None or f.source_head is None:
            return False
        window_end = f.content[0] if f.content and f.content[0] > f.cue[1] else f.sentence_end
        lo = min(f.source[0], f.cue[0])
        hi = max(f.source[1], window_end)
        if self.lexicon.anonymity.search(text, lo, hi):
            m = self.lexicon.anonymity.search(text, lo, hi)
            if m and (f.content is None or not (f.content[0] <= m.start() < f.content[1])):
                return True
        head = f.source_head
        if (
            head.lemma_.lower() in self.lexicon.anonymous_heads
            or head.lower_ in self.lexicon.anonymous_heads
        ):
            sub = list(head.subtree)
            named = any(t.ent_type_ in {"PERSON"} for t in sub)
            indefinite = sub[0].lower_ in {"a", "an", "one", "some", "several", "two", "three"}
            if not named and (indefinite or head.lemma_.lower() == "source"):
                return True
        return False

    def _drop_nested_non_reports(self, found: list[_Found]) -> list[_Found]:
        """Inside another attribution's content only a report passes a claim on.

        "The Ledger reported that Ortiz said he was leaving the party" nests Ortiz's
        words under the Ledger's; but in "She said Trump wants to win", "wants" is what she
        said, not a second attribution.
        """
        keep = []
        for f in found:
            nested = any(
                o is not f
                and o.kind != "hedge"
                and o.content is not None
                and o.content[0] <= f.cue[0] < o.content[1]
                for o in found
            )
            if (
                not nested
                or f.kind == "hedge"
                or f.cue_lemma in self.lexicon.reporting
                or f.cue_lemma == _SOURCED_PHRASE
            ):
                keep.append(f)
        return keep

    def _records(self, doc: Doc, found: list[_Found]) -> list[Attribution]:
        text = self.finder.text_of(doc)
        art = article_of(doc)
        found.sort(key=lambda f: f.cue)
        found = self._drop_nested_non_reports(found)
        namer = _SourceNamer(doc, text)
        attributions: list[Attribution] = []
        own_links: list[list[SourceLink]] = []
        recipients: list[SourceLink | None] = []
        for i, f in enumerate(found):
            assert f.content is not None
            ts = lambda s: TextSpan(s[0], s[1], text[s[0] : s[1]])  # noqa: E731
            name, actor = namer.resolve(f.source_head, f.source)
            anonymous = self._anonymous(text, f)
            cue = ts(f.cue)
            rec = Attribution(
                id=f"{art.id}-q{i}",
                cue=cue,
                content=ts(f.content),
                source=ts(f.source) if f.source else None,
                source_actor_id=actor.id if actor else None,
                source_code=actor.code if actor else None,
                anonymous=anonymous,
                kind=f.kind,
            )
            links: list[SourceLink] = []
            if f.source is not None and name:
                links.append(
                    SourceLink(
                        name=name,
                        code=rec.source_code,
                        cue=cue.text.rstrip(" :"),
                        anonymous=anonymous,
                        actor_id=rec.source_actor_id,
                        start=f.source[0],
                        end=f.source[1],
                    )
                )
            if f.cited is not None:
                cname, cactor = namer.resolve(f.cited_head, f.cited)
                links.append(
                    SourceLink(
                        name=cname,
                        code=cactor.code if cactor else None,
                        cue="citing",
                        actor_id=cactor.id if cactor else None,
                        start=f.cited[0],
                        end=f.cited[1],
                    )
                )
            hearer: SourceLink | None = None
            if f.recipient is not None:
                rtext = text[f.recipient[0] : f.recipient[1]].lower()
                if (
                    rtext not in self.lexicon.generic_audiences
                    and f.recipient_head is not None
                    and f.recipient_head.pos_ != "PRON"
                ):
                    rname, ractor = namer.resolve(f.recipient_head, f.recipient)
                    hearer = SourceLink(
                        name=rname,
                        code=ractor.code if ractor else None,
                        actor_id=ractor.id if ractor else None,
                        start=f.recipient[0],
                        end=f.recipient[1],
                    )
            attributions.append(rec)
            own_links.append(links)
            recipients.append(hearer)
        self._nest(attributions)
        outlet = (
            [SourceLink(name=art.outlet, code=_outlet_code(doc, art.outlet))] if art.outlet else []
        )
        by_id = {r.id: k for k, r in enumerate(attributions)}
        done: set[int] = set()

        def chain_of(k: int, depth: int = 0) -> list[SourceLink]:
            if k in done or depth > 8:
                return attributions[k].chain
            rec = attributions[k]
            base = chain_of(by_id[rec.parent_id], depth + 1) if rec.parent_id else outlet
            chain = list(base)
            for link in ([recipients[k]] if recipients[k] else []) + own_links[k]:
                if not chain or chain[-1].name.lower() != link.name.lower():
                    chain.append(link)
            rec.chain = chain
            done.add(k)
            return chain

        for k in range(len(attributions)):
            chain_of(k)
        return attributions

    @staticmethod
    def _nest(attributions: list[Attribution]) -> None:
        """``parent_id`` = the smallest other content holding this cue."""
        for rec in attributions:
            best: Attribution | None = None
            for other in attributions:
                if other is rec or other.kind == "hedge":
                    continue
                c = other.content
                holds = c.start <= rec.cue.start and rec.cue.end <= c.end
                if holds and (
                    best is None or c.end - c.start < best.content.end - best.content.start
                ):
                    best = other
            if best is not None and not _contains(rec.content, best.cue):
                rec.parent_id = best.id


def _contains(outer: TextSpan, inner: TextSpan) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _outlet_code(doc: Doc, outlet: str) -> str | None:
    """The code of an actor named like the outlet, when the actor component found one."""
    low = outlet.lower()
    for actor in records(doc, "actors"):
        if actor.name and actor.name.lower() == low:
            return actor.code
    return None


@Language.factory(
    "dotterel_attribution",
    assigns=["doc._.attributions"],
    requires=["token.dep"],
    default_config={"hedges": True},
)
def make_attribution(nlp: Language, name: str, hedges: bool) -> AttributionComponent:
    return AttributionComponent(nlp, name, hedges=hedges)
