"""The actor lexicon compiled from the shared TABARI/PETRARCH dictionaries, through the
actor component that loads them."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest
import spacy

from dotterel.dictionaries import ActorLexicon
from dotterel.dictionaries.actor_lexicon import DATA_DIR
from dotterel.extensions import actor_at
from dotterel.model import Article
from dotterel.pipeline import BASE_MODEL, make_doc


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


def test_leaders_table_names_one_person_each() -> None:
    """``leaders.tsv``: no name (full or short form) listed for two codes (the loader
    keeps the first one silently), and no short form that is a country name or demonym
    (a bare "Jordan" or "Georgia" must stay a place)."""

    def rows(name: str) -> list[list[str]]:
        with (DATA_DIR / name).open(encoding="utf-8") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            return [r for r in reader if r and r[0].strip() and not r[0].startswith("#")]

    places = {n.lower() for r in rows("countries.tsv") for col in r[1:5] for n in col.split("|")}
    codes: dict[str, set[str]] = {}
    for code, names in rows("leaders.tsv"):
        aliases = [a for a in names.split("|") if a]
        for alias in aliases:
            codes.setdefault(alias.lower(), set()).add(code)
        assert not {a.lower() for a in aliases[1:]} & places, names
    assert not {name: c for name, c in codes.items() if len(c) > 1}


def test_leaders_found_by_token_key() -> None:
    """The names step asks ``lexicon.leaders`` by token key (split at hyphens, accents
    folded): a hyphenated or accented leader is found that way too, so the built-in row
    outranks a knowledge-base entry of the same name."""
    lexicon = ActorLexicon(spacy.blank("en").tokenizer)
    for name in ("Ban Ki-moon", "Mevlüt Çavuşoğlu", "Abdel Fattah el-Sisi"):
        assert lexicon.leaders[name.lower()][:2] == lexicon.leaders[" ".join(lexicon.key(name))][:2]
    assert lexicon.leaders[" ".join(lexicon.key("Ban Ki-moon"))][0] == "IGOUNO"


def test_code_of_a_whole_name() -> None:
    import spacy

    from dotterel.dictionaries import ActorLexicon

    lexicon = ActorLexicon(spacy.blank("en").tokenizer)
    assert lexicon.code_of_name("Human Rights Watch", None) == "NGOHRW"
    assert lexicon.code_of_name("Human Rights", None) is None  # only a whole name
    assert lexicon.whole_name("nowhere in any table") == []
