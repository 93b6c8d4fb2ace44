"""Reading TABARI/PETRARCH actor dictionaries and discard lists (dated codes, null codes,
unparsed lines), on small dictionaries written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dotterel.dictionaries.actor_files import read_actor_dictionary, read_discard_list

ACTORS = """\
<!-- A TEST ACTOR DICTIONARY
# a comment line inside the block -->
<!-- VERSION: 1 -->

ATLANTIS_  [ATL]   # trailing comment
+ATLANTEAN
+POSEIDONIA_CITY

ORICHALC_GUARD
\t[ATLMIL]

KING_ATLAS  ; legacy comment
\t[ATLELI <19000101]
\t[ATLGOV 19000101 - 19991231]
\t[ATLREB > 20000101]

LEMURIA [LEM] [LEMGOV 850101-951231]
ANONYMOUS_SOURCE [---]
NO_CODE_AT_ALL
BAD_DATE [XXX 2004017-20061201]
THE_TWINS [ATL/LEM]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_actor_dictionary(tmp_path: Path) -> None:
    entries, summary = read_actor_dictionary(write(tmp_path, "test.actors.txt", ACTORS))
    by_name = {e.name: e for e in entries}
    assert set(by_name) == {
        "atlantis",
        "orichalc guard",
        "king atlas",
        "lemuria",
        "anonymous source",
        "the twins",
    }
    assert by_name["atlantis"].phrases == ["atlantis", "atlantean", "poseidonia city"]
    assert by_name["orichalc guard"].code_for(None) == "ATLMIL"
    atlas = by_name["king atlas"]
    assert atlas.code_for(date(1850, 1, 1)) == "ATLELI"
    assert atlas.code_for(date(1950, 1, 1)) == "ATLGOV"
    assert atlas.code_for(date(2010, 1, 1)) == "ATLREB"
    assert atlas.code_for(None) == "ATLREB"  # no default: the latest restriction
    lemuria = by_name["lemuria"]
    assert lemuria.code_for(date(1990, 1, 1)) == "LEMGOV"
    assert lemuria.code_for(date(2001, 1, 1)) == "LEM"
    assert by_name["anonymous source"].code_for(None) is None  # the null code
    assert by_name["the twins"].code_for(None) == "ATL/LEM"
    assert summary.entries == 6
    assert summary.problems == 3  # the bad date, and the two entries left without a code
    assert any("without a code" in e for e in summary.examples)
    assert any("bad date" in e for e in summary.examples)


def test_read_discard_list(tmp_path: Path) -> None:
    entries, summary = read_discard_list(
        write(tmp_path, "test.discards.txt", "# sports\nWORLD CUP\n+FOOTBALL LEAGUE  # story\n")
    )
    assert [(e.phrase, e.story) for e in entries] == [
        ("world cup", False),
        ("football league", True),
    ]
    assert summary.problems == 0


def test_cautious_code_gives_the_country_when_no_role_is_dated() -> None:
    from datetime import date

    from dotterel.dictionaries import ActorEntry, DatedCode

    e = ActorEntry(
        name="halvard brennick",
        phrases=["halvard brennick"],
        codes=[
            DatedCode("NORGOV", date(2010, 1, 1), date(2014, 12, 31)),
            DatedCode("NORELI", date(2015, 1, 1), None),
        ],
        source="t.txt",
        line=1,
    )
    assert e.code_for(None) == "NORELI"  # the readers' rule for user files, unchanged
    assert e.code_for(None, cautious=True) == "NOR"
    assert e.code_for(date(2012, 1, 1), cautious=True) == "NORGOV"
    assert e.code_for(date(2001, 1, 1), cautious=True) == "NOR"
