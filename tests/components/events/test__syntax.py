"""Parse-tree walks of the events passes (``components/events/_syntax.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run

pytestmark = pytest.mark.slow


def test_plural_noun_before_an_appositive_list_is_no_member(base, events):
    # "several X countries -- A, B and C": the noun describes the list, each name acts
    evs = run(
        base,
        events,
        "Several Chilean allies \u2014 Peru, Canada and Brazil \u2014 condemned Japan on Monday.",
    )
    assert {e.source_code for e in evs} == {"PER", "CAN", "BRA"}
