"""Acts that are no political events (``components/events/_nonpolitical.py``) on
sentences written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples, with_actors
from dotterel.components.events._nonpolitical import default_nonpolitical

pytestmark = pytest.mark.slow


def _types(evs: list) -> set[str]:
    return {e.event_type for e in evs}


def test_a_natural_hazard_is_no_actor(base, events):
    assert _types(run(base, events, "The storm threatened Gondor's harvest.")) == set()
    assert _types(run(base, events, "Floods hit Arnor on Monday.")) == set()


def test_a_sports_team_is_no_actor(base, events):
    assert _types(run(base, events, "Gondor's cricket team beat Arnor in Minas Tirith.")) == set()
    assert _types(run(base, events, "The Olympic team of Gondor refused to stay.")) == set()


def test_a_negotiating_team_stays_an_actor(base, events):
    assert "REJECT" in _types(run(base, events, "Gondor's negotiating team rejected Arnor's plan."))


def test_a_contest_over_a_match_is_a_game(base, events):
    assert "ASSAULT" not in _types(run(base, events, "Gondor beat Arnor in the final on Sunday."))


def test_a_campaign_rally_is_no_protest(base, events):
    assert "PROTEST" not in _types(run(base, events, "An election rally drew crowds in Gondor."))
    assert "PROTEST" not in _types(run(base, events, "Gondor held a campaign rally in Arnor."))
    assert "PROTEST" not in _types(
        run(base, events, "A campaign rally for the Gondor candidate filled the square.")
    )


def test_a_rally_against_something_stays_a_protest(base, events):
    evs = run(base, events, "Students from Arnor held a rally against Gondor in the capital.")
    assert "PROTEST" in _types(evs)


def test_information_given_is_no_aid(base, events):
    assert "AID" not in _types(run(base, events, "Gondor provided a statement to Arnor."))
    evs = run(base, events, "Gondor provided thousands of pages of documents to Arnor.")
    assert "AID" not in _types(evs)
    assert _types(run(base, events, "Gondor released its own findings on Arnor.")) == set()
    assert "AID" not in _types(run(base, events, "Arnor gave no details to Gondor."))


def test_material_help_stays_aid(base, events):
    assert "AID" in _types(run(base, events, "Gondor provided food to Arnor."))


def test_the_lists_are_lower_case_words():
    rules = default_nonpolitical()
    assert "storm" in rules.hazard_nouns and "team" in rules.team_nouns
    assert all(w == w.lower() for w in rules.information_nouns)


def test_an_investigation_of_no_actor_is_no_accusation(base, events):
    assert _types(run(base, events, "Gondor is investigating the cause of the crash.")) == set()


def test_an_investigation_of_an_actor_accuses_it(base, events):
    assert "ACCUSE" in _types(run(base, events, "Gondor is investigating Arnor's role."))


def test_an_expression_of_feeling_given_is_no_aid(base, events):
    evs = run(base, events, "Gondor offered condolences to Arnor after the earthquake.")
    assert _types(evs) == set()
    assert "AID" not in _types(run(base, events, "Gondor issued a security alert to Arnor."))


def test_campaigning_acts_on_no_one(base, events):
    assert _types(run(base, events, "The senator will campaign in Gondor on Tuesday.")) == set()


def test_a_headlined_rally_or_one_for_a_candidate_is_a_campaign_rally(base, events):
    evs = run(base, events, "The president of Gondor will headline a rally in Arnor.")
    assert not _types(evs) & {"PROTEST", "THREATEN"}
    evs = run(base, events, "Thousands attended a rally for Hillary Clinton in Arnor.")
    assert "PROTEST" not in _types(evs)


def test_asking_about_something_is_a_question(base, events):
    evs = run(base, events, "The moderator asked the candidates about gun control.")
    assert "REQUEST" not in _types(evs)


def test_asking_for_something_stays_a_request(base, events):
    assert "REQUEST" in _types(run(base, events, "Gondor asked Arnor for help."))
    assert "REQUEST" in _types(run(base, events, "Gondor asked Arnor to withdraw its troops."))


def test_a_released_video_is_no_release_of_people(base, events):
    evs = run(base, events, "The campaign of Gondor released a new video on Monday.")
    assert "RETREAT" not in _types(evs)


def test_a_meeting_for_a_debate_is_no_consultation(base, events):
    evs = run(base, events, "The candidates will meet for their second debate on Sunday.")
    assert _types(evs) == set()


def test_an_event_is_no_actor(base, events):
    evs = run(base, events, "Gondor said the visit would strengthen ties with Arnor.")
    assert "AGREE" not in _types(evs)


def test_deliberating_over_a_document_acts_on_no_one(base, events):
    assert _types(run(base, events, "The parliament of Gondor will debate the bill.")) == set()


def test_leaders_discussing_a_plan_still_consult(base, events):
    evs = run(base, events, "The leaders of Gondor and Arnor discussed the plan.")
    assert "CONSULT" in _types(evs)


def test_a_ceremony_is_no_event(base, events):
    evs = run(base, events, "The minister of Gondor inaugurated a bridge on Monday.")
    assert _types(evs) == set()


def test_the_actors_of_a_meeting_stay_its_actors(base, events):
    evs = run(base, events, "Meetings of the joint committee of Gondor and Arnor resumed.")
    assert all(e.source_code is not None for e in evs)


def test_an_act_over_the_race_itself_is_campaigning(base, events):
    evs = run(base, events, "The senator from Gondor vowed to stay in the race.")
    assert _types(evs) == set()


def test_mourning_is_a_ceremony(base, events):
    evs = run(base, events, "The governor of Gondor ordered flags to be flown at half-staff.")
    assert _types(evs) == set()


def test_campaigning_for_someone_is_left_to_the_lexicon(base, events):
    from dotterel.components.events._nonpolitical import _campaigning

    doc = base("The governor said he would campaign for the senator in Gondor.")
    verb = next(t for t in doc if t.lemma_ == "campaign")
    assert not _campaigning(verb, default_nonpolitical())


# ---- a politician's rally is a campaign rally; an opposition's stays a protest

_RALLY_ACTORS = {
    "Senator Vane": "GONLEG",
    "Governor Holt": "GONGOV",
    "opposition leader Mira Dorn": "ARNOPP",
    "Arnor": "ARN",
}


def _rally_types(base, events, text: str) -> set[str]:
    return _types(events(with_actors(base(text), _RALLY_ACTORS))._.events)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Vane is scheduled to hold a rally in Minas Tirith on Saturday.",
        "Governor Holt will hold a rally in Minas Tirith.",
        "Governor Holt attacked Senator Vane over taxes at a rally in Minas Tirith.",
    ],
)
def test_a_rally_an_office_holder_holds_or_speaks_at_is_no_protest(base, events, text):
    types = _rally_types(base, events, text)
    assert "PROTEST" not in types and "THREATEN" not in types


def test_an_opposition_rally_stays_a_protest(base, events):
    text = "Arnor's opposition leader Mira Dorn held a rally in the capital on Sunday."
    assert "PROTEST" in _rally_types(base, events, text)


def test_a_politicians_rally_against_something_stays_a_protest(base, events):
    text = "Governor Holt held a rally against the Arnor trade pact."
    assert "PROTEST" in _rally_types(base, events, text)


def test_a_measure_is_no_actor(base, events):
    assert _types(run(base, events, "The aid package will fund water projects in Gondor.")) == set()


def test_farm_animals_are_no_actors_victims(base, events):
    text = "Four failed rainy seasons have killed livestock across the north."
    assert "ASSAULT" not in _types(run(base, events, text))


def test_a_scandal_or_a_visit_an_actor_modifies_is_not_the_actor(base, events):
    # "the DNC email scandal forced him to resign": DNC only names the scandal
    doc = with_actors(
        base("The Peru email scandal forced the Chilean minister to resign."),
        {"Peru": "PER", "Chilean minister": "CHLGOV"},
        per_name=True,
    )
    assert "COERCE" not in _types(events(doc)._.events)
    # a possessor owns what acts: "the country's program supplies aid to ..." stays
    evs = run(base, events, "Peru's aid program supplied food to Chile.")
    assert "AID" in _types(evs)


# ---- sides that are an audience (``_audiences``)


@pytest.mark.parametrize(
    "text",
    [
        '"You should not ask me about the inquiry," a Gondor spokesman told reporters.',
        '"You must talk to the lawyers," the Arnor minister said.',
    ],
)
def test_a_demand_of_the_listener_is_no_event(base, events, text):
    assert "REQUEST" not in _types(run(base, events, text))


def test_a_demand_of_the_listener_a_verb_of_saying_names_targets_it(base, events):
    text = '"You must withdraw your troops," the Gondor minister told Arnor.'
    assert ("GON", "ARN", "REQUEST") in triples(run(base, events, text))


def test_a_demand_of_an_actor_in_a_quote_stays(base, events):
    text = '"Arnor must release the prisoners," the Gondor minister said.'
    assert "REQUEST" in _types(run(base, events, text))


def test_support_among_an_electorate_is_popularity(base, events):
    text = "Arnor continues to draw support among older voters in Gondor."
    assert "SUPPORT" not in _types(run(base, events, text))


def test_support_from_an_actor_stays(base, events):
    assert "SUPPORT" in _types(run(base, events, "Arnor won the support of Gondor."))


@pytest.mark.parametrize(
    "text",
    [
        "Sam Ortiz, who is challenging Linda Marsh in the primary, praised Gondor.",
        "The mayor of Arnor is challenging the incumbent.",
    ],
)
def test_running_against_a_person_is_no_accusation(base, events, text):
    assert "ACCUSE" not in _types(run(base, events, text))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor challenged Arnor over its border policy.",
        "Gondor challenged the Arnor ruling.",
    ],
)
def test_challenging_over_an_issue_or_a_thing_stays(base, events, text):
    assert _types(run(base, events, text)) - {"CONSULT"}
