"""User dictionaries saved with a component: files, manifest and bytes round trips."""

from __future__ import annotations

from pathlib import Path

from dotterel.dictionaries.stored import (
    StoredDictionary,
    dictionaries_from_bytes,
    dictionaries_to_bytes,
    saved_dictionaries,
    write_dictionaries,
)

# two files of the same name stay apart; latin-1 bytes are kept as they are
STORED = [
    StoredDictionary("actors", "mine.txt", b"ZEMBLA_ [ZEM]\n"),
    StoredDictionary("agents", "mine.txt", b"COURTIER [~GOV]\n"),
    StoredDictionary("actors", "old.txt", "ONHAV\xc1 [ZEM]\n".encode("latin-1")),
]


def test_files_keep_name_order_and_bytes(tmp_path: Path) -> None:
    write_dictionaries(tmp_path / "pipe", STORED)
    saved = saved_dictionaries(tmp_path / "pipe")
    assert [(kind, path.name) for kind, path in saved] == [
        ("actors", "mine.txt"),
        ("agents", "mine.txt"),
        ("actors", "old.txt"),
    ]
    assert [path.read_bytes() for _kind, path in saved] == [s.data for s in STORED]


def test_no_manifest_means_no_dictionaries(tmp_path: Path) -> None:
    assert saved_dictionaries(tmp_path) == []
    write_dictionaries(tmp_path / "empty", [])
    assert saved_dictionaries(tmp_path / "empty") == []


def test_bytes_round_trip() -> None:
    with dictionaries_from_bytes(dictionaries_to_bytes(STORED)) as saved:
        assert [StoredDictionary.read(kind, path) for kind, path in saved] == STORED
