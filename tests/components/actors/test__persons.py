"""Persons of the actors component (components/actors/_persons.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run
from dotterel.model import Actor


def actor_of(doc: Doc, text: str, nth: int = 0) -> Actor | None:
    actors = {a.id: a for a in doc._.actors}
    found = [m for m in doc._.actor_mentions if m.text == text]
    return actors.get(found[nth].actor_id or "") if len(found) > nth else None


@pytest.mark.slow
def test_a_bare_family_name_written_first_is_the_person_named_in_full(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenyan Foreign Minister Chung Min-seo arrived in Nairobi on Monday. "
        "Chung met the delegation at the airport.",
    )
    full, bare = actor_of(doc, "Chung Min-seo"), actor_of(doc, "Chung")
    assert full is not None and bare is not None and full.id == bare.id
    assert full.code == "KENGOV"


@pytest.mark.slow
def test_a_surname_still_wins_over_a_first_word(nlp: Language) -> None:
    doc = run(
        nlp,
        "Otieno Barasa met Joseph Otieno in Nairobi. Otieno said the talks went well.",
    )
    bare, surname = actor_of(doc, "Otieno"), actor_of(doc, "Joseph Otieno")
    assert bare is not None and surname is not None and bare.id == surname.id


@pytest.mark.slow
def test_a_us_party_label_after_a_name_marks_a_member_of_congress(nlp: Language) -> None:
    doc = run(nlp, "Joseph Kamau (D-Ore.) and Amina Wekesa (R-Texas) voted against the bill.")
    for name in ("Joseph Kamau", "Amina Wekesa"):
        member = actor_of(doc, name)
        assert member is not None and member.code == "USALEG"
        assert any("party label" in e for e in member.evidence)
    assert actor_of(doc, "Texas") is None  # the label's state is no actor


@pytest.mark.slow
def test_a_title_role_wins_over_the_party_label(nlp: Language) -> None:
    doc = run(nlp, "Gov. Joseph Kamau (R-Ohio) signed the bill in Columbus, Ohio.")
    governor = actor_of(doc, "Joseph Kamau")
    assert governor is not None and governor.code == "USAGOV"


@pytest.mark.slow
def test_a_short_name_before_the_full_name_is_that_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "Otieno Barasa wins the primary.\n\n"
        "Kenyan Senator Joseph Otieno Barasa won his primary on Tuesday. "
        "Otieno Barasa thanked his voters.",
    )
    first, full = actor_of(doc, "Otieno Barasa"), actor_of(doc, "Joseph Otieno Barasa")
    assert first is not None and full is not None and first.id == full.id
    assert full.code == "KENLEG"


def test_a_surname_the_ner_missed_is_the_person_named_before(nlp: Language) -> None:
    doc = run(
        nlp,
        "U.S. Ambassador Linda Grant met the president on Monday. "
        "Grant urged the government to cut fuel taxes.",
    )
    codes = {m.text: m.actor_id for m in doc._.actor_mentions}
    assert codes.get("Grant") is not None and codes["Grant"] == codes["Linda Grant"]


def test_a_surname_inside_a_longer_name_is_someone_else(nlp: Language) -> None:
    doc = run(
        nlp,
        "U.S. Ambassador Linda Grant met the president on Monday. "
        "The auditor Grant Thornton reviewed the accounts.",
    )
    assert "Grant" not in {m.text for m in doc._.actor_mentions}
