"""Denials of a charge: the denier rejects whoever made the charge (issue 18).

"Gondor blames Mordor for the raid, which Mordor denies", "..., a charge that Mordor
denies", "..., a charge denied by Mordor": the object of the denial is a relative
pronoun (or the charge noun the participle modifies), which names no actor. What is
rejected is the accusation stated by the sentence's main clause, so the target is the
subject of that clause's verb when it is a verb of saying or accusing (the accuser). A
passive participle on the charge noun ("denied *by* Mordor") takes its ``by`` agent as
the source. The accuser is never the denier itself ("Mordor says ..., which Mordor
denies" is not turned on itself).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dotterel.components.events._drafts import Draft
from dotterel.components.events._participants import arguments_for
from dotterel.components.events._rules import ACCUSE_ROOT, REJECT_ROOT, EventRules

_RELATIVES = frozenset({"which", "that"})


def retarget_denials(drafts: Iterable[Draft], rules: EventRules) -> None:
    """Give a denial of a relative or participial charge its accuser as target."""
    live = [d for d in drafts if not d.absorbed]
    accusing = {d.trigger.i for d in live if d.code.startswith(ACCUSE_ROOT)}
    for d in live:
        tok = d.trigger
        if (
            not d.code.startswith(REJECT_ROOT)
            or tok.pos_ != "VERB"
            or tok.lemma_.lower() not in rules.denial_verbs
        ):
            continue
        if tok.dep_ == "relcl":
            if not any(c.dep_ in ("dobj", "obj") and _relative(c) for c in tok.children):
                continue
            sources = d.sources
        elif tok.dep_ == "acl" and tok.tag_ == "VBN":
            agents = [
                p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
            ]
            sources = arguments_for(agents)
        else:
            continue
        accuser = _accuser(tok, rules, accusing)
        if not sources or accuser is None:
            continue
        targets = arguments_for([accuser])
        source_keys = {a.key for a in sources}
        if not targets or any(a.key in source_keys for a in targets):
            continue
        d.sources = sources
        d.targets = targets


def _relative(tok: Token) -> bool:
    """A relative pronoun ("which", "that": the parser tags "that" either way)."""
    return tok.tag_ in ("WDT", "WP") or tok.lower_ in _RELATIVES


def _accuser(tok: Token, rules: EventRules, accusing: set[int]) -> Token | None:
    """The subject of the highest verb above ``tok`` when it says or accuses."""
    top = None
    cur = tok.head
    while True:
        if cur.pos_ in ("VERB", "AUX"):
            top = cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    if top is None or top.i == tok.i:
        return None
    if top.lemma_.lower() not in rules.reporting_verbs and top.i not in accusing:
        return None
    subjects = [c for c in top.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None
