"""The one event filter: ``dotterel events``/``export``, :mod:`dotterel.query` and the web UI.

An :class:`EventFilter` says which stored events to keep; it answers both as SQL over
the store's ``events`` table (:meth:`EventFilter.sql`, for queries) and as a predicate
over records (:meth:`EventFilter.matches`, for exports that read coded articles), so the
two cannot drift apart. Meanings (also ``docs/exports.md``):

* ``actor``: a code (upper-case letters/digits) matches as a prefix of the source or
  target code (``IRN`` matches ``IRNGOV``); anything else (``"Iran"``) matches the
  actors' words or the name of the actor they were resolved to, case-insensitively.
  ``role`` restricts it to the ``source`` or the ``target``.
* ``type``: a PLOVER type (``AID``, any case) or a CAMEO code prefix (``07``, ``0711``).
* ``since``/``until``: TIMEX-style dates (``2016``, ``2016-01``, ``2016-01-15``); an
  event is kept when its date interval overlaps ``[since, until]``; undated events are
  dropped when either is given. Interval arithmetic on TIMEX values is Python's
  (:func:`dotterel.timex.interval`), so :meth:`EventFilter.sql` leaves the
  dates to :meth:`EventFilter.keeps_date`, applied to the rows the SQL returns.
* ``status``: one status or a comma-separated list (``denied,hedged``). ``contested``
  selects events that *another event denies or confirms*: the event has a
  ``contested_by`` entry, or a ``contest_links`` row names it as the claim (a denial
  stored later, in another article). It is not the status ``denied``, which marks an
  event inside a denial's words. For :meth:`EventFilter.matches` the records must carry
  the store's cross-article links (:func:`dotterel.store.claims.with_contest_links`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dotterel.model import CodedArticle, Event
from dotterel.timex import Interval, interval

#: Values of :attr:`EventFilter.role`.
ROLES: tuple[str, ...] = ("any", "source", "target")


def is_code(actor: str) -> bool:
    """Whether an ``actor`` filter is a CAMEO-style code (else words)."""
    return actor.isalnum() and actor.isupper()


def _date(name: str, value: str | None) -> Interval | None:
    if not value:
        return None
    span = interval(value)
    if span is None:
        raise ValueError(f"{name}: not a date: {value!r} (use 2016, 2016-01 or 2016-01-15)")
    return span


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to keep; every field optional (see the module docstring).

    Raises:
        ValueError: a role that is not any/source/target, or a date that is not one.
    """

    actor: str | None = None
    type: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None
    role: str = "any"

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be any, source or target, not {self.role!r}")
        _date("since", self.since)
        _date("until", self.until)

    def __bool__(self) -> bool:
        """False when the filter keeps every event."""
        return any((self.actor, self.type, self.since, self.until, self.status))

    @property
    def sides(self) -> tuple[str, ...]:
        return ("source", "target") if self.role == "any" else (self.role,)

    @property
    def statuses(self) -> list[str]:
        """The wanted statuses, lower-cased, in the order given (``contested`` included)."""
        return [s.strip().lower() for s in (self.status or "").split(",") if s.strip()]

    def sql(self, alias: str = "e") -> tuple[str, list[Any]]:
        """A SQL condition on the store's ``events`` table (as ``alias``) and its
        parameters; ``("", [])`` when nothing but dates is filtered. Dates are left to
        :meth:`keeps_date`."""
        where: list[str] = []
        params: list[Any] = []
        e = alias
        if self.actor:
            if is_code(self.actor):
                where.append("(" + " OR ".join(f"{e}.{s}_code LIKE ?" for s in self.sides) + ")")
                params += [self.actor + "%"] * len(self.sides)
            else:
                # The words of the event, or the name of the actor they were resolved to.
                named = "IN (SELECT id FROM actors WHERE name ILIKE ?)"
                where.append(
                    "("
                    + " OR ".join(
                        f"{e}.{s}_text ILIKE ? OR {e}.{s}_actor_id {named}" for s in self.sides
                    )
                    + ")"
                )
                params += [f"%{self.actor}%"] * (2 * len(self.sides))
        if self.type:
            if self.type.isdigit():
                where.append(f"{e}.cameo LIKE ?")
                params.append(self.type + "%")
            else:
                where.append(f"upper({e}.event_type) = ?")
                params.append(self.type.upper())
        wanted = self.statuses
        if wanted:
            parts = []
            plain = [s for s in wanted if s != "contested"]
            if plain:
                parts.append(f"{e}.status IN ({', '.join('?' * len(plain))})")
                params += plain
            if "contested" in wanted:
                parts.append(
                    f"(len(coalesce({e}.contested_by, []::VARCHAR[])) > 0 "
                    f"OR {e}.id IN (SELECT claim_id FROM contest_links))"
                )
            where.append("(" + " OR ".join(parts) + ")")
        return " AND ".join(where), params

    def keeps_date(self, value: Any) -> bool:
        """Whether an event dated ``value`` (TIMEX string or None) passes since/until."""
        lo = _date("since", self.since)
        hi = _date("until", self.until)
        if lo is None and hi is None:
            return True
        span = interval(value) if isinstance(value, str) else None
        if span is None:
            return False
        if lo is not None and span.end < lo.start:
            return False
        return not (hi is not None and span.start > hi.end)

    def matches(self, event: Event, coded: CodedArticle) -> bool:
        """Whether ``event`` of ``coded`` passes (the same selection as :meth:`sql` plus
        :meth:`keeps_date` over the stored article)."""
        if self.actor:
            names = {a.id: a.name for a in coded.actors}
            if not any(self._side_matches(event, side, names) for side in self.sides):
                return False
        if self.type:
            if self.type.isdigit():
                if not (event.cameo or "").startswith(self.type):
                    return False
            elif event.event_type.upper() != self.type.upper():
                return False
        wanted = self.statuses
        if wanted:
            contested = "contested" in wanted and bool(event.contested_by)
            if event.status not in wanted and not contested:
                return False
        return self.keeps_date(event.date)

    def _side_matches(self, event: Event, side: str, names: dict[str, str]) -> bool:
        actor = self.actor or ""
        if is_code(actor):
            return (getattr(event, f"{side}_code") or "").startswith(actor)
        needle = actor.casefold()
        words = (getattr(event, f"{side}_text") or "").casefold()
        name = names.get(getattr(event, f"{side}_actor_id") or "", "").casefold()
        return needle in words or needle in name


__all__ = ["ROLES", "EventFilter", "is_code"]
