"""Lexicon conditions on a trigger's object (``components/events/_lexicon.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_participle_modifier_takes_its_noun_as_object(base, events):
    # "a report released on Monday": the report is what is released, so the row that
    # excludes releasing documents applies as it does to "Chile released a report"
    evs = run(base, events, "A Chilean report released on Monday criticised Peru.")
    assert all(e.event_type != "RETREAT" for e in evs)
    evs = run(base, events, "Chilean prisoners released by Peru on Monday returned home.")
    assert ("PER", "CHL", "RETREAT") in triples(evs)


def test_relative_pronoun_object_stands_for_its_noun(base, events):
    evs = run(base, events, "Chile published a report, which was released by Peru, on Monday.")
    assert all(e.event_type != "RETREAT" for e in evs)


# ---- verbs and nouns of criticism (CAMEO 111/112): general vocabulary rows


@pytest.mark.parametrize(
    "text",
    [
        "Chile lambasted Peru over the fishing quotas.",
        "Chile blasted Peru for its handling of the strike.",
        "Chile assailed Peru in a speech on Monday.",
        "Chile excoriated Peru at the summit.",
    ],
)
def test_verbs_of_harsh_criticism_accuse(base, events, text):
    assert ("CHL", "PER", "ACCUSE") in triples(run(base, events, text))


def test_railing_against_accuses_but_a_rail_line_does_not(base, events):
    assert ("CHL", "PER", "ACCUSE") in triples(run(base, events, "Chile railed against Peru."))
    evs = run(base, events, "Chile railed its copper to the coast through Peru.")
    assert all(e.event_type != "ACCUSE" for e in evs)


def test_a_backlash_from_an_actor_is_its_criticism(base, events):
    evs = run(base, events, "The Peru plan drew a fierce backlash from Chile.")
    assert any(e.source_code == "CHL" and e.event_type == "ACCUSE" for e in evs)


def test_allegations_by_an_actor_accuse(base, events):
    evs = run(base, events, "Chile's allegations against Peru strained the talks.")
    assert ("CHL", "PER", "ACCUSE") in triples(evs)


# ---- verb senses by their object: signing a pact, rallying as a demonstration


def test_signing_a_pact_is_an_agreement_but_a_letter_is_not(base, events):
    assert ("CHL", "PER", "SUPPORT") in triples(
        run(base, events, "Chile signed a fisheries pact with Peru.")
    )
    assert run(base, events, "The Chile minister signed a letter to Peru.") == []


def test_rallying_ones_supporters_is_no_demonstration(base, events):
    assert ("CHL", "PER", "PROTEST") in triples(
        run(base, events, "Chilean miners rallied against Peru.")
    )
    evs = run(base, events, "The Chile president rallied his supporters against Peru.")
    assert all(e.event_type != "PROTEST" for e in evs)


def test_the_noun_of_a_contact_relative_clause_is_its_object(base, events):
    # "a statement its minister signed": no relative pronoun, the gap is the object
    assert run(base, events, "Chile issued a statement its minister signed on Monday.") == []
    evs = run(base, events, "The treaty Chile signed with Peru took effect.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)


def test_protecting_a_value_or_training_oneself_is_no_aid(base, events):
    assert ("CHL", "PER", "AID") in triples(
        run(base, events, "Chile moved to protect Peru's farmers from the floods.")
    )
    assert run(base, events, "Chile moved to protect its jobs from Peru.") == []
    assert run(base, events, "The Chilean envoy trained as a lawyer in Peru.") == []
