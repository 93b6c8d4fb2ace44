"""Fixture for the actors tests: the bare spaCy model with the actors component."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dotterel.pipeline import BASE_MODEL


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("dotterel_actors")
    return nlp
