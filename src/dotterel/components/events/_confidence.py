"""How sure the coder is of one event, 0-1 (``Event.confidence``), from how it was coded.

``confidence = pattern x actors x realis``, rounded to two decimals:

* **pattern** -- how the trigger was typed: a hand-lexicon row with conditions on its
  dependents 0.85 ("lodged a protest"), a plain hand-lexicon verb 0.75, a hand-lexicon
  event noun 0.65; a user PETRARCH verb dictionary 0.80; a CAMEO.2.0 pattern from the
  shipped general layer 0.65 (its block default 0.50); an ACCUSE read from evaluative
  language (``_disapproval``) 0.45.
* **actors** -- evidence for who did it to whom: both sides coded (an actor or a code)
  1.0, one side 0.8, neither 0.6. A side inferred from general knowledge (``_implicit``:
  "X was arrested" -> the police) is evidence of no one: it counts as not coded.
* **realis** -- asserted 1.0, hedged or intended (future, promised, planned) 0.8,
  denied 0.7, hypothetical (conditional) 0.6; a negated event x 0.8.

The weights are a ranking, not a calibrated probability: users threshold on them.
"""

from __future__ import annotations

from dotterel.components.events._drafts import Draft

PATTERN = {
    "lexicon-conditional": 0.85,
    "lexicon": 0.75,
    "lexicon-noun": 0.65,
    "dictionary": 0.80,
    "knowledge": 0.65,
    "knowledge-default": 0.50,
    "evaluation": 0.45,
}
ACTORS = (0.6, 0.8, 1.0)
REALIS = {"asserted": 1.0, "hedged": 0.8, "intended": 0.8, "denied": 0.7, "hypothetical": 0.6}
NEGATED = 0.8


def pattern_kind(d: Draft) -> str:
    """Which ``PATTERN`` weight ``d`` takes."""
    if d.method == "lexicon":
        if d.trigger.pos_ in ("NOUN", "PROPN"):
            return "lexicon-noun"
        return "lexicon-conditional" if d.row is not None and d.row.conditions else "lexicon"
    if d.method == "dictionary":
        return "dictionary"
    return d.method if d.method in PATTERN else "knowledge-default"


def confidence(d: Draft, source_coded: bool, target_coded: bool, modality: str) -> float:
    """The event's confidence (formula in the module docstring)."""
    p = PATTERN[pattern_kind(d)]
    a = ACTORS[int(source_coded) + int(target_coded)]
    r = REALIS.get(modality, 0.8) * (NEGATED if d.negated else 1.0)
    return round(p * a * r, 2)
