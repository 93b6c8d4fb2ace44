"""Events task: every political event of real news articles (``events_dev.jsonl``).

Gold (``EVENTS_GUIDE.md``): one article a line, ``{"id", "text", "outlet", "pub_date",
"events": [{"eid", "quote", "also"?, "actor", "recipient", "type", "alt_types",
"status", "source", "anonymous", "negated", "background", "place", "date", "size",
"symmetric"}]}``. The article is coded with its ``outlet`` and ``pub_date`` as
metadata; the predicted events are the coded article's events. Matching rules live
in :mod:`._events_matching`, the checks on matched events in :mod:`._events_checks`;
``docs/evaluation.md`` states them in full.

* **strict / type / actors** P/R/F1: precision = matched predictions / predictions,
  leaving out predictions matched to a ``background`` gold event; recall = matched
  gold / non-background gold.
* On strict matches (non-background): status, attribution, anonymity, negation,
  place, date and size accuracy (size: every gold count, ``dead``/``injured``/
  ``arrested``, equals :attr:`Event.killed`/``injured``/``arrested``).
* ``place_any``: over every gold event with a place (background too, matched or not),
  some event predicted in its clause has the gold place (name or country).
* ``both_coded``: the share of predicted events whose actor and recipient both carry
  a country (:attr:`Actor.country`). ``pred_duplicates``: false positives that would
  strictly match a gold event already matched (a later mention coded again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.cameo import is_country
from dotterel.evaluate._events_checks import matched_scores, place_any_right
from dotterel.evaluate._events_matching import (
    CRITERIA,
    ArticleMatch,
    GoldEvent,
    GoldSide,
    PredEvent,
    PredSide,
    in_clause,
    match_article,
)
from dotterel.evaluate.base import Scores, Task, check_aligned
from dotterel.evaluate.gold import (
    Where,
    gold_article,
    read_records,
    record_id,
    require_dict,
    require_list,
    text_of,
)
from dotterel.evaluate.metrics import PRF, Offsets, locate, prf_sum
from dotterel.model import Article, CodedArticle, Event

#: Characters of a quote or sentence kept in the JSON's error lists.
SNIPPET = 200


@dataclass(frozen=True, slots=True)
class EventsGold:
    id: str
    article: Article
    events: list[GoldEvent] = field(default_factory=list)


# --- loading ------------------------------------------------------------------------


def occurrences(text: str, snippet: str) -> list[Offsets]:
    """Every exact occurrence of ``snippet``; else the tolerant :func:`locate`; else none."""
    if not snippet:
        return []
    spans, start = [], text.find(snippet)
    while start >= 0:
        spans.append((start, start + len(snippet)))
        start = text.find(snippet, start + 1)
    if not spans and (found := locate(text, snippet)) is not None:
        spans.append(found)
    return spans


def _str(value: Any, where: Where, key: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if isinstance(value, str) and (value or not required):
        return value
    raise where.error(f"'{key}' must be {'a non-empty' if required else 'a'} string")


def _strs(value: Any, where: Where, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise where.error(f"'{key}' must be a list of strings")


def _side(value: Any, where: Where, key: str) -> GoldSide | None:
    if value is None:
        return None
    side = require_dict(value, where, key)
    return GoldSide(
        name=_str(side.get("name"), where, f"{key}.name") or "",
        code=_str(side.get("code"), where, f"{key}.code") or "",
        countries=_strs(side.get("countries"), where, f"{key}.countries"),
    )


def _event(obj: dict[str, Any], where: Where, text: str, n: int) -> GoldEvent:
    quote = _str(obj.get("quote"), where, "quote", required=True) or ""
    also = _strs(obj.get("also"), where, "also")
    spans = [s for clause in (quote, *also) for s in occurrences(text, clause)]
    source = obj.get("source")
    source = require_dict(source, where, "source") if source is not None else None
    place = obj.get("place")
    place = require_dict(place, where, "place") if place is not None else None
    size = obj.get("size") or {}
    return GoldEvent(
        eid=str(obj.get("eid") or f"event {n}"),
        type=(_str(obj.get("type"), where, "type", required=True) or "").upper(),
        spans=tuple(sorted(set(spans))),
        actor=_side(obj.get("actor"), where, "actor"),
        recipient=_side(obj.get("recipient"), where, "recipient"),
        alt_types=tuple(t.upper() for t in _strs(obj.get("alt_types"), where, "alt_types")),
        symmetric=bool(obj.get("symmetric", False)),
        background=bool(obj.get("background", False)),
        quote=quote,
        status=str(obj.get("status") or "asserted").lower(),
        source_name=_str(source.get("name"), where, "source.name") or "" if source else None,
        source_keys=_strs(source.get("keys"), where, "source.keys") if source else (),
        anonymous=bool(obj.get("anonymous", False)),
        negated=bool(obj.get("negated", False)),
        future=bool(obj.get("future", False)),
        place_name=_str(place.get("name"), where, "place.name") if place else None,
        place_country=_str(place.get("country"), where, "place.country") if place else None,
        date=_str(obj.get("date"), where, "date"),
        size={str(k): v for k, v in size.items() if isinstance(v, int)}
        if isinstance(size, dict)
        else {},
    )


def load(path: Path) -> list[EventsGold]:
    """Read a whole-article events gold file."""
    out = []
    for where, obj in read_records(path):
        text = text_of(obj, where)
        events = [
            _event(require_dict(e, where, "events"), where, text, n)
            for n, e in enumerate(require_list(obj, "events", where))
        ]
        out.append(EventsGold(record_id(obj, where), gold_article(obj, where, text), events))
    return out


# --- predictions --------------------------------------------------------------------


def predicted(coded: CodedArticle) -> list[PredEvent]:
    """The matching view of every predicted event, in the article's order."""
    actors = {a.id: a for a in coded.actors}

    def side(actor_id: str | None, code: str | None, words: str | None) -> PredSide:
        actor = actors.get(actor_id) if actor_id else None
        code = code or (actor.code if actor else None)
        # a side with a code and no actor (an inferred agent, "(police)") still has the
        # country its code starts with
        own = code[:3] if code and is_country(code[:3]) else None
        return PredSide(
            code=code,
            country=actor.country if actor else own,
            present=bool(actor or code or words),
        )

    return [
        PredEvent(
            index=i,
            type=(e.event_type or "").upper(),
            sentence=(e.sentence.start, e.sentence.end),
            actor=side(e.source_actor_id, e.source_code, e.source_text),
            recipient=side(e.target_actor_id, e.target_code, e.target_text),
            trigger=(e.trigger.start, e.trigger.end),
        )
        for i, e in enumerate(coded.events)
    ]


# --- scoring ------------------------------------------------------------------------


def _fn(
    article: str, g: GoldEvent, near: dict[str, bool], preds: list[PredEvent]
) -> dict[str, Any]:
    return {
        "article": article,
        "eid": g.eid,
        "type": g.type,
        "actor": g.actor.code if g.actor else None,
        "recipient": g.recipient.code if g.recipient else None,
        "quote": g.quote[:SNIPPET],
        "unlocated": not g.spans,
        **near,
        "predicted_in_clause": [f"{p.type} {p.actor.code}->{p.recipient.code}" for p in preds],
    }


def _fp(
    article: str, e: Event, p: PredEvent, near: dict[str, bool], eids: list[str]
) -> dict[str, Any]:
    return {
        "article": article,
        "type": p.type,
        "trigger": e.trigger.text,
        "actor": p.actor.code,
        "actor_text": e.source_text,
        "recipient": p.recipient.code,
        "recipient_text": e.target_text,
        "sentence": e.sentence.text[:SNIPPET],
        **near,
        "gold_in_clause": eids,
    }


def score(gold: Sequence[EventsGold], coded: Sequence[CodedArticle]) -> Scores:
    """Strict, type-only and actors-only P/R/F1, sub-scores on strict matches, coverage."""
    check_aligned(gold, coded)
    totals: dict[str, list[PRF]] = {name: [] for name in CRITERIA}
    per_type: dict[str, PRF] = {}
    per_article: dict[str, PRF] = {}
    confusions: dict[str, int] = {}
    pairs: list[tuple[GoldEvent, Event, CodedArticle]] = []
    false_neg: list[dict[str, Any]] = []
    false_pos: list[dict[str, Any]] = []
    n_pred = both = unlocated = duplicates = 0
    place_any = [0, 0]
    strict_ok = CRITERIA["strict"]
    for g, c in zip(gold, coded, strict=True):
        preds = predicted(c)
        found: dict[str, ArticleMatch] = {
            name: match_article(g.events, preds, same) for name, same in CRITERIA.items()
        }
        for name, m in found.items():
            totals[name].append(m.counts)
        strict = found["strict"]
        per_article[g.id] = strict.counts
        matched_preds = set(strict.pairs.values())
        for i, ge in enumerate(g.events):
            unlocated += not ge.spans
            if ge.place_name or ge.place_country:
                here = [c.events[p.index] for p in preds if in_clause(ge, p)]
                place_any[0] += place_any_right(ge, here, c)
                place_any[1] += 1
            if ge.background:
                continue
            hit = i in strict.pairs
            per_type[ge.type] = per_type.get(ge.type, PRF()) + PRF(0, 0, int(hit), 1)
            if hit:
                pairs.append((ge, c.events[strict.pairs[i]], c))
                continue
            near = {f"{k}_matched": i in found[k].pairs for k in ("type", "actors")}
            false_neg.append(_fn(g.id, ge, near, [p for p in preds if in_clause(ge, p)]))
        for gi, pj in found["actors"].pairs.items():
            if preds[pj].type not in g.events[gi].types:
                key = f"{g.events[gi].type} -> {preds[pj].type or 'NONE'}"
                confusions[key] = confusions.get(key, 0) + 1
        for p in preds:
            n_pred += 1
            both += bool(p.actor.country and p.recipient.country)
            if p.index in strict.background:
                continue
            hit = p.index in matched_preds
            per_type[p.type] = per_type.get(p.type, PRF()) + PRF(int(hit), 1, 0, 0)
            if not hit:
                near = {
                    f"{k}_matched": p.index in set(found[k].pairs.values())
                    for k in ("type", "actors")
                }
                # a later mention of an event already matched (the gold lists it once)
                near["duplicate"] = any(strict_ok(g.events[i], p) for i in strict.pairs)
                duplicates += near["duplicate"]
                eids = [ge.eid for ge in g.events if in_clause(ge, p)]
                false_pos.append(_fp(g.id, c.events[p.index], p, near, eids))
    prf = {name: prf_sum(parts) for name, parts in totals.items()}
    sub = matched_scores(pairs)
    sub["place_any"] = place_any
    n_background = sum(1 for g in gold for e in g.events if e.background)
    metrics: dict[str, float | int | None] = {}
    for name, counts in prf.items():
        metrics[f"{name}_f1"] = counts.f1
        metrics[f"{name}_precision"] = counts.precision
        metrics[f"{name}_recall"] = counts.recall
    metrics["both_coded"] = both / n_pred if n_pred else 0.0
    for key, (right, total) in sub.items():
        metrics[f"{key}_accuracy"] = right / total if total else None
    metrics.update(
        n_gold=prf["strict"].n_gold,
        n_gold_background=n_background,
        n_pred=n_pred,
        n_pred_background=n_pred - prf["strict"].n_pred,
        pred_duplicates=duplicates,
        quotes_unlocated=unlocated,
    )
    support = {f"{name}_f1": counts.counts() for name, counts in prf.items()}
    support["both_coded"] = f"{both}/{n_pred} predicted events"
    support["pred_duplicates"] = (
        f"of {prf['strict'].n_pred - prf['strict'].matched_pred} false positives"
    )
    for key, (right, total) in sub.items():
        support[f"{key}_accuracy"] = f"{right}/{total} strict matches"
    support["place_any_accuracy"] = f"{place_any[0]}/{place_any[1]} gold events with a place"
    return Scores(
        metrics=metrics,
        groups={"strict": prf["strict"], "type only": prf["type"], "actors only": prf["actors"]},
        support=support,
        tables={
            "per type (strict)": dict(sorted(per_type.items())),
            "per article (strict)": per_article,
        },
        detail={
            "per_type": {k: v.as_dict() for k, v in sorted(per_type.items())},
            "per_article": {k: v.as_dict() for k, v in per_article.items()},
            "type_confusions": dict(sorted(confusions.items(), key=lambda kv: -kv[1])),
            "false_negatives": false_neg,
            "false_positives": false_pos,
        },
    )


TASK = Task(
    name="events",
    description="every political event of real news articles (EVENTS_GUIDE.md)",
    load=load,
    score=score,
    headline=(
        "strict_f1",
        "strict_precision",
        "strict_recall",
        "type_f1",
        "actors_f1",
        "both_coded",
        "status_accuracy",
        "attribution_accuracy",
        "anonymity_accuracy",
        "negation_accuracy",
        "place_accuracy",
        "place_any_accuracy",
        "date_accuracy",
        "size_accuracy",
    ),
)
