"""Evaluating an act is an act towards its doer, not its victim (issue 18).

"Russia criticised the sanctions against Iran" criticises whoever imposed the sanctions;
"Turkey backed the offensive against the militants" backs whoever wages it; "China
condemned the attack on the embassy" condemns the attackers. When the object of a verb
of praise, support, criticism or rejection (CAMEO 050-052, 11, 12) is itself an event
noun, the evaluation's target is that act's source; the act's own patient ("Iran", "the
militants", "the embassy"), which the argument search found inside the object phrase,
is not the target. An act whose doer the text does not name leaves the evaluation
without a target rather than with the wrong one.

An act named again by a definite noun with no participants of its own ("Turkey
condemned *the attack*", "Crane's campaign dismissed *the endorsement*") is the last
act of its kind the article reported before: its doer is the target.

An investigation *into* an act (CAMEO 09: "opened an investigation into the police
shooting", "investigating the killing of the journalist") investigates its doer.

Accepting or turning down "the invitation", "the offer", "the proposal" (CAMEO 03
agree, 12 reject; ``request_nouns``) answers the last one who invited, offered or
proposed (CAMEO 02 appeals, 03 offers) before it, as rejecting "the charges" answers
the last accuser; praising or criticising "the decision", "the ruling", "the move"
(``act_nouns``) judges the doer of the last act before it.

Praise *for* a helpful act names its beneficiary: "Vietnam thanked Japan for its
assistance", "Kenya lauded China for its support" - the help (CAMEO 05 support, 06
cooperation, 07 aid) went to the one who thanks, when the act names no target itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._rules import ACCUSE_ROOT, REJECT_ROOT
from dotterel.components.events._syntax import OBJ, is_definite, prep_objects

#: CAMEO codes (prefixes) of evaluating another's act: support, praise or endorse,
#: defend verbally (050-052), disapprove (11), reject (12).
EVALUATION_CODES = ("050", "051", "052", "11", "12")
#: Investigation (09) and the prepositions of what is investigated.
INVESTIGATION_ROOT = "09"
_INQUIRY_PREPS = frozenset({"into", "of", "over"})
#: Praise (051) and the helpful acts it thanks for: support, cooperation, aid.
PRAISE_CODE = "051"
HELP_ROOTS = ("05", "06", "07")


#: CAMEO roots of an answer to a proposal (agree, reject) and of what it answers
#: (appeals and requests, offers and intents).
ANSWER_ROOTS = ("03", "12")
PROPOSAL_ROOTS = ("02", "03")
#: CAMEO roots of material acts (cooperation, aid, yielding, protest, force, sanctions,
#: coercion, violence): what "the decision", "the move" may name; statements may not.
MATERIAL_ROOTS = ("06", "07", "08", "14", "15", "16", "17", "18", "19", "20")


def answer_named_acts(
    drafts: dict[int, Draft], request_nouns: frozenset[str], act_nouns: frozenset[str]
) -> None:
    """Point an answer to an earlier act, named by a definite noun that is no event of
    its own, at that act's doer when the answer has no coded target: accepting or
    refusing "the invitation", "the offer" (``request_nouns``) answers the last one who
    invited or offered (CAMEO 02, 03); praising, criticising or rejecting "the
    decision", "the ruling", "the move" (``act_nouns``) judges the doer of the last
    material act (no statement: :data:`MATERIAL_ROOTS`) of its sentence or the one
    before ("The court freed him. The government criticised the ruling"); further back,
    which act is meant is not safe to guess."""
    for d in _live(drafts.values()):
        if any(t.coded for t in d.targets):
            continue
        answer = d.code.startswith(ANSWER_ROOTS)
        judgement = d.trigger.pos_ == "VERB" and d.code.startswith(EVALUATION_CODES)
        if not (answer or judgement):
            continue
        for c in d.trigger.children:
            lemma = c.lemma_.lower()
            if c.dep_ not in OBJ or c.i in drafts:
                continue
            if answer and lemma in request_nouns:
                roots: tuple[str, ...] = PROPOSAL_ROOTS
            elif judgement and lemma in act_nouns:
                roots = MATERIAL_ROOTS
            else:
                continue
            near = roots is MATERIAL_ROOTS
            d.targets = _last_doers(d, c, drafts, roots, near=near) or d.targets
            break


def _last_doers(
    d: Draft, noun: Token, drafts: dict[int, Draft], roots: tuple[str, ...], *, near: bool
) -> list[Argument]:
    """The coded sources (not ``d``'s own) of the last act of CAMEO ``roots`` before a
    definite ``noun`` (``near``: in its sentence or the one before); none for an
    indefinite noun ("accepted an invitation to ...": a new one, named in its phrase)."""
    if not is_definite(noun):
        return []
    own = {s.key for s in d.sources}
    start = noun.sent.start
    floor = noun.doc[start - 1].sent.start if near and start > 0 else 0
    earlier = [
        p
        for p in drafts.values()
        if p is not d
        and not p.absorbed
        and floor <= p.trigger.i < noun.i
        and p.code.startswith(roots)
        and any(a.coded and a.key not in own for a in p.sources)
    ]
    if not earlier:
        return []
    last = max(earlier, key=lambda p: p.trigger.i)
    return [a for a in last.sources if a.coded and a.key not in own]


def retarget_evaluations(drafts: dict[int, Draft], charge_nouns: frozenset[str]) -> None:
    """Point each evaluation of an act noun at the act's doer (module docstring).

    ``charge_nouns`` (``denial_object_nouns``: "charges", "allegations") name an earlier
    accusation when a rejection's object is one of them ("Kaya denied the charges").
    """
    for d in _live(drafts.values()):
        tok = d.trigger
        if d.code.startswith(INVESTIGATION_ROOT):
            _investigated(d, drafts)
        if tok.pos_ != "VERB" or not d.code.startswith(EVALUATION_CODES):
            continue
        if d.code.startswith(REJECT_ROOT) and _rejects_charges(d, drafts, charge_nouns):
            continue
        act = next(
            (
                n
                for c in tok.children
                if c.dep_ in OBJ and (n := drafts.get(c.i)) is not None and n is not d
            ),
            None,
        )
        if d.code.startswith(PRAISE_CODE):
            _thanked_for(d, drafts)
        if act is None or act.trigger.pos_ not in ("NOUN", "PROPN"):
            continue
        inside = range(act.trigger.left_edge.idx, act.trigger.right_edge.idx + 1)
        if not d.targets or any(t.start not in inside for t in d.targets):
            continue  # a target of its own outside the act's phrase stays
        own = {s.key for s in d.sources}
        sources = act.sources or _antecedent_sources(act.trigger, act.code[:2], drafts)
        doers = [s for s in sources if s.key not in own]
        if doers:
            d.targets = doers
        else:  # the act's victims are no target; another phrase ("made by X") stays
            victims = {t.key for t in act.targets}
            d.targets = [t for t in d.targets if t.key not in victims]


def _rejects_charges(d: Draft, drafts: dict[int, Draft], charge_nouns: frozenset[str]) -> bool:
    """A rejection of "the charges" answers the last accuser before it; whether ``d``
    rejects such a noun that is no event of its own."""
    for c in d.trigger.children:
        if c.dep_ in OBJ and c.lemma_.lower() in charge_nouns and c.i not in drafts:
            accusers = _antecedent_sources(c, ACCUSE_ROOT, drafts)
            own = {s.key for s in d.sources}
            accusers = [a for a in accusers if a.key not in own]
            if accusers:
                d.targets = accusers
            return True
    return False


def _antecedent_sources(noun: Token, root: str, drafts: dict[int, Draft]) -> list[Argument]:
    """The sources of the act a definite, participant-less noun names again: the last
    earlier act of the CAMEO ``root`` with a coded source."""
    if not is_definite(noun):
        return []
    if any(
        c.dep_ in ("poss", "prep", "compound", "amod") and c.lower_ != "as" for c in noun.children
    ):
        # "the Taliban attack on X", "the attack on X": participants of its own ("the
        # raid as a massacre" labels it: no participant)
        return []
    earlier = [
        d
        for d in drafts.values()
        if d.trigger.i < noun.i and d.code[:2] == root and any(s.coded for s in d.sources)
    ]
    if not earlier:
        return []
    return [s for s in max(earlier, key=lambda d: d.trigger.i).sources if s.coded]


def _investigated(d: Draft, drafts: dict[int, Draft]) -> None:
    """An investigation of an act investigates the act's doer, when it names no one."""
    if any(t.coded for t in d.targets):
        return
    tok = d.trigger
    objects = [c for c in tok.children if c.dep_ in OBJ] + prep_objects(tok, _INQUIRY_PREPS)
    for o in objects:
        act = drafts.get(o.i)
        if act is not None and act is not d:
            own = {s.key for s in d.sources}
            doers = [s for s in act.sources if s.coded and s.key not in own]
            if doers:
                d.targets = doers
                return


def _thanked_for(d: Draft, drafts: dict[int, Draft]) -> None:
    """The helpful act praise is given *for* went to the one who praises."""
    heads = [d.trigger, *(c for c in d.trigger.children if c.dep_ in OBJ)]
    for noun in (o for h in heads for o in prep_objects(h, {"for"})):
        help_ = drafts.get(noun.i)
        if help_ is not None and help_.code.startswith(HELP_ROOTS) and not help_.targets:
            own = {s.key for s in help_.sources}
            help_.targets = [s for s in d.sources if s.key not in own]


def _live(drafts: Iterable[Draft]) -> list[Draft]:
    return [d for d in drafts if not d.absorbed]


__all__ = ["EVALUATION_CODES", "retarget_evaluations"]
