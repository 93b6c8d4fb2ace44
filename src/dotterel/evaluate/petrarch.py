"""PETRARCH task: CAMEO event coding as ``(source, target, cameo)`` triples per sentence.

Gold (``petrarch_dev.jsonl`` format): ``{"id", "text", "expected": [{"source",
"target", "cameo"}]}``; an empty list means the sentence has no event. Rules (see
``docs/evaluation.md``):

* a predicted triple is ``(Event.source_code, Event.target_code, Event.cameo)`` for each
  event that has a CAMEO code, and the reverse too for a ``symmetric`` one (PETRARCH codes
  a mutual act both ways); a missing actor code is written ``---`` as PETRARCH does.
  Events without a CAMEO code are not CAMEO codings: they are counted, not scored.
* micro P/R/F1 over triples, matched one-to-one within each sentence (a duplicate
  prediction is a false positive); codes compare case-insensitively.
* the root level compares the 2-digit CAMEO root (``064`` -> ``06``) instead of the code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dotterel.evaluate.base import Scores, Task, check_aligned, event_codes
from dotterel.evaluate.gold import (
    gold_article,
    read_records,
    record_id,
    require_dict,
    require_list,
    text_of,
)
from dotterel.evaluate.metrics import match_multiset, prf_sum
from dotterel.model import Article, CodedArticle

#: PETRARCH's placeholder for an actor it could not code.
NO_ACTOR = "---"
MAX_EXAMPLES = 25

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class PetrarchGold:
    id: str
    article: Article
    expected: list[Triple]


def _code(value: object) -> str:
    return str(value).strip().upper() if value not in (None, "") else NO_ACTOR


def load(path: Path) -> list[PetrarchGold]:
    """Read a PETRARCH-style gold file."""
    out = []
    for where, obj in read_records(path):
        text = text_of(obj, where)
        if "expected" not in obj:
            raise where.error("'expected' is required (an empty list means no event)")
        triples = []
        for item in require_list(obj, "expected", where):
            t = require_dict(item, where, "expected")
            if not t.get("cameo"):
                raise where.error("every expected item needs a 'cameo' code")
            triples.append((_code(t.get("source")), _code(t.get("target")), _code(t["cameo"])))
        article = gold_article(obj, where, text)
        if article.pub_date is None:
            article.pub_date = _story_date(obj.get("notes"))
        out.append(PetrarchGold(record_id(obj, where), article, triples))
    return out


_NOTES_DATE = re.compile(r"\bdate=(\d{4})(\d{2})(\d{2})\b")


def _story_date(notes: object) -> date | None:
    """The story date PETRARCH records keep in their notes (``date=19950101``).

    It is the record's metadata, as a publication date is for an article (dated actor
    codes in the dictionaries depend on it), not part of the answer being scored.
    """
    match = _NOTES_DATE.search(notes) if isinstance(notes, str) else None
    if match is None:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def predicted_triples(coded: CodedArticle) -> list[Triple]:
    """The CAMEO triples of a coded sentence (events with a CAMEO code only).

    A symmetric event ("X and Y met") gives the triple both ways, as PETRARCH codes a
    mutual act (a paired code equal to the code, ``[031:031]``) from both sides.
    """
    codes = event_codes(coded)
    out: list[Triple] = []
    for e in coded.events:
        if not e.cameo:
            continue
        source, target = _code(codes[e.id][0]), _code(codes[e.id][1])
        out.append((source, target, _code(e.cameo)))
        if e.symmetric:
            out.append((target, source, _code(e.cameo)))
    return out


def root(triple: Triple) -> Triple:
    return (triple[0], triple[1], triple[2][:2])


def score(gold: Sequence[PetrarchGold], coded: Sequence[CodedArticle]) -> Scores:
    """Micro P/R/F1 over triples, at the full code and at the 2-digit root."""
    check_aligned(gold, coded)
    full, roots, cameo_only = [], [], []
    examples: list[dict[str, Any]] = []
    no_cameo = empty_right = empty_total = 0
    for g, c in zip(gold, coded, strict=True):
        pred = predicted_triples(c)
        no_cameo += sum(1 for e in c.events if not e.cameo)
        part = match_multiset(g.expected, pred)
        full.append(part)
        roots.append(match_multiset(map(root, g.expected), map(root, pred)))
        cameo_only.append(match_multiset((t[2] for t in g.expected), (t[2] for t in pred)))
        if not g.expected:
            empty_total += 1
            empty_right += not pred
        if (part.matched_gold < len(g.expected) or part.matched_pred < len(pred)) and len(
            examples
        ) < MAX_EXAMPLES:
            examples.append(
                {
                    "id": g.id,
                    "text": g.article.text,
                    "gold": [list(t) for t in g.expected],
                    "pred": [list(t) for t in pred],
                }
            )
    triples, root_level, codes = prf_sum(full), prf_sum(roots), prf_sum(cameo_only)
    return Scores(
        metrics={
            "precision": triples.precision,
            "recall": triples.recall,
            "f1": triples.f1,
            "root_precision": root_level.precision,
            "root_recall": root_level.recall,
            "root_f1": root_level.f1,
            "cameo_only_f1": codes.f1,
            "no_event_accuracy": empty_right / empty_total if empty_total else 0.0,
            "tp": triples.matched_gold,
            "n_pred": triples.n_pred,
            "n_gold": triples.n_gold,
            "events_without_cameo": no_cameo,
        },
        groups={
            "triples (source, target, cameo)": triples,
            "triples at CAMEO root": root_level,
            "cameo code only (no actors)": codes,
        },
        support={
            "f1": triples.counts(),
            "root_f1": root_level.counts(),
            "no_event_accuracy": f"{empty_right}/{empty_total} sentences",
            "events_without_cameo": "not scored",
        },
        detail={"errors": examples},
    )


TASK = Task(
    name="petrarch",
    description="CAMEO (source, target, cameo) triples per sentence",
    load=load,
    score=score,
    headline=("precision", "recall", "f1", "root_precision", "root_recall", "root_f1"),
)
