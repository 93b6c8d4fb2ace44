"""An office no one is named to (``components/actors/_offices.py``), on sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from components.actors.harness import run
from dotterel.extensions import actor_at

pytestmark = pytest.mark.slow


def _code_of(nlp: Language, text: str, words: str) -> str | None:
    doc = run(nlp, text)
    start = doc.text.index(words)
    actor = actor_at(doc, start, start + len(words))
    return actor.code if actor is not None else None


def test_an_unnamed_mayor_is_the_settings_office(nlp: Language) -> None:
    text = "MILWAUKEE (AP) — Protests went on for a second night. The mayor imposed a curfew."
    assert _code_of(nlp, text, "The mayor") == "USAGOV"


def test_a_named_governor_keeps_the_person(nlp: Language) -> None:
    text = (
        "MILWAUKEE (AP) — Governor Tom Harlan declared a state of emergency. "
        "The governor said the Guard would stay."
    )
    doc = run(nlp, text)
    start = doc.text.index("The governor")
    actor = actor_at(doc, start, start + len("The governor"))
    assert actor is not None and actor.name == "Tom Harlan"
