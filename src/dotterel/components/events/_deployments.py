"""Whom a show of force is aimed at: the state it is moved toward, not the forces moved.

"Russia deployed troops to the Ukrainian border", "Putin ordered warships into the Black
Sea near Turkey": the parse gives the deployment (CAMEO 15, PLOVER MOBILIZE) the forces
moved as its object, yet they are the actor's own means; the side the posture is aimed
at is the state of the place they are sent to. So an act of force posture whose coded
targets are all of its source's own country (or that has none) takes as target the
country of the place it is sent "to", "into", "toward", "near" or "along" (on the verb
or on the forces' phrase), when that is another state, and otherwise keeps no target
rather than the actor's own forces ("Russia deployed troops" is aimed at no one named).

With no coded source, forces that are the act's only coded sides are its actor: "the
Kenyan army was put on high alert", "Chilean troops were deployed to the border" (an
agentless passive): the forces moved are the side that shows force.
"""

from __future__ import annotations

from dotterel.cameo import is_country
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._participants import located_place
from dotterel.components.events._syntax import OBJ

__all__ = ["FORCE_POSTURE_ROOT", "aim_deployments"]

#: CAMEO root of "exhibit force posture" (PLOVER MOBILIZE).
FORCE_POSTURE_ROOT = "15"
#: Prepositions of the place forces are sent to.
_DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards", "near", "along", "at"})


def aim_deployments(drafts: list[Draft]) -> None:
    """Retarget each act of force posture at the state it is aimed at (module docstring)."""
    for d in drafts:
        if d.absorbed or not d.code.startswith(FORCE_POSTURE_ROOT):
            continue
        if d.targets and not any(s.coded for s in d.sources) and all(_armed(t) for t in d.targets):
            d.sources, d.targets = d.targets, []
        own = next(
            (s.actor_code[:3] for s in d.sources if s.coded and is_country(s.actor_code[:3])),
            None,
        )
        if own is None or any(t.coded and t.actor_code[:3] != own for t in d.targets):
            continue  # no state of its own, or aimed at another already
        heads = [d.trigger, *(c for c in d.trigger.children if c.dep_ in OBJ)]
        found = next(
            (p for h in heads if (p := located_place(h, _DESTINATION_PREPS)) is not None), None
        )
        if found is not None and found[1] != own:
            place, country = found
            d.targets = [Argument(start=place.start, end=place.end, text=place.text, code=country)]
        elif d.targets:
            d.targets = []


def _armed(side: Argument) -> bool:
    """A coded side that is a state's armed or police force ("KENMIL", "PERCOP")."""
    code = side.actor_code
    return side.coded and is_country(code[:3]) and code[3:6] in ("MIL", "COP", "SPY")
