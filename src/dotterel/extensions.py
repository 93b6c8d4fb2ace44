"""The Doc and Span extensions that dotterel's components read and write.

Components communicate only through these attributes, never through globals, so that a
component can be replaced or removed on its own. Values are lists of the plain records
of :mod:`dotterel.model` (character offsets, no spaCy objects), which is what lets a
worker process return them unchanged.

Call :func:`register_extensions` before touching ``doc._``: it is idempotent and every
worker process (multiprocessing, Ray) calls it when it builds its pipeline.

==========================  ==================================  ====================
attribute                   value                               written by
==========================  ==================================  ====================
``Doc._.article``           :class:`~dotterel.model.Article`    the caller (metadata)
``Doc._.actor_mentions``    ``list[Mention]``                   ``dotterel_actors``
``Doc._.actors``            ``list[Actor]``                     ``dotterel_actors``
``Doc._.places``            ``list[Place]``                     ``dotterel_places``
``Doc._.times``             ``list[TimeRef]``                   ``dotterel_dates``
``Doc._.attributions``      ``list[Attribution]``               ``dotterel_attribution``
``Doc._.events``            ``list[Event]``                     ``dotterel_events``
``Span._.actor``            ``Actor | None`` (getter)           derived from the above
==========================  ==================================  ====================

List-valued attributes default to ``None`` (not ``[]``: a shared mutable default would
leak between documents); read them through :func:`records`, which returns ``[]``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from dotterel.model import Actor, Article

DOC_LISTS: tuple[str, ...] = (
    "actor_mentions",
    "actors",
    "places",
    "times",
    "attributions",
    "events",
)


def _span_actor(span: Span) -> Actor | None:
    """The actor one of whose mentions covers ``span`` (the longest such mention)."""
    return actor_at(span.doc, span.start_char, span.end_char)


def register_extensions() -> None:
    """Register dotterel's extensions on ``Doc`` and ``Span`` (safe to call twice)."""
    if not Doc.has_extension("article"):
        Doc.set_extension("article", default=None)
    for name in DOC_LISTS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=_span_actor)


def records(doc: Doc, name: str) -> list[Any]:
    """The list stored in ``doc._.<name>``, or ``[]`` if no component wrote it."""
    value = doc._.get(name)
    return value if value is not None else []


def article_of(doc: Doc) -> Article:
    """The document's :class:`Article`, creating a bare one from the text if unset."""
    art = doc._.article
    if art is None:
        art = Article(text=doc.text)
        doc._.article = art
    return art


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention inside ``[start, end)`` that covers the most characters.

    A mention counts when it overlaps the span; ties go to the longest mention. This is
    how the event component turns a dependency subtree into an actor.
    """
    best: tuple[int, str] | None = None
    for m in records(doc, "actor_mentions"):
        if m.actor_id is None or m.end <= start or m.start >= end:
            continue
        overlap = min(end, m.end) - max(start, m.start)
        if best is None or overlap > best[0]:
            best = (overlap, m.actor_id)
    if best is None:
        return None
    for actor in records(doc, "actors"):
        if actor.id == best[1]:
            return actor
    return None


register_extensions()
