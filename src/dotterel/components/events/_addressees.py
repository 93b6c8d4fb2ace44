"""Addressees a clause does not name as an object: whom a prosecutor's demand for a
penalty is made to, and whom a refusal answers.

"Prosecutors asked for the former mayor to receive a ten-year sentence", "prosecutors
demanded the death penalty": the clause names who asks and what for, not whom. In a
criminal trial the prosecution asks the court trying the case for a sentence (general
knowledge of criminal procedure), so such a demand's missing target is the court of the
prosecutors' own country, marked ``inferred`` like the implicit agents of
:mod:`~dotterel.components.events._implicit`.

Only an appeal or demand (CAMEO 02, 10) whose source is coded with a prosecuting role
(``JUD``), that has no coded target and whose clause holds a penalty noun ("sentence",
"penalty", "prison"); word lists in ``data/events/implicit_agents.json``
(``penalty_demands``). A demand of anything else ("prosecutors urged residents to report
fraud") keeps its target empty. Off while PETRARCH verb dictionaries are loaded, as
implicit agents are.

A **refusal in answer to another's act**: "the mayor refused to attend *after the court
decided* to allow cameras", "X boycotted the vote *because the government* refused to
delay it". A rejection (CAMEO 12) with no target whose own clause gives its reason in an
adverbial clause of time or cause ("after", "because", "when", "since") rejects the
subject of that clause: the refusal answers that actor's act. Only a coded subject that
is not the refusing side, and only a reason clause hung on the refusal or its
infinitive ("refused *to attend* after ...").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from dotterel.cameo import is_country
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._implicit import IMPLICIT_PATH
from dotterel.components.events._participants import arguments_for, names_actor

#: Children that open a clause of someone else's act ("asked for a sentence *after
#: the judge warned* ..."): their penalty nouns are not the demand's. An infinitival
#: adverbial clause is the demand's content ("asked *for X to receive* a sentence",
#: which the parser attaches as ``advcl``) and is walked.
_OTHER_CLAUSE_DEPS = frozenset({"advcl", "relcl", "parataxis", "conj", "cc"})


@dataclass(frozen=True)
class PenaltyDemands:
    """The ``penalty_demands`` section of ``implicit_agents.json``."""

    #: CAMEO code prefixes of appeals and demands
    codes: tuple[str, ...]
    #: roles of a source that prosecutes ("JUD")
    source_roles: frozenset[str]
    #: the addressee's role, and the words shown for it
    role: str
    label: str
    #: lemmas of nouns that name a penalty
    penalty_nouns: frozenset[str]

    @classmethod
    def load(cls, path: str | Path = IMPLICIT_PATH) -> PenaltyDemands:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        sec: dict[str, Any] = raw.get("penalty_demands", {})
        return cls(
            codes=tuple(str(c) for c in sec.get("codes", [])),
            source_roles=frozenset(str(r).upper() for r in sec.get("source_roles", [])),
            role=str(sec.get("role", "JUD")),
            label=str(sec.get("label", "(court)")),
            penalty_nouns=frozenset(str(w).lower() for w in sec.get("penalty_nouns", [])),
        )


@lru_cache(maxsize=1)
def default_penalty_demands() -> PenaltyDemands:
    """The shipped table, read once per process."""
    return PenaltyDemands.load()


def infer_addressees(drafts: list[Draft], rules: PenaltyDemands) -> None:
    """Give each prosecutor's demand for a penalty its court (module docstring)."""
    for d in drafts:
        if d.absorbed or not d.sources or not d.code.startswith(rules.codes):
            continue
        country = sources_country(d, rules.source_roles)
        if country is None or any(t.coded for t in d.targets):
            continue
        doc = d.trigger.doc
        if any(names_actor(doc, t) for t in d.targets):
            continue  # an uncoded person or body is asked: not the court's to guess
        if not _names_penalty(d.trigger, rules):
            continue
        inferred_target(d, country + rules.role, rules.label)


#: CAMEO root of rejections, and the subordinators of a reason clause (time or cause).
_REJECT_ROOT = "12"
_REASON_MARKS = frozenset({"after", "because", "when", "since"})


def answer_refusals(drafts: list[Draft]) -> None:
    """Give each refusal with no target the actor whose act it answers (module
    docstring): the coded subject of its reason clause."""
    for d in drafts:
        if d.absorbed or not d.code.startswith(_REJECT_ROOT) or any(t.coded for t in d.targets):
            continue
        found = _reason_subjects(d.trigger)
        if not found:
            continue
        own = {a.key for a in d.sources}
        answered = [a for a in arguments_for(found) if a.coded and a.key not in own]
        if answered:
            d.targets = answered


def _reason_subjects(trigger: Token) -> list[Token]:
    """The subjects of the reason clauses on ``trigger`` or on its infinitive."""
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    return [
        s
        for v in verbs
        for c in v.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in _REASON_MARKS for m in c.children)
        for s in c.children
        if s.dep_ == "nsubj"
    ]


def sources_country(d: Draft, roles: frozenset[str] | None = None) -> str | None:
    """The one country of the draft's sources, when every source is read (not inferred)
    and coded with it (and, given ``roles``, with one of those roles: prosecutors)."""
    found: set[str] = set()
    for a in d.sources:
        code = a.actor_code.upper()
        if a.inferred or len(code) < 3 or not is_country(code[:3]):
            return None
        if roles is not None and code[3:6] not in roles:
            return None
        found.add(code[:3])
    return found.pop() if len(found) == 1 else None


def inferred_target(d: Draft, code: str, label: str) -> None:
    """Make the institution ``code`` (shown as ``label``: "(court)") the draft's only
    target, marked inferred (no words of the text name it)."""
    tok = d.trigger
    d.targets = [Argument(tok.idx, tok.idx + len(tok), label, code=code, inferred=True)]


def _names_penalty(trigger: Token, rules: PenaltyDemands) -> bool:
    """Whether the demand's own clause holds a penalty noun ("asked for X to receive
    a *sentence*")."""
    return any(
        tok.pos_ == "NOUN" and tok.lemma_.lower() in rules.penalty_nouns
        for tok in own_clause_words(trigger)
    )


def own_clause_words(trigger: Token) -> Iterator[Token]:
    """The words of a demand's own clause: a walk of the trigger's subtree that does not
    enter the clauses of other acts (one bounded walk per demand)."""
    stack = [c for c in trigger.children if _own(c)]
    while stack:
        tok = stack.pop()
        yield tok
        stack.extend(c for c in tok.children if _own(c))


def _own(tok: Token) -> bool:
    """Whether ``tok`` stays in the demand's clause: not another clause, but for an
    infinitival adverbial clause ("for X *to* receive")."""
    if tok.dep_ not in _OTHER_CLAUSE_DEPS:
        return True
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


__all__ = [
    "PenaltyDemands",
    "answer_refusals",
    "default_penalty_demands",
    "infer_addressees",
    "own_clause_words",
]
