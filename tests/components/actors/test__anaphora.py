"""Coreference steps of the actors component (components/actors/_anaphora.py and the
rules of components/coref.py they feed), on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run
from dotterel.extensions import actor_at
from dotterel.model import Actor

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "we", "i", "our", "us"})


def actor_for(doc: Doc, text: str, nth: int = 0) -> Actor | None:
    """The actor of ``text`` (its first word when ``text`` is a longer phrase that
    places a pronoun: "He said" -> "He")."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    first = text.split()[0] if text.split()[0].lower() in PRONOUNS else text
    return actor_at(doc, start, start + len(first))


def same(doc: Doc, a: str, b: str, nth: int = 0) -> bool:
    x, y = actor_for(doc, a, nth), actor_for(doc, b)
    return x is not None and y is not None and x.id == y.id


@pytest.mark.slow
def test_he_said_takes_a_person_who_has_not_spoken_yet(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Kenyan police commissioner, Mr. Otieno Barasa, briefed reporters in Nakuru. "
        "He said the raids would continue.",
    )
    assert same(doc, "He said", "Otieno Barasa")


@pytest.mark.slow
def test_she_is_not_a_man_the_text_calls_mr(nlp: Language) -> None:
    doc = run(
        nlp,
        "Mr. Otieno Barasa met Amina Wekesa in Nairobi on Monday. She said the talks went well.",
    )
    she = actor_for(doc, "She")
    assert she is not None and she.name == "Amina Wekesa"


@pytest.mark.slow
def test_he_may_be_a_singular_role_noun_and_it_may_not(nlp: Language) -> None:
    doc = run(
        nlp,
        "A Kenyan government spokesman spoke to reporters in Nairobi. "
        "He said the border would reopen.",
    )
    he = actor_for(doc, "He")
    assert he is not None and he.code == "KENGOV"


@pytest.mark.slow
def test_quotation_does_not_push_the_speaker_out_of_reach(nlp: Language) -> None:
    doc = run(
        nlp,
        "Otieno Barasa spoke to the crowd in Nakuru. He said: “The roads are closed. "
        "The bridges are down. The schools are shut. The clinics are empty.” "
        "He then left for Nairobi.",
    )
    assert same(doc, "He then", "Otieno Barasa")


@pytest.mark.slow
def test_fronted_participle_clause_names_not_the_pronoun(nlp: Language) -> None:
    doc = run(
        nlp,
        "Otieno Barasa spoke in Nakuru on Monday. After meeting Amina Wekesa, "
        "he said the talks had failed.",
    )
    assert same(doc, "he said", "Otieno Barasa")


@pytest.mark.slow
def test_object_pronoun_is_not_its_clause_subject(nlp: Language) -> None:
    doc = run(
        nlp,
        "Otieno Barasa backed Joseph Kamau in the primary and said he would campaign with him.",
    )
    assert same(doc, "him", "Joseph Kamau")


@pytest.mark.slow
def test_first_person_in_a_quote_reopened_after_the_speaker(nlp: Language) -> None:
    doc = run(
        nlp,
        "“Nobody works harder,” said Amina Wekesa, the Kenyan labour minister. "
        "“The strike is over. I thank the unions for their patience.”",
    )
    assert same(doc, "I thank", "Amina Wekesa")


@pytest.mark.slow
def test_we_of_an_office_holder_is_the_body_they_speak_for(nlp: Language) -> None:
    doc = run(
        nlp,
        "“We will not reopen the border,” said Amina Wekesa, the Kenyan foreign minister.",
    )
    we = actor_for(doc, "We")
    assert we is not None and we.code == "KENGOV" and we.kind != "person"


@pytest.mark.slow
def test_the_party_spokesman_is_not_a_government_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenyan President Joseph Kamau met party leaders on Monday. "
        "The party spokesman said the meeting went well.",
    )
    spokesman = actor_for(doc, "The party spokesman")
    assert spokesman is None or "GOV" not in (spokesman.code or "")


@pytest.mark.slow
def test_the_billionaire_is_the_person_named_last(nlp: Language) -> None:
    doc = run(
        nlp,
        "Also charged in the case was the mining chief Joseph Kamau. "
        "The 61-year-old billionaire was found guilty of bribery last year.",
    )
    assert same(doc, "The 61-year-old billionaire", "Joseph Kamau")


@pytest.mark.slow
def test_the_woman_is_not_a_man_the_text_calls_mr(nlp: Language) -> None:
    doc = run(
        nlp,
        "Amina Wekesa spoke after Mr. Otieno Barasa. The woman said the vote was rigged.",
    )
    woman = actor_for(doc, "The woman")
    assert woman is None or woman.name == "Amina Wekesa"


@pytest.mark.slow
def test_the_party_is_the_party_named_before(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Kenyan ruling party met in Nairobi on Monday. "
        "The party said it would name a candidate.",
    )
    assert same(doc, "The party", "The Kenyan ruling party")


@pytest.mark.slow
def test_she_prefers_a_woman_the_text_marks_to_an_unknown_subject(nlp: Language) -> None:
    doc = run(
        nlp,
        "Ms. Amina Wekesa won the seat. Otieno Barasa could not overcome "
        "Wekesa's lead at home, where she has served for years.",
    )
    she = actor_for(doc, "she")
    assert she is not None and she.name == "Amina Wekesa"


@pytest.mark.slow
def test_the_spokesman_is_not_the_chairman_named_before(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Kenyan ruling party chairman, Joseph Kamau, spoke on Monday. "
        "The party spokesman said the vote would go ahead.",
    )
    spokesman, chairman = actor_for(doc, "The party spokesman"), actor_for(doc, "Joseph Kamau")
    assert chairman is not None
    assert spokesman is None or spokesman.id != chairman.id


@pytest.mark.slow
def test_the_governor_is_the_person_titled_gov(nlp: Language) -> None:
    doc = run(
        nlp,
        "Gov. Joseph Kamau of Ohio signed the budget on Monday. "
        "The governor said the state would cut taxes.",
    )
    assert same(doc, "The governor", "Joseph Kamau")


@pytest.mark.slow
def test_we_of_a_national_statement_is_that_government(nlp: Language) -> None:
    doc = run(nlp, "The Kenyan statement said “we urge travellers to avoid the border.”")
    we = actor_for(doc, "we urge")
    assert we is not None and we.code == "KENGOV" and we.method == "coreference"


@pytest.mark.slow
def test_it_in_reported_content_is_the_source(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Kenyan Interior Ministry said on Monday it had arrested 40 people in Nakuru.",
    )
    assert same(doc, "it had", "The Kenyan Interior Ministry")


@pytest.mark.slow
def test_he_in_reported_content_is_the_male_or_unknown_source(nlp: Language) -> None:
    doc = run(nlp, "Otieno Barasa said he would meet the Ugandan delegation on Friday.")
    assert same(doc, "he would", "Otieno Barasa")
    doc = run(nlp, "Mrs. Amina Wekesa said he would meet the Ugandan delegation on Friday.")
    he = actor_for(doc, "he would")
    assert he is None or he.name != "Amina Wekesa"


def test_the_filing_agency_is_not_who_acts(nlp: Language) -> None:
    # "(Reuters)" files the story: a later "It accused ..." or "the agency" that is
    # accused is someone in the story, not the wire agency
    doc = run(
        nlp,
        "LONDON (Reuters) - A committee said the regulator hid the breaches, Reuters "
        "reported. It accused the agency of protecting its chief.",
    )
    reuters = actor_for(doc, "Reuters", 1)
    assert reuters is not None and reuters.code == "GBRMED"
    it = actor_for(doc, "It accused")
    assert it is None or it.code != "GBRMED"
    agency = actor_for(doc, "the agency")
    assert agency is None or agency.code != "GBRMED"


def test_an_agency_in_the_story_is_still_its_pronouns_antecedent(nlp: Language) -> None:
    doc = run(nlp, "KCNA, the state news agency, reported the launch. It said the test worked.")
    assert same(doc, "It said", "KCNA")


@pytest.mark.parametrize("verb", ["repeated", "reiterated", "confirmed", "stressed"])
def test_he_told_is_the_last_speaker_whatever_the_reporting_verb(nlp: Language, verb: str) -> None:
    # the spokesman spoke last, through a verb other than "said": "he" is him, not the
    # consultant who "said" something two sentences before
    text = (
        "Sam Rowe, a security consultant, said he saw no proof in the report. "
        f"In Beijing, Chinese Foreign Ministry spokesman Lu Kang {verb} that China opposed "
        "hacking. Critics should show proof, he told reporters."
    )
    doc = run(nlp, text)
    assert same(doc, "Lu Kang", "he told")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a subject without the role: its own country's government
        (
            "Kenyan opposition leader Amos Wekesa toured Kisumu. "
            "Wekesa criticised the government over fuel prices.",
            "KENGOV",
        ),
        # a subject with the role: another country's government, the one named last
        (
            "Nigerian President Musa Bello hosted German Chancellor Karl Brandt in Abuja. "
            "Brandt praised the government for its reforms.",
            "NGAGOV",
        ),
    ],
)
def test_the_government_as_object_is_read_from_its_subject(
    nlp: Language, text: str, code: str
) -> None:
    doc = run(nlp, text)
    government = actor_for(doc, "the government")
    assert government is not None and government.code == code


@pytest.mark.slow
def test_a_plural_description_is_the_body_named_last_with_its_role(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenyan officials met Ugandan diplomats in Nairobi on Monday. The diplomats "
        "later criticized the Kenyan government.",
    )
    found = actor_for(doc, "The diplomats")
    assert found is not None and found.code == "UGAGOV"
    assert same(doc, "The diplomats", "Ugandan diplomats")


@pytest.mark.slow
def test_the_group_may_be_an_organisation_named_last(nlp: Language) -> None:
    doc = run(
        nlp,
        "Boko Haram fighters attacked a village in Borno state. "
        "Amnesty International accused the Nigerian army of abuses in the region. "
        "The group called on the government to investigate.",
    )
    group = actor_for(doc, "The group")
    assert group is not None and group.code == "NGOAMN"


@pytest.mark.slow
def test_the_man_is_the_man_named_before_not_the_person_in_between(nlp: Language) -> None:
    text = (
        "MILWAUKEE (AP) — Police shot an armed man on Saturday. Mayor Tom Barrow said "
        "the officer who shot the man had been wearing a camera."
    )
    doc = run(nlp, text)
    man, mayor = actor_for(doc, "the man"), actor_for(doc, "Tom Barrow")
    assert man is not None and mayor is not None and man.id != mayor.id
    assert man.code == "USACVL"


@pytest.mark.slow
def test_the_majority_leader_is_the_legislator_named_with_that_title(nlp: Language) -> None:
    doc = run(
        nlp,
        "WASHINGTON - Senate Majority Leader Ann Carter blocked the bill. Two senators "
        "urged the majority leader to bring it back.",
    )
    assert same(doc, "Ann Carter", "the majority leader")
    leader = actor_for(doc, "the majority leader")
    assert leader is not None and leader.code == "USALEG"
