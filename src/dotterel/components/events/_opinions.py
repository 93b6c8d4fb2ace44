"""Agreeing with an opinion (issue 18): PLOVER AGREE is agreeing to act or settle, so
"accepted Gondor's view" takes sides on a proposition; it accuses an actor the
proposition blames, or the holder whose view is rejected, and is otherwise no event.
The same holds for agreeing *that* something is so ("the government agreed that the
economy had slowed", "analysts agree the vote will be close"): a "that" clause with no
modal of future or obligation, or one whose subject is a thing ("agree that the tariffs
will hurt farmers"), states a proposition, also when agreed *with* someone ("agreed with
critics that the plan was too costly", with no modal in the clause); "agreed that troops
*would* withdraw" and "agreed with Egypt that the border would reopen" settle an act and
stay agreements. Agreeing *with a person* on no act ("she agreed with Sanders on most
issues") shares a view. Used by :mod:`._relevance`; the word lists are in
``data/events/relevance.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dotterel.components._syntax import SUBJECT_DEPS
from dotterel.components.events._drafts import Draft
from dotterel.components.events._participants import arguments_for, is_actorish

if TYPE_CHECKING:
    from dotterel.components.events._relevance import RelevanceRules


def agreed_opinion(d: Draft, rules: RelevanceRules) -> bool:
    """Recode or drop an AGREE over an opinion noun (see the module docstring); whether
    the draft was an opinion."""
    noun = opinion_object(d.trigger, rules.opinion_nouns)
    if noun is None:
        noun = _proposition_holder(d.trigger)
    if noun is None and not d.negated and _shared_view(d.trigger, rules):
        noun = d.trigger
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
    if any(c.dep_ == "prep" and c.lower_ in ("on", "to") for c in tok.children):
        return None
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    # "agreed *with* critics that the plan was too costly" shares their view; with a
    # party "with" whom an act is settled ("agreed with Egypt that troops would
    # withdraw"), any modal of future or obligation makes it an agreement
    partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
    for c in clauses:
        stative = c.lemma_.lower() == "be"  # "will be close": a prediction, no act
        if (partner and _modal(c)) or (not stative and _act_clause(c)):
            return None
    return tok


def _modal(clause: Token) -> bool:
    """Whether a "that" clause has a modal of future or obligation ("would withdraw")."""
    return any(a.dep_ == "aux" and a.lower_ in _ACT_MODALS for a in clause.children)


def _act_clause(clause: Token) -> bool:
    """A "that" clause with a modal of future or obligation whose subject can act ("that
    troops would withdraw") or that is passive ("that elections would be held"): an act
    agreed on; with a thing as its subject ("that the tariffs will hurt farmers") it is a
    prediction."""
    if not any(a.dep_ == "aux" and a.lower_ in _ACT_MODALS for a in clause.children):
        return False
    subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if not subjects or any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children):
        return True
    return any(s.pos_ in ("PRON", "PROPN") or is_actorish(s) or _agentive(s) for s in subjects)


def _agentive(tok: Token) -> bool:
    """A person or group noun that can act: a named entity, a side or force ("troops",
    "both sides"), or an English agent noun ("observers", "inspectors", "negotiators")."""
    lemma = tok.lemma_.lower()
    return (
        tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or lemma in _GROUPS
        or lemma.endswith(_AGENT_SUFFIXES)
    )


#: Nouns of sides and forces that act though no actor table names them.
_GROUPS = frozenset({"side", "party", "troop", "force", "country", "government", "army"})
#: Suffixes of English agent nouns (observer, inspector, activist, civilian, participant).
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")


def _shared_view(tok: Token, rules: RelevanceRules) -> bool:
    """ "She agreed with Sanders on most issues", "both sides agree on the importance of
    stability": agreeing with a person, or on an opinion or an issue, on no act (no
    object, infinitive or clause; an "on" phrase, if any, over an opinion or an issue)
    shares a view; "agreed with Egypt on a ceasefire" or "to a truce" settles one."""
    if tok.lemma_.lower() != "agree" or any(
        c.dep_ in ("dobj", "obj", "xcomp", "ccomp") for c in tok.children
    ):
        return False
    preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
    if "to" in preps or not ("with" in preps or "on" in preps):
        return False
    if "with" in preps and not any(
        o.dep_ == "pobj" and is_actorish(o) for o in preps["with"].children
    ):
        return False
    on = preps.get("on")  # "both sides agree on the importance of stability": a view
    topics = [o for o in on.children if o.dep_ == "pobj"] if on is not None else []
    if "with" not in preps and any(_names_an_act(o) for o in topics):
        return False  # "agreed on the need for a ceasefire": an act settled on
    return all(o.lemma_.lower() in rules.opinion_nouns | rules.issue_nouns for o in topics)


def _names_an_act(noun: Token) -> bool:
    """An issue noun completed by an act: "the need *for a ceasefire*", "*to resume* talks"."""
    return any(
        (c.dep_ == "prep" and c.lower_ == "for")
        or (c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
        for c in noun.children
    )


def policy_stance(d: Draft, rules: RelevanceRules) -> bool:
    """Support for (or, by a stance verb, opposition to) a policy, an idea or a state of
    affairs (``policy_nouns``, ``proposal_nouns``) that names no actor ("supports a
    two-state solution", "backed stronger gun laws", "opposes a wage increase"): the
    source's stance, not an act toward anyone (PLOVER SUPPORT has an actor as its
    recipient). Apologies, forgiveness and signing an agreement (``stance_free_codes``:
    the other signatory is found by the mutual-act rules) need none in the object."""
    if not d.targets or d.others or d.symmetric or d.code in rules.stance_free_codes:
        return False
    doc = d.trigger.doc
    for a in d.targets:
        if a.coded:
            return False
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        if any(_names_someone(t, rules) for t in span):
            return False  # "his officers", "the Kurds' cause", "talks with Russia"
        if span.root.lemma_.lower() not in rules.policy_nouns | rules.proposal_nouns:
            return False  # "the bureau", "several groups": bodies, not policies
    return True


def _names_someone(tok: Token, rules: RelevanceRules) -> bool:
    return (
        tok.pos_ in ("PROPN", "PRON")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or tok.lemma_.lower() in rules.person_nouns
        or _agentive(tok)
    )


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


__all__ = ["agreed_opinion", "opinion_object", "policy_stance"]
