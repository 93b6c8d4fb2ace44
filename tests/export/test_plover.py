"""PLOVER JSONL: every record passes the JSON schema and reads back with ``json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.export.plover import plover_records, plover_schema, write_plover
from dotterel.merge import merge_events
from export_samples import samples

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (dev dependency) not installed")

PLOVER_FIELDS = {
    "id",
    "date",
    "actor",
    "recipient",
    "event",
    "mode",
    "context",
    "event_loc",
    "event_text",
    "text_info",
    "cite_info",
}


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_record_passes_the_schema(tmp_path: Path) -> None:
    coded = samples()
    out = tmp_path / "events.jsonl"
    n = write_plover(plover_records(coded), out)
    records = _read(out)
    assert n == len(records) == sum(len(c.events) for c in coded)
    validator = jsonschema.Draft202012Validator(plover_schema())
    validator.check_schema(plover_schema())
    for record in records:
        validator.validate(record)
        assert record.keys() >= PLOVER_FIELDS


def test_fields_carry_the_coding_and_the_provenance(tmp_path: Path) -> None:
    coded = samples()
    out = tmp_path / "events.jsonl"
    write_plover(plover_records(coded, merge_events(coded)), out)
    by_id = {r["id"]: r for r in _read(out)}
    a = coded[0]
    rec = by_id[a.events[0].id]
    assert rec["date"] == "2019-03-10" and rec["enddate"] is None
    assert rec["actor"][0]["code"] == "IRN" and rec["recipient"][0]["code"] == "TAL"
    assert rec["event"] == ["AID"] and rec["mode"] == ["military"]
    assert rec["event_text"] == ["shipped"]
    assert rec["quad_code"] == 2
    assert rec["event_loc"]["resolved_place"] == "Farah"
    assert rec["event_loc"]["country_code"] == "AFG" and rec["event_loc"]["resolution"] == 2
    assert rec["event_loc"]["admin1_code"] == "06" and "province" not in rec["event_loc"]
    assert rec["event_scale"] == 7.0  # Goldstein weight of CAMEO 070
    assert rec["cite_info"]["publication"] == "Coastline Herald"
    assert rec["cite_info"]["url"] == "https://coastline.example/iran-rifles"
    start, end = rec["text_info"]["start"], rec["text_info"]["end"]
    assert a.article.text[start:end] == a.events[0].sentence.text
    ext = rec["dotterel"]
    assert [link["name"] for link in ext["source_chain"]] == [
        "Coastline Herald",
        "New York Times",
        "provincial officials",
    ]
    assert ext["status"] == "reported"
    assert ext["originating_source"] == "New York Times"
    assert ext["cluster"]["n_articles"] == 4 and ext["cluster"]["n_sources"] == 3
    # Mentions of one event share PLOVER's ``link``.
    b_rec = by_id[coded[1].events[0].id]
    assert b_rec["link"] == rec["link"] == ext["cluster"]["id"]
    # A month is reported as its first and last day.
    c_rec = by_id[coded[2].events[0].id]
    assert (c_rec["date"], c_rec["enddate"]) == ("2019-03-01", "2019-03-31")
    # The sector comes from the actor code; the full CAMEO code is kept.
    assert by_id[coded[3].events[0].id]["dotterel"]["status"] == "denied"


def test_sector_and_empty_recipient() -> None:
    from export_samples import build

    coded = build("Afghan police protested.", "Harbour Star", samples()[0].article.pub_date, [])
    assert list(plover_records([coded])) == []
    from dotterel.export.plover import entity

    obj = entity("AFGCOPMOS", None, "Afghan police")
    assert obj == {
        "entity_text": "Afghan police",
        "code": "AFG",
        "sector": "COP",
        "religion": "MOS",
        "cameo_code": "AFGCOPMOS",
    }


def test_an_invalid_record_fails_the_schema() -> None:
    record = next(plover_records(samples()))
    record["event"] = ["PICNIC"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, plover_schema())


@pytest.mark.slow
def test_pipeline_output_passes_the_schema(nlp) -> None:
    """Whatever the pipeline codes today must export to valid PLOVER."""
    from datetime import date

    from dotterel.model import Article
    from dotterel.pipeline import code

    texts = [
        "Iran sent weapons to the Taliban in Farah province on Tuesday, the New York Times "
        "reported, citing Afghan officials. Tehran denied the report.",
        "Russian diplomats met Taliban envoys in Moscow last week, a spokesman said.",
    ]
    coded = [
        code(nlp, Article(text=t, outlet="Harbour Star", pub_date=date(2019, 3, 14))) for t in texts
    ]
    validator = jsonschema.Draft202012Validator(plover_schema())
    records = list(plover_records(coded))
    assert len(records) == sum(len(c.events) for c in coded)
    for record in records:
        validator.validate(record)
