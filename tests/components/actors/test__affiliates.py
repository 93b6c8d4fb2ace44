"""Agents that belong to a person (components/actors/_affiliates.py): "X's lawyers",
"supporters of X", "lawyers for X" take the person's country; on sentences written for
these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


@pytest.mark.slow
def test_a_persons_lawyers_take_the_persons_country(nlp: Language) -> None:
    doc = run(
        nlp,
        "Former Kenyan President Daniel arap Moi was jailed on Monday. "
        "Moi's lawyers said they would appeal the verdict.",
    )
    assert coded(doc)["lawyers"] == "KENCVL"


@pytest.mark.slow
def test_supporters_of_a_person_are_of_the_persons_country_not_the_sentences(
    nlp: Language,
) -> None:
    # the sentence names two other countries (the flags): the person says whose they are
    doc = run(
        nlp,
        "Kenyan opposition leader Amina Wanjiru lost the vote. Outside the court, "
        "hundreds of supporters of Wanjiru gathered, waving Ugandan and US flags.",
    )
    assert coded(doc)["supporters"] == "KENCVL"


@pytest.mark.slow
def test_lawyers_for_a_person_are_not_the_court_they_plead_before(nlp: Language) -> None:
    doc = run(
        nlp,
        "Lawyers for Kenyan Finance Minister Otieno Barasa asked a court in Nairobi "
        "to drop the charges.",
    )
    codes = coded(doc)
    assert codes["Lawyers"] == "KENCVL"
    lawyers = next(m for m in doc._.actor_mentions if m.text == "Lawyers")
    court = next(m for m in doc._.actor_mentions if "court" in m.text)
    assert lawyers.actor_id != court.actor_id


@pytest.mark.slow
def test_an_agent_of_a_name_that_is_no_person_keeps_the_ordinary_rules(nlp: Language) -> None:
    doc = run(nlp, "NAIROBI, Kenya (AP) — Safaricom employees walked out on Monday.")
    assert coded(doc)["Safaricom employees"] == "KENLAB"
