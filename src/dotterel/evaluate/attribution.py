"""Attribution task: source / cue / content spans, exact and overlapping (PolNeAR gold).

Gold (``attribution_dev.jsonl`` format): ``{"id", "text", "attributions": [{"source":
[s, e] | null, "cue": [s, e], "content": [s, e]}]}``; discontinuous spans are scored by
their outer bounds (``*_fragments`` are ignored). Scoring follows BBC Citron's
``citron_evaluate.py`` (see ``docs/evaluation.md``):

* **cue**: a predicted cue is right if it matches a gold cue.
* **source**, **content**: a prediction is right if its cue *overlaps* a gold
  attribution's cue (that is how the two are aligned) and its source (content) matches
  that attribution's source (content); no source on both sides is a match.
* **attribution** (the headline ``exact_f1`` / ``overlap_f1``): Citron's "All Quote
  Spans": cue, source and content must all match the same gold attribution.
* "match" is exact ``[start, end)`` equality, or for the overlap variant sharing at
  least one character (the README's rule). Citron's proportional, character-weighted
  overlap is reported as well under ``char_overlap``.

Counting: precision over predictions that match any gold item, recall over gold items
matched by any prediction (Citron's convention).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.evaluate.base import Scores, Task, check_aligned
from dotterel.evaluate.gold import (
    gold_article,
    parse_span,
    read_records,
    record_id,
    require_dict,
    require_list,
    text_of,
)
from dotterel.evaluate.metrics import PRF, char_overlap, match_any, overlaps, prf_sum
from dotterel.model import Article, Attribution, CodedArticle

Span = tuple[int, int] | None
KINDS: tuple[str, ...] = ("source", "cue", "content")


@dataclass(frozen=True, slots=True)
class Triple:
    """An attribution's three spans (``None`` where the annotation has none)."""

    source: Span
    cue: Span
    content: Span

    def get(self, kind: str) -> Span:
        span: Span = getattr(self, kind)
        return span


@dataclass(frozen=True, slots=True)
class AttributionGold:
    id: str
    article: Article
    attributions: list[Triple] = field(default_factory=list)


def load(path: Path) -> list[AttributionGold]:
    """Read an attribution gold file."""
    out = []
    for where, obj in read_records(path):
        text = text_of(obj, where)
        triples = []
        for item in require_list(obj, "attributions", where):
            a = require_dict(item, where, "attributions")
            spans = {k: parse_span(a.get(k), where, k, len(text)) for k in KINDS}
            triples.append(Triple(**spans))
        article = gold_article(obj, where, text)
        out.append(AttributionGold(record_id(obj, where), article, triples))
    return out


def to_triple(a: Attribution) -> Triple:
    def span(s: object) -> Span:
        return (s.start, s.end) if s is not None else None  # type: ignore[attr-defined]

    return Triple(span(a.source), span(a.cue), span(a.content))


def _exact(a: Span, b: Span) -> bool:
    return a == b


def _overlap(a: Span, b: Span) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return overlaps(a, b)


def _aligned(g: Triple, p: Triple) -> bool:
    return g.cue is not None and p.cue is not None and overlaps(g.cue, p.cue)


def doc_counts(
    gold: Sequence[Triple], pred: Sequence[Triple], same: Callable[[Span, Span], bool]
) -> dict[str, PRF]:
    """Per-kind and whole-attribution counts for one document under one span rule."""
    counts = {
        "cue": match_any(gold, pred, lambda g, p: g.cue is not None and same(g.cue, p.cue)),
        "source": match_any(gold, pred, lambda g, p: _aligned(g, p) and same(g.source, p.source)),
        "content": match_any(
            gold, pred, lambda g, p: _aligned(g, p) and same(g.content, p.content)
        ),
        "attribution": match_any(
            gold,
            pred,
            lambda g, p: g.cue is not None and all(same(g.get(k), p.get(k)) for k in KINDS),
        ),
    }
    return counts


def score(gold: Sequence[AttributionGold], coded: Sequence[CodedArticle]) -> Scores:
    """P/R/F1 per span kind and for whole attributions, exact and overlap."""
    check_aligned(gold, coded)
    exact: dict[str, list[PRF]] = {}
    overlap: dict[str, list[PRF]] = {}
    chars: dict[str, list[PRF]] = {k: [] for k in KINDS}
    for g, c in zip(gold, coded, strict=True):
        pred = [to_triple(a) for a in c.attributions]
        for name, prf in doc_counts(g.attributions, pred, _exact).items():
            exact.setdefault(name, []).append(prf)
        for name, prf in doc_counts(g.attributions, pred, _overlap).items():
            overlap.setdefault(name, []).append(prf)
        for k in KINDS:
            gs = [s for t in g.attributions if (s := t.get(k)) is not None]
            ps = [s for t in pred if (s := t.get(k)) is not None]
            chars[k].append(char_overlap(gs, ps))
    ex = {k: prf_sum(v) for k, v in exact.items()}
    ov = {k: prf_sum(v) for k, v in overlap.items()}
    ch = {k: prf_sum(v) for k, v in chars.items()}
    metrics: dict[str, float | int | None] = {
        "exact_f1": ex["attribution"].f1,
        "exact_precision": ex["attribution"].precision,
        "exact_recall": ex["attribution"].recall,
        "overlap_f1": ov["attribution"].f1,
        "overlap_precision": ov["attribution"].precision,
        "overlap_recall": ov["attribution"].recall,
    }
    for k in KINDS:
        for mode, table in (("exact", ex), ("overlap", ov)):
            metrics[f"{k}_{mode}_precision"] = table[k].precision
            metrics[f"{k}_{mode}_recall"] = table[k].recall
            metrics[f"{k}_{mode}_f1"] = table[k].f1
    metrics["n_gold"] = ex["attribution"].n_gold
    metrics["n_pred"] = ex["attribution"].n_pred
    groups: dict[str, PRF] = {}
    for k in ("attribution", *KINDS):
        groups[f"{k} exact"] = ex[k]
        groups[f"{k} overlap"] = ov[k]
    for k in KINDS:
        groups[f"{k} characters (Citron overlap)"] = ch[k]
    return Scores(
        metrics=metrics,
        groups=groups,
        support={
            "overlap_f1": ov["attribution"].counts(),
            "exact_f1": ex["attribution"].counts(),
        },
        detail={
            "exact": {k: v.as_dict() for k, v in ex.items()},
            "overlap": {k: v.as_dict() for k, v in ov.items()},
            "char_overlap": {k: v.as_dict() for k, v in ch.items()},
        },
    )


TASK = Task(
    name="attribution",
    description="attribution source/cue/content spans, exact and overlap",
    load=load,
    score=score,
    headline=("overlap_f1", "exact_f1"),
)
