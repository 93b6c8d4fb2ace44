"""Gapped objects and misparsed subjects of coordinated clauses (``events/_coordination.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_bare_number_object_takes_the_parallel_clause_target(base, events):
    # "Y has expelled 13": the noun of the object is elided, the same as in the clause before
    evs = run(
        base,
        events,
        "Canada has expelled 12 Chinese diplomats, Norway has expelled 13,"
        " and Japan expelled four.",
    )
    assert triples(evs) == {
        ("CAN", "CHNGOV", "SANCTION"),
        ("NOR", "CHNGOV", "SANCTION"),
        ("JPN", "CHNGOV", "SANCTION"),
    }
    norway = next(e for e in evs if e.source_code == "NOR")
    assert norway.target_text == "13"  # the clause's own words, the parallel clause's actor


def test_subject_parsed_as_an_object_conjunct(base, events):
    # "and Brazil expelled 5" misparsed as "diplomats and Brazil": Brazil is a subject
    evs = run(base, events, "Canada expelled 12 Chinese diplomats and Brazil expelled 5.")
    assert triples(evs) == {("CAN", "CHNGOV", "SANCTION"), ("BRA", "CHNGOV", "SANCTION")}


def test_coordinated_objects_stay_objects(base, events):
    evs = run(base, events, "Gondor attacked Arnor and Rohan on Monday.")
    assert triples(evs) == {("GON", "ARN", "ASSAULT"), ("GON", "ROH", "ASSAULT")}


def test_a_finite_verb_hung_on_an_infinitive_has_the_governing_verb_s_subject(base, events):
    # "asked Chile to release ... and urged Canada": Peru urges, not Chile
    evs = run(base, events, "Peru asked Chile to release the prisoners and urged Canada to help.")
    assert ("PER", "CAN", "REQUEST") in triples(evs)
