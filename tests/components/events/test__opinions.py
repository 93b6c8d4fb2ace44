"""Agreeing that something is so (``components/events/_opinions.py``) on sentences
written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def _types(evs: list) -> set[str]:
    return {e.event_type for e in evs}


def test_agreeing_that_a_state_holds_is_an_opinion(base, events):
    assert "AGREE" not in _types(run(base, events, "Gondor agreed that the harvest had failed."))
    assert "AGREE" not in _types(run(base, events, "Arnor agrees the vote will be close."))


def test_agreeing_that_an_actor_is_to_blame_accuses_it(base, events):
    evs = run(base, events, "Gondor and Rohan agreed that Arnor was responsible for the fire.")
    assert ("GON", "ARN", "ACCUSE") in triples(evs)
    assert "AGREE" not in _types(evs)


def test_agreeing_that_an_act_will_happen_stays_an_agreement(base, events):
    evs = run(base, events, "Gondor and Arnor agreed that observers would monitor the border.")
    assert "AGREE" in _types(evs)


def test_agreeing_that_a_thing_will_have_an_effect_is_an_opinion(base, events):
    evs = run(base, events, "Most economists in Gondor agree that the tariffs will hurt farmers.")
    assert "AGREE" not in _types(evs)


def test_agreeing_with_a_person_on_issues_shares_a_view(base, events):
    assert "AGREE" not in _types(run(base, events, "Gondor agreed with Arnor on most issues."))


def test_agreeing_on_the_importance_of_something_is_a_view(base, events):
    text = "Gondor and Arnor agree on the importance of regional stability."
    assert "AGREE" not in _types(run(base, events, text))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor and Arnor agreed on the need for a ceasefire.",
        "Gondor and Arnor agreed on the need to resume talks.",
    ],
)
def test_agreeing_on_the_need_for_an_act_stays_an_agreement(base, events, text):
    assert "AGREE" in _types(run(base, events, text))


def test_agreeing_with_a_person_that_a_state_holds_is_an_opinion(base, events):
    text = "Gondor agreed with Arnor that the budget was too large."
    assert "AGREE" not in _types(run(base, events, text))


def test_agreeing_with_a_party_that_an_act_will_happen_stays_an_agreement(base, events):
    text = "Gondor agreed with Arnor that the border would reopen in May."
    assert "AGREE" in _types(run(base, events, text))


@pytest.mark.parametrize(
    "text",
    ["Gondor agreed with Arnor on a ceasefire.", "Gondor agreed with Arnor to open the border."],
)
def test_agreeing_with_a_party_on_an_act_stays_an_agreement(base, events, text):
    assert "AGREE" in _types(run(base, events, text))


# ---- supporting a policy that names no one is a stance


@pytest.mark.parametrize(
    "text",
    [
        "The Gondor party has always supported free trade.",
        "Gondor's lawmakers have long backed stronger gun laws.",
    ],
)
def test_support_for_a_policy_is_a_stance(base, events, text):
    assert "SUPPORT" not in _types(run(base, events, text))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor backed Arnor's bid for a seat on the council.",
        "The Gondor governor defended his officers.",
        "Gondor apologized for the remarks.",
    ],
)
def test_support_for_someone_or_an_apology_stays(base, events, text):
    assert "SUPPORT" in _types(run(base, events, text))


def test_signing_an_agreement_is_no_stance(base, events):
    assert "SUPPORT" in _types(run(base, events, "Gondor signed a trade agreement on Friday."))


@pytest.mark.parametrize(
    "text",
    [
        "Gondor lawmakers defended the bureau.",
        "The Gondor senator has won the backing of several progressive groups.",
    ],
)
def test_support_of_an_uncoded_body_is_no_stance(base, events, text):
    assert "SUPPORT" in _types(run(base, events, text))


def test_opposing_a_policy_is_a_stance_rejecting_a_measure_an_act(base, events):
    evs = run(base, events, "Peru opposes a federal minimum wage increase.")
    assert "REJECT" not in {e.event_type for e in evs}
    evs = run(base, events, "Peru opposes Chile's bid for a seat on the council.")
    assert ("PER", "CHL", "REJECT") in {(e.source_code, e.target_code, e.event_type) for e in evs}
