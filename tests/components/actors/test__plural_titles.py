"""A plural title before coordinated names (components/actors/_plural_titles.py), on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


def code_of(doc: Doc, name: str) -> str | None:
    """The code of the mention that ends with ``name``."""
    return next((code for text, code in coded(doc).items() if text.endswith(name)), None)


@pytest.mark.slow
def test_nationality_words_before_the_title_go_to_the_names_in_order(nlp: Language) -> None:
    doc = run(
        nlp,
        "Chilean and Peruvian Defence Ministers Ana Castillo Vera and Tomas Quispe Rojas "
        "signed a border accord.",
    )
    assert code_of(doc, "Ana Castillo Vera") == "CHLGOVMIL"
    assert code_of(doc, "Tomas Quispe Rojas") == "PERGOVMIL"


@pytest.mark.slow
def test_a_country_after_each_name_places_it(nlp: Language) -> None:
    doc = run(
        nlp,
        "Foreign Ministers Ana Castillo Vera of Chile and Tomas Quispe Rojas of Peru met "
        "on Monday.",
    )
    assert code_of(doc, "Ana Castillo Vera") == "CHLGOV"
    assert code_of(doc, "Tomas Quispe Rojas") == "PERGOV"


@pytest.mark.slow
def test_the_setting_goes_to_the_one_name_the_text_leaves_without_a_country(
    nlp: Language,
) -> None:
    # the minister named before keeps her own title's country
    doc = run(
        nlp,
        "LIMA, Peru (AP) — Chilean Defence Minister Ana Castillo arrived on Monday. She "
        "praised the talks between Defence Ministers Tomas Quispe and Ana Castillo.",
    )
    assert code_of(doc, "Tomas Quispe") == "PERGOVMIL"
    assert code_of(doc, "Ana Castillo") == "CHLGOVMIL"


@pytest.mark.slow
def test_two_names_the_text_does_not_place_are_not_both_of_the_setting(nlp: Language) -> None:
    # one office in two names: two states, so not both of the story's country
    doc = run(
        nlp,
        "LIMA, Peru (AP) — The talks between Defence Ministers Tomas Quispe Rojas and "
        "Ana Castillo Vera ended on Monday.",
    )
    codes = [code_of(doc, "Tomas Quispe Rojas"), code_of(doc, "Ana Castillo Vera")]
    assert codes.count("PERGOVMIL") < 2


@pytest.mark.slow
def test_a_lower_case_plural_title_before_names(nlp: Language) -> None:
    doc = run(
        nlp,
        "The defence ministers Ana Castillo Vera of Chile and Tomas Quispe Rojas of Peru "
        "met on Monday.",
    )
    assert code_of(doc, "Ana Castillo Vera") == "CHLGOVMIL"
    assert code_of(doc, "Tomas Quispe Rojas") == "PERGOVMIL"
