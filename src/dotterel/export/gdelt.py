"""The GDELT 2.0 event table: one tab-separated line of 61 columns per event cluster.

GDELT's event table holds deduplicated events, so a line is a :class:`~dotterel.merge.
EventCluster`, described by its representative (earliest published) mention; its
``NumMentions``/``NumSources``/``NumArticles`` come from the merge. Every column's source
is documented in ``docs/gdelt.md``; a column we have no value for is left empty, never
filled with a guess.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from dotterel.cameo import goldstein, quad_class, split_actor_code
from dotterel.merge import EventCluster, EventMention
from dotterel.model import Actor, Place
from dotterel.timex import interval

LOGGER = logging.getLogger(__name__)

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

#: The 61 columns of the GDELT 2.0 event table, in GDELT's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

#: GDELT geographic resolution codes.
GEO_COUNTRY, GEO_USSTATE, GEO_USCITY, GEO_WORLDCITY, GEO_WORLDSTATE = 1, 2, 3, 4, 5


def global_event_id(cluster_id: str) -> int:
    """A stable 60-bit integer for a cluster id (GDELT ids are integers)."""
    return int(hashlib.sha256(cluster_id.encode("utf-8")).hexdigest()[:15], 16)


def _clean(value: object) -> str:
    """One field: ``None`` -> empty; tabs and newlines (which would break the line) -> space."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e6 else str(value)
    return " ".join(str(value).split())


def _fips(iso2: str | None) -> str | None:
    """FIPS 10-4 country code (what GDELT's geo fields use) of an ISO 3166-1 alpha-2 code."""
    if not iso2:
        return None
    from dotterel.export._countries import fips_of

    return fips_of(iso2)


def date_fields(value: str | None) -> tuple[str, str, str, str]:
    """``SQLDATE, MonthYear, Year, FractionDate`` for a TIMEX value, each filled only when
    the value is precise enough for it (a month fills MonthYear and Year, not SQLDATE)."""
    span = interval(value)
    if span is None:
        return ("", "", "", "")
    precision = span.precision
    if precision == "day":
        d = span.start
        days_in_year = (date(d.year, 12, 31) - date(d.year, 1, 1)).days + 1
        fraction = d.year + (d.timetuple().tm_yday - 1) / days_in_year
        return (d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{fraction:.4f}")
    if precision == "month":
        return ("", span.start.strftime("%Y%m"), str(span.start.year), "")
    if span.start.year == span.end.year:
        return ("", "", str(span.start.year), "")
    return ("", "", "", "")


def _actor_fields(code: str | None, actor: Actor | None, words: str | None) -> list[str]:
    parts = split_actor_code(code, actor.country if actor else None)
    name = actor.name if actor is not None else words
    if parts is None:
        return ["", _clean(name), *([""] * 8)]
    religions = [*parts.religions, "", ""][:2]
    types = [*parts.types, "", "", ""][:3]
    return [
        parts.code,
        _clean(name),
        _clean(parts.country),
        _clean(parts.known_group),
        _clean(parts.ethnic),
        *religions,
        *types,
    ]


def _geo_type(place: Place) -> int | None:
    us = place.country_code == "US"
    if place.level == "country":
        return GEO_COUNTRY
    if place.level == "adm1":
        return GEO_USSTATE if us else GEO_WORLDSTATE
    if place.level in ("city", "adm2", "other") and place.lat is not None:
        # GDELT gives every point below ADM1 (towns, landmarks) a city type.
        return GEO_USCITY if us else GEO_WORLDCITY
    return None


def _country_name(iso2: str | None) -> str | None:
    if not iso2:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    return country.name if country else None


def geo_fields(place: Place | None) -> list[str]:
    """The eight ``*Geo_`` fields for a place (all empty for an unresolved one)."""
    if place is None:
        return [""] * 8
    geo_type = _geo_type(place)
    if geo_type is None:
        return [""] * 8
    fips = _fips(place.country_code)
    country_name = _country_name(place.country_code)
    name = place.name or place.text
    full = [name]
    admin = place.admin1 or ""
    admin_is_code = admin.isalnum() and len(admin) <= 3  # GeoNames codes: "06", "NY"
    if geo_type != GEO_COUNTRY:
        if admin and not admin_is_code and admin != name:
            full.append(admin)
        if country_name and country_name != name:
            full.append(country_name)
    adm1 = ""
    if fips and admin and admin_is_code:
        adm1 = fips + admin  # GeoNames admin1 codes are FIPS 10-4 outside the US
    if geo_type == GEO_COUNTRY:
        adm1 = fips or ""
    feature = ""
    if geo_type == GEO_COUNTRY:
        feature = fips or ""
    elif geo_type in (GEO_WORLDSTATE, GEO_USSTATE):
        feature = adm1
    return [
        str(geo_type),
        _clean(", ".join(p for p in full if p)),
        _clean(fips),
        adm1,
        "",
        _clean(place.lat),
        _clean(place.lon),
        feature,
    ]


def _is_root(m: EventMention) -> bool:
    """Whether the event is in the article's lead paragraph (text before the first blank
    line, or the first line when there is none)."""
    text = m.article.text
    end = text.find("\n\n")
    if end < 0:
        end = text.find("\n")
    if end < 0:
        end = len(text)
    return m.event.trigger.start < end


def gdelt_row(cluster: EventCluster, added: datetime | None = None) -> list[str]:
    """The 61 fields of one cluster.

    Args:
        cluster: the event cluster.
        added: when the earliest member was stored (``DATEADDED``); empty when unknown.
    """
    rep = cluster.representative
    e = rep.event
    cameo = next((m.event.cameo for m in cluster.mentions if m.event.cameo), None)
    quad = e.quad_class if e.quad_class is not None else quad_class(cameo)
    url = next((m.article.url for m in cluster.mentions if m.article.url), None)
    row = [
        str(global_event_id(cluster.id)),
        *date_fields(cluster.date),
        *_actor_fields(e.source_code, rep.source_actor, e.source_text),
        *_actor_fields(e.target_code, rep.target_actor, e.target_text),
        "1" if any(_is_root(m) for m in cluster.mentions) else "0",
        _clean(cameo),
        _clean(cameo[:3] if cameo else None),
        _clean(cameo[:2] if cameo else None),
        _clean(quad),
        _clean(e.goldstein if e.goldstein is not None else goldstein(cameo)),
        str(cluster.n_mentions),
        str(cluster.n_sources),
        str(cluster.n_articles),
        "",  # AvgTone: dotterel scores no tone
        *([""] * 8),  # Actor1Geo: dotterel does not locate actors, only events
        *([""] * 8),  # Actor2Geo
        *geo_fields(cluster.place),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _clean(url),
    ]
    assert len(row) == 61, len(row)
    return row


def gdelt_rows(
    clusters: Iterable[EventCluster], added: Mapping[str, datetime] | None = None
) -> Iterator[list[str]]:
    """Rows for many clusters; ``added`` maps article ids to their storing time."""
    added = added or {}
    for c in clusters:
        times = [added[a] for a in c.article_ids if a in added]
        yield gdelt_row(c, min(times) if times else None)


def write_gdelt(
    clusters: Iterable[EventCluster],
    out: Path | TextIO,
    added: Mapping[str, datetime] | None = None,
) -> int:
    """Write the GDELT event table (tab-separated, no header); returns the line count."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="\n") as fh:
            return write_gdelt(clusters, fh, added)
    n = 0
    for row in gdelt_rows(clusters, added):
        out.write("\t".join(row) + "\n")
        n += 1
    LOGGER.info("wrote %d GDELT events", n)
    return n


__all__ = [
    "GDELT_COLUMNS",
    "date_fields",
    "gdelt_row",
    "gdelt_rows",
    "geo_fields",
    "global_event_id",
    "write_gdelt",
]
