"""Tests for :mod:`dotterel.timex._resolve` (and the rules under it): TIMEX3 normalisation
against a publication date, through the package API."""

from __future__ import annotations

from datetime import date

import pytest

from dotterel import timex
from dotterel.timex import Resolution, normalize, resolve, resolve_span

#: A Wednesday (ISO week 10 of 2021).
WED = date(2021, 3, 10)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12 March 2015", "2015-03-12"),
        ("March 12, 2015", "2015-03-12"),
        ("Thursday, March 12, 2015", "2015-03-12"),
        ("the 12th of March 2015", "2015-03-12"),
        ("2015-03-12", "2015-03-12"),
        ("3/12/2015", "2015-03-12"),
        ("March 2015", "2015-03"),
        ("Sept. 2015", "2015-09"),
        ("in 2015", "2015"),
        ("early 2015", "2015"),
        ("the late 1980s", "198"),
        ("the '80s", "198"),
        ("the eighties", "198"),
        ("the 19th century", "18"),
        ("the winter of 2009", "2009-WI"),
        ("spring 2012", "2012-SP"),
        ("the second quarter of 2018", "2018-Q2"),
        ("Easter 2019", "2019-04-21"),
    ],
)
def test_absolute_expressions_ignore_the_publication_date(text: str, value: str) -> None:
    assert normalize(text, WED) == value
    assert normalize(text, None) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("today", "2021-03-10"),
        ("yesterday", "2021-03-09"),
        ("last night", "2021-03-09"),
        ("tomorrow", "2021-03-11"),
        ("last week", "2021-W09"),
        ("this week", "2021-W10"),
        ("next week", "2021-W11"),
        ("last month", "2021-02"),
        ("earlier this month", "2021-03"),
        ("next month", "2021-04"),
        ("last year", "2020"),
        ("late last year", "2020"),
        ("this year", "2021"),
        ("the end of the year", "2021"),
        ("next year", "2022"),
        ("three days ago", "2021-03-07"),
        ("two weeks ago", "2021-02-24"),
        ("two months ago", "2021-01"),
        ("a year ago", "2020"),
        ("five years ago", "2016"),
        ("December last year", "2020-12"),
        ("last weekend", "2021-W09-WE"),
        ("this decade", "202"),
    ],
)
def test_deictic_expressions_resolve_against_publication(text: str, value: str) -> None:
    assert normalize(text, WED) == value


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Monday", "past", "2021-03-08"),
        ("on Monday", "future", "2021-03-15"),
        ("Wednesday", "past", "2021-03-10"),  # the day itself, as wire copy uses it
        ("Friday", "past", "2021-03-05"),
        ("Friday", "future", "2021-03-12"),
        ("Friday night", "past", "2021-03-05"),
        ("last Wednesday", "past", "2021-03-03"),
        ("last Friday", "future", "2021-03-05"),
        ("next Friday", "past", "2021-03-12"),
        ("this Friday", "past", "2021-03-12"),
        ("in December", "past", "2020-12"),
        ("in December", "future", "2021-12"),
        ("in December", "present", "2020-12"),  # nearer than the next one
        ("in April", "present", "2021-04"),
        ("in March", "past", "2021-03"),
        ("last March", "past", "2020-03"),
        ("next March", "past", "2022-03"),
        ("on April 2", "past", "2020-04-02"),
        ("on April 2", "future", "2021-04-02"),
        ("Feb. 27", "past", "2021-02-27"),
        ("last summer", "past", "2020-SU"),
        ("this summer", "future", "2021-SU"),
        ("Christmas Eve", "past", "2020-12-24"),
        ("Christmas Eve", "future", "2021-12-24"),
    ],
)
def test_tense_chooses_between_the_last_and_the_next_occurrence(
    text: str, tense: timex.Tense, value: str
) -> None:
    assert normalize(text, WED, tense) == value


def test_thanksgiving_is_the_fourth_thursday_of_november() -> None:
    assert normalize("Thanksgiving Day", date(2021, 12, 1), "past") == "2021-11-25"


def test_last_summer_during_the_autumn_is_this_years() -> None:
    assert normalize("last summer", date(2021, 9, 20), "past") == "2021-SU"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three years", "P3Y"),
        ("the past six months", "P6M"),
        ("over the last two decades", "P20Y"),
        ("48 hours", "PT48H"),
        ("a decade", "P10Y"),
        ("for years", "PXY"),
        ("in decades", "PXY"),
        ("recent weeks", "PXW"),
        ("the past year", "P1Y"),
    ],
)
def test_durations_and_unspecified_spans(text: str, value: str) -> None:
    res = resolve(text, WED)
    assert res is not None
    assert (res.value, res.kind) == (value, "duration")


@pytest.mark.parametrize(
    ("text", "value"), [("recently", "PAST_REF"), ("now", "PRESENT_REF"), ("years ago", "PAST_REF")]
)
def test_vague_references(text: str, value: str) -> None:
    res = resolve(text, WED)
    assert res is not None
    assert (res.value, res.kind) == (value, "ref")


def test_since_and_until_are_interval_boundaries() -> None:
    since = resolve("since 2004", WED)
    until = resolve("until next month", WED)
    assert since is not None
    assert (since.value, since.relation) == ("2004", "since")
    assert until is not None
    assert (until.value, until.relation) == ("2021-04", "until")
    decade = resolve("since the 1990s", WED)
    assert decade is not None
    assert (decade.value, decade.relation) == ("199", "since")


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("from 2003 to 2007", [("from 2003", "2003", "since"), ("2007", "2007", "until")]),
        ("between 1998 and 2001", [("between 1998", "1998", "since"), ("2001", "2001", "until")]),
        ("2010-11", [("2010", "2010", "since"), ("11", "2011", "until")]),
        ("June 3-5, 2019", [("June 3", "2019-06-03", "since"), ("5, 2019", "2019-06-05", "until")]),
    ],
)
def test_ranges_split_into_a_start_and_an_end(
    text: str, pieces: list[tuple[str, str, str]]
) -> None:
    got = resolve_span(text, WED, "past")
    assert [
        (text[p.start : p.end], p.resolution.value, p.resolution.relation) for p in got
    ] == pieces


def test_a_list_gives_one_piece_per_member() -> None:
    got = resolve_span("Monday and Tuesday", WED, "past")
    assert [(p.start, p.end, p.resolution.value, p.resolution.relation) for p in got] == [
        (0, 6, "2021-03-08", "at"),
        (11, 18, "2021-03-09", "at"),
    ]
    listed = resolve_span("in 2015 and 2016", WED)
    assert [p.resolution.value for p in listed] == ["2015", "2016"]
    days = resolve_span("March 3, 5 and 8", WED, "past")
    assert [p.resolution.value for p in days] == ["2021-03-03", "2021-03-05", "2021-03-08"]


def test_in_a_counted_span_is_a_date_in_the_future() -> None:
    assert normalize("in two weeks", WED, "future") == "2021-03-24"
    assert normalize("in three months", WED, "future") == "2021-06"
    assert normalize("in two weeks", WED, "past") == "P2W"


def test_anchored_expressions_count_from_the_last_date_mentioned() -> None:
    anchor = (date(2015, 5, 4), "day")
    assert normalize("three days later", WED, anchor=anchor) == "2015-05-07"
    assert normalize("a week earlier", WED, anchor=anchor) == "2015-04-27"
    assert normalize("the following week", WED, anchor=anchor) == "2015-W20"
    assert normalize("that year", WED, anchor=anchor) == "2015"
    assert normalize("three days later", WED) is None  # nothing to count from
    assert normalize("two weeks later", WED, anchor=(date(2015, 1, 1), "year")) is None


def test_without_a_publication_date_relative_forms_stay_unresolved() -> None:
    assert normalize("in December", None) == "XXXX-12"
    assert normalize("on Nov. 3", None) == "XXXX-11-03"
    assert normalize("Tuesday", None) == "XXXX-WXX-2"
    assert normalize("last summer", None) is None
    assert normalize("the summer", None) == "XXXX-SU"
    assert normalize("Christmas", None) == "XXXX-12-25"
    assert normalize("yesterday", None) is None
    assert normalize("last year", None) is None
    assert normalize("two weeks ago", None) is None
    assert normalize("October 2016", None) == "2016-10"


@pytest.mark.parametrize(
    "text", ["40-year-old", "45 years old", "aged 12", "annual", "daily", "9 p.m."]
)
def test_ages_sets_and_clock_times_are_not_dates(text: str) -> None:
    assert resolve(text, WED) is None


def test_dateparser_fallback_handles_rare_absolute_formats() -> None:
    assert normalize("2014.03.14", WED) == "2014-03-14"
    assert resolve_span("2014.03.14", WED, fallback=False) == []


def test_overnight_and_narrative_weeks() -> None:
    assert normalize("overnight Tuesday", WED, "past") == "2021-03-09"
    assert normalize("the following week", WED) == "2021-W11"  # no anchor: publication


def test_a_range_end_never_precedes_its_start() -> None:
    got = resolve_span("Dec. 28 - Jan. 3", WED, "past")
    assert [p.resolution.value for p in got] == ["2020-12-28", "2021-01-03"]
    end = resolve("Friday", WED, "past")
    assert end is not None
    fixed = timex.range_end("Friday", "2021-03-08", end, WED)
    assert fixed is not None
    assert (fixed.value, fixed.relation) == ("2021-03-12", "at")
    assert timex.range_end("2007", "2003", Resolution("2007"), WED) is None


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("the week of March 1", "past", "2021-W09"),
        ("the weekend of March 6", "past", "2021-W09-WE"),
        ("Monday next week", "future", "2021-03-15"),
        ("the first week of February", "past", "2021-02"),
        ("in March of last year", "past", "2020-03"),
        ("Sunday's", "past", "2021-03-07"),
    ],
)
def test_weeks_of_and_other_compounds(text: str, tense: timex.Tense, value: str) -> None:
    assert normalize(text, WED, tense) == value


def test_a_date_then_a_length_it_was_set_to_is_not_a_range() -> None:
    # "the editor was jailed in May to three years": NER takes "May to three years" whole
    got = resolve_span("May to three years", WED, "past")
    assert [(p.resolution.value, p.resolution.relation) for p in got] == [
        ("2020-05", "at"),
        ("P3Y", "at"),
    ]
    assert [p.start for p in got] == [0, 7]
    # a range of two dates still splits into a start and an end
    assert [p.resolution.relation for p in resolve_span("May to July", WED, "past")] == [
        "since",
        "until",
    ]
