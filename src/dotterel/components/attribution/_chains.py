"""Nesting and source chains: who passed a claim on to whom, from the outlet inward.

Owns ``parent_id`` (the smallest other content holding a cue) and ``chain`` (the
parent's chain, or the outlet's link, then the record's recipient and own links,
without repeating a name), and the outlet's actor code.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from dotterel.extensions import records
from dotterel.model import Attribution, SourceLink, TextSpan

LOGGER = logging.getLogger(__name__)


def nest(attributions: list[Attribution]) -> None:
    """``parent_id`` = the smallest other content holding this cue."""
    for rec in attributions:
        best: Attribution | None = None
        for other in attributions:
            if other is rec or other.kind == "hedge":
                continue
            c = other.content
            holds = c.start <= rec.cue.start and rec.cue.end <= c.end
            if holds and (best is None or c.end - c.start < best.content.end - best.content.start):
                best = other
        if best is not None and not span_contains(rec.content, best.cue):
            rec.parent_id = best.id


def assign_chains(
    attributions: list[Attribution],
    own_links: list[list[SourceLink]],
    recipients: list[SourceLink | None],
    outlet: list[SourceLink],
) -> None:
    """Set each record's ``chain``: its parent's chain (else ``outlet``), then its
    recipient and own links; the lists are parallel to ``attributions``."""
    by_id = {r.id: k for k, r in enumerate(attributions)}
    done: set[int] = set()

    def chain_of(k: int, depth: int = 0) -> list[SourceLink]:
        if k in done or depth > 8:
            return attributions[k].chain
        rec = attributions[k]
        base = chain_of(by_id[rec.parent_id], depth + 1) if rec.parent_id else outlet
        chain = list(base)
        recipient = recipients[k]
        for link in ([recipient] if recipient else []) + own_links[k]:
            if not chain or chain[-1].name.lower() != link.name.lower():
                chain.append(link)
        rec.chain = chain
        done.add(k)
        return chain

    for k in range(len(attributions)):
        chain_of(k)


def span_contains(outer: TextSpan, inner: TextSpan) -> bool:
    """Whether ``inner`` lies within ``outer``."""
    return outer.start <= inner.start and inner.end <= outer.end


def outlet_code(doc: Doc, outlet: str) -> str | None:
    """The code of an actor named like the outlet, when the actor component found one."""
    low = outlet.lower()
    for actor in records(doc, "actors"):
        if actor.name and actor.name.lower() == low:
            return actor.code
    return None
