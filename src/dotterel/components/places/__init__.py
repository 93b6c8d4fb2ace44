"""Find toponyms and geocode them with the offline gazetteer (issue 6).

Mentions come from ``GPE``/``LOC``/``FAC`` entities; from demonyms (``NORP``, and the
lone ``PERSON`` the small model puts on "Slovak"), which GeoWebNews counts as toponyms
and which carry ``Place.demonym = True`` so other components can tell them apart; from
other entities that are wholly a country or division name, or a town after "in"/"from"
or before ", <state>"; from toponyms inside other names ("New York Times"); from
country names, demonyms and big cities that NER left untagged; from "X province" /
"province of X" (``data/places/feature_words.tsv``); and from datelines.

Each mention is resolved against the gazetteer (:mod:`dotterel.geo`) in two passes:

1. Mentions that settle themselves (a country name, a demonym, a name with a feature
   word) are resolved first; their countries and divisions become the article's context.
2. The rest score every candidate: population, level (country > division > city), the
   entry's own name over an alternate one, capital cities (news writes "Moscow" for
   Russia's capital, not the Idaho town), cities of a million ("New York"), the context,
   a following ", Texas", and the feature word. A name resolved once keeps that
   resolution in the article (one sense per discourse: "Farah province" ... "in Farah").

The component never guesses: a mention with no gazetteer entry is kept with level
``unresolved`` and no coordinates. ``docs/places.md`` has the measurements.
"""

from __future__ import annotations

import itertools
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from dotterel.extensions import article_of, register_extensions
from dotterel.geo import GazetteerEntry, load_gazetteer, normalize_name
from dotterel.geo.dateline import find_datelines
from dotterel.geo.layout import read_table
from dotterel.model import Place

LOGGER = logging.getLogger(__name__)

DATA = Path(__file__).parent.parent / "data" / "places"
#: Entity labels that name places.
PLACE_LABELS: tuple[str, ...] = ("GPE", "LOC", "FAC")
#: Entity labels that may be demonyms ("Russian", "Afghans"; the small model often
#: calls a lone "Slovak" a PERSON).
DEMONYM_LABELS: tuple[str, ...] = ("NORP", "PERSON")
#: Prepositions after which an ORG-labelled name that is a town is taken as the town
#: ("a man from Dewsbury").
LOCATIVE_PREPS = frozenset({"in", "from", "near", "at", "outside", "across", "around", "to"})
#: The same for PERSON-labelled names, without "to" and "at" ("talked to Nelson").
PERSON_LOCATIVE_PREPS = frozenset({"in", "from", "near", "outside"})
#: Entity labels NER sometimes puts on a place name; used when the whole name is a
#: country, division or continent, or comes with a feature word ("Farah province").
FALLBACK_LABELS: tuple[str, ...] = ("ORG", "PERSON", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT")
#: Labels whose names may hold a toponym ("New York Times", "Canadian Press"), which
#: GeoWebNews annotates as an embedded toponym.
EMBEDDING_LABELS: tuple[str, ...] = (
    "ORG",
    "EVENT",
    "WORK_OF_ART",
    "PRODUCT",
    "FAC",
    "NORP",
    "LAW",
    "MONEY",
)
#: A city inside another name, or named by a ``LOC`` entity, must be at least this big
#: ("Atlantic" the ocean is not Atlantic, Iowa).
MIN_EMBEDDED_CITY = 100_000
#: An ORG-labelled name is taken for a town this big in a country the article names.
MIN_CONTEXT_TOWN = 10_000
#: Levels that a name is taken for without further evidence.
_BROAD_LEVELS = frozenset({"country", "adm1", "other"})

#: Cities this big win over a same-named division ("New York", "Sao Paulo").
BIG_CITY = 1_000_000

_LEVEL_BONUS = {"country": 6.0, "other": 5.0, "adm1": 1.0, "city": 0.0}


@dataclass(slots=True)
class _Mention:
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


@dataclass(slots=True)
class _Context:
    """What the article has already told us: its countries and first-level divisions."""

    countries: set[str] = field(default_factory=set)
    divisions: set[tuple[str, str]] = field(default_factory=set)

    def add(self, entry: GazetteerEntry) -> None:
        if entry.country_code:
            self.countries.add(entry.country_code)
        if entry.level == "adm1":
            self.divisions.add((entry.country_code, entry.admin1))


def _read_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_name(w) for w in lines if w.strip() and not w.startswith("#"))


class PlacesComponent:
    """Find toponyms and geocode them with the offline gazetteer."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        gazetteer_path: str | None = None,
        context_bonus: float = 3.0,
        capital_bonus: float = 2.0,
    ) -> None:
        """
        Args:
            nlp: the pipeline (unused; spaCy's factory signature).
            name: component name.
            gazetteer_path: a compiled gazetteer; ``None`` means the packaged one.
            context_bonus: score added to candidates in a country the article names.
            capital_bonus: score added to national capitals.
        """
        register_extensions()
        self.name = name
        self.gazetteer = load_gazetteer(gazetteer_path)
        self.feature_words: dict[str, str] = dict(read_table(DATA / "feature_words.tsv"))
        self.generic_words: frozenset[str] = _read_words(DATA / "generic_words.txt")
        # Salient names (countries, demonyms, big cities) found even outside entities:
        # the small model misses many a lone "France" or "Turkish".
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        keys = [k for k in self.gazetteer.salient_keys() if k not in self.generic_words]
        self.matcher.add("SALIENT", list(nlp.tokenizer.pipe(keys)))
        self.context_bonus = context_bonus
        self.capital_bonus = capital_bonus

    # -- mentions ---------------------------------------------------------------------

    def _feature_after(self, doc: Doc, end: int) -> str | None:
        if end < len(doc):
            return self.feature_words.get(doc[end].lower_)
        return None

    def _feature_before(self, doc: Doc, start: int) -> str | None:
        if start >= 2 and doc[start - 1].lower_ == "of":
            return self.feature_words.get(doc[start - 2].lower_)
        return None

    def _from_span(self, span: Span) -> _Mention | None:
        """A mention for an entity span, with "the"/"'s" trimmed and a feature hint."""
        doc = span.doc
        start, end = span.start, span.end
        while start < end and doc[start].lower_ == "the":
            start += 1
        while end > start and doc[end - 1].lower_ in ("'s", "’s", "'"):
            end -= 1
        if start >= end:
            return None
        hint = None
        key_end = end
        if end - start > 1 and doc[end - 1].lower_ in self.feature_words:
            # "Farah Province" -> Farah as a province; but "Mexico City" and
            # "Kansas City" are names of their own, looked up whole.
            hint = self.feature_words[doc[end - 1].lower_]
            if not self.gazetteer.lookup(doc[start:end].text):
                key_end = end - 1
        else:
            hint = self._feature_after(doc, end) or self._feature_before(doc, start)
            # "Suffolk County", "Farah Province": a capitalised feature word is part of
            # the name as written.
            if (
                hint
                and end < len(doc)
                and doc[end].is_title
                and doc[end].lower_ in self.feature_words
            ):
                end += 1
        text = doc[start:end].text
        key = doc[start:key_end].text
        return _Mention(doc[start].idx, doc[start:end].end_char, text, key, hint)

    def _mentions(self, doc: Doc) -> list[_Mention]:
        found: list[_Mention] = []
        taken: set[int] = set()

        def add(m: _Mention | None) -> None:
            if m is None or any(i in taken for i in range(m.start, m.end)):
                return
            found.append(m)
            taken.update(range(m.start, m.end))

        for start, end in find_datelines(doc.text):
            text = doc.text[start:end]
            if self.gazetteer.lookup(text):
                add(_Mention(start, end, text, text, dateline=True))
        maybe_towns: list[Span] = []
        for ent in doc.ents:
            label = ent.label_
            if label in PLACE_LABELS:
                m = self._from_span(ent)
                if m is not None and (label != "FAC" or self.gazetteer.lookup(m.key)):
                    m.label = label
                    add(m)
                    continue
            if label in DEMONYM_LABELS:
                words = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
                if self.gazetteer.lookup_demonym(words.text):
                    text = words.text
                    add(_Mention(words.start_char, words.end_char, text, text, demonym=True))
                    continue
            if label in FALLBACK_LABELS:
                m = self._from_span(ent)
                if m is not None and (
                    m.hint or self._is_broad(m.key, ent) or self._is_located_town(m.key, ent)
                ):
                    m.label = label
                    add(m)
                    continue
            if label == "ORG" and len(ent) <= 2 and self._towns(ent.text):
                maybe_towns.append(ent)
            if label in EMBEDDING_LABELS and not (
                label == "NORP" and ent[0].lower_ in self.generic_words
            ):
                # (A "Central American" is not an "American".)
                for m in self._embedded(ent):
                    add(m)
        # An ORG that is the name of a town in a country the article names ("Nitra" in
        # a story about Slovakia) is taken for the town.
        countries = {
            e.country_code
            for m in found
            for e in self._candidates(m)[:1]
            if m.demonym or e.level == "country"
        }
        for ent in maybe_towns:
            if any(e.country_code in countries for e in self._towns(ent.text)):
                m = self._from_span(ent)
                if m is not None:
                    m.label = ent.label_
                    add(m)
        in_entity = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            if any(i in in_entity for i in range(start, end)):
                continue
            if not all(t.is_title or t.is_upper for t in span if t.is_alpha):
                continue
            text = span.text
            demonym = not self.gazetteer.lookup(text) and bool(self.gazetteer.lookup_demonym(text))
            add(_Mention(span.start_char, span.end_char, text, text, demonym=demonym))
        # "Farah province" where NER saw no entity: proper nouns before a feature word.
        for tok in doc:
            level = self.feature_words.get(tok.lower_)
            if level is None or tok.i == 0 or tok.idx in taken:
                continue
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                start -= 1
            if start < tok.i and not any(doc[j].idx in taken for j in range(start, tok.i)):
                span = doc[start : tok.i]
                if self.gazetteer.lookup(span.text):
                    add(_Mention(span.start_char, span.end_char, span.text, span.text, level))
        found.sort(key=lambda m: m.start)
        self._qualify(doc.text, found)
        return found

    def _qualify(self, text: str, mentions: list[_Mention]) -> None:
        """Note "Paris, Texas" / "Farah, Afghanistan": the second name places the first."""
        for m, nxt in itertools.pairwise(mentions):
            if m.demonym or nxt.demonym or text[m.end : nxt.start].strip() != ",":
                continue
            for e in self.gazetteer.lookup(nxt.key):
                if e.level == "adm1":
                    m.qualifiers.add((e.country_code, e.admin1))
                elif e.level == "country":
                    m.qualifiers.add((e.country_code, ""))

    def _towns(self, name: str) -> list[GazetteerEntry]:
        """Towns of at least ``MIN_CONTEXT_TOWN`` people called ``name``."""
        return [
            e
            for e in self.gazetteer.lookup(name)
            if e.level == "city" and e.population >= MIN_CONTEXT_TOWN
        ]

    def _is_broad(self, name: str, ent: Span) -> bool:
        """Is ``name`` a country, division or continent (for a PERSON: a country, or a
        division of two words or more, like "Tamil Nadu")?"""
        if normalize_name(name) in self.generic_words:
            return False
        if ent.label_ == "PERSON":
            levels = {"country", "adm1"} if len(ent) > 1 else {"country"}
        else:
            levels = set(_BROAD_LEVELS)
        return any(e.level in levels for e in self.gazetteer.lookup(name))

    def _is_located_town(self, name: str, ent: Span) -> bool:
        """A mislabelled town: "from Dewsbury", or "Klamath Falls, Oregon"."""
        if ent.label_ not in ("ORG", "PERSON"):
            return False
        cands = [e for e in self.gazetteer.lookup(name) if e.level == "city"]
        if not cands:
            return False
        doc = ent.doc
        preps = LOCATIVE_PREPS if ent.label_ == "ORG" else PERSON_LOCATIVE_PREPS
        if ent.start > 0 and doc[ent.start - 1].lower_ in preps:
            return True
        if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            nxt = doc[ent.end + 1 : ent.end + 3]
            for k in (2, 1):
                region = self.gazetteer.lookup(nxt[:k].text) if len(nxt) >= k else []
                broad = {(e.country_code, e.admin1) for e in region if e.level == "adm1"}
                broad |= {(e.country_code, "") for e in region if e.level == "country"}
                if any(
                    (c.country_code, c.admin1) in broad or (c.country_code, "") in broad
                    for c in cands
                ):
                    return True
        return False

    def _embedded(self, ent: Span) -> list[_Mention]:
        """Toponyms inside another entity's name, longest first, left to right."""
        found: list[_Mention] = []
        i = ent.start
        while i < ent.end:
            for j in range(min(ent.end, i + 3), i, -1):
                span = ent.doc[i:j]
                if not all(t.is_title or t.is_upper for t in span if t.is_alpha):
                    continue
                if not span[0].text[:1].isupper():
                    continue
                text = span.text
                if normalize_name(text) in self.generic_words:
                    continue
                if self.gazetteer.lookup_demonym(text):
                    found.append(_Mention(span.start_char, span.end_char, text, text, demonym=True))
                    break
                if any(
                    e.level in _BROAD_LEVELS
                    or (e.level == "city" and e.population >= MIN_EMBEDDED_CITY)
                    for e in self.gazetteer.lookup(text)
                ):
                    found.append(
                        _Mention(span.start_char, span.end_char, text, text, label="EMBEDDED")
                    )
                    break
            else:
                i += 1
                continue
            i = j
        return found

    # -- resolution -------------------------------------------------------------------

    def _candidates(self, m: _Mention) -> list[GazetteerEntry]:
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
                or (e.population >= MIN_EMBEDDED_CITY and _own_name(e.name, key))
            ]
        return cands

    def _score(self, e: GazetteerEntry, m: _Mention, ctx: _Context) -> float:
        score = math.log10(e.population + 10) + _LEVEL_BONUS.get(e.level, 0.0)
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

    def _resolve(self, m: _Mention, ctx: _Context) -> GazetteerEntry | None:
        cands = self._candidates(m)
        if not cands:
            return None
        if m.hint and any(e.level == "country" for e in cands):
            # "the U.S. District Court": a country name is never a district's.
            m.hint = None
        return max(cands, key=lambda e: (self._score(e, m, ctx), -e.index))

    def __call__(self, doc: Doc) -> Doc:
        art = article_of(doc)
        mentions = self._mentions(doc)
        resolved: dict[int, GazetteerEntry | None] = {}
        ctx = _Context()
        memory: dict[str, GazetteerEntry] = {}
        # Pass 1: mentions that settle themselves (countries, demonyms, hinted names).
        for i, m in enumerate(mentions):
            cands = self._candidates(m)
            if m.demonym or (cands and cands[0].level == "country") or m.hint:
                entry = self._resolve(m, _Context())
                resolved[i] = entry
                if entry is not None:
                    ctx.add(entry)
                    if not m.demonym:
                        _remember(memory, m, entry)
        # Pass 2: divisions and towns, in the light of the article's countries and
        # divisions, and of earlier resolutions of the same name.
        for i, m in enumerate(mentions):
            if i in resolved:
                continue
            entry = memory.get(normalize_name(m.key)) or self._resolve(m, ctx)
            resolved[i] = entry
            if entry is not None:
                _remember(memory, m, entry)
                if entry.level == "adm1":
                    ctx.divisions.add((entry.country_code, entry.admin1))
        places: list[Place] = []
        for i, m in enumerate(mentions):
            places.append(_to_place(f"{art.id}-p{i}", m, resolved[i]))
        doc._.places = places
        return doc


def _own_name(name: str, key: str) -> bool:
    """``key`` is the entry's own name, or the start of it ("New York" City)."""
    own = normalize_name(name)
    return own == key or own.startswith(key + " ")


def _remember(memory: dict[str, GazetteerEntry], m: _Mention, entry: GazetteerEntry) -> None:
    """One sense per article: the mention's name, and the entry's own name ("Farah
    Province", an alias, also fixes what a later bare "Farah" means)."""
    memory.setdefault(normalize_name(m.key), entry)
    if entry.level in ("adm1", "city"):
        memory.setdefault(normalize_name(entry.name), entry)


def _to_place(pid: str, m: _Mention, e: GazetteerEntry | None) -> Place:
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


@Language.factory(
    "dotterel_places",
    assigns=["doc._.places"],
    requires=["doc.ents"],
    default_config={"gazetteer_path": None, "context_bonus": 3.0, "capital_bonus": 2.0},
)
def make_places(
    nlp: Language,
    name: str,
    gazetteer_path: str | None,
    context_bonus: float,
    capital_bonus: float,
) -> PlacesComponent:
    return PlacesComponent(
        nlp,
        name,
        gazetteer_path=gazetteer_path,
        context_bonus=context_bonus,
        capital_bonus=capital_bonus,
    )
