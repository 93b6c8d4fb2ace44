"""An attack's consequences are that attack (``components/events/_consequences.py``),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_killing_and_wounding_clauses_are_one_attack(base, events):
    evs = run(
        base,
        events,
        "Gondor shelled a crowded market, killing 12 Chilean workers and wounding 30.",
    )
    assault = [e for e in evs if e.event_type == "ASSAULT"]
    assert len(assault) == 1
    # the market is a place; the people killed are whom the attack was done to
    assert (assault[0].source_code, assault[0].target_code) == ("GON", "CHL")
    assert (assault[0].killed, assault[0].injured) == (12, 30)


def test_the_main_object_stays_when_it_is_an_actor(base, events):
    evs = run(base, events, "Gondor attacked Rohan, killing 12 Chilean workers.")
    assert [(e.source_code, e.target_code) for e in evs if e.event_type == "ASSAULT"] == [
        ("GON", "ROH")
    ]


def test_a_separate_attack_in_its_own_clause_stays(base, events):
    evs = run(base, events, "Gondor shelled Arnor on Monday, and Rohan attacked Peru on Tuesday.")
    assert len([e for e in evs if e.event_type == "ASSAULT"]) == 2


def test_an_attack_framing_a_killing_is_that_killing(base, events):
    evs = run(base, events, "Gondor killed five Arnor soldiers in an attack on their camp.")
    assert [e.event_type for e in evs] == ["ASSAULT"]
    assert ("GON", "ARN", "ASSAULT") in triples(evs)


def test_an_attack_noun_subject_of_a_killing_is_that_attack(base, events):
    evs = run(base, events, "Officials said a Gondor raid on an Arnor village killed six people.")
    assert [e.event_type for e in evs] == ["ASSAULT"]
