"""Lexicon conditions on a trigger's object (``components/events/_lexicon.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_participle_modifier_takes_its_noun_as_object(base, events):
    # "a report released on Monday": the report is what is released, so the row that
    # excludes releasing documents applies as it does to "Chile released a report"
    evs = run(base, events, "A Chilean report released on Monday criticised Peru.")
    assert all(e.event_type != "RETREAT" for e in evs)
    evs = run(base, events, "Chilean prisoners released by Peru on Monday returned home.")
    assert ("PER", "CHL", "RETREAT") in triples(evs)


def test_relative_pronoun_object_stands_for_its_noun(base, events):
    evs = run(base, events, "Chile published a report, which was released by Peru, on Monday.")
    assert all(e.event_type != "RETREAT" for e in evs)
