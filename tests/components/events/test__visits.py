"""Visits (``components/events/_visits.py``): the visitor is the source, the host the
target, also where the parse ties neither to the visit."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from components.events.harness import with_actors
from dotterel.components.events import EventsComponent
from dotterel.model import Event, Place

pytestmark = pytest.mark.slow

#: Actors of these tests: officials of real countries, so that their country is known.
OFFICIALS = {
    "The Peruvian president": "PERGOV",
    "the Peruvian president": "PERGOV",
    "Chilean Foreign Minister Soto": "CHLGOV",
    "the Chilean foreign minister": "CHLGOV",
    "The Chilean foreign minister": "CHLGOV",
    "Peru": "PER",
}


def coded(
    base: Language, events: EventsComponent, text: str, places: dict[str, str] | None = None
) -> list[Event]:
    """The events of ``text`` with :data:`OFFICIALS` as actors and ``places`` (name ->
    ISO alpha-2) as the places component's records."""
    doc = with_actors(base(text), OFFICIALS)
    doc._.places = [
        Place(id=f"p{i}", start=m.start(), end=m.end(), text=name, country_code=cc, level="city")
        for i, (name, cc) in enumerate((places or {}).items())
        for m in re.finditer(re.escape(name), text)
    ]
    return events(doc)._.events


def sides(evs: list[Event]) -> set[tuple[str, str | None, str | None, str | None]]:
    """(trigger, source code, target code, CAMEO code) of each event."""
    return {(e.trigger.text, e.source_code, e.target_code, e.cameo) for e in evs}


def test_a_visiting_official_received_by_a_host_visits_the_host(base, events):
    text = "The Peruvian president received visiting Chilean Foreign Minister Soto on Monday."
    assert sides(coded(base, events, text)) == {
        ("visiting", "CHLGOV", "PERGOV", "042"),  # the visitor makes the visit
        ("visiting", "PERGOV", "CHLGOV", "043"),  # and the receiver hosts it
    }


def test_a_reception_for_a_visiting_official(base, events):
    text = "The Peruvian president held a reception for visiting Chilean Foreign Minister Soto."
    assert sides(coded(base, events, text)) == {
        ("visiting", "CHLGOV", "PERGOV", "042"),
        ("visiting", "PERGOV", "CHLGOV", "043"),
    }


def test_a_meeting_with_a_visiting_official_keeps_its_object(base, events):
    text = "The Peruvian president met visiting Chilean Foreign Minister Soto on Monday."
    found = sides(coded(base, events, text))
    assert ("met", "PERGOV", "CHLGOV", "040") in found  # the meeting, once, as a meeting
    assert ("visiting", "CHLGOV", "PERGOV", "042") in found
    assert not any(cameo == "043" for *_, cameo in found)  # "met" codes the host's side


def test_the_subject_around_a_visit_noun_makes_the_visit(base, events):
    text = "During his visit to Peru, the Chilean foreign minister signed a trade deal."
    evs = [e for e in coded(base, events, text) if e.trigger.text == "visit"]
    assert [(e.source_code, e.target_code) for e in evs] == [("CHLGOV", "PER")]


def test_the_host_never_makes_the_visit_to_itself(base, events):
    text = "The Peruvian president met the Chilean foreign minister during his visit to Peru."
    evs = [e for e in coded(base, events, text) if e.trigger.text == "visit"]
    assert all(e.source_code != "PERGOV" for e in evs)


def test_a_visit_in_a_place_is_hosted_by_its_country(base, events):
    text = "Chilean Foreign Minister Soto's visit in Lima ended on Monday."
    evs = coded(base, events, text, {"Lima": "PE"})
    assert sides(evs) == {("visit", "CHLGOV", "PER", "042")}


def test_a_visit_in_the_visitors_own_country_has_no_host(base, events):
    text = "Chilean Foreign Minister Soto's visit in Valparaiso ended on Monday."
    evs = coded(base, events, text, {"Valparaiso": "CL"})
    assert all(e.target_code is None for e in evs)


def test_a_visit_with_no_destination_is_hosted_where_the_story_is_filed(nlp):
    doc = nlp("LIMA (Reuters) - Chilean Foreign Minister Soto's visit ended on Monday.")
    (ev,) = [e for e in doc._.events if e.trigger.text == "visit"]
    assert (ev.source_code or "")[:3] == "CHL" and ev.target_code == "PER"
    assert ev.inferred == ["target"]  # the dateline says where, not the sentence


def test_a_finite_visit_is_read_as_it_is(base, events):
    text = "The Chilean foreign minister is visiting Peru this week."
    assert sides(coded(base, events, text)) == {("visiting", "CHLGOV", "PER", "042")}


def test_a_participle_on_its_visitor(base, events):
    text = "Chilean Foreign Minister Soto, visiting Peru, signed a trade deal."
    assert ("visiting", "CHLGOV", "PER", "042") in sides(coded(base, events, text))


def test_a_plural_group_visiting_is_no_visitor_of_state(base, events):
    table_text = "Chilean tourists visiting Peru were robbed."
    evs = events(with_actors(base(table_text), {**OFFICIALS, "Chilean tourists": "CHLCVL"}))
    assert all(e.source_code != "CHLCVL" for e in evs._.events if e.trigger.text == "visiting")
