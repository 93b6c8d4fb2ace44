"""Finished events, one per actor pair (``components/events/_event_pairs.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, with_actors

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


def test_same_codes_but_other_actors_stay_two_events(base, events):
    # "Obama endorsed Clinton and Biden endorsed Sanders": one code each side, four people
    doc = with_actors(
        base("Gondor praised Arnor, and Rohan praised Brazil."),
        {"Gondor": "USA", "Arnor": "CHL", "Rohan": "USA", "Brazil": "CHL"},
        per_name=True,
    )
    evs = [e for e in events(doc)._.events if e.event_type == "SUPPORT"]
    assert {(e.source_text, e.target_text) for e in evs} == {
        ("Gondor", "Arnor"),
        ("Rohan", "Brazil"),
    }


def test_the_same_pair_in_two_uncoordinated_clauses_stays(base, events):
    # not coordinated: a headline run into the body ("X rejects claim it supplied Y ...
    # X rejected accusations that it had supplied Y") keeps both mentions
    evs = run(
        base,
        events,
        "Canada says Peru attacked Chile after officials said that Peru attacked Chile.",
    )
    assert len([e for e in evs if e.event_type == "ASSAULT"]) == 2


def test_symmetric_event_restated_with_the_sides_swapped_is_one_event(base, events):
    # "Canada and Peru met ... Peru and Canada met": one meeting, told twice
    evs = run(
        base,
        events,
        "Canada and Peru met in Lima on Monday. Peru and Canada met to discuss fishing rights.",
    )
    meetings = [e for e in evs if e.event_type == "CONSULT"]
    assert [(e.source_code, e.target_code, e.symmetric) for e in meetings] == [("CAN", "PER", True)]
