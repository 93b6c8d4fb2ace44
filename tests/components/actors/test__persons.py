"""Persons of the actors component (components/actors/_persons.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run
from dotterel.model import Actor, Article


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


def test_a_surname_read_as_a_month_is_the_person_where_a_date_cannot_stand(
    nlp: Language,
) -> None:
    # "May" is tagged a date (or parsed as a modal); as a subject, object or possessor
    # it is the person named before
    for second in (
        "May has received strong backing from Canada.",
        "Critics attacked May over the deal.",
    ):
        doc = run(nlp, f"Prime Minister Helen May met the envoy on Monday in London. {second}")
        full = actor_of(doc, "Helen May")
        bare = [m for m in doc._.actor_mentions if m.text == "May"]
        assert full is not None and [m.actor_id for m in bare] == [full.id]


def test_a_month_after_a_preposition_stays_a_date(nlp: Language) -> None:
    doc = run(
        nlp,
        "Prime Minister Helen May met the envoy on Monday. In May, the talks resumed.",
    )
    assert [m.text for m in doc._.actor_mentions].count("May") == 0


def test_a_surname_inside_a_longer_name_is_someone_else(nlp: Language) -> None:
    doc = run(
        nlp,
        "U.S. Ambassador Linda Grant met the president on Monday. "
        "The auditor Grant Thornton reviewed the accounts.",
    )
    assert "Grant" not in {m.text for m in doc._.actor_mentions}


@pytest.mark.slow
def test_a_lone_surname_the_ner_missed_is_the_person_named_before(nlp: Language) -> None:
    doc = run(
        nlp,
        "Frances Eve, a researcher for the charity Kenyan Rights Watchers, said the "
        'detentions were illegal. "He should be released," Eve said.',
    )
    full, bare = actor_of(doc, "Frances Eve"), actor_of(doc, "Eve")
    assert full is not None and bare is not None and full.id == bare.id


@pytest.mark.slow
def test_a_surname_tagged_as_an_organisation_is_still_the_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "Kenyan opposition leader Daniel Otieno lost the vote. Hundreds of Otieno "
        "supporters protested outside.",
    )
    full, bare = actor_of(doc, "Daniel Otieno"), actor_of(doc, "Otieno")
    assert full is not None and bare is not None and full.id == bare.id


@pytest.mark.slow
def test_a_lone_name_before_the_full_name_is_not_linked_by_the_surname_rule(
    nlp: Language,
) -> None:
    # only a name met after the full name continues it
    doc = run(nlp, "Moi Avenue was closed. Later Daniel arap Moi spoke in Nairobi.")
    assert actor_of(doc, "Moi") is None


@pytest.mark.slow
def test_an_apposition_is_a_mention_of_the_person(nlp: Language) -> None:
    doc = run(
        nlp,
        "NAIROBI, Kenya (AP) — Peter Kamau, a security expert who studied the attacks, "
        "said the report was wrong.",
    )
    person, expert = actor_of(doc, "Peter Kamau"), actor_of(doc, "a security expert")
    assert person is not None and expert is not None and person.id == expert.id
    assert person.code == "KEN"


@pytest.mark.slow
def test_a_name_inside_an_apposition_stays_its_own_actor(nlp: Language) -> None:
    doc = run(nlp, "Peter Kamau, a Human Rights Watch researcher, criticized the Kenyan police.")
    person, group = actor_of(doc, "Peter Kamau"), actor_of(doc, "Human Rights Watch")
    assert group is not None and group.code == "NGOHRW"
    assert person is not None and person.id != group.id


@pytest.mark.slow
def test_a_dateline_is_not_the_office_of_the_name_after_it(nlp: Language) -> None:
    doc = run(
        nlp,
        "WASHINGTON (Reuters) - Peter Kamau, a security expert who studied the attacks, "
        "said the report was wrong.",
    )
    person = actor_of(doc, "Peter Kamau")
    assert person is not None
    assert not any("subdivisions.tsv" in line for line in person.evidence)


@pytest.mark.slow
def test_a_civilian_word_in_a_title_is_not_a_side_the_holder_speaks_for(
    nlp: Language,
) -> None:
    doc = run(nlp, "Kenyan National Publicity Secretary Peter Kamau criticized the plan.")
    person = actor_of(doc, "Peter Kamau")
    assert person is not None and person.code == "KENGOV"


@pytest.mark.slow
def test_a_person_of_a_named_group_is_its_member_and_so_is_the_later_surname(
    nlp: Language,
) -> None:
    doc = run(
        nlp,
        "Jane Doe of Human Rights Watch said the government must free the prisoners. "
        "Doe said the arrests were unlawful.",
    )
    full, bare = actor_of(doc, "Jane Doe"), actor_of(doc, "Doe")
    assert full is not None and full.code == "NGOHRW"
    assert bare is not None and bare.id == full.id


@pytest.mark.slow
def test_a_person_of_a_capital_lives_in_its_country(nlp: Language) -> None:
    person = actor_of(run(nlp, "Peter Kamau of Nairobi said the plan would fail."), "Peter Kamau")
    assert person is not None and person.code == "KEN"


@pytest.mark.slow
def test_a_surname_is_the_listed_leader_named_with_a_title(nlp: Language) -> None:
    # the knowledge base's mention takes the title in ("Prime Minister X Y Z"): a later
    # bare surname is still that person, not a stranger of the article's setting
    text = (
        "Hanoi (VNA) - The envoy paid a courtesy call on Prime Minister Nguyen Xuan Phuc. "
        "Phuc asked Japan to boost investment."
    )
    doc = run(nlp, text)
    ids = {
        m.actor_id
        for m in doc._.actor_mentions
        if m.text in ("Phuc", "Prime Minister Nguyen Xuan Phuc")
    }
    assert len(ids) == 1


@pytest.mark.slow
def test_the_country_a_title_is_directed_to_is_the_host_not_the_holders(nlp: Language) -> None:
    # "ambassador to X", "envoy to X": X receives the office holder, it is not theirs
    doc = run(nlp, "Maria Lind, the ambassador to Peru, asked Stockholm for more guards.")
    lind = actor_of(doc, "Maria Lind")
    assert lind is not None and lind.country != "PER"
    doc = run(nlp, "The Swedish ambassador to Peru, Maria Lind, met President Dina Boluarte.")
    lind = actor_of(doc, "Maria Lind")
    assert lind is not None and lind.code == "SWEGOV"


@pytest.mark.slow
def test_a_diplomat_is_not_placed_by_the_country_of_his_sentence(nlp: Language) -> None:
    # the place named beside an ambassador is as often where he serves as his own state
    doc = run(nlp, "Before the riots in Lima, Ambassador Maria Lind requested more guards.")
    lind = actor_of(doc, "Maria Lind")
    assert lind is not None and lind.country is None
    # a minister is placed so: "Foreign Minister X" beside Lima is Peru's
    doc = run(nlp, "Before the riots in Lima, Foreign Minister Javier Gonzalez resigned.")
    minister = actor_of(doc, "Javier Gonzalez")
    assert minister is not None and minister.country == "PER"


def run_with_place(nlp: Language, text: str, name: str) -> Doc:
    """``text`` through ``nlp`` with the last ``name`` tagged GPE before the actors
    component runs (the small model tags some lone surnames as places)."""
    from dotterel.pipeline import make_doc

    doc = make_doc(nlp, Article(text=text))
    for step, proc in nlp.pipeline:
        if step == "dotterel_actors":
            lo = text.rindex(name)
            span = doc.char_span(lo, lo + len(name), label="GPE")
            assert span is not None
            doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
        doc = proc(doc)
    return doc


@pytest.mark.slow
def test_a_bare_surname_the_ner_takes_for_a_place_is_the_person(nlp: Language) -> None:
    text = (
        "Ohio Gov. Walter Brannick declined to back the nominee. "
        "The senator criticized Brannick for breaking his pledge."
    )
    doc = run_with_place(nlp, text, "Brannick")
    full, bare = actor_of(doc, "Walter Brannick"), actor_of(doc, "Brannick")
    assert full is not None and bare is not None and full.id == bare.id
    assert full.code == "USAGOV"
    # after a place preposition, a town of the same name stays a place
    doc = run_with_place(nlp, text + " He held a rally in Brannick.", "Brannick")
    assert len([m for m in doc._.actor_mentions if m.text == "Brannick"]) == 1


@pytest.mark.slow
def test_the_party_s_spokesman_speaks_for_the_party(nlp: Language) -> None:
    doc = run(nlp, "WASHINGTON (AP) — The party's spokesman, Sam Pruitt, criticized the plan.")
    spokesman = actor_of(doc, "Sam Pruitt")
    assert spokesman is not None and spokesman.code == "USAPTY"
    # the government's spokesman stays the government's
    doc = run(nlp, "WASHINGTON (AP) — The government's spokesman, Sam Pruitt, denied it.")
    spokesman = actor_of(doc, "Sam Pruitt")
    assert spokesman is not None and spokesman.code == "USAGOV"


@pytest.mark.slow
def test_a_foreign_minister_in_a_us_story_keeps_his_country(nlp: Language) -> None:
    text = (
        "WASHINGTON (AP) — Mexican Foreign Minister Luis Arriaga met U.S. officials on "
        "Monday. Arriaga criticized the wall."
    )
    doc = run(nlp, text)
    full, bare = actor_of(doc, "Luis Arriaga"), actor_of(doc, "Arriaga")
    assert full is not None and bare is not None and full.id == bare.id
    assert full.code == "MEXGOV"


@pytest.mark.slow
def test_a_titled_person_is_not_placed_by_the_country_they_act_on(nlp: Language) -> None:
    doc = run(nlp, "WASHINGTON (AP) — Senator Jack Dorne criticized Iran on Monday.")
    senator = actor_of(doc, "Jack Dorne")
    assert senator is not None and senator.code == "USALEG"


@pytest.mark.slow
def test_the_destination_of_a_titled_persons_act_is_not_their_country(nlp: Language) -> None:
    # "Foreign Minister X will travel to Washington": not an American minister
    doc = run(nlp, "LIMA (Reuters) - Foreign Minister Javier Gonzalez will travel to Chile.")
    minister = actor_of(doc, "Javier Gonzalez")
    assert minister is not None and minister.country == "PER"
