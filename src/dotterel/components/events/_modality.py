"""Pass 3: negation and modality of each event.

``negated`` from ``not``/``never``/``no`` and "failed to"; ``modality`` from auxiliaries,
controlling verbs and adverbs (``will``, ``plans to`` -> intended; ``could``, ``if`` ->
hypothetical; ``reportedly``, ``appear to``, ``is believed to`` -> hedged). The word
lists are in ``data/events/rules.json``.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dotterel.components.events._drafts import Draft
from dotterel.components.events._rules import EventRules
from dotterel.components.events._syntax import first_word

LOGGER = logging.getLogger(__name__)


def assign_modality(d: Draft, rules: EventRules) -> None:
    """Set ``d.negated``, ``d.modality`` and its cue from the words around the trigger.

    The verbs that govern the trigger inside its clause ("is about to", "plans to") and
    their dependents are read together; "fail to"/"cease to" also mark ``d.failed``, and
    an obligation under a verb of saying ("said Y must") marks ``d.demanded_by``.
    """
    r = rules
    tok = d.trigger
    chain = governing_chain(tok)
    shared: list[Token] = []
    top = chain[-1]
    if shares_clause(tok):
        # "would expel X and close Y", "plans to meet and sign": the conjunct shares the
        # first verb's auxiliaries, the verbs that govern it and its clause's head
        first = governing_chain(tok.head)
        chain += first[1:]
        top = first[-1]
        shared = [c for c in tok.head.children if c.dep_ in _SHARED_DEPS and c.i < tok.head.i]
    if (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.head.i != tok.i
        and tok.head not in chain
        and tok.head.pos_ != "ADP"  # "asked about his criticisms": no "about to"
    ):
        chain.append(tok.head)
    deps = [c for t in chain for c in t.children] + shared
    words = {c.lower_ for c in deps}
    lemmas = {c.lemma_.lower() for c in deps}
    heads = {t.lemma_.lower() for t in chain[1:]}
    d.negated = any(
        c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in r.negation_words)
        for c in deps
    )
    if not d.negated and _negative_subject_or_head(chain, r):
        d.negated = True
    if heads & r.negating_heads:
        d.negated = d.failed = True
    aux = {c.lower_ for c in deps if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for c in deps if c.dep_ == "mark"}
    if tok.dep_ == "advcl":
        marks |= {c.lower_ for c in tok.children if c.dep_ == "mark"}
    while top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX") and len(chain) < 8:
        # "said it would prohibit X and would deny Y": a coordinated clause is reported too
        top = governing_chain(top.head)[-1]
    reported = top.dep_ == "ccomp" and top.head.lemma_.lower() in r.reporting_verbs
    if aux & r.obligation_aux and top.dep_ == "ccomp":
        d.demanded_by = top.head
    if aux & r.obligation_aux and not marks & r.hypothetical_marks:
        # "he should be released", "should never have been arrested" (a speech act)
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in deps)
        d.obliged = "perfect" if perfect else "present"
    hedges = (words | lemmas) & r.hedge_adverbs or heads & r.hedge_heads
    if aux & r.hypothetical_aux or marks & r.hypothetical_marks:
        # "said they would boycott" is a reported intention, not a condition
        conditional = reported and "would" in aux and not marks & r.hypothetical_marks
        d.modality = "intended" if conditional else "hypothetical"
    elif hedges:
        d.modality = "hedged"
        d.cue = first_word(tok, hedges)
    elif aux & r.intent_aux or heads & r.intent_heads or (going_to(deps) and "to" in words):
        d.modality = "intended"


#: Dependents that head a clause of their own: they say nothing of the trigger's modality.
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "conj", "relcl"})


def going_to(deps: list[Token]) -> bool:
    """ "is going to ...": a "going" among the dependents, unless it heads a clause of its
    own ("give X the nod after her comment that 'we're going to ...'")."""
    return any(c.lower_ == "going" and c.dep_ not in _CLAUSE_DEPS for c in deps)


#: Dependents a verb's conjunct shares when it has no subject nor auxiliary of its own.
_SHARED_DEPS = frozenset({"aux", "auxpass", "neg"})
#: A conjunct with one of these has its own clause: it shares nothing.
_OWN_CLAUSE_DEPS = _SHARED_DEPS | SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS


def governing_chain(tok: Token) -> list[Token]:
    """``tok`` and the verbs that govern it inside its clause ("is about to", "plans to")."""
    chain = [tok]
    cur = tok
    while cur.dep_ in ("xcomp", "acomp", "pcomp", "prep", "dobj") and len(chain) < 5:
        if cur.dep_ == "dobj" and cur.pos_ not in ("NOUN", "PROPN", "VERB"):
            break
        cur = cur.head
        chain.append(cur)
    return chain


def shares_clause(tok: Token) -> bool:
    """Whether the verb ``tok`` is a conjunct sharing the clause of the verb before it.

    English coordination shares the subject, the auxiliaries before the first verb and
    the verbs that govern it across conjuncts that have no subject nor auxiliary of their
    own: in "should never have been arrested or prosecuted", "did not attack or occupy"
    and "would expel X and close Y" the parser hangs "should", "never", "not", "would" on
    the first verb only.
    """
    head = tok.head
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or head.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ in _OWN_CLAUSE_DEPS for c in tok.children)


def _negative_subject_or_head(chain: list[Token], r: EventRules) -> bool:
    """ "said no soldiers had fired", "none of its soldiers fired" (a negative subject) and
    "there has been no agreement to withdraw" (the event qualifies a negated noun)."""
    for t in chain:
        for c in t.children:
            if c.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if c.lower_ in r.negation_words:
                return True
            if any(g.dep_ == "det" and g.lower_ in r.negation_words for g in c.children):
                return True
    top = chain[-1]
    return top.dep_ == "acl" and any(
        g.dep_ == "det" and g.lower_ in r.negation_words for g in top.head.children
    )
