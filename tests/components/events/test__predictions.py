"""Acts a text predicts, asks about or only names (``components/events/_predictions.py``),
on sentences written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import run

pytestmark = pytest.mark.slow


def types(base, events, text: str) -> set[str]:
    return {e.event_type for e in run(base, events, text)}


# ---- a possible attack is a threat only when its actor's side says it


def test_a_possible_attack_forecast_by_an_outsider_is_a_prediction(base, events):
    text = "Peru could attack Chile within weeks, one former official told me."
    assert types(base, events, text) == set()


def test_a_possible_attack_voiced_by_its_side_stays_a_threat(base, events):
    text = "Peru could attack Chile within weeks, the Peru defence minister said."
    assert "THREATEN" in types(base, events, text)


def test_a_possible_attack_a_pronoun_voices_stays_a_threat(base, events):
    # the side "he" speaks for is unknown: no evidence that it is not Peru's
    assert "THREATEN" in types(base, events, "Peru could attack Chile within weeks, he said.")


def test_a_conditional_act_the_outlet_states_stays_a_threat(base, events):
    assert "THREATEN" in types(base, events, "Peru would impose sanctions on Chile if it fired.")


def test_an_act_named_under_another_verbs_modal_is_no_threat(base, events):
    text = "The expulsion of a few Peru diplomats by Chile might seem symbolic."
    assert "THREATEN" not in types(base, events, text)


def test_a_threat_verb_is_untouched(base, events):
    assert "THREATEN" in types(base, events, "Peru threatened to attack Chile.")


# ---- a promised or future fight needs physical force, as an ASSAULT does


@pytest.mark.parametrize(
    "text",
    [
        "The farm lobby will fight any change to the law.",
        "The senator vowed to fight the reform.",
    ],
)
def test_a_fight_over_a_policy_is_a_metaphor(base, events, text):
    assert "THREATEN" not in types(base, events, text)


def test_a_promise_of_war_stays_a_threat(base, events):
    assert "THREATEN" in types(base, events, "Peru vowed to fight Chile.")


# ---- open questions, pending acts, topics of talks, admissions


def test_an_infinitive_under_a_question_word_is_no_act(base, events):
    text = "The Chilean governor said he has not decided whom to endorse."
    assert types(base, events, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean senator said he would consider supporting the Peru plan.",
        "The Chilean government is debating sending more troops to Peru.",
    ],
)
def test_an_act_under_a_verb_of_deliberation_is_an_option(base, events, text):
    assert types(base, events, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean governor proposes allowing Peru to withdraw its troops.",
        "The Chilean senator suggested allowing Peru to withdraw its troops.",
    ],
)
def test_an_act_a_verb_of_proposing_puts_forward_is_an_option(base, events, text):
    assert types(base, events, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Chilean officials suggested that Peru had attacked the border post.",
        "The report suggests Peru supplied weapons to the Chilean rebels.",
    ],
)
def test_a_claim_under_a_verb_of_proposing_stays(base, events, text):
    assert types(base, events, text) & {"ASSAULT", "AID"}


def test_an_appeal_by_a_verb_of_proposing_stays(base, events):
    text = "Chile recommended that Peru withdraw its troops."
    assert types(base, events, text) == {"REQUEST"}


@pytest.mark.parametrize(
    "text",
    [
        "Peru has the capacity to strike Chile within minutes.",
        "We have practically no means of pressuring Chile economically.",
    ],
)
def test_a_capability_is_no_act(base, events, text):
    assert types(base, events, text) == set()


def test_a_capability_used_is_an_act(base, events):
    assert types(base, events, "Chile used its power to block Peru's bid.")


def test_a_pending_act_under_a_vow_did_not_happen(base, events):
    evs = run(base, events, "The Peru rebels vowed to fight until the Chilean army surrenders.")
    assert "RETREAT" not in {e.event_type for e in evs}


def test_an_act_that_ended_a_fight_happened(base, events):
    assert "RETREAT" in types(base, events, "The rebels fought until the Chilean army surrendered.")


def test_a_topic_of_talks_is_no_act(base, events):
    text = "Chile said the talks would focus on a ceasefire and the withdrawal of Peru forces."
    assert "RETREAT" not in types(base, events, text)


def test_a_withdrawal_that_happened_stays(base, events):
    text = "Chile announced the withdrawal of Chilean forces from Peru."
    assert "RETREAT" in types(base, events, text)


def test_an_admission_is_no_concession(base, events):
    assert types(base, events, "The Chilean minister conceded that the bill had flaws.") == set()


def test_conceding_to_a_rival_stays(base, events):
    assert "CONCEDE" in types(base, events, "The Chilean candidate conceded defeat to Peru.")


# ---- descriptions and courses of action weighed


def test_a_participle_of_arming_that_describes_is_no_aid(base, events):
    text = "Militants armed with rifles stormed the Chilean compound."
    assert "AID" not in types(base, events, text)


def test_a_gerund_subject_of_a_possible_outcome_is_no_act(base, events):
    text = "Cutting aid to Peru would embolden Chile, analysts said."
    assert "SANCTION" not in types(base, events, text)


def test_a_cut_that_was_made_stays(base, events):
    assert "SANCTION" in types(base, events, "Chile cut aid to Peru on Monday.")


# ---- aid talked about is no delivery


def test_aid_that_no_verb_gives_to_no_one_is_a_mention(base, events):
    text = "Critics say Chilean loans have left the country with heavy debts."
    assert "AID" not in types(base, events, text)


@pytest.mark.parametrize(
    "text",
    ["Chile announced new aid to Peru.", "Chile gave military aid to Peru."],
)
def test_aid_given_or_sent_to_someone_stays(base, events, text):
    assert "AID" in types(base, events, text)


def test_an_agreement_to_send_aid_stays_an_agreement(base, events):
    text = "Chile agreed on Tuesday to send 50 million euros in aid to Peru."
    assert "AGREE" in types(base, events, text)


# ---- a generic statement reports no act


@pytest.mark.parametrize(
    "text",
    [
        "Protesters often clash with Peru police at the border.",
        "Whenever Peru has threatened Chile, Chile has responded with sanctions.",
        "A president who insults Chile weakens Peru.",
        "Terrorists attack soft targets because they are easy to reach.",
    ],
)
def test_a_generic_or_habitual_statement_is_no_act(base, events, text):
    assert types(base, events, text) - {"CONSULT"} == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile always supports Peru in the council.", "SUPPORT"),
        ("Peru, which backs Chile, criticized Japan.", "SUPPORT"),
        ("Officials accuse Peru of arming the rebels.", "ACCUSE"),
        ("Chile has repeatedly accused Peru of spying.", "ACCUSE"),
        ("Chilean soldiers routinely beat up Peru detainees.", "ASSAULT"),
    ],
)
def test_a_standing_policy_or_a_specific_act_stays(base, events, text, kind):
    assert kind in types(base, events, text)
