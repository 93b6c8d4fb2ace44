"""Physical force or a metaphor (``components/events/_force.py``), on sentences written for
these tests; actors come from the harness table unless a test gives its own."""

from __future__ import annotations

import pytest

from components.events.harness import run, with_actors

pytestmark = pytest.mark.slow


def _types(evs: list) -> set[str]:
    return {e.event_type for e in evs}


# ---- figurative use outweighs any other evidence


@pytest.mark.parametrize(
    "text",
    [
        "The Gondor senate killed the bill in June.",
        "The Gondor senator shot down every attempt to change the rules.",
        "Chile torpedoed the deal with Peru.",
    ],
)
def test_a_violent_verb_over_a_proposal_is_no_assault(base, events, text):
    assert "ASSAULT" not in _types(run(base, events, text))


def test_a_political_attack_on_the_police_is_no_assault(base, events):
    table = {"the Gondor police": "GONCOP", "Senator Vane": "GONLEG"}
    text = "Senator Vane called it a political attack on the Gondor police."
    evs = events(with_actors(base(text), table))._.events
    assert "ASSAULT" not in _types(evs)


@pytest.mark.parametrize(
    "text",
    [
        "Chilean troops shot down a Peru drone over the border.",
        "Chile killed three Peru soldiers in a raid.",
    ],
)
def test_a_violent_verb_over_people_or_machines_stays_an_assault(base, events, text):
    assert "ASSAULT" in _types(run(base, events, text))


# ---- a party's members are no people


@pytest.mark.parametrize(
    "text",
    ["Democrats in the capital have fought back.", "Republicans are waging war on the plan."],
)
def test_party_members_fighting_is_a_metaphor(base, events, text):
    assert "ASSAULT" not in _types(run(base, events, text))


def test_a_proposal_shot_down_in_the_passive_is_no_assault(base, events):
    text = "The Gondor senator's bid for the nomination was shot down by party leaders."
    assert "ASSAULT" not in _types(run(base, events, text))


def test_storming_out_of_a_room_is_leaving(base, events):
    text = "Gondor's delegates stormed out of the meeting."
    assert "ASSAULT" not in _types(run(base, events, text))


def test_storming_a_building_stays_an_assault(base, events):
    text = "Gondor's soldiers stormed the parliament building in Arnor."
    assert "ASSAULT" in _types(run(base, events, text))


def test_a_campaign_that_shot_back_made_no_attack(base, events):
    doc = with_actors(
        base("Chile's campaign shot back on Monday."), {"Chile's campaign": "CHLPTY"}, per_name=True
    )
    assert not any(e.event_type == "ASSAULT" for e in events(doc)._.events)


def test_troops_that_shot_back_used_force(base, events):
    doc = with_actors(
        base("Chilean troops came under fire and shot back."), {"Chilean troops": "CHLMIL"}
    )
    assert any(e.event_type == "ASSAULT" for e in events(doc)._.events)
