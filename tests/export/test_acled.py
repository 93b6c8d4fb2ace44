"""ACLED-style CSV: the type mapping, inter codes, places, fatalities, and a pandas round trip.

The articles are made up for these tests, one event each, coded by hand.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from dotterel.cameo import DEFAULT_TABLE, PLOVER_TYPES
from dotterel.export.acled import (
    ACLED_COLUMNS,
    acled_rows,
    actor_rules,
    type_rules,
    write_acled,
)
from dotterel.export.writer import ExportFormat, write_export
from dotterel.merge import merge_events
from dotterel.model import Actor, Article, CodedArticle, Event, Place, TextSpan

#: ACLED's event types and their sub-event types (ACLED Codebook).
ACLED_TAXONOMY = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}

PLACES = {
    "Dunmore": Place("", 0, 0, "Dunmore", "Dunmore", 1, "PPL", "AF", "06", 32.4, 62.1, "city"),
    "Farah": Place("", 0, 0, "Farah", "Farah", 2, "ADM1", "AF", "06", 32.5, 62.5, "adm1"),
    "Afghanistan": Place("", 0, 0, "Afghanistan", "Afghanistan", 3, "PCLI", "AF", None, 33.0,
                         66.0, "country"),
}  # fmt: skip


def article(
    text: str,
    event_type: str,
    source: tuple[str, str],
    target: tuple[str, str] | None = None,
    *,
    place: str | None = None,
    day: str | None = "2021-06-02",
    **fields: Any,
) -> CodedArticle:
    """One article with one event: ``source``/``target`` are (code, words in the text)."""
    art = Article(text=text, outlet="Harbour Star", pub_date=date(2021, 6, 3))
    aid = art.id
    coded = CodedArticle(article=art)
    ids = []
    for n, (code, words) in enumerate([source, *([target] if target else [])]):
        country = code[:3] if code[:3] in ("AFG", "USA") else None
        coded.actors.append(Actor(f"{aid}-a{n}", words, code, country))
        ids.append(f"{aid}-a{n}")
    place_id = None
    if place:
        start = text.index(place)
        p = PLACES[place]
        coded.places.append(
            Place(f"{aid}-p0", start, start + len(place), place, p.name, p.geonameid,
                  p.feature_code, p.country_code, p.admin1, p.lat, p.lon, p.level)
        )  # fmt: skip
        place_id = f"{aid}-p0"
    whole = TextSpan(0, len(text), text)
    coded.events.append(
        Event(
            f"{aid}-e0",
            whole,
            whole,
            event_type,
            source_actor_id=ids[0],
            source_code=source[0],
            source_text=source[1],
            target_actor_id=ids[1] if target else None,
            target_code=target[0] if target else None,
            target_text=target[1] if target else None,
            place_id=place_id,
            date=day,
            date_source="text",
            **fields,
        )
    )
    return coded


def one_row(coded: CodedArticle) -> dict[str, Any]:
    rows = acled_rows([coded])
    assert len(rows) == 1, rows.unmapped
    return rows.rows[0]


# -- the mapping tables ---------------------------------------------------------------


def _cameo_rows() -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode), from the shipped table."""
    rows = {}
    for line in DEFAULT_TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, plover, mode = line.split("\t")[:3]
            rows[code] = (plover, mode)
    return rows


def test_every_mapped_type_is_an_acled_type_and_sub_type() -> None:
    cameo = _cameo_rows()
    modes = {mode for _, mode in cameo.values() if mode}
    for rule in type_rules():
        assert rule.keys["plover_type"] in PLOVER_TYPES, rule
        assert rule.rationale, rule
        assert rule.keys["target"] in ("", "armed", "civilians"), rule
        if rule.event_type:
            assert rule.sub_event_type in ACLED_TAXONOMY[rule.event_type], rule
        else:
            assert not rule.sub_event_type
        assert rule.actor1_inter in (None, 5, 6), rule
        if rule.keys["mode"]:
            assert rule.keys["mode"] in modes, rule
        if rule.keys["cameo"]:  # the code exists and agrees with the row's type and mode
            plover, mode = cameo[rule.keys["cameo"]]
            assert plover == rule.keys["plover_type"], rule
            assert mode == rule.keys["mode"] or not rule.keys["mode"], rule
    for code, rule in actor_rules().items():
        assert len(code) == 3 and 1 <= rule.inter <= 8, code
        assert rule.target in ("", "armed", "civilians"), code


# -- event types ------------------------------------------------------------------------


def test_a_fight_between_armed_sides_is_a_battle_with_its_fatalities() -> None:
    row = one_row(
        article(
            "Police fought insurgents near Dunmore, killing three.",
            "ASSAULT",
            ("AFGCOP", "Police"),
            ("AFGINS", "insurgents"),
            place="Dunmore",
            mode="firearms",
            cameo="193",
            killed=3,
        )
    )
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 2, 12)
    assert (row["fatalities"], row["fatalities_known"]) == (3, True)
    assert (row["location"], row["geo_precision"], row["country"]) == ("Dunmore", 1, "Afghanistan")
    assert (row["latitude"], row["longitude"]) == (32.4, 62.1)
    assert row["notes"] == "Police fought insurgents near Dunmore, killing three."


def test_an_air_strike_is_remote_violence_whoever_it_hits() -> None:
    row = one_row(
        article(
            "Jets bombed villagers in Farah province.",
            "ASSAULT",
            ("AFGMIL", "Jets"),
            ("AFGCVL", "villagers"),
            place="Farah",
            mode="heavy-weapons",
            cameo="195",
        )
    )
    assert (row["event_type"], row["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert (row["geo_precision"], row["admin1"]) == (2, "Farah")
    assert (row["fatalities"], row["fatalities_known"]) == (0, False)  # ACLED's 0 for unknown


def test_violence_against_civilians_and_foreign_forces() -> None:
    row = one_row(
        article(
            "Soldiers beat farmers across Afghanistan.",
            "ASSAULT",
            ("USAMIL", "Soldiers"),
            ("AFGCVL", "farmers"),
            place="Afghanistan",
            mode="beat",
            cameo="182",
        )
    )
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    # a state's forces outside their own country are ACLED's external forces
    assert (row["inter1"], row["inter2"], row["interaction"]) == (8, 7, 78)
    assert (row["geo_precision"], row["admin1"]) == (3, None)


@pytest.mark.parametrize(
    ("event_type", "mode", "cameo", "expected", "inter1"),
    [
        ("PROTEST", "demo", "141", ("Protests", "Peaceful protest"), 6),
        ("PROTEST", "riot", "145", ("Riots", "Violent demonstration"), 5),
        ("COERCE", "arrest", "173", ("Strategic developments", "Arrests"), 1),
        ("ASSAULT", "suicide-attack", "1831", ("Explosions/Remote violence", "Suicide bomb"), 2),
        (
            "ASSAULT",
            "abduct",
            "181",
            ("Violence against civilians", "Abduction/forced disappearance"),
            2,
        ),
        ("RETREAT", "ceasefire", "0871", ("Strategic developments", "Agreement"), 2),
    ],
)
def test_more_mapped_types(
    event_type: str, mode: str, cameo: str, expected: tuple[str, str], inter1: int
) -> None:
    source = ("AFGCOP", "Police") if event_type == "COERCE" else ("AFGREB", "Crowds")
    row = one_row(
        article("Crowds gathered and police acted.", event_type, source, mode=mode, cameo=cameo)
    )
    assert (row["event_type"], row["sub_event_type"]) == expected
    assert row["inter1"] == inter1
    assert row["interaction"] == inter1 * 10  # one side only


def test_events_of_no_acled_type_are_counted_not_written() -> None:
    talk = article("The minister met the envoy.", "CONSULT", ("AFGGOV", "The minister"))
    boycott = article("Traders boycotted the market.", "PROTEST", ("AFGBUS", "Traders"),
                      mode="boycott", cameo="143")  # fmt: skip
    rows = acled_rows([talk, boycott])
    assert len(rows) == 0 and rows.unmapped == 2


def test_dates_and_their_precision() -> None:
    month = one_row(article("Rebels shelled the town in May.", "ASSAULT", ("AFGREB", "Rebels"),
                            mode="heavy-weapons", cameo="194", day="2021-05"))  # fmt: skip
    assert (month["event_date"], month["year"], month["time_precision"]) == ("2021-05-01", 2021, 3)
    assert month["date_value"] == "2021-05"
    undated = one_row(article("Rebels shelled the town.", "ASSAULT", ("AFGREB", "Rebels"),
                              mode="heavy-weapons", cameo="194", day=None))  # fmt: skip
    assert (undated["event_date"], undated["year"], undated["time_precision"]) == (None, None, None)


# -- background events and the file ------------------------------------------------------


def _mixed() -> list[CodedArticle]:
    now = article(
        "Rebels shelled Dunmore on Tuesday.",
        "ASSAULT",
        ("AFGREB", "Rebels"),
        place="Dunmore",
        mode="heavy-weapons",
        cameo="194",
        killed=2,
        confidence=0.8,
    )
    then = article(
        "Rebels shelled Farah in 2009.",
        "ASSAULT",
        ("AFGREB", "Rebels"),
        place="Farah",
        mode="heavy-weapons",
        cameo="194",
        day="2009",
        background=True,
    )
    return [now, then]  # fmt: skip


def test_background_events_are_left_out_unless_asked_for(tmp_path: Path) -> None:
    coded = _mixed()
    out = tmp_path / "default.csv"
    write_export(ExportFormat.acled, coded, merge_events(coded), out)
    assert len(pd.read_csv(out)) == 1
    out = tmp_path / "all.csv"
    clusters = merge_events(coded, include_background=True)
    write_export(ExportFormat.acled, coded, clusters, out, include_background=True)
    frame = pd.read_csv(out)
    assert len(frame) == 2 and frame["background"].tolist() == [False, True]


def test_csv_round_trips_through_pandas(tmp_path: Path) -> None:
    coded = _mixed()
    rows = acled_rows(coded, merge_events(coded, include_background=True))
    out = tmp_path / "acled.csv"
    assert write_acled(rows, out) == 2
    frame = pd.read_csv(out)
    assert tuple(frame.columns) == ACLED_COLUMNS
    assert frame["fatalities"].dtype.kind == "i" and frame["fatalities"].tolist() == [2, 0]
    assert frame["fatalities_known"].tolist() == [True, False]
    assert frame["latitude"].dtype.kind == "f" and frame["geo_precision"].tolist() == [1, 2]
    assert frame["event_type"].eq("Explosions/Remote violence").all()
    assert frame["confidence"].iloc[0] == 0.8 and pd.isna(frame["confidence"].iloc[1])
    assert frame["chain"].isna().all()  # no attribution: an empty chain
    assert frame["cluster_id"].notna().all()
    assert set(frame["event_id"]) == {c.events[0].id for c in coded}
    # the same rows through the csv module: one header, one line a row
    text = io.StringIO(out.read_text(encoding="utf-8"))
    assert len(list(csv.reader(text))) == 3


def test_a_city_row_names_its_province_not_a_geonames_code() -> None:
    """GeoNames gives a city's admin1 as a code ("11"); ACLED's admin1 is the province's
    name, read from the gazetteer's first-level divisions (GeoNames' spelling, the same
    that an event placed at the province itself gets)."""
    row = one_row(
        article(
            "Gunmen attacked soldiers in Dunmore.",
            "ASSAULT",
            ("AFGREB", "Gunmen"),
            ("AFGMIL", "soldiers"),
            place="Dunmore",
            cameo="190",
        )
    )
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Dunmore", "Farāh", 1)


def test_the_gazetteer_names_a_division_by_its_code() -> None:
    from dotterel.geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.division("US", "DC").name == "District of Columbia"  # type: ignore[union-attr]
    assert gazetteer.division("us", "DC") is not None
    assert gazetteer.division("AF", "99") is None


def test_countries_have_their_common_names() -> None:
    from dotterel.export.acled import _iso3

    assert _iso3("KR") == ("KOR", "South Korea")
    assert _iso3("SY") == ("SYR", "Syria")
    assert _iso3("AF") == ("AFG", "Afghanistan")
    assert _iso3(None) == (None, None)
