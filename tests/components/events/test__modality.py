"""Pass 3, negation and modality (``components/events/_modality.py``), on sentences
written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import with_actors
from dotterel.model import Event

pytestmark = pytest.mark.slow


def run(base, events, text: str) -> list[Event]:
    return events(with_actors(base(text)))._.events


def by_trigger(evs: list[Event]) -> dict[str, Event]:
    return {e.trigger.text: e for e in evs}


# ---- a conjunct with no subject nor auxiliary shares the first verb's


def test_negation_is_shared_by_a_bare_conjunct(base, events):
    evs = by_trigger(run(base, events, "Gondor did not attack or occupy Arnor."))
    assert evs["attack"].negated and evs["occupy"].negated


def test_a_conjunct_with_its_own_auxiliary_keeps_its_own(base, events):
    evs = by_trigger(run(base, events, "Gondor attacked Arnor and did not withdraw."))
    assert not evs["attacked"].negated
    assert evs["withdraw"].negated


def test_a_reported_would_is_shared_by_the_conjunct(base, events):
    text = "The envoy said that Gondor would recall its ambassador and expel the Arnor diplomats."
    evs = by_trigger(run(base, events, text))
    # a reported "would" is an intention for both verbs, not a condition of the second
    assert evs["recall"].modality == evs["expel"].modality == "intended"


def test_should_never_have_is_shared_by_the_conjunct(base, events):
    # "should never have been arrested or prosecuted": a criticism, not two arrests
    text = "The Gondor reporter should never have been arrested or prosecuted."
    assert not [e for e in run(base, events, text) if e.event_type == "COERCE"]


def test_a_coordinated_clause_under_a_verb_of_saying_is_reported_too(base, events):
    # the second "would" has its own auxiliary, but its clause is still what was said
    text = "Chile said it would cut aid to Peru and would recall its ambassador from Peru."
    evs = by_trigger(run(base, events, text))
    assert evs["cut"].modality == evs["recall"].modality == "intended"


# ---- "going to" and "unlikely to"


def test_going_that_heads_its_own_clause_marks_no_intent(base, events):
    # "going" inside a quoted comment, hung on the verb by the parser, is not "is going to"
    text = 'Chile is unlikely to give Peru the nod after its remark that "we are going to win."'
    evs = [e for e in run(base, events, text) if e.trigger.text == "nod"]
    assert [e.event_type for e in evs] == ["SUPPORT"]


def test_unlikely_to_hedges(base, events):
    evs = by_trigger(run(base, events, "Chile is unlikely to endorse Peru."))
    assert evs["endorse"].modality == "hedged"
