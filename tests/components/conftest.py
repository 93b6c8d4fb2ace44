"""Fixtures for the tests that run the events component alone: the bare spaCy model
and one events component (``base``, ``events``)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dotterel.components.events import EventsComponent
from dotterel.extensions import register_extensions
from dotterel.pipeline import BASE_MODEL


@pytest.fixture(scope="module")
def base() -> Language:
    register_extensions()
    return spacy.load(BASE_MODEL)


@pytest.fixture(scope="module")
def events(base: Language) -> EventsComponent:
    return EventsComponent(base, "dotterel_events")
