"""The argument word lists (``components/events/_arg_words.py``, ``data/events/arguments.json``)."""

from __future__ import annotations

import json

from dotterel.components.events._arg_words import ARGUMENTS_PATH, ArgumentWords


def test_every_list_is_loaded_lower_case_and_documented():
    raw = json.loads(ARGUMENTS_PATH.read_text(encoding="utf-8"))
    words = ArgumentWords.load()
    for name in ArgumentWords.__dataclass_fields__:
        assert raw.get(name), f"{name} missing from arguments.json"
        assert f"_{name}" in raw, f"{name} has no explanation"
        assert getattr(words, name) == {w.lower() for w in raw[name]}


def test_missing_list_is_empty(tmp_path):
    path = tmp_path / "arguments.json"
    path.write_text('{"removal_verbs": ["Expel"]}', encoding="utf-8")
    words = ArgumentWords.load(path)
    assert words.removal_verbs == {"expel"} and words.quantity_words == frozenset()
