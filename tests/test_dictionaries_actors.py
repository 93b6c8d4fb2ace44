"""TABARI/PETRARCH actor, agent and discard dictionaries: parsing, reporting, loading."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
import spacy

from dotterel.dictionaries import (
    DatedCode,
    parse_code_block,
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_list,
    sniff_kind,
)
from dotterel.extensions import actor_at
from dotterel.model import Article
from dotterel.pipeline import BASE_MODEL, make_doc

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


def test_parse_code_block() -> None:
    assert parse_code_block("AFG") == DatedCode("AFG")
    assert parse_code_block("AFGGOV 331108-730717") == DatedCode(
        "AFGGOV", date(1933, 11, 8), date(1973, 7, 17)
    )
    assert parse_code_block("HOB < 950601") == DatedCode("HOB", None, date(1995, 6, 1))
    assert parse_code_block("HOBREB >19990816") == DatedCode("HOBREB", date(1999, 8, 16), None)
    assert parse_code_block("pse").code == "PSE"
    for bad in ("", "950601-990815", "XXX 2004017-20061201", "XXX 19991301-20000101"):
        with pytest.raises(ValueError):
            parse_code_block(bad)


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


def test_read_discard_list(tmp_path: Path) -> None:
    entries, summary = read_discard_list(
        write(tmp_path, "test.discards.txt", "# sports\nWORLD CUP\n+FOOTBALL LEAGUE  # story\n")
    )
    assert [(e.phrase, e.story) for e in entries] == [
        ("world cup", False),
        ("football league", True),
    ]
    assert summary.problems == 0


def test_sniff_kind(tmp_path: Path) -> None:
    assert sniff_kind(write(tmp_path, "a.actors.txt", ACTORS)) == "actors"
    assert sniff_kind(write(tmp_path, "b.txt", AGENTS)) == "agents"
    assert sniff_kind(write(tmp_path, "c.txt", "--- GRANT [070] ---\n- * AID [071]\n")) == "verbs"
    assert sniff_kind(write(tmp_path, "d.discards.txt", "WORLD CUP\n")) == "discards"
    assert sniff_kind(write(tmp_path, "LICENSE", "The MIT License\n")) == "unknown"


@pytest.mark.slow
def test_every_shared_dictionary_loads(shared_eval: Path) -> None:
    """Every file in ../shared/eval/dictionaries loads (as what it is) without an error,
    and the big Phoenix files load in seconds."""
    folder = shared_eval / "dictionaries"
    files = sorted(p for p in folder.iterdir() if p.is_file())
    assert files
    nlp = spacy.load(BASE_MODEL)
    component = nlp.add_pipe("dotterel_actors")
    for path in files:
        name = path.name.lower()
        wanted = {"agents": [path]} if "agents" in name else {"actors": [path]}
        started = time.perf_counter()
        [summary] = component.load_dictionaries(**wanted)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - started
        assert summary.path == str(path)
        assert elapsed < 30, f"{path.name} took {elapsed:.1f}s"
        if "verbs" in name or name.startswith("cameo"):
            assert summary.kind == "verbs"
            assert summary.note
        elif "actors" in name or "agents" in name:
            assert summary.entries > 0
            assert summary.problems <= max(50, summary.entries // 100)
    doc = nlp(make_doc(nlp, Article(text="Taliban fighters attacked a NATO convoy.")))
    codes = {a.code for a in doc._.actors}
    assert any(c.startswith("AFGREB") for c in codes)  # Phoenix wins over the built-in


@pytest.mark.slow
def test_petrarch_validation_dictionaries(shared_eval: Path) -> None:
    folder = shared_eval / "dictionaries"
    nlp = spacy.load(BASE_MODEL)
    component = nlp.add_pipe("dotterel_actors")
    component.load_dictionaries(
        actors=[folder / "PETR.Validate.actors.txt"], agents=[folder / "PETR.Validate.agents.txt"]
    )
    text = "Dagolath's first Deputy Prime Minister Telemar met the envoy of Gondor."
    doc = nlp(make_doc(nlp, Article(text=text)))
    start = text.index("Dagolath")
    actor = actor_at(doc, start, text.index(" met"))
    assert actor is not None
    assert actor.code == "DAGGOV"
    gondor = actor_at(doc, text.index("Gondor"), len(text) - 1)
    assert gondor is not None
    assert gondor.code.startswith("GON")
