"""The knowledge base dotterel ships: compiled actor, agent and CAMEO verb dictionaries.

The sources are public TABARI/PETRARCH dictionaries (the Phoenix actor and agent files,
``CAMEO.2.0.txt``) and the PLOVER manual's CAMEO-to-PLOVER table; ``data/PROVENANCE.md``
names each file, its licence and checksum. :mod:`dotterel.knowledge.build` compiles them
at build time into ``data/*.json.gz``; the functions here load that compiled form and
return the same structures the text readers in :mod:`dotterel.dictionaries` produce, in a
fraction of their time (the text files take about a second to parse).

Each call returns fresh objects (callers may change them); the decoded file is cached.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from dotterel.dictionaries import KNOWLEDGE, ActorEntry, ActorLexicon, AgentEntry, VerbDictionary
from dotterel.errors import DictionaryError
from dotterel.knowledge.codec import (
    FORMAT,
    decode_actors,
    decode_agents,
    decode_verbs,
    load_gzip_json,
)

LOGGER = logging.getLogger(__name__)

#: The compiled files and their provenance.
DATA_DIR = Path(__file__).resolve().parent / "data"


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects.

    Decoding allocates ~100 000 lists and records, none of them in cycles, and the full
    collections those allocations trigger walk the whole heap, a loaded spaCy model
    included: that doubled the load time. Reference counting still frees as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@cache
def _document(name: str) -> dict[str, Any]:
    with no_gc():
        return _read_document(name)


def _read_document(name: str) -> dict[str, Any]:
    path = DATA_DIR / name
    try:
        doc = load_gzip_json(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise DictionaryError(f"cannot read the shipped knowledge base {path}: {exc}") from exc
    if doc.get("format") != FORMAT:
        raise DictionaryError(
            f"{path} is in format {doc.get('format')!r}, this dotterel reads {FORMAT}: rebuild "
            "with python -m dotterel.knowledge.build"
        )
    return dict(doc)


def load_actor_entries() -> list[ActorEntry]:
    """The shipped actors (Phoenix country, international and non-state files), in file order."""
    doc = _document("actors.json.gz")
    with no_gc():
        return decode_actors(doc["actors"], doc["sources"])


def load_agent_entries() -> list[AgentEntry]:
    """The shipped agent words (``Phoenix.agents.txt``), in file order."""
    doc = _document("actors.json.gz")
    return decode_agents(doc["agents"], doc["sources"])


def load_phrase_keys() -> tuple[str, dict[str, tuple[str, ...]]]:
    """The actor lexicon's token key for every shipped actor phrase and agent form, and
    the tokenizer (``lang_name-version`` of the base model) they were computed with.

    Only valid for that tokenizer: a caller with another one keys phrases itself.
    Prefilling the lexicon's key cache with these spares the tokenizer at start-up.
    """
    doc = _document("actors.json.gz")
    with no_gc():
        return doc["tokenizer"], _phrase_keys(doc)


def _phrase_keys(doc: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    keys: dict[str, tuple[str, ...]] = {}
    for rows in (doc["actors"]["entries"],):
        for row in rows:
            for phrase in row[2]:
                keys[phrase] = tuple(phrase.split())
    for row in doc["agents"]:
        for form in row[3]:
            keys[form] = tuple(form.split())
    keys.update((phrase, tuple(key)) for phrase, key in doc["keys"].items())
    return keys


def add_knowledge(lexicon: ActorLexicon, tokenizer_id: str) -> int:
    """Add the shipped actors to ``lexicon`` at KNOWLEDGE priority (below the built-in
    tables and the user's files: they fill gaps only); returns the phrases added.

    The phrase keys computed at build time are used when they were made with the same
    tokenizer (``tokenizer_id``, ``lang_name-version``), else phrases are keyed here
    (slower); the cyclic GC is paused while the ~35 000 small records are built (a full
    collection would walk the loaded model).
    """
    built_with, keys = load_phrase_keys()
    if built_with == tokenizer_id:
        lexicon.prefill_keys(keys)
    else:
        LOGGER.info("knowledge base keyed with %s, pipeline is %s", built_with, tokenizer_id)
    with no_gc():
        return lexicon.add_actor_entries(load_actor_entries(), priority=KNOWLEDGE)


def load_verb_dictionary() -> VerbDictionary:
    """The shipped CAMEO verb patterns (``CAMEO.2.0.txt``) as a :class:`VerbDictionary`."""
    doc = _document("verbs.json.gz")
    with no_gc():
        return decode_verbs(doc["verbs"])


def load_cameo_to_plover() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """CAMEO code -> (PLOVER type, mode, contexts), from the PLOVER manual's table."""
    plover = _document("verbs.json.gz")["plover"]
    return {code: (t, mode, tuple(ctx)) for code, (t, mode, ctx) in plover.items()}


__all__ = [
    "DATA_DIR",
    "add_knowledge",
    "load_actor_entries",
    "load_agent_entries",
    "load_cameo_to_plover",
    "load_phrase_keys",
    "load_verb_dictionary",
    "no_gc",
]
