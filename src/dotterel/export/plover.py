"""PLOVER JSONL: one JSON object per event record, with the PLOVER manual's field names.

Field names follow chapter 6 of the PLOVER manual (``id``, ``date``, ``enddate``,
``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``,
``event_text``, ``quad_code``, ``event_scale``, ``link``, ``text_info``, ``cite_info``,
``coder``, ``has_event``). PLOVER invites providers to add named fields; dotterel's
provenance (source chain, status, contested-by, the merged cluster) goes under
``dotterel``. ``data/plover.schema.json`` is the JSON schema of these records and
``docs/exports.md`` documents each field.

A record is one event *mention* (one article's report): ``text_info`` and ``cite_info``
describe one text. Mentions of the same real-world event share ``link`` (the cluster id),
which is the PLOVER field for "a common reference across multiple related events".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from dotterel.cameo import goldstein, quad_class, split_actor_code
from dotterel.export._schema_check import check
from dotterel.merge import EventCluster, cluster_index, event_chain, merge_events
from dotterel.model import Actor, CodedArticle, Event, Place, to_jsonable
from dotterel.timex import interval

LOGGER = logging.getLogger(__name__)

#: PLOVER's ``resolution``: 1 country, 2 province, 3 district, 4 city, 5 sub-city.
_RESOLUTION = {"country": 1, "adm1": 2, "adm2": 3, "city": 4}


@cache
def plover_schema() -> dict[str, Any]:
    """The JSON schema (draft 2020-12) every exported PLOVER record satisfies."""
    text = (
        resources.files("dotterel.export")
        .joinpath("data/plover.schema.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def _coder() -> str:
    from dotterel import __version__

    return f"dotterel {__version__}"


def entity(code: str | None, actor: Actor | None, words: str | None) -> dict[str, Any]:
    """PLOVER entity object (manual table 6.2) for one side of an event."""
    parts = split_actor_code(code, actor.country if actor else None)
    obj: dict[str, Any] = {"entity_text": words}
    if parts is not None:
        top = parts.country or parts.known_group or parts.code[:3]
        obj["code"] = top
        if parts.types:
            obj["sector"] = parts.types[0]
        if len(parts.types) > 1:
            obj["other_sector_codes"] = parts.types[1:]
        if parts.religions:
            obj["religion"] = parts.religions[0]
        obj["cameo_code"] = parts.code
    if actor is not None:
        obj["identifier_text"] = actor.name
        if actor.kind:
            obj["actor_kind"] = actor.kind
    return obj


def _feature_class(feature_code: str | None) -> str | None:
    if not feature_code:
        return None
    if feature_code.startswith(("PCL", "ADM")):
        return "A"
    if feature_code.startswith("PPL"):
        return "P"
    return None


def event_loc(place: Place | None) -> dict[str, Any] | None:
    """PLOVER location object (manual table 6.6), ``None`` when the event has no place."""
    if place is None:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=place.country_code) if place.country_code else None
    loc: dict[str, Any] = {"extracted_place": place.text}
    if place.level != "unresolved":
        loc.update(
            resolved_place=place.name,
            geonameid=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            country=country.name if country else None,
            country_code=country.alpha_3 if country else None,
            feature_class=_feature_class(place.feature_code),
            feature_code=place.feature_code,
            resolution=_RESOLUTION.get(place.level, 5 if place.level == "other" else None),
        )
        admin = place.admin1 or ""
        # GeoNames gives admin1 as a code ("06"); PLOVER's ``province`` is a name.
        key = "admin1_code" if admin.isalnum() and len(admin) <= 3 else "province"
        loc[key] = admin or None
    return {k: v for k, v in loc.items() if v is not None}


def _dates(value: str | None) -> tuple[str | None, str | None]:
    """PLOVER ``date`` and ``enddate``: a day as is; a coarser value as its first and
    last day (the event happened in between)."""
    span = interval(value)
    if span is None:
        return None, None
    if span.start == span.end:
        return span.start.isoformat(), None
    return span.start.isoformat(), span.end.isoformat()


def plover_record(
    event: Event,
    coded: CodedArticle,
    cluster: EventCluster | None = None,
    *,
    sequence: int | None = None,
    _summary: dict[str, Any] | None = None,
    _origin: str | None = None,
) -> dict[str, Any]:
    """One PLOVER record for one event of one article.

    ``_summary`` and ``_origin`` let :func:`plover_records` pass the cluster summary and
    the originating source it computed once per cluster (a cluster may have thousands
    of mentions).
    """
    actors = {a.id: a for a in coded.actors}
    places = {p.id: p for p in coded.places}
    article = coded.article
    start, end = _dates(event.date)
    quad = event.quad_class if event.quad_class is not None else quad_class(event.cameo)
    source_actor = actors.get(event.source_actor_id or "")
    target_actor = actors.get(event.target_actor_id or "")
    record: dict[str, Any] = {
        "id": event.id,
        "has_event": True,
        "date": start,
        "enddate": end,
        "actor": [entity(event.source_code, source_actor, event.source_text)],
        "recipient": (
            [entity(event.target_code, target_actor, event.target_text)]
            if event.target_code or event.target_text
            else []
        ),
        "event": [event.event_type],
        "mode": [event.mode] if event.mode else [],
        "context": list(event.context),
        "event_loc": event_loc(places.get(event.place_id or "")),
        "event_text": [event.trigger.text],
        "quad_code": quad,
        "event_scale": event.goldstein if event.goldstein is not None else goldstein(event.cameo),
        "link": cluster.id if cluster else None,
        "text_info": {
            "sequence": sequence,
            "start": event.sentence.start,
            "end": event.sentence.end,
        },
        "cite_info": {
            "citation": article.id,
            "url": article.url,
            "title": article.title,
            "language": article.language,
            "publication": article.outlet,
            "coder": _coder(),
            "codebook": "PLOVER (2021)",
        },
        "coder": _coder(),
        "dotterel": {
            "article_id": article.id,
            "pub_date": article.pub_date.isoformat() if article.pub_date else None,
            "cameo": event.cameo,
            "date_value": event.date,
            "date_source": event.date_source,
            "status": event.status,
            "status_cue": event.status_cue,
            "modality": event.modality,
            "negated": event.negated,
            "method": event.method,
            "attribution_id": event.attribution_id,
            "background": event.background,
            "confidence": event.confidence,
            "place_source": event.place_source,
            "symmetric": event.symmetric,
            # sides filled from general knowledge ("was arrested": the police), not the text
            "inferred": list(event.inferred),
            # PLOVER's event size; the schema has no field of its own for the counts
            "size": {"killed": event.killed, "injured": event.injured, "arrested": event.arrested},
            "source_chain": to_jsonable(event_chain(event, coded)),
            "contests": list(event.contests),
            "contested_by": list(event.contested_by),
            "trigger": {"start": event.trigger.start, "end": event.trigger.end},
        },
    }
    if cluster is not None:
        summary = _summary if _summary is not None else cluster_summary(cluster)
        record["dotterel"]["originating_source"] = (
            next(m.source_name for m in cluster.mentions if m.event.id == event.id)
            if _origin is None
            else _origin
        )
        record["dotterel"]["cluster"] = summary
    return record


def cluster_summary(cluster: EventCluster) -> dict[str, Any]:
    """What a PLOVER record says about its event's cluster."""
    return {
        "id": cluster.id,
        "n_mentions": cluster.n_mentions,
        "n_articles": cluster.n_articles,
        "n_sources": cluster.n_sources,
        "sources": cluster.sources,
        "status": cluster.status,
    }


def _sequence(coded: CodedArticle, event: Event) -> int | None:
    for i, s in enumerate(coded.sentences):
        if s.start <= event.trigger.start < s.end:
            return i
    return None


def plover_records(
    coded: Iterable[CodedArticle], clusters: Iterable[EventCluster] | None = None
) -> Iterator[dict[str, Any]]:
    """PLOVER records for every event of every article.

    Args:
        coded: the articles.
        clusters: their merged clusters (computed here when not given) to fill ``link``
            and ``dotterel.cluster``.
    """
    articles = list(coded)
    cluster_list = list(clusters) if clusters is not None else merge_events(articles)
    index = cluster_index(cluster_list)
    summaries = {c.id: cluster_summary(c) for c in cluster_list}
    origins = {m.event.id: m.source_name for c in cluster_list for m in c.mentions}
    for c in articles:
        for e in c.events:
            cluster = index.get(e.id)
            yield plover_record(
                e,
                c,
                cluster,
                sequence=_sequence(c, e),
                _summary=summaries.get(cluster.id) if cluster else None,
                _origin=origins.get(e.id),
            )


def write_plover(
    records: Iterable[dict[str, Any]], out: Path | TextIO, *, validate: bool = True
) -> int:
    """Write records as JSONL (one object a line, UTF-8); returns the record count.

    Each record is first checked against the shipped schema (:func:`plover_schema`, with
    :mod:`dotterel.export._schema_check`), so a record that breaks it stops the export
    instead of reaching an analyst.

    Raises:
        ValueError: a record does not satisfy the schema (a dotterel bug).
    """
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="\n") as fh:
            return write_plover(records, fh, validate=validate)
    schema = plover_schema()
    n = 0
    for r in records:
        if validate:
            check(r, schema)
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    LOGGER.info("wrote %d PLOVER records", n)
    return n


__all__ = [
    "cluster_summary",
    "entity",
    "event_loc",
    "plover_record",
    "plover_records",
    "plover_schema",
    "write_plover",
]
