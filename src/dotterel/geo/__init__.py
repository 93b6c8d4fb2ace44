"""dotterel's offline gazetteer: build (:mod:`.build`) and lookup (:mod:`.gazetteer`)."""

from dotterel.geo.gazetteer import Gazetteer, GazetteerEntry, haversine_km, load_gazetteer
from dotterel.geo.names import normalize_name

__all__ = ["Gazetteer", "GazetteerEntry", "haversine_km", "load_gazetteer", "normalize_name"]
