"""Agreeing with an opinion (issue 18): PLOVER AGREE is agreeing to act or settle, so
"accepted Gondor's view" takes sides on a proposition; it accuses an actor the
proposition blames, or the holder whose view is rejected, and is otherwise no event.
The same holds for agreeing *that* something is so ("the government agreed that the
economy had slowed", "analysts agree the vote will be close"): a "that" clause with no
modal of future or obligation states a proposition; "agreed that troops *would*
withdraw" settles an act and stays an agreement. Used by :mod:`._relevance`; the word
lists are in ``data/events/relevance.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dotterel.components._syntax import SUBJECT_DEPS
from dotterel.components.events._drafts import Draft
from dotterel.components.events._participants import arguments_for

if TYPE_CHECKING:
    from dotterel.components.events._relevance import RelevanceRules


def agreed_opinion(d: Draft, rules: RelevanceRules) -> bool:
    """Recode or drop an AGREE over an opinion noun (see the module docstring); whether
    the draft was an opinion."""
    noun = opinion_object(d.trigger, rules.opinion_nouns)
    if noun is None:
        noun = _proposition_holder(d.trigger)
    if noun is None:
        return False
    blamed: list[Token] = []
    for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp")):
        words = {t.lemma_.lower() for t in clause.subtree}
        if noun.lemma_.lower() in rules.accusation_nouns or words & rules.blame_words:
            blamed += [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    targets = [a for a in arguments_for(blamed) if a.coded]
    if not targets and d.negated:
        # "did not agree with their leaders' choice": disagreeing with a holder's view
        # is disapproval of the holder (CAMEO 110, PLOVER ACCUSE), an asserted act
        holders = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        targets = arguments_for(holders)
        if targets:
            d.negated = False
    if targets:
        d.code = rules.accuse_code
        d.targets = targets
        d.paired = None
        return False
    d.absorbed = True
    d.dropped = "opinion"
    return True


#: Modals that make a "that" clause an act agreed on, not a proposition.
_ACT_MODALS = frozenset({"will", "would", "shall", "should", "must", "'ll"})


def _proposition_holder(tok: Token) -> Token | None:
    """``tok`` itself when it agrees *that* a proposition holds: a "that" clause (ccomp)
    that is a state ("be") or has no future or deontic modal, and no object, infinitive
    or "with"/"on" phrase of what is agreed."""
    if any(c.dep_ in ("dobj", "obj", "xcomp") for c in tok.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("with", "on", "to") for c in tok.children):
        return None
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    for c in clauses:
        stative = c.lemma_.lower() == "be"  # "will be close": a prediction, no act
        if not stative and any(a.dep_ == "aux" and a.lower_ in _ACT_MODALS for a in c.children):
            return None
    return tok


def opinion_object(tok: Token, nouns: frozenset[str]) -> Token | None:
    """The opinion noun ``tok`` takes as object or with "with" ("agreed with the view")."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in nouns:
            return c
        if c.dep_ == "prep" and c.lower_ == "with":
            for o in c.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in nouns:
                    return o
    return None


__all__ = ["agreed_opinion", "opinion_object"]
