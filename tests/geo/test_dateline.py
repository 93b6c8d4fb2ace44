"""Datelines (``geo/dateline.py``): the place name a news dateline opens with, in the
forms agencies write them, and nothing for ordinary sentences."""

from __future__ import annotations

import pytest

from dotterel.geo.dateline import find_dateline, find_datelines, read_datelines

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
        # a byline run onto the dateline's line
        ("By Ann Lee. KABUL (Reuters) - ", "KABUL"),
        ("By Ann B. Lee. KABUL — ", "KABUL"),
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


def test_the_whole_dateline_and_its_agency() -> None:
    text = "KABUL, Afghanistan, Dec. 5, 2020 (AP) — " + STORY
    [found] = read_datelines(text)
    assert text[found.start : found.end] == "KABUL"
    assert text[found.close :].lstrip() == STORY
    assert found.agency and not found.named_only
    assert found.agency == "AP"
    text = "MOSCOW, April 5. /TASS/. " + STORY
    [found] = read_datelines(text)
    assert found.agency and text[found.close :].lstrip() == STORY
    assert found.agency == "TASS"
    [found] = read_datelines("KABUL — " + STORY)
    assert not found.agency


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("Lagos: ", "Lagos"),
        ("Baku, Azerbaijan -- ", "Baku"),
        ("New Delhi, Dec 5: ", "New Delhi"),
        ("Hanoi – ", "Hanoi"),
    ],
)
def test_a_mixed_case_name_without_an_agency_needs_the_place_known(
    opening: str, place: str
) -> None:
    # Indian and African papers write their datelines so; a sentence can open so too
    # ("Update: ..."), so the reading is marked for the reader to check the place
    text = opening + STORY
    [found] = read_datelines(text)
    assert text[found.start : found.end] == place and found.named_only
    assert text[found.close :].lstrip() == STORY
    assert find_datelines(text) == []


def test_a_mixed_case_name_is_read_in_the_opening_lines_only() -> None:
    text = "A headline\nBy A. Writer\n\nLagos: " + STORY
    assert [d.named_only for d in read_datelines(text)] == [True]
    text = "A headline\n\nA first paragraph.\n\nA second one.\n\nLagos: " + STORY
    assert read_datelines(text) == []
