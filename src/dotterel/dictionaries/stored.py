"""User dictionaries as a component keeps them, so that ``nlp.to_disk`` saves them.

A component that loaded TABARI/PETRARCH files keeps each one's source bytes
(:class:`StoredDictionary`) and writes them into its directory of a saved pipeline::

    dotterel_actors/
        dictionaries.json        [{"kind": "actors", "file": "0/PETR.Validate.actors.txt"}, ...]
        0/PETR.Validate.actors.txt
        1/PETR.Validate.agents.txt

On loading, the component reads the files back with the same readers, in the same order,
so the lookups it compiles are the ones it had. The file keeps its name (evidence strings
such as ``PETR.Validate.actors.txt:12 ATLANTIS`` cite it); the numbered folders keep two
files of the same name apart. The source text is kept, not the parsed objects, so a saved
pipeline holds nothing but text a reader can check.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import srsly

from dotterel.errors import DictionaryError

#: The index file in a component's directory.
MANIFEST = "dictionaries.json"


@dataclass(frozen=True, slots=True)
class StoredDictionary:
    """One user dictionary file: its kind (``actors``, ``agents``, ``discards``,
    ``verbs``), its file name and its bytes as read."""

    kind: str
    name: str
    data: bytes

    @classmethod
    def read(cls, kind: str, path: str | Path) -> StoredDictionary:
        p = Path(path)
        try:
            return cls(kind=kind, name=p.name, data=p.read_bytes())
        except OSError as exc:
            raise DictionaryError(f"cannot read dictionary {p}: {exc}") from exc


def write_dictionaries(path: str | Path, stored: Sequence[StoredDictionary]) -> None:
    """Write ``stored`` into the directory ``path`` (created), with its manifest."""
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i, item in enumerate(stored):
        rel = f"{i}/{item.name}"
        (root / str(i)).mkdir(exist_ok=True)
        (root / rel).write_bytes(item.data)
        manifest.append({"kind": item.kind, "file": rel})
    (root / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def saved_dictionaries(path: str | Path) -> list[tuple[str, Path]]:
    """``(kind, file)`` of each dictionary saved in ``path``, in load order; none when
    ``path`` holds no manifest (a pipeline saved without user dictionaries)."""
    root = Path(path)
    manifest = root / MANIFEST
    if not manifest.is_file():
        return []
    return [(e["kind"], root / e["file"]) for e in json.loads(manifest.read_text("utf-8"))]


def dictionaries_to_bytes(stored: Sequence[StoredDictionary]) -> bytes:
    return srsly.msgpack_dumps([{"kind": s.kind, "name": s.name, "data": s.data} for s in stored])


@contextmanager
def dictionaries_from_bytes(data: bytes) -> Iterator[list[tuple[str, Path]]]:
    """``(kind, file)`` as :func:`saved_dictionaries`, from :func:`dictionaries_to_bytes`'
    output written to a temporary directory (the readers read files by path)."""
    items = [StoredDictionary(e["kind"], e["name"], e["data"]) for e in srsly.msgpack_loads(data)]
    with tempfile.TemporaryDirectory(prefix="dotterel-dicts-") as tmp:
        write_dictionaries(tmp, items)
        yield saved_dictionaries(tmp)


__all__ = [
    "MANIFEST",
    "StoredDictionary",
    "dictionaries_from_bytes",
    "dictionaries_to_bytes",
    "saved_dictionaries",
    "write_dictionaries",
]
