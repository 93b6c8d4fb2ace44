"""Whom a show of force is aimed at (``components/events/_deployments.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, with_actors

pytestmark = pytest.mark.slow


def test_forces_moved_toward_another_state_aim_at_it(base, events, nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    text = "Peru deployed troops to the border with Chile on Monday."
    evs = [e for e in code(nlp, Article(text=text)).events if e.event_type == "MOBILIZE"]
    assert [(e.source_code, e.target_code) for e in evs] == [("PER", "CHL")]


def test_the_actors_own_forces_are_no_target(base, events):
    doc = with_actors(
        base("Peru deployed Peruvian troops on Monday."),
        {"Peru": "PER", "Peruvian troops": "PERMIL"},
        per_name=True,
    )
    evs = [e for e in events(doc)._.events if e.event_type == "MOBILIZE"]
    assert [(e.source_code, e.target_code) for e in evs] == [("PER", None)]


def test_a_posture_aimed_at_another_state_keeps_it(base, events):
    evs = run(base, events, "Peru massed tanks against Chile.")
    assert all(e.target_code in (None, "CHL") for e in evs if e.event_type == "MOBILIZE")


def test_forces_put_on_alert_with_no_agent_are_the_actor(base, events):
    doc = with_actors(
        base("Peruvian troops were put on high alert on Monday."),
        {"Peruvian troops": "PERMIL"},
        per_name=True,
    )
    evs = [e for e in events(doc)._.events if e.event_type == "MOBILIZE"]
    assert [(e.source_code, e.target_code) for e in evs] == [("PERMIL", None)]
