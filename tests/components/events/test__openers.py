"""Subjects swallowed by an opening phrase (``components/events/_openers.py``)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.events.harness import with_actors
from dotterel.components.events import EventsComponent
from dotterel.components.events._openers import swallowed_subject
from dotterel.model import Event

pytestmark = pytest.mark.slow

PEOPLE = {"Lopez": "CHLLEG", "Peru": "PER", "the governor": "CHLGOV"}


def coded(base: Language, events: EventsComponent, text: str) -> list[Event]:
    doc: Doc = with_actors(base(text), PEOPLE)
    return events(doc)._.events


def test_a_name_the_opening_phrase_took_is_the_subject(base, events):
    # no comma after "During the primary": the parser reads "the primary Lopez"
    text = "During the primary Lopez, pressed by rivals, came out against Peru."
    doc = base(text)
    name = swallowed_subject(next(t for t in doc if t.lower_ == "came"))
    assert name is not None and name.text == "Lopez"
    evs = coded(base, events, text)
    assert any(e.source_code == "CHLLEG" for e in evs if e.trigger.text == "came")


def test_a_verb_with_its_own_subject_keeps_it(base, events):
    doc = base("During the visit of the young Lopez the governor criticized Peru.")
    verb = next(t for t in doc if t.lower_ == "criticized")
    assert swallowed_subject(verb) is None


def test_an_opening_phrase_with_a_comma_is_left_alone(base, events):
    doc = base("After the vote, Lopez criticized Peru.")
    verb = next(t for t in doc if t.lower_ == "criticized")
    assert swallowed_subject(verb) is None
