"""Seed task, gold side: the records of ``seed_gold.json`` and their reader.

See :mod:`dotterel.evaluate.seed` for the matching rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.errors import GoldFormatError
from dotterel.evaluate.gold import (
    Where,
    as_float,
    gold_article,
    read_records,
    record_id,
    require_dict,
    require_list,
)
from dotterel.model import Article


@dataclass(frozen=True, slots=True)
class SeedActor:
    name: str
    mentions: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeedEvent:
    key: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    plover: tuple[str, ...]
    cameo_root: tuple[str, ...]
    evidence: str | None
    chain: tuple[str, ...]
    place: str | None = None
    date: str | None = None
    status: str | None = None
    denies: str | None = None


@dataclass(frozen=True, slots=True)
class SeedAttribution:
    content_starts: str
    source: str | None
    cue: str | None
    anonymous: bool
    chain: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeedPlace:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class SeedDate:
    text: str
    value: str
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class SeedGold:
    id: str
    article: Article
    actors: list[SeedActor] = field(default_factory=list)
    not_actors: list[str] = field(default_factory=list)
    events: list[SeedEvent] = field(default_factory=list)
    attributions: list[SeedAttribution] = field(default_factory=list)
    hedged: list[str] = field(default_factory=list)
    places: list[SeedPlace] = field(default_factory=list)
    dates: list[SeedDate] = field(default_factory=list)


# --- loading ------------------------------------------------------------------------


def _strs(value: Any, where: Where, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise where.error(f"'{key}' must be a string or a list of strings")


def _text(obj: dict[str, Any], where: Where) -> str:
    if isinstance(obj.get("text"), str) and obj["text"]:
        return str(obj["text"])
    name = obj.get("text_file")
    if not isinstance(name, str):
        raise where.error("a seed record needs 'text' or 'text_file'")
    path = where.path.parent / name
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{where}: cannot read text_file {path} ({exc})") from exc


def _load_one(where: Where, obj: dict[str, Any]) -> SeedGold:
    text = _text(obj, where)
    actors = []
    for item in require_list(obj, "actors", where):
        a = require_dict(item, where, "actors")
        name = a.get("name")
        if not isinstance(name, str):
            raise where.error("every actor needs a 'name'")
        actors.append(
            SeedActor(
                name,
                _strs(a.get("mentions"), where, "mentions"),
                _strs(a.get("codes"), where, "codes"),
            )
        )
    events: list[SeedEvent] = []
    for item in require_list(obj, "events", where):
        e = require_dict(item, where, "events")
        events.append(
            SeedEvent(
                key=str(e.get("key", f"event {len(events)}")),
                source=_strs(e.get("source"), where, "source"),
                target=_strs(e.get("target"), where, "target"),
                plover=tuple(s.upper() for s in _strs(e.get("plover"), where, "plover")),
                cameo_root=_strs(e.get("cameo_root"), where, "cameo_root"),
                evidence=e.get("evidence") if isinstance(e.get("evidence"), str) else None,
                chain=_strs(e.get("chain"), where, "chain"),
                place=e.get("place") if isinstance(e.get("place"), str) else None,
                date=e.get("date") if isinstance(e.get("date"), str) else None,
                status=e.get("status") if isinstance(e.get("status"), str) else None,
                denies=e.get("denies") if isinstance(e.get("denies"), str) else None,
            )
        )
    attributions = []
    for item in require_list(obj, "attributions", where):
        a = require_dict(item, where, "attributions")
        if not isinstance(a.get("content_starts"), str):
            raise where.error("every attribution needs 'content_starts'")
        attributions.append(
            SeedAttribution(
                a["content_starts"],
                a.get("source") if isinstance(a.get("source"), str) else None,
                a.get("cue") if isinstance(a.get("cue"), str) else None,
                bool(a.get("anonymous", False)),
                _strs(a.get("chain"), where, "chain"),
            )
        )
    places = []
    for item in require_list(obj, "places", where):
        p = require_dict(item, where, "places")
        lat, lon = as_float(p.get("lat"), where, "lat"), as_float(p.get("lon"), where, "lon")
        if not isinstance(p.get("name"), str) or lat is None or lon is None:
            raise where.error("every place needs 'name', 'lat' and 'lon'")
        places.append(SeedPlace(p["name"], lat, lon))
    dates = []
    for item in require_list(obj, "dates", where):
        d = require_dict(item, where, "dates")
        if not isinstance(d.get("text"), str) or not isinstance(d.get("value"), str):
            raise where.error("every date needs 'text' and 'value'")
        rel = d.get("relation") if isinstance(d.get("relation"), str) else None
        dates.append(SeedDate(d["text"], d["value"], rel))
    article = gold_article(obj, where, text)
    return SeedGold(
        id=record_id(obj, where),
        article=article,
        actors=actors,
        not_actors=list(_strs(obj.get("not_actors"), where, "not_actors")),
        events=events,
        attributions=attributions,
        hedged=list(_strs(obj.get("hedged"), where, "hedged")),
        places=places,
        dates=dates,
    )


def load(path: Path) -> list[SeedGold]:
    """Read a seed-style gold file (one JSON object, an array of them, or JSONL)."""
    return [_load_one(where, obj) for where, obj in read_records(path)]
