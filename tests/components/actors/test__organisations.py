"""Organisations the tables lack (``components/actors/_organisations.py``): country from
a nationality written before the name, from a province in the name, else from the
setting; on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run
from dotterel.model import Article
from dotterel.pipeline import make_doc


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # a nationality word the NER left outside the ORG span beats the dateline
        (
            "WASHINGTON (Reuters) - Chinese Foreign Ministry spokeswoman Lan Wei denied it.",
            "Foreign Ministry",
            "CHNGOV",
        ),
        (
            "WASHINGTON (Reuters) - China's Foreign Ministry said it opposed the tariffs.",
            "Foreign Ministry",
            "CHNGOV",
        ),
    ],
)
def test_a_nationality_before_a_state_body_is_its_country(
    nlp: Language, text: str, name: str, code: str
) -> None:
    codes = coded(run(nlp, text))
    assert [c for mention, c in codes.items() if mention.endswith(name)] == [code]


def test_a_country_after_to_is_not_the_owner(nlp: Language) -> None:
    # "Ambassador to Kenya": Kenya is where the ambassador serves, not whose name follows
    doc = run(nlp, "NAIROBI (AP) - U.S. Ambassador to Kenya Ann Lowell met the president.")
    assert not any(code == "KENGOV" for name, code in coded(doc).items() if "Lowell" in name)


def test_an_unlisted_body_takes_the_dateline_country(nlp: Language) -> None:
    doc = run(nlp, "NAIROBI (AP) - The Lakeside Party said the vote would go ahead.")
    assert [c for m, c in coded(doc).items() if "Lakeside Party" in m] == ["KENPTY"]


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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        # a unit of a body: the agent word in the name gives the sector
        (
            "The Kano State Police Command said it arrested nine suspects.",
            "Police Command",
            "NGACOP",
        ),
        # a word for people at large inside a name is no sector
        ("The Kano State National Committee met on Monday.", "National Committee", "NGA"),
    ],
)
def test_an_agent_word_inside_an_unlisted_name_gives_its_sector(
    nlp: Language, sentence: str, name: str, code: str
) -> None:
    codes = coded(run(nlp, sentence))
    assert next(c for text, c in codes.items() if name in text) == code


@pytest.mark.slow
def test_a_police_department_is_the_police_of_its_town_s_country(nlp: Language) -> None:
    # the knowledge base codes the town as its country; inside the name it is no actor
    # (the small NER may tag the whole name a building: FAC)
    text = "CHARLOTTE, N.C. (AP) — The Charlotte-Mecklenburg Police Department arrested two men."
    codes = coded(run(nlp, text))
    assert codes.get("The Charlotte-Mecklenburg Police Department") == "USACOP"
    assert "Charlotte" not in codes
    text = "The Minnesota Department of Public Safety said it would send officers."
    assert coded(run(nlp, text)).get("The Minnesota Department of Public Safety") == "USAGOV"


@pytest.mark.slow
def test_a_name_before_a_body_noun_is_that_kind_of_body(nlp: Language) -> None:
    # the NER tags "Democratic Center" alone: "party", after it, says what it is
    text = "BOGOTA, Colombia (AP) — The opposition Democratic Center party criticized the deal."
    assert "COLPTY" in coded(run(nlp, text)).values()
