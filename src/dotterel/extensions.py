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
``Doc._.outlet_code``       ``str | None``: the outlet's code   ``dotterel_actors``
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

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc, Span

from dotterel.model import Actor, Article, Mention

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
    if not Doc.has_extension("outlet_code"):
        Doc.set_extension("outlet_code", default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", getter=_span_actor)


def _stored(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` for a plain (default-only) extension, read where spaCy keeps it
    (``doc.user_data``) without building an ``Underscore`` accessor per read: the
    components read the records thousands of times per document."""
    data: dict[Any, Any] = doc.user_data  # spaCy types it dict[str, Any]; keys are tuples
    return data.get(("._.", name, None, None))


def records(doc: Doc, name: str) -> list[Any]:
    """The list stored in ``doc._.<name>``, or ``[]`` if no component wrote it."""
    value = _stored(doc, name)
    return value if value is not None else []


def article_of(doc: Doc) -> Article:
    """The document's :class:`Article`, creating a bare one from the text if unset."""
    art = doc._.article
    if art is None:
        art = Article(text=doc.text)
        doc._.article = art
    return art


class _MentionIndex:
    """Actor mentions sorted by start, and actors by id, for fast :func:`actor_at`.

    Built once per document (the event and attribution components ask thousands of
    times per article) and rebuilt if either list is replaced or grows.
    """

    __slots__ = ("actors", "key", "max_len", "mentions", "starts")

    def __init__(self, mentions: list[Mention], actors: list[Actor]) -> None:
        self.key = (id(mentions), len(mentions), id(actors), len(actors))
        ordered = sorted(
            ((m.start, i, m) for i, m in enumerate(mentions) if m.actor_id is not None),
            key=lambda t: (t[0], t[1]),
        )
        self.starts = [t[0] for t in ordered]
        self.mentions = [(t[1], t[2]) for t in ordered]
        self.max_len = max((m.end - m.start for _, m in self.mentions), default=0)
        self.actors = {a.id: a for a in actors}


def _mention_index(doc: Doc) -> _MentionIndex:
    mentions, actors = records(doc, "actor_mentions"), records(doc, "actors")
    key = (id(mentions), len(mentions), id(actors), len(actors))
    index = doc.user_data.get("dotterel_mention_index")
    if index is None or index.key != key:
        index = _MentionIndex(mentions, actors)
        doc.user_data["dotterel_mention_index"] = index
    return index


def mentions_overlapping(doc: Doc, start: int, end: int) -> list[tuple[int, Mention]]:
    """Resolved actor mentions overlapping ``[start, end)`` as ``(list position, mention)``,
    in text order; found by bisection, not by a scan of every mention."""
    index = _mention_index(doc)
    lo = bisect_left(index.starts, start - index.max_len)
    hi = bisect_left(index.starts, end)
    return [(pos, m) for pos, m in index.mentions[lo:hi] if m.end > start]


def actor_by_id(doc: Doc, actor_id: str | None) -> Actor | None:
    """The document's actor with this id."""
    return _mention_index(doc).actors.get(actor_id) if actor_id else None


def actor_at(doc: Doc, start: int, end: int) -> Actor | None:
    """The actor with a mention inside ``[start, end)`` that covers the most characters.

    A mention counts when it overlaps the span; on equal overlap the mention that comes
    first in ``doc._.actor_mentions`` wins. This is how the event component turns a
    dependency subtree into an actor.
    """
    best: tuple[int, int, str] | None = None  # (-overlap, list position, actor id)
    for pos, m in mentions_overlapping(doc, start, end):
        overlap = min(end, m.end) - max(start, m.start)
        cand = (-overlap, pos, m.actor_id or "")
        if best is None or cand < best:
            best = cand
    return actor_by_id(doc, best[2]) if best is not None else None


register_extensions()
