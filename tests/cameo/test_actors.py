"""Tests for :mod:`dotterel.cameo._actors`: spreading actor codes over GDELT's fields."""

from __future__ import annotations

from dotterel.cameo import ActorCodeParts, is_country, is_region, split_actor_code


def test_a_code_splits_into_country_type_and_religion() -> None:
    parts = split_actor_code("afggovmos")
    assert parts == ActorCodeParts(
        code="AFGGOVMOS", country="AFG", religions=["MOS"], types=["GOV"]
    )


def test_a_countryless_code_takes_the_actors_country() -> None:
    parts = split_actor_code("TAL", country="afg")
    assert parts is not None and parts.country == "AFG" and parts.known_group == "TAL"
    assert split_actor_code(None) is None


def test_is_country_knows_iso3_codes() -> None:
    assert is_country("IRN")
    assert not is_country("GOV")


def test_is_region_knows_cameo_regions() -> None:
    assert is_region("WST") and is_region("EUR") and is_region("AFR")
    assert not is_region("IRN") and not is_region("GOV")
