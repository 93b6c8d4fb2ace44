"""Sources and targets of verb triggers (``components/events/_arguments.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_infinitive_subject_is_the_target_of_a_verb_without_object(base, events):
    # object control / raising: "wants Y to do Z" acts on Y
    evs = run(base, events, "Peru strongly backs and wants Chile to take a bigger role in the talks.")
    assert ("PER", "CHL", "SUPPORT") in triples(evs)


def test_own_object_wins_over_the_infinitive_subject(base, events):
    evs = run(base, events, "Peru urged Chile to support Canada.")
    assert ("PER", "CHL", "REQUEST") in triples(evs)
