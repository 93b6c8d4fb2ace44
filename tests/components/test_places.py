"""Toponyms: recognised, resolved with context, demonyms marked, ids deterministic."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.geo import haversine_km
from dotterel.model import Article, Place
from dotterel.pipeline import make_doc


def _places(nlp: Language, text: str) -> list[Place]:
    doc = nlp(make_doc(nlp, Article(text=text)))
    return list(doc._.places or [])


def _by_text(places: list[Place], text: str) -> Place:
    hits = [p for p in places if p.text == text]
    assert hits, f"{text!r} not among {[p.text for p in places]}"
    return hits[0]


@pytest.mark.slow
def test_province_word_picks_the_division(nlp: Language) -> None:
    places = _places(nlp, "Fighting continued in Helmand province on Monday, officials said.")
    helmand = _by_text(places, "Helmand")
    assert helmand.level == "adm1"
    assert helmand.feature_code == "ADM1"
    assert helmand.country_code == "AF"
    assert helmand.geonameid is not None


@pytest.mark.slow
def test_capital_and_demonym(nlp: Language) -> None:
    places = _places(nlp, "Russian officials denied sending weapons from Moscow last year.")
    russian = _by_text(places, "Russian")
    assert russian.demonym and russian.country_code == "RU" and russian.level == "country"
    moscow = _by_text(places, "Moscow")
    assert not moscow.demonym
    assert moscow.feature_code == "PPLC" and moscow.country_code == "RU"
    assert moscow.lat is not None and moscow.lon is not None
    assert haversine_km(moscow.lat, moscow.lon, 55.75, 37.62) < 20


@pytest.mark.slow
def test_following_division_places_the_town(nlp: Language) -> None:
    places = _places(nlp, "The festival in Paris, Texas drew large crowds this weekend.")
    paris = _by_text(places, "Paris")
    assert paris.country_code == "US" and paris.admin1 == "TX"


@pytest.mark.slow
def test_named_countries_steer_ambiguous_towns(nlp: Language) -> None:
    text = (
        "Australian police said the fire started near Perth. "
        "Residents of Perth were told to stay indoors."
    )
    places = _places(nlp, text)
    assert {p.country_code for p in places if p.text == "Perth"} == {"AU"}


@pytest.mark.slow
def test_a_town_typed_by_a_feature_word_is_read_in_the_article_countries(nlp: Language) -> None:
    # "Salisbury" is also an old name of Harare, a capital of millions; in a story about
    # Britain "the city of Salisbury" is the English town
    text = "Britain said on Monday that the attack happened in the city of Salisbury."
    salisbury = _by_text(_places(nlp, text), "Salisbury")
    assert salisbury.country_code == "GB"


@pytest.mark.slow
def test_number_abbreviation_is_not_a_place(nlp: Language) -> None:
    places = _places(nlp, "Reporters telephoned the Kandahar No. 3 Detention Centre.")
    assert "No" not in [p.text for p in places]


@pytest.mark.slow
def test_one_sense_per_article(nlp: Language) -> None:
    text = (
        "Clashes broke out in Farah province on Sunday. "
        "Local elders in Farah said dozens of people had fled."
    )
    farah = [p for p in _places(nlp, text) if p.text.startswith("Farah")]
    assert len(farah) == 2
    assert {p.level for p in farah} == {"adm1"}


@pytest.mark.slow
def test_unknown_region_stays_unresolved(nlp: Language) -> None:
    places = _places(nlp, "Tensions in the Middle East rose again this week.")
    for p in places:
        if "Middle East" in p.text:
            assert p.level == "unresolved" and p.lat is None and p.geonameid is None


@pytest.mark.slow
def test_ids_are_deterministic_and_ordered(nlp: Language) -> None:
    text = "Delegations from Kenya and Uganda met in Nairobi."
    art = Article(text=text)
    first = _places(nlp, text)
    second = _places(nlp, text)
    assert [p.id for p in first] == [p.id for p in second]
    assert [p.id for p in first] == [f"{art.id}-p{i}" for i in range(len(first))]
    assert [p.start for p in first] == sorted(p.start for p in first)
    for p in first:
        assert text[p.start : p.end] == p.text
