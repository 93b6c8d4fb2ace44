"""Dependency labels and parse-tree walks that every events pass shares.

Everything here reads only the spaCy parse: which labels mark objects and clauses (the
subject labels, shared with attribution, are in :mod:`dotterel.components._syntax`), how
coordinated heads and appositive lists are gathered, and which character span a phrase
covers with some of its dependents left out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, doc_text

LOGGER = logging.getLogger(__name__)

#: Dependency labels of objects, datives and clausal complements (spaCy English scheme);
#: subjects are in :mod:`dotterel.components._syntax`.
OBJ = frozenset({"dobj", "obj", "attr", "oprd"})
DATIVE = frozenset({"dative", "iobj"})
EMBED = frozenset({"xcomp", "ccomp", "pcomp"})
#: Noun modifiers that can name the actor of an event noun ("the Taliban assault").
NOUN_ACTOR_MODS = frozenset({"poss", "compound", "amod", "nmod"})

#: What to leave out of a phrase: its coordinated siblings and clauses always; for the
#: text also its prepositional phrases; for the core also possessives and appositions.
CUT_PHRASE = frozenset({"conj", "cc", "relcl", "acl"})
CUT_TEXT = CUT_PHRASE | {"prep"}
CUT_CORE = CUT_TEXT | {"poss", "appos"}


def infinitival_modifier(tok: Token) -> bool:
    """Whether ``tok`` heads a subject-less "to" clause on a noun ("a place *to visit*")."""
    return (
        tok.dep_ in ("relcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)
    )


def is_passive(tok: Token) -> bool:
    """Whether ``tok`` has a passive subject or auxiliary ("was attacked")."""
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in tok.children)


def conj_heads(tok: Token) -> list[Token]:
    """``tok`` and the heads coordinated with it ("Iran and Russia" -> [Iran, Russia])."""
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ == "conj":
                out.append(c)
                stack.append(c)
    return out


def list_members(tok: Token, is_actor: Callable[[Token], bool]) -> list[Token]:
    """``tok`` and its coordinated heads, also across an appositive list.

    "Mordor, the Shire, Fornost and Bree" is often parsed as ``Mordor`` with the
    apposition ``the Shire``, which heads the conjuncts ``Fornost`` and ``Bree``. An
    apposition that is itself coordinated is a list, not a second name for ``tok``.
    """
    out = conj_heads(tok)
    listed = len(out) > 1
    for member in list(out):
        for c in member.children:
            if c.dep_ != "appos" or not (listed or any(g.dep_ == "conj" for g in c.children)):
                continue
            if c.left_edge.tag_ in ("WDT", "WP"):
                continue  # ", which border Belarus,": a relative clause the parser misread
            # "Mordor, the Shire, Fornost and Bree"; "Mordor, the awful Fornost, and
            # Gondor" (the apposition sits between conjuncts: it is one of them). Only
            # when every member is an actor: "Iran, its ally Russia, and China" keeps
            # "its ally Russia" as Iran's apposition.
            members = conj_heads(c)
            if all(is_actor(x) for x in members):
                out.extend(x for x in members if x not in out)
                if not listed and member is tok and tok.tag_ == "NNS":
                    # "several EU countries -- Austria, Slovakia and Greece": a plural
                    # common noun describes the list that follows, it is no member
                    out.remove(tok)
    return out


#: Determiners of a noun that names something already known ("the attack", "this move").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def is_definite(noun: Token) -> bool:
    """Whether ``noun`` is determined by "the", "this", "that", "these" or "those"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)


def all_preps(tok: Token) -> set[str]:
    """The lemmas of ``tok``'s prepositions (including ``by`` agents and datives)."""
    return {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "agent", "dative")}


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of ``tok``'s prepositions whose lemma is in ``preps``."""
    wanted = set(preps)
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lemma_.lower() in wanted:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def first_word(tok: Token, words: set[str] | frozenset[str]) -> str | None:
    """The first word of ``tok``'s sentence whose form or lemma is in ``words``."""
    for t in tok.sent:
        if t.lower_ in words or t.lemma_.lower() in words:
            return t.text
    return None


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The head token of the words at characters ``[start, end)`` (an argument's phrase),
    or ``None`` when no token lies there."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def char_text(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]``, widened to whole tokens (a slice of the text kept once
    per document: ``Span.text`` would join the span's tokens)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return doc_text(doc)[span.start_char : span.end_char] if span is not None else ""


def own_span(tok: Token, *, cut: frozenset[str] = CUT_PHRASE) -> tuple[int, int]:
    """Character span of ``tok``'s subtree without the dependents labelled in ``cut``."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in cut or (c.dep_ == "punct" and c.i > tok.i):
            skip.update(x.i for x in c.subtree)
    toks = [t for t in tok.subtree if t.i not in skip and t.dep_ != "punct"] or [tok]
    first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


def second_object_verb(tok: Token) -> Token | None:
    """The verb of a double-object construction whose second object the parser hung on
    the first as an apposition ("gave *Lopez* the nod": "nod" appos of "Lopez"), else
    ``None``. A noun in apposition to a verb's object with no comma between them is that
    verb's second object: an apposition proper is set off by punctuation."""
    head = tok.head
    if tok.dep_ != "appos" or head.dep_ not in OBJ | DATIVE or head.head.pos_ != "VERB":
        return None
    if any(t.is_punct for t in tok.doc[head.i + 1 : tok.left_edge.i]):
        return None
    return head.head
