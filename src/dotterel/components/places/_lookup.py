"""A place mention and the gazetteer entries it may be.

Owns :class:`PlaceMention` (a toponym or demonym found in the text, before it is
resolved) and :class:`GazetteerLookup`, the candidate lookup that both finding mentions
(:mod:`._mentions`) and resolving them (:mod:`._resolution`) ask: a demonym's countries,
nothing for a generic word, and no small town for a building or region name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dotterel.geo import Gazetteer, GazetteerEntry, normalize_name

#: Entity labels that name places.
PLACE_LABELS: tuple[str, ...] = ("GPE", "LOC", "FAC")
#: A city inside another name, or named by a ``LOC`` entity, must be at least this big
#: ("Atlantic" the ocean is not Atlantic, Iowa).
MIN_EMBEDDED_CITY = 100_000


@dataclass(slots=True)
class PlaceMention:
    """A toponym or demonym in the text, before it is resolved."""

    start: int
    end: int
    text: str
    #: The name to look up (the mention without "the", "'s" or its feature word).
    key: str
    #: Level a feature word asked for: ``adm1``, ``adm2``, ``city`` or ``None``.
    hint: str | None = None
    demonym: bool = False
    dateline: bool = False
    #: NER label of the entity it came from (``""`` for patterns and datelines).
    label: str = ""
    #: ``(country, admin1)`` pairs named right after it ("Paris, Texas"); admin1 is
    #: ``""`` for a country.
    qualifiers: set[tuple[str, str]] = field(default_factory=set)


class GazetteerLookup:
    """The gazetteer entries a mention may be: the base of :class:`._mentions.MentionFinder`
    and :class:`._resolution.Resolver`.

    :class:`~dotterel.components.places.PlacesComponent` sets the attributes declared here.
    """

    gazetteer: Gazetteer
    generic_words: frozenset[str]

    def _candidates(self, m: PlaceMention) -> list[GazetteerEntry]:
        if m.demonym:
            return self.gazetteer.lookup_demonym(m.key)
        if m.hint is None and normalize_name(m.key) in self.generic_words:
            return []
        cands = self.gazetteer.lookup(m.key)
        if not cands and m.label in PLACE_LABELS and self.gazetteer.lookup_demonym(m.key):
            # NER calls some demonyms GPE ("Emirati").
            m.demonym = True
            return self.gazetteer.lookup_demonym(m.key)
        if m.label in ("LOC", "FAC", "EMBEDDED"):
            # A building or a region is not a small town, nor a city known by that
            # name only as a translation ("White House" is an old name of Casablanca).
            key = normalize_name(m.key)
            cands = [
                e
                for e in cands
                if e.level != "city"
                or (e.population >= MIN_EMBEDDED_CITY and own_name(e.name, key))
            ]
        return cands


def own_name(name: str, key: str) -> bool:
    """``key`` is the entry's own name, or the start of it ("New York" City)."""
    own = normalize_name(name)
    return own == key or own.startswith(key + " ")
