"""A state's protest is an official complaint, not a demonstration.

"Beijing protested Vietnam's island-building", "Russia protested the expulsions": when a
state or its government, legislature or courts protest, the word names a diplomatic or
official complaint (CAMEO 114, PLOVER ACCUSE), the sense the lexicon gives "protested
to X" and "lodged a protest"; people, parties and groups who protest ("students
protested the ruling") demonstrate (CAMEO 14, PROTEST). Only the word "protest" itself
is read so: marching, rallying and striking are demonstrations whoever does them.
"""

from __future__ import annotations

from dotterel.cameo import is_country
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._syntax import span_root

__all__ = ["OFFICIAL_COMPLAINT", "official_protests"]

#: CAMEO "complain officially" (PLOVER ACCUSE).
OFFICIAL_COMPLAINT = "114"
#: Roles of a state's own voice: the state itself (no role), its executive, legislature
#: and courts.
_STATE_ROLES = frozenset({"", "GOV", "LEG", "JUD"})


def official_protests(drafts: list[Draft]) -> None:
    """Recode each protest whose every coded source is a state's own voice as 114."""
    for d in drafts:
        if d.absorbed or not d.code.startswith("14") or d.trigger.lemma_.lower() != "protest":
            continue
        coded = [s for s in d.sources if s.coded]
        if coded and all(_state_voice(d, s) for s in coded):
            d.code = OFFICIAL_COMPLAINT


def _state_voice(d: Draft, side: Argument) -> bool:
    """Whether ``side`` is a state or its government, legislature or courts; a people
    the actors component codes as its state ("thousands of Chileans": CHL), or a person
    with no office placed in it, is not."""
    code = side.actor_code
    if not is_country(code[:3]) or code[3:6] not in _STATE_ROLES:
        return False
    if code[3:]:
        return True
    if side.actor is not None and side.actor.kind == "person":
        return False  # a person placed in a country by the setting: a citizen
    root = span_root(d.trigger.doc, side.start, side.end)
    return root is not None and root.tag_ not in ("NNS", "NNPS")
