"""Organisations the tables lack (components/actors/_organisations.py), on texts written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.model import Article
from dotterel.pipeline import make_doc


@pytest.mark.slow
def test_an_acronym_coded_in_the_story_is_the_organisation_where_the_ner_saw_none(
    nlp: Language,
) -> None:
    text = "Report: KNUT hid losses.\n\nNAIROBI, Kenya (AP) - The KNUT hid its losses."
    doc = make_doc(nlp, Article(text=text))
    for name in nlp.pipe_names:
        if name != "dotterel_actors":
            doc = nlp.get_pipe(name)(doc)
    # the headline's acronym untagged, as the small NER model often leaves it
    doc.ents = [e for e in doc.ents if e.start_char > text.index("\n")]
    doc = nlp.get_pipe("dotterel_actors")(doc)
    actors = {a.id: a for a in doc._.actors}
    found = [actors[m.actor_id or ""] for m in doc._.actor_mentions if m.text == "KNUT"]
    assert len(found) == 2 and found[0].id == found[1].id
    assert found[0].code == "KEN" and found[0].kind == "organisation"
