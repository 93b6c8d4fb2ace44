"""Time task: time expressions normalised TIMEX3-style against the publication date.

Gold (``time_dev.jsonl`` format): ``{"id", "text", "pub_date", "timexes": [{"start",
"end", "text"?, "value"}]}``. Rules (see ``docs/evaluation.md``):

* **value_accuracy** over gold timexes: the predicted :class:`~dotterel.model.TimeRef`
  sharing the most characters with the gold span must carry exactly the gold ``value``
  (``2016-10``, ``2017-W33``, ``PXY`` ...); no overlapping prediction is wrong.
* **span_f1**: predicted vs gold spans, a match being any shared character;
  ``span_exact_f1`` requires identical offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
from dotterel.evaluate.metrics import best_overlap, match_any, overlaps, prf_sum
from dotterel.model import Article, CodedArticle, TimeRef

MAX_EXAMPLES = 25


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class TimeGold:
    id: str
    article: Article
    timexes: list[Timex] = field(default_factory=list)


def load(path: Path) -> list[TimeGold]:
    """Read a time-expression gold file."""
    out = []
    for where, obj in read_records(path):
        text = text_of(obj, where)
        timexes = []
        for item in require_list(obj, "timexes", where):
            t = require_dict(item, where, "timexes")
            span = parse_span([t.get("start"), t.get("end")], where, "timex", len(text))
            assert span is not None
            value = t.get("value")
            if not isinstance(value, str) or not value:
                raise where.error("every timex needs a string 'value'")
            timexes.append(Timex(span[0], span[1], value.strip()))
        article = gold_article(obj, where, text)
        out.append(TimeGold(record_id(obj, where), article, timexes))
    return out


def score(gold: Sequence[TimeGold], coded: Sequence[CodedArticle]) -> Scores:
    """Normalised-value accuracy and span P/R/F1."""
    check_aligned(gold, coded)
    right = total = 0
    spans_overlap, spans_exact = [], []
    examples: list[dict[str, Any]] = []
    for g, c in zip(gold, coded, strict=True):
        pred: list[tuple[tuple[int, int], TimeRef]] = [((t.start, t.end), t) for t in c.times]
        gold_spans = [(t.start, t.end) for t in g.timexes]
        pred_spans = [s for s, _ in pred]
        spans_overlap.append(match_any(gold_spans, pred_spans, overlaps))
        spans_exact.append(match_any(gold_spans, pred_spans, lambda a, b: a == b))
        for t in g.timexes:
            total += 1
            ref = best_overlap((t.start, t.end), pred)
            if ref is not None and ref.value == t.value:
                right += 1
            elif len(examples) < MAX_EXAMPLES:
                examples.append(
                    {
                        "id": g.id,
                        "text": g.article.text[t.start : t.end],
                        "pub_date": g.article.pub_date.isoformat() if g.article.pub_date else None,
                        "gold": t.value,
                        "pred": ref.value if ref else None,
                    }
                )
    overlap, exact = prf_sum(spans_overlap), prf_sum(spans_exact)
    return Scores(
        metrics={
            "value_accuracy": right / total if total else 0.0,
            "span_precision": overlap.precision,
            "span_recall": overlap.recall,
            "span_f1": overlap.f1,
            "span_exact_f1": exact.f1,
            "values_right": right,
            "n_gold": total,
        },
        groups={"spans (overlap)": overlap, "spans (exact)": exact},
        support={"value_accuracy": f"{right}/{total}", "span_f1": overlap.counts()},
        detail={"errors": examples},
    )


TASK = Task(
    name="time",
    description="time expressions: normalised value and span",
    load=load,
    score=score,
    headline=("value_accuracy", "span_f1"),
)
