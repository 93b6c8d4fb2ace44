"""dotterel.knowledge.lookup: who a name is on a date (invented user dictionary)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dotterel.knowledge.lookup import who_is

pytestmark = pytest.mark.slow

DICT = """\
HALVARD_BRENNICK
+BRENNICK_HALVARD
    [NORGOV 100101-141231]
    [NORELI >150101]
"""


def test_dated_roles_and_the_source(tmp_path: Path) -> None:
    path = tmp_path / "invented.actors.txt"
    path.write_text(DICT, encoding="utf-8")
    found = who_is("Halvard Brennick", date(2012, 6, 1), actors=[path], knowledge=False)
    assert found[0].code == "NORGOV"
    assert found[0].source == "user dictionary"
    assert any("NORELI" in r for r in found[0].roles)
    later = who_is("Halvard Brennick", date(2016, 6, 1), actors=[path], knowledge=False)
    assert later[0].code == "NORELI"


def test_built_in_table_entry() -> None:
    found = who_is("Kenya", knowledge=False)
    assert found and found[0].code == "KEN" and found[0].source == "built-in table"
