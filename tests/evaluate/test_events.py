"""The events scorer (``evaluate/events.py``, ``evaluate/_events_matching.py``) on invented
gold and predictions whose right answer is worked out by hand. No spaCy is loaded."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dotterel.evaluate import events
from dotterel.evaluate._events_checks import attribution_right, status_right
from dotterel.evaluate._events_matching import (
    CRITERIA,
    GoldEvent,
    GoldSide,
    PredEvent,
    PredSide,
    match_article,
    max_matching,
    side_accepts,
)
from dotterel.model import Actor, Article, CodedArticle, Event, Place, SourceLink, TextSpan

TEXT = (
    "Freedonian troops shelled a border village on Monday. "
    "Sylvania and Freedonia traded fire near the river. "
    "The minister said Sylvania would send aid to the refugees. "
    "In 2009 Freedonia invaded Sylvania. "
    "The shelling of the village was condemned."
)


def span(sub: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(sub)
    return (start, start + len(sub))


def sentence_of(sub: str, text: str = TEXT) -> tuple[int, int]:
    """The sentence (ending in '. ') that holds ``sub``."""
    start, _ = span(sub, text)
    lo = text.rfind(". ", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find(".", start) + 1
    return (lo, hi)


def side(*countries: str, name: str = "someone") -> GoldSide:
    return GoldSide(name=name, code=countries[0] if countries else "", countries=countries)


def gold(
    quote: str, etype: str, actor: GoldSide | None, recipient: GoldSide | None, **kw: object
) -> GoldEvent:
    also = kw.pop("also", ())
    spans = tuple(span(q) for q in (quote, *also))  # type: ignore[attr-defined]
    return GoldEvent(
        eid=str(kw.pop("eid", quote[:12])),
        type=etype,
        spans=spans,
        actor=actor,
        recipient=recipient,
        quote=quote,
        **kw,  # type: ignore[arg-type]
    )


def pred(i: int, where: str, etype: str, actor: str | None, recipient: str | None) -> PredEvent:
    def s(code: str | None) -> PredSide:
        return PredSide(code=code, country=code[:3] if code else None, present=code is not None)

    return PredEvent(i, etype, sentence_of(where), s(actor), s(recipient), span(where))


def strict(g: list[GoldEvent], p: list[PredEvent]) -> tuple[int, int, int, int]:
    c = match_article(g, p, CRITERIA["strict"]).counts
    return (c.matched_pred, c.n_pred, c.matched_gold, c.n_gold)


# --- matching rules -------------------------------------------------------------------


def test_a_right_event_in_the_quoted_sentence_matches() -> None:
    g = [gold("Freedonian troops shelled a border village", "ASSAULT", side("FRE"), side("SYL"))]
    assert strict(g, [pred(0, "shelled", "ASSAULT", "FREMIL", "SYLCVL")]) == (1, 1, 1, 1)
    # another sentence, another type or another country: no match
    assert strict(g, [pred(0, "traded fire", "ASSAULT", "FREMIL", "SYLCVL")]) == (0, 1, 0, 1)
    assert strict(g, [pred(0, "shelled", "COERCE", "FREMIL", "SYLCVL")]) == (0, 1, 0, 1)
    assert strict(g, [pred(0, "shelled", "ASSAULT", "SYLMIL", "SYLCVL")]) == (0, 1, 0, 1)


def test_symmetric_gold_accepts_swapped_sides_and_directed_gold_does_not() -> None:
    fought = "Sylvania and Freedonia traded fire"
    swapped = [pred(0, "traded fire", "ASSAULT", "FRE", "SYL")]
    sym = [gold(fought, "ASSAULT", side("SYL"), side("FRE"), symmetric=True)]
    directed = [gold(fought, "ASSAULT", side("SYL"), side("FRE"))]
    assert strict(sym, swapped) == (1, 1, 1, 1)
    assert strict(directed, swapped) == (0, 1, 0, 1)


def test_a_null_gold_side_accepts_anything_an_empty_country_list_a_present_side() -> None:
    assert side_accepts(None, PredSide())
    assert side_accepts(None, PredSide(code="USAGOV", country="USA", present=True))
    stated = GoldSide("some partners", "", ())
    assert side_accepts(stated, PredSide(present=True))  # named, country unknown: fine
    assert not side_accepts(stated, PredSide())  # but something must be named
    g = [gold("Freedonian troops shelled a border village", "ASSAULT", side("FRE"), None)]
    assert strict(g, [pred(0, "shelled", "ASSAULT", "FREMIL", None)]) == (1, 1, 1, 1)


def test_countries_are_accepted_prefixes_of_the_code_or_the_country() -> None:
    gs = GoldSide("a rights group", "NGO", ("NGO", "SYL"))
    assert side_accepts(gs, PredSide(code="NGOHRI", present=True))
    assert side_accepts(gs, PredSide(code="XYZ", country="SYL", present=True))
    assert not side_accepts(gs, PredSide(code="IGO", present=True))


def test_alt_types_are_accepted() -> None:
    g = [gold("Freedonian troops shelled", "ASSAULT", side("FRE"), None, alt_types=("COERCE",))]
    assert strict(g, [pred(0, "shelled", "COERCE", "FRE", None)]) == (1, 1, 1, 1)


def test_also_clauses_count_as_the_same_event() -> None:
    g = [
        gold(
            "Freedonian troops shelled a border village",
            "ASSAULT",
            side("FRE"),
            None,
            also=("The shelling of the village was condemned",),
        )
    ]
    # found only in the later mention: still the event, and only once
    assert strict(g, [pred(0, "was condemned", "ASSAULT", "FRE", None)]) == (1, 1, 1, 1)
    both = [
        pred(0, "shelled", "ASSAULT", "FRE", None),
        pred(1, "condemned", "ASSAULT", "FRE", None),
    ]
    assert strict(g, both) == (1, 2, 1, 1)


def test_background_gold_leaves_recall_and_its_matches_leave_precision() -> None:
    g = [
        gold("Freedonian troops shelled", "ASSAULT", side("FRE"), None),
        gold(
            "In 2009 Freedonia invaded Sylvania",
            "ASSAULT",
            side("FRE"),
            side("SYL"),
            background=True,
        ),
    ]
    p = [pred(0, "shelled", "ASSAULT", "FRE", None), pred(1, "invaded", "ASSAULT", "FRE", "SYL")]
    assert strict(g, p) == (1, 1, 1, 1)  # the history match is in neither count
    # a wrong prediction in the history sentence is still a false positive
    p2 = [pred(0, "shelled", "ASSAULT", "FRE", None), pred(1, "invaded", "AID", "FRE", "SYL")]
    assert strict(g, p2) == (1, 2, 1, 1)


def test_a_prediction_goes_to_a_current_event_before_a_background_one() -> None:
    g = [
        gold("Freedonian troops shelled", "ASSAULT", side("FRE"), None, background=True),
        gold("Freedonian troops shelled a border village", "ASSAULT", side("FRE"), None),
    ]
    assert strict(g, [pred(0, "shelled", "ASSAULT", "FRE", None)]) == (1, 1, 1, 1)


def test_matching_is_one_to_one_and_maximum() -> None:
    quote = "Sylvania and Freedonia traded fire"
    g = [
        gold(quote, "ASSAULT", side("SYL"), None, eid="a"),
        gold(quote, "ASSAULT", side("SYL"), side("FRE"), eid="b"),
    ]
    # p0 could take either gold event, p1 only "a": a greedy p0 -> a would leave b unmatched
    p = [pred(0, "traded", "ASSAULT", "SYL", "FRE"), pred(1, "traded", "ASSAULT", "SYL", None)]
    assert strict(g, p) == (2, 2, 2, 2)
    # two predictions of one gold event: one is a false positive
    one = [gold(quote, "ASSAULT", side("SYL"), None)]
    assert strict(one, p) == (1, 2, 1, 1)
    assert max_matching([[0, 1], [0]], 2) == {0: 1, 1: 0}


def test_type_only_and_actors_only_criteria() -> None:
    g = [gold("Freedonian troops shelled", "ASSAULT", side("FRE"), side("SYL"))]
    wrong_actor = [pred(0, "shelled", "ASSAULT", "USA", "SYL")]
    wrong_type = [pred(0, "shelled", "COERCE", "FRE", "SYL")]
    assert match_article(g, wrong_actor, CRITERIA["type"]).counts.matched_gold == 1
    assert match_article(g, wrong_actor, CRITERIA["actors"]).counts.matched_gold == 0
    assert match_article(g, wrong_type, CRITERIA["actors"]).counts.matched_gold == 1
    assert match_article(g, wrong_type, CRITERIA["type"]).counts.matched_gold == 0


# --- status and attribution -------------------------------------------------------------


def model_event(**kw: object) -> Event:
    s, e = sentence_of("would send aid")
    t = span("send aid")
    base: dict[str, object] = {
        "id": "x-e0",
        "trigger": TextSpan(t[0], t[1], TEXT[t[0] : t[1]]),
        "sentence": TextSpan(s, e, TEXT[s:e]),
        "event_type": "AID",
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


OUTLET = SourceLink(name="The Daily Planet")


def test_asserted_and_reported_are_one_answer_for_a_speech_act_or_no_source() -> None:
    no_source = gold("Sylvania would send aid", "AID", side("SYL", name="Sylvania"), None)
    assert status_right(no_source, model_event(status="reported"))
    assert status_right(no_source, model_event(status="asserted"))
    assert not status_right(no_source, model_event(status="hedged"))
    own = gold(
        "Sylvania would send aid",
        "AID",
        side("SYL", name="the Sylvanian ministry"),
        None,
        status="reported",
        source_name="The Sylvanian ministry",
        source_keys=("ministry",),
    )
    assert status_right(own, model_event(status="asserted"))
    cited = gold(
        "Sylvania would send aid",
        "AID",
        side("SYL", name="Sylvania"),
        None,
        status="reported",
        source_name="The minister",
        source_keys=("minister",),
    )
    assert status_right(cited, model_event(status="reported"))
    assert not status_right(cited, model_event(status="asserted"))


def test_attribution_needs_a_key_in_the_innermost_source_or_the_outlet_alone() -> None:
    cited = gold(
        "Sylvania would send aid",
        "AID",
        side("SYL", name="Sylvania"),
        None,
        status="reported",
        source_name="The minister",
        source_keys=("Minister",),
    )
    minister = SourceLink(name="The minister", start=0, end=12)
    assert attribution_right(cited, model_event(chain=[OUTLET, minister]))
    assert not attribution_right(cited, model_event(chain=[OUTLET]))
    none = gold("Sylvania would send aid", "AID", side("SYL"), None)
    assert attribution_right(none, model_event(chain=[OUTLET]))
    assert attribution_right(none, model_event(chain=[]))
    assert not attribution_right(none, model_event(chain=[OUTLET, minister]))
    # the speaker as its own source is the same answer as no source
    speaker = SourceLink(name="Sylvania", start=0, end=8, actor_id="x-a0")
    assert attribution_right(none, model_event(chain=[OUTLET, speaker], source_actor_id="x-a0"))


# --- the whole scorer -------------------------------------------------------------------


def test_score_end_to_end_with_sub_scores_and_coverage(tmp_path: Path) -> None:
    record = {
        "id": "ev-1",
        "outlet": "The Daily Planet",
        "pub_date": "2020-05-04",
        "text": TEXT,
        "events": [
            {
                "eid": "ev-1-1",
                "quote": "Freedonian troops shelled a border village on Monday",
                "actor": {"name": "Freedonian troops", "code": "FREMIL", "countries": ["FRE"]},
                "recipient": None,
                "type": "ASSAULT",
                "alt_types": [],
                "status": "asserted",
                "source": None,
                "anonymous": False,
                "negated": False,
                "background": False,
                "place": {"name": "border village", "country": "FR"},
                "date": "2020-05-04",
                "size": {"dead": 3},
                "symmetric": False,
            },
            {
                "eid": "ev-1-2",
                "quote": "a sentence that is not in the text",
                "actor": None,
                "recipient": None,
                "type": "AID",
                "alt_types": [],
                "status": "asserted",
                "source": None,
            },
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [g] = events.load(path)
    assert g.article.outlet == "The Daily Planet" and g.article.pub_date == date(2020, 5, 4)
    assert not g.events[1].spans  # not found: kept, unmatchable, counted
    s, e = sentence_of("shelled")
    t = span("shelled")
    coded = CodedArticle(
        article=g.article,
        actors=[
            Actor(id="x-a0", name="Freedonia", code="FREMIL", country="FRE"),
            Actor(id="x-a1", name="village", code="CVL", country=None),
        ],
        places=[Place(id="x-p0", start=0, end=1, text="border village", country_code="FR")],
        events=[
            Event(
                id="x-e0",
                trigger=TextSpan(t[0], t[1], "shelled"),
                sentence=TextSpan(s, e, TEXT[s:e]),
                event_type="ASSAULT",
                source_actor_id="x-a0",
                target_actor_id="x-a1",
                chain=[OUTLET],
                place_id="x-p0",
                date="2020-05-04",
                killed=3,
            )
        ],
    )
    result = events.score([g], [coded])
    m = result.metrics
    assert (m["strict_precision"], m["strict_recall"]) == (1.0, 0.5)
    assert m["quotes_unlocated"] == 1 and m["n_gold"] == 2 and m["n_pred"] == 1
    assert m["both_coded"] == 0.0  # the recipient has no country
    for key in ("status", "attribution", "anonymity", "negation", "place", "date", "size"):
        assert m[f"{key}_accuracy"] == 1.0, key
    assert m["place_any_accuracy"] == 1.0
    assert result.support["place_any_accuracy"] == "1/1 gold events with a place"
    # the wider place yardstick does not ask that the event match: a wrong type still
    # counts when its place is right, and a wrong place does not
    coded.events[0].event_type = "PROTEST"
    m = events.score([g], [coded]).metrics
    assert m["strict_recall"] == 0.0 and m["place_any_accuracy"] == 1.0
    assert m["place_accuracy"] is None
    coded.places[0] = Place(id="x-p0", start=0, end=1, text="Sylvania", country_code="SY")
    assert events.score([g], [coded]).metrics["place_any_accuracy"] == 0.0
    coded.places[0] = Place(id="x-p0", start=0, end=1, text="border village", country_code="FR")
    coded.events[0].event_type = "ASSAULT"
    coded.events[0].killed = 4
    assert events.score([g], [coded]).metrics["size_accuracy"] == 0.0
    assert set(result.tables) == {"per type (strict)", "per article (strict)"}
    assert result.tables["per type (strict)"]["AID"].n_gold == 1
    assert [fn["eid"] for fn in result.detail["false_negatives"]] == ["ev-1-2"]


def test_an_empty_prediction_scores_zero() -> None:
    g = events.EventsGold(
        "a", Article(text=TEXT), [gold("Freedonian troops shelled", "ASSAULT", None, None)]
    )
    result = events.score([g], [CodedArticle(article=g.article)])
    assert result.metrics["strict_f1"] == 0.0 and result.metrics["both_coded"] == 0.0
    assert result.metrics["status_accuracy"] is None


def test_a_later_mention_coded_again_is_a_counted_duplicate() -> None:
    g = events.EventsGold(
        "a",
        Article(text=TEXT),
        [
            gold(
                "Freedonian troops shelled a border village",
                "ASSAULT",
                None,
                None,
                also=("The shelling of the village was condemned",),
            )
        ],
    )

    def at(i: int, trigger: str) -> Event:
        s, e = sentence_of(trigger)
        t = span(trigger)
        return Event(
            id=f"x-e{i}",
            trigger=TextSpan(t[0], t[1], trigger),
            sentence=TextSpan(s, e, TEXT[s:e]),
            event_type="ASSAULT",
        )

    coded = CodedArticle(article=g.article, events=[at(0, "shelled"), at(1, "shelling")])
    m = events.score([g], [coded]).metrics
    assert (m["strict_precision"], m["strict_recall"], m["pred_duplicates"]) == (0.5, 1.0, 1)
