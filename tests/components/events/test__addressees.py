"""Implicit addressees of prosecutors' demands (``components/events/_addressees.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.events.harness import with_actors
from dotterel.components.events import EventsComponent
from dotterel.components.events._addressees import PenaltyDemands, default_penalty_demands
from dotterel.model import Event

pytestmark = pytest.mark.slow

#: Actors of these tests: prosecutors and people of real countries.
PEOPLE = {
    "Chilean prosecutors": "CHLJUD",
    "Chilean activists": "CHLCVL",
    "the Chilean senator": "CHLLEG",
    "Peru": "PER",
}


def coded(base: Language, events: EventsComponent, text: str) -> list[Event]:
    doc: Doc = with_actors(base(text), PEOPLE)
    return events(doc)._.events


def demands(evs: list[Event]) -> set[tuple[str | None, str | None, tuple[str, ...]]]:
    """(source code, target code, inferred sides) of each REQUEST event."""
    asked = [e for e in evs if e.event_type == "REQUEST"]
    return {(e.source_code, e.target_code, tuple(e.inferred)) for e in asked}


def test_the_table_loads() -> None:
    rules = default_penalty_demands()
    assert "JUD" in rules.source_roles and "sentence" in rules.penalty_nouns
    assert rules.role == "JUD" and rules.codes


def test_rules_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "implicit.json"
    path.write_text(
        '{"penalty_demands": {"codes": ["10"], "source_roles": ["jud"],'
        ' "penalty_nouns": ["Fine"]}}',
        encoding="utf-8",
    )
    rules = PenaltyDemands.load(path)
    assert rules.source_roles == {"JUD"} and rules.penalty_nouns == {"fine"}
    assert rules.label == "(court)"


def test_a_demand_for_a_sentence_is_made_to_the_court(base, events):
    text = "Chilean prosecutors asked for the former mayor to receive a twelve-year sentence."
    evs = coded(base, events, text)
    assert demands(evs) == {("CHLJUD", "CHLJUD", ("target",))}
    (ev,) = [e for e in evs if e.event_type == "REQUEST"]
    assert ev.target_actor_id is None and ev.target_text == "(court)"


def test_a_demanded_penalty_is_not_the_addressee(base, events):
    evs = coded(base, events, "Chilean prosecutors demanded the death penalty for the bomber.")
    assert demands(evs) == {("CHLJUD", "CHLJUD", ("target",))}


def test_a_demand_of_something_else_stays_without_addressee(base, events):
    evs = coded(base, events, "Chilean prosecutors urged residents to report the fraud.")
    assert all(not e.inferred for e in evs)


def test_a_named_addressee_is_kept(base, events):
    text = "Chilean prosecutors asked Peru to extradite the banker to serve his prison sentence."
    evs = coded(base, events, text)
    assert all("target" not in e.inferred for e in evs)


def test_only_prosecutors_ask_the_court(base, events):
    text = "Chilean activists asked for the former mayor to receive a twelve-year sentence."
    evs = coded(base, events, text)
    assert all(not e.inferred for e in evs)


def test_a_refusal_answers_the_subject_of_its_reason_clause(base, events):
    text = "Chilean activists refused to attend after Peru decided to allow cameras."
    evs = coded(base, events, text)
    assert ("CHLCVL", "PER") in {
        (e.source_code, e.target_code) for e in evs if e.event_type == "REJECT"
    }


def test_a_refusal_with_its_own_target_or_another_clause_is_left_alone(base, events):
    text = "Chilean activists rejected Peru's offer after the Chilean senator decided to wait."
    evs = coded(base, events, text)
    rejects = {(e.source_code, e.target_code) for e in evs if e.event_type == "REJECT"}
    assert ("CHLCVL", "PER") in rejects and ("CHLCVL", "CHLLEG") not in rejects
    # "as" reports speech, it gives no reason
    text = "Chilean activists refused to attend, as Peru reported on Monday."
    evs = coded(base, events, text)
    assert all(e.target_code != "PER" for e in evs if e.event_type == "REJECT")
