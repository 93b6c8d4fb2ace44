"""Implicit addressees of demands for laws (``components/events/_legislatures.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.events.harness import with_actors
from dotterel.components.events import EventsComponent
from dotterel.components.events._legislatures import (
    LegislativeDemands,
    default_legislative_demands,
)
from dotterel.model import Event

pytestmark = pytest.mark.slow

#: Actors of these tests: people and bodies of real countries.
PEOPLE = {
    "the Chilean senator": "CHLLEG",
    "Chilean activists": "CHLCVL",
    "the Chilean minister": "CHLGOV",
    "the Chilean parliament": "CHLLEG",
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
    rules = default_legislative_demands()
    assert rules.role == "LEG" and rules.codes
    assert "law" in rules.law_nouns and "pass" in rules.law_verbs and "repeal" in rules.law_acts


def test_rules_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "implicit.json"
    path.write_text(
        '{"legislative_demands": {"codes": ["10"], "law_nouns": ["Decree"]}}', encoding="utf-8"
    )
    rules = LegislativeDemands.load(path)
    assert rules.law_nouns == {"decree"} and rules.label == "(legislature)"
    assert rules.law_verbs == frozenset()


def test_a_proposal_to_adopt_a_law_is_made_to_the_legislature(base, events):
    text = "On Monday, the Chilean minister proposed to adopt the amendments to the tax law."
    evs = coded(base, events, text)
    assert demands(evs) == {("CHLGOV", "CHLLEG", ("target",))}
    (ev,) = [e for e in evs if e.event_type == "REQUEST"]
    assert ev.target_actor_id is None and ev.target_text == "(legislature)"


def test_a_call_for_the_repeal_of_a_law_is_made_to_the_legislature(base, events):
    evs = coded(base, events, "Chilean activists called for the repeal of the mining law.")
    assert demands(evs) == {("CHLCVL", "CHLLEG", ("target",))}


def test_a_named_addressee_stays(base, events):
    evs = coded(
        base, events, "Then the Chilean minister urged the Chilean parliament to pass the bill."
    )
    assert demands(evs) == {("CHLGOV", "CHLLEG", ())}


def test_a_demand_of_something_else_stays_without_addressee(base, events):
    evs = coded(base, events, "Then the Chilean minister proposed to adopt new rules for miners.")
    assert all(e.target_code is None for e in evs if e.event_type == "REQUEST")


def test_a_law_in_another_act_of_the_clause_is_not_demanded(base, events):
    # the law is in a relative clause of another act, not in the demand's own clause
    text = "Then the Chilean senator urged voters who had passed the law to act."
    assert all(not e.inferred for e in coded(base, events, text))
