"""Name spans (components/actors/_name_spans.py): PERSON entities the NER cuts short or
mislabels after a title, and titles coordinated before one name; on sentences written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run
from dotterel.model import Article
from dotterel.pipeline import make_doc


def actor_of(doc: Doc, text: str) -> tuple[str | None, str | None, str | None]:
    """(code, kind, name) of the actor of the first mention reading ``text``."""
    actors = {a.id: a for a in doc._.actors}
    for m in doc._.actor_mentions:
        if m.text == text and m.actor_id in actors:
            a = actors[m.actor_id]
            return a.code, a.kind, a.name
    return None, None, None


def ids_of(doc: Doc, text: str) -> set[str | None]:
    return {m.actor_id for m in doc._.actor_mentions if m.text == text}


@pytest.mark.slow
def test_a_cut_name_runs_on_over_the_next_capitalised_word(nlp: Language) -> None:
    doc = run(nlp, "Hanoi (VNA) - Minister Vo Thanh Son welcomed the delegation on Monday.")
    assert "Vo Thanh Son" in {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert actor_of(doc, "Vo Thanh Son") == ("VNMGOV", "person", "Vo Thanh Son")


@pytest.mark.slow
def test_a_title_case_headline_does_not_lengthen_names(nlp: Language) -> None:
    doc = run(nlp, "Minister Vo Thanh Son Meets Envoy In Hanoi")
    persons = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert not any("Meets" in p for p in persons)


@pytest.mark.slow
def test_coordinated_titles_before_a_name_are_the_name_s(nlp: Language) -> None:
    text = (
        "Deputy Prime Minister and Foreign Minister Ahmad Faisal Rahman received his "
        "Thai counterpart Anong Pradit in Kuala Lumpur on Tuesday."
    )
    doc = run(nlp, text)
    person = ids_of(doc, "Ahmad Faisal Rahman")
    assert len(person) == 1
    assert ids_of(doc, "Deputy Prime Minister") == person
    assert ids_of(doc, "Foreign Minister") == person
    assert actor_of(doc, "Ahmad Faisal Rahman")[1] == "person"


@pytest.mark.slow
def test_a_title_and_mrs_are_not_coordinated_titles(nlp: Language) -> None:
    doc = run(nlp, "The President and Mrs Clara Venn will visit Kenya in May.")
    assert ids_of(doc, "President") != ids_of(doc, "Clara Venn") or not ids_of(doc, "President")


@pytest.mark.slow
def test_a_counterpart_and_the_name_after_it_are_one_person(nlp: Language) -> None:
    text = (
        "Hanoi (VNA) - Foreign Minister Nguyen Duc Kien held talks with his Philippine "
        "counterpart Maria Santos Reyes in Hanoi on Friday."
    )
    doc = run(nlp, text)
    assert actor_of(doc, "Maria Santos Reyes") == ("PHLGOV", "person", "Maria Santos Reyes")
    assert ids_of(doc, "Philippine counterpart") == ids_of(doc, "Maria Santos Reyes")
    assert actor_of(doc, "Nguyen Duc Kien")[0] == "VNMGOV"


def run_with_label(nlp: Language, text: str, name: str, label: str) -> Doc:
    """``text`` through ``nlp`` with the NER's entity over ``name`` relabelled ``label``
    before the actors component runs (the small model's label varies with the context)."""
    doc = make_doc(nlp, Article(text=text))
    for step, proc in nlp.pipeline:
        if step == "dotterel_actors":
            lo = text.index(name)
            span = doc.char_span(lo, lo + len(name), label=label)
            assert span is not None
            doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
        doc = proc(doc)
    return doc


@pytest.mark.slow
def test_a_name_after_a_person_title_is_a_person_whatever_its_label(nlp: Language) -> None:
    # the small model tags some names after "counterpart" as organisations
    text = (
        "Jakarta (Antara) - Minister Budi Santoso met his Vietnamese counterpart "
        "Retna Wulandari in Jakarta on Monday. Wulandari paid a courtesy call on the speaker."
    )
    doc = run_with_label(nlp, text, "Retna Wulandari", "ORG")
    code, kind, _ = actor_of(doc, "Retna Wulandari")
    assert (code, kind) == ("VNMGOV", "person")
    assert ids_of(doc, "Wulandari") == ids_of(doc, "Retna Wulandari")
    # after a title, not in apposition to one, the same
    doc = run_with_label(nlp, "Foreign Minister Dewi Kartika visited Hanoi.", "Dewi Kartika", "ORG")
    assert actor_of(doc, "Dewi Kartika")[1] == "person"


@pytest.mark.slow
def test_an_organisation_after_a_title_word_keeps_its_label(nlp: Language) -> None:
    # an office word in the name ("Ministry", "Foundation") says it is a body
    text = "The minister Harbour Foundation gave a grant to the school."
    doc = run_with_label(nlp, text, "Harbour Foundation", "ORG")
    assert actor_of(doc, "Harbour Foundation")[1] != "person"


@pytest.mark.slow
def test_a_surname_continues_the_repaired_full_name(nlp: Language) -> None:
    text = (
        "Hanoi (VNA) - Deputy Prime Minister and Foreign Minister Vo Thanh Son received "
        "the Lao ambassador on Monday.\n\nSon thanked Laos for its support."
    )
    doc = run(nlp, text)
    assert ids_of(doc, "Son") == ids_of(doc, "Vo Thanh Son")
    assert len(ids_of(doc, "Son")) == 1


@pytest.mark.slow
def test_an_institution_before_a_name_does_not_make_it_a_person(nlp: Language) -> None:
    doc = run(nlp, "The ministry Greenfield Holdings signed the contract in Lagos.")
    assert actor_of(doc, "Greenfield Holdings")[1] != "person"


@pytest.mark.slow
def test_a_name_the_ner_starts_one_word_late_takes_the_word_before(nlp: Language) -> None:
    text = "Vietnamese Ambassador Le Quy Quynh met the governor. Quynh praised the state."
    doc = run_with_label(nlp, text, "Quy Quynh", "PERSON")
    assert "Le Quy Quynh" in {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert actor_of(doc, "Le Quy Quynh")[0] == "VNMGOV"
    assert ids_of(doc, "Quynh") == ids_of(doc, "Le Quy Quynh")


@pytest.mark.slow
def test_a_person_entity_of_title_words_is_no_name(nlp: Language) -> None:
    text = (
        "Beijing (Xinhua) - Chinese State Councilor and Foreign Minister Zhao Minghui met "
        "visiting Kenyan Foreign Minister Grace Wanjiru on Tuesday."
    )
    doc = run_with_label(nlp, text, "Councilor", "PERSON")
    assert "Councilor" not in {e.text for e in doc.ents}
    assert ids_of(doc, "State Councilor") == ids_of(doc, "Zhao Minghui")
    assert actor_of(doc, "Zhao Minghui")[0] == "CHNGOV"
    assert actor_of(doc, "Grace Wanjiru")[0] == "KENGOV"


@pytest.mark.slow
def test_a_place_name_inside_a_titled_name_is_the_name(nlp: Language) -> None:
    doc = run(nlp, "President Ana Lima of Peru met officials in Lima.")
    assert actor_of(doc, "Ana Lima") == ("PERGOV", "person", "Ana Lima")
    assert "Lima" not in {m.text for m in doc._.actor_mentions}


@pytest.mark.slow
def test_a_name_after_a_title_and_its_prepositional_phrase_is_the_title_holder(
    nlp: Language,
) -> None:
    # the parse hangs the name on "United Nations": the title is still the ambassador's
    text = (
        "The Kenyan ambassador to the United Nations, Amina Wekesa, accused Sudan of "
        "arming the militias. Wekesa said the council should act."
    )
    doc = run_with_label(nlp, text, "Amina Wekesa", "ORG")
    code, kind, _ = actor_of(doc, "Amina Wekesa")
    assert (code, kind) == ("KENGOV", "person")
    assert ids_of(doc, "Wekesa") == ids_of(doc, "Amina Wekesa")
    assert ids_of(doc, "The Kenyan ambassador") == ids_of(doc, "Amina Wekesa")


@pytest.mark.slow
def test_two_person_entities_a_space_apart_are_one_name(nlp: Language) -> None:
    # the small model cuts "Hassan Sheikh | Mohamud"; the title is the whole name's
    doc = run(nlp, "Somali President Hassan Sheikh Mohamud met the Kenyan envoy on Monday.")
    assert "Hassan Sheikh Mohamud" in {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert actor_of(doc, "Hassan Sheikh Mohamud")[0] == "SOMGOV"
