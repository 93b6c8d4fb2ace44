"""The pipeline: user dictionaries kept across a save; ``dotterel.code_text`` builds once."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import dotterel
import dotterel.components
from dotterel import pipeline
from dotterel.components.actors import ActorsComponent
from dotterel.components.events import EventsComponent
from dotterel.model import Article, CodedArticle
from dotterel.pipeline import build_pipeline, code, make_doc

# invented actors, in TABARI/PETRARCH format
ACTORS = """\
# a made-up country and its capital
ZEMBLA_  [ZEM]
+ZEMBLAN
+ONHAVA

KING_CHARLES_XAVIER
\t[ZEMGOV 19500101-19591231]
\t[ZEMELI]
"""
AGENTS = "ROYALIST {ROYALISTS} [~REB]\nCOURTIER [~GOV]\n"
VERBS = """\
--- SHELL [---] ---
SHELL {SHELLED SHELLING SHELLS} [195]
BOMBARD [195]

--- PARLEY [036] ---
PARLEY {PARLEYED PARLEYING PARLEYS}
- * WITH [043]
"""
ARTICLE = Article(
    id="zem1",
    text="Zemblan royalists shelled Onhava. King Charles Xavier parleyed with the courtiers.",
    pub_date=date(1955, 3, 1),
)


def coding(coded: CodedArticle) -> dict[str, object]:
    """Everything coded (actors, mentions, events with their codes and evidence)."""
    return dataclasses.asdict(coded)


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("dicts")
    paths = {"actors": root / "zembla.actors.txt", "agents": root / "zembla.agents.txt"}
    paths["verbs"] = root / "zembla.verbs.txt"
    for kind, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS)):
        paths[kind].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def built(dictionaries: dict[str, Path]) -> Language:
    return build_pipeline(
        actors=[dictionaries["actors"]],
        agents=[dictionaries["agents"]],
        verbs=[dictionaries["verbs"]],
    )


def test_user_dictionaries_code_the_article(built: Language) -> None:
    coded = code(built, ARTICLE)
    # "royalists" is a user agent word; the king's code is the one of his dated role
    assert sorted(a.code or "" for a in coded.actors) == ["ZEM", "ZEMGOV", "ZEMREB"]
    events = [(e.trigger.text, e.cameo, e.source_code, e.method) for e in coded.events]
    assert events == [
        ("shelled", "195", "ZEMREB", "dictionary"),
        ("parleyed", "043", "ZEMGOV", "dictionary"),
    ]


def test_to_disk_keeps_the_dictionaries(
    built: Language, dictionaries: dict[str, Path], tmp_path: Path
) -> None:
    before = coding(code(built, ARTICLE))
    built.to_disk(tmp_path / "nlp")
    saved = json.loads((tmp_path / "nlp" / "dotterel_actors" / "dictionaries.json").read_text())
    assert [e["kind"] for e in saved] == ["actors", "agents"]
    assert (tmp_path / "nlp" / "dotterel_events" / "0" / "zembla.verbs.txt").read_text(
        encoding="utf-8"
    ) == VERBS
    for path in dictionaries.values():  # the saved pipeline needs none of the originals
        path.unlink()
    loaded = spacy.load(tmp_path / "nlp")
    assert loaded.pipe_names == built.pipe_names
    assert coding(code(loaded, ARTICLE)) == before


def test_to_bytes_keeps_the_dictionaries(built: Language) -> None:
    actors = built.get_pipe("dotterel_actors")
    events = built.get_pipe("dotterel_events")
    assert isinstance(actors, ActorsComponent) and isinstance(events, EventsComponent)
    before = coding(code(built, ARTICLE))
    actor_bytes, event_bytes = actors.to_bytes(), events.to_bytes()
    actors.initialize()
    events.initialize()
    assert events.verbs is None and actors.dictionaries == []
    assert coding(code(built, ARTICLE)) != before
    actors.from_bytes(actor_bytes)
    events.from_bytes(event_bytes)
    assert coding(code(built, ARTICLE)) == before


STORY = (
    "Farmers in the valley of Ostmark blocked the main road on Monday to protest against "
    "a new water tax, local officials said."
)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, nlp: Language) -> Iterator[list[int]]:
    """Count pipeline builds; the session's pipeline stands in for a fresh one."""
    calls: list[int] = []

    def build_pipeline(**_: object) -> Language:
        calls.append(1)
        return nlp

    pipeline.default_pipeline.cache_clear()
    monkeypatch.setattr(pipeline, "build_pipeline", build_pipeline)
    yield calls
    pipeline.default_pipeline.cache_clear()


def test_code_text_builds_once_and_returns_a_coded_article(builds: list[int]) -> None:
    coded = dotterel.code_text(STORY, outlet="Example Times", date="2024-04-16")
    assert isinstance(coded, dotterel.CodedArticle)
    assert coded.article.outlet == "Example Times"
    assert coded.article.pub_date == date(2024, 4, 16)
    assert coded.article.text == STORY
    again = dotterel.code_text(STORY, date=date(2024, 4, 16), url="https://e.x/1")
    assert again.article.url == "https://e.x/1"
    assert [e.id for e in again.events] == [e.id for e in coded.events]
    assert len(builds) == 1  # the pipeline was built once and kept


def test_code_text_refuses_what_is_not_text(builds: list[int]) -> None:
    with pytest.raises(TypeError):
        dotterel.code_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        dotterel.code_text(STORY, date="last Monday")
    assert not builds  # nothing was built for a bad argument


def test_a_pair_phrase_is_the_actors_and_its_acts_the_events(nlp: Language) -> None:
    # "each country" is coded by the actors component (one coreference mention of each
    # of the two named last); the events component only reads those mentions
    text = "Kenya criticised Uganda on Monday. Each country then expelled the other's envoys."
    doc = nlp(make_doc(nlp, Article(text=text)))
    expelled = {
        (e.source_code, e.target_code) for e in doc._.events if e.trigger.text == "expelled"
    }
    assert expelled == {("KEN", "UGA"), ("UGA", "KEN")}
