"""Relevance rules (``components/events/_relevance.py``) on sentences written for these
tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import ACTORS, run, triples, with_actors

pytestmark = pytest.mark.slow


# ---- a contact between private people is no consultation


def test_travellers_named_by_their_nationality_are_private(base, events):
    doc = with_actors(
        base("Many Chileans travelled to Peru for the holidays."), {**ACTORS, "Chileans": "CHL"}
    )
    assert all(e.event_type != "CONSULT" for e in events(doc)._.events)


def test_a_visit_to_ones_family_is_private_even_when_the_relative_is_named(base, events):
    text = "The Chile envoy was visiting his brother, Juan Peru, in the north."
    assert all(e.event_type != "CONSULT" for e in run(base, events, text))


def test_an_official_visit_stays(base, events):
    evs = run(base, events, "Chinese diplomats visited Japan last week.")
    assert ("CHNGOV", "JPN", "CONSULT") in triples(evs)


# ---- physical force: poisons are weapons


def test_an_attack_with_a_nerve_agent_is_physical(base, events):
    text = "Two Chinese diplomats were attacked with a nerve agent in a quiet town."
    assert [e.event_type for e in run(base, events, text)] == ["ASSAULT"]


# ---- a question put to the speaker is a sourcing formula, however it is tagged


@pytest.mark.parametrize("tag", ["VBN", "VBD"])
def test_a_clause_initial_asked_is_a_formula_under_either_tag(base, events, tag):
    doc = base("Asked whether he would back Arnor, the Gondor minister said he had not decided.")
    doc[0].tag_ = tag  # the tagger reads a paragraph-initial "Asked" as a past tense too
    evs = events(with_actors(doc))._.events
    assert all(e.event_type != "REQUEST" for e in evs), evs


@pytest.mark.parametrize(
    "text",
    [
        "The Gondor minister asked for privacy for his family.",
        "The family of the Arnor envoy requested privacy.",
    ],
)
def test_a_request_for_privacy_is_a_formula(base, events, text):
    assert all(e.event_type != "REQUEST" for e in run(base, events, text))
