"""Reading gold files in the formats of ``eval/README.md`` (any file, not only ours).

Helpers shared by the task modules: JSONL/JSON reading with line numbers, and field
parsers (spans, dates, strings) whose failures become a :class:`GoldFormatError` that
names the file and line, so that a user's own gold file gets an actionable message.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dotterel.errors import GoldFormatError
from dotterel.model import Article

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a gold file, for error messages: ``path:line``."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    def error(self, message: str) -> GoldFormatError:
        return GoldFormatError(f"{self}: {message}")


def read_records(path: Path) -> list[tuple[Where, dict[str, Any]]]:
    """The JSON objects of a gold file with where each came from.

    JSONL (one object a line, blank lines skipped) is the rule; a file holding a single
    JSON object or a JSON array of objects (like ``seed_gold.json``) is accepted too.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file ({exc})") from exc
    stripped = raw.lstrip()
    if not stripped:
        raise GoldFormatError(f"{path}: gold file is empty")
    if stripped[0] in "[{":
        try:
            whole = json.loads(raw)
        except json.JSONDecodeError:
            whole = None  # not a single document: read it as JSONL below
        if isinstance(whole, dict):
            return [(Where(path, 1), whole)]
        if isinstance(whole, list):
            out = []
            for i, item in enumerate(whole):
                if not isinstance(item, dict):
                    raise GoldFormatError(f"{path}: item {i} of the array is not an object")
                out.append((Where(path, i + 1), item))
            return out
    records: list[tuple[Where, dict[str, Any]]] = []
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = Where(path, n)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise where.error(f"invalid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise where.error("a record must be a JSON object")
        records.append((where, obj))
    if not records:
        raise GoldFormatError(f"{path}: no records")
    return records


def text_of(obj: dict[str, Any], where: Where) -> str:
    """The record's ``text`` (required, a non-empty string)."""
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        raise where.error("'text' must be a non-empty string")
    return text


def record_id(obj: dict[str, Any], where: Where) -> str:
    """The record's ``id``, or ``line N`` when the file gives none."""
    value = obj.get("id")
    return str(value) if value is not None else f"line {where.line}"


def optional_str(obj: dict[str, Any], key: str, where: Where) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise where.error(f"'{key}' must be a string")


def parse_date(value: Any, where: Where, key: str = "pub_date") -> date | None:
    """An ISO date (``2017-08-07``; ``20170807`` accepted), or ``None`` when absent."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        s = value.strip()
        if len(s) == 8 and s.isdigit():
            s = f"{s[:4]}-{s[4:6]}-{s[6:]}"
        try:
            return date.fromisoformat(s[:10])
        except ValueError:
            pass
    raise where.error(f"'{key}' must be an ISO date like 2017-08-07, got {value!r}")


def gold_article(obj: dict[str, Any], where: Where, text: str) -> Article:
    """The :class:`Article` a gold record describes: its text and whatever metadata it
    gives (``title``, ``outlet``, ``url``, ``pub_date``), as a user would supply them."""
    return Article(
        text=text,
        title=optional_str(obj, "title", where),
        outlet=optional_str(obj, "outlet", where),
        url=optional_str(obj, "url", where),
        pub_date=parse_date(obj.get("pub_date"), where),
        origin=str(where),
    )


def parse_span(value: Any, where: Where, key: str, text_len: int) -> tuple[int, int] | None:
    """A ``[start, end)`` span given as ``[s, e]`` or ``{"start": s, "end": e}``; ``None`` stays."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = [value.get("start"), value.get("end")]
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        start, end = int(value[0]), int(value[1])
        if 0 <= start <= end <= text_len:
            return (start, end)
        raise where.error(f"'{key}' span {value} is outside the text (length {text_len})")
    raise where.error(f"'{key}' must be [start, end] or {{start, end}}, got {value!r}")


def require_list(obj: dict[str, Any], key: str, where: Where) -> list[Any]:
    """``obj[key]`` as a list (absent or ``null`` is an empty list)."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise where.error(f"'{key}' must be a list")
    return value


def require_dict(value: Any, where: Where, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise where.error(f"each item of {what} must be an object")
    return value


def as_float(value: Any, where: Where, key: str) -> float | None:
    """A coordinate or similar number; strings like ``"33.9"`` are accepted."""
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise where.error(f"'{key}' must be a number, got {value!r}") from exc


__all__ = [
    "Where",
    "as_float",
    "optional_str",
    "parse_date",
    "parse_span",
    "read_records",
    "record_id",
    "require_dict",
    "require_list",
    "text_of",
]
