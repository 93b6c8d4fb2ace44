"""GDELT 2.0 event table: 61 tab-separated fields on every line, GDELT's column order,
values only where dotterel has them."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from dotterel.export.gdelt import GDELT_COLUMNS, date_fields, gdelt_row, write_gdelt
from dotterel.merge import merge_events
from export_samples import build, samples


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=list(GDELT_COLUMNS),
        dtype=str,
        keep_default_na=False,
        quoting=3,
    )


def test_column_list_is_gdelts() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:6] == (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    )
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[-2:] == (
        "DATEADDED",
        "SOURCEURL",
    )
    assert len(set(GDELT_COLUMNS)) == 61


def test_every_line_has_61_fields(tmp_path: Path) -> None:
    coded = samples()
    clusters = merge_events(coded)
    out = tmp_path / "events.tsv"
    added = {c.article.id: datetime(2020, 1, 2, 3, 4, 5) for c in coded}
    assert write_gdelt(clusters, out, added) == len(clusters)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    assert all(len(line.split("\t")) == 61 for line in lines[:-1])
    frame = _read(out)
    assert frame.shape == (len(clusters), 61)
    assert frame["GLOBALEVENTID"].is_unique


def test_merged_event_row(tmp_path: Path) -> None:
    coded = samples()
    out = tmp_path / "events.tsv"
    added = {c.article.id: datetime(2019, 3, 12 + i, 8, 0, 0) for i, c in enumerate(coded)}
    write_gdelt(merge_events(coded), out, added)
    frame = _read(out)
    row = frame[(frame["Actor1Code"] == "IRN") & (frame["SQLDATE"] == "20190310")].iloc[0]
    assert (row["MonthYear"], row["Year"]) == ("201903", "2019")
    assert row["FractionDate"] == "2019.1863"
    assert (row["Actor1CountryCode"], row["Actor1Name"]) == ("IRN", "Iran")
    assert (row["Actor2Code"], row["Actor2KnownGroupCode"], row["Actor2CountryCode"]) == (
        "TAL",
        "TAL",
        "",
    )
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("070", "070", "07")
    assert row["QuadClass"] == "2"
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("4", "3", "4")
    assert row["AvgTone"] == ""  # no tone model: empty, never a made-up zero
    assert row["Actor1Geo_Type"] == "" and row["Actor2Geo_FullName"] == ""
    assert row["ActionGeo_Type"] == "5"  # an ADM1 outside the US
    assert row["ActionGeo_FullName"] == "Farah, Afghanistan"
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("AF", "AF06")
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"]) == ("32.5", "62.5")
    assert row["DATEADDED"] == "20190312080000"
    assert row["SOURCEURL"] == "https://coastline.example/iran-rifles"


def test_geo_codes_are_fips_and_cities_are_world_cities() -> None:
    clusters = merge_events(samples())
    moscow = next(c for c in clusters if c.source_code == "RUS")
    row = dict(zip(GDELT_COLUMNS, gdelt_row(moscow), strict=True))
    assert row["ActionGeo_Type"] == "4"
    assert row["ActionGeo_CountryCode"] == "RS"  # FIPS 10-4, as GDELT; ISO would be RU
    assert row["ActionGeo_FullName"] == "Moscow, Russian Federation"
    assert row["DATEADDED"] == "" and row["SOURCEURL"] == ""  # unknown: empty


def test_dates_fill_only_the_fields_their_precision_allows() -> None:
    assert date_fields("2016-10-09") == ("20161009", "201610", "2016", "2016.7705")
    assert date_fields("2016-10") == ("", "201610", "2016", "")
    assert date_fields("2016") == ("", "", "2016", "")
    assert date_fields("2017-W33") == ("", "", "2017", "")
    assert date_fields("199") == ("", "", "", "")
    assert date_fields(None) == ("", "", "", "")


def test_tabs_and_newlines_in_values_cannot_break_a_line() -> None:
    text = "Iran\tarmed the Taliban\nfighters."
    coded = build(
        text,
        "Tab\tTimes",
        samples()[0].article.pub_date,
        [
            {
                "src": "IRN",
                "src_text": "Iran",
                "tgt": "TAL",
                "tgt_text": "Taliban\nfighters",
                "type": "AID",
                "trigger": "armed",
            },
        ],
        url="https://x.example/a\tb",
    )
    coded.actors[1].name = "Taliban\nfighters"
    buf = io.StringIO()
    write_gdelt(merge_events([coded]), buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 1 and len(lines[0].split("\t")) == 61


def test_no_events_writes_an_empty_file(tmp_path: Path) -> None:
    out = tmp_path / "empty.tsv"
    assert write_gdelt(merge_events([]), out) == 0
    assert out.read_text() == ""


@pytest.mark.slow
def test_pipeline_output_gives_61_fields_per_line(nlp) -> None:
    from datetime import date

    from dotterel.model import Article
    from dotterel.pipeline import code

    texts = [
        "Iran sent weapons to the Taliban in Farah province on Tuesday, the New York Times "
        "reported, citing Afghan officials.\n\nPakistan denied sheltering Taliban leaders.",
        "Russian diplomats met Taliban envoys in Moscow last week, a spokesman said.",
    ]
    coded = [
        code(nlp, Article(text=t, outlet="Harbour Star", pub_date=date(2019, 3, 14))) for t in texts
    ]
    buf = io.StringIO()
    n = write_gdelt(merge_events(coded), buf)
    lines = buf.getvalue().splitlines()
    assert len(lines) == n
    assert all(len(line.split("\t")) == 61 for line in lines)
