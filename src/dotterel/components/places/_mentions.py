"""Finding the place mentions of a document.

Owns where a toponym or demonym is taken from: ``GPE``/``LOC``/``FAC`` entities,
demonyms, other entities that are wholly a country or division name or a located town,
toponyms inside other names, salient names NER left untagged, "X province", datelines;
and the "Paris, Texas" qualifiers a following name adds.
"""

from __future__ import annotations

import itertools

from spacy.attrs import LOWER
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from dotterel.components._dateline import dateline_places
from dotterel.components._syntax import doc_text
from dotterel.components.places._lookup import (
    MIN_EMBEDDED_CITY,
    PLACE_LABELS,
    GazetteerLookup,
    PlaceMention,
)
from dotterel.geo import GazetteerEntry, normalize_name

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
#: An ORG-labelled name is taken for a town this big in a country the article names.
MIN_CONTEXT_TOWN = 10_000
#: Levels that a name is taken for without further evidence.
BROAD_LEVELS = frozenset({"country", "adm1", "other"})


class MentionFinder(GazetteerLookup):
    """Place mentions of a document, in text order, not yet resolved.

    Mixed into :class:`~dotterel.components.places.PlacesComponent`, which sets the
    attributes declared here.
    """

    feature_words: dict[str, str]
    matcher: PhraseMatcher

    def _feature_after(self, doc: Doc, end: int) -> str | None:
        if end < len(doc):
            return self.feature_words.get(doc[end].lower_)
        return None

    def _feature_before(self, doc: Doc, start: int) -> str | None:
        if start >= 2 and doc[start - 1].lower_ == "of":
            return self.feature_words.get(doc[start - 2].lower_)
        return None

    def _from_span(self, span: Span) -> PlaceMention | None:
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
        return PlaceMention(doc[start].idx, doc[start:end].end_char, text, key, hint)

    def _mentions(self, doc: Doc) -> list[PlaceMention]:
        found: list[PlaceMention] = []
        taken: set[int] = set()

        def add(m: PlaceMention | None) -> None:
            if m is None or any(i in taken for i in range(m.start, m.end)):
                return
            found.append(m)
            taken.update(range(m.start, m.end))

        for start, end in dateline_places(doc):
            text = doc_text(doc)[start:end]
            if self.gazetteer.lookup(text):
                add(PlaceMention(start, end, text, text, dateline=True))
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
                    add(PlaceMention(words.start_char, words.end_char, text, text, demonym=True))
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
            add(PlaceMention(span.start_char, span.end_char, text, text, demonym=demonym))
        # "Farah province" where NER saw no entity: proper nouns before a feature word.
        # filter on the token array: a Token object is made only for a feature word
        feature_ids = {get_string_id(w) for w in self.feature_words}
        for i, lower_id in enumerate(doc.to_array([LOWER]).tolist()):
            if lower_id not in feature_ids:
                continue
            tok = doc[i]
            level = self.feature_words.get(tok.lower_)
            if level is None or tok.i == 0 or tok.idx in taken:
                continue
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                start -= 1
            if start < tok.i and not any(doc[j].idx in taken for j in range(start, tok.i)):
                span = doc[start : tok.i]
                if self.gazetteer.lookup(span.text):
                    add(PlaceMention(span.start_char, span.end_char, span.text, span.text, level))
        found.sort(key=lambda m: m.start)
        self._qualify(doc_text(doc), found)
        return found

    def _qualify(self, text: str, mentions: list[PlaceMention]) -> None:
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
            levels = set(BROAD_LEVELS)
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

    def _embedded(self, ent: Span) -> list[PlaceMention]:
        """Toponyms inside another entity's name, longest first, left to right."""
        found: list[PlaceMention] = []
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
                    found.append(
                        PlaceMention(span.start_char, span.end_char, text, text, demonym=True)
                    )
                    break
                if any(
                    e.level in BROAD_LEVELS
                    or (e.level == "city" and e.population >= MIN_EMBEDDED_CITY)
                    for e in self.gazetteer.lookup(text)
                ):
                    found.append(
                        PlaceMention(span.start_char, span.end_char, text, text, label="EMBEDDED")
                    )
                    break
            else:
                i += 1
                continue
            i = j
        return found
