"""records.py: flattening is lossless and columns follow the dataclasses."""

from __future__ import annotations

from datetime import date

from dotterel.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Mention,
    Place,
    Sentence,
    SourceLink,
    TextSpan,
    TimeRef,
)
from dotterel.rows import TABLES, arrow_schema, columns, flatten, to_arrow, unflatten


def _coded() -> CodedArticle:
    text = "Ruritania armed the Blue Brigade in Northshire in May 2020, officials said."
    art = Article(text=text, outlet="Example Times", pub_date=date(2020, 6, 1))
    a = art.id
    chain = [SourceLink(name="Example Times"), SourceLink(name="officials", anonymous=True)]
    return CodedArticle(
        article=art,
        sentences=[Sentence(f"{a}-s0", 0, len(text), text)],
        mentions=[Mention(f"{a}-m0", 0, 9, "Ruritania", "GPE", f"{a}-a0")],
        actors=[Actor(f"{a}-a0", "Ruritania", "RUR", "RUR", ["GOV"], "state", [f"{a}-m0"])],
        places=[Place(f"{a}-p0", 36, 46, "Northshire", lat=1.5, lon=2.5, level="adm1")],
        times=[TimeRef(f"{a}-t0", 50, 58, "May 2020", "2020-05")],
        attributions=[
            Attribution(
                f"{a}-q0",
                cue=TextSpan(70, 74, "said"),
                content=TextSpan(0, 58, text[:58]),
                source=TextSpan(60, 69, "officials"),
                anonymous=True,
                chain=chain,
            )
        ],
        events=[
            Event(
                f"{a}-e0",
                trigger=TextSpan(10, 15, "armed"),
                sentence=TextSpan(0, len(text), text),
                event_type="AID",
                source_code="RUR",
                context=["military"],
                chain=chain,
                status="reported",
                goldstein=7.4,
                quad_class=2,
                contests=[],
            )
        ],
    )


def test_round_trip_is_lossless() -> None:
    coded = _coded()
    assert unflatten(flatten(coded)) == coded


def test_span_fields_become_three_columns() -> None:
    names = [c.name for c in columns("events")]
    assert names[:2] == ["id", "article_id"]
    assert {"trigger_start", "trigger_end", "trigger_text", "chain"} <= set(names)
    assert {c.name: c.kind for c in columns("events")}["chain"] == "json"


def test_arrow_tables_match_schema() -> None:
    tables = to_arrow([_coded()])
    assert set(tables) == set(TABLES)
    for name, table in tables.items():
        assert table.schema == arrow_schema(name)
    assert tables["events"].num_rows == 1
    assert tables["articles"].column("pub_date").to_pylist() == [date(2020, 6, 1)]
