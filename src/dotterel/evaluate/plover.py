"""PLOVER task: the main event type of each sentence, and its actors' codes.

Gold (``plover_dev.jsonl`` format): ``{"id", "text", "event_type", "actor1": [{"text",
"code"}], "actor2": [...]}`` plus optional ``pub_date``/``outlet``. Rules (see
``docs/evaluation.md``):

* **main event**: of the predicted events, in trigger order, the first that has both a
  source and a target; else the first event; no event means the label ``NONE`` (wrong).
* **accuracy** over all sentences; **macro F1** over the classes that occur in gold.
* **actor accuracy**: a gold actor with a code is right when a predicted actor mention
  overlapping its words has a code starting with the gold code (``ISRGOV`` for ``ISR``).
  Gold actor text is located in the sentence (``...`` skips words); an actor whose text
  cannot be found is left out and counted in ``actors_unlocated``.
* **actor role accuracy** (extra): where gold gives a ``sector``, the code must also
  carry that role after the country (``USAGOV`` for ``USA`` + ``GOV``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.evaluate.base import Scores, Task, check_aligned, coded_mentions, starts_with_any
from dotterel.evaluate.gold import (
    gold_article,
    read_records,
    record_id,
    require_dict,
    require_list,
    text_of,
)
from dotterel.evaluate.metrics import locate, macro_f1, overlaps, per_class
from dotterel.model import Article, CodedArticle, Event

#: The label of a sentence in which nothing was predicted.
NO_EVENT = "NONE"
#: How many wrong sentences to keep in the JSON for inspection.
MAX_EXAMPLES = 25


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str
    role: str  # "source" (actor1) or "target" (actor2)
    #: CAMEO role code of the gold ``sector`` (``GOV``, ``REB``...), when it gives one.
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class PloverGold:
    id: str
    article: Article
    event_type: str
    actors: list[GoldActor] = field(default_factory=list)


def load(path: Path) -> list[PloverGold]:
    """Read a PLOVER gold file."""
    out = []
    for where, obj in read_records(path):
        text = text_of(obj, where)
        label = obj.get("event_type")
        if not isinstance(label, str) or not label:
            raise where.error("'event_type' must be a non-empty string")
        actors = []
        for role, key in (("source", "actor1"), ("target", "actor2")):
            for item in require_list(obj, key, where):
                a = require_dict(item, where, key)
                if isinstance(a.get("text"), str) and isinstance(a.get("code"), str) and a["code"]:
                    actors.append(GoldActor(a["text"], a["code"], role, _sector(a.get("sector"))))
        article = gold_article(obj, where, text)
        out.append(PloverGold(record_id(obj, where), article, label.upper(), actors))
    return out


def _sector(value: object) -> str | None:
    """The 3-letter role of a gold ``sector`` (``CVLalb`` -> ``CVL``; ``***`` -> none)."""
    if isinstance(value, str) and len(value) >= 3 and value[:3].isalpha():
        return value[:3].upper()
    return None


def has_role(code: str | None, country: str, role: str) -> bool:
    """``USAGOV`` has role ``GOV`` after country ``USA`` (roles are 3-letter blocks)."""
    if not code or not code.upper().startswith(country.upper()):
        return False
    rest = code.upper()[len(country) :]
    return role in {rest[i : i + 3] for i in range(0, len(rest), 3)}


def main_event(coded: CodedArticle) -> Event | None:
    """The sentence's main event: first (by trigger) with source and target, else first."""
    events = sorted(coded.events, key=lambda e: (e.trigger.start, e.trigger.end))
    for e in events:
        has_source = bool(e.source_actor_id or e.source_code or e.source_text)
        has_target = bool(e.target_actor_id or e.target_code or e.target_text)
        if has_source and has_target:
            return e
    return events[0] if events else None


def predicted_label(coded: CodedArticle) -> str:
    event = main_event(coded)
    return (event.event_type or NO_EVENT).upper() if event else NO_EVENT


def score(gold: Sequence[PloverGold], coded: Sequence[CodedArticle]) -> Scores:
    """Accuracy and macro F1 of the main event type; actor-code accuracy."""
    check_aligned(gold, coded)
    gold_labels = [g.event_type for g in gold]
    pred_labels = [predicted_label(c) for c in coded]
    correct = sum(1 for g, p in zip(gold_labels, pred_labels, strict=True) if g == p)
    classes = per_class(gold_labels, pred_labels)

    actors_right = actors_total = unlocated = roles_right = roles_total = 0
    examples: list[dict[str, Any]] = []
    for g, c, label in zip(gold, coded, pred_labels, strict=True):
        mentions = coded_mentions(c)
        for actor in g.actors:
            span = locate(g.article.text, actor.text)
            if span is None:
                unlocated += 1
                continue
            actors_total += 1
            here = [a for m, a in mentions if overlaps(span, m)]
            actors_right += any(starts_with_any(a.code, [actor.code]) for a in here)
            if actor.sector:
                roles_total += 1
                roles_right += any(has_role(a.code, actor.code, actor.sector) for a in here)
        if label != g.event_type and len(examples) < MAX_EXAMPLES:
            examples.append(
                {"id": g.id, "gold": g.event_type, "pred": label, "text": g.article.text}
            )

    n = len(gold)
    confusion: dict[str, dict[str, int]] = {}
    for gl, pl in zip(gold_labels, pred_labels, strict=True):
        row = confusion.setdefault(gl, {})
        row[pl] = row.get(pl, 0) + 1
    with_event = sum(1 for p in pred_labels if p != NO_EVENT)
    return Scores(
        metrics={
            "accuracy": correct / n if n else 0.0,
            "macro_f1": macro_f1(classes),
            "actor_accuracy": actors_right / actors_total if actors_total else 0.0,
            "coverage": with_event / n if n else 0.0,
            "correct": correct,
            "actors_right": actors_right,
            "actors_total": actors_total,
            "actors_unlocated": unlocated,
            "actor_role_accuracy": roles_right / roles_total if roles_total else 0.0,
        },
        groups={f"type {label}": prf for label, prf in classes.items()},
        support={
            "accuracy": f"{correct}/{n}",
            "macro_f1": f"{len(classes)} classes",
            "actor_accuracy": f"{actors_right}/{actors_total}",
            "actor_role_accuracy": f"{roles_right}/{roles_total} gold actors with a sector",
            "coverage": f"{with_event}/{n} with an event",
        },
        detail={
            "per_class": {k: v.as_dict() for k, v in classes.items()},
            "confusion": confusion,
            "errors": examples,
        },
    )


TASK = Task(
    name="plover",
    description="PLOVER main event type per sentence, and actor codes",
    load=load,
    score=score,
    headline=("accuracy", "macro_f1", "actor_accuracy"),
)
