"""The fixed blind third of a gold file: which records to tune on and which to keep unseen.

A record is *blind* when ``int(sha256(b"dotterel-blind-v1:" + key), 16) % 3 == 0``,
``key`` being the record's ``id`` (UTF-8), or its line number when the file gives no
id. The split depends only on the key, so it is the same on every machine, for every
task, and does not move when records are added to or removed from a file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Literal, TypeVar

from dotterel.evaluate.base import GoldRecord

#: Which records a run scores.
Part = Literal["tune", "blind", "all"]
PARTS: tuple[str, ...] = ("tune", "blind", "all")
#: Salt of the split; a new version would draw a new blind third.
SALT = b"dotterel-blind-v1:"
#: ``gold.record_id`` names a record without an id ``line N``.
_LINE_ID = re.compile(r"line (\d+)")

R = TypeVar("R", bound=GoldRecord)


def part_key(record_id: str) -> str:
    """The key a record is split by: its id, or for ``line N`` its line number ``N``."""
    m = _LINE_ID.fullmatch(record_id)
    return m.group(1) if m else record_id


def is_blind(record_id: str) -> bool:
    """Whether the record with this id (``gold.record_id`` form) is in the blind third."""
    digest = hashlib.sha256(SALT + part_key(record_id).encode("utf-8")).hexdigest()
    return int(digest, 16) % 3 == 0


def select(records: Sequence[R], part: str) -> list[R]:
    """The records of ``part``: ``tune`` (two thirds), ``blind`` (one third) or ``all``."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")
    if part == "all":
        return list(records)
    want_blind = part == "blind"
    return [r for r in records if is_blind(r.id) == want_blind]


__all__ = ["PARTS", "SALT", "Part", "is_blind", "part_key", "select"]
