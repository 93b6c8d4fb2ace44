"""Cross-article event merging: one cluster per real-world event, every report kept.

Several articles (and sometimes one article twice) report the same event. Merging puts
their event records into one :class:`EventCluster` that keeps every mention with its own
source chain and status, and counts how many *articles* and how many *independent
sources* back it.

The merge rule (documented in ``docs/exports.md``; every part is tested):

1. **Same actors.** Mentions are compared only within a block of equal
   ``(source_code, target_code)``; an actor without a code is compared by its
   case-folded text; the two sides of a mutual act (``Event.symmetric``: "A met B")
   are compared in either order.
2. **Compatible type.** Same PLOVER ``event_type`` (case-insensitive).
3. **Compatible date.** Each mention covers an interval of days: the days its TIMEX value
   covers when the article dates the event (``date_source == "text"``), or, when the date
   fell back to the publication date, the ``window_days`` days up to and including the
   publication day (the event happened on or shortly before it was reported). A mention
   joins a cluster only if its interval overlaps every member's, i.e. the intersection of
   all the cluster's intervals. A mention with no date at all (no date in the text and
   no publication date) merges only with undated mentions of its own article.
4. **Compatible place.** Two places agree when they have the same GeoNames id, or one is
   a country and the other lies in that country, or one is a province (ADM1) and the
   other lies in it; two unresolved toponyms agree when their names are equal. A mention
   without a place agrees with any place. A mention must agree with every member's place.
5. Mentions are taken narrowest date first, then by publication date and id, and each
   joins the first cluster it is compatible with (complete linkage: never chained through
   a vague member), else starts a new cluster.

**Independent sources.** Each mention's *originating source* is found by walking its
chain from the outlet inward while the layers are news media (the article's own outlet,
a layer whose actor is of kind ``media`` or whose CAMEO code has the ``MED``/``JRN``
role, or a name that is the outlet of another article in the corpus); the last such
layer is the news organisation that gathered the information. Breitbart citing the New
York Times citing Afghan officials and Fox citing the NYT both originate at the NYT, so
they are one independent source; an outlet that reports on its own (or quotes officials
directly) is its own source. Names are compared case-folded, without a leading "the"
and punctuation, and an acronym matches the one multi-word name whose initials it is
("NYT" = "New York Times").

**Sightings.** An article's text may have been run by several outlets (its
:class:`~dotterel.model.Sighting` records, kept by the store): each event originates
through each of them, so an outlet reporting on its own adds a source while two outlets
carrying the same copy credited to Reuters still count Reuters once.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from dotterel.model import STATUSES, Actor, Article, CodedArticle, Event, Place, SourceLink
from dotterel.outlets import (
    MEDIA_ROLES,
    SourceNames,
    normalise_source,
    originating_source,
    outlet_name,
)
from dotterel.timex import Interval, interval

LOGGER = logging.getLogger(__name__)

#: Days before the publication date that an event dated only by publication may cover.
DEFAULT_WINDOW_DAYS = 7
_LEVEL_RANK = {"unresolved": 0, "country": 1, "adm1": 2, "adm2": 3, "city": 4, "other": 4}


@dataclass(slots=True)
class EventMention:
    """One event record of one article, with what merging needs to compare it."""

    event: Event
    article: Article
    place: Place | None = None
    source_actor: Actor | None = None
    target_actor: Actor | None = None
    #: Key of the originating news source (see the module docstring).
    source_key: str = ""
    #: Display name of the originating news source.
    source_name: str = ""
    span: Interval | None = None
    #: Originating source (key -> display name) through each outlet that ran the
    #: article (its sightings); holds ``source_key`` (empty: just that one).
    origins: dict[str, str] = field(default_factory=dict)
    #: Outlets that ran the article (key -> display name), from its sightings.
    outlets: dict[str, str] = field(default_factory=dict)
    #: Distinct documents that carried the article: (outlet, url, date) of its sightings.
    documents: frozenset[tuple[str, str, str]] = frozenset()

    def all_origins(self) -> dict[str, str]:
        return self.origins or {self.source_key: self.source_name}


@dataclass(slots=True)
class EventCluster:
    """One real-world event as reported by one or more articles."""

    id: str
    event_type: str
    source_code: str | None
    target_code: str | None
    #: In publication order (then article id, then position), as :func:`merge_events` sorts them.
    mentions: list[EventMention] = field(default_factory=list)
    #: Intersection of the members' date intervals (``None``: no member is dated).
    span: Interval | None = None

    @property
    def representative(self) -> EventMention:
        """The earliest published mention (ties: article id, then position)."""
        return min(self.mentions, key=_mention_order)

    @property
    def n_mentions(self) -> int:
        """Event records in the cluster (an article may report the event twice)."""
        return len(self.mentions)

    @property
    def article_ids(self) -> list[str]:
        """Distinct articles, in first-seen order."""
        return list(dict.fromkeys(m.article.id for m in self.mentions))

    @property
    def n_articles(self) -> int:
        """Number of distinct articles that report the event."""
        return len(set(m.article.id for m in self.mentions))

    @property
    def sources(self) -> list[str]:
        """Display names of the independent sources, in first-seen order."""
        seen: dict[str, str] = {}
        for m in self.mentions:
            for key, name in m.all_origins().items():
                seen.setdefault(key, name)
        return list(seen.values())

    @property
    def n_sources(self) -> int:
        """Number of independent sources (two outlets citing the NYT count once), over
        every outlet that ran each article (its sightings)."""
        return len({key for m in self.mentions for key in m.all_origins()})

    @property
    def n_outlets(self) -> int:
        """Distinct outlets that ran an article reporting the event (GDELT NumSources)."""
        keys = {key for m in self.mentions for key in m.outlets}
        return len(keys) or len({m.source_key for m in self.mentions})

    @property
    def n_documents(self) -> int:
        """Distinct documents (article sightings: outlet, url, date) reporting the event
        (GDELT NumArticles); an article seen once is one document."""
        docs = {(m.article.id, d) for m in self.mentions for d in m.documents}
        return len(docs) or self.n_articles

    @property
    def statuses(self) -> dict[str, int]:
        """How many mentions present the event with each status."""
        return dict(Counter(m.event.status for m in self.mentions))

    @property
    def status(self) -> str:
        """``contested`` when some mentions deny it and others do not, else the most
        frequent status (ties broken in the order of ``model.STATUSES``)."""
        counts = self.statuses
        if "denied" in counts and len(counts) > 1:
            return "contested"
        order = {s: i for i, s in enumerate(STATUSES)}
        return min(counts, key=lambda s: (-counts[s], order.get(s, len(order))))

    @property
    def contested_by(self) -> list[str]:
        """Ids of events that deny or confirm any member."""
        return list(dict.fromkeys(i for m in self.mentions for i in m.event.contested_by))

    @property
    def date(self) -> str | None:
        """The most precise date an article gives for the event, else the earliest
        publication-date fallback (the convention of GDELT)."""
        dated = [m for m in self.mentions if m.event.date]
        if not dated:
            return None
        texts = [m for m in dated if m.event.date_source == "text" and m.span is not None]
        if texts:
            best = min(texts, key=lambda m: (m.span.days, _mention_order(m)))  # type: ignore[union-attr]
            return best.event.date
        return min(dated, key=_mention_order).event.date

    @property
    def date_source(self) -> str | None:
        """``text`` when :attr:`date` comes from an article's words, else the fallback's."""
        date_value = self.date
        for m in self.mentions:
            if m.event.date == date_value and m.event.date_source == "text":
                return "text"
        return next((m.event.date_source for m in self.mentions if m.event.date), None)

    @property
    def place(self) -> Place | None:
        """The most specific place among the members."""
        places = [m.place for m in self.mentions if m.place is not None]
        if not places:
            return None
        return max(places, key=lambda p: _LEVEL_RANK.get(p.level, 0))

    @property
    def first_seen(self) -> str | None:
        """ISO date of the earliest publication among the members."""
        dates = [m.article.pub_date for m in self.mentions if m.article.pub_date]
        return min(dates).isoformat() if dates else None


def _mention_order(m: EventMention) -> tuple[str, str, int]:
    pub = m.article.pub_date.isoformat() if m.article.pub_date else "9999"
    return (pub, m.article.id, m.event.trigger.start)


def event_chain(event: Event, coded: CodedArticle) -> list[SourceLink]:
    """The event's source chain; for a record coded without the provenance step (empty
    ``chain``), the chain of its attribution, else of the innermost attribution whose
    content holds the trigger."""
    if event.chain:
        return event.chain
    by_id = {q.id: q for q in coded.attributions}
    holder = by_id.get(event.attribution_id or "")
    if holder is None:
        holding = [
            q
            for q in coded.attributions
            if q.content.start <= event.trigger.start and event.trigger.end <= q.content.end
        ]
        holder = min(holding, key=lambda q: q.content.end - q.content.start, default=None)
    return holder.chain if holder is not None else []


def _mention_span(event: Event, article: Article, window_days: int) -> Interval | None:
    if event.date_source == "publication" or (not event.date and article.pub_date):
        pub = article.pub_date
        if pub is None:
            return interval(event.date)
        return Interval(pub - timedelta(days=window_days), pub, "publication")
    return interval(event.date)


def _norm_place_name(place: Place) -> str:
    return (place.name or place.text).casefold().strip()


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Whether two places can be where one event happened (see rule 4)."""
    if a is None or b is None:
        return True
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    resolved = a.level != "unresolved" and b.level != "unresolved"
    if not resolved:
        return _norm_place_name(a) == _norm_place_name(b)
    if a.country_code and a.country_code == b.country_code:
        if "country" in (a.level, b.level):
            return True
        if "adm1" in (a.level, b.level) and a.admin1 and a.admin1 == b.admin1:
            return True
    return False


def _actor_key(code: str | None, text: str | None) -> str:
    if code:
        return code.upper()
    return "~" + (text or "").casefold().strip()


def _place_key(place: Place) -> tuple[object, ...]:
    """Places with equal keys are interchangeable for :func:`places_compatible`."""
    if place.level == "unresolved":
        return ("~", _norm_place_name(place))
    return (place.geonameid, place.level, place.country_code, place.admin1)


class _Builder:
    """A cluster being built: its members and the running constraints (the intersection
    of the date intervals and the distinct places, so checking a newcomer costs the
    number of distinct places, not of members)."""

    def __init__(self, first: EventMention) -> None:
        self.mentions = [first]
        self.span = first.span
        self.places: dict[tuple[object, ...], Place] = {}
        if first.place is not None:
            self.places[_place_key(first.place)] = first.place

    def accepts(self, m: EventMention) -> bool:
        if (m.span is None) != (self.span is None):
            return False
        if m.span is None:
            # Undated: nothing says it is the same event as another article's.
            if any(x.article.id != m.article.id for x in self.mentions):
                return False
        elif not self.span.overlaps(m.span):  # type: ignore[union-attr]
            return False
        if m.place is None or _place_key(m.place) in self.places:
            return True
        return all(places_compatible(p, m.place) for p in self.places.values())

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)
        if m.span is not None:
            self.span = m.span if self.span is None else self.span.intersection(m.span)
        if m.place is not None:
            self.places.setdefault(_place_key(m.place), m.place)


def mentions_of(
    coded: Iterable[CodedArticle], *, window_days: int = DEFAULT_WINDOW_DAYS
) -> list[EventMention]:
    """Every event of every article as an :class:`EventMention` ready to be merged.

    An article run by several outlets (several sightings) originates, for each event,
    through each of them: an outlet reporting on its own is one more source, two
    outlets carrying the same wire copy credited to Reuters are still Reuters.
    """
    articles = list(coded)
    sightings = {c.article.id: c.all_sightings() for c in articles}
    outlets = [outlet_name(s) for seen in sightings.values() for s in seen]
    names_seen = [outlet_name(c.article) for c in articles] + outlets
    names_seen += [link.name for c in articles for e in c.events for link in event_chain(e, c)]
    names = SourceNames(names_seen)
    outlet_keys = {names.key(n) for n in names_seen[: len(articles) + len(outlets)]}
    mentions: list[EventMention] = []
    for c in articles:
        actors = {a.id: a for a in c.actors}
        places = {p.id: p for p in c.places}
        seen = sightings[c.article.id]
        ran = {names.key(outlet_name(s)): names.display(names.key(outlet_name(s))) for s in seen}
        docs = frozenset(
            (names.key(outlet_name(s)), s.url or "", s.pub_date.isoformat() if s.pub_date else "")
            for s in seen
        )
        for e in c.events:
            chain = event_chain(e, c)
            key, display = originating_source(chain, c.article, actors, names, outlet_keys)
            origins = {key: display}
            for s in seen:
                k, d = originating_source(
                    chain, c.article, actors, names, outlet_keys, outlet_name(s)
                )
                origins.setdefault(k, d)
            mentions.append(
                EventMention(
                    event=e,
                    article=c.article,
                    place=places.get(e.place_id or ""),
                    source_actor=actors.get(e.source_actor_id or ""),
                    target_actor=actors.get(e.target_actor_id or ""),
                    source_key=key,
                    source_name=display,
                    span=_mention_span(e, c.article, window_days),
                    origins=origins,
                    outlets=ran,
                    documents=docs,
                )
            )
    return mentions


def merge_events(
    coded: Iterable[CodedArticle],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    include_background: bool = False,
) -> list[EventCluster]:
    """Cluster the events of many articles (see the module docstring for the rule).

    Args:
        coded: coded articles (any order; the result does not depend on it).
        window_days: how many days before publication an event dated only by its
            article's publication date may have happened.
        include_background: also cluster events the text mentions as history
            (``Event.background``); by default they are left out, so GDELT rows,
            network edges and cluster counts are about the news being reported.

    Returns:
        Clusters sorted by date (undated last) then id; every event that is kept is in
        exactly one.
    """
    blocks: dict[tuple[str, str, str], list[EventMention]] = defaultdict(list)
    for m in mentions_of(coded, window_days=window_days):
        e = m.event
        if e.background and not include_background:
            continue
        sides = (_actor_key(e.source_code, e.source_text), _actor_key(e.target_code, e.target_text))
        if e.symmetric:
            sides = (min(sides), max(sides))  # "A met B" and "B met A" are one meeting
        key = (*sides, (e.event_type or "").upper())
        blocks[key].append(m)
    clusters: list[EventCluster] = []
    for members in blocks.values():
        members.sort(key=lambda m: (m.span.days if m.span else 10**9, *_mention_order(m)))
        builders: list[_Builder] = []
        for m in members:
            target = next((b for b in builders if b.accepts(m)), None)
            if target is None:
                builders.append(_Builder(m))
            else:
                target.add(m)
        for b in builders:
            rep = min(b.mentions, key=_mention_order)
            clusters.append(
                EventCluster(
                    id=f"c-{rep.event.id}",
                    event_type=rep.event.event_type,
                    source_code=rep.event.source_code,
                    target_code=rep.event.target_code,
                    mentions=sorted(b.mentions, key=_mention_order),
                    span=b.span,
                )
            )
    clusters.sort(key=lambda c: (c.span is None, c.span.start if c.span else None, c.id))
    LOGGER.info(
        "merged %d events into %d clusters", sum(c.n_mentions for c in clusters), len(clusters)
    )
    return clusters


def cluster_index(clusters: Iterable[EventCluster]) -> dict[str, EventCluster]:
    """Each event id mapped to its cluster."""
    return {m.event.id: c for c in clusters for m in c.mentions}


def iter_mentions(clusters: Iterable[EventCluster]) -> Iterator[tuple[EventCluster, EventMention]]:
    """Every (cluster, mention) pair, clusters in order."""
    for c in clusters:
        for m in c.mentions:
            yield c, m


__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "MEDIA_ROLES",
    "EventCluster",
    "EventMention",
    "SourceNames",
    "cluster_index",
    "event_chain",
    "iter_mentions",
    "mentions_of",
    "merge_events",
    "normalise_source",
    "originating_source",
    "places_compatible",
]
