"""Which actor(s) a phrase names (``components/events/_participants.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples, with_actors
from dotterel.components.events._participants import in_dateline

pytestmark = pytest.mark.slow


def test_one_event_per_coded_conjunct(base, events):
    # a conjunct that names no actor by its own words no longer makes the whole list one
    # phrase (whose first actor was taken for everyone): each coded conjunct acts
    evs = run(base, events, "Japan's allies and Peru condemned Canada on Monday.")
    assert triples(evs) == {("JPN", "CAN", "ACCUSE"), ("PER", "CAN", "ACCUSE")}
    evs = run(base, events, "Peru and two dozen other states condemned Chile on Monday.")
    assert triples(evs) == {("PER", "CHL", "ACCUSE")}


def test_coded_conjuncts_each_give_an_event(base, events):
    evs = run(base, events, "Peru and Chile condemned Canada.")
    assert triples(evs) == {("PER", "CAN", "ACCUSE"), ("CHL", "CAN", "ACCUSE")}


def test_partitive_quantity_is_never_the_actor(base, events):
    # "hundreds of X", "23 of the X": the people are in the "of" phrase
    evs = run(base, events, "Canada expelled 23 of the Chinese diplomats.")
    assert [(e.target_code, e.target_text) for e in evs] == [("CHNGOV", "the Chinese diplomats")]
    evs = run(base, events, "Hundreds of Chinese diplomats were expelled from Canada.")
    assert [(e.target_code, e.target_text) for e in evs] == [("CHNGOV", "Chinese diplomats")]


@pytest.mark.parametrize(
    "opening",
    ["LIMA, Peru, Dec. 5 (EFE) - ", "Lima, Peru -- ", "LIMA, April 5. /TASS/. ", "Lima: "],
)
def test_the_dateline_is_never_an_argument(base, opening):
    # the dateline is where the wire filed the story (geo/dateline.py reads it)
    doc = base(opening + "Chile condemned Canada.")
    chile = next(t for t in doc if t.text == "Chile")
    assert in_dateline(doc[0]) and not in_dateline(chile)


def test_the_words_of_a_side_leave_out_the_dateline_parsed_into_its_phrase(base, events):
    # "LIMA (Reuters) - Peruvian trade ministers condemned ...": one noun phrase to the
    # small parser
    table = {"Peruvian trade ministers": "PERGOV", "Chile": "CHL"}
    doc = base("LIMA (Reuters) - Peruvian trade ministers condemned Chile on Monday.")
    evs = events(with_actors(doc, table))._.events
    assert [(e.source_code, e.source_text) for e in evs] == [("PERGOV", "Peruvian trade ministers")]


def test_a_headline_above_the_dateline_is_the_news(base):
    doc = base("Chile condemns Canada\n\nLIMA (EFE) - Chile condemned Canada on Monday.")
    assert not in_dateline(doc[0])
    assert in_dateline(next(t for t in doc if t.text == "LIMA"))


def test_an_actor_found_outside_the_heads_own_words_shows_its_own_words(base, events):
    # the parser hangs "to ..." on the last thing supplied: the target is still the
    # rebels, and the words shown are theirs, not "cash"
    evs = run(
        base,
        events,
        "Gondor has been supplying rifles, explosives and cash to Arnor rebels operating "
        "along the border.",
    )
    assert [(e.target_code, e.target_text) for e in evs if e.event_type == "AID"] == [
        ("ARN", "Arnor")
    ]


def test_a_subject_the_parser_hangs_on_the_dateline_is_still_the_subject(base, events):
    # "Hanoi (VNA) - Minister ... held talks": the small parser makes the dateline the
    # subject and the title an apposition to it; the apposition is who acted
    text = (
        "Hanoi (VNA) - Deputy Prime Minister and Foreign Minister Tran Van Hung held talks "
        "with Chile in Hanoi on March 3."
    )
    doc = base(text)
    assert doc[0].dep_ == "nsubj"  # the parse this test is about
    table = {"Deputy Prime Minister": "VNMGOV", "Tran Van Hung": "VNMGOV", "Chile": "CHL"}
    evs = events(with_actors(doc, table))._.events
    assert triples(evs) == {("VNMGOV", "CHL", "CONSULT")}
    evs = run(base, events, "Lima (EFE) - Chile condemned Canada on Monday.")
    assert triples(evs) == {("CHL", "CAN", "ACCUSE")}
