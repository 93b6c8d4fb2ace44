"""Pairs (components/actors/_pairs.py): "each country", "both sides", "the two
ministries" stand for the two actors of two different countries named last; on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def pair_codes(doc: Doc, text: str) -> set[str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {actors.get(m.actor_id or "") for m in doc._.actor_mentions if m.text == text}


def pair_countries(doc: Doc, text: str) -> set[str | None]:
    actors = {a.id: a.country for a in doc._.actors}
    return {actors.get(m.actor_id or "") for m in doc._.actor_mentions if m.text == text}


def pair_methods(doc: Doc, text: str) -> set[str | None]:
    return {m.method for m in doc._.actor_mentions if m.text == text}


@pytest.mark.slow
def test_each_country_stands_for_the_two_states_named_last(nlp: Language) -> None:
    text = "Each country has recalled its ambassador."
    doc = run(
        nlp,
        f"Kenya expelled ten Ugandan diplomats on Monday, and Uganda retaliated on Tuesday. {text}",
    )
    assert pair_codes(doc, text.split(" has")[0]) == {"KEN", "UGA"}
    assert pair_methods(doc, "Each country") == {"coreference"}


@pytest.mark.slow
def test_other_countries_are_not_the_pair_named_last(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenya expelled ten Ugandan diplomats on Monday, and Uganda retaliated. Two "
        "dozen other countries have recalled their ambassadors.",
    )
    assert not any("countries" in m.text for m in doc._.actor_mentions)


@pytest.mark.slow
def test_the_two_ministries_are_the_pair_not_one_of_the_setting(nlp: Language) -> None:
    # an institution noun ("the ministry") alone would be the setting's ministry
    doc = run(
        nlp,
        "NAIROBI - Kenya signed a security pact with Uganda on Monday. "
        "The two defence ministries will meet in May.",
    )
    assert pair_codes(doc, "The two defence ministries") == {"KEN", "UGA"}


@pytest.mark.slow
def test_any_actor_with_a_country_may_be_one_of_the_pair(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenyan soldiers exchanged fire with Ugandan police near the border. "
        "Both sides blamed the heavy rain.",
    )
    assert pair_countries(doc, "Both sides") == {"KEN", "UGA"}


@pytest.mark.slow
def test_a_news_agency_is_never_one_of_the_pair(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenya accused Uganda of spying, Reuters reported. The two countries later agreed to talk.",
    )
    assert pair_codes(doc, "The two countries") == {"KEN", "UGA"}


@pytest.mark.slow
def test_two_bodies_of_one_country_named_last_are_the_two_parties(nlp: Language) -> None:
    # a domestic "the two parties": the government and the opposition just named
    doc = run(
        nlp,
        "The Kenyan government criticised Kenyan opposition leaders on Monday. "
        "Talks between the two parties failed.",
    )
    assert pair_codes(doc, "the two parties") == {"KENGOV", "KENOPP"}


@pytest.mark.slow
def test_two_nations_of_one_country_are_no_pair(nlp: Language) -> None:
    # "the two countries" needs two states: two Kenyan bodies are not two countries
    doc = run(
        nlp,
        "The Kenyan government criticised Kenyan opposition leaders on Monday. "
        "Talks between the two countries failed.",
    )
    assert not pair_codes(doc, "the two countries")


@pytest.mark.slow
def test_the_pair_looks_back_only_within_its_paragraph_and_a_few_sentences(
    nlp: Language,
) -> None:
    doc = run(nlp, "Peru sees Chile as a partner.\n\nTalks between the two governments resumed.")
    assert not pair_codes(doc, "the two governments")
    doc = run(
        nlp,
        "Peru sees Chile as a partner. The weather was cold. Ports were shut. "
        "Roads were closed. Trains were late. Talks between the two governments resumed.",
    )
    assert not pair_codes(doc, "the two governments")


@pytest.mark.slow
def test_a_pair_phrase_opening_a_paragraph_sums_up_the_one_before(nlp: Language) -> None:
    # wire stories give each sentence its own paragraph
    text = (
        "Hanoi (VNA) - Foreign Minister Nguyen Duc Kien held talks with his Philippine "
        "counterpart Maria Santos Reyes in Hanoi on Friday.\n\n"
        "The two ministers agreed to boost trade."
    )
    doc = run(nlp, text)
    assert pair_codes(doc, "The two ministers") == {"VNMGOV", "PHLGOV"}


@pytest.mark.slow
def test_a_pair_phrase_inside_a_paragraph_does_not_reach_back(nlp: Language) -> None:
    text = (
        "Kenya expelled ten Ugandan diplomats on Monday.\n\n"
        "Talks were held in Geneva. The two sides agreed to meet again."
    )
    doc = run(nlp, text)
    assert pair_codes(doc, "The two sides") <= {None}


@pytest.mark.slow
def test_both_men_are_the_two_persons_named_last_of_one_country(nlp: Language) -> None:
    doc = run(
        nlp,
        "WASHINGTON - Senator Ann Lee praised Governor Tom Hale on Monday. The state party "
        "accused both men of ignoring farmers.",
    )
    names = {a.id: a.name for a in doc._.actors}
    pair = {names.get(m.actor_id or "") for m in doc._.actor_mentions if m.text == "both men"}
    assert pair == {"Ann Lee", "Tom Hale"}


@pytest.mark.slow
def test_the_one_acting_on_a_pair_is_not_one_of_it(nlp: Language) -> None:
    doc = run(
        nlp,
        "WASHINGTON - Senator Ann Lee faces Governor Tom Hale in November. Mayor Rosa Diaz "
        "criticized both candidates on Monday.",
    )
    names = {a.id: a.name for a in doc._.actors}
    mentions = doc._.actor_mentions
    pair = {names.get(m.actor_id or "") for m in mentions if m.text == "both candidates"}
    assert pair == {"Ann Lee", "Tom Hale"}


@pytest.mark.slow
def test_the_two_sides_may_be_a_government_and_its_rebels(nlp: Language) -> None:
    doc = run(
        nlp,
        "BOGOTA, Colombia (AP) — Colombia's government and the National Liberation Army "
        "rebel group agreed on Thursday to extend a truce. The United Nations praised both "
        "sides.",
    )
    assert pair_codes(doc, "both sides") == {"COLGOV", "COLREBELN"}
