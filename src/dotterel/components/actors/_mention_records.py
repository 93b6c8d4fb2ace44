"""Step 6, records: the raw mentions become :class:`~dotterel.model.Mention` records in
text order (a longer mention wins an overlap) and each actor one
:class:`~dotterel.model.Actor`, with ids ``<article>-m<n>`` and ``<article>-a<n>``."""

from __future__ import annotations

import logging

from dotterel.components.actors._state import ActorKey, ActorSpec, DocState
from dotterel.model import Actor, Mention

LOGGER = logging.getLogger(__name__)


#: Confidence of a code by the weakest cue in its evidence (substrings of the evidence
#: lines the steps write), then by method. Ordered weakest first.
_CUE_CONFIDENCE = (
    ("person without title; country of the article's setting", 0.35),
    ("organisation; country of the article's setting", 0.4),
    ("country of the article's setting", 0.5),
    ("article setting", 0.5),
    ("country from the sentence", 0.6),
    ("country only", 0.7),
)
_METHOD_CONFIDENCE = {
    "user-dictionary": 0.95,
    "dictionary": 0.9,
    "knowledge": 0.85,
    "coreference": 0.75,
    "rule": 0.8,
}


def confidence(spec: ActorSpec) -> float | None:
    """How sure ``spec``'s code is (``None`` when it has none); see :data:`_CUE_CONFIDENCE`."""
    if spec.code is None:
        return None
    for cue, value in _CUE_CONFIDENCE:
        if any(cue in e for e in spec.evidence):
            return value
    return _METHOD_CONFIDENCE.get(spec.method, 0.7)


def build_records(st: DocState, art_id: str) -> tuple[list[Mention], list[Actor]]:
    """The document's mentions and actors (actors in order of first kept mention).

    Args:
        st: the document state after all steps.
        art_id: the article id the record ids start with.
    """
    doc = st.doc
    mentions: list[Mention] = []
    actors: dict[ActorKey, Actor] = {}
    last: tuple[int, int] = (-1, -1)
    kept_keys: set[ActorKey] = set()
    for raw in sorted(st.mentions, key=lambda m: (m.start, -m.end)):
        if (raw.start, raw.end) == last:
            if raw.key in kept_keys:
                continue  # the same span twice for one actor
        elif raw.start < last[1]:
            continue  # overlaps a longer mention already kept
        else:
            kept_keys = set()
        last = (raw.start, raw.end)
        kept_keys.add(raw.key)
        actor = actors.get(raw.key)
        if actor is None:
            spec = st.specs[raw.key]
            actor = Actor(
                id=f"{art_id}-a{len(actors)}",
                name=spec.name,
                code=spec.code,
                country=spec.country,
                roles=list(spec.roles),
                kind=spec.kind,
                method=spec.method,
                evidence=list(spec.evidence),
                confidence=confidence(spec),
            )
            actors[raw.key] = actor
        span = doc[raw.start : raw.end]
        mention = Mention(
            id=f"{art_id}-m{len(mentions)}",
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            label=raw.label,
            actor_id=actor.id,
            method=raw.method,
        )
        mentions.append(mention)
        actor.mention_ids.append(mention.id)
    return mentions, list(actors.values())
