"""Datelines (``geo/dateline.py``): the place name a news dateline opens with, in the
forms agencies write them, and nothing for ordinary sentences."""

from __future__ import annotations

import pytest

from dotterel.geo.dateline import find_dateline, find_datelines

STORY = "Gunmen attacked a checkpoint overnight."


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("KABUL (Reuters) - ", "KABUL"),
        ("KABUL, Afghanistan (Reuters) — ", "KABUL"),
        ("KABUL: ", "KABUL"),
        ("KABUL — ", "KABUL"),
        ("NEW DELHI — ", "NEW DELHI"),
        ("PORT-AU-PRINCE, Haiti - ", "PORT-AU-PRINCE"),
        ("ABUJA—", "ABUJA"),
        # with the date
        ("KABUL, Dec 5 (Reuters) - ", "KABUL"),
        ("KABUL, Dec. 5, 2020 (AP) — ", "KABUL"),
        ("KABUL, Afghanistan, Dec. 5, 2020 (AP) — ", "KABUL"),
        ("KABUL, Afghanistan, Dec 5 — ", "KABUL"),
        ("WASHINGTON, March 3 — ", "WASHINGTON"),
        ("BEIJING, 5 December 2020 (Xinhua) -- ", "BEIJING"),
        ("MOSCOW, April 5. /TASS/. ", "MOSCOW"),
        # a one-word agency with no dash after it
        ("KABUL (AFP) ", "KABUL"),
        # mixed case only with the agency
        ("Kabul (AFP) – ", "Kabul"),
        ("Kabul, Afghanistan, Dec 5 (Reuters) - ", "Kabul"),
        ("Kabul, December 5, 2020 (IANS): ", "Kabul"),
    ],
)
def test_dateline_forms(opening: str, place: str) -> None:
    text = opening + STORY
    found = find_dateline(text)
    assert found is not None and text[found[0] : found[1]] == place


def test_a_dateline_on_a_later_line() -> None:
    text = "A headline over the story\n\nISLAMABAD, Pakistan, Dec 5 (AP) — " + STORY
    found = find_dateline(text)
    assert found is not None and text[found[0] : found[1]] == "ISLAMABAD"


def test_a_bare_upper_case_opening() -> None:
    text = "LONDON The latest on the talks."
    assert [text[a:b] for a, b in find_datelines(text)] == ["LONDON"]


@pytest.mark.parametrize(
    "text",
    [
        "Kabul: " + STORY,  # mixed case without an agency is a sentence
        "The minister said - and others agreed.",
        "NATO allies met - and agreed.",
        "Officials in Kabul (Afghanistan) - said.",
        "NATO (North Atlantic Treaty Organization) Secretary General spoke.",
    ],
)
def test_sentences_are_not_datelines(text: str) -> None:
    assert find_datelines(text) == []
