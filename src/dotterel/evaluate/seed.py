"""Seed task: one hand-annotated article scored item by item (``seed_gold.json``).

The gold object holds the article (``text`` or ``text_file`` beside the gold file),
``outlet`` and ``pub_date`` metadata, and lists of actors, events with source chains,
attributions, hedged passages, places and dates; its ``note`` states the matching rules.
A file may also hold a JSON array (or JSONL) of such objects: counts are then summed.
Rules, as the note asks and as ``docs/evaluation.md`` details:

* **actor**: found when a predicted actor's code starts with one of the accepted codes.
  ``false_actors`` counts predicted actors whose name or mention text is a ``not_actor``.
* **event**: a predicted event whose source and target codes start with accepted codes
  and whose PLOVER type (or 2-digit CAMEO root) is accepted.
* **chain**: a candidate prediction's chain holds the gold sources in order, extra layers
  allowed. Candidates are, for an event, the matching events plus events whose trigger
  lies in the gold ``evidence``; for an attribution, predicted attributions whose content
  overlaps the gold ``content_starts`` text. Names match case-insensitively (ignoring
  "the"); two different names are the same source only when both map to one gold actor
  (through its ``mentions``), or when the predicted link's name is unknown and its code
  starts with that actor's code.
* **anonymous**: a candidate attribution of an anonymous gold attribution is anonymous.
* **hedge**: the passage is flagged as hedged in the output: a hedged event (``status``
  or ``modality`` ``hedged``) has its trigger, or its ``status_cue`` in the same
  sentence, in the gold passage; or a hedge attribution (``kind == "hedge"``) has its
  cue in it. ``hedged_events_found`` counts the first way alone (the stricter figure).
* **denial**: an event standing for the denier contests one standing for the denied
  event (``contests``/``contested_by``), outside the denial's own clause.
* **place**: a resolved place named like the gold place lies within 161 km of it.
* **date**: a predicted time overlapping the gold text carries the gold value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dotterel.evaluate._seed_gold import (
    SeedActor,
    SeedAttribution,
    SeedDate,
    SeedEvent,
    SeedGold,
    SeedPlace,
    load,
)
from dotterel.evaluate._seed_names import Names, contains_words, norm
from dotterel.evaluate.base import Scores, Task, check_aligned, event_codes, starts_with_any
from dotterel.evaluate.metrics import ACC_KM, Offsets, haversine_km, locate, overlaps
from dotterel.model import Attribution, CodedArticle, Event, SourceLink

__all__ = [
    "TASK",
    "Names",
    "SeedActor",
    "SeedAttribution",
    "SeedDate",
    "SeedEvent",
    "SeedGold",
    "SeedPlace",
    "contains_words",
    "load",
    "norm",
    "score",
]


# --- scoring ------------------------------------------------------------------------


def _event_matches(e: Event, codes: tuple[str | None, str | None], g: SeedEvent) -> bool:
    typed = (e.event_type or "").upper() in g.plover or (
        bool(e.cameo) and (e.cameo or "")[:2] in g.cameo_root
    )
    return typed and starts_with_any(codes[0], g.source) and starts_with_any(codes[1], g.target)


def _in_span(e: Event, span: Offsets | None) -> bool:
    return span is not None and overlaps((e.trigger.start, e.trigger.end), span)


def _hedges(e: Event, passage: Offsets | None, text: str) -> bool:
    """The hedged event belongs to the gold passage: its trigger is inside it, or its
    hedge word is (same sentence), as "appear to" hedges a "withdrawal" further on."""
    if passage is None:
        return False
    if _in_span(e, passage):
        return True
    cue = norm(e.status_cue)
    return (
        bool(cue)
        and overlaps((e.sentence.start, e.sentence.end), passage)
        and contains_words(norm(text[passage[0] : passage[1]]), cue)
    )


def _occurrences(text: str, snippet: str) -> list[Offsets]:
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(snippet), text, re.IGNORECASE)]
    if not spans:
        found = locate(text, snippet)
        spans = [found] if found else []
    return spans


def _attribution_candidates(
    text: str, g: SeedAttribution, pred: Sequence[Attribution], names: Names
) -> list[Attribution]:
    """Predicted attributions that stand for a gold one.

    Those whose content overlaps the gold content's opening words, plus those in the same
    paragraph with the gold cue word and the gold source (a quotation's content is
    sometimes cut where the gold's starts, yet source and cue leave no doubt).
    """
    span = locate(text, g.content_starts)
    if span is None:
        return []
    out = []
    for a in pred:
        if overlaps((a.content.start, a.content.end), span):
            out.append(a)
            continue
        lo, hi = sorted((a.cue.start, span[0]))
        if (
            g.cue is not None
            and g.source is not None
            and "\n" not in text[lo:hi]
            and norm(a.cue.text) == norm(g.cue)
            and names.same_source(g.source, _source_link(a))
        ):
            out.append(a)
    return out


def _source_link(a: Attribution) -> SourceLink:
    """An attribution's own source as a chain link, for name comparison."""
    return SourceLink(name=a.source.text if a.source else "", code=a.source_code)


def _score_one(g: SeedGold, c: CodedArticle) -> dict[str, int]:
    text = g.article.text
    codes = event_codes(c)
    chain_names = [n for e in g.events for n in e.chain] + [
        n for a in g.attributions for n in a.chain
    ]
    names = Names(g.actors, chain_names)
    counts: dict[str, int] = {}

    def add(key: str, value: int | bool) -> None:
        counts[key] = counts.get(key, 0) + int(value)

    # actors
    not_actors = {norm(n) for n in g.not_actors}
    mention_text = {m.id: m.text for m in c.mentions}
    for actor in g.actors:
        add("actors_total", 1)
        by_code = [a for a in c.actors if starts_with_any(a.code, actor.codes)]
        add("actors_found", bool(by_code))
        forms = {norm(x) for x in (actor.name, *actor.mentions)}
        add(
            "actors_found_strict",
            any(
                forms & {norm(a.name), *(norm(mention_text.get(m)) for m in a.mention_ids)}
                for a in by_code
            ),
        )
    for a in c.actors:
        texts = {norm(a.name), *(norm(mention_text.get(m)) for m in a.mention_ids)}
        texts |= {norm(m.text) for m in c.mentions if m.actor_id == a.id}
        add("false_actors", bool(texts & not_actors))

    # events, their chains, places, dates and statuses
    matched: dict[str, list[Event]] = {}
    evidence: dict[str, Offsets | None] = {}
    for ge in g.events:
        matched[ge.key] = [e for e in c.events if _event_matches(e, codes[e.id], ge)]
        evidence[ge.key] = locate(text, ge.evidence) if ge.evidence else None
        add("events_total", 1)
        add("events_found", bool(matched[ge.key]))
        if ge.chain:
            candidates = matched[ge.key] + [
                e for e in c.events if _in_span(e, evidence[ge.key]) and e not in matched[ge.key]
            ]
            add("chains_total", 1)
            add("chains_found", any(names.chain_holds(ge.chain, e.chain) for e in candidates))
        if ge.date:
            add("event_dates_total", 1)
            add("event_dates_found", any(e.date == ge.date for e in matched[ge.key]))
        if ge.place:
            places = {p.id: p for p in c.places}
            add("event_places_total", 1)
            add(
                "event_places_found",
                any(
                    (p := places.get(e.place_id or "")) is not None
                    and contains_words(f"{norm(p.name)} {norm(p.text)}", norm(ge.place))
                    for e in matched[ge.key]
                ),
            )
    for ge in g.events:
        if not ge.denies:
            continue
        add("denials_total", 1)
        denied = next((x for x in g.events if x.key == ge.denies), None)
        deniers = matched[ge.key] + [e for e in c.events if _in_span(e, evidence[ge.key])]
        targets = (
            matched[denied.key] + [e for e in c.events if _in_span(e, evidence[denied.key])]
            if denied
            else []
        )
        # The denial's own clause ("denies lending support") is not the claim it denies.
        targets = [e for e in targets if not _in_span(e, evidence[ge.key])]
        target_ids = {e.id for e in targets}
        add(
            "denials_linked",
            any(
                (set(d.contests) & target_ids) or any(d.id in t.contested_by for t in targets)
                for d in deniers
            ),
        )

    # attributions: chains and anonymous sources
    for ga in g.attributions:
        quoted = _attribution_candidates(text, ga, c.attributions, names)
        add("attributions_total", 1)
        add(
            "attributions_found",
            any(
                (ga.cue is None or norm(a.cue.text) == norm(ga.cue))
                and (ga.source is None or names.same_source(ga.source, _source_link(a)))
                for a in quoted
            ),
        )
        if ga.chain:
            add("chains_total", 1)
            add("chains_found", any(names.chain_holds(ga.chain, a.chain) for a in quoted))
        if ga.anonymous:
            add("anonymous_total", 1)
            add(
                "anonymous_found",
                any(a.anonymous or (a.chain and a.chain[-1].anonymous) for a in quoted),
            )

    # hedges
    for passage in g.hedged:
        span = locate(text, passage)
        add("hedges_total", 1)
        by_event = any(
            "hedged" in (e.status, e.modality) and _hedges(e, span, text) for e in c.events
        )
        by_attribution = span is not None and any(
            a.kind == "hedge" and overlaps((a.cue.start, a.cue.end), span) for a in c.attributions
        )
        add("hedged_events_found", by_event)
        add("hedges_found", by_event or by_attribution)

    # places
    resolved = [p for p in c.places if p.lat is not None and p.lon is not None]
    for gp in g.places:
        add("places_total", 1)
        name = norm(gp.name)
        add(
            "places_found",
            any(
                contains_words(f"{norm(p.text)} | {norm(p.name)}", name)
                and haversine_km(gp.lat, gp.lon, p.lat, p.lon) <= ACC_KM  # type: ignore[arg-type]
                for p in resolved
            ),
        )

    # dates
    for gd in g.dates:
        spans = _occurrences(text, gd.text)
        if spans:
            refs = [t for t in c.times if any(overlaps((t.start, t.end), s) for s in spans)]
        else:
            refs = list(c.times)
        right = [t for t in refs if t.value == gd.value]
        add("dates_total", 1)
        add("dates_found", bool(right))
        if gd.relation:
            add("date_relations_total", 1)
            add("date_relations_found", any(t.relation == gd.relation for t in right))
    return counts


#: Required ``*_found`` keys and the ``*_total`` each is shown against.
PAIRS: tuple[tuple[str, str], ...] = (
    ("actors_found", "actors_total"),
    ("actors_found_strict", "actors_total"),
    ("events_found", "events_total"),
    ("chains_found", "chains_total"),
    ("attributions_found", "attributions_total"),
    ("anonymous_found", "anonymous_total"),
    ("hedges_found", "hedges_total"),
    ("hedged_events_found", "hedges_total"),
    ("denials_linked", "denials_total"),
    ("places_found", "places_total"),
    ("dates_found", "dates_total"),
    ("date_relations_found", "date_relations_total"),
    ("event_places_found", "event_places_total"),
    ("event_dates_found", "event_dates_total"),
)


def score(gold: Sequence[SeedGold], coded: Sequence[CodedArticle]) -> Scores:
    """Item counts: how many of the annotated actors, events, chains ... were found."""
    check_aligned(gold, coded)
    totals: dict[str, int] = {k: 0 for pair in PAIRS for k in pair}
    totals["false_actors"] = 0
    per_article = {}
    for g, c in zip(gold, coded, strict=True):
        counts = _score_one(g, c)
        per_article[g.id] = counts
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
    support = {found: f"{totals[found]}/{totals[total]}" for found, total in PAIRS}
    support["false_actors"] = f"of {sum(len(c.actors) for c in coded)} predicted actors"
    metrics: dict[str, float | int | None] = dict(totals)
    return Scores(
        metrics=metrics,
        support=support,
        detail={"per_article": per_article} if len(gold) > 1 else {},
    )


TASK = Task(
    name="seed",
    description="the hand-annotated seed article, item by item",
    load=load,
    score=score,
    headline=(
        "actors_found",
        "actors_total",
        "false_actors",
        "events_found",
        "events_total",
        "chains_found",
        "chains_total",
        "anonymous_found",
        "hedges_found",
        "denials_linked",
        "places_found",
        "places_total",
        "dates_found",
        "dates_total",
    ),
)
