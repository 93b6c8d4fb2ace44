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
