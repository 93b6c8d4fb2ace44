"""Reading CAMEO codes (``components/actors/_codes.py``): the country of a code and its
roles, on names written for these tests."""

from __future__ import annotations

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
