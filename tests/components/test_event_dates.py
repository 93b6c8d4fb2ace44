"""Tests for ``dotterel_event_dates``: each event's date, from its clause or the publication.

Events are built by hand here (trigger words chosen by the test), so these tests do not
depend on the event component's coverage.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.model import Article, Event, TextSpan
from dotterel.pipeline import COMPONENTS, build_pipeline, make_doc

pytestmark = pytest.mark.slow

PUB = date(2021, 3, 10)
KEEP = ("dotterel_dates", "dotterel_event_dates")


@pytest.fixture(scope="module")
def nlp() -> Language:
    """Base model + dates + event dates (the other stages are not needed here)."""
    return build_pipeline(exclude=[c for c in COMPONENTS if c not in KEEP])


def dated(
    nlp: Language,
    text: str,
    triggers: list[str],
    pub: date | None = PUB,
    actors: dict[str, tuple[str | None, str | None]] | None = None,
) -> Doc:
    """Run the pipeline up to the dates, add one event per trigger word, date them.

    A trigger ``word#2`` is the word's second occurrence; ``actors`` gives a trigger
    its (source, target) actor ids, used as their codes too.
    """
    with nlp.select_pipes(disable=["dotterel_event_dates"]):
        doc = nlp(make_doc(nlp, Article(text=text, pub_date=pub)))
    events = []
    for i, spec in enumerate(triggers):
        word, _, nth = spec.partition("#")
        found = list(re.finditer(rf"\b{re.escape(word)}\b", text))
        assert len(found) >= int(nth or 1), spec
        m = found[int(nth or 1) - 1]
        source, target = (actors or {}).get(spec, (None, None))
        sent = doc.char_span(m.start(), m.end(), alignment_mode="expand").sent
        events.append(
            Event(
                id=f"e{i}",
                trigger=TextSpan(m.start(), m.end(), word),
                sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
                event_type="ASSAULT",
                source_actor_id=source,
                source_code=source,
                target_actor_id=target,
                target_code=target,
            )
        )
    doc._.events = events
    return nlp.get_pipe("dotterel_event_dates")(doc)


def dates_of(doc: Doc) -> list[tuple[str | None, str | None]]:
    return [(e.date, e.date_source) for e in doc._.events]


def test_a_noun_phrase_carries_its_own_date(nlp: Language) -> None:
    doc = dated(
        nlp, "Officials condemned the March 2014 rebel offensive.", ["condemned", "offensive"]
    )
    # the offensive is dated by its own phrase; the condemnation is not dated by it
    assert dates_of(doc) == [("2021-03-10", "publication"), ("2014-03", "text")]
    assert doc._.events[1].time_id == doc._.times[0].id
    assert doc._.events[0].time_id is None


def test_a_verb_is_dated_by_its_clause(nlp: Language) -> None:
    doc = dated(nlp, "Militants attacked a checkpoint last year.", ["attacked"])
    assert dates_of(doc) == [("2020", "text")]


def test_the_relation_stays_on_the_time_record(nlp: Language) -> None:
    doc = dated(nlp, "The group has controlled the valley since 2004.", ["controlled"])
    assert dates_of(doc) == [("2004", "text")]
    ref = next(t for t in doc._.times if t.id == doc._.events[0].time_id)
    assert ref.relation == "since"


def test_a_noun_event_falls_back_to_the_sentence(nlp: Language) -> None:
    text = "Some soldiers were among the dead from a clash near the border last week."
    doc = dated(nlp, text, ["clash"])
    assert dates_of(doc) == [("2021-W09", "text")]


def test_an_enclosing_clause_dates_a_reported_event(nlp: Language) -> None:
    doc = dated(nlp, "On Tuesday, officials said the rebels had attacked the convoy.", ["attacked"])
    assert dates_of(doc) == [("2021-03-09", "text")]


def test_another_events_date_is_not_borrowed(nlp: Language) -> None:
    text = "Washington accused Tehran on Monday of arming the militia."
    doc = dated(nlp, text, ["accused", "arming"])
    assert dates_of(doc) == [("2021-03-08", "text"), ("2021-03-10", "publication")]


def test_durations_do_not_date_an_event(nlp: Language) -> None:
    doc = dated(nlp, "Rebels have fought the army for years.", ["fought"])
    assert dates_of(doc) == [("2021-03-10", "publication")]


def test_other_sentences_do_not_date_an_event(nlp: Language) -> None:
    doc = dated(nlp, "The town fell in 2015. Rebels shelled the market.", ["shelled"])
    assert dates_of(doc) == [("2021-03-10", "publication")]


def test_no_publication_date_and_no_time_leaves_the_date_empty(nlp: Language) -> None:
    doc = dated(nlp, "Rebels shelled the market.", ["shelled"], pub=None)
    assert dates_of(doc) == [(None, None)]


def test_no_events_is_fine(nlp: Language) -> None:
    doc = nlp(make_doc(nlp, Article(text="Nothing happened on Monday.", pub_date=PUB)))
    assert doc._.events is None or doc._.events == []


def test_an_enclosing_interval_does_not_date_a_conjoined_event(nlp: Language) -> None:
    text = "The envoy has lived in Kabul since 2010 and recently criticised the talks."
    doc = dated(nlp, text, ["criticised"])
    assert dates_of(doc) == [("2021-03-10", "publication")]


def test_a_subject_event_lends_its_time_to_its_verb(nlp: Language) -> None:
    doc = dated(nlp, "The attack on Saturday killed dozens of soldiers.", ["attack", "killed"])
    assert dates_of(doc) == [("2021-03-06", "text"), ("2021-03-06", "text")]


# ---- issue 18: the event's own date before the speech's, and history as background


def test_the_event_date_beats_the_date_of_speech(nlp: Language) -> None:
    doc = dated(
        nlp,
        "Two guards died in Saturday's raid on the depot, an official said on Tuesday.",
        ["raid", "said"],
    )
    (raid, said) = doc._.events
    assert raid.date == "2021-03-06" and raid.date_source == "text"
    assert said.date == "2021-03-09"


def test_history_a_year_back_is_background(nlp: Language) -> None:
    doc = dated(
        nlp,
        "The rebels have fought the army since 1964. They attacked a convoy last week.",
        ["fought", "attacked"],
    )
    old, recent = doc._.events
    assert old.background and not recent.background


def test_a_date_of_the_last_year_is_not_yet_background(nlp: Language) -> None:
    # "last year" is 2020: it ends less than a year before 10 March 2021
    doc = dated(nlp, "Militants attacked a checkpoint last year.", ["attacked"])
    assert not doc._.events[0].background


def test_publication_dated_events_are_never_background(nlp: Language) -> None:
    doc = dated(nlp, "Militants attacked a checkpoint.", ["attacked"])
    assert not doc._.events[0].background


# ---- an event named again shares the date of the mention that gives one


def test_an_event_noun_named_again_shares_its_dated_mention(nlp: Language) -> None:
    text = (
        "Officials met to discuss the bombing of the depot. "
        "Police said the March 2 bombing of the depot killed two guards."
    )
    doc = dated(nlp, text, ["bombing", "bombing#2"])
    assert dates_of(doc) == [("2021-03-02", "text"), ("2021-03-02", "text")]


def test_a_verb_named_again_by_the_same_actors_shares_its_date(nlp: Language) -> None:
    text = "The mayor backed the governor on Friday. Critics were angry that he would back him."
    pair = ("MAYOR", "GOVERNOR")
    doc = dated(nlp, text, ["backed", "back"], actors={"backed": pair, "back": pair})
    assert dates_of(doc) == [("2021-03-05", "text"), ("2021-03-05", "text")]


def test_the_same_verb_on_another_person_is_another_event(nlp: Language) -> None:
    text = (
        "A court jailed the editor on Monday. "
        "Earlier, the same court had jailed a blogger for insulting officials."
    )
    doc = dated(
        nlp,
        text,
        ["jailed", "jailed#2"],
        actors={"jailed": ("COURT", "EDITOR"), "jailed#2": ("COURT", "BLOGGER")},
    )
    assert dates_of(doc)[1] == ("2021-03-10", "publication")


def test_a_history_date_is_not_shared_by_a_later_mention(nlp: Language) -> None:
    text = "Hackers breached the ministry in 2015. The breach is a worry, officials said."
    doc = dated(nlp, text, ["breached", "breach"])
    # "breach" (noun) and "breached" (verb) share no lemma; and an old date is never lent
    assert dates_of(doc)[1] == ("2021-03-10", "publication")
    text = "The 2015 breach of the ministry was grave. Officials discussed the breach."
    doc = dated(nlp, text, ["breach", "breach#2"])
    assert dates_of(doc) == [("2015", "text"), ("2021-03-10", "publication")]


def test_the_lead_takes_the_time_of_the_next_sentence(nlp: Language) -> None:
    text = (
        "The opposition leader has urged the minister to resign. "
        "He spoke at a rally he addressed on Sunday in the capital.\n\n"
        "The minister refused to comment."
    )
    doc = dated(nlp, text, ["urged", "refused"])
    assert dates_of(doc) == [("2021-03-07", "text"), ("2021-03-10", "publication")]


def test_the_lead_after_a_headline_and_not_across_a_paragraph(nlp: Language) -> None:
    headline = "Leader urges minister to quit\n\n"
    text = headline + "The leader has urged the minister to resign. He spoke on Sunday."
    doc = dated(nlp, text, ["urged"])
    # the lead is the sentence after the headline line
    assert dates_of(doc) == [("2021-03-07", "text")]
    text = "The leader has urged the minister to resign.\nHe spoke on Sunday."
    doc = dated(nlp, text, ["urged"])
    assert dates_of(doc) == [("2021-03-10", "publication")]


def test_the_lead_does_not_take_a_time_that_is_history(nlp: Language) -> None:
    text = "The leader has urged the minister to resign. He first met him in 2012."
    doc = dated(nlp, text, ["urged"])
    assert dates_of(doc) == [("2021-03-10", "publication")]


def test_latest_day_of_a_value() -> None:
    from dotterel.components.event_dates import is_history, latest_day

    assert latest_day("2017-02") == date(2017, 2, 28)
    assert latest_day("199") == date(1999, 12, 31)
    assert latest_day("2017-W33") is None
    assert is_history("2019-12", PUB) and not is_history("2020-06", PUB)


# ---- a story told in the simple past keeps the time it last gave


def test_a_narrated_episode_keeps_its_time(nlp: Language) -> None:
    text = (
        "On Monday, farmers blocked the highway near the capital. "
        "Thousands joined them.\n"
        "In the north, workers marched on the town hall. Others rallied in the port."
    )
    doc = dated(nlp, text, ["marched", "rallied"])
    assert dates_of(doc) == [("2021-03-08", "text"), ("2021-03-08", "text")]


def test_a_narrated_time_stops_at_perfects_clauses_and_steps_back(nlp: Language) -> None:
    text = (
        "On Monday, farmers blocked the highway. Police have arrested their leaders. "
        "Officials named a man who organised the march."
    )
    doc = dated(nlp, text, ["arrested", "organised"])
    assert dates_of(doc) == [("2021-03-10", "publication"), ("2021-03-10", "publication")]
    text = "On Monday, farmers blocked the highway. Earlier, they marched on the town hall."
    doc = dated(nlp, text, ["marched"])
    assert dates_of(doc) == [("2021-03-10", "publication")]


def test_a_narrated_time_is_only_a_day_on_a_past_verb(nlp: Language) -> None:
    text = "Farmers protested in 2016. They blocked the highway."
    assert dates_of(dated(nlp, text, ["blocked"])) == [("2021-03-10", "publication")]
    text = "The farmers will march on Monday. They blocked the highway."
    assert dates_of(dated(nlp, text, ["blocked"])) == [("2021-03-10", "publication")]


# ---- an -ing participle on the verb or its subject tells the occasion of the act


def test_a_participle_frame_dates_the_act(nlp: Language) -> None:
    text = "The senator, speaking at a rally on Sunday, accused the governor of lying."
    assert dates_of(dated(nlp, text, ["accused"])) == [("2021-03-07", "text")]
    text = "The senator, who was reacting in a letter she wrote on Sunday, criticised the governor."
    doc = dated(nlp, text, ["criticised", "wrote"])
    assert dates_of(doc) == [("2021-03-07", "text"), ("2021-03-07", "text")]


def test_an_event_noun_in_the_frame_keeps_its_time(nlp: Language) -> None:
    text = "The senator, reacting to the bombing on Sunday, criticised the governor."
    doc = dated(nlp, text, ["criticised", "bombing"])
    assert dates_of(doc)[0] == ("2021-03-10", "publication")


def test_a_relative_clause_not_in_the_progressive_frames_nothing(nlp: Language) -> None:
    text = "The senator, who was elected on Sunday, criticised the governor."
    assert dates_of(dated(nlp, text, ["criticised"])) == [("2021-03-10", "publication")]


def test_an_act_decades_ago_is_history(nlp: Language) -> None:
    text = (
        "Egypt and Jordan, which signed peace treaties with Israel decades ago, "
        "now share intelligence with Israeli security services."
    )
    doc = dated(nlp, text, ["signed", "share"])
    assert [e.background for e in doc._.events] == [True, False]
