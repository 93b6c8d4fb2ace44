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

from functools import cache
from pathlib import Path
from typing import Any

from dotterel.dictionaries.actors import ActorEntry, AgentEntry
from dotterel.dictionaries.verbs import VerbDictionary
from dotterel.errors import DictionaryError
from dotterel.knowledge.codec import (
    FORMAT,
    decode_actors,
    decode_agents,
    decode_verbs,
    load_gzip_json,
)

#: The compiled files and their provenance.
DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def _document(name: str) -> dict[str, Any]:
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
    return decode_actors(doc["actors"], doc["sources"])


def load_agent_entries() -> list[AgentEntry]:
    """The shipped agent words (``Phoenix.agents.txt``), in file order."""
    doc = _document("actors.json.gz")
    return decode_agents(doc["agents"], doc["sources"])


def load_verb_dictionary() -> VerbDictionary:
    """The shipped CAMEO verb patterns (``CAMEO.2.0.txt``) as a :class:`VerbDictionary`."""
    return decode_verbs(_document("verbs.json.gz")["verbs"])


def load_cameo_to_plover() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """CAMEO code -> (PLOVER type, mode, contexts), from the PLOVER manual's table."""
    plover = _document("verbs.json.gz")["plover"]
    return {code: (t, mode, tuple(ctx)) for code, (t, mode, ctx) in plover.items()}


__all__ = [
    "DATA_DIR",
    "load_actor_entries",
    "load_agent_entries",
    "load_cameo_to_plover",
    "load_verb_dictionary",
]
