"""Geo task: toponym recognition and resolution (GeoWebNews gold).

Gold (``geo_dev.jsonl`` format): ``{"id", "text", "toponyms": [{"start", "end", "name",
"lat", "lon", "geonameid"?, "type"?}]}``. Rules (see ``docs/evaluation.md``):

* **acc@161km** over gold toponyms that have coordinates: the predicted place that
  shares the most characters with the toponym and has coordinates is taken; it is
  right within 161 km (haversine). No such prediction is a miss.
* **median_km**: median error over the gold toponyms that got a resolved prediction
  (``null`` when none did); ``median_km_all`` counts a miss as the largest possible
  error (half the Earth's circumference), as the AUC of Gritta et al. does.
* **recognition** P/R/F1: every predicted place (resolved or not) against every gold
  toponym; ``recognition_f1`` with overlap (any shared character), ``recognition_exact_f1``
  with identical offsets. Note the gold keeps only toponyms the annotators could place,
  so some right predictions count as false positives: precision is a lower bound.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.evaluate.base import Scores, Task, check_aligned
from dotterel.evaluate.gold import (
    as_float,
    gold_article,
    parse_span,
    read_records,
    record_id,
    require_dict,
    require_list,
    text_of,
)
from dotterel.evaluate.metrics import (
    ACC_KM,
    EARTH_RADIUS_KM,
    best_overlap,
    haversine_km,
    match_any,
    median,
    overlaps,
    prf_sum,
)
from dotterel.model import Article, CodedArticle, Place

#: The error charged for a toponym left unresolved in ``median_km_all``.
MAX_ERROR_KM = math.pi * EARTH_RADIUS_KM
MAX_EXAMPLES = 25


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    name: str
    lat: float | None
    lon: float | None
    type: str | None = None
    geonameid: int | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class GeoGold:
    id: str
    article: Article
    toponyms: list[Toponym] = field(default_factory=list)


def load(path: Path) -> list[GeoGold]:
    """Read a toponym gold file."""
    out = []
    for where, obj in read_records(path):
        text = text_of(obj, where)
        toponyms = []
        for item in require_list(obj, "toponyms", where):
            t = require_dict(item, where, "toponyms")
            span = parse_span([t.get("start"), t.get("end")], where, "toponym", len(text))
            assert span is not None
            lat, lon = as_float(t.get("lat"), where, "lat"), as_float(t.get("lon"), where, "lon")
            raw_name = t.get("name")
            name = raw_name if isinstance(raw_name, str) else text[span[0] : span[1]]
            kind = t.get("type") if isinstance(t.get("type"), str) else None
            gid = t.get("geonameid")
            geonameid = int(gid) if isinstance(gid, int | str) and str(gid).isdigit() else None
            toponyms.append(Toponym(span[0], span[1], name, lat, lon, kind, geonameid))
        article = gold_article(obj, where, text)
        out.append(GeoGold(record_id(obj, where), article, toponyms))
    return out


def score(gold: Sequence[GeoGold], coded: Sequence[CodedArticle]) -> Scores:
    """acc@161km, error in km, and toponym recognition."""
    check_aligned(gold, coded)
    errors_km: list[float] = []
    hits = with_coords = ids_right = ids_total = 0
    by_type: dict[str, list[int]] = {}  # type -> [hits, total]
    recog_overlap, recog_exact = [], []
    examples: list[dict[str, Any]] = []
    for g, c in zip(gold, coded, strict=True):
        resolved: list[tuple[tuple[int, int], Place]] = [
            ((p.start, p.end), p) for p in c.places if p.lat is not None and p.lon is not None
        ]
        spans = [(p.start, p.end) for p in c.places]
        gold_spans = [(t.start, t.end) for t in g.toponyms]
        recog_overlap.append(match_any(gold_spans, spans, overlaps))
        recog_exact.append(match_any(gold_spans, spans, lambda a, b: a == b))
        for t in g.toponyms:
            if not t.has_coordinates:
                continue
            with_coords += 1
            tally = by_type.setdefault(t.type or "untyped", [0, 0])
            tally[1] += 1
            place = best_overlap((t.start, t.end), resolved)
            if t.geonameid is not None:
                ids_total += 1
                ids_right += place is not None and place.geonameid == t.geonameid
            if place is None:
                continue
            km = haversine_km(t.lat, t.lon, place.lat, place.lon)  # type: ignore[arg-type]
            errors_km.append(km)
            if km <= ACC_KM:
                hits += 1
                tally[0] += 1
            elif len(examples) < MAX_EXAMPLES:
                examples.append(
                    {
                        "id": g.id,
                        "toponym": t.name,
                        "gold": [t.lat, t.lon],
                        "pred": [place.lat, place.lon, place.name, place.geonameid],
                        "km": round(km, 1),
                    }
                )
    overlap, exact = prf_sum(recog_overlap), prf_sum(recog_exact)
    misses = with_coords - len(errors_km)
    all_errors = errors_km + [MAX_ERROR_KM] * misses
    return Scores(
        metrics={
            "acc_at_161km": hits / with_coords if with_coords else 0.0,
            "median_km": median(errors_km),
            "median_km_all": median(all_errors),
            "recognition_precision": overlap.precision,
            "recognition_recall": overlap.recall,
            "recognition_f1": overlap.f1,
            "recognition_exact_f1": exact.f1,
            "geonameid_accuracy": ids_right / ids_total if ids_total else 0.0,
            "toponyms_with_coordinates": with_coords,
            "resolved": len(errors_km),
            "within_161km": hits,
        },
        groups={"recognition (overlap)": overlap, "recognition (exact)": exact},
        support={
            "acc_at_161km": f"{hits}/{with_coords}",
            "median_km": f"over {len(errors_km)} resolved",
            "median_km_all": f"{misses} misses at {MAX_ERROR_KM:.0f} km",
            "recognition_f1": overlap.counts(),
            "geonameid_accuracy": f"{ids_right}/{ids_total} with a gold geonameid",
        },
        detail={
            "acc_at_161km_by_type": {
                k: {"hits": h, "total": n, "accuracy": h / n if n else 0.0}
                for k, (h, n) in sorted(by_type.items())
            },
            "far_off": examples,
        },
    )


TASK = Task(
    name="geo",
    description="toponym recognition and resolution (acc@161km)",
    load=load,
    score=score,
    headline=("acc_at_161km", "median_km", "recognition_f1"),
)
