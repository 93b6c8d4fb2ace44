"""Frames of blame and removal (``components/events/_frames.py``): who did an act that
its own phrase names no agent for."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from components.events.harness import with_actors
from dotterel.components.events import EventsComponent
from dotterel.components.events._frames import FrameWords, default_frame_words
from dotterel.model import Event

pytestmark = pytest.mark.slow

#: Actors of these tests: real country codes, so that a state's government can be told.
STATES = {
    "Canada": "CAN",
    "Peru": "PER",
    "Chile": "CHL",
    "Chilean diplomats": "CHLGOV",
    "Chilean": "CHL",
    "Peruvian rebels": "PERREB",
}


def coded(base: Language, events: EventsComponent, text: str) -> list[Event]:
    return events(with_actors(base(text), STATES))._.events


def act(evs: list[Event], trigger: str) -> Event:
    """The one event whose trigger is ``trigger``."""
    (ev,) = [e for e in evs if e.trigger.text == trigger]
    return ev


def test_words_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "frames.json"
    path.write_text('{"blame_verbs": ["Blame"], "visit_lemmas": ["visit"]}', encoding="utf-8")
    words = FrameWords.load(path)
    assert words.blame_verbs == {"blame"} and not words.act_preps
    assert words.host_code == "043"  # CAMEO "host a visit" by default
    assert "responsible" in default_frame_words().responsibility_words


@pytest.mark.parametrize(
    "text",
    [
        "Canada blamed Peru for the bombing of the market.",
        "Canada accused Peru of the bombing of the market.",
        "Peru was blamed for the bombing of the market.",
        "Canada blamed the bombing of the market on Peru.",
    ],
)
def test_the_blamed_did_the_act_they_are_blamed_for(base, events, text):
    ev = act(coded(base, events, text), "bombing")
    assert (ev.source_code, ev.event_type) == ("PER", "ASSAULT")
    # blame alleges the act: it is not asserted
    assert ev.modality == "hedged"


@pytest.mark.parametrize(
    "text",
    [
        "Peru was responsible for the bombing of the market.",
        "Peru was behind the bombing of the market.",
        "Peru was involved in the bombing of the market.",
        "Canada held Peru responsible for the bombing of the market.",
        "Peru's involvement in the bombing of the market surprised nobody.",
        "Peru claimed responsibility for the bombing of the market.",
        "Peru took part in the bombing of the market.",
        "Peru played a role in the bombing of the market.",
        "Peru participated in the bombing of the market.",
    ],
)
def test_a_predicate_or_noun_of_responsibility_names_the_agent(base, events, text):
    ev = act(coded(base, events, text), "bombing")
    assert (ev.source_code, ev.event_type) == ("PER", "ASSAULT")


def test_blame_through_a_noun_of_responsibility(base, events):
    evs = coded(base, events, "Canada accused Peru of involvement in the bombing of the market.")
    ev = act(evs, "bombing")
    assert ev.source_code == "PER" and ev.modality == "hedged"
    assert act(evs, "accused").target_code == "PER"  # the accusation itself is untouched


def test_a_negated_frame_names_no_agent(base, events):
    evs = coded(base, events, "Peru was not behind the bombing of the market.")
    assert all(e.source_code != "PER" for e in evs if e.trigger.text == "bombing")


def test_a_modal_over_the_frame_hedges_the_act(base, events):
    ev = act(coded(base, events, "Peru may have been behind the bombing of the market."), "bombing")
    assert ev.source_code == "PER" and ev.modality == "hedged"


def test_a_denied_role_is_a_denied_act(base, events):
    ev = act(coded(base, events, "Peru's involvement in the bombing was denied."), "bombing")
    assert ev.source_code == "PER" and ev.modality == "denied"


def test_an_act_with_its_own_source_keeps_it(base, events):
    evs = coded(base, events, "Canada blamed Peru for the Chilean bombing of the market.")
    assert act(evs, "bombing").source_code == "CHL"


def test_only_material_acts_are_framed(base, events):
    # one is involved in a bombing, not "in an appeal": that act keeps no frame agent
    evs = coded(base, events, "Peru was involved in the appeal to Chile.")
    assert all(e.source_code != "PER" for e in evs if e.trigger.text == "appeal")


def test_a_framed_act_reported_before_is_that_event_again(base, events):
    text = (
        "The bombing of the market killed ten Chilean people. Canada blamed Peru for the bombing."
    )
    evs = coded(base, events, text)
    assert [e for e in evs if e.trigger.text == "bombing" and e.source_code == "PER"] == []


def test_a_state_that_removes_acts_through_its_government(base, events):
    for text in (
        "The Chilean diplomats were expelled from Canada on Monday.",
        "The Chilean diplomats who were expelled from Canada left on Monday.",
        "The expulsion of the Chilean diplomats from Canada angered Chile.",
    ):
        ev = next(e for e in coded(base, events, text) if e.event_type == "SANCTION")
        assert (ev.source_code, ev.target_code) == ("CANGOV", "CHLGOV"), text


def test_the_from_phrase_of_a_removal_is_never_its_target(base, events):
    evs = coded(base, events, "The diplomats expelled from Peru left on Friday.")
    ev = act(evs, "expelled")
    assert ev.source_code == "PERGOV" and ev.target_code is None and not ev.inferred


def test_a_removal_from_something_else_keeps_its_code(base, events):
    table = {**STATES, "the Andean Pact": "IGOAND"}
    doc = events(with_actors(base("Peru was suspended from the Andean Pact."), table))
    (ev,) = doc._.events
    assert ev.source_code == "IGOAND"


def test_a_hedging_verb_over_the_frame_hedges_the_act(base, events):
    text = "Peru is believed to be behind the bombing of the market."
    ev = act(coded(base, events, text), "bombing")
    assert ev.source_code == "PER" and ev.modality == "hedged"


def test_a_relative_clause_frame_names_its_antecedent(base, events):
    text = "Peru, which was behind the bombing of the market, denied it."
    assert act(coded(base, events, text), "bombing").source_code == "PER"


def test_a_frame_of_blame_over_any_material_act(base, events):
    ev = act(coded(base, events, "Canada criticized Peru for the crackdown."), "crackdown")
    assert (ev.source_code, ev.modality) == ("PER", "hedged")


def test_a_denied_responsibility_is_a_denied_act(base, events):
    evs = coded(base, events, "Peru denied responsibility for the bombing of the market.")
    ev = act(evs, "bombing")
    assert ev.source_code == "PER" and ev.modality == "denied"


def test_a_negated_blame_names_no_agent(base, events):
    evs = coded(base, events, "Canada did not blame Peru for the bombing of the market.")
    assert all(e.source_code != "PER" for e in evs if e.trigger.text == "bombing")
