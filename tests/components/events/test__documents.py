"""A document that speaks is its author (``components/events/_documents.py``), on
sentences written for these tests through the full pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.model import Article
from dotterel.pipeline import code

pytestmark = pytest.mark.slow


def test_the_report_is_its_issuer(nlp: Language) -> None:
    text = (
        "Human Rights Watch released a report on Tuesday. "
        "The report accused the Egyptian police of torturing detainees."
    )
    accusation = next(e for e in code(nlp, Article(text=text)).events if e.event_type == "ACCUSE")
    assert accusation.source_code == "NGOHRW"
    assert (accusation.target_code or "").startswith("EGY")


def test_a_report_nobody_issued_stays_unattributed(nlp: Language) -> None:
    text = "The report accused the Egyptian police of torturing detainees."
    accusation = next(e for e in code(nlp, Article(text=text)).events if e.event_type == "ACCUSE")
    assert accusation.source_code is None
