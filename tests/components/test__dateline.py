"""The datelines every component reads (``components/_dateline.py``): read once per
Doc, mapped to tokens, on openings written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from dotterel.components._dateline import (
    dateline_places,
    datelines,
    opening_dateline,
    opening_dateline_span,
)


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


@pytest.mark.parametrize(
    ("text", "first_after"),
    [
        ("HANOI (VNA) - Officials met.", "Officials"),
        ("Hanoi (VNA) – Officials met.", "Officials"),
        ("BAKU, Azerbaijan -- Officials met.", "Officials"),
        ("KABUL, Dec. 5, 2020 (AP) — Officials met.", "Officials"),
        ("MOSCOW, April 5. /TASS/. Officials met.", "Officials"),
        ("KABUL (AFP) Officials met.", "Officials"),
        ("Lagos: Officials met.", "Officials"),
        ("A headline\n\nKABUL (Reuters) - Officials met.", "Officials"),
        # a label above the dateline is no dateline
        ("The Latest: talks\n\nKABUL (AP) — Officials met.", "Officials"),
    ],
)
def test_the_opening_dateline_ends_before_the_story(
    blank: Language, text: str, first_after: str
) -> None:
    doc = blank(text)
    start, end = opening_dateline_span(doc)
    assert doc[end].text == first_after
    assert start < end


@pytest.mark.parametrize(
    "text",
    [
        "Officials met in Kabul - and agreed.",
        "The minister said - and others agreed.",
        "A\nB\nC\nD\nE\nKABUL (Reuters) - Officials met.",  # below the opening lines
    ],
)
def test_no_opening_dateline(blank: Language, text: str) -> None:
    doc = blank(text)
    assert opening_dateline_span(doc) == (0, 0)
    assert opening_dateline(doc) is None


def test_read_once_and_kept_serialisable(blank: Language) -> None:
    doc = blank("KABUL (Reuters) - Officials met.\n\nLAGOS (AFP) - Others met.")
    assert [doc.text[a:b] for a, b in dateline_places(doc)] == ["KABUL", "LAGOS"]
    assert all(isinstance(v, tuple) for v in doc.user_data["dotterel_datelines"])
    doc.user_data["dotterel_datelines"] = doc.user_data["dotterel_datelines"][:1]
    assert len(datelines(doc)) == 1  # the cached reading, not a second one
    doc.to_bytes()
