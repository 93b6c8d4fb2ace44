"""Matching predicted events to whole-article event gold (the rules of ``EVENTS_GUIDE.md``).

Pure functions over two small views, :class:`GoldEvent` (read from the gold file) and
:class:`PredEvent` (read from a :class:`~dotterel.model.Event`), so the rules can be
tested on invented events without spaCy. :mod:`dotterel.evaluate.events` builds the
views, calls :func:`match_article` under each criterion and adds the sub-scores.

A predicted event may match a gold event when (``strict``) its sentence overlaps the
gold quote or one of its ``also`` clauses, its type is the gold type or an
``alt_types``, and both sides' countries are accepted; ``type`` drops the actor test,
``actors`` the type test. Each gold and each predicted event is used at most once: a
maximum bipartite matching, first against the gold events that count for recall, then
(with the predictions left over) against ``background`` gold, so a prediction is set
against history only when no current event could take it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dotterel.evaluate.metrics import PRF, Offsets, overlaps


@dataclass(frozen=True, slots=True)
class GoldSide:
    """A gold actor or recipient: ``countries`` are the accepted code prefixes."""

    name: str
    code: str
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One annotated event with its clauses located in the article text."""

    eid: str
    type: str
    #: Where the quote and every ``also`` clause occur (all occurrences); empty when
    #: none of them could be found, and then the event cannot be matched.
    spans: tuple[Offsets, ...]
    actor: GoldSide | None = None
    recipient: GoldSide | None = None
    alt_types: tuple[str, ...] = ()
    symmetric: bool = False
    background: bool = False
    quote: str = ""
    status: str = "asserted"
    source_name: str | None = None
    source_keys: tuple[str, ...] = ()
    anonymous: bool = False
    negated: bool = False
    future: bool = False
    place_name: str | None = None
    place_country: str | None = None
    date: str | None = None
    size: dict[str, int] = field(default_factory=dict)

    @property
    def types(self) -> tuple[str, ...]:
        return (self.type, *self.alt_types)

    def source_is_actor(self) -> bool:
        """No source, or the source is the actor speaking for itself (a speech act):
        a source key occurs in the actor's name, or the two names are the same."""
        if self.source_name is None:
            return True
        if self.actor is None:
            return False
        actor = self.actor.name.casefold()
        if self.source_name.casefold() == actor:
            return True
        return any(k and k.casefold() in actor for k in self.source_keys)


@dataclass(frozen=True, slots=True)
class PredSide:
    """A predicted actor or recipient: its code and country, if any."""

    code: str | None = None
    country: str | None = None
    #: The event names this side at all (an actor, a code or words).
    present: bool = False


@dataclass(frozen=True, slots=True)
class PredEvent:
    """What matching needs of a predicted event (``index`` = position in the article)."""

    index: int
    type: str
    sentence: Offsets
    actor: PredSide = PredSide()
    recipient: PredSide = PredSide()
    trigger: Offsets | None = None


def side_accepts(gold: GoldSide | None, pred: PredSide) -> bool:
    """A ``null`` gold side accepts anything; an empty ``countries`` list (the actor is
    stated, its country cannot be told) accepts any predicted side that is present;
    otherwise the predicted code or country must start with an accepted prefix."""
    if gold is None:
        return True
    if not gold.countries:
        return pred.present
    for value in (pred.code, pred.country):
        if value and any(c and value.upper().startswith(c.upper()) for c in gold.countries):
            return True
    return False


def actors_accepted(g: GoldEvent, p: PredEvent) -> bool:
    """Both sides accepted, or for a ``symmetric`` gold event both sides swapped."""
    if side_accepts(g.actor, p.actor) and side_accepts(g.recipient, p.recipient):
        return True
    return g.symmetric and side_accepts(g.actor, p.recipient) and side_accepts(g.recipient, p.actor)


def in_clause(g: GoldEvent, p: PredEvent) -> bool:
    return any(overlaps(span, p.sentence) for span in g.spans)


def preference(g: GoldEvent, p: PredEvent) -> tuple[int, int, int]:
    """Sort key among a gold event's candidates: trigger inside a clause of the gold
    event first, then the gold type itself before an alternative, then text order."""
    trig = p.trigger
    inside = trig is not None and any(overlaps(span, trig) for span in g.spans)
    return (0 if inside else 1, 0 if p.type.upper() == g.type else 1, p.index)


def type_accepted(g: GoldEvent, p: PredEvent) -> bool:
    return p.type.upper() in g.types


#: The three match criteria, by the name used in metric keys.
CRITERIA: dict[str, Callable[[GoldEvent, PredEvent], bool]] = {
    "strict": lambda g, p: in_clause(g, p) and type_accepted(g, p) and actors_accepted(g, p),
    "type": lambda g, p: in_clause(g, p) and type_accepted(g, p),
    "actors": lambda g, p: in_clause(g, p) and actors_accepted(g, p),
}


def max_matching(edges: Sequence[Sequence[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths): left index -> right index.

    ``edges[i]`` lists the right items left item ``i`` may take, best first; articles
    hold tens of events, so the simple algorithm is fast enough.
    """
    owner: list[int | None] = [None] * n_right

    def augment(i: int, seen: list[bool]) -> bool:
        for j in edges[i]:
            if seen[j]:
                continue
            seen[j] = True
            held = owner[j]
            if held is None or augment(held, seen):
                owner[j] = i
                return True
        return False

    for i in range(len(edges)):
        augment(i, [False] * n_right)
    return {i: j for j, i in enumerate(owner) if i is not None}


@dataclass(slots=True)
class ArticleMatch:
    """The outcome of matching one article under one criterion."""

    #: gold index -> predicted index, for gold events that count (not background).
    pairs: dict[int, int]
    #: predicted indexes matched to a background gold event (left out of precision).
    background: set[int]
    counts: PRF


def match_article(
    gold: Sequence[GoldEvent],
    pred: Sequence[PredEvent],
    same: Callable[[GoldEvent, PredEvent], bool],
) -> ArticleMatch:
    """One-to-one matching of an article's gold and predicted events under ``same``.

    ``pred[j].index`` must be ``j`` (the views are built in article order).
    """
    current = [i for i, g in enumerate(gold) if not g.background]
    history = [i for i, g in enumerate(gold) if g.background]

    def candidates(i: int, allowed: set[int]) -> list[int]:
        found = [p for p in pred if p.index in allowed and same(gold[i], p)]
        return [p.index for p in sorted(found, key=lambda p: preference(gold[i], p))]

    everything = {p.index for p in pred}
    edges = [candidates(i, everything) for i in current]
    pairs = {current[k]: j for k, j in max_matching(edges, len(pred)).items()}
    rest = [candidates(i, everything - set(pairs.values())) for i in history]
    background = set(max_matching(rest, len(pred)).values())
    counts = PRF(len(pairs), len(pred) - len(background), len(pairs), len(current))
    return ArticleMatch(pairs, background, counts)


__all__ = [
    "CRITERIA",
    "ArticleMatch",
    "GoldEvent",
    "GoldSide",
    "PredEvent",
    "PredSide",
    "actors_accepted",
    "in_clause",
    "match_article",
    "max_matching",
    "preference",
    "side_accepts",
    "type_accepted",
]
