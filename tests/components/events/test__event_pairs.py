"""Finished events, one per actor pair (``components/events/_event_pairs.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run
from dotterel.components.events._event_pairs import restatements_dropped
from dotterel.model import Event, TextSpan

pytestmark = pytest.mark.slow


def test_coordinated_verbs_of_one_type_between_the_same_actors_are_one_event(base, events):
    # "expel ... and close ...": one SANCTION of Chile by Canada in the clause
    evs = run(
        base,
        events,
        "Canada decided to expel Chilean diplomats and to close the Chilean consulate in Toronto.",
    )
    sanctions = [e for e in evs if e.event_type == "SANCTION"]
    assert [(e.source_code, e.target_code) for e in sanctions] == [("CAN", "CHL")]


def _event(trigger: int, source: str, target: str) -> Event:
    return Event(
        id="",
        trigger=TextSpan(trigger, trigger + 5, "praised"),
        sentence=TextSpan(0, 60, "..."),
        event_type="SUPPORT",
        source_actor_id=source,
        source_code="USA",
        target_actor_id=target,
        target_code="USA",
    )


def test_same_codes_but_other_actors_stay_two_events():
    # "Obama endorsed Clinton and Biden endorsed Sanders": all USA, four people
    evs = [_event(5, "a0", "a1"), _event(30, "a2", "a3")]
    assert restatements_dropped(evs) == evs
    # the same two actors twice in one sentence: one event
    evs = [_event(5, "a0", "a1"), _event(30, "a0", "a1")]
    assert restatements_dropped(evs) == evs[:1]
