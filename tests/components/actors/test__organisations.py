"""Organisations the tables lack (``components/actors/_organisations.py``): country from
a nationality written before the name, from a province in the name, else from the
setting; on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


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
