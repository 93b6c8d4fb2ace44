"""Hand-written articles, coded by hand, shared by the export, merge, network and query
tests. The stories are made up for these tests (no text comes from any real report).

``samples()`` returns five coded articles. The first four report the same shipment of
rifles from Iran to the Taliban near Farah in March 2019:

* A (Coastline Herald): the New York Times reported it, citing provincial officials;
* B (Valley Courier): "a report in the NYT" (so the same independent source as A);
* C (Mountain Post): its own reporters heard it from two Afghan commanders;
* D (Plains Tribune): Iran's foreign ministry denies it;

and E (Coastline Herald, 2017) reports an older, different shipment to Herat. B also
reports a Russia-Taliban meeting in Moscow and C a Pakistan-Taliban meeting.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dotterel.model import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Mention,
    Place,
    Sentence,
    SourceLink,
    TextSpan,
    TimeRef,
)

ACTORS: dict[str, dict[str, Any]] = {
    "IRN": {"name": "Iran", "country": "IRN", "kind": "state"},
    "IRNGOV": {"name": "Iran's foreign ministry", "country": "IRN", "kind": "government"},
    "TAL": {"name": "Taliban", "country": None, "kind": "group"},
    "RUS": {"name": "Russia", "country": "RUS", "kind": "state"},
    "PAK": {"name": "Pakistan", "country": "PAK", "kind": "state"},
    "USAMED": {"name": "New York Times", "country": "USA", "kind": "media"},
    "AFGGOV": {"name": "provincial officials", "country": "AFG", "kind": "government"},
    "AFGMIL": {"name": "two Afghan commanders", "country": "AFG", "kind": "group"},
}

PLACES: dict[str, dict[str, Any]] = {
    "Farah": {
        "geonameid": 1142226,
        "feature_code": "ADM1",
        "country_code": "AF",
        "admin1": "06",
        "lat": 32.5,
        "lon": 62.5,
        "level": "adm1",
    },
    "Afghanistan": {
        "geonameid": 1149361,
        "feature_code": "PCLI",
        "country_code": "AF",
        "admin1": None,
        "lat": 33.0,
        "lon": 66.0,
        "level": "country",
    },
    "Herat": {
        "geonameid": 1140025,
        "feature_code": "PPLA",
        "country_code": "AF",
        "admin1": "11",
        "lat": 34.35,
        "lon": 62.2,
        "level": "city",
    },
    "Moscow": {
        "geonameid": 524901,
        "feature_code": "PPLC",
        "country_code": "RU",
        "admin1": "48",
        "lat": 55.75,
        "lon": 37.62,
        "level": "city",
    },
}


def _span(text: str, phrase: str) -> TextSpan:
    start = text.index(phrase)
    return TextSpan(start, start + len(phrase), phrase)


def build(
    text: str,
    outlet: str,
    pub: date,
    events: list[dict[str, Any]],
    url: str | None = None,
) -> CodedArticle:
    """Code an article by hand.

    Each event dict has ``src``/``tgt`` (codes, with the words naming them as
    ``src_text``/``tgt_text``), ``type``, ``trigger`` (a phrase of ``text``), optional
    ``cameo``, ``place`` (a key of PLACES, found in the text), ``date``/``date_text``,
    ``status`` and ``chain`` (list of (name, code) pairs after the outlet).
    """
    article = Article(text=text, outlet=outlet, pub_date=pub, url=url, title=text[:30])
    aid = article.id
    coded = CodedArticle(article=article)
    coded.sentences = [Sentence(f"{aid}-s0", 0, len(text), text)]
    actor_ids: dict[str, str] = {}

    def actor(code: str, words: str) -> str:
        if code not in actor_ids:
            n = len(coded.actors)
            info = ACTORS[code]
            mention = Mention(f"{aid}-n{n}", 0, 0, "", "ORG")
            sp = _span(text, words)
            mention.start, mention.end, mention.text = sp.start, sp.end, sp.text
            mention.actor_id = f"{aid}-a{n}"
            coded.mentions.append(mention)
            roles = [code[i : i + 3] for i in range(3, len(code), 3)]
            coded.actors.append(
                Actor(
                    f"{aid}-a{n}",
                    info["name"],
                    code,
                    info["country"],
                    roles,
                    info["kind"],
                    [mention.id],
                )
            )
            actor_ids[code] = f"{aid}-a{n}"
        return actor_ids[code]

    for i, spec in enumerate(events):
        src = actor(spec["src"], spec["src_text"])
        tgt = actor(spec["tgt"], spec["tgt_text"])
        place_id = time_id = None
        if "place" in spec:
            sp = _span(text, spec["place"])
            place_id = f"{aid}-p{len(coded.places)}"
            coded.places.append(
                Place(place_id, sp.start, sp.end, sp.text, name=sp.text, **PLACES[spec["place"]])
            )
        if "date_text" in spec:
            sp = _span(text, spec["date_text"])
            time_id = f"{aid}-t{len(coded.times)}"
            coded.times.append(TimeRef(time_id, sp.start, sp.end, sp.text, spec["date"]))
        chain = [SourceLink(name=outlet)]
        for name, code in spec.get("chain", []):
            sp = _span(text, name)
            chain.append(
                SourceLink(
                    name=name,
                    code=code,
                    cue="said",
                    start=sp.start,
                    end=sp.end,
                    anonymous=code == "AFGMIL",
                )
            )
        coded.events.append(
            Event(
                id=f"{aid}-e{i}",
                trigger=_span(text, spec["trigger"]),
                sentence=TextSpan(0, len(text), text),
                event_type=spec["type"],
                source_actor_id=src,
                source_code=spec["src"],
                source_text=spec["src_text"],
                target_actor_id=tgt,
                target_code=spec["tgt"],
                target_text=spec["tgt_text"],
                cameo=spec.get("cameo"),
                mode=spec.get("mode"),
                context=spec.get("context", []),
                status=spec.get("status", "asserted"),
                chain=chain,
                place_id=place_id,
                time_id=time_id,
                date=spec.get("date", pub.isoformat()),
                date_source="text" if "date_text" in spec else "publication",
                method="lexicon",
                symmetric=spec.get("symmetric", False),
            )
        )
    return coded


def samples() -> list[CodedArticle]:
    """The five sample articles described in the module docstring."""
    a_text = (
        "Iran shipped rifles to Taliban fighters in Farah on March 10, the New York Times "
        "reported, citing provincial officials."
    )
    b_text = (
        "According to a report in the NYT, Iranian trucks delivered weapons to the Taliban "
        "in Afghanistan this week. Separately, Russian diplomats met Taliban envoys in "
        "Moscow on Monday."
    )
    c_text = (
        "Iran supplied rifles to the Taliban in Farah this month, two Afghan commanders "
        "told our reporters. Pakistan hosted Taliban leaders in March."
    )
    d_text = "Iran's foreign ministry denied that it had armed the Taliban."
    e_text = "Iran shipped rifles to the Taliban in Herat in 2017, the New York Times said."
    aid = {"type": "AID", "cameo": "070", "mode": "military"}
    return [
        build(
            a_text,
            "Coastline Herald",
            date(2019, 3, 12),
            [
                {
                    **aid,
                    "src": "IRN",
                    "src_text": "Iran",
                    "tgt": "TAL",
                    "tgt_text": "Taliban",
                    "trigger": "shipped",
                    "place": "Farah",
                    "date": "2019-03-10",
                    "date_text": "March 10",
                    "status": "reported",
                    "chain": [("New York Times", "USAMED"), ("provincial officials", "AFGGOV")],
                },
            ],
            url="https://coastline.example/iran-rifles",
        ),
        build(
            b_text,
            "Valley Courier",
            date(2019, 3, 13),
            [
                {
                    **aid,
                    "src": "IRN",
                    "src_text": "Iranian",
                    "tgt": "TAL",
                    "tgt_text": "Taliban",
                    "trigger": "delivered",
                    "place": "Afghanistan",
                    "date": "2019-W10",
                    "date_text": "this week",
                    "status": "reported",
                    "chain": [("NYT", "USAMED")],
                },
                {
                    "type": "CONSULT",
                    "cameo": "040",
                    "src": "RUS",
                    "src_text": "Russian",
                    "tgt": "TAL",
                    "tgt_text": "Taliban envoys",
                    "trigger": "met",
                    "place": "Moscow",
                    "date": "2019-03-11",
                    "date_text": "Monday",
                },
            ],
        ),
        build(
            c_text,
            "Mountain Post",
            date(2019, 3, 14),
            [
                {
                    **aid,
                    "src": "IRN",
                    "src_text": "Iran",
                    "tgt": "TAL",
                    "tgt_text": "Taliban",
                    "trigger": "supplied",
                    "place": "Farah",
                    "date": "2019-03",
                    "date_text": "this month",
                    "status": "reported",
                    "chain": [("two Afghan commanders", "AFGMIL")],
                },
                {
                    "type": "CONSULT",
                    "cameo": "042",
                    "src": "PAK",
                    "src_text": "Pakistan",
                    "tgt": "TAL",
                    "tgt_text": "Taliban leaders",
                    "trigger": "hosted",
                    "date": "2019-03",
                    "date_text": "in March",
                },
            ],
        ),
        build(
            d_text,
            "Plains Tribune",
            date(2019, 3, 15),
            [
                {
                    **aid,
                    "src": "IRN",
                    "src_text": "Iran",
                    "tgt": "TAL",
                    "tgt_text": "Taliban",
                    "trigger": "armed",
                    "status": "denied",
                    "chain": [("Iran's foreign ministry", "IRNGOV")],
                },
            ],
        ),
        build(
            e_text,
            "Coastline Herald",
            date(2019, 1, 5),
            [
                {
                    **aid,
                    "src": "IRN",
                    "src_text": "Iran",
                    "tgt": "TAL",
                    "tgt_text": "Taliban",
                    "trigger": "shipped",
                    "place": "Herat",
                    "date": "2017",
                    "date_text": "2017",
                    "status": "reported",
                    "chain": [("New York Times", "USAMED")],
                },
            ],
        ),
    ]
