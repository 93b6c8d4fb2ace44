"""Where a text does not assert an act: questions, suppositions, wishes, purposes,
prevented acts, speculation and direct speech (issue 18). Tests on single tokens, used by
:mod:`._relevance`; the word lists come from ``data/events/relevance.json``.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from dotterel.components._syntax import doc_text
from dotterel.components.events._drafts import Draft

_CLOSERS = frozenset({'"', "\u201d", "'", "\u2019", ")"})


def in_question(tok: Token) -> bool:
    """Whether ``tok`` is in a question ("can they file a lawsuit?"): not a realised act."""
    sent = tok.sent
    last = sent[-1]
    while last.i > sent.start and (last.is_space or last.text in _CLOSERS):
        last = tok.doc[last.i - 1]
    return last.text == "?"


#: Links from a verb up to the predicate of its clause ("will agree *to sign*").
_PREDICATE_LINKS = frozenset({"xcomp", "conj", "ccomp"})


def unrealised_frame(
    tok: Token,
    wish_verbs: frozenset[str],
    prevention_verbs: frozenset[str] = frozenset(),
    unrealised_heads: frozenset[str] = frozenset(),
    belief_nouns: frozenset[str] = frozenset(),
    intensional_verbs: frozenset[str] = frozenset(),
) -> str | None:
    """ "wish" when ``tok`` is inside the clausal complement of a verb of wishing,
    "belief" inside the "that" clause of a noun of belief or hope ("expressed his belief
    that X will contribute", "voiced hope that Y would sign"), "purpose" inside an "in
    order to" clause, "prevented" in the "from"-gerund of a verb of prevention,
    "unrealised" in the infinitive of a word of need or inability (``unrealised_heads``:
    "was unable to overcome", "needs to support"), "sought" in a relative clause on an
    indefinite object of an intensional verb ("we need *a leader who will* stand up to
    X": a wished-for person's acts, ``intensional_verbs``); else None."""
    cur = tok
    predicate = True
    while cur.head.i != cur.i:
        head = cur.head
        if cur is tok and cur.dep_ == "xcomp" and head.lemma_.lower() in unrealised_heads:
            return "unrealised"
        if (
            cur is tok  # the gerund itself: deeper clauses under it are their own
            and cur.dep_ == "pcomp"
            and head.lower_ == "from"
            and head.head.lemma_.lower() in prevention_verbs
        ):
            return "prevented"
        # the word form too: the small model lemmatises "hopes" as "hop"
        if cur.dep_ == "ccomp" and (head.lemma_.lower() in wish_verbs or head.lower_ in wish_verbs):
            return "wish"
        if cur.dep_ == "acl" and head.lower_ == "order" and head.head.lower_ == "in":
            return "purpose"
        if predicate and cur.dep_ == "relcl" and _sought(head, intensional_verbs):
            return "sought"
        if (
            predicate
            and cur.dep_ in ("acl", "ccomp")
            and head.lemma_.lower() in belief_nouns
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
        ):
            return "belief"
        # the belief is about its clause's predicate, not about the noun phrases in it
        # ("the outcomes gained during the visit will contribute": the visit took place)
        predicate = predicate and cur.dep_ in _PREDICATE_LINKS
        cur = head
    return None


#: Indefinite pronouns and determiners of a person who may not exist.
_INDEFINITES = frozenset({"a", "an", "any", "someone", "somebody", "anyone", "anybody"})


def _sought(noun: Token, intensional_verbs: frozenset[str]) -> bool:
    """Whether ``noun`` is an indefinite object of an intensional verb ("need *a
    leader*", "looking for *someone*")."""
    if not (
        noun.lower_ in _INDEFINITES
        or any(c.dep_ == "det" and c.lower_ in _INDEFINITES for c in noun.children)
    ):
        return False
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "looking for someone who ..."
    elif noun.dep_ not in ("dobj", "obj"):
        return False
    return verb.lemma_.lower() in intensional_verbs


def in_condition(tok: Token, marks: frozenset[str]) -> bool:
    """Whether ``tok`` sits in an ``if``/``unless`` clause, however deep ("if the court
    that sentenced him had acted ..."): a supposition, not a realised act."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in marks for c in cur.children
        ):
            return True
        cur = cur.head
    return False


#: Quotation marks and paragraph breaks, for :func:`quote_states`.
_QUOTE_MARKS = re.compile('["\u201c\u201d\n]')


def quote_states(text: str) -> tuple[list[int], list[bool]]:
    """Where the text enters or leaves direct speech: offsets of quotation marks and
    paragraph breaks, and whether the text after each is inside quotation marks.

    A curly mark says which side it opens, a straight one toggles, and a paragraph
    break closes any quote left open (a quote is not continued over paragraphs). One
    regular-expression pass over the text: no per-token work.
    """
    offsets: list[int] = []
    states: list[bool] = []
    inside = False
    for m in _QUOTE_MARKS.finditer(text):
        ch = m.group()
        inside = ch == "\u201c" or (ch == '"' and not inside)
        offsets.append(m.start())
        states.append(inside)
    return offsets, states


def in_direct_quote(tok: Token, states: tuple[list[int], list[bool]] | None = None) -> bool:
    """Whether ``tok`` stands inside quotation marks (``states``: :func:`quote_states`
    of its document, computed here when not given)."""
    offsets, inside = states if states is not None else quote_states(doc_text(tok.doc))
    k = bisect.bisect_right(offsets, tok.idx) - 1
    return k >= 0 and inside[k]


def speculation(d: Draft) -> bool:
    """A hypothetical act ("could", "would", "might") without both sides coded.

    The events guide codes no predictions or generic statements: "the expulsion of a
    few people might seem symbolic", "the consulate would have to suspend work" speak of
    a possible act, not of one between two named actors; a conditional act with both
    sides named ("Gondor may well endorse Arnor") stays, with modality hypothetical.
    """
    if d.modality != "hypothetical":
        return False
    return not (any(a.coded for a in d.sources) and any(a.coded for a in d.targets))


__all__ = [
    "in_condition",
    "in_direct_quote",
    "in_question",
    "quote_states",
    "speculation",
    "unrealised_frame",
]
