"""Load the compiled gazetteer and look names up in it.

The file is column-wise JSON (see :mod:`dotterel.geo.build`), so loading is one
``json.loads`` of a few big lists plus two dicts, with no per-row Python work; an
:class:`GazetteerEntry` is only made for the candidates a lookup returns. One
:class:`Gazetteer` is shared per process (:func:`load_gazetteer` caches it), which is
what a worker pays once when it builds its pipeline.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dotterel.geo.layout import COLUMNS, DEFAULT_OUTPUT, FORMAT_VERSION, SEP
from dotterel.geo.names import normalize_name

LOGGER = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088

#: Names whose lookups a :class:`Gazetteer` keeps (a few MB at most).
_MAX_REMEMBERED = 20_000


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: a country, first-level division, continent or city."""

    index: int
    geonameid: int
    name: str
    feature_code: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    population: int
    #: ``country`` | ``adm1`` | ``city`` | ``other`` (continents)
    level: str


class _Index:
    """A name -> row-numbers map over the build's sorted key list.

    Lookups bisect the sorted keys instead of hashing them: building a dict of ~300,000
    keys would be a third of the load time, and a bisection is still a few µs.
    Postings are parsed only for the key asked for.
    """

    __slots__ = ("_keys", "_postings")

    def __init__(self, keys: str, postings: str) -> None:
        self._keys = keys.split(SEP) if keys else []
        self._postings = postings.split(SEP) if postings else []
        if len(self._keys) != len(self._postings):
            raise ValueError("gazetteer index is corrupt: keys and postings differ in length")

    def __len__(self) -> int:
        return len(self._keys)

    def get(self, key: str) -> list[int] | None:
        pos = bisect_left(self._keys, key)
        if pos == len(self._keys) or self._keys[pos] != key:
            return None
        return [int(i) for i in self._postings[pos].split(",")]


class Gazetteer:
    """Name -> candidate places, with the demonyms kept apart from the names."""

    def __init__(self, document: dict[str, Any]) -> None:
        if document.get("format") != FORMAT_VERSION:
            raise ValueError(
                f"gazetteer format {document.get('format')!r}, expected {FORMAT_VERSION}: "
                "rebuild it with `python -m dotterel.geo.build`"
            )
        self._cols: dict[str, list[str]] = {c: document[c].split(SEP) for c in COLUMNS}
        self._names = _Index(document["names_keys"], document["names_postings"])
        self._demonyms = _Index(document["demonyms_keys"], document["demonyms_postings"])
        keys = document.get("salient_keys", "")
        self._salient: tuple[str, ...] = tuple(keys.split(SEP)) if keys else ()
        self._by_country: dict[str, int] = {
            cc: i
            for i, (cc, level) in enumerate(
                zip(self._cols["country_code"], self._cols["level"], strict=True)
            )
            if level == "country"
        }
        #: (country, admin1 code) -> row of that first-level division; built on first use
        self._divisions: dict[tuple[str, str], int] | None = None
        #: name as asked -> its places, for :meth:`lookup` and :meth:`lookup_demonym`
        self._found: dict[tuple[str, bool], tuple[GazetteerEntry, ...]] = {}

    @classmethod
    def from_path(cls, path: str | Path) -> Gazetteer:
        """Read a compiled ``.json.gz`` file."""
        with gzip.open(path, "rb") as fh:
            return cls(json.loads(fh.read()))

    def __len__(self) -> int:
        return len(self._cols["geonameid"])

    def entry(self, index: int) -> GazetteerEntry:
        """The row at ``index``."""
        c = self._cols
        return GazetteerEntry(
            index=index,
            geonameid=int(c["geonameid"][index]),
            name=c["name"][index],
            feature_code=c["feature_code"][index],
            country_code=c["country_code"][index],
            admin1=c["admin1"][index],
            lat=float(c["lat"][index]),
            lon=float(c["lon"][index]),
            population=int(c["population"][index]),
            level=c["level"][index],
        )

    def salient_keys(self) -> tuple[str, ...]:
        """Normalised names of countries, continents, big cities and divisions, and
        demonyms: the names worth finding even where NER saw no entity."""
        return self._salient

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Places called ``name`` (any spelling the build indexed), best prior first."""
        found = self._found.get((name, False))
        if found is None:
            found = tuple(self.entry(i) for i in self._names.get(normalize_name(name)) or ())
            self._remember((name, False), found)
        return list(found)

    def lookup_demonym(self, word: str) -> list[GazetteerEntry]:
        """Countries or divisions a demonym stands for ("Afghan", "Russians")."""
        found = self._found.get((word, True))
        if found is None:
            key = normalize_name(word)
            hits = self._demonyms.get(key)
            if hits is None and key.endswith("s"):
                hits = self._demonyms.get(key[:-1])
            found = tuple(self.entry(i) for i in hits or ())
            self._remember((word, True), found)
        return list(found)

    def _remember(self, asked: tuple[str, bool], found: tuple[GazetteerEntry, ...]) -> None:
        """Keep a lookup's answer: the places components ask for the same names many
        times per article (each check normalises, bisects and makes every entry anew).
        Entries are frozen, so sharing them is safe; the memo is bounded for long runs."""
        if len(self._found) >= _MAX_REMEMBERED:
            self._found.clear()
        self._found[asked] = found

    def division(self, iso2: str, admin1: str) -> GazetteerEntry | None:
        """The first-level division (ADM1) that an ``admin1`` code names in a country
        (``("US", "DC")`` -> District of Columbia), or ``None``."""
        if self._divisions is None:
            c = self._cols
            self._divisions = {
                (cc, a1): i
                for i, (cc, a1, level) in enumerate(
                    zip(c["country_code"], c["admin1"], c["level"], strict=True)
                )
                if level == "adm1"
            }
        index = self._divisions.get((iso2.upper(), admin1))
        return None if index is None else self.entry(index)

    def country(self, iso2: str) -> GazetteerEntry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        index = self._by_country.get(iso2.upper())
        return None if index is None else self.entry(index)


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The process-wide gazetteer (the packaged one unless ``path`` is given)."""
    target = Path(path) if path else DEFAULT_OUTPUT
    if not target.exists():
        raise FileNotFoundError(
            f"gazetteer not found at {target}: build it with `python -m dotterel.geo.build`"
        )
    gaz = Gazetteer.from_path(target)
    LOGGER.info("loaded gazetteer %s (%d places)", target, len(gaz))
    return gaz


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


__all__ = ["Gazetteer", "GazetteerEntry", "haversine_km", "load_gazetteer"]
