"""Tests for the knowledge-base build step and its loader, on tiny dictionaries written here."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from dotterel import knowledge
from dotterel.dictionaries import (
    load_verb_dictionaries,
    read_actor_dictionary,
    read_agent_dictionary,
)
from dotterel.knowledge import build, codec

# Invented places and people: the format is what is tested, not the facts.
COUNTRIES = """\
# invented countries
ERIADOR_ [ERI]
+ERIADORIAN_
THE_SHIRE [ERISHR]
BILBO_BAGGINS
 [ERIGOV 20290922-20340101]
 [ERIELI >20340102]
BROKEN_ENTRY
"""
INTERNATIONAL = """\
COUNCIL_OF_ELROND [IGOCOE]
"""
MILNONSTATE = """\
DUNLENDING_RAIDERS [ERIREB]
"""
AGENTS = """\
!PERSON! = MAN, MEN
RANGER_ [~MIL]
HOBBIT_ {HOBBITS} [CVL~]
WATCH!PERSON! [~COP]
"""
VERBS = """\
&GIFT
+PONY
+{ELVEN ROPE}

--- OFFER  [---]  ---
OFFER
+MAKE_AN_OFFER [030]
- * &GIFT (TO)                       [071]
- * SHELTER                          [0233:0233]

--- VISIT  [042:043]  ---
VISIT
"""
PLOVER = """\
# CAMEO to PLOVER conversion table (invented rows)
03: AGREE
030: AGREE,  , diplomatic # Express intent to cooperate
042: CONSULT, visit,   # Make a visit
071: AID,  , economic; humanitarian # Provide economic aid
030: SUPPORT, , # a repeated code keeps its first row
~~~~~
"""


def write_source(root: Path) -> Path:
    (root / "dictionaries").mkdir(parents=True)
    (root / "ontology").mkdir()
    files = {
        "dictionaries/Phoenix.Countries.actors.txt": COUNTRIES,
        "dictionaries/Phoenix.International.actors.txt": INTERNATIONAL,
        "dictionaries/Phoenix.MilNonState.actors.txt": MILNONSTATE,
        "dictionaries/Phoenix.agents.txt": AGENTS,
        "dictionaries/CAMEO.2.0.txt": VERBS,
        "dictionaries/LICENSE": "The MIT License (MIT)\n(invented copy for the test)\n",
        "ontology/CAMEO2PLOVER-2021.txt": PLOVER,
    }
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    return write_source(tmp_path / "eval")


def test_actors_round_trip_as_the_reader_reads_them(source: Path) -> None:
    built = build.compile_knowledge(source)
    doc = codec.load_gzip_json(built.outputs["actors.json.gz"])
    expected = []
    for rel in build.ACTOR_FILES:
        expected += read_actor_dictionary(source / rel)[0]
    got = codec.decode_actors(doc["actors"], doc["sources"])
    assert got == expected
    bilbo = next(e for e in got if e.name == "bilbo baggins")
    assert bilbo.code_for(date(2030, 1, 1)) == "ERIGOV"
    assert bilbo.code_for(date(2035, 1, 1)) == "ERIELI"
    assert {e.source for e in got} == {Path(r).name for r in build.ACTOR_FILES}


def test_agents_round_trip(source: Path) -> None:
    built = build.compile_knowledge(source)
    doc = codec.load_gzip_json(built.outputs["actors.json.gz"])
    expected = read_agent_dictionary(source / build.AGENT_FILES[0])[0]
    got = codec.decode_agents(doc["agents"], doc["sources"])
    assert got == expected
    assert {a.phrase for a in got} >= {"ranger", "hobbit", "watchman", "watchmen"}
    assert next(a for a in got if a.phrase == "hobbit").prefix


def test_verbs_round_trip_and_match_alike(source: Path) -> None:
    built = build.compile_knowledge(source)
    doc = codec.load_gzip_json(built.outputs["verbs.json.gz"])
    got = codec.decode_verbs(doc["verbs"])
    ref = load_verb_dictionaries([source / build.VERB_FILES[0]])
    assert len(got) == len(ref)
    cases = [
        ("OFFER", "OFFERED", ["ELROND"], ["A", "PONY", "TO", "FRODO"]),
        ("OFFER", "OFFERS", ["ELROND"], ["ELVEN", "ROPE", "TO", "SAM"]),
        ("OFFER", "OFFERED", ["ELROND"], ["SHELTER"]),
        ("VISIT", "VISITED", ["GANDALF"], ["BREE"]),
        ("MAKE", "MADE", ["ELROND"], ["AN", "OFFER"]),
    ]
    for lemma, form, before, after in cases:
        assert got.match(lemma, form, before, after) == ref.match(lemma, form, before, after)
    hit = got.match("OFFER", "OFFERED", ["ELROND"], ["A", "PONY", "TO", "FRODO"])
    assert hit is not None and hit.code == "071"


def test_plover_table(source: Path) -> None:
    rows, summary = build.read_cameo_to_plover(source / build.PLOVER_FILE)
    by_code = {r.code: r for r in rows}
    assert by_code["030"].event_type == "AGREE"  # the repeated row does not replace it
    assert by_code["071"].contexts == ["economic", "humanitarian"]
    assert by_code["042"].mode == "visit"
    assert summary.problems == 1


def test_output_is_deterministic_and_has_no_timestamp(source: Path, tmp_path: Path) -> None:
    first = build.compile_knowledge(source).outputs
    second = build.compile_knowledge(source).outputs
    assert first == second
    for data in first.values():
        assert data[4:8] == b"\0\0\0\0"  # gzip mtime field
        gzip.decompress(data)


def test_main_writes_data_licences_and_provenance(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build.main(["--source", str(source), "--out", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert names == {
        "actors.json.gz",
        "verbs.json.gz",
        "PROVENANCE.md",
        "LICENSE-PETRARCH-dictionaries.txt",
        "LICENSE-PLOVER-mapping.txt",
    }
    prov = (out / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "python -m dotterel.knowledge.build" in prov
    for rel in (*build.ACTOR_FILES, *build.AGENT_FILES, *build.VERB_FILES, build.PLOVER_FILE):
        assert build.sha256_of(source / rel) in prov
    assert "entry without a code" in prov  # BROKEN_ENTRY is reported, not silently lost


def test_main_reports_missing_sources(tmp_path: Path) -> None:
    assert build.main(["--source", str(tmp_path)]) == 2


def test_shipped_data_loads() -> None:
    actors = knowledge.load_actor_entries()
    agents = knowledge.load_agent_entries()
    verbs = knowledge.load_verb_dictionary()
    plover = knowledge.load_cameo_to_plover()
    assert len(actors) > 20000 and len(agents) > 3000 and len(verbs) > 5000
    assert plover["042"][0] == "CONSULT"
    assert any(e.name == "afghanistan" for e in actors)
    assert "ATTACK" in verbs
    # fresh objects on every call: a caller's change does not leak into the next
    actors[0].phrases.append("changed")
    assert "changed" not in knowledge.load_actor_entries()[0].phrases


def test_shipped_data_matches_its_sources(shared_eval: Path) -> None:
    """The compiled files are up to date with ../shared/eval (skips when it is absent)."""
    built = build.compile_knowledge(shared_eval)
    for name, data in built.outputs.items():
        assert (knowledge.DATA_DIR / name).read_bytes() == data, f"rebuild {name}"


def test_shipped_phrase_keys_cover_every_phrase() -> None:
    tokenizer, keys = knowledge.load_phrase_keys()
    assert tokenizer.startswith("en_")
    assert all(p in keys for e in knowledge.load_actor_entries()[:500] for p in e.phrases)
    # a phrase with punctuation is keyed as the tokenizer splits it, not by blanks
    punctuated = [p for p in keys if "." in p and keys[p] != tuple(p.split())]
    assert punctuated
