"""The addressee of a reaction that names none: the one its source was last dealing with.

"Washington accused Beijing of hacking. ... China opposed hacking", "The state party
eventually backed down", "'This is extremely irresponsible,' he said": a rejection,
concession, disapproval, threat, demand or appeal whose clause names no one it is aimed
at continues the exchange the text is telling (discourse continuity). Its target is the
other side of the latest earlier act, a few sentences back at most, that has one of the
reaction's sources as a side: whom the source last acted on, or who last acted on it.

Only a reaction with a coded source and no target (words that name no actor, "opposed
*hacking*", are what is reacted to, not whom; but an appeal's object is its addressee
even when uncoded: "advised *the party leaders*" keeps it); never one of its own sources, never
an inferred side (a guess is not built on a guess), and not when the result would repeat
the source's earlier act of the same kind on that side (the restatement would be dropped
as the same event). Codes and the window in ``data/events/implicit_agents.json``
(``discourse_addressees``). Off while PETRARCH verb dictionaries are loaded, as implicit
agents are.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._implicit import IMPLICIT_PATH
from dotterel.components.events._participants import names_actor


@dataclass(frozen=True)
class DiscourseAddressees:
    """The ``discourse_addressees`` section of ``implicit_agents.json``."""

    #: CAMEO code prefixes of reactions
    codes: tuple[str, ...]
    #: how many sentences back the earlier act may be
    sentences: int
    #: prefixes of appeals and demands, whose object (even uncoded) is their addressee
    addressed_codes: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: str | Path = IMPLICIT_PATH) -> DiscourseAddressees:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        sec: dict[str, Any] = raw.get("discourse_addressees", {})
        return cls(
            codes=tuple(str(c) for c in sec.get("codes", [])),
            sentences=int(sec.get("sentences", 0)),
            addressed_codes=tuple(str(c) for c in sec.get("addressed_codes", [])),
        )


@lru_cache(maxsize=1)
def default_discourse_addressees() -> DiscourseAddressees:
    """The shipped table, read once per process."""
    return DiscourseAddressees.load()


def address_reactions(drafts: list[Draft], rules: DiscourseAddressees) -> None:
    """Give each reaction with no target its source's last counterpart (module docstring)."""
    live = sorted((d for d in drafts if not d.absorbed), key=lambda d: d.trigger.i)
    for n, d in enumerate(live):
        if not d.code.startswith(rules.codes) or d.symmetric or d.each_other:
            continue
        if d.obliged or d.modality != "asserted":
            continue  # "would have to suspend", "plans to reject": no reaction yet
        if any(t.coded or names_actor(d.trigger.doc, t) for t in d.targets):
            continue  # its own target; words that name no actor ("opposed hacking") do not
        if d.targets and d.code.startswith(rules.addressed_codes):
            continue  # an appeal's object is whom it is made to ("advised the leaders")
        # civilians of a country are one code for many people (the protesters, a
        # family): no one exchange runs through them
        own = {s.key for s in d.sources if s.coded and not s.inferred and not _public(s)}
        if not own:
            continue
        first = _first_sentence(d, rules.sentences)
        for earlier in reversed(live[:n]):
            if earlier.trigger.sent.start < first:
                break
            other = _other_side(earlier, own)
            if other:
                if not _repeats(d, other, live[:n]):
                    d.targets = other
                break


def _public(a: Argument) -> bool:
    """A side coded only as a country's civilians ("USACVL")."""
    return a.actor_code[3:] == "CVL"


def _first_sentence(d: Draft, back: int) -> int:
    """The start token of the sentence ``back`` sentences before ``d``'s."""
    sent = d.trigger.sent
    for _ in range(back):
        if sent.start == 0:
            break
        sent = sent.doc[sent.start - 1].sent
    return sent.start


def _other_side(d: Draft, own: set[str]) -> list[Argument]:
    """The coded, read sides of ``d`` facing one of the keys ``own`` (empty if none)."""
    sides = (d.sources, d.targets), (d.targets, d.sources)
    for mine, theirs in sides:
        if any(a.key in own for a in mine):
            return [a for a in theirs if a.coded and not a.inferred and a.key not in own]
    return []


def _repeats(d: Draft, other: list[Argument], earlier: list[Draft]) -> bool:
    """Whether an earlier act of ``d``'s kind by its source already has that target."""
    own = {s.key for s in d.sources}
    keys = {a.key for a in other}
    return any(
        e.code[:2] == d.code[:2]
        and own & {s.key for s in e.sources}
        and keys & {t.key for t in e.targets}
        for e in earlier
    )


__all__ = ["DiscourseAddressees", "address_reactions", "default_discourse_addressees"]
