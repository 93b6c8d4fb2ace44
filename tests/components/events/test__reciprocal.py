"""Reciprocal events: mutual acts with no direction (``components/events/_reciprocal.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.events.harness import run, triples, with_actors
from dotterel.components.events._reciprocal import ReciprocalWords, default_reciprocal_words
from dotterel.model import Event, Mention


def sides(evs: list[Event], etype: str) -> list[tuple[str | None, str | None, bool]]:
    """(source code, target code, symmetric) of the events of type ``etype``."""
    return [(e.source_code, e.target_code, e.symmetric) for e in evs if e.event_type == etype]


def test_longest_listed_prefix_decides_whether_a_code_is_mutual(tmp_path: Path) -> None:
    path = tmp_path / "reciprocal.json"
    path.write_text(json.dumps({"codes": ["04", "0421"], "directed_codes": ["042"]}))
    words = ReciprocalWords.load(path)
    assert words.mutual_code("040") and words.mutual_code("046")
    assert not words.mutual_code("042")  # a visit has a direction
    assert words.mutual_code("0421")  # unless a longer prefix says otherwise
    assert not words.mutual_code("190")
    assert words.nouns == frozenset()  # a list missing from the file is empty


def test_shipped_lists_cover_consult_agree_cooperate_and_fight() -> None:
    words = default_reciprocal_words()
    assert all(words.mutual_code(c) for c in ("030", "040", "046", "057", "060", "064"))
    assert not any(words.mutual_code(c) for c in ("042", "043", "051", "190", "111"))
    assert {"clash", "fight"} <= words.verbs
    assert {"talk", "meeting", "agreement", "truce"} <= words.nouns
    assert "between" in words.between_preps


slow = pytest.mark.slow


@slow
def test_coordinated_subject_of_a_mutual_verb_is_one_symmetric_event(base, events):
    evs = run(base, events, "Canada and Peru met in Lima on Monday.")
    assert sides(evs, "CONSULT") == [("CAN", "PER", True)]
    evs = run(base, events, "Canada and Peru agreed to lower their tariffs.")
    assert sides(evs, "AGREE") == [("CAN", "PER", True)]


@slow
def test_three_coordinated_sides_give_one_event_per_pair(base, events):
    evs = run(base, events, "Canada, Peru and Chile held talks in Lima.")
    assert sides(evs, "CONSULT") == [
        ("CAN", "PER", True),
        ("CAN", "CHL", True),
        ("PER", "CHL", True),
    ]


@slow
def test_mutual_conflict_verb_with_a_coordinated_subject(base, events):
    evs = run(base, events, "Gondor and Arnor clashed near the river.")
    assert sides(evs, "ASSAULT") == [("GON", "ARN", True)]


@slow
def test_directed_act_of_a_coordinated_subject_has_no_second_side(base, events):
    # "praised the deal": two acts of praise, not one between them
    evs = run(base, events, "Canada and Peru praised the new trade deal.")
    assert all(not e.symmetric and e.target_code != e.source_code for e in evs)
    assert ("CAN", "PER", True) not in sides(evs, "SUPPORT")


@slow
def test_mutual_noun_with_between_names_both_sides(base, events):
    evs = run(base, events, "The talks between Canada and Chile ended without a result.")
    assert sides(evs, "CONSULT") == [("CAN", "CHL", True)]
    evs = run(base, events, "Clashes between Gondor and Arnor went on all night.")
    assert sides(evs, "ASSAULT") == [("GON", "ARN", True)]


@slow
def test_between_phrase_of_the_clause_of_a_noun_subject(base, events):
    # "fighting broke out between X and Y": the clause says between whom
    evs = run(base, events, "Heavy fighting broke out between Gondor and Arnor on Sunday.")
    assert sides(evs, "ASSAULT") == [("GON", "ARN", True)]


@slow
def test_coordinated_modifiers_of_a_between_phrase_are_the_sides(base, events):
    # an actor mention that covers the last modifier with the noun
    doc = with_actors(
        base("Cooperation between the Chilean and Peruvian navies has grown."),
        {"Chilean": "CHLMIL", "Peruvian navies": "PERMIL"},
    )
    evs = events(doc)._.events
    assert sides(evs, "COOPERATE") == [("CHLMIL", "PERMIL", True)]


@slow
def test_verb_that_carries_out_a_mutual_noun(base, events):
    evs = run(base, events, "Gondor and Arnor held a meeting in the capital.")
    assert sides(evs, "CONSULT") == [("GON", "ARN", True)]
    evs = run(base, events, "Gondor and Arnor signed a truce on Friday.")
    assert [(e.source_code, e.target_code, e.symmetric) for e in evs] == [("GON", "ARN", True)]


def with_pair(doc, phrase: str, codes: tuple[str, str], method: str = "coreference"):
    """``doc`` with one mention of each actor of ``codes`` over ``phrase``, as the actors
    component gives a pair phrase ("the two countries": ``actors/_pairs.py``);
    ``method="dictionary"``: as it gives the codes of one compound actor instead."""
    start = doc.text.index(phrase)
    ids = {a.code: a.id for a in doc._.actors}
    extra = [
        Mention(
            id=f"pair-{n}",
            start=start,
            end=start + len(phrase),
            text=phrase,
            label="NOMINAL",
            actor_id=ids[code],
            method=method,
        )
        for n, code in enumerate(codes)
    ]
    doc._.actor_mentions = sorted([*doc._.actor_mentions, *extra], key=lambda m: m.start)
    return doc


@slow
def test_a_pair_phrase_between_is_both_sides(base, events):
    doc = base("Peru sees Chile as a partner. Cooperation between the two governments grew.")
    doc = with_pair(with_actors(doc), "the two governments", ("PER", "CHL"))
    assert sides(events(doc)._.events, "COOPERATE") == [("PER", "CHL", True)]


@slow
def test_a_pair_phrase_as_subject_of_a_mutual_act_acts_with_itself(base, events):
    doc = base("Canada and Peru met in Lima. Later the two countries signed a deal.")
    doc = with_pair(with_actors(doc), "the two countries", ("CAN", "PER"))
    evs = [e for e in events(doc)._.events if e.trigger.text == "signed"]
    assert [(e.source_code, e.target_code, e.symmetric) for e in evs] == [("CAN", "PER", True)]


@slow
def test_the_codes_of_one_compound_actor_never_act_on_each_other(base, events):
    # a user dictionary entry "THE ALLIANCE [CAN/PER]": two mentions over the same words
    doc = base("Canada and Peru met in Lima. Later the two countries signed a deal.")
    doc = with_pair(with_actors(doc), "the two countries", ("CAN", "PER"), method="dictionary")
    evs = [e for e in events(doc)._.events if e.trigger.text == "signed"]
    assert evs and not any(e.symmetric or e.target_code for e in evs)


@slow
def test_each_other_makes_a_directed_act_go_both_ways(base, events):
    evs = run(base, events, "Canada and Peru accused each other of spying.")
    assert sorted(sides(evs, "ACCUSE")) == [("CAN", "PER", False), ("PER", "CAN", False)]
    evs = run(base, events, "Canada and Peru expelled each other's diplomats.")
    assert sorted(sides(evs, "SANCTION")) == [("CAN", "PER", False), ("PER", "CAN", False)]


@slow
def test_each_other_after_a_mutual_verb_is_one_symmetric_event(base, events):
    evs = run(base, events, "Gondor and Arnor fought with one another for years.")
    assert sides(evs, "ASSAULT") == [("GON", "ARN", True)]


@slow
def test_each_country_and_the_other_act_on_each_other(base, events):
    text = "Peru criticised Chile on Monday. Each country then expelled the other's diplomats."
    doc = with_pair(with_actors(base(text)), "Each country", ("PER", "CHL"))
    assert sorted(sides(events(doc)._.events, "SANCTION")) == [
        ("CHL", "PER", False),
        ("PER", "CHL", False),
    ]


def test_sides_that_trade_accusations_accuse_each_other(base, events):
    evs = run(base, events, "Peru and Chile traded accusations on Monday.")
    assert {("PER", "CHL", "ACCUSE"), ("CHL", "PER", "ACCUSE")} <= triples(evs)


def test_sides_that_exchange_fire_attack_each_other(base, events):
    evs = run(base, events, "Peru and Chile exchanged fire across the border.")
    assert {("PER", "CHL", "ASSAULT"), ("CHL", "PER", "ASSAULT")} <= triples(evs)


def test_a_trade_with_an_actor_object_keeps_its_direction(base, events):
    evs = run(base, events, "Peru traded insults with Chile.")
    assert ("CHL", "PER", "ACCUSE") not in triples(evs)


def test_the_topic_of_talks_is_no_side(base, events):
    evs = run(base, events, "Peru and Chile held talks on Monday on the future of Canada.")
    assert {(e.source_code, e.target_code) for e in evs if e.event_type == "CONSULT"} == {
        ("PER", "CHL")
    }


def test_talks_with_a_side_keep_it(base, events):
    evs = run(base, events, "Peru held talks with Chile on trade.")
    assert ("PER", "CHL", "CONSULT") in triples(evs)
