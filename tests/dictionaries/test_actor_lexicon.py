"""The actor lexicon compiled from the shared TABARI/PETRARCH dictionaries, through the
actor component that loads them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy

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
