"""Reading CAMEO codes (``components/actors/_codes.py``): the country of a code and its
roles, on names written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from components.actors.harness import run


def test_a_multinational_is_of_its_home_country(nlp: Language) -> None:
    # the shipped base codes Samsung MNCKOR: a South Korean company, role MNC
    doc = run(nlp, "Samsung opened a plant near the border.")
    samsung = next(a for a in doc._.actors if a.name == "Samsung")
    assert (samsung.code, samsung.country, samsung.roles) == ("MNCKOR", "KOR", ["MNC"])


def test_a_state_code_keeps_its_prefix_as_country(nlp: Language) -> None:
    doc = run(nlp, "The Afghan army shelled the village.")
    army = next(a for a in doc._.actors if a.code == "AFGMIL")
    assert (army.country, army.roles) == ("AFG", ["MIL"])


def test_a_party_is_named_by_its_own_words_in_any_form() -> None:
    from dotterel.components.actors._codes import party_identity

    assert party_identity(["Democrats"]) == party_identity(["Democratic", "Party"]) == "Democrat"
    assert party_identity(["Republicans"]) == "Republican"
    assert party_identity(["party"]) is None


@pytest.mark.slow
def test_democrats_and_republicans_of_one_country_are_two_actors(nlp: Language) -> None:
    doc = run(nlp, "WASHINGTON — Democrats accused Republicans of blocking the bill.")
    ids = {m.text: m.actor_id for m in doc._.actor_mentions}
    codes = {a.id: a.code for a in doc._.actors}
    assert ids["Democrats"] != ids["Republicans"]
    assert codes[ids["Democrats"] or ""] == codes[ids["Republicans"] or ""] == "USAPTY"


@pytest.mark.slow
def test_a_seat_capital_is_the_body_seated_there_when_the_story_names_it(nlp: Language) -> None:
    doc = run(nlp, "The European Union fined Peru. Chile called on Brussels to go further.")
    codes = {m.text: m.actor_id for m in doc._.actor_mentions}
    by_id = {a.id: a.code for a in doc._.actors}
    assert by_id[codes["Brussels"] or ""] == "IGOEUREEC"
    doc = run(nlp, "Peru criticized Brussels over the new tax.")
    codes = {m.text: m.actor_id for m in doc._.actor_mentions}
    assert {a.id: a.code for a in doc._.actors}[codes["Brussels"] or ""] == "BELGOV"
