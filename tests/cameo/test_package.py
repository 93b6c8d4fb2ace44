"""Pins the public surface of :mod:`dotterel.cameo` (its ``__init__``)."""

from __future__ import annotations

import dotterel.cameo


def test_public_names_are_pinned() -> None:
    assert sorted(dotterel.cameo.__all__) == [
        "ActorCodeParts",
        "CameoCode",
        "CameoTable",
        "DEFAULT_TABLE",
        "PLOVER_TYPES",
        "goldstein",
        "is_country",
        "is_region",
        "load_table",
        "quad_class",
        "split_actor_code",
    ]
    for name in dotterel.cameo.__all__:
        assert hasattr(dotterel.cameo, name)


def test_the_tables_ship_inside_the_package() -> None:
    assert dotterel.cameo.DEFAULT_TABLE.is_file()
    assert dotterel.cameo.DEFAULT_TABLE.parent.name == "data"
