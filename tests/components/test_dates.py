"""Tests for the ``dotterel_dates`` component: time expressions on ``doc._.times``."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from dotterel.model import Article, TimeRef
from dotterel.pipeline import COMPONENTS, build_pipeline, make_doc

pytestmark = pytest.mark.slow

#: A Wednesday.
WED = date(2021, 3, 10)


@pytest.fixture(scope="module")
def dates_nlp() -> Language:
    """The base model with only the dates component (independent of the other stages)."""
    return build_pipeline(exclude=[c for c in COMPONENTS if c != "dotterel_dates"])


def times(nlp: Language, text: str, pub: date | None = WED) -> list[TimeRef]:
    doc = nlp(make_doc(nlp, Article(text=text, pub_date=pub)))
    return doc._.times


def triples(refs: list[TimeRef]) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.relation) for t in refs]


def test_records_have_ids_offsets_and_values(dates_nlp: Language) -> None:
    text = "Militants stormed a police post in March 2018 and again last year."
    art = Article(text=text, pub_date=WED)
    doc = dates_nlp(make_doc(dates_nlp, art))
    refs = doc._.times
    assert triples(refs) == [("March 2018", "2018-03", "at"), ("last year", "2020", "at")]
    assert [t.id for t in refs] == [f"{art.id}-t0", f"{art.id}-t1"]
    assert all(text[t.start : t.end] == t.text for t in refs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks resumed on Thursday.", ("Thursday", "2021-03-04", "at")),
        ("The talks will resume on Thursday.", ("Thursday", "2021-03-11", "at")),
        ("The vote is scheduled for Friday.", ("Friday", "2021-03-12", "at")),
        ("The rebels tried to storm the base on Tuesday.", ("Tuesday", "2021-03-09", "at")),
        ("The envoy plans to visit on Tuesday.", ("Tuesday", "2021-03-16", "at")),
        ("Prices rose sharply in December.", ("December", "2020-12", "at")),
        ("The parliament will vote in December.", ("December", "2021-12", "at")),
    ],
)
def test_weekdays_and_months_follow_the_tense(
    dates_nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(times(dates_nlp, text)) == [expected]


def test_since_joins_the_extent_and_sets_the_relation(dates_nlp: Language) -> None:
    refs = times(dates_nlp, "The group has controlled the valley since 2004.")
    assert triples(refs) == [("since 2004", "2004", "since")]


def test_a_range_gives_a_start_and_an_end(dates_nlp: Language) -> None:
    refs = times(dates_nlp, "The ceasefire held from 2003 to 2007.")
    assert [(t.value, t.relation) for t in refs] == [("2003", "since"), ("2007", "until")]


def test_unspecified_span_keeps_its_preposition(dates_nlp: Language) -> None:
    refs = times(dates_nlp, "It was the worst flooding in decades.")
    assert triples(refs) == [("in decades", "PXY", "at")]


def test_day_parts_merge_and_ages_are_skipped(dates_nlp: Language) -> None:
    refs = times(dates_nlp, "A 40-year-old man was arrested on Friday night.")
    assert triples(refs) == [("Friday night", "2021-03-05", "at")]


def test_later_counts_from_the_last_date_mentioned(dates_nlp: Language) -> None:
    text = "The army entered the city on 4 May 2015. Three days later, the rebels withdrew."
    refs = times(dates_nlp, text)
    assert [t.value for t in refs] == ["2015-05-04", "2015-05-07"]


def test_article_without_publication_date(dates_nlp: Language) -> None:
    text = (
        "The council met on Tuesday and will meet again in December. "
        "Last year it met twice, and in 1999 it did not meet at all."
    )
    refs = times(dates_nlp, text, pub=None)
    assert triples(refs) == [
        ("Tuesday", "XXXX-WXX-2", "at"),
        ("December", "XXXX-12", "at"),
        ("1999", "1999", "at"),
    ]


def test_durations_can_be_left_out(dates_nlp: Language) -> None:
    nlp = build_pipeline(
        exclude=[c for c in COMPONENTS if c != "dotterel_dates"],
        config={"dotterel_dates": {"keep_durations": False}},
    )
    refs = times(nlp, "After two years of fighting, the town fell on Monday.")
    assert triples(refs) == [("Monday", "2021-03-08", "at")]


def test_text_without_dates_gives_an_empty_list(dates_nlp: Language) -> None:
    assert times(dates_nlp, "The minister may resign.") == []


def test_named_days_and_names_are_not_dates(dates_nlp: Language) -> None:
    text = "Shoppers crowded stores on Black Friday after a speech by Theresa May in May."
    refs = times(dates_nlp, text, pub=date(2016, 12, 1))
    assert [t.text for t in refs] == ["May"]
    assert refs[0].start == text.rindex("May")


def test_a_future_auxiliary_on_a_preposition_still_counts(dates_nlp: Language) -> None:
    text = "The merger is not done, and it likely will not close until after the audit on March 1."
    refs = times(dates_nlp, text, pub=date(2016, 1, 31))
    assert [(t.text, t.value) for t in refs] == [("March 1", "2016-03-01")]


@pytest.mark.parametrize(
    "text", ["", "   ", "May", "since", "Sunday, Sunday, Sunday", "2015-16-17"]
)
def test_odd_inputs_do_not_break(dates_nlp: Language, text: str) -> None:
    for ref in times(dates_nlp, text):
        assert text[ref.start : ref.end] == ref.text


def test_in_two_weeks_in_a_future_clause_is_a_date(dates_nlp: Language) -> None:
    refs = times(dates_nlp, "The border will reopen in two weeks.")
    assert triples(refs) == [("two weeks", "2021-03-24", "at")]
    refs = times(dates_nlp, "The border stayed closed for two weeks.")
    assert triples(refs) == [("two weeks", "P2W", "at")]


def test_from_alone_is_not_an_interval(dates_nlp: Language) -> None:
    assert triples(times(dates_nlp, "A photo from 2015 shows the damage.")) == [
        ("2015", "2015", "at")
    ]
    refs = times(dates_nlp, "The exhibition ran from December 3 until January 4.")
    assert triples(refs) == [
        ("from December 3", "2020-12-03", "since"),
        ("until January 4", "2021-01-04", "until"),
    ]


def test_a_surname_alone_is_not_a_month(dates_nlp: Language) -> None:
    text = (
        "Prime Minister Theresa May has blamed the Russian government for the attack. "
        "May has received strong backing from the United States and her allies in Europe."
    )
    assert times(dates_nlp, text, pub=date(2018, 3, 31)) == []
    # the month itself, after a cue, still counts
    text = "Theresa May spoke to reporters. The talks began in May."
    assert [t.value for t in times(dates_nlp, text, pub=date(2018, 8, 1))] == ["2018-05"]
