"""Anaphors of the actors component (components/actors/_anaphors.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from components.actors.harness import run
from dotterel.extensions import actor_at


@pytest.mark.slow
def test_a_committee_named_by_its_chamber_is_the_committee_later(nlp: Language) -> None:
    # "the House of Representatives Committee on X": the mention covers the chamber, the
    # unit noun after it goes on with the name, so "the committee" is that actor
    doc = run(
        nlp,
        "WASHINGTON (Reuters) - Tom Baker, who chairs the House of Representatives "
        "Committee on Fisheries, criticized the mining bureau. The committee accused the "
        "mining bureau of hiding leaks.",
    )
    start = doc.text.index("The committee")
    house = doc.text.index("House of Representatives")
    committee = actor_at(doc, start, start + len("The committee"))
    chamber = actor_at(doc, house, house + len("House of Representatives"))
    assert committee is not None and chamber is not None and committee.id == chamber.id


@pytest.mark.slow
def test_a_committee_not_named_by_the_chamber_is_not_the_chamber(nlp: Language) -> None:
    # the chamber's name does not go on with a unit noun: "a committee of farmers" is
    # another body, and "the committee" is not the legislature
    doc = run(
        nlp,
        "WASHINGTON (Reuters) - Lawmakers in the House of Representatives said a "
        "committee of farmers wrote to them. The committee accused the mining bureau "
        "of hiding leaks.",
    )
    start = doc.text.index("The committee")
    committee = actor_at(doc, start, start + len("The committee"))
    assert committee is None or committee.code != "USALEG"
