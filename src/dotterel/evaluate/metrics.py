"""Shared scoring arithmetic: precision/recall/F1 counts, span overlap, distances.

Everything here is a pure function over plain numbers and ``(start, end)`` pairs, so
each task module can state its matching rule in a line and leave the arithmetic here.

Counting convention (BBC Citron's, also used for PolNeAR-style attribution scoring):
precision is the share of *predictions* that match some gold item, recall the share of
*gold items* matched by some prediction. An empty side scores 0, never "undefined".
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

#: ``[start, end)`` character offsets.
Offsets = tuple[int, int]

#: The distance under which a resolved place counts as right (100 miles, GeoNames practice).
ACC_KM = 161.0
#: Mean Earth radius used by the haversine formula.
EARTH_RADIUS_KM = 6371.0088

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class PRF:
    """Match counts from which precision, recall and F1 follow.

    ``matched_pred`` predictions (of ``n_pred``) matched some gold item and
    ``matched_gold`` gold items (of ``n_gold``) were matched by some prediction. For
    one-to-one matching (multisets of triples) both matched counts are the same ``tp``.
    """

    matched_pred: int = 0
    n_pred: int = 0
    matched_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            self.matched_pred + other.matched_pred,
            self.n_pred + other.n_pred,
            self.matched_gold + other.matched_gold,
            self.n_gold + other.n_gold,
        )

    def counts(self) -> str:
        """The support of the rates, for tables: ``found 3/4 gold, 3/5 predicted right``."""
        return (
            f"found {self.matched_gold}/{self.n_gold} gold, "
            f"{self.matched_pred}/{self.n_pred} predicted right"
        )

    def as_dict(self) -> dict[str, float | int]:
        """JSON form: the three rates and the four counts behind them."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "matched_pred": self.matched_pred,
            "n_pred": self.n_pred,
            "matched_gold": self.matched_gold,
            "n_gold": self.n_gold,
        }


def prf_sum(parts: Iterable[PRF]) -> PRF:
    """Micro-average: add the counts of every document."""
    total = PRF()
    for part in parts:
        total = total + part
    return total


def match_any(gold: Sequence[G], pred: Sequence[P], same: Callable[[G, P], bool]) -> PRF:
    """Citron counting: a prediction is right if it matches *any* gold item, and vice versa."""
    matched_pred = sum(1 for p in pred if any(same(g, p) for g in gold))
    matched_gold = sum(1 for g in gold if any(same(g, p) for p in pred))
    return PRF(matched_pred, len(pred), matched_gold, len(gold))


def match_multiset(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> PRF:
    """One-to-one matching of equal items (a predicted duplicate is a false positive)."""
    from collections import Counter

    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return PRF(tp, sum(p.values()), tp, sum(g.values()))


def overlaps(a: Offsets, b: Offsets) -> bool:
    """True when two ``[start, end)`` spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def overlap_len(a: Offsets, b: Offsets) -> int:
    """Number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def merge(spans: Iterable[Offsets]) -> list[Offsets]:
    """Union of spans as sorted, disjoint spans (so shared characters count once)."""
    out: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def char_overlap(gold: Iterable[Offsets], pred: Iterable[Offsets]) -> PRF:
    """Character-level overlap counts (Citron's proportional "overlap" measure).

    Precision is the share of predicted characters inside gold spans, recall the share
    of gold characters inside predicted spans.
    """
    g, p = merge(gold), merge(pred)
    shared = sum(overlap_len(a, b) for a in g for b in p)
    n_g = sum(e - s for s, e in g)
    n_p = sum(e - s for s, e in p)
    return PRF(shared, n_p, shared, n_g)


def best_overlap(span: Offsets, candidates: Sequence[tuple[Offsets, P]]) -> P | None:
    """The candidate sharing the most characters with ``span`` (first one on ties)."""
    best: tuple[int, P] | None = None
    for offsets, item in candidates:
        n = overlap_len(span, offsets)
        if n > 0 and (best is None or n > best[0]):
            best = (n, item)
    return best[1] if best else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def median(values: Sequence[float]) -> float | None:
    """The median, or ``None`` when there is nothing to take it of."""
    return statistics.median(values) if values else None


def per_class(gold: Sequence[str], pred: Sequence[str]) -> dict[str, PRF]:
    """One-vs-rest counts per class of ``gold`` (one label per item, aligned lists)."""
    out: dict[str, PRF] = {}
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        out[label] = PRF(tp, sum(1 for p in pred if p == label), tp, gold.count(label))
    return out


def macro_f1(classes: dict[str, PRF]) -> float:
    """Unweighted mean of the per-class F1 (0 when there are no classes)."""
    return sum(c.f1 for c in classes.values()) / len(classes) if classes else 0.0


# --- finding annotated snippets in a text -------------------------------------------

_QUOTES = {"'": "['‘’`]", "‘": "['‘’`]", "’": "['‘’`]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}
#: An ellipsis written by an annotator to skip words: "Pakistan ... has encouraged".
_ELLIPSIS = re.compile(r"\s*(?:\.{2,3}|…)\s*")


def _fragment_pattern(fragment: str) -> str:
    parts: list[str] = []
    for ch in fragment:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(_QUOTES.get(ch, re.escape(ch)))
    return "".join(parts)


def locate(text: str, snippet: str) -> Offsets | None:
    """Where an annotator's snippet occurs in ``text``, or ``None``.

    Tolerates what hand annotation does to a quotation: straight vs curly quotes,
    doubled spaces, and ``...`` for skipped words (the result then runs from the first
    fragment to the last). Case-sensitive first, then case-insensitive.
    """
    fragments = [f for f in _ELLIPSIS.split(snippet.strip()) if f]
    if not fragments:
        return None
    first = _fragment_pattern(fragments[0])
    rest = "".join(f".*?(?:{_fragment_pattern(f)})" for f in fragments[1:])
    for flags in (re.DOTALL, re.DOTALL | re.IGNORECASE):
        if not rest:
            m = re.search(first, text, flags)
            if m:
                return (m.start(), m.end())
            continue
        # Try each occurrence of the first fragment; keep the tightest full match.
        whole = re.compile(f"(?:{first}){rest}", flags)
        best: Offsets | None = None
        for m in re.finditer(first, text, flags):
            full = whole.match(text, m.start())
            if full and (best is None or full.end() - full.start() < best[1] - best[0]):
                best = (full.start(), full.end())
        if best is not None:
            return best
    return None


def rounded(value: Any, digits: int = 4) -> Any:
    """Round floats for display/JSON without touching counts or ``None``."""
    return round(value, digits) if isinstance(value, float) else value


__all__ = [
    "ACC_KM",
    "PRF",
    "Offsets",
    "best_overlap",
    "char_overlap",
    "haversine_km",
    "locate",
    "macro_f1",
    "match_any",
    "match_multiset",
    "median",
    "merge",
    "overlap_len",
    "overlaps",
    "per_class",
    "prf_sum",
    "rounded",
]
