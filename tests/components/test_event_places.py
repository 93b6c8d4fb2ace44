"""Event locations: the trigger's own place, then its clause's, then the dateline."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.model import Article, Event, TextSpan
from dotterel.pipeline import make_doc


def _event(doc: Doc, trigger: str) -> Event:
    """A bare event on the first occurrence of ``trigger`` (the events component's job
    is tested elsewhere; here we only need its records)."""
    start = doc.text.index(trigger)
    sent = doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    return Event(
        id=f"{doc._.article.id}-e0",
        trigger=TextSpan(start, start + len(trigger), trigger),
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        event_type="ASSAULT",
    )


def _place_of(nlp: Language, text: str, trigger: str) -> str | None:
    """Run the pipeline up to the places, add one event, run the event-place step."""
    doc = make_doc(nlp, Article(text=text))
    for name, proc in nlp.pipeline:
        if name == "dotterel_event_places":
            break
        doc = proc(doc)
    doc._.events = [_event(doc, trigger)]
    doc = nlp.get_pipe("dotterel_event_places")(doc)
    place_id = doc._.events[0].place_id
    if place_id is None:
        return None
    (place,) = [p for p in doc._.places if p.id == place_id]
    return place.text


@pytest.mark.slow
def test_locative_phrase_on_the_event_noun(nlp: Language) -> None:
    text = "Officials described a deadly assault in Farah province last October."
    place = _place_of(nlp, text, "assault")
    assert place is not None and place.startswith("Farah")


@pytest.mark.slow
def test_name_modifying_the_event_noun(nlp: Language) -> None:
    text = "The insurgents said the Kunduz offensive had cost them dozens of fighters."
    assert _place_of(nlp, text, "offensive") == "Kunduz"


@pytest.mark.slow
def test_locative_phrase_elsewhere_in_the_clause(nlp: Language) -> None:
    text = "Gunmen attacked two police checkpoints in Kandahar on Tuesday."
    assert _place_of(nlp, text, "attacked") == "Kandahar"


@pytest.mark.slow
def test_dateline_is_the_fallback(nlp: Language) -> None:
    text = "KABUL (Reuters) — Gunmen attacked a checkpoint overnight, the ministry said."
    assert _place_of(nlp, text, "attacked") == "KABUL"


@pytest.mark.slow
def test_origins_actors_and_demonyms_are_not_locations(nlp: Language) -> None:
    text = "Iranian commanders sent weapons from Moscow to the insurgents."
    assert _place_of(nlp, text, "sent") is None


def _place_and_source(nlp: Language, text: str, trigger: str) -> tuple[str | None, str | None]:
    """The full pipeline's event on ``trigger``: its place's text and ``place_source``."""
    from dotterel.pipeline import code

    coded = code(nlp, Article(text=text))
    event = next(e for e in coded.events if e.trigger.text == trigger)
    places = {p.id: p.text for p in coded.places}
    return places.get(event.place_id or ""), event.place_source


@pytest.mark.slow
def test_the_clause_place_beats_the_dateline(nlp: Language) -> None:
    text = (
        "KABUL (Reuters) — Taliban fighters attacked a police post in Kandahar on Sunday, "
        "officials said."
    )
    assert _place_and_source(nlp, text, "attacked") == ("Kandahar", "clause")


@pytest.mark.slow
def test_dateline_only_as_a_last_resort(nlp: Language) -> None:
    text = "KABUL (Reuters) — Taliban fighters attacked a police post on Sunday."
    assert _place_and_source(nlp, text, "attacked") == ("KABUL", "dateline")


@pytest.mark.slow
def test_agency_dateline_in_mixed_case(nlp: Language) -> None:
    text = "Kabul (AFP) – Taliban fighters attacked a police post on Sunday."
    assert _place_and_source(nlp, text, "attacked") == ("Kabul", "dateline")


@pytest.mark.slow
def test_episode_place_from_the_previous_sentence(nlp: Language) -> None:
    text = (
        "KABUL (Reuters) — Heavy fighting broke out in Kandahar on Sunday. "
        "Taliban fighters attacked a police post and killed four officers."
    )
    assert _place_and_source(nlp, text, "attacked") == ("Kandahar", "episode")


@pytest.mark.slow
def test_name_on_the_object_of_a_locative_phrase(nlp: Language) -> None:
    text = "Students protested at their Kandahar school on Monday."
    assert _place_of(nlp, text, "protested") == "Kandahar"


@pytest.mark.slow
def test_unknown_village_falls_back_to_its_province(nlp: Language) -> None:
    text = "Gunmen attacked the village of Qarzewal in Helmand province on Tuesday."
    place = _place_of(nlp, text, "attacked")
    assert place is not None and place.startswith("Helmand")


@pytest.mark.slow
def test_unknown_district_falls_back_to_the_named_unit(nlp: Language) -> None:
    text = "Gunmen attacked a checkpoint in the Qarzewal district of Kunar on Tuesday."
    place = _place_of(nlp, text, "attacked")
    assert place is not None and place.startswith("Kunar")


@pytest.mark.slow
def test_unknown_place_with_no_named_unit_keeps_its_name(nlp: Language) -> None:
    text = "KABUL (Reuters) — Gunmen attacked a checkpoint near Qarzewal on Tuesday."
    assert _place_and_source(nlp, text, "attacked") == ("Qarzewal", "clause")


@pytest.mark.slow
def test_province_naming_the_actor_places_the_event(nlp: Language) -> None:
    text = "The Herat police command said it would extend the amnesty to gunmen."
    place = _place_of(nlp, text, "extend")
    assert place is not None and place.startswith("Herat")


@pytest.mark.slow
def test_city_naming_the_recipient_places_the_event(nlp: Language) -> None:
    text = "Reporters telephoned the Kandahar No. 3 Detention Centre on Thursday."
    assert _place_of(nlp, text, "telephoned") == "Kandahar"


@pytest.mark.slow
def test_based_names_where_the_actor_is(nlp: Language) -> None:
    text = "A Kandahar-based militia ambushed a convoy on Monday."
    assert _place_of(nlp, text, "ambushed") == "Kandahar"


@pytest.mark.slow
def test_a_country_naming_the_actor_is_a_nationality_not_a_place(nlp: Language) -> None:
    for text in (
        "Russia's diplomats protested the decision on Monday.",
        "The Russian diplomats protested the decision on Monday.",
        "Kazakhstan officials protested the decision on Monday.",
    ):
        assert _place_of(nlp, text, "protested") is None, text


@pytest.mark.slow
def test_a_topic_modifier_is_not_a_place(nlp: Language) -> None:
    text = "The senator argued with the minister during the Kandahar hearing last week."
    assert _place_of(nlp, text, "argued") is None


@pytest.mark.slow
def test_part_of_a_place_gives_the_place(nlp: Language) -> None:
    text = "Gunmen attacked a convoy in the north of Helmand on Sunday."
    place = _place_of(nlp, text, "attacked")
    assert place is not None and place.startswith("Helmand")


@pytest.mark.slow
def test_the_province_stands_for_the_last_province_named(nlp: Language) -> None:
    # (in another paragraph, and not a locative phrase: not the episode's place)
    text = (
        "Helmand province grows most of the opium.\n\n"
        "Gunmen attacked a market in the province overnight."
    )
    place = _place_of(nlp, text, "attacked")
    assert place is not None and place.startswith("Helmand")


@pytest.mark.slow
def test_a_named_province_is_not_an_anaphor(nlp: Language) -> None:
    text = (
        "Officials in Helmand province counted the losses on Monday. "
        "Gunmen attacked a market in the province of Kunar overnight."
    )
    place = _place_of(nlp, text, "attacked")
    assert place is not None and "Kunar" in place


@pytest.mark.slow
def test_the_first_dateline_that_names_a_place(nlp: Language) -> None:
    text = "UPDATE: adds casualties\nKABUL, Dec. 5 (Reuters) — Taliban fighters attacked a post."
    assert _place_and_source(nlp, text, "attacked") == ("KABUL", "dateline")


@pytest.mark.slow
def test_a_foreign_statement_is_not_placed_at_the_dateline(nlp: Language) -> None:
    text = "LONDON (Reuters) — The Russian foreign ministry accused Britain of lying on Monday."
    assert _place_and_source(nlp, text, "accused") == (None, None)


@pytest.mark.slow
def test_a_home_statement_keeps_the_dateline(nlp: Language) -> None:
    text = "LONDON (Reuters) — The British foreign ministry accused Russia of lying on Monday."
    assert _place_and_source(nlp, text, "accused") == ("LONDON", "dateline")


@pytest.mark.slow
def test_a_foreign_deed_keeps_the_dateline(nlp: Language) -> None:
    text = "KABUL (Reuters) — Pakistani troops shelled a border post on Monday."
    assert _place_and_source(nlp, text, "shelled") == ("KABUL", "dateline")


@pytest.mark.slow
def test_news_from_a_place_places_what_it_reports(nlp: Language) -> None:
    text = "There was good news from Herat today – the provincial court released two reporters."
    place = _place_of(nlp, text, "released")
    assert place is not None and place.startswith("Herat")
    text = "Reports from Kandahar said gunmen had ambushed a convoy."
    assert _place_of(nlp, text, "ambushed") == "Kandahar"


@pytest.mark.slow
def test_from_is_otherwise_an_origin(nlp: Language) -> None:
    text = "A delegation from Kandahar met the minister on Monday."
    assert _place_of(nlp, text, "met") is None


@pytest.mark.slow
def test_the_lead_sentence_takes_the_place_the_next_one_states(nlp: Language) -> None:
    text = (
        "The party's spokesman has urged the chairman to resign. "
        "He spoke at a rally he addressed on Sunday in Kano, aides said.\n\n"
        "The chairman has not replied."
    )
    assert _place_of(nlp, text, "urged") == "Kano"


@pytest.mark.slow
def test_the_lead_after_a_headline(nlp: Language) -> None:
    text = (
        "Spokesman wants chairman out\n\n"
        "The party's spokesman has urged the chairman to resign. "
        "He spoke at a rally he addressed on Sunday in Kano, aides said."
    )
    assert _place_of(nlp, text, "urged") == "Kano"


@pytest.mark.slow
def test_a_later_sentence_does_not_place_a_sentence_inside_a_paragraph(nlp: Language) -> None:
    text = (
        "The talks began on Monday. The spokesman urged the chairman to resign. "
        "He later spoke at a rally in Kano."
    )
    assert _place_of(nlp, text, "urged") is None


def _typed(nlp: Language, text: str, trigger: str, event_type: str) -> str | None:
    """Like :func:`_place_of`, with the event's type set."""
    doc = make_doc(nlp, Article(text=text))
    for name, proc in nlp.pipeline:
        if name == "dotterel_event_places":
            break
        doc = proc(doc)
    event = _event(doc, trigger)
    event.event_type = event_type
    doc._.events = [event]
    doc = nlp.get_pipe("dotterel_event_places")(doc)
    places = {p.id: p.text for p in doc._.places}
    return places.get(doc._.events[0].place_id or "")


@pytest.mark.slow
def test_the_place_attacked_is_the_place_of_the_attack(nlp: Language) -> None:
    assert _typed(nlp, "Israeli jets struck Syria on Sunday.", "struck", "ASSAULT") == "Syria"
    assert _typed(nlp, "Kandahar was shelled overnight.", "shelled", "ASSAULT") == "Kandahar"
    text = "The bombing of Aleppo killed dozens."
    assert _typed(nlp, text, "bombing", "ASSAULT") == "Aleppo"


@pytest.mark.slow
def test_a_country_sanctioned_or_accused_is_not_a_place(nlp: Language) -> None:
    text = "The European Union sanctioned Syria on Sunday."
    assert _typed(nlp, text, "sanctioned", "SANCTION") is None
    text = "The minister accused Syria of lying."
    assert _typed(nlp, text, "accused", "ACCUSE") is None


@pytest.mark.slow
def test_a_visit_happens_where_it_goes(nlp: Language) -> None:
    text = "The minister flew to Kabul for talks with the president."
    assert _place_of(nlp, text, "talks") == "Kabul"
    text = "The army deployed two battalions to Herat on Friday."
    place = _place_of(nlp, text, "deployed")
    assert place is not None and place.startswith("Herat")


@pytest.mark.slow
def test_what_is_sent_to_a_place_is_not_placed_there(nlp: Language) -> None:
    text = "The government sent a letter to Kabul on Friday."
    assert _place_of(nlp, text, "sent") is None


@pytest.mark.slow
def test_the_sentence_before_in_the_paragraph_before_is_the_episode(nlp: Language) -> None:
    text = (
        "ISLAMABAD (Reuters) — A bomber killed twelve people in the port city of Karachi "
        "on Monday.\n\n"
        "Hours later gunmen stormed a crowded market."
    )
    assert _place_and_source(nlp, text, "stormed") == ("Karachi", "episode")


@pytest.mark.slow
def test_a_capital_pressed_is_its_government_not_a_place(nlp: Language) -> None:
    text = "Washington pressed Beijing to free the activists."
    assert _typed(nlp, text, "pressed", "COERCE") is None
