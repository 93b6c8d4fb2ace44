"""Coordinated clauses: gapped objects and subjects the parser hung on the wrong conjunct.

Two parse facts of coordinated clauses that the argument pass needs:

* **Ellipsis of the object's noun.** "The U.S. expelled 60 diplomats, Canada expelled
  13": the second object is a bare number (or quantity word) whose noun is elided; it
  means the same kind of people as the parallel clause's object, so the event takes the
  parallel clause's target (:func:`bare_quantity`, :func:`parallel_verb`).
* **A subject taken for a conjunct of the object.** "Canada expelled 12 diplomats and
  Peru expelled 5" is often parsed with ``Peru`` coordinated with ``diplomats`` and the
  second ``expelled`` subject-less: a noun conjunct right before a subject-less
  coordinated verb is that verb's subject, not a second object
  (:func:`misparsed_subject`).
* **A reporter's act hung on the reported clause.** "X denied that its soldiers had
  entered Kenya and accused Nairobi": a finite past verbal act cannot share the reported
  verb's auxiliary, so it is the reporting verb's conjunct (:func:`reporters_conjunct`).
* **A finite verb hung on an infinitive.** "He asked the chief to review the case and
  urged calm": "urged" cannot share the "to", so it is coordinated with the finite verb
  that governs the infinitive, and has its subject (:func:`infinitive_conjunct_host`).
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dotterel.components.events._arg_words import ArgumentWords
from dotterel.components.events._rules import EventRules
from dotterel.components.events._syntax import OBJ

LOGGER = logging.getLogger(__name__)

#: Dependency labels that link two clauses of one coordination or list.
CLAUSE_LINKS = frozenset({"conj", "ccomp", "parataxis"})
#: What may stand between a gapped subject and its verb ("Peru *has also* expelled").
_BETWEEN = frozenset({"aux", "auxpass", "advmod", "neg"})


def bare_quantity(tok: Token, words: ArgumentWords) -> bool:
    """Whether ``tok`` is a number or quantity with its noun elided ("expelled *13*")."""
    if tok.pos_ == "PROPN" or not words.is_quantity(tok):
        return False
    # "13 of them", "13 diplomats": the noun is there
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def parallel_verb(tok: Token, words: ArgumentWords) -> Token | None:
    """A clause coordinated with ``tok``'s that has the same verb and a full object.

    Looked for one link away (``conj``, ``ccomp``, ``parataxis``, either direction) and
    among the clauses sharing ``tok``'s head: a list of clauses is parsed either way.
    """
    lemma = tok.lemma_.lower()
    near = [c for c in tok.children if c.dep_ in CLAUSE_LINKS]
    if tok.dep_ in CLAUSE_LINKS:
        near.append(tok.head)
        near += [c for c in tok.head.children if c.dep_ in CLAUSE_LINKS and c.i != tok.i]
    for v in near:
        if v.lemma_.lower() != lemma or v.i == tok.i:
            continue
        objs = [c for c in v.children if c.dep_ in OBJ]
        if objs and not all(bare_quantity(o, words) for o in objs):
            return v
    return None


def misparsed_subject(verb: Token) -> Token | None:
    """The noun conjunct right before a subject-less coordinated ``verb``, if it is one.

    "Canada expelled 12 diplomats and *Peru* (has) expelled 5": ``Peru`` hangs as a
    conjunct under the first verb's object; it is the second verb's subject.
    """
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    i = verb.i - 1
    doc = verb.doc
    while i > verb.head.i and doc[i].dep_ in _BETWEEN and doc[i].head.i == verb.i:
        i -= 1
    cand = doc[i]
    if i <= verb.head.i or cand.dep_ != "conj" or cand.pos_ not in ("PROPN", "NOUN"):
        return None
    # the conjunct must hang inside the first verb's phrase, right before this verb
    anc = cand.head
    while anc.i != verb.head.i and anc.head.i != anc.i:
        if anc.dep_ in CLAUSE_LINKS:
            return None
        anc = anc.head
    return cand if anc.i == verb.head.i else None


def reporters_conjunct(tok: Token, head: Token, speaker: Token, rules: EventRules) -> bool:
    """Whether ``tok``, a conjunct of the reported clause's verb ``head``, is really the
    reporting verb ``speaker``'s conjunct: a finite past verbal act (accusing, urging,
    denying, saying: no auxiliary of its own) beside a participle with one ("had
    entered", "were preparing"), the two cannot share it, and ``speaker`` a finite past
    reporting or denial verb ("denied ... and accused", "said ... and urged")."""
    said = rules.reporting_verbs | rules.denial_verbs
    lemma = tok.lemma_.lower()
    return (
        tok.tag_ == "VBD"
        and head.tag_ in ("VBN", "VBG")
        and any(c.dep_ in ("aux", "auxpass") for c in head.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        and speaker.tag_ == "VBD"
        and speaker.lemma_.lower() in said
        and (lemma in said or lemma in rules.object_control_verbs)
    )


def infinitive_conjunct_host(tok: Token, head: Token) -> Token | None:
    """The finite verb governing the bare infinitive ``head`` that a finite past
    conjunct ``tok`` really coordinates with ("asked X *to review* Y and *urged* Z":
    "asked"), or None when ``tok`` is no such conjunct."""
    if tok.tag_ != "VBD" or head.tag_ != "VB":
        return None
    cur = head
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "ccomp", "advcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return cur
    return None
