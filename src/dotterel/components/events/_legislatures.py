"""Whom a demand for legislation is made to: the legislature of the asker's country.

"The chairman proposed to adopt the amendments", "the senator called for the repeal of
the law", "activists demanded that the bill be passed": the clause names who asks and
for which law, not whom. Laws are passed, amended and repealed by a legislature (general
knowledge of lawmaking), so such a demand's missing target is the legislature of its
sources' one country, marked ``inferred`` like the court of a prosecutor's demand
(:mod:`~dotterel.components.events._addressees`).

Only an appeal or demand (CAMEO 02, 10) with no actor named as its target, whose own
clause (not the clauses of other acts) holds a noun of laws as the object of a verb of
lawmaking ("adopt the amendments", "the bill be passed") or as the ``of`` object of a
noun of lawmaking ("the repeal of the law"). Word lists in
``data/events/implicit_agents.json`` (``legislative_demands``). Off while PETRARCH verb
dictionaries are loaded, as implicit agents are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from dotterel.components.events._addressees import (
    inferred_target,
    own_clause_words,
    sources_country,
)
from dotterel.components.events._drafts import Draft
from dotterel.components.events._implicit import IMPLICIT_PATH
from dotterel.components.events._participants import names_actor
from dotterel.components.events._syntax import OBJ, PASSIVE_SUBJECT_DEPS


@dataclass(frozen=True)
class LegislativeDemands:
    """The ``legislative_demands`` section of ``implicit_agents.json``."""

    #: CAMEO code prefixes of appeals and demands
    codes: tuple[str, ...]
    #: the addressee's role, and the words shown for it
    role: str
    label: str
    #: lemmas of nouns that name a law, of verbs and of nouns of lawmaking
    law_nouns: frozenset[str]
    law_verbs: frozenset[str]
    law_acts: frozenset[str]

    @classmethod
    def load(cls, path: str | Path = IMPLICIT_PATH) -> LegislativeDemands:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        sec: dict[str, Any] = raw.get("legislative_demands", {})

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in sec.get(key, []))

        return cls(
            codes=tuple(str(c) for c in sec.get("codes", [])),
            role=str(sec.get("role", "LEG")),
            label=str(sec.get("label", "(legislature)")),
            law_nouns=words("law_nouns"),
            law_verbs=words("law_verbs"),
            law_acts=words("law_acts"),
        )


@lru_cache(maxsize=1)
def default_legislative_demands() -> LegislativeDemands:
    """The shipped table, read once per process."""
    return LegislativeDemands.load()


def infer_legislatures(drafts: list[Draft], rules: LegislativeDemands) -> None:
    """Give each demand for legislation with no target its legislature (module docstring)."""
    for d in drafts:
        if d.absorbed or not d.sources or not d.code.startswith(rules.codes):
            continue
        doc = d.trigger.doc
        if any(t.coded for t in d.targets) or any(names_actor(doc, t) for t in d.targets):
            continue  # someone is asked: not the legislature's to guess
        country = sources_country(d)
        if country is None or not any(_law_made(w, rules) for w in own_clause_words(d.trigger)):
            continue
        inferred_target(d, country + rules.role, rules.label)


def _law_made(tok: Token, rules: LegislativeDemands) -> bool:
    """A law noun that a verb of lawmaking takes as its object ("adopt the amendments",
    "the bill be passed") or that is the "of" object of a noun of lawmaking ("the
    repeal of the law")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in rules.law_nouns:
        return False
    head = tok.head
    if tok.dep_ in OBJ | PASSIVE_SUBJECT_DEPS:
        return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in rules.law_verbs
    if tok.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in rules.law_acts
    return False


__all__ = ["LegislativeDemands", "default_legislative_demands", "infer_legislatures"]
