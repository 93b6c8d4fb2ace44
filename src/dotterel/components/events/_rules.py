"""The events rules (``data/events/rules.json``) and the CAMEO code families they test.

The rules are word lists (target prepositions, light verbs, hedge adverbs, ...) and the
composition tables that recode an appeal, intent, demand, rejection or threat by what it
embeds. They are data, so a change of wording never needs a change of code.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LOGGER = logging.getLogger(__name__)

RULES_PATH = Path(__file__).parent.parent / "data" / "events" / "rules.json"

#: CAMEO roots of conflictual acts (threaten .. use unconventional mass violence).
CONFLICT_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
#: CAMEO roots of cooperative acts (diplomatic .. humanitarian cooperation).
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
#: CAMEO roots of consultations (PLOVER CONSULT), accusations (disapprove: ACCUSE) and
#: rejections (REJECT: "deny" codes there).
CONSULT_ROOT, ACCUSE_ROOT, REJECT_ROOT = "04", "11", "12"


@dataclass(frozen=True)
class EventRules:
    """The contents of ``rules.json`` as sets and maps."""

    target_preps: frozenset[str]
    noun_source_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    co_source_preps: frozenset[str]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    denial_object_nouns: frozenset[str]
    #: what an acceptance or refusal answers ("accepted the invitation")
    request_object_nouns: frozenset[str]
    #: PLOVER types always done to someone: with no target and no object, no event
    addressed_types: frozenset[str]
    #: nouns naming an earlier act again ("criticised the decision", "the ruling")
    act_anaphor_nouns: frozenset[str]
    negation_words: frozenset[str]
    negating_heads: frozenset[str]
    intent_aux: frozenset[str]
    obligation_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    intent_heads: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_heads: frozenset[str]
    object_control_verbs: frozenset[str]
    #: object-control verbs whose controller is only the object of "on"/"upon" ("called
    #: on Y to act"; "called Y to thank him" is the caller's purpose)
    on_control_verbs: frozenset[str]
    of_agent_roots: frozenset[str]
    #: CAMEO roots of event nouns whose "from" phrase is the source ("backing from X")
    noun_from_source_roots: frozenset[str]
    #: verbs whose subject receives the event noun they govern ("X received backing")
    receiving_verbs: frozenset[str]
    #: speech-act roots whose target may be the subject of their clausal complement
    clause_target_roots: frozenset[str]
    #: codes inside ``of_agent_roots`` whose "of" object is the patient ("release of X")
    of_patient_codes: frozenset[str]
    #: knowledge-layer statement blocks whose patterns never code a material act
    statement_block_roots: frozenset[str]
    material_roots: frozenset[str]
    #: violent roots whose participle clauses under one another are one attack
    consequence_roots: frozenset[str]
    #: threat roots whose target may be the subject of their condition ("unless X ...")
    condition_target_roots: frozenset[str]
    #: subordinators of a condition ("if", "unless")
    condition_marks: frozenset[str]
    #: CAMEO roots whose planned ("will", "plans to") acts keep their type, not 03x/13x
    future_keeps_type: frozenset[str]
    compose: dict[str, dict[str, str]]
    intent_composition: dict[str, str]
    #: ``target_preps`` in order of preference (a set loses the order)
    target_prep_order: tuple[str, ...] = ()
    #: verbs of praise and blame whose "for"-gerund is done by their object ("thanked
    #: Indonesia *for supporting* ...": Indonesia supported)
    for_object_verbs: frozenset[str] = frozenset()
    #: verbs of command: ordering one's own state's body to act is that act, planned
    command_verbs: frozenset[str] = frozenset()

    #: verbs of taking part whose event noun is their subject's act, as its object or
    #: after "on"/"in" ("went *on strike*", "took part *in a march*", "joined the protest")
    participation_verbs: frozenset[str] = frozenset()
    #: the prepositions that link a participation verb to its event noun
    participation_preps: frozenset[str] = frozenset()
    #: verbs of exchange: a coordinated subject with no actor object acts on each other
    #: ("traded accusations", "exchanged fire")
    exchange_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path = RULES_PATH) -> EventRules:
        """Read the rules JSON; a list missing from the file is an empty set."""
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        sets = {
            f.name: frozenset(x.lower() for x in raw.get(f.name, []))
            for f in dataclasses.fields(cls)
            if f.name not in ("compose", "intent_composition", "target_prep_order")
        }
        return cls(
            **sets,
            compose=raw.get("compose", {}),
            intent_composition=raw.get("intent_composition", {}),
            target_prep_order=tuple(x.lower() for x in raw.get("target_preps", [])),
        )


@lru_cache(maxsize=2)
def default_rules() -> EventRules:
    """The shipped rules, read once per process."""
    return EventRules.load()


def lookup_code(table: dict[str, str], code: str) -> str | None:
    """``table``'s entry for ``code`` or for its nearest ancestor ("0841" -> "084" -> "08")."""
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    return None
