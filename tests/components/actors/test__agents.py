"""Agent noun phrases (components/actors/_agents.py and the rows of agents.tsv), on
sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run
from dotterel.components.actors._agents import singular
from dotterel.model import Article


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


NAIROBI = "NAIROBI, Kenya (AP) — "


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("Police detained three lawyers on Monday.", "three lawyers", "KENCVL"),
        ("Hospital employees walked out on Monday.", "Hospital employees", "KENLAB"),
        ("Union leaders rejected the offer.", "Union leaders", "KENLAB"),
        ("A magistrate freed the suspects.", "magistrate", "KENJUD"),
        ("Prison guards beat the inmates.", "Prison guards", "KENCOP"),
        ("A man who answered the phone refused to comment.", "man", "KENCVL"),
    ],
)
def test_role_nouns_of_people_take_the_setting(
    nlp: Language, sentence: str, mention: str, code: str
) -> None:
    assert coded(run(nlp, NAIROBI + sentence)).get(mention) == code


@pytest.mark.slow
def test_a_nationality_before_a_person_noun_places_it(nlp: Language) -> None:
    doc = run(nlp, NAIROBI + "A Somali woman was among the passengers.")
    assert coded(doc)["Somali woman"] == "SOMCVL"


@pytest.mark.slow
def test_an_agent_mention_spans_its_modifiers(nlp: Language) -> None:
    doc = run(nlp, "Egyptian police dispersed radical student demonstrators on Monday.")
    assert coded(doc)["radical student demonstrators"] == "EGYCVL"


@pytest.mark.slow
def test_a_title_names_the_person_the_ner_missed_and_their_later_mentions(
    nlp: Language,
) -> None:
    doc = run(
        nlp,
        "Hanoi (VNA) – The envoy spoke at a reception for visiting Russian Minister of "
        "Defence Sergey Shoyu in Hanoi on January 23. He praised the talks between the "
        "ministers Ngo Xuan Lich and Sergey Shoyu.",
    )
    codes = coded(doc)
    assert codes["Russian Minister of Defence Sergey Shoyu"] == "RUSGOV"
    assert codes["Sergey Shoyu"] == "RUSGOV"


@pytest.mark.slow
def test_a_named_place_of_detention_is_the_security_service_of_its_country(
    nlp: Language,
) -> None:
    doc = run(nlp, "Reporters called the Nairobi Detention Centre on Thursday.")
    codes = coded(doc)
    assert codes.get("the Nairobi Detention Centre") == "KENCOP"


def test_singular_of_a_regular_plural() -> None:
    assert singular("ministers") == "minister"
    assert singular("secretaries") == "secretary"
    assert singular("press") == "press"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("Civil society groups rejected the bill.", "Civil society groups", "KENNGO"),
        ("Advocacy organisations sued the ministry.", "Advocacy organisations", "KENNGO"),
        ("Two rights organizations condemned the arrests.", "Two rights organizations", "KENHRI"),
        ("Labour unions called a strike.", "Labour unions", "KENLAB"),
    ],
)
def test_civil_society_bodies_named_by_what_they_do(
    nlp: Language, sentence: str, mention: str, code: str
) -> None:
    assert coded(run(nlp, NAIROBI + sentence)).get(mention) == code


@pytest.mark.slow
def test_a_counterpart_is_a_government_official(nlp: Language) -> None:
    from dotterel.pipeline import code

    coded = code(nlp, Article(text="The minister spoke with his Afghan counterpart on Monday."))
    assert "AFGGOV" in {a.code for a in coded.actors}


@pytest.mark.slow
def test_a_title_without_a_country_before_an_untagged_name_is_the_name_s(nlp: Language) -> None:
    # "Minister of Foreign Affairs X": the NER tagged no person; the title is X's, X is
    # of the setting (the counterpart's country is another's), and a later "X" is X
    text = (
        "Algiers (APS) - Minister of Foreign Affairs Karim Benali held talks with his "
        "Tunisian counterpart Othman Jerandi on Sunday. Benali thanked Tunisia."
    )
    doc = run(nlp, text)
    actors = {a.id: a for a in doc._.actors}
    by_text = {m.text: actors[m.actor_id] for m in doc._.actor_mentions if m.actor_id}
    holder = next(t for t in by_text if t.endswith("Karim Benali"))
    assert holder.startswith("Minister")
    assert (by_text[holder].code, by_text[holder].kind) == ("DZAGOV", "person")
    assert by_text["Benali"] is by_text[holder] or by_text["Benali"].id == by_text[holder].id


@pytest.mark.slow
def test_a_body_before_an_untagged_name_is_no_title(nlp: Language) -> None:
    doc = run(nlp, "Officers of the police Special Branch arrested him in Colombo.")
    assert not any(a.kind == "person" for a in doc._.actors)


@pytest.mark.slow
def test_an_officer_is_police_in_a_police_sentence_else_a_soldier(nlp: Language) -> None:
    from dotterel.pipeline import code

    text = "MILWAUKEE (AP) — Police said officers arrested 44 people."
    assert "USACOP" in {a.code for a in code(nlp, Article(text=text)).actors}
    text = "CARACAS (AP) — Venezuelan officers trained the fighters."
    assert "VENMIL" in {a.code for a in code(nlp, Article(text=text)).actors}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        # a party's members named by its adjective take the country of the story
        ("WASHINGTON (AP) — Democrats on the panel dismissed the report.", "Democrats", "USAPTY"),
        ("WASHINGTON (AP) — Republicans blocked the bill.", "Republicans", "USAPTY"),
        ("Sweden's Social Democrats criticized the budget.", "Sweden's Social Democrats", "SWEPTY"),
    ],
)
def test_party_members_take_their_country_like_any_agent(
    nlp: Language, text: str, mention: str, code: str
) -> None:
    assert coded(run(nlp, text)).get(mention) == code


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Sheriff Dale Morrow blamed the unrest on outsiders.", "Dale Morrow", "USACOP"),
        ("State troopers closed the highway.", "State troopers", "USACOP"),
        ("The family's attorney demanded the video.", "attorney", "USACVL"),
    ],
)
def test_us_law_enforcement_titles(nlp: Language, text: str, mention: str, code: str) -> None:
    assert coded(run(nlp, "MILWAUKEE (AP) — " + text)).get(mention) == code


@pytest.mark.slow
def test_an_officer_in_a_police_story_is_a_police_officer(nlp: Language) -> None:
    story = (
        "MILWAUKEE (AP) — Police said a man was shot on Saturday. The police chief "
        "called for calm, and police closed the street. Protesters accused the officer of "
        "lying."
    )
    assert coded(run(nlp, story)).get("the officer") == "USACOP"
    # a story about the army: a bare officer is a soldier
    story = (
        "CARACAS, Venezuela (AP) — Troops took over the base, and soldiers arrested the "
        "generals. Two officers refused to obey."
    )
    assert coded(run(nlp, story)).get("Two officers") == "VENMIL"


@pytest.mark.slow
def test_an_agent_subject_is_not_placed_by_the_country_it_acts_on(nlp: Language) -> None:
    codes = coded(run(nlp, "WASHINGTON (AP) — Officials criticized Iran on Monday."))
    assert codes.get("Officials") == "USAGOV"
    # a country that qualifies the agent itself still places it
    codes = coded(run(nlp, "WASHINGTON (AP) — Egyptian police dispersed the demonstrators."))
    assert codes.get("Egyptian police") == "EGYCOP"


@pytest.mark.slow
def test_a_plural_agent_tagged_as_a_name_at_a_sentences_start_is_an_agent(
    nlp: Language,
) -> None:
    # the tagger takes a capitalised plural for a proper noun and keeps it as lemma
    doc = run(nlp, "Rebels in Darfur attacked a convoy on Monday.")
    assert [a.code for a in doc._.actors] == ["SDNREB"]


@pytest.mark.slow
def test_a_mission_in_a_city_is_not_that_citys_state(nlp: Language) -> None:
    doc = run(nlp, "The embassy in Lima closed on Monday.")
    assert all(not (a.code or "").startswith("PER") for a in doc._.actors)
    doc = run(nlp, "The embassy of Chile in Lima closed on Monday.")
    assert [a.code for a in doc._.actors] == ["CHLGOV"]


@pytest.mark.slow
def test_cartel_and_gang_leaders_are_criminals_not_government(nlp: Language) -> None:
    doc = run(nlp, "Peruvian police arrested two Peruvian cartel leaders and a drug lord.")
    assert {a.code for a in doc._.actors} >= {"PERCRM"}
    assert "PERGOV" not in {a.code for a in doc._.actors}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("The mayor asked the police chief to resign.", "the police chief", "KENCOP"),
        ("The police union defended the officers.", "The police union", "KENLAB"),
        ("The family sued the police department.", "the police department", "KENCOP"),
        ("The opposition accused the army chief of lying.", "the army chief", "KENMIL"),
        ("The senator attacked a Republican challenger.", "Republican challenger", "KENELI"),
    ],
)
def test_an_office_named_by_an_institution_is_the_setting_s(
    nlp: Language, sentence: str, mention: str, code: str
) -> None:
    assert coded(run(nlp, NAIROBI + sentence)).get(mention) == code


@pytest.mark.slow
def test_a_teenager_is_a_civilian_of_the_setting(nlp: Language) -> None:
    doc = run(nlp, NAIROBI + "Two officers were filmed beating a teenager.")
    assert coded(doc).get("teenager") == "KENCVL"


@pytest.mark.slow
@pytest.mark.parametrize("mention", ["world leaders", "foreign diplomats", "Pacific leaders"])
def test_an_agent_of_no_one_state_takes_no_country_from_context(
    nlp: Language, mention: str
) -> None:
    doc = run(nlp, NAIROBI + f"Kenya welcomed {mention} to the summit.")
    assert coded(doc).get(mention) is None


@pytest.mark.slow
def test_a_foreign_ministry_is_still_the_setting_s(nlp: Language) -> None:
    doc = run(nlp, NAIROBI + "A foreign ministry spokesman criticized the decision.")
    assert coded(doc).get("foreign ministry spokesman") == "KENGOV"
