"""Names on their own (components/actors/_bare_names.py): ethnic groups coded by where
they live; on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


@pytest.mark.slow
def test_an_ethnic_group_lives_where_its_preposition_says(nlp: Language) -> None:
    doc = run(nlp, "Ethnic Hungarians in Romania demanded more autonomy.")
    assert coded(doc)["Ethnic Hungarians in Romania"] == "ROUCVL"


@pytest.mark.slow
def test_an_ethnic_group_lives_in_the_other_country_its_sentence_names(nlp: Language) -> None:
    doc = run(nlp, "Ethnic Serbs blocked roads in the north, Kosovo police said.")
    assert coded(doc)["Ethnic Serbs"] == "XKXCVL"


@pytest.mark.slow
def test_an_ethnic_group_lives_in_the_articles_setting(nlp: Language) -> None:
    doc = run(
        nlp,
        "SKOPJE, Macedonia (AP) — Ethnic Albanians vowed to fight on, officials in Tirana said.",
    )
    assert coded(doc)["Ethnic Albanians"] == "MKDCVL"


@pytest.mark.slow
def test_an_ethnic_group_is_never_its_own_nations_state(nlp: Language) -> None:
    doc = run(nlp, "TIRANA, Albania (AP) — Ethnic Albanians celebrated the holiday.")
    assert "Ethnic Albanians" not in coded(doc)


@pytest.mark.slow
def test_a_town_name_that_is_a_person_s_surname_is_the_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "WASHINGTON — Senators questioned Defense Secretary Lloyd Austin on Tuesday. "
        "Austin apologized to lawmakers.",
    )
    ids = {m.text: m.actor_id for m in doc._.actor_mentions}
    assert ids["Austin"] == ids["Lloyd Austin"]
