"""Tests for :mod:`dotterel.cameo._events`, the CAMEO table: lookups, ancestors, PLOVER
mapping, quad classes, Goldstein weights and published constants."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.cameo import (
    DEFAULT_TABLE,
    PLOVER_TYPES,
    CameoTable,
    goldstein,
    load_table,
    quad_class,
)


@pytest.fixture(scope="module")
def table() -> CameoTable:
    return load_table()


def test_table_is_complete(table: CameoTable) -> None:
    assert len(table) > 250
    for root in (f"{n:02d}" for n in range(1, 21)):
        assert root in table, root
    types = {table.plover(c) for c in ("030", "040", "050", "060", "070", "080", "084", "090")}
    types |= {table.plover(c) for c in ("100", "110", "120", "130", "140", "150", "160")}
    types |= {table.plover(c) for c in ("170", "180", "190", "200")}
    assert types <= set(PLOVER_TYPES)


def test_known_codes(table: CameoTable) -> None:
    row = table.get("0874")
    assert row is not None
    assert row.plover_type == "RETREAT" and row.mode == "disarm"
    assert row.context == ("military",)
    assert row.quad_class == 2
    assert table.get("190").goldstein == -10.0  # type: ignore[union-attr]
    assert table.get("057").goldstein == 8.0  # type: ignore[union-attr]
    assert table.get("1124").context == ("military", "legal")  # type: ignore[union-attr]


def test_quad_classes_follow_the_roots(table: CameoTable) -> None:
    assert table.get("042").quad_class == 1  # type: ignore[union-attr]
    assert table.get("073").quad_class == 2  # type: ignore[union-attr]
    assert table.get("112").quad_class == 3  # type: ignore[union-attr]
    assert table.get("1823").quad_class == 4  # type: ignore[union-attr]


def test_statements_are_not_plover_events(table: CameoTable) -> None:
    assert table.get("010") is not None
    assert table.plover("010") is None
    assert table.plover("023") == "REQUEST"


def test_unknown_codes_fall_back_to_ancestors(table: CameoTable) -> None:
    assert table.get("0749").code == "074"  # type: ignore[union-attr]
    assert table.get("075A").code == "075"  # type: ignore[union-attr]
    assert table.get("99") is None
    assert table.get("") is None
    assert table.get(None) is None
    assert table.is_cameo("193") and not table.is_cameo("def")


def test_bad_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "cameo.tsv"
    path.write_text("# header\n190\tASSAULT\t\tmilitary\t4\t-10.0\tFight\nbad row\n")
    t = CameoTable.load(path)
    assert len(t) == 1 and t.plover("1905") == "ASSAULT"


def test_header_names_its_sources() -> None:
    head = DEFAULT_TABLE.read_text(encoding="utf-8").splitlines()[:8]
    assert any("Sources" in line for line in head)
    assert any("Goldstein" in line for line in head)


def test_quad_class_and_goldstein_come_from_the_table() -> None:
    assert quad_class("190") == 4
    assert quad_class("0") is None and quad_class(None) is None
    assert goldstein("19") is not None
    assert goldstein(None) is None
