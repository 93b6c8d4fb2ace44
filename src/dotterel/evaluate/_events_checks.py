"""What is checked on strictly matched events: status, attribution, anonymity, negation,
place, date and size (``EVENTS_GUIDE.md``, "On matched events").

Each check compares one :class:`GoldEvent` with the :class:`~dotterel.model.Event` it was
matched to; :func:`matched_scores` sums them. ``size`` compares the gold counts
(``dead``, ``injured``, ``arrested``) with :attr:`Event.killed`, ``injured`` and
``arrested``: right when every count the gold gives is the event's.

:func:`place_any_right` is the wider place yardstick (``place_any``): for every gold event
with a place, matched or not, is the place of an event predicted in its clause right?
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dotterel.evaluate._events_matching import GoldEvent
from dotterel.model import CodedArticle, Event, Place

#: Statuses that are one answer for a speaker's own speech act (``EVENTS_GUIDE.md``).
SPEECH_STATUSES = frozenset({"asserted", "reported"})

_NON_WORD = re.compile(r"[^\w]+")


def _norm(s: str | None) -> str:
    return " ".join(_NON_WORD.sub(" ", (s or "").casefold()).split())


def status_right(g: GoldEvent, e: Event) -> bool:
    """Same status; asserted = reported when the gold source is none or the actor itself."""
    pred = (e.status or "asserted").lower()
    if g.status in SPEECH_STATUSES and g.source_is_actor():
        return pred in SPEECH_STATUSES
    return pred == g.status


def attribution_right(g: GoldEvent, e: Event) -> bool:
    """The innermost source holds a gold key; with no gold source (or the actor as its
    own source) the chain is the outlet alone, or ends with the event's own actor."""
    inner = e.chain[-1] if e.chain else None
    outlet_alone = all(link.start is None for link in e.chain)
    own = bool(inner and inner.actor_id and inner.actor_id == e.source_actor_id)
    if g.source_name is None:
        return outlet_alone or own
    holds_key = inner is not None and any(
        k and k.casefold() in inner.name.casefold() for k in g.source_keys
    )
    return holds_key or (g.source_is_actor() and (outlet_alone or own))


def place_right(g: GoldEvent, place: Place | None) -> tuple[bool, bool]:
    """(name right, country right) of the event's place against the gold place."""
    if place is None:
        return False, False
    gold = _norm(g.place_name)
    names = {_norm(place.name), _norm(place.text)} - {""}
    by_name = bool(gold) and any(gold in n or n in gold for n in names)
    by_country = (
        bool(g.place_country)
        and (place.country_code or "").upper() == (g.place_country or "").upper()
    )
    return by_name, by_country


def place_any_right(g: GoldEvent, in_clause: Sequence[Event], coded: CodedArticle) -> bool:
    """Some event predicted in the gold event's clause has the gold place (name or
    country), whether or not that event matched: the place finder's own yardstick, which
    does not hang on the event's type and actors being right."""
    places = {p.id: p for p in coded.places}
    return any(any(place_right(g, places.get(e.place_id or ""))) for e in in_clause)


def matched_scores(pairs: Sequence[tuple[GoldEvent, Event, CodedArticle]]) -> dict[str, list[int]]:
    """``name -> [right, total]`` of every sub-score over strict-matched pairs."""
    out: dict[str, list[int]] = {
        k: [0, 0]
        for k in ("status", "attribution", "anonymity", "negation", "place", "date", "size")
    }
    out["place_name"], out["place_country"] = [0, 0], [0, 0]

    def add(key: str, right: bool) -> None:
        out[key][0] += int(right)
        out[key][1] += 1

    for g, e, coded in pairs:
        add("status", status_right(g, e))
        add("attribution", attribution_right(g, e))
        add("anonymity", bool(e.chain and e.chain[-1].anonymous) == g.anonymous)
        add("negation", e.negated == g.negated)
        if g.place_name or g.place_country:
            places = {p.id: p for p in coded.places}
            by_name, by_country = place_right(g, places.get(e.place_id or ""))
            add("place", by_name or by_country)
            add("place_name", by_name)
            add("place_country", by_country)
        if g.date:
            add("date", e.date == g.date)
        if g.size:
            add("size", size_right(g, e))
    return out


#: Gold size keys and the Event fields that hold them.
SIZE_FIELDS = {"dead": "killed", "killed": "killed", "injured": "injured", "arrested": "arrested"}


def size_right(g: GoldEvent, e: Event) -> bool:
    """Every count the gold gives (dead, injured, arrested) is the event's count."""
    counts = {SIZE_FIELDS[k]: v for k, v in g.size.items() if k in SIZE_FIELDS}
    return bool(counts) and all(getattr(e, name) == value for name, value in counts.items())


__all__ = [
    "SPEECH_STATUSES",
    "attribution_right",
    "matched_scores",
    "place_any_right",
    "place_right",
    "size_right",
    "status_right",
]
