"""Agreeing that something is so (``components/events/_opinions.py``) on sentences
written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def _types(evs: list) -> set[str]:
    return {e.event_type for e in evs}


def test_agreeing_that_a_state_holds_is_an_opinion(base, events):
    assert "AGREE" not in _types(run(base, events, "Gondor agreed that the harvest had failed."))
    assert "AGREE" not in _types(run(base, events, "Arnor agrees the vote will be close."))


def test_agreeing_that_an_actor_is_to_blame_accuses_it(base, events):
    evs = run(base, events, "Gondor and Rohan agreed that Arnor was responsible for the fire.")
    assert ("GON", "ARN", "ACCUSE") in triples(evs)
    assert "AGREE" not in _types(evs)


def test_agreeing_that_an_act_will_happen_stays_an_agreement(base, events):
    evs = run(base, events, "Gondor and Arnor agreed that observers would monitor the border.")
    assert "AGREE" in _types(evs)
