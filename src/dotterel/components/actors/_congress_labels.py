"""US congressional party labels after a name ("Sen. X (R-Texas)", "(D-N.Y.)"): the
label says the person is a member of the US Congress, and the state in it is no actor.
The letters and the code come from ``party_labels.json``."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from dotterel.components.actors._state import ActorSpec, DocState
from dotterel.dictionaries.actor_lexicon import DATA_DIR

__all__ = ["congress_label", "drop_labels", "labelled_member", "party_labels"]


@cache
def party_labels() -> dict[str, Any]:
    """``party_labels.json``: the US congressional label after a name ("(R-Texas)")."""
    data: dict[str, Any] = json.loads((DATA_DIR / "party_labels.json").read_text("utf-8"))
    return data


def congress_label(st: DocState, end: int) -> tuple[int, str] | None:
    """The party-and-state label right after a name ending at token ``end``: "(R-Texas)",
    "(D-N.Y.)" -> (end of the label, its text), else ``None``."""
    toks = st.toks
    if end + 4 >= len(toks) or toks[end].text != "(":
        return None
    if toks[end + 1].text not in party_labels()["letters"] or toks[end + 2].text not in "-–":
        return None
    for k in range(end + 3, min(end + 8, len(toks))):
        text = toks[k].text
        if text == ")":
            return (k + 1, st.doc[end : k + 1].text) if k > end + 3 else None
        if not (text[:1].isupper() or text == "."):
            return None
    return None


def labelled_member(name: str, label: str) -> ActorSpec:
    """A member of the US Congress known only by the party label after the name."""
    data = party_labels()
    code = data["country"] + data["role"]
    return ActorSpec(
        code,
        data["country"],
        [data["role"]],
        "person",
        name,
        "rule",
        [f"party label {label} after the name: a member of the US Congress"],
    )


def drop_labels(st: DocState, labels: list[tuple[int, int]]) -> None:
    """The labels' states are no actors: their mentions go (one pass over the mentions
    for all labels), their tokens are taken."""
    taken = bytearray(len(st.toks))
    for lo, hi in labels:
        for k in range(lo, hi):
            taken[k] = st.consumed[k] = 1
    st.mentions = [m for m in st.mentions if not taken[m.start]]
