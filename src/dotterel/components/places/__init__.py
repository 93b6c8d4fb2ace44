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

This package's ``__init__`` holds the spaCy component (its two passes) and factory; the
rest are private modules: ``_lookup`` (a mention and its gazetteer candidates),
``_mentions`` (where mentions are found) and ``_resolution`` (scoring, one sense per
article, the :class:`~dotterel.model.Place` records).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from dotterel.components.places._mentions import MentionFinder
from dotterel.components.places._resolution import ArticleContext, Resolver, remember, to_place
from dotterel.extensions import article_of, register_extensions
from dotterel.geo import GazetteerEntry, load_gazetteer, normalize_name
from dotterel.geo.layout import read_table
from dotterel.model import Place

LOGGER = logging.getLogger(__name__)

DATA = Path(__file__).parent.parent / "data" / "places"


def _read_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize_name(w) for w in lines if w.strip() and not w.startswith("#"))


class PlacesComponent(MentionFinder, Resolver):
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
        # (spaCy types nlp.tokenizer as any callable; a pipeline's is a Tokenizer)
        tokenizer = cast(Tokenizer, nlp.tokenizer)
        self.matcher.add("SALIENT", list(tokenizer.pipe(keys)))
        self.context_bonus = context_bonus
        self.capital_bonus = capital_bonus

    def __call__(self, doc: Doc) -> Doc:
        art = article_of(doc)
        mentions = self._mentions(doc)
        resolved: dict[int, GazetteerEntry | None] = {}
        ctx = ArticleContext()
        memory: dict[str, GazetteerEntry] = {}
        # Pass 1: mentions that settle themselves: countries and demonyms, then names a
        # feature word types ("Farah province", "the city of X"), in the light of the
        # countries (a British story's "city of Salisbury" is not Harare's old name).
        hinted: list[int] = []
        for i, m in enumerate(mentions):
            cands = self._candidates(m)
            if m.demonym or (cands and cands[0].level == "country"):
                entry = self._resolve(m, ArticleContext())
            elif m.hint:
                hinted.append(i)
                continue
            else:
                continue
            resolved[i] = entry
            if entry is not None:
                ctx.add(entry)
                if not m.demonym:
                    remember(memory, m, entry)
        countries = ArticleContext(countries=set(ctx.countries))
        for i in hinted:
            entry = self._resolve(mentions[i], countries)
            resolved[i] = entry
            if entry is not None:
                ctx.add(entry)
                remember(memory, mentions[i], entry)
        # Pass 2: divisions and towns, in the light of the article's countries and
        # divisions, and of earlier resolutions of the same name.
        for i, m in enumerate(mentions):
            if i in resolved:
                continue
            entry = memory.get(normalize_name(m.key)) or self._resolve(m, ctx)
            resolved[i] = entry
            if entry is not None:
                remember(memory, m, entry)
                if entry.level == "adm1":
                    ctx.divisions.add((entry.country_code, entry.admin1))
        places: list[Place] = []
        for i, m in enumerate(mentions):
            places.append(to_place(f"{art.id}-p{i}", m, resolved[i]))
        doc._.places = places
        return doc


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


__all__ = ["PlacesComponent", "make_places"]
