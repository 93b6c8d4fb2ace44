"""Events that embed other events (``components/events/_composition.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples, with_actors

pytestmark = pytest.mark.slow


def test_request_for_own_act_targets_the_other_side(base, events):
    # "X's request to meet Y": X asks to meet; the embedded subject is X itself, so the
    # request's target is not X but the one X wants to meet
    evs = run(base, events, "Peru's request to meet with Chile was made on Monday.")
    assert ("PER", "CHL", "REQUEST") in triples(evs)


def test_appeal_absorbs_a_to_clause_parsed_as_adverbial(base, events):
    evs = run(base, events, "Canada calls on Chile to release the prisoners.")
    assert [(e.source_code, e.target_code, e.event_type, e.cameo) for e in evs] == [
        ("CAN", "CHL", "REQUEST", "0253")
    ]


def test_a_vow_absorbs_its_to_clause_parsed_as_adverbial(base, events):
    # "have sworn to fight until ...": the parser may hang "to fight" as an adverbial
    # clause; a promise of force is a threat, one event
    evs = run(base, events, "Chilean rebels have sworn to fight until they seize the capital.")
    assert [e.event_type for e in evs if e.trigger.text in ("sworn", "fight")] == ["THREATEN"]


def test_a_to_clause_after_an_object_is_a_purpose_not_a_complement(base, events):
    # "refused aid to protect its farmers": with an object, the "to" clause is a purpose
    evs = run(base, events, "Peru refused the Chilean grain to protect its farmers.")
    assert [(e.trigger.text, e.cameo) for e in evs if e.event_type == "REJECT"] == [
        ("refused", "120")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Chilean miners staged rallies on Monday to demand higher wages from Peru.",
        "Chilean miners marched through the capital to demand that Peru reopen the border.",
    ],
)
def test_a_demand_that_states_a_protests_aim_is_that_protest(base, events, text):
    evs = run(base, events, text)
    assert [e.event_type for e in evs] == ["PROTEST"]


def test_a_demand_of_its_own_beside_a_protest_stays(base, events):
    text = "Chilean miners marched on Monday, and Peru demanded an apology from Chile."
    assert {"PROTEST", "REQUEST"} <= {e.event_type for e in run(base, events, text)}


def test_what_an_appeal_is_about_is_its_topic_not_its_content(base, events):
    # "asked about his criticisms of Peru": the criticism happened; nothing is asked for
    text = "Asked about his earlier criticisms of Peru, the Chilean minister smiled."
    evs = run(base, events, text)
    assert [(e.event_type, e.target_code, e.modality) for e in evs] == [
        ("ACCUSE", "PER", "asserted")
    ]


def test_a_scene_before_an_appeal_is_not_what_is_asked(base, events):
    evs = run(base, events, "During talks with Peru, Chile urged restraint.")
    assert ("CHL", "PER", "CONSULT") in triples(evs)
    assert any(e.event_type == "REQUEST" for e in evs)


def test_a_meeting_to_discuss_is_one_meeting(base, events):
    evs = run(base, events, "Chile met Peru in Lima on Friday to discuss border security.")
    assert [e.event_type for e in evs] == ["CONSULT"]
    assert ("CHL", "PER", "CONSULT") in triples(evs)


def test_agreeing_to_impose_sanctions_is_the_sanction_planned(base, events):
    evs = run(base, events, "Chile agreed on Monday to impose sanctions on Peru.")
    sanction = next(e for e in evs if e.source_code == "CHL")
    assert sanction.event_type != "THREATEN" and sanction.target_code == "PER"
    assert sanction.modality == "intended"


def test_ordering_ones_own_forces_to_act_is_that_act_planned(base, events):
    doc = with_actors(
        base("Peru ordered the Peruvian navy to deploy two ships to the islands."),
        {"Peru": "PER", "Peruvian navy": "PERMIL"},
        per_name=True,
    )
    evs = events(doc)._.events
    assert [(e.event_type, e.source_code, e.modality) for e in evs] == [
        ("MOBILIZE", "PER", "intended")
    ]


def test_ordering_another_state_to_act_is_a_demand(base, events):
    evs = run(base, events, "Peru ordered Chile to withdraw its troops.")
    assert [(e.event_type, e.target_code) for e in evs] == [("REQUEST", "CHL")]


def test_an_expected_act_keeps_its_target_not_the_raised_subject(base, events):
    evs = run(base, events, "Peru is expected to visit Chile next month.")
    assert any(e.source_code == "PER" and e.target_code == "CHL" for e in evs)
