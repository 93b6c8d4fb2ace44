"""Finished events, one per actor pair (``components/events/_event_pairs.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, with_actors
from dotterel.components.events._event_pairs import restatements_dropped
from dotterel.model import Event, TextSpan

pytestmark = pytest.mark.slow


def test_coordinated_verbs_of_one_type_between_the_same_actors_are_one_event(base, events):
    # "expel ... and close ...": one SANCTION of Chile by Canada in the clause
    evs = run(
        base,
        events,
        "Canada decided to expel Chilean diplomats and to close the Chilean consulate in Toronto.",
    )
    sanctions = [e for e in evs if e.event_type == "SANCTION"]
    assert [(e.source_code, e.target_code) for e in sanctions] == [("CAN", "CHL")]


def test_coordinated_institutions_of_one_country_are_one_actor(base, events):
    # "the party, the government and the people of Vietnam value ties": one act of Vietnam
    doc = with_actors(
        base("The parliament, the cabinet and the army of Peru condemned Chile on Monday."),
        {"parliament": "PERLEG", "cabinet": "PERGOV", "army of Peru": "PERMIL", "Chile": "CHL"},
        per_name=True,
    )
    evs = [e for e in events(doc)._.events if e.event_type == "ACCUSE"]
    assert [(e.source_text, e.target_code) for e in evs] == [("The parliament", "CHL")]


def test_coordinated_countries_stay_one_event_each(base, events):
    # "Britain and France expelled diplomats": two dyads, one per country
    evs = run(base, events, "Canada and Peru condemned Chile on Monday.")
    assert {(e.source_code, e.target_code) for e in evs if e.event_type == "ACCUSE"} == {
        ("CAN", "CHL"),
        ("PER", "CHL"),
    }


def test_coordinated_targets_of_one_country_are_one_target(base, events):
    doc = with_actors(
        base("Canada condemned the Chilean army and the Chilean police on Monday."),
        {"Canada": "CAN", "Chilean army": "CHLMIL", "Chilean police": "CHLCOP"},
        per_name=True,
    )
    evs = [e for e in events(doc)._.events if e.event_type == "ACCUSE"]
    assert [(e.source_code, e.target_code) for e in evs] == [("CAN", "CHLMIL")]


def test_same_codes_but_other_actors_stay_two_events(base, events):
    # "Obama endorsed Clinton and Biden endorsed Sanders": one code each side, four people
    doc = with_actors(
        base("Gondor praised Arnor, and Rohan praised Brazil."),
        {"Gondor": "USA", "Arnor": "CHL", "Rohan": "USA", "Brazil": "CHL"},
        per_name=True,
    )
    evs = [e for e in events(doc)._.events if e.event_type == "SUPPORT"]
    assert {(e.source_text, e.target_text) for e in evs} == {
        ("Gondor", "Arnor"),
        ("Rohan", "Brazil"),
    }


def test_the_same_pair_in_two_uncoordinated_clauses_stays(base, events):
    # not coordinated: a headline run into the body ("X rejects claim it supplied Y ...
    # X rejected accusations that it had supplied Y") keeps both mentions
    evs = run(
        base,
        events,
        "Canada says Peru attacked Chile after officials said that Peru attacked Chile.",
    )
    assert len([e for e in evs if e.event_type == "ASSAULT"]) == 2


def test_symmetric_event_restated_with_the_sides_swapped_is_one_event(base, events):
    # "Canada and Peru met ... Peru and Canada met": one meeting, told twice
    evs = run(
        base,
        events,
        "Canada and Peru met in Lima on Monday. Peru and Canada met to discuss fishing rights.",
    )
    meetings = [e for e in evs if e.event_type == "CONSULT"]
    assert [(e.source_code, e.target_code, e.symmetric) for e in meetings] == [("CAN", "PER", True)]


def _assault(sent: int, source: str | None, target: str | None) -> Event:
    """An ASSAULT noun event in sentence ``sent`` (100 characters a sentence)."""
    return Event(
        id="",
        trigger=TextSpan(sent * 100 + 1, sent * 100 + 7, "attack"),
        sentence=TextSpan(sent * 100, sent * 100 + 50, "..."),
        event_type="ASSAULT",
        source_code=source,
        target_code=target,
    )


def test_a_framed_act_repeating_an_earlier_one_is_that_event():
    first = _assault(0, None, "ARN")
    blamed_same = _assault(1, "GON", "ARN")  # "X blamed Gondor for the attack on Arnor"
    blamed_bare = _assault(2, "GON", None)  # "... for the attack": no target, same type
    nouns = {e.trigger.start for e in (first, blamed_same, blamed_bare)}
    framed = {blamed_same.trigger.start, blamed_bare.trigger.start}
    assert restatements_dropped([first, blamed_same, blamed_bare], nouns, framed) == [first]
    # without a frame a noun with its own source is a new act ("Gondor's attack on Arnor")
    assert restatements_dropped([first, blamed_same], nouns) == [first, blamed_same]


def test_a_framed_act_with_nothing_before_it_stays():
    only = _assault(1, "GON", None)
    assert restatements_dropped([only], {only.trigger.start}, {only.trigger.start}) == [only]


def test_a_definite_event_noun_repeats_an_earlier_act_on_a_target_of_its_country():
    # "Peru shelled a fishing village ... the shelling of the harbour town in Chile"
    first = _assault(0, "PER", "CHLCVL")
    again = _assault(1, None, "CHL")  # the same country, the target worded anew
    fresh = _assault(2, None, "CHL")  # "another attack on ...": indefinite, a new act
    nouns = {e.trigger.start for e in (first, again, fresh)}
    definite = {again.trigger.start}
    assert restatements_dropped([first, again, fresh], nouns, None, definite) == [first, fresh]


def test_a_definite_event_noun_is_still_new_when_no_earlier_act_hit_its_country():
    # "Canada shelled a Chilean post ... The shelling of Peruvian soldiers followed"
    first = _assault(0, "CAN", "CHL")
    other = _assault(1, None, "PERMIL")
    again = _assault(2, None, "CHLMIL")  # "the shelling of Chilean soldiers went on"
    nouns = {e.trigger.start for e in (first, other, again)}
    definite = {other.trigger.start, again.trigger.start}
    assert restatements_dropped([first, other, again], nouns, None, definite) == [first, other]


def test_a_pair_phrase_of_one_country_stays_two_sides(nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    text = (
        "WASHINGTON - Senator Ann Lee praised Governor Tom Hale on Monday. The state party "
        "accused both men of ignoring farmers."
    )
    accused = [e for e in code(nlp, Article(text=text)).events if e.trigger.text == "accused"]
    assert len({e.target_actor_id for e in accused}) == 2


def test_an_accusation_of_no_one_is_no_event(base, events):
    # an accusation is always of someone: with no target and no object, no dyad
    assert not any(
        e.event_type == "ACCUSE" for e in run(base, events, "Peru complained bitterly on Monday.")
    )
    evs = run(base, events, "Peru criticized the vote on Monday.")
    assert any(e.event_type == "ACCUSE" and e.source_code == "PER" for e in evs)


def test_a_participle_of_manner_is_the_same_act(base, events):
    # "opened fire on X, killing three": one attack, not two
    evs = run(base, events, "Chilean troops shelled Peru on Monday, killing three soldiers.")
    assert len([e for e in evs if e.event_type == "ASSAULT"]) == 1
