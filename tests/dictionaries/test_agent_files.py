"""Reading TABARI/PETRARCH agent dictionaries (plurals, substitution sets, ``~`` codes)."""

from __future__ import annotations

from pathlib import Path

from dotterel.dictionaries.agent_files import read_agent_dictionary

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
HARBOUR_MASTER [~GOV]
POLICE {} [~COP]
OX {OXEN} [~AGR]
COUNCIL!PERSON! [~LEG]
HUMAN_RIGHTS_BODY [NGO~]
BROKEN_BRACE [~ENV}
NO_CODE_HERE
FERRY_AUTHORITY [GOV]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_agent_dictionary(tmp_path: Path) -> None:
    entries, summary = read_agent_dictionary(write(tmp_path, "test.agents.txt", AGENTS))
    forms = {f: (e.code, e.prefix) for e in entries for f in e.forms}
    assert forms["harbour master"] == ("GOV", False)
    assert forms["harbour masters"] == ("GOV", False)
    assert forms["police"] == ("COP", False)
    assert "polices" not in forms
    assert forms["oxen"] == ("AGR", False)
    assert {"councilman", "councilmen", "councilwoman", "councilwomen"} <= set(forms)
    assert forms["human rights body"] == ("NGO", True)
    assert forms["human rights bodies"] == ("NGO", True)
    assert forms["broken brace"] == ("ENV", False)
    assert forms["ferry authority"] == ("GOV", False)
    assert summary.problems == 2
    assert any("no [code]" in e for e in summary.examples)
    assert any("without '~'" in e for e in summary.examples)
