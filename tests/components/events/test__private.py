"""Acts of private people and firms (``components/events/_private.py``), on sentences
written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import run, with_actors

pytestmark = pytest.mark.slow


def _types(evs: list) -> set[str]:
    return {e.event_type for e in evs}


def test_a_private_traveller_is_no_visitor(base, events):
    evs = run(base, events, "Hundreds of migrants arrived in Gondor by boat.")
    assert "CONSULT" not in _types(evs)
    evs = run(base, events, "Thousands of tourists visited Arnor last year.")
    assert "CONSULT" not in _types(evs)
    evs = run(base, events, "Students from Arnor travelled to Gondor to study medicine.")
    assert "CONSULT" not in _types(evs)


def test_a_visit_to_an_actor_or_by_an_official_stays(base, events):
    evs = run(base, events, "The foreign minister of Arnor arrived in Gondor for talks.")
    assert "CONSULT" in _types(evs)
    evs = run(base, events, "Students from Arnor visited the president of Gondor.")
    assert "CONSULT" in _types(evs)


def test_safety_advice_to_the_public_is_no_event(base, events):
    evs = run(base, events, "The embassy of Gondor warned citizens to avoid the area.")
    assert _types(evs) == set()
    evs = run(base, events, "The governor of Arnor urged residents to stay indoors.")
    assert _types(evs) == set()
    evs = run(base, events, "Gondor advised its citizens in Arnor to leave the country.")
    assert _types(evs) == set()
    evs = run(base, events, "Gondor ordered the evacuation of 10,000 people ahead of the storm.")
    assert _types(evs) == set()


def test_an_evacuation_of_an_embassy_is_no_safety_advice(base, events):
    evs = run(base, events, "Gondor ordered the evacuation of its embassy in Arnor.")
    assert _types(evs) != set()


def test_an_armed_warning_to_people_stays(base, events):
    evs = run(base, events, "Militants ordered Chilean residents to stay indoors or face death.")
    assert _types(evs) != set()


def test_an_athlete_or_a_referee_is_sport(base, events):
    evs = run(base, events, "The swimmer from Gondor rejected the doping allegations.")
    assert "REJECT" not in _types(evs)
    assert _types(run(base, events, "The coach accused the referee of bias.")) == set()


def test_a_sporting_event_in_the_act_s_phrase_is_sport(base, events):
    evs = run(base, events, "The team arrived in Gondor on Sunday ahead of the tournament.")
    assert "CONSULT" not in _types(evs)


def test_a_ban_of_athletes_by_a_state_stays(base, events):
    evs = run(base, events, "Gondor barred Arnor's athletes from entering the country.")
    assert _types(evs) != set()


def test_a_personal_quarrel_is_between_private_people(base, events):
    evs = run(base, events, "The man attacked his girlfriend with a knife.")
    assert _types(evs) == set()
    evs = run(base, events, "The robber threatened the cashier with a gun.")
    assert _types(evs) == set()


def test_harm_to_officials_by_a_private_person_stays(base, events):
    evs = run(base, events, "A man attacked two police officers with a knife in Gondor.")
    assert "ASSAULT" in _types(evs)


def test_commerce_is_no_political_event(base, events):
    evs = run(base, events, "The company rejected the takeover bid from its rival.")
    assert _types(evs) == set()
    assert _types(run(base, events, "Investors demanded higher returns.")) == set()
    assert _types(run(base, events, "Amazon agreed to buy the grocery chain.")) == set()


def test_a_firm_s_act_towards_a_state_stays(base, events):
    evs = run(base, events, "The company rejected the demand of Gondor for user data.")
    assert _types(evs) != set()


def test_a_closure_order_to_schools_is_a_safety_measure(base, events):
    evs = run(base, events, "The governor of Gondor ordered all schools to remain closed.")
    assert _types(evs) == set()


def test_violence_between_groups_of_private_people_stays(base, events):
    evs = run(base, events, "Herders attacked farmers in a village of Gondor, killing ten.")
    assert "ASSAULT" in _types(evs)


def _pipeline_types(text: str) -> set[str]:
    """The event types the whole pipeline (real actors component) codes in ``text``."""
    import dotterel

    return {e.event_type for e in dotterel.code_text(text, date="2018-04-05").events}


def test_the_lead_examples_on_the_whole_pipeline():
    assert _pipeline_types("Hundreds of migrants arrived in Italy by boat.") == set()
    assert _pipeline_types("The embassy warned citizens to avoid the area.") == set()
    assert _pipeline_types("The State Department advised Americans not to travel there.") == set()


def test_a_visit_to_a_seat_of_government_stays():
    assert "CONSULT" in _pipeline_types("Japanese students visited the White House on Monday.")


def test_a_poll_result_is_no_act(base, events):
    evs = run(base, events, "A majority of Americans support stricter gun laws.")
    assert _types(evs) == set()
    evs = run(base, events, "The poll found that 60 percent of voters disapprove of the president.")
    assert _types(evs) == set()
    assert _types(run(base, events, "Polls suggest that most Britons oppose the plan.")) == set()


def test_an_act_a_minister_reports_is_no_poll(base, events):
    evs = run(base, events, "Gondor supports the plan of Arnor, according to the minister.")
    assert "SUPPORT" in _types(evs)


def test_markets_are_no_actors(base, events):
    assert _types(run(base, events, "Stocks rallied in Gondor after the jobs report.")) == set()
    assert _types(run(base, events, "Asian markets retreated on Tuesday.")) == set()
    # the Treasury is a ministry, its bonds ("Treasuries", "Treasury yields") a market
    doc = with_actors(
        base("The Treasury blacklisted Chilean companies."),
        {"Treasury": "PERGOV", "Chilean companies": "CHLBUS"},
        per_name=True,
    )
    assert _types(events(doc)._.events) == {"COERCE"}


def test_a_work_criticised_is_culture(base, events):
    assert _types(run(base, events, "Critics in Gondor slammed the film as boring.")) == set()


def test_a_criticised_record_stays_an_accusation(base, events):
    evs = run(base, events, "Gondor attacked the record of Arnor's government.")
    assert "ACCUSE" in _types(evs)


def test_violence_against_police_at_a_match_stays(base, events):
    evs = run(base, events, "Fans attacked police after the match in Gondor.")
    assert "ASSAULT" in _types(evs)


def test_a_ban_of_a_state_from_a_tournament_stays(base, events):
    evs = run(base, events, "The committee banned Gondor from the Winter Olympics.")
    assert _types(evs) != set()


def test_a_deed_a_survey_found_is_no_poll_result(base, events):
    evs = run(
        base, events, "The survey found that soldiers of Gondor killed 40 civilians in Arnor."
    )
    assert "ASSAULT" in _types(evs)


def test_a_firm_accusing_the_government_stays(base, events):
    evs = run(base, events, "The company accused the Chilean government of discrimination.")
    assert "ACCUSE" in _types(evs)
