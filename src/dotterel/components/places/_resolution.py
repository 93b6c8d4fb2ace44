"""Resolving place mentions to gazetteer entries, and the finished records.

Owns the score of a candidate (population, level, own name, capital, big city, the
article's countries and divisions, a "Paris, Texas" qualifier, the feature word, a
dateline), the choice of the best candidate, one sense per article, and the
:class:`~dotterel.model.Place` records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from dotterel.components.places._lookup import GazetteerLookup, PlaceMention
from dotterel.geo import GazetteerEntry, normalize_name
from dotterel.model import Place

#: Cities this big win over a same-named division ("New York", "Sao Paulo").
BIG_CITY = 1_000_000

LEVEL_BONUS = {"country": 6.0, "other": 5.0, "adm1": 1.0, "city": 0.0}


@dataclass(slots=True)
class ArticleContext:
    """What the article has already told us: its countries and first-level divisions."""

    countries: set[str] = field(default_factory=set)
    divisions: set[tuple[str, str]] = field(default_factory=set)

    def add(self, entry: GazetteerEntry) -> None:
        if entry.country_code:
            self.countries.add(entry.country_code)
        if entry.level == "adm1":
            self.divisions.add((entry.country_code, entry.admin1))


class Resolver(GazetteerLookup):
    """The best gazetteer entry for a mention, in the light of the article so far.

    Mixed into :class:`~dotterel.components.places.PlacesComponent`, which sets the
    attributes declared here.
    """

    context_bonus: float
    capital_bonus: float

    def _score(self, e: GazetteerEntry, m: PlaceMention, ctx: ArticleContext) -> float:
        score = math.log10(e.population + 10) + LEVEL_BONUS.get(e.level, 0.0)
        if normalize_name(e.name) == normalize_name(m.key):
            # Called by its own name, not by one of its alternate (often historic)
            # names: only then do the capital and big-city readings apply.
            score += 1.0
            if e.feature_code == "PPLC":
                score += self.capital_bonus
            if e.level == "city" and e.population >= BIG_CITY:
                score += 3.0
        elif (
            e.level == "city"
            and e.population >= BIG_CITY
            and normalize_name(e.name).startswith(normalize_name(m.key) + " ")
        ):
            # "New York" for New York City: the big city's name begins with the key.
            score += 3.0
        if e.country_code in ctx.countries:
            score += self.context_bonus
        if m.qualifiers and e.level != "country":
            if (e.country_code, e.admin1) in m.qualifiers:
                score += 8.0
            elif (e.country_code, "") in m.qualifiers:
                score += 5.0
        if (e.country_code, e.admin1) in ctx.divisions and e.level == "city":
            score += 2.0
        if m.hint and e.level != "country":
            if m.hint == e.level:
                score += 10.0
            elif m.hint == "adm2":
                # No ADM2 rows: a district is usually named after its town.
                score += 4.0 if e.level == "city" else 2.0
        if m.dateline and e.level == "city":
            score += 3.0
        return score

    def _resolve(self, m: PlaceMention, ctx: ArticleContext) -> GazetteerEntry | None:
        cands = self._candidates(m)
        if not cands:
            return None
        if m.hint and any(e.level == "country" for e in cands):
            # "the U.S. District Court": a country name is never a district's.
            m.hint = None
        return max(cands, key=lambda e: (self._score(e, m, ctx), -e.index))


def remember(memory: dict[str, GazetteerEntry], m: PlaceMention, entry: GazetteerEntry) -> None:
    """One sense per article: the mention's name, and the entry's own name ("Farah
    Province", an alias, also fixes what a later bare "Farah" means)."""
    memory.setdefault(normalize_name(m.key), entry)
    if entry.level in ("adm1", "city"):
        memory.setdefault(normalize_name(entry.name), entry)


def to_place(pid: str, m: PlaceMention, e: GazetteerEntry | None) -> Place:
    if e is None:
        return Place(id=pid, start=m.start, end=m.end, text=m.text, demonym=m.demonym)
    return Place(
        id=pid,
        start=m.start,
        end=m.end,
        text=m.text,
        name=e.name,
        geonameid=e.geonameid,
        feature_code=e.feature_code,
        country_code=e.country_code or None,
        admin1=e.admin1 if e.level in ("adm1", "city") and e.admin1 else None,
        lat=e.lat,
        lon=e.lon,
        level=e.level,
        demonym=m.demonym,
    )
