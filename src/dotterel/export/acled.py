"""ACLED-style CSV: one row per event record of an ACLED event type, ACLED's column names.

ACLED (Armed Conflict Location & Event Data) codes political violence, demonstrations and
a few strategic developments; analysts have scripts, dashboards and habits built on its
columns. This module writes dotterel's events in that shape:

* the event type and sub-event type come from ``data/acled_types.tsv`` (PLOVER type, mode,
  context, CAMEO code and the target's class -> ACLED type), whose header says how a row
  is chosen and why each row is what it is; events of no ACLED type (statements, appeals,
  aid ...) are left out and counted (:attr:`AcledRows.unmapped`);
* ``inter1``/``inter2`` come from ``data/acled_actors.tsv`` (CAMEO actor code components
  -> ACLED inter codes); ``interaction`` is the two inter codes, lower first (``10`` for
  a side alone), as ACLED writes it;
* ``geo_precision`` is ACLED's spatial precision from the place's level (1 town,
  2 region, 3 country); ``time_precision`` likewise from the date (1 day, 2 week, 3 coarser);
* ``fatalities`` is ``Event.killed``, 0 when the text gives no count (as ACLED does), and
  ``fatalities_known`` says which zeros are counts;
* dotterel's own columns follow: ``status``, ``chain``, ``confidence``, ``background``,
  ``event_id``, ``article_id``, ``cluster_id`` (rows of one real-world event share it).

``docs/exports.md`` lists every column and the mapping.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from dotterel.cameo import split_actor_code
from dotterel.merge import EventCluster, cluster_index, event_chain
from dotterel.model import Actor, CodedArticle, Event, Place
from dotterel.timex import interval

LOGGER = logging.getLogger(__name__)

#: The columns, in order: ACLED's, then dotterel's.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "fatalities_known",
    # dotterel's
    "status",
    "chain",
    "confidence",
    "background",
    "plover_type",
    "cameo",
    "date_value",
    "actor1_code",
    "actor2_code",
    "event_id",
    "article_id",
    "cluster_id",
)

#: ACLED spatial precision of each place level: 1 town, 2 region, 3 country.
GEO_PRECISION = {"city": 1, "other": 1, "adm2": 2, "adm1": 2, "country": 3}
#: ACLED time precision of each TIMEX precision: 1 day, 2 week, 3 month or coarser.
TIME_PRECISION = {"day": 1, "week": 2}
#: Keys of a row of ``acled_types.tsv``, in the file's order.
_TYPE_KEYS = ("plover_type", "mode", "context", "cameo", "target")


@dataclass(frozen=True, slots=True)
class TypeRule:
    """One row of ``data/acled_types.tsv``."""

    keys: dict[str, str]
    event_type: str
    sub_event_type: str
    actor1_inter: int | None
    rationale: str

    @property
    def specificity(self) -> int:
        return sum(1 for v in self.keys.values() if v)


@dataclass(frozen=True, slots=True)
class ActorRule:
    """One row of ``data/acled_actors.tsv``."""

    inter: int
    target: str


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("dotterel.export").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # after the header
        yield line.split("\t")


@cache
def type_rules() -> tuple[TypeRule, ...]:
    """The rows of ``data/acled_types.tsv``, in file order."""
    rules = []
    for cells in _rows("acled_types.tsv"):
        cells += [""] * (9 - len(cells))
        keys = dict(zip(_TYPE_KEYS, cells[:5], strict=True))
        inter = int(cells[7]) if cells[7] else None
        rules.append(TypeRule(keys, cells[5], cells[6], inter, cells[8]))
    return tuple(rules)


@cache
def actor_rules() -> dict[str, ActorRule]:
    """Actor code component -> inter code and target class (``data/acled_actors.tsv``)."""
    return {c[0]: ActorRule(int(c[1]), c[2]) for c in _rows("acled_actors.tsv")}


def _components(code: str | None, actor: Actor | None) -> tuple[list[str], bool]:
    """The code's known group and roles in code order, and whether it names a state
    (a bare country or region code)."""
    parts = split_actor_code(code, actor.country if actor else None)
    if parts is None:
        return [], False
    comps = ([parts.known_group] if parts.known_group else []) + list(parts.types)
    return comps, bool(parts.country) and not comps


def actor_inter(
    code: str | None, actor: Actor | None, event_country: str | None
) -> tuple[int | None, str]:
    """ACLED inter code and target class (``armed``, ``civilians`` or ``""``) of one side.

    ``event_country`` is the ISO-3 code of the country the event happened in; state
    forces of another country are ACLED's external forces (8).
    """
    comps, state = _components(code, actor)
    rules = actor_rules()
    rule = next((rules[c] for c in comps if c in rules), None)
    if rule is None:
        if not state:
            return None, ""
        rule = ActorRule(1, "")
    inter = rule.inter
    country = actor.country if actor and actor.country else (code or "")[:3]
    if inter == 1 and event_country and country and country != event_country:
        inter = 8
    return inter, rule.target


def acled_type(event: Event, target_class: str) -> TypeRule | None:
    """The ``acled_types.tsv`` row for an event (``None`` when no row matches)."""
    facts = {
        "plover_type": event.event_type.upper(),
        "mode": event.mode or "",
        "cameo": event.cameo or "",
        "target": target_class,
    }
    best: TypeRule | None = None
    for rule in type_rules():
        k = rule.keys
        if k["plover_type"] and k["plover_type"] != facts["plover_type"]:
            continue
        if k["mode"] and k["mode"] != facts["mode"]:
            continue
        if k["context"] and k["context"] not in event.context:
            continue
        if k["cameo"] and not facts["cameo"].startswith(k["cameo"]):
            continue
        if k["target"] and k["target"] != facts["target"]:
            continue
        if best is None or rule.specificity > best.specificity:
            best = rule
    return best


def _iso3(iso2: str | None) -> tuple[str | None, str | None]:
    """ISO-3 code and name of an ISO alpha-2 country code: the common name where ISO has
    one ("South Korea", "Syria", as ACLED writes them, not "Korea, Republic of")."""
    if not iso2:
        return None, None
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    if country is None:
        return None, None
    return country.alpha_3, getattr(country, "common_name", None) or country.name


def _admin1(place: Place) -> str | None:
    """A province *name*: the place itself when it is one, else the division its admin1
    code names in the gazetteer (GeoNames gives codes such as ``06`` or ``DC``; ACLED's
    admin1 is a name), else its admin1 when that is already a name."""
    if place.level == "adm1":
        return place.name or place.text
    admin = place.admin1 or ""
    if not admin:
        return None
    if not (admin.isalnum() and len(admin) <= 3):
        return admin
    if not place.country_code:
        return None
    from dotterel.geo.gazetteer import load_gazetteer

    division = load_gazetteer().division(place.country_code, admin)
    return division.name if division is not None else None


def _interaction(a: int | None, b: int | None) -> int | None:
    codes = sorted(x for x in (a, b) if x is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _side_name(actor: Actor | None, words: str | None, code: str | None) -> str | None:
    return (actor.name if actor is not None else None) or words or code


@dataclass
class AcledRows:
    """The rows of an export, and how many events had no ACLED type."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    unmapped: int = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def acled_row(
    event: Event, coded: CodedArticle, cluster: EventCluster | None = None
) -> dict[str, Any] | None:
    """The ACLED-style row of one event, ``None`` when it has no ACLED type."""
    actors = {a.id: a for a in coded.actors}
    places = {p.id: p for p in coded.places}
    place = places.get(event.place_id or "")
    iso3, country = _iso3(place.country_code if place else None)
    source_actor = actors.get(event.source_actor_id or "")
    target_actor = actors.get(event.target_actor_id or "")
    inter1, _ = actor_inter(event.source_code, source_actor, iso3)
    inter2, target_class = actor_inter(event.target_code, target_actor, iso3)
    rule = acled_type(event, target_class)
    if rule is None or not rule.event_type:
        return None
    if rule.actor1_inter is not None:
        inter1 = rule.actor1_inter
    span = interval(event.date)
    chain = event_chain(event, coded)
    resolved = place is not None and place.level != "unresolved"
    return {
        "event_date": span.start.isoformat() if span else None,
        "year": span.start.year if span else None,
        "time_precision": TIME_PRECISION.get(span.precision, 3) if span else None,
        "event_type": rule.event_type,
        "sub_event_type": rule.sub_event_type,
        "actor1": _side_name(source_actor, event.source_text, event.source_code),
        "assoc_actor_1": None,
        "inter1": inter1,
        "actor2": _side_name(target_actor, event.target_text, event.target_code),
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "country": country,
        "admin1": _admin1(place) if resolved and place else None,
        "location": (place.name or place.text) if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": GEO_PRECISION.get(place.level) if resolved and place else None,
        "source": coded.article.outlet,
        "source_scale": None,
        "notes": " ".join(event.sentence.text.split()),
        "fatalities": event.killed if event.killed is not None else 0,
        "fatalities_known": event.killed is not None,
        "status": event.status,
        "chain": " > ".join(link.name for link in chain),
        "confidence": event.confidence,
        "background": event.background,
        "plover_type": event.event_type,
        "cameo": event.cameo,
        "date_value": event.date,
        "actor1_code": event.source_code,
        "actor2_code": event.target_code,
        "event_id": event.id,
        "article_id": coded.article.id,
        "cluster_id": cluster.id if cluster else None,
    }


def acled_rows(
    coded: Iterable[CodedArticle], clusters: Iterable[EventCluster] | None = None
) -> AcledRows:
    """Rows for every event of an ACLED type, in article then event order."""
    index = cluster_index(clusters or [])
    out = AcledRows()
    for c in coded:
        for e in c.events:
            row = acled_row(e, c, index.get(e.id))
            if row is None:
                out.unmapped += 1
            else:
                out.rows.append(row)
    return out


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_acled(rows: Iterable[dict[str, Any]], out: Path | TextIO) -> int:
    """Write the rows as CSV (UTF-8, a header, ``,``-separated, quoted as needed); returns
    the row count."""
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return write_acled(rows, fh)
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
        n += 1
    LOGGER.info("wrote %d ACLED-style events", n)
    return n


__all__ = [
    "ACLED_COLUMNS",
    "GEO_PRECISION",
    "TIME_PRECISION",
    "AcledRows",
    "ActorRule",
    "TypeRule",
    "acled_row",
    "acled_rows",
    "acled_type",
    "actor_inter",
    "actor_rules",
    "type_rules",
    "write_acled",
]
