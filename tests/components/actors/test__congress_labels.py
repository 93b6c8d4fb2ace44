"""US congressional party labels (components/actors/_congress_labels.py)."""

from __future__ import annotations

from dotterel.components.actors._congress_labels import labelled_member, party_labels


def test_a_labelled_member_is_in_the_us_congress() -> None:
    member = labelled_member("Jane Roe", "(D-Ore.)")
    assert member.code == party_labels()["country"] + party_labels()["role"] == "USALEG"
    assert "(D-Ore.)" in member.evidence[0]
