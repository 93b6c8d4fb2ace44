"""Each task's scorer on tiny hand-made gold whose right answer is known.

Texts are written for these tests. Perfect predictions must score 1, empty ones 0, and
partial cases the number worked out by hand in the comment beside them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from dotterel.errors import GoldFormatError
from dotterel.evaluate import attribution, geo, petrarch, plover, seed, time_expressions
from dotterel.evaluate.attribution import AttributionGold
from dotterel.evaluate.attribution import Triple as Attr
from dotterel.evaluate.geo import GeoGold, Toponym
from dotterel.evaluate.petrarch import PetrarchGold
from dotterel.evaluate.plover import GoldActor, PloverGold
from dotterel.evaluate.time_expressions import TimeGold, Timex
from dotterel.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Mention,
    Place,
    SourceLink,
    TextSpan,
    TimeRef,
)


def ts(text: str, sub: str, nth: int = 0) -> TextSpan:
    """The ``nth`` occurrence of ``sub`` in ``text`` as a TextSpan."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return TextSpan(start, start + len(sub), sub)


def off(text: str, sub: str) -> tuple[int, int]:
    s = ts(text, sub)
    return (s.start, s.end)


def ev(
    text: str,
    trigger: str,
    etype: str,
    n: int = 0,
    *,
    src: str | None = None,
    tgt: str | None = None,
    cameo: str | None = None,
    **kw: object,
) -> Event:
    return Event(
        id=f"e{n}",
        trigger=ts(text, trigger),
        sentence=TextSpan(0, len(text), text),
        event_type=etype,
        source_code=src,
        target_code=tgt,
        cameo=cameo,
        **kw,  # type: ignore[arg-type]
    )


def coded_with_actors(text: str, actors: dict[str, str], events: list[Event]) -> CodedArticle:
    """A CodedArticle whose mentions of each ``name`` resolve to an actor coded ``code``."""
    art = Article(text=text)
    mentions, records = [], []
    for i, (name, code) in enumerate(actors.items()):
        s = ts(text, name)
        mentions.append(Mention(f"n{i}", s.start, s.end, name, "GPE", actor_id=f"a{i}"))
        records.append(Actor(f"a{i}", name, code, mention_ids=[f"n{i}"]))
    return CodedArticle(article=art, mentions=mentions, actors=records, events=events)


# --- plover ----------------------------------------------------------------------------

P1 = "Alphaland signed a trade pact with Betaland on Monday."
P2 = "Gammaland troops shelled a Deltaland border post."
P3 = "Students in Epsilonia marched against the new tax."


def plover_gold() -> list[PloverGold]:
    return [
        PloverGold(
            "p1",
            Article(P1),
            "AGREE",
            [GoldActor("Alphaland", "ALP", "source"), GoldActor("Betaland", "BET", "target")],
        ),
        PloverGold("p2", Article(P2), "ASSAULT", [GoldActor("Gammaland troops", "GAM", "source")]),
        PloverGold("p3", Article(P3), "PROTEST", []),
    ]


def test_plover_perfect_prediction_scores_one() -> None:
    coded = [
        coded_with_actors(
            P1,
            {"Alphaland": "ALPGOV", "Betaland": "BET"},
            [ev(P1, "signed", "AGREE", src="ALP", tgt="BET")],
        ),
        coded_with_actors(P2, {"Gammaland": "GAMMIL"}, [ev(P2, "shelled", "ASSAULT")]),
        coded_with_actors(P3, {}, [ev(P3, "marched", "PROTEST")]),
    ]
    m = plover.score(plover_gold(), coded).metrics
    assert (m["accuracy"], m["macro_f1"], m["actor_accuracy"]) == (1.0, 1.0, 1.0)


def test_plover_empty_prediction_scores_zero() -> None:
    gold = plover_gold()
    m = plover.score(gold, [CodedArticle(g.article) for g in gold]).metrics
    assert (m["accuracy"], m["macro_f1"], m["actor_accuracy"]) == (0.0, 0.0, 0.0)
    assert m["actors_total"] == 3


def test_plover_partial_case() -> None:
    # Predicted AGREE, AGREE, nothing: accuracy 1/3; AGREE F1 = 2/3, others 0 -> macro 2/9.
    # Actors: Alphaland right (ALPGOV starts with ALP), Betaland coded BRA (wrong),
    # Gammaland troops uncoded -> 1/3.
    coded = [
        coded_with_actors(
            P1, {"Alphaland": "ALPGOV", "Betaland": "BRA"}, [ev(P1, "signed", "AGREE")]
        ),
        coded_with_actors(P2, {}, [ev(P2, "shelled", "AGREE")]),
        CodedArticle(Article(P3)),
    ]
    m = plover.score(plover_gold(), coded).metrics
    assert m["accuracy"] == pytest.approx(1 / 3)
    assert m["macro_f1"] == pytest.approx(2 / 9)
    assert m["actor_accuracy"] == pytest.approx(1 / 3)


def test_plover_main_event_prefers_the_first_with_source_and_target() -> None:
    events = [
        ev(P1, "Monday", "CONSULT", 0),  # first, but without a dyad
        ev(P1, "signed", "AGREE", 1, src="ALP", tgt="BET"),
    ]
    coded = CodedArticle(Article(P1), events=events)
    assert plover.predicted_label(coded) == "AGREE"
    only_undyadic = CodedArticle(Article(P1), events=[events[0]])
    assert plover.predicted_label(only_undyadic) == "CONSULT"


# --- petrarch --------------------------------------------------------------------------

Q = "Alphaland praised Betaland and Gammaland attacked Deltaland."


def test_petrarch_perfect_empty_and_partial() -> None:
    gold = [PetrarchGold("q1", Article(Q), [("ALP", "BET", "051"), ("GAM", "DEL", "190")])]
    perfect = CodedArticle(
        Article(Q),
        events=[
            ev(Q, "praised", "APPEAL", 0, src="ALP", tgt="BET", cameo="051"),
            ev(Q, "attacked", "ASSAULT", 1, src="GAM", tgt="DEL", cameo="190"),
        ],
    )
    m = petrarch.score(gold, [perfect]).metrics
    assert (m["f1"], m["root_f1"]) == (1.0, 1.0)
    m = petrarch.score(gold, [CodedArticle(Article(Q))]).metrics
    assert (m["f1"], m["root_f1"], m["precision"], m["recall"]) == (0.0, 0.0, 0.0, 0.0)
    # Predicted: the right 051, 193 instead of 190 (right root), and a duplicate 051.
    # Full: tp 1 of 3 predicted, 1 of 2 gold -> P 1/3, R 1/2, F1 0.4.
    # Root: tp 2 of 3, 2 of 2 -> P 2/3, R 1, F1 0.8.
    partial = CodedArticle(
        Article(Q),
        events=[
            ev(Q, "praised", "APPEAL", 0, src="ALP", tgt="BET", cameo="051"),
            ev(Q, "attacked", "ASSAULT", 1, src="GAM", tgt="DEL", cameo="193"),
            ev(Q, "praised", "APPEAL", 2, src="ALP", tgt="BET", cameo="051"),
        ],
    )
    m = petrarch.score(gold, [partial]).metrics
    assert m["precision"] == pytest.approx(1 / 3)
    assert m["recall"] == pytest.approx(1 / 2)
    assert m["f1"] == pytest.approx(0.4)
    assert m["root_f1"] == pytest.approx(0.8)


def test_petrarch_missing_actor_is_triple_dashes_and_uncameoed_events_are_not_scored() -> None:
    gold = [PetrarchGold("q1", Article(Q), [("---", "BET", "051")])]
    pred = CodedArticle(
        Article(Q),
        events=[
            ev(Q, "praised", "APPEAL", 0, tgt="bet", cameo="051"),
            ev(Q, "attacked", "ASSAULT", 1, src="GAM", tgt="DEL"),  # PLOVER only, no CAMEO code
        ],
    )
    m = petrarch.score(gold, [pred]).metrics
    assert m["f1"] == 1.0
    assert m["events_without_cameo"] == 1


def test_petrarch_event_codes_fall_back_on_linked_actors() -> None:
    gold = [PetrarchGold("q1", Article(Q), [("ALPGOV", "BET", "051")])]
    pred = coded_with_actors(Q, {"Alphaland": "ALPGOV", "Betaland": "BET"}, [])
    pred.events.append(
        ev(Q, "praised", "APPEAL", cameo="051", source_actor_id="a0", target_actor_id="a1")
    )
    assert petrarch.score(gold, [pred]).metrics["f1"] == 1.0


def test_petrarch_symmetric_event_counts_both_ways() -> None:
    # PETRARCH codes "X and Y met" [031:031] both ways; one symmetric event is both
    text = "Alphaland and Betaland met."
    gold = [PetrarchGold("q1", Article(text), [("ALP", "BET", "031"), ("BET", "ALP", "031")])]
    met = ev(text, "met", "CONSULT", src="ALP", tgt="BET", cameo="031", symmetric=True)
    assert petrarch.score(gold, [CodedArticle(Article(text), events=[met])]).metrics["f1"] == 1.0
    one_way = ev(text, "met", "CONSULT", src="ALP", tgt="BET", cameo="031")
    m = petrarch.score(gold, [CodedArticle(Article(text), events=[one_way])]).metrics
    assert m["recall"] == pytest.approx(0.5)


# --- attribution ------------------------------------------------------------------------

A = 'Officials said the bridge was closed. "It is safe," the mayor insisted. Rain is expected.'


def attribution_gold() -> list[AttributionGold]:
    return [
        AttributionGold(
            "a1",
            Article(A),
            [
                Attr(off(A, "Officials"), off(A, "said"), off(A, "the bridge was closed")),
                Attr(off(A, "the mayor"), off(A, "insisted"), off(A, '"It is safe,"')),
                Attr(None, off(A, "is expected"), off(A, "Rain")),
            ],
        )
    ]


def pred_attr(source: TextSpan | None, cue: TextSpan, content: TextSpan, n: int = 0) -> Attribution:
    return Attribution(id=f"q{n}", cue=cue, content=content, source=source)


def test_attribution_perfect_prediction_scores_one() -> None:
    coded = CodedArticle(
        Article(A),
        attributions=[
            pred_attr(ts(A, "Officials"), ts(A, "said"), ts(A, "the bridge was closed"), 0),
            pred_attr(ts(A, "the mayor"), ts(A, "insisted"), ts(A, '"It is safe,"'), 1),
            pred_attr(None, ts(A, "is expected"), ts(A, "Rain"), 2),  # no source on both sides
        ],
    )
    m = attribution.score(attribution_gold(), [coded]).metrics
    assert (m["exact_f1"], m["overlap_f1"]) == (1.0, 1.0)
    for kind in ("source", "cue", "content"):
        assert m[f"{kind}_exact_f1"] == 1.0
        assert m[f"{kind}_overlap_f1"] == 1.0


def test_attribution_empty_prediction_scores_zero() -> None:
    gold = attribution_gold()
    m = attribution.score(gold, [CodedArticle(gold[0].article)]).metrics
    assert m["exact_f1"] == m["overlap_f1"] == m["cue_overlap_f1"] == 0.0


def test_attribution_partial_case() -> None:
    # One prediction: right source and cue, content cut short ("the bridge").
    # Whole attribution: exact 0; overlap 1 of 1 predicted, 1 of 3 gold -> F1 0.5.
    # Content: exact 0, overlap F1 0.5; cue and source exact F1 0.5.
    coded = CodedArticle(
        Article(A),
        attributions=[
            pred_attr(ts(A, "Officials"), ts(A, "said"), ts(A, "the bridge")),
        ],
    )
    m = attribution.score(attribution_gold(), [coded]).metrics
    assert m["exact_f1"] == 0.0
    assert m["overlap_f1"] == pytest.approx(0.5)
    assert m["content_exact_f1"] == 0.0
    assert m["content_overlap_f1"] == pytest.approx(0.5)
    assert m["cue_exact_f1"] == pytest.approx(0.5)
    assert m["source_exact_f1"] == pytest.approx(0.5)


def test_attribution_source_needs_an_aligned_cue() -> None:
    # Right source span but attached to a cue no gold attribution has: not a source hit.
    coded = CodedArticle(
        Article(A),
        attributions=[
            pred_attr(ts(A, "Officials"), ts(A, "closed"), ts(A, "Rain")),
        ],
    )
    m = attribution.score(attribution_gold(), [coded]).metrics
    assert m["source_overlap_f1"] == 0.0


# --- geo ---------------------------------------------------------------------------------

G = "Fighting spread from Northtown to the hills near Southport and Eastbay."


def geo_gold() -> list[GeoGold]:
    return [
        GeoGold(
            "g1",
            Article(G),
            [
                Toponym(*off(G, "Northtown"), "Northtown", 10.0, 20.0, "Literal", 101),
                Toponym(*off(G, "Southport"), "Southport", 11.0, 20.0),
                Toponym(
                    *off(G, "Eastbay"), "Eastbay", None, None
                ),  # no coordinates: recognition only
            ],
        )
    ]


def place(
    sub: str, lat: float | None, lon: float | None, n: int = 0, gid: int | None = None
) -> Place:
    s = ts(G, sub)
    return Place(f"p{n}", s.start, s.end, sub, lat=lat, lon=lon, geonameid=gid)


def test_geo_perfect_prediction() -> None:
    coded = CodedArticle(
        Article(G),
        places=[
            place("Northtown", 10.0, 20.0, 0, gid=101),
            place("Southport", 11.0, 20.0, 1),
            place("Eastbay", None, None, 2),
        ],
    )
    m = geo.score(geo_gold(), [coded]).metrics
    assert m["acc_at_161km"] == 1.0
    assert m["median_km"] == 0.0
    assert m["recognition_f1"] == 1.0
    assert m["geonameid_accuracy"] == 1.0


def test_geo_empty_prediction() -> None:
    m = geo.score(geo_gold(), [CodedArticle(Article(G))]).metrics
    assert m["acc_at_161km"] == 0.0
    assert m["median_km"] is None
    assert m["recognition_f1"] == 0.0


def test_geo_partial_case() -> None:
    # Northtown placed 1 degree of latitude off (111 km: right), Southport 2 degrees off
    # (222 km: wrong) -> acc 1/2, median (111.2 + 222.4) / 2.
    # Recognition: 2 of 2 predicted right, 2 of 3 gold found -> F1 0.8.
    coded = CodedArticle(
        Article(G),
        places=[
            place("Northtown", 11.0, 20.0, 0),
            place("Southport", 13.0, 20.0, 1),
        ],
    )
    m = geo.score(geo_gold(), [coded]).metrics
    assert m["acc_at_161km"] == pytest.approx(0.5)
    assert m["median_km"] == pytest.approx(1.5 * 111.195, abs=0.05)
    assert m["recognition_f1"] == pytest.approx(0.8)


def test_geo_unresolved_prediction_is_a_miss() -> None:
    coded = CodedArticle(Article(G), places=[place("Northtown", None, None)])
    m = geo.score(geo_gold(), [coded]).metrics
    assert m["acc_at_161km"] == 0.0
    assert m["resolved"] == 0


# --- time --------------------------------------------------------------------------------

T = "The talks resumed last week and will end next month."


def time_gold() -> list[TimeGold]:
    art = Article(T)
    return [
        TimeGold(
            "t1",
            art,
            [Timex(*off(T, "last week"), "2020-W10"), Timex(*off(T, "next month"), "2020-04")],
        )
    ]


def test_time_perfect_empty_and_partial() -> None:
    perfect = CodedArticle(
        Article(T),
        times=[
            TimeRef("t0", *off(T, "last week"), "last week", "2020-W10"),
            TimeRef("t1", *off(T, "next month"), "next month", "2020-04"),
        ],
    )
    m = time_expressions.score(time_gold(), [perfect]).metrics
    assert (m["value_accuracy"], m["span_f1"]) == (1.0, 1.0)
    m = time_expressions.score(time_gold(), [CodedArticle(Article(T))]).metrics
    assert (m["value_accuracy"], m["span_f1"]) == (0.0, 0.0)
    # "week" (overlapping, right value) + "resumed" (wrong span): value 1/2;
    # spans 1 of 2 predicted, 1 of 2 gold -> F1 0.5; exact spans 0.
    partial = CodedArticle(
        Article(T),
        times=[
            TimeRef("t0", *off(T, "week"), "week", "2020-W10"),
            TimeRef("t1", *off(T, "resumed"), "resumed", "2020-03"),
        ],
    )
    m = time_expressions.score(time_gold(), [partial]).metrics
    assert m["value_accuracy"] == pytest.approx(0.5)
    assert m["span_f1"] == pytest.approx(0.5)
    assert m["span_exact_f1"] == 0.0


# --- seed --------------------------------------------------------------------------------

S = (
    "Alphaland has armed the Beta Front, the Daily Planet reports, citing local officials. "
    "Alphaland denies helping the rebels. The Beta Front reportedly shelled Kestrel in "
    "March 2015. Photo: Jo Snapper."
)

SEED = {
    "id": "s",
    "text": S,
    "outlet": "Example Wire",
    "pub_date": "2015-06-01",
    "actors": [
        {"name": "Alphaland", "mentions": ["Alphaland"], "codes": ["ALP"]},
        {
            "name": "Beta Front",
            "mentions": ["the Beta Front", "the rebels"],
            "codes": ["BFR", "ALPREB"],
        },
        {
            "name": "Daily Planet",
            "mentions": ["Daily Planet", "the Planet"],
            "codes": ["MED", "USAMED"],
        },
    ],
    "not_actors": ["Jo Snapper"],
    "events": [
        {
            "key": "arms",
            "source": ["ALP"],
            "target": ["BFR", "ALPREB"],
            "plover": ["AID"],
            "cameo_root": ["07"],
            "evidence": "Alphaland has armed the Beta Front",
            "chain": ["Daily Planet", "local officials"],
        },
        {
            "key": "denial",
            "source": ["ALP"],
            "target": ["BFR", "ALPREB"],
            "plover": ["REJECT"],
            "cameo_root": ["12"],
            "evidence": "Alphaland denies helping the rebels.",
            "denies": "arms",
        },
    ],
    "attributions": [
        {
            "content_starts": "Alphaland has armed",
            "source": "the Daily Planet",
            "cue": "reports",
            "chain": ["Daily Planet", "local officials"],
        },
    ],
    "hedged": ["reportedly shelled Kestrel"],
    "places": [{"name": "Kestrel", "kind": "ADM1", "country": "XX", "lat": 40.0, "lon": 30.0}],
    "dates": [{"text": "March 2015", "value": "2015-03"}],
}


def seed_gold(tmp_path: Path) -> list[seed.SeedGold]:
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(SEED), encoding="utf-8")
    return seed.load(path)


def chain(*names: str, code: str | None = None) -> list[SourceLink]:
    return [SourceLink(name=n, code=code) for n in names]


def perfect_seed(article: Article) -> CodedArticle:
    c = coded_with_actors(
        S, {"Alphaland": "ALP", "Beta Front": "BFR", "Daily Planet": "USAMED"}, []
    )
    c.article = article
    arms = ev(
        S,
        "armed",
        "AID",
        0,
        src="ALP",
        tgt="BFR",
        chain=chain("Example Wire", "the Daily Planet", "local officials"),
    )
    denial = ev(S, "denies", "REJECT", 1, src="ALP", tgt="BFR", contests=["e0"])
    shelled = ev(S, "shelled", "ASSAULT", 2, src="BFR", status="hedged", place_id="p0")
    c.events = [arms, denial, shelled]
    c.attributions = [
        Attribution(
            id="q0",
            cue=ts(S, "reports"),
            content=ts(S, "Alphaland has armed the Beta Front"),
            source=ts(S, "the Daily Planet"),
            chain=chain("Example Wire", "the Daily Planet", "local officials"),
        )
    ]
    k = ts(S, "Kestrel")
    c.places = [Place("p0", k.start, k.end, "Kestrel", name="Kestrel", lat=40.5, lon=30.2)]
    m = ts(S, "March 2015")
    c.times = [TimeRef("t0", m.start, m.end, m.text, "2015-03")]
    return c


def test_seed_perfect_prediction_finds_everything(tmp_path: Path) -> None:
    gold = seed_gold(tmp_path)
    m = seed.score(gold, [perfect_seed(gold[0].article)]).metrics
    assert m["actors_found"] == m["actors_total"] == 3
    assert m["events_found"] == m["events_total"] == 2
    assert m["chains_found"] == m["chains_total"] == 2
    assert m["hedges_found"] == 1 and m["denials_linked"] == 1
    assert m["places_found"] == m["places_total"] == 1
    assert m["dates_found"] == m["dates_total"] == 1
    assert m["false_actors"] == 0


def test_seed_empty_prediction_finds_nothing(tmp_path: Path) -> None:
    gold = seed_gold(tmp_path)
    m = seed.score(gold, [CodedArticle(gold[0].article)]).metrics
    found = [k for k in m if k.endswith(("_found", "_linked")) or k == "false_actors"]
    assert found and all(m[k] == 0 for k in found)
    assert m["actors_total"] == 3 and m["chains_total"] == 2


def test_seed_false_actors_and_chain_rules(tmp_path: Path) -> None:
    gold = seed_gold(tmp_path)
    c = perfect_seed(gold[0].article)
    s = ts(S, "Jo Snapper")
    c.mentions.append(Mention("n9", s.start, s.end, s.text, "PERSON", actor_id="a9"))
    c.actors.append(Actor("a9", "Jo Snapper", "ALPMED", mention_ids=["n9"]))
    # Sources out of order: the chain is not found (the attribution's chain still is).
    c.events[0].chain = chain("local officials", "the Daily Planet")
    m = seed.score(gold, [c]).metrics
    assert m["false_actors"] == 1
    assert m["chains_found"] == 1


def test_seed_names_map_through_gold_mentions_not_through_loose_codes(tmp_path: Path) -> None:
    gold = seed_gold(tmp_path)
    names = seed.Names(gold[0].actors, ["Daily Planet", "local officials", "Other Wire"])
    assert names.same_source("Daily Planet", SourceLink("The Planet"))  # a gold mention
    assert names.same_source("Daily Planet", SourceLink("Planet staff", code="USAMED"))
    assert not names.same_source("Daily Planet", SourceLink("Alphaland", code="MED"))
    assert not names.same_source("Daily Planet", SourceLink("Other Wire", code="MED"))
    assert names.chain_holds(["Daily Planet"], chain("Example Wire", "DAILY PLANET"))


# --- gold files --------------------------------------------------------------------------


def test_loaders_read_jsonl_and_name_the_bad_line(tmp_path: Path) -> None:
    good = {
        "id": "x",
        "text": T,
        "pub_date": "2020-03-10",
        "timexes": [{"start": 18, "end": 27, "value": "2020-W10"}],
    }
    path = tmp_path / "time.jsonl"
    path.write_text(
        json.dumps(good) + "\n\n" + json.dumps({**good, "timexes": [{"start": 0}]}) + "\n"
    )
    with pytest.raises(GoldFormatError, match=r"time\.jsonl:3"):
        time_expressions.load(path)
    path.write_text(json.dumps(good) + "\n")
    (record,) = time_expressions.load(path)
    assert (
        record.article.pub_date is not None and record.article.pub_date.isoformat() == "2020-03-10"
    )
    assert record.timexes == [Timex(18, 27, "2020-W10")]


def test_loaders_reject_spans_outside_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "short", "attributions": [{"cue": [0, 99]}]}) + "\n")
    with pytest.raises(GoldFormatError, match="outside the text"):
        attribution.load(path)


def test_petrarch_loader_requires_expected(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "Arnor met Gondor."}) + "\n")
    with pytest.raises(GoldFormatError, match="expected"):
        petrarch.load(path)


def test_seed_attribution_found_by_cue_and_source_when_content_is_cut(tmp_path: Path) -> None:
    gold = seed_gold(tmp_path)
    c = CodedArticle(gold[0].article)
    wrong_source = Attribution(
        id="q1",
        cue=ts(S, "reports"),
        content=ts(S, "citing local officials"),
        source=ts(S, "Alphaland"),
        chain=chain("Daily Planet", "local officials"),
    )
    c.attributions = [wrong_source]
    assert seed.score(gold, [c]).metrics["chains_found"] == 0
    right = Attribution(
        id="q0",
        cue=ts(S, "reports"),
        content=ts(S, "citing local officials"),
        source=ts(S, "the Daily Planet"),
        chain=chain("Daily Planet", "local officials"),
    )
    c.attributions = [right]
    m = seed.score(gold, [c]).metrics
    assert m["chains_found"] == 1 and m["attributions_found"] == 1


def test_plover_actor_role_needs_the_sector_after_the_country() -> None:
    assert plover.has_role("USAGOV", "USA", "GOV")
    assert plover.has_role("USAMILGOV", "USA", "GOV")
    assert not plover.has_role("USAMIL", "USA", "GOV")
    assert not plover.has_role("GOVUSA", "USA", "GOV")
    gold = [
        PloverGold(
            "p1",
            Article(P1),
            "AGREE",
            [
                GoldActor("Alphaland", "ALP", "source", "GOV"),
                GoldActor("Betaland", "BET", "target", "MIL"),
            ],
        )
    ]
    coded = [coded_with_actors(P1, {"Alphaland": "ALPGOV", "Betaland": "BET"}, [])]
    m = plover.score(gold, coded).metrics
    assert m["actor_accuracy"] == 1.0
    assert m["actor_role_accuracy"] == pytest.approx(0.5)


def test_seed_denial_must_link_to_the_claim_not_its_own_clause(tmp_path: Path) -> None:
    gold = seed_gold(tmp_path)
    c = perfect_seed(gold[0].article)
    helping = ev(S, "helping", "AID", 3, src="ALP", tgt="BFR", modality="denied")
    c.events.append(helping)
    c.events[1].contests = ["e3"]  # the denial points at "helping", inside its own clause
    assert seed.score(gold, [c]).metrics["denials_linked"] == 0
    c.events[1].contests = ["e3", "e0"]
    assert seed.score(gold, [c]).metrics["denials_linked"] == 1


def test_seed_hedge_found_by_trigger_or_by_its_hedge_word(tmp_path: Path) -> None:
    gold = seed_gold(tmp_path)  # hedged passage: "reportedly shelled Kestrel"
    c = CodedArticle(gold[0].article)
    c.events = [ev(S, "March", "ASSAULT", status="hedged", status_cue="reportedly")]
    assert seed.score(gold, [c]).metrics["hedges_found"] == 1  # cue in passage, same sentence
    c.events = [ev(S, "March", "ASSAULT", status="hedged", status_cue="allegedly")]
    assert seed.score(gold, [c]).metrics["hedges_found"] == 0
    c.events = [ev(S, "shelled", "ASSAULT", modality="hedged")]
    assert seed.score(gold, [c]).metrics["hedges_found"] == 1
    c.events = [ev(S, "shelled", "ASSAULT")]  # not hedged at all
    assert seed.score(gold, [c]).metrics["hedges_found"] == 0


def test_petrarch_story_date_from_notes_becomes_the_publication_date(tmp_path: Path) -> None:
    from dotterel.evaluate import petrarch

    gold = tmp_path / "p.jsonl"
    gold.write_text(
        '{"id": "r1", "text": "Arnor met Gondor.", "expected": [], '
        '"notes": "category=DEMO; date=19950601; sentence=true"}\n'
        '{"id": "r2", "text": "Arnor met Gondor.", "expected": [], "notes": "date=19951399"}\n'
    )
    first, second = petrarch.load(gold)
    assert first.article.pub_date == date(1995, 6, 1)
    assert second.article.pub_date is None  # not a real day: ignored
