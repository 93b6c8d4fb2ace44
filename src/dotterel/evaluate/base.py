"""What every evaluation task provides, and the result it hands back.

A task is two pure steps around the pipeline run: ``load(path)`` turns a gold file into
records that can each make an :class:`~dotterel.model.Article`, and ``score(gold,
coded)`` compares gold records with the :class:`~dotterel.model.CodedArticle` coded
from them (same order). Keeping scoring pure is what lets the tests check every metric
on tiny hand-made gold without loading spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dotterel.evaluate.metrics import PRF
from dotterel.model import Actor, Article, CodedArticle


class GoldRecord(Protocol):
    """One gold item: an id for messages and the article to code."""

    @property
    def id(self) -> str: ...

    @property
    def article(self) -> Article: ...


@dataclass(slots=True)
class Scores:
    """The outcome of scoring one task.

    Args:
        metrics: flat ``name -> number`` map written as the JSON ``metrics`` object
            (the keys other tools and the README's table rely on).
        groups: P/R/F1 counts shown as table rows, keyed by a human label.
        support: ``metric name -> "hits/total"`` for the scalar metrics shown as rows,
            so that every number printed comes with the counts behind it.
        detail: anything else worth keeping in the JSON (per-class scores, examples).
        tables: further P/R/F1 tables (per type, per article...) shown after ``groups``,
            ``title -> row label -> counts``.
    """

    metrics: dict[str, float | int | None]
    groups: dict[str, PRF] = field(default_factory=dict)
    support: dict[str, str] = field(default_factory=dict)
    detail: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, dict[str, PRF]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Task:
    """A named evaluation task: how to read its gold file and how to score it."""

    name: str
    description: str
    load: Callable[[Path], Sequence[GoldRecord]]
    score: Callable[[Sequence[Any], Sequence[CodedArticle]], Scores]
    #: The metric keys the issue requires, shown first.
    headline: tuple[str, ...] = ()


def check_aligned(gold: Sequence[Any], coded: Sequence[CodedArticle]) -> None:
    """Scorers compare gold and predictions position by position."""
    if len(gold) != len(coded):
        raise ValueError(f"{len(gold)} gold records but {len(coded)} coded articles")


def actor_by_mention(coded: CodedArticle) -> dict[str, Actor]:
    """Mention id -> actor, from both ``Mention.actor_id`` and ``Actor.mention_ids``."""
    actors = {a.id: a for a in coded.actors}
    out: dict[str, Actor] = {}
    for actor in coded.actors:
        for mid in actor.mention_ids:
            out[mid] = actor
    for m in coded.mentions:
        if m.actor_id in actors:
            out[m.id] = actors[m.actor_id]
    return out


def coded_mentions(coded: CodedArticle) -> list[tuple[tuple[int, int], Actor]]:
    """Every mention resolved to an actor, as ``((start, end), actor)``."""
    by_mention = actor_by_mention(coded)
    return [((m.start, m.end), by_mention[m.id]) for m in coded.mentions if m.id in by_mention]


def starts_with_any(code: str | None, accepted: Sequence[str]) -> bool:
    """CAMEO prefix match: ``AFGGOV`` matches an accepted ``AFG`` (case-insensitive)."""
    if not code:
        return False
    c = code.upper()
    return any(a and c.startswith(a.upper()) for a in accepted)


__all__ = [
    "GoldRecord",
    "Scores",
    "Task",
    "actor_by_mention",
    "check_aligned",
    "coded_mentions",
    "event_codes",
    "starts_with_any",
]


def event_codes(coded: CodedArticle) -> dict[str, tuple[str | None, str | None]]:
    """Event id -> (source code, target code), falling back on the linked actors' codes."""
    actors = {a.id: a for a in coded.actors}

    def code(explicit: str | None, actor_id: str | None) -> str | None:
        if explicit:
            return explicit
        actor = actors.get(actor_id) if actor_id else None
        return actor.code if actor else None

    return {
        e.id: (code(e.source_code, e.source_actor_id), code(e.target_code, e.target_actor_id))
        for e in coded.events
    }
