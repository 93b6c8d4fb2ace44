"""A state's protest is an official complaint (``components/events/_state_protests.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, with_actors

pytestmark = pytest.mark.slow


def test_a_state_protesting_complains_officially(base, events):
    evs = run(base, events, "Peru protested Chile's decision on Monday.")
    assert [(e.cameo, e.event_type) for e in evs] == [("114", "ACCUSE")]


def test_people_protesting_demonstrate(base, events):
    doc = with_actors(
        base("Chilean students protested the ruling in Lima."),
        {"Chilean students": "CHLCVL", "Lima": "PER"},
    )
    assert {e.event_type for e in events(doc)._.events} == {"PROTEST"}
    # a people coded as its state ("thousands of Chileans": CHL) is no state's voice
    doc = with_actors(base("Thousands of Chileans protested in Lima."), {"Chileans": "CHL"})
    assert {e.event_type for e in events(doc)._.events} == {"PROTEST"}
