"""Tests for :mod:`dotterel.timex._calendar`: anchors and calendar values."""

from __future__ import annotations

from datetime import date

from dotterel import timex


def test_as_anchor_and_calendar_values() -> None:
    assert timex.as_anchor("2016-10") == (date(2016, 10, 1), "month")
    assert timex.as_anchor("2017-W33") == (date(2017, 8, 14), "week")
    assert timex.as_anchor("2013-SU") is None
    assert timex.is_calendar_value("199")
    assert not timex.is_calendar_value("PXY")
    assert not timex.is_calendar_value("PAST_REF")
