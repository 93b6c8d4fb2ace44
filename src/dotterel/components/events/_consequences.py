"""An attack's reported consequences are that attack, not more attacks.

"A bomber struck a market, killing 12 people and wounding 30": news reports an attack
and then, in participle clauses hung on its verb, what it did. The events guide codes one
event per (actor, type, recipient) per clause, and the casualties are its recipient
when the main verb's object is a place or a thing ("a market", "a checkpoint"); the
counts stay with the clause for ``_size``. So a violent participle (``advcl``, or a
``conj`` of one: "killing ... and wounding ...") under a violent trigger is folded into
that trigger's event: its actor target moves up when the main event has none, and it
is no event of its own (``absorbed``). Violent: the CAMEO roots in ``rules.json``
``consequence_roots`` (assault, fight, mass violence).

The same holds for an attack noun that is the subject of a violent verb ("the raid
killed six"), and for the attack noun that frames a violent verb: "gunmen killed five
villagers *in an attack* on the village" reports one attack; the noun in an "in" or
"during" phrase of the verb is folded into the verb's event the same way.
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel.components.events._drafts import Draft
from dotterel.components.events._rules import EventRules

__all__ = ["fold_consequences"]


def fold_consequences(drafts: dict[int, Draft], rules: EventRules) -> None:
    """Fold each violent participle under a violent trigger into that trigger's draft."""
    by_token = {d.trigger.i: d for d in drafts.values()}
    for d in drafts.values():
        if d.absorbed or d.code[:2] not in rules.consequence_roots:
            continue
        main = _attack_above(d.trigger, by_token, rules) or _attack_subject(d, by_token, rules)
        if main is None:
            continue
        if not main.targets or (not _coded(main) and _coded(d)):
            main.targets = d.targets
        d.absorbed = True


#: Prepositions that set an attack noun as the frame of a violent verb ("in an attack").
_FRAME_PREPS = frozenset({"in", "during"})


def _attack_above(tok: Token, by_token: dict[int, Draft], rules: EventRules) -> Draft | None:
    """The violent draft a participle clause ("..., killing 12") hangs on, or whose "in"
    phrase an attack noun is ("killed five *in an attack*"), if any."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in _FRAME_PREPS:
        main = _violent_at(tok.head.head.i, by_token, rules)
        return main if main is not None and main.trigger.pos_ == "VERB" else None
    if tok.tag_ != "VBG":
        return None
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "killing 12 and wounding 30": up to the first participle
    if tok.dep_ != "advcl" or tok.tag_ != "VBG":
        return None
    return _violent_at(tok.head.i, by_token, rules)


def _attack_subject(d: Draft, by_token: dict[int, Draft], rules: EventRules) -> Draft | None:
    """The violent act noun that is the subject of a violent verb ("the raid *killed*
    six", "a blast wounded 30"): the verb tells what the attack did."""
    tok = d.trigger
    if tok.pos_ != "VERB":
        return None
    subjects = (_violent_at(c.i, by_token, rules) for c in tok.children if c.dep_ == "nsubj")
    return next((main for main in subjects if main is not None), None)


def _violent_at(i: int, by_token: dict[int, Draft], rules: EventRules) -> Draft | None:
    """The live violent draft (``consequence_roots``) whose trigger is token ``i``."""
    main = by_token.get(i)
    if main is None or main.absorbed or main.code[:2] not in rules.consequence_roots:
        return None
    return main


def _coded(d: Draft) -> bool:
    return any(t.coded for t in d.targets)
