"""Step 1, names (components/actors/_names.py and countries.tsv), on sentences written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


@pytest.mark.slow
def test_a_counterpart_s_country_is_not_the_other_office_holder_s(nlp: Language) -> None:
    text = (
        "Hanoi (VNA) - Foreign Minister Vo Thanh Son received his Lao counterpart "
        "Bounmy Keo on Monday."
    )
    doc = run(nlp, text)
    actors = {a.id: a for a in doc._.actors}
    codes = {m.text: actors[m.actor_id].code for m in doc._.actor_mentions if m.actor_id}
    assert codes["Vo Thanh Son"] == "VNMGOV"
    assert codes["Bounmy Keo"] == "LAOGOV"


@pytest.mark.slow
def test_the_west_is_the_western_bloc(nlp: Language) -> None:
    codes = coded(
        run(nlp, "Relations between Moscow and the West worsened. The West blamed Moscow.")
    )
    assert codes.get("the West") == "WST"
    assert codes.get("The West") == "WST"


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        # a capitalised word after it continues a longer name
        "Settlers built homes in the West Bank last year.",
        # a direction, not the bloc
        "Floods hit the west of the country on Monday.",
    ],
)
def test_the_west_only_as_a_name_of_its_own(nlp: Language, sentence: str) -> None:
    assert "WST" not in coded(run(nlp, sentence)).values()


@pytest.mark.slow
def test_the_us_caucuses_and_committees_not_other_countries_parties(nlp: Language) -> None:
    from dotterel.model import Article
    from dotterel.pipeline import code

    us = "House Republicans released a report on Tuesday. The DNC dismissed it as partisan."
    codes = {a.name: a.code for a in code(nlp, Article(text=us)).actors}
    assert codes.get("congressional Republicans") == "USALEG"
    assert codes.get("Democratic National Committee") == "USAPTY"
    text = (
        "ABUJA, Nigeria — The Peoples Democratic Party accused the ruling party of plotting "
        "to rig the vote."
    )
    assert all(not (a.code or "").startswith("USA") for a in code(nlp, Article(text=text)).actors)


@pytest.mark.slow
def test_a_foreign_mission_does_not_place_the_sentences_other_actors(nlp: Language) -> None:
    # the embassy of a state stands in another one: "the police" are the dateline's
    text = "LIMA, Peru (AP) - Police stopped the convoy near the Chilean Embassy on Friday."
    assert coded(run(nlp, text))["Police"] == "PERCOP"
    text = "LIMA, Peru (AP) - Police stopped the convoy near the Chilean border on Friday."
    assert coded(run(nlp, text))["Police"] == "CHLCOP"  # a place of that state: there


@pytest.mark.slow
def test_the_inter_american_bodies_are_the_oas_not_america(nlp: Language) -> None:
    doc = run(nlp, "Salas appealed to the Inter-American Commission on Human Rights.")
    assert coded(doc)["the Inter-American Commission on Human Rights"] == "IGOOAS"


@pytest.mark.slow
def test_forces_commanded_by_a_state_are_its_own(nlp: Language) -> None:
    # "to the Ukrainian border" names where they go, not whose troops they are
    assert coded(run(nlp, "Peru sent troops to the Chilean border."))["troops"] == "PERMIL"
    assert coded(run(nlp, "Peru ordered soldiers into Chile."))["soldiers"] == "PERMIL"


@pytest.mark.slow
def test_the_west_before_a_demonym_is_the_demonym_s_start(nlp: Language) -> None:
    doc = run(nlp, "The West African bloc condemned the coup.")
    assert "WST" not in {a.code for a in doc._.actors}
