"""Addressees of reactions that name none (``components/events/_counterparts.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.events.harness import run, with_actors
from dotterel.components.events._counterparts import (
    DiscourseAddressees,
    default_discourse_addressees,
)

pytestmark = pytest.mark.slow


def test_the_table_loads() -> None:
    rules = default_discourse_addressees()
    assert "12" in rules.codes and rules.sentences > 0
    assert set(rules.addressed_codes) <= set(rules.codes)


def test_rules_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "implicit.json"
    path.write_text('{"discourse_addressees": {"codes": ["12"], "sentences": 2}}', "utf-8")
    rules = DiscourseAddressees.load(path)
    assert rules.codes == ("12",) and rules.sentences == 2 and rules.addressed_codes == ()


def _sides(evs, trigger):
    return [(e.source_code, e.target_code) for e in evs if e.trigger.text == trigger]


def test_a_rejection_naming_no_one_answers_the_last_counterpart(base, events):
    for text in (
        "Peru accused Chile of spying on Monday. Chile refused to apologize.",
        "Peru demanded compensation from Chile. Chile refused.",
        "Peru criticized Chile on Monday. Chile refused to back down.",
    ):
        assert _sides(run(base, events, text), "refused") == [("CHL", "PER")]


def test_words_that_name_no_actor_are_what_is_reacted_to(base, events):
    text = "Peru criticized Chile on Monday. Chile opposed the new tariffs."
    assert _sides(run(base, events, text), "opposed") == [("CHL", "PER")]


def test_an_exchange_too_far_back_is_not_continued(base, events):
    text = (
        "Peru accused Chile of spying. The weather was fine. The roads were open. "
        "The shops were busy. Later, Chile refused to apologize."
    )
    assert all(t is None for _s, t in _sides(run(base, events, text), "refused"))


def test_an_appeals_uncoded_object_stays_its_addressee(base, events):
    text = "Peru accused Chile of spying on Monday. Then Chile urged the miners to stay calm."
    assert all(t != "PER" for _s, t in _sides(run(base, events, text), "urged"))


def test_a_reaction_not_yet_made_takes_no_counterpart(base, events):
    text = "Peru criticized Chile on Monday. Chile plans to reject the new tariffs."
    assert all(t != "PER" for _s, t in _sides(run(base, events, text), "reject"))


def test_civilians_carry_no_exchange(base, events):
    # one code for many people: the protesters urged before are not the family that sues
    doc = with_actors(
        base("Peru urged the protesters to go home. The family refused."),
        {"Peru": "PER", "the protesters": "PERCVL", "The family": "PERCVL"},
    )
    evs = events(doc)._.events
    assert all(t is None for _s, t in _sides(evs, "refused"))
