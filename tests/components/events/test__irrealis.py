"""What a text does not assert (``components/events/_irrealis.py``), on sentences written
for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


# ---- the "that" clause of a noun of belief or hope is no realised act


@pytest.mark.parametrize(
    "text",
    [
        "Chile voiced hope that Peru would sign the treaty.",
        "Chile expressed its belief that Peru will agree to release the prisoners.",
        "Chile expressed confidence that Peru would support the plan.",
    ],
)
def test_an_act_believed_or_hoped_for_is_no_event(base, events, text):
    assert run(base, events, text) == []


def test_a_noun_phrase_inside_the_belief_keeps_its_event(base, events):
    # the belief is about "would succeed"; the visit it mentions took place
    text = "Chile voiced hope that the talks held during the Peru visit would succeed."
    assert "CONSULT" in {e.event_type for e in run(base, events, text)}


def test_a_said_that_clause_is_still_coded(base, events):
    evs = run(base, events, "Chile said that Peru will support the plan.")
    assert any(e.source_code == "PER" for e in evs)
    assert triples(evs)


@pytest.mark.parametrize(
    "text",
    [
        "Peru wants a president who will sanction Chile.",
        "Voters in Peru are looking for someone who would condemn Chile.",
    ],
)
def test_acts_of_a_wished_for_person_are_no_events(base, events, text):
    assert not any(t[1] == "CHL" for t in triples(run(base, events, text)))


@pytest.mark.parametrize(
    "text",
    [
        "Peru elected a president who sanctioned Chile.",
        "Peru wants the president who sanctioned Chile to resign.",
    ],
)
def test_acts_of_a_real_person_in_a_relative_clause_stay(base, events, text):
    assert any(t[1] == "CHL" for t in triples(run(base, events, text)))


def test_an_act_someone_pretends_or_imagines_is_no_event(base, events):
    text = "Peru must stop pretending that its sanctions will force Chile to withdraw."
    assert not any(t[1] == "CHL" for t in triples(run(base, events, text)))
