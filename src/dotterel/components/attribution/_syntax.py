"""Dependency-tree tests shared by the cue finders.

Owns the questions asked of the parse around a cue: a verb's subject (its own or the
clause it hangs from), an inverted tag ('"...," said Ann Lee'), a "that" clause, an
adverb between an auxiliary and its verb, and the relative pronouns.
"""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from dotterel.components._syntax import SUBJECT_DEPS

LOGGER = logging.getLogger(__name__)

INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "acl", "acomp"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


def after_aux(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` stands between an auxiliary of ``verb`` and the verb
    ("has long said", "had last month called"): PolNeAR's cue runs from the
    auxiliary to the verb."""
    return any(c.dep_ in {"aux", "auxpass"} and c.i < tok.i for c in verb.children if c.i < verb.i)


def inverted_tag(verb: Token, obj: Token) -> bool:
    """Whether ``verb obj`` is a tag with the speaker after the verb: the verb follows
    a comma or closing quotation mark and its object follows it directly."""
    if verb.i == 0 or obj.i <= verb.i:
        return False
    prev = verb.doc[verb.i - 1]
    if prev.text not in {",", "”", '"', "''", "’", "'"}:
        return False
    return obj.left_edge.i == verb.i + 1 and obj.pos_ in {"NOUN", "PROPN"}


TAG_MARKS = frozenset({",", "”", '"', "''", "’", "'"})


def tag_tail(verb: Token) -> Span | None:
    """The speaker after an inverted tag ('"...," said Ann Lee, a lawyer.'): the
    words from the verb to the sentence end, up to a participle clause (", asked
    about ...") or a new quotation; ``None`` unless the verb directly follows a
    comma or closing quotation mark and a name or noun phrase directly follows it."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text not in TAG_MARKS:
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


def takes_that_clause(verb: Token) -> bool:
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


def verb_subject(verb: Token) -> Token | None:
    """The verb's own subject, else the subject of the clause it hangs from."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if tok.dep_ not in INHERIT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None
