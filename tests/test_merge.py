"""Cross-article merging: the same event from several articles is one cluster, and
outlets relaying one news organisation count as one independent source."""

from __future__ import annotations

import random
from datetime import date

import pytest

from dotterel.merge import SourceNames, merge_events, normalise_source, places_compatible
from dotterel.model import Place
from export_samples import build, samples


def _iran_aid(clusters):
    return [
        c for c in clusters if (c.source_code, c.event_type, c.target_code) == ("IRN", "AID", "TAL")
    ]


def test_two_articles_relaying_the_nyt_are_one_cluster_and_one_independent_source() -> None:
    a, b = samples()[:2]
    clusters = _iran_aid(merge_events([a, b]))
    assert len(clusters) == 1
    cluster = clusters[0]
    assert cluster.n_articles == 2
    assert cluster.n_mentions == 2
    assert cluster.n_sources == 1
    assert cluster.sources == ["New York Times"]
    # The most precise date an article gives, and the most specific place.
    assert cluster.date == "2019-03-10"
    assert cluster.place is not None and cluster.place.text == "Farah"


def test_own_reporting_and_a_denial_add_sources_and_make_the_event_contested() -> None:
    clusters = merge_events(samples())
    shipment = [c for c in _iran_aid(clusters) if c.date and c.date.startswith("2019")]
    assert len(shipment) == 1
    cluster = shipment[0]
    assert cluster.n_articles == 4
    assert cluster.n_sources == 3  # NYT (A, B), Mountain Post (C), Plains Tribune (D)
    assert set(cluster.sources) == {"New York Times", "Mountain Post", "Plains Tribune"}
    assert cluster.statuses == {"reported": 3, "denied": 1}
    assert cluster.status == "contested"


def test_an_older_event_elsewhere_stays_apart_and_every_event_is_in_one_cluster() -> None:
    coded = samples()
    clusters = merge_events(coded)
    assert len(_iran_aid(clusters)) == 2  # 2019 Farah shipment, 2017 Herat shipment
    ids = [m.event.id for c in clusters for m in c.mentions]
    assert sorted(ids) == sorted(e.id for c in coded for e in c.events)
    assert {c.event_type for c in clusters} == {"AID", "CONSULT"}


def test_result_does_not_depend_on_input_order() -> None:
    coded = samples()
    first = [(c.id, [m.event.id for m in c.mentions]) for c in merge_events(coded)]
    random.Random(7).shuffle(coded)
    assert [(c.id, [m.event.id for m in c.mentions]) for c in merge_events(coded)] == first


def test_incompatible_dates_types_and_actors_do_not_merge() -> None:
    text = "Iran sent rifles to the Taliban on May 2. Iran sent money to the Taliban on June 9."
    base = {"src": "IRN", "src_text": "Iran", "tgt": "TAL", "tgt_text": "Taliban"}
    may = {"date": "2019-05-02", "date_text": "May 2"}
    june = {"date": "2019-06-09", "date_text": "June 9"}
    coded = build(
        text,
        "Harbour Star",
        date(2019, 6, 10),
        [
            {**base, **may, "type": "AID", "trigger": "sent rifles"},
            {**base, **june, "type": "AID", "trigger": "sent money"},
        ],
    )
    assert len(merge_events([coded])) == 2
    other = build(
        "Russia sent rifles to the Taliban on May 2.",
        "Harbour Star",
        date(2019, 5, 3),
        [
            {
                "src": "RUS",
                "src_text": "Russia",
                "tgt": "TAL",
                "tgt_text": "Taliban",
                "type": "AID",
                "trigger": "sent",
                "date": "2019-05-02",
                "date_text": "May 2",
            },
        ],
    )
    assert len(merge_events([coded, other])) == 3


def test_undated_publication_fallback_merges_within_the_window_only() -> None:
    spec = {
        "src": "IRN",
        "src_text": "Iran",
        "tgt": "TAL",
        "tgt_text": "Taliban",
        "type": "AID",
        "trigger": "armed",
    }
    text = "Iran armed the Taliban."
    early = build(text, "Harbour Star", date(2019, 3, 1), [spec])
    late = build(text + " ", "River Daily", date(2019, 3, 30), [spec])
    assert len(merge_events([early, late])) == 2
    assert len(merge_events([early, late], window_days=30)) == 1


def test_a_vague_mention_does_not_chain_two_precise_ones() -> None:
    base = {
        "src": "IRN",
        "src_text": "Iran",
        "tgt": "TAL",
        "tgt_text": "Taliban",
        "type": "AID",
        "trigger": "armed",
    }
    vague = build(
        "Iran armed the Taliban in 2018.",
        "A Post",
        date(2019, 1, 1),
        [{**base, "date": "2018", "date_text": "2018"}],
    )
    may = build(
        "Iran armed the Taliban in May 2018.",
        "B Post",
        date(2019, 1, 1),
        [{**base, "date": "2018-05", "date_text": "May 2018"}],
    )
    june = build(
        "Iran armed the Taliban in June 2018.",
        "C Post",
        date(2019, 1, 1),
        [{**base, "date": "2018-06", "date_text": "June 2018"}],
    )
    clusters = merge_events([vague, may, june])
    assert len(clusters) == 2
    assert sorted(c.n_articles for c in clusters) == [1, 2]


def test_source_names_group_spellings_and_acronyms() -> None:
    assert normalise_source("The New York Times") == "new york times"
    names = SourceNames(["The New York Times", "NYT", "Wall Street Journal", "A.P."])
    assert names.key("NYT") == names.key("the New York Times") == "new york times"
    assert names.display(names.key("NYT")) == "The New York Times"
    assert names.key("WSJ") == "wall street journal"
    assert names.key("A.P.") == "ap"  # no multi-word name with those initials here
    assert SourceNames(["Associated Press"]).key("A.P.") == "associated press"
    assert SourceNames(["Wall Street Journal"]).key("wsj") == "wsj"  # a word, not an acronym
    # An acronym two names share stays itself rather than guessing.
    ambiguous = SourceNames(["National Times", "New Tribune", "NT"])
    assert ambiguous.key("NT") == "nt"


def test_place_compatibility_follows_the_gazetteer_hierarchy() -> None:
    def place(level: str, gid: int | None, cc: str | None, adm1: str | None, name: str) -> Place:
        return Place(
            "p",
            0,
            len(name),
            name,
            name=name,
            geonameid=gid,
            country_code=cc,
            admin1=adm1,
            level=level,
        )

    country = place("country", 1, "AF", None, "Afghanistan")
    farah = place("adm1", 2, "AF", "06", "Farah")
    farah_city = place("city", 3, "AF", "06", "Farah City")
    herat = place("city", 4, "AF", "11", "Herat")
    moscow = place("city", 5, "RU", "48", "Moscow")
    assert places_compatible(country, herat)
    assert places_compatible(farah, farah_city)
    assert not places_compatible(farah, herat)
    assert not places_compatible(herat, moscow)
    assert places_compatible(None, moscow)
    lone = place("unresolved", None, None, None, "Zaranj")
    assert places_compatible(lone, place("unresolved", None, None, None, "zaranj"))
    assert not places_compatible(lone, herat)


#: Two original reports of one (made-up) event, written for this test.
_REPORT_ONE = (
    "Iran sent weapons to the Taliban in Farah province on Tuesday, the New York Times "
    "reported, citing Afghan officials."
)
_REPORT_TWO = (
    "According to the New York Times, Iran sent weapons to the Taliban in Farah province this week."
)


@pytest.mark.slow
def test_two_ingested_reports_of_one_event_make_one_cluster(nlp) -> None:
    """The done-when of issue 7 end to end: text -> pipeline -> store -> merge."""
    from dotterel.model import Article
    from dotterel.pipeline import code
    from dotterel.store import Store

    pub = date(2019, 3, 14)
    coded = [
        code(nlp, Article(text=_REPORT_ONE, outlet="Harbour Star", pub_date=pub)),
        code(nlp, Article(text=_REPORT_TWO, outlet="River Daily", pub_date=pub)),
    ]
    aid = [e for c in coded for e in c.events if e.source_code and e.target_code]
    if len(aid) < 2:
        pytest.skip("the pipeline does not code both events with their actors yet")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.duckdb") as store:
        for c in coded:
            store.write(c)
        clusters = merge_events(store.iter_coded())
    shared = [c for c in clusters if c.n_articles == 2]
    assert len(shared) == 1
    assert shared[0].n_sources == 1  # both relay the New York Times


def test_undated_mentions_merge_only_within_their_article() -> None:
    spec = {
        "src": "IRN",
        "src_text": "Iran",
        "tgt": "TAL",
        "tgt_text": "Taliban",
        "type": "AID",
        "trigger": "armed",
        "date": None,
    }
    undated = build(
        "Iran armed the Taliban. Iran armed the Taliban again.",
        "A Post",
        date(2019, 1, 1),
        [spec, {**spec, "trigger": "armed the Taliban again"}],
    )
    undated.article.pub_date = None
    other = build("Iran armed the Taliban.", "B Post", date(2019, 1, 1), [spec])
    other.article.pub_date = None
    dated = samples()[0]
    clusters = merge_events([undated, other, dated])
    assert sorted(c.n_mentions for c in _iran_aid(clusters)) == [1, 1, 2]


def _shipment(coded):
    return next(c for c in _iran_aid(merge_events(coded)) if c.date and c.date.startswith("2019"))


def test_each_outlet_that_ran_an_article_counts_from_its_sightings() -> None:
    from dotterel.model import Sighting

    plain = _shipment(samples())
    assert (plain.n_sources, plain.n_outlets, plain.n_documents) == (3, 4, 4)
    # A second outlet runs C's own reporting: one more independent source and outlet.
    coded = samples()
    c = coded[2]
    c.sightings = [Sighting.of(c.article), Sighting(c.article.id, "Harbour Daily")]
    cluster = _shipment(coded)
    assert cluster.n_articles == 4 and cluster.n_mentions == 4  # still one article
    assert (cluster.n_sources, cluster.n_outlets, cluster.n_documents) == (4, 5, 5)
    assert "Harbour Daily" in cluster.sources
    # A second outlet runs A, which relays the NYT: still the NYT, but one more outlet.
    coded = samples()
    a = coded[0]
    a.sightings = [Sighting.of(a.article), Sighting(a.article.id, "Harbour Daily")]
    cluster = _shipment(coded)
    assert (cluster.n_sources, cluster.n_outlets, cluster.n_documents) == (3, 5, 5)
    # The same outlet seen again with another URL is one more document, not outlet.
    a.sightings.append(Sighting(a.article.id, "Harbour Daily", "https://harbour.example/2"))
    cluster = _shipment(coded)
    assert (cluster.n_sources, cluster.n_outlets, cluster.n_documents) == (3, 5, 6)


def test_a_malformed_url_names_no_outlet_instead_of_raising() -> None:
    from dotterel.model import Article, Sighting
    from dotterel.outlets import outlet_name

    art = Article(text="Iran sent rifles.", url="http://[broken/story")
    assert outlet_name(art) == f"article {art.id}"
    assert outlet_name(Sighting(art.id, None, "https://www.news.example/a")) == "news.example"
    coded = samples()
    coded[0].article.outlet, coded[0].article.url = None, "http://[broken/story"
    assert merge_events(coded)  # exports of a store holding such a URL do not fail


def test_a_mutual_act_reported_from_either_side_is_one_cluster() -> None:
    # "Iran met Russia" in one article, "Russia met Iran" in another: one meeting
    day = {"date": "2019-05-02", "date_text": "May 2", "type": "CONSULT", "trigger": "met"}
    iran, russia = {"code": "IRN", "text": "Iran"}, {"code": "RUS", "text": "Russia"}

    def meeting(first: dict[str, str], second: dict[str, str], outlet: str):
        return build(
            f"{first['text']} met {second['text']} on May 2.",
            outlet,
            date(2019, 5, 3),
            [
                {
                    "src": first["code"],
                    "src_text": first["text"],
                    "tgt": second["code"],
                    "tgt_text": second["text"],
                    "symmetric": True,
                    **day,
                }
            ],
        )

    clusters = merge_events(
        [meeting(iran, russia, "Harbour Star"), meeting(russia, iran, "Lima Post")]
    )
    assert len(clusters) == 1 and clusters[0].n_articles == 2
