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


def test_a_congressional_report_is_the_legislatures(nlp: Language) -> None:
    text = (
        "WASHINGTON (Reuters) - A congressional report faulted the Federal Mining Bureau "
        "for its lax security on Tuesday."
    )
    evs = code(nlp, Article(text=text)).events
    assert any(e.source_code == "USALEG" and "source" in e.inferred for e in evs)


def test_it_after_a_quoted_report_is_the_report(nlp: Language) -> None:
    text = (
        "WASHINGTON (Reuters) - Ten servers of the Federal Mining Bureau were hacked, the "
        "congressional report said. It accused the Federal Mining Bureau of trying to hide "
        "the hacks."
    )
    accusation = next(e for e in code(nlp, Article(text=text)).events if e.event_type == "ACCUSE")
    assert accusation.source_code == "USALEG"
    assert (accusation.target_code or "").startswith("USA")


def test_a_report_with_no_issuer_word_and_no_dateline_stays_unattributed(nlp: Language) -> None:
    text = "Ten servers were hacked, the report said. It accused the mining bureau of lying."
    evs = code(nlp, Article(text=text)).events
    assert all(e.source_code is None for e in evs if e.event_type == "ACCUSE")
