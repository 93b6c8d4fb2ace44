"""Tests for :mod:`dotterel.timex._intervals`: TIMEX3 values as calendar intervals."""

from __future__ import annotations

from datetime import date

from dotterel.timex import Interval, interval


def test_values_cover_their_days() -> None:
    assert interval("2016-10").start == date(2016, 10, 1)
    assert interval("2016-10").end == date(2016, 10, 31)
    assert interval("2017-W33").start == date(2017, 8, 14)
    assert interval("199").end == date(1999, 12, 31)
    assert interval("2013-SU").precision == "season"
    assert interval("PXY") is None and interval(None) is None and interval("2016-13") is None


def test_overlap_and_intersection() -> None:
    month, day = interval("2016-10"), interval("2016-10-09")
    assert month is not None and day is not None
    assert month.overlaps(day)
    assert month.intersection(day) == Interval(date(2016, 10, 9), date(2016, 10, 9), "day")
    assert month.days == 31
    november = interval("2016-11")
    assert november is not None and not month.overlaps(november)
    assert month.intersection(november) is None
