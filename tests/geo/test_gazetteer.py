"""The offline gazetteer: its build (deterministic, from package data) and its lookups."""

from __future__ import annotations

import hashlib
import importlib.util
import time

import pytest

from dotterel.geo import haversine_km, load_gazetteer, normalize_name
from dotterel.geo.build import Sources, build, country_point, mainland_centroid
from dotterel.geo.gazetteer import Gazetteer
from dotterel.geo.layout import DEFAULT_OUTPUT


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _tiny_sources() -> Sources:
    """A made-up country with one province and three towns (not real places)."""
    towns = [
        ("1", "Alpha", 10.0, 20.0, 50_000, "01"),
        ("2", "Beta", 12.0, 22.0, 5_000, "01"),
        ("3", "Gamma", 11.0, 30.0, 2_000, "02"),
    ]
    cities = [
        {
            "geonameid": gid,
            "name": name,
            "latitude": lat,
            "longitude": lon,
            "countrycode": "ZZ",
            "population": pop,
            "admin1code": adm1,
            "alternatenames": [f"{name}ville", "ЖЖ"],
        }
        for gid, name, lat, lon, pop, adm1 in towns
    ]
    countries = {
        "ZZ": {
            "geonameid": 99,
            "name": "Zedland",
            "iso": "ZZ",
            "iso3": "ZZZ",
            "population": 57_000,
            "capital": "Alpha",
        }
    }
    continents = {"EU": {"geonameId": 6255148, "name": "Europe", "lat": "48.69", "lng": "9.14"}}
    country_rows = [["Zedland", "ZZ", "ZZZ", "99", "Republic of Zedland", "", "Zed", "", ""]]
    subdivision_rows = [
        ["North Zed", "ZZ-01", "ZZ.01", "101", "Province", "Nordzed", "1", "", "1"],
    ]
    ring = [[18.0, 8.0], [24.0, 8.0], [24.0, 14.0], [18.0, 14.0], [18.0, 8.0]]
    geojson = {"features": [{"geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    info = {
        "ZZ": {
            "latlng": [10, 20],
            "mainland": mainland_centroid(geojson),
            "demonym": "Zeddish",
            "name": "Zedland",
            "altSpellings": ["ZZ", "Zedlandia"],
        }
    }
    return Sources(cities, countries, continents, country_rows, subdivision_rows, info)


def test_normalize_name_folds_accents_dots_and_articles() -> None:
    assert normalize_name("U.S.") == "us"
    assert normalize_name("Côte d'Ivoire") == "cote d ivoire"
    assert normalize_name("the Netherlands") == "netherlands"
    assert normalize_name("  Farāh ") == "farah"


def test_tiny_build_is_byte_for_byte_reproducible() -> None:
    first = build(_tiny_sources(), min_population=0)
    second = build(_tiny_sources(), min_population=0)
    assert first == second
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_tiny_build_derives_points_and_names(tmp_path) -> None:
    path = tmp_path / "g.json.gz"
    path.write_bytes(build(_tiny_sources(), min_population=0))
    gaz = Gazetteer.from_path(path)
    # The province's point is the middle of its towns' extent, not a typed number.
    (province,) = [e for e in gaz.lookup("North Zed") if e.level == "adm1"]
    assert (province.lat, province.lon) == (11.0, 21.0)
    assert [e.level for e in gaz.lookup("Nordzed")] == ["adm1"]
    # The country sits halfway between its reference point and its mainland's centroid.
    country = gaz.country("ZZ")
    assert country is not None
    assert (country.lat, country.lon) == (10.5, 20.5)
    assert [e.name for e in gaz.lookup_demonym("Zeddish")] == ["Zedland"]
    assert [e.name for e in gaz.lookup_demonym("Zeddishs")] == ["Zedland"]
    # The capital is marked; alternate names are indexed (Latin script only) for
    # towns big enough; the town below the threshold keeps its own name only.
    (alpha,) = gaz.lookup("Alphaville")
    assert alpha.feature_code == "PPLC"
    assert gaz.lookup("ЖЖ") == []
    assert gaz.lookup("Gammaville") == []
    assert [e.name for e in gaz.lookup("Europe")] == ["Europe"]


def test_country_point_falls_back_to_whichever_exists() -> None:
    assert country_point([10, 20], None) == (10.0, 20.0)
    assert country_point(None, (4.0, 6.0)) == (4.0, 6.0)
    assert country_point([10, 20], (12.0, 22.0)) == (11.0, 21.0)


def test_packaged_gazetteer_is_compact_and_loads_fast() -> None:
    assert DEFAULT_OUTPUT.stat().st_size < 8_000_000
    start = time.perf_counter()
    gaz = Gazetteer.from_path(DEFAULT_OUTPUT)
    elapsed = time.perf_counter() - start
    assert len(gaz) > 100_000
    assert elapsed < 3.0  # about 0.35 s on an idle core; generous for shared CI


def test_lookup_levels_and_aliases(gaz: Gazetteer) -> None:
    assert gaz.lookup("U.S.")[0].country_code == "US"
    assert gaz.lookup("Britain")[0].country_code == "GB"
    assert gaz.lookup("Soviet Union")[0].country_code == "RU"
    moscow = [e for e in gaz.lookup("Moscow") if e.feature_code == "PPLC"]
    assert moscow and moscow[0].country_code == "RU"
    assert {e.level for e in gaz.lookup("Kandahar")} >= {"adm1", "city"}
    assert gaz.lookup_demonym("Afghans")[0].country_code == "AF"
    assert gaz.lookup_demonym("European")[0].feature_code == "CONT"
    assert gaz.lookup("Nowhereville Flats") == []


def test_derived_points_land_near_geonames(gaz: Gazetteer) -> None:
    """The two checks the issue asks for (GeoNames' own points, within 161 km)."""
    (farah,) = [e for e in gaz.lookup("Farah") if e.level == "adm1"]
    assert haversine_km(farah.lat, farah.lon, 32.37, 62.12) < 161
    afghanistan = gaz.country("AF")
    assert afghanistan is not None
    assert haversine_km(afghanistan.lat, afghanistan.lon, 33.0, 66.0) < 161


def test_lookup_is_cheap(gaz: Gazetteer) -> None:
    start = time.perf_counter()
    for _ in range(2000):
        gaz.lookup("Springfield")
    assert (time.perf_counter() - start) / 2000 < 0.001


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("countryinfo") is None, reason="countryinfo not installed"
)
def test_full_rebuild_matches_the_packaged_file() -> None:
    """Same pinned packages and tables -> the same bytes as the committed gazetteer."""
    assert build() == DEFAULT_OUTPUT.read_bytes()
