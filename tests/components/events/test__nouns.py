"""Sources and targets of event nouns (``components/events/_nouns.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_removal_noun_takes_its_from_phrase_as_source(base, events):
    evs = run(base, events, "The expulsion of Chinese diplomats from Canada was sudden.")
    assert ("CAN", "CHNGOV", "SANCTION") in triples(evs)
