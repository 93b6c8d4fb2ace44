"""When "force" is violence, not an armed force (``components/actors/_force_words.py``)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run

NAIROBI = "NAIROBI, Kenya (AP) — "


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


@pytest.mark.slow
def test_excessive_force_is_no_armed_force(nlp: Language) -> None:
    doc = run(nlp, NAIROBI + "The family accused the officers of excessive force.")
    assert "excessive force" not in coded(doc)
    doc = run(nlp, NAIROBI + "The bloc threatened to use force against the junta.")
    assert "force" not in coded(doc)
    doc = run(nlp, NAIROBI + "Security forces arrested two men.")
    assert coded(doc).get("Security forces") == "KENMIL"
