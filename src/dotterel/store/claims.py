"""Contested claims in the store: stored events as linker input, links written back.

The matching itself is :mod:`dotterel.contest_links` (pure, no store); this module
reads events from the DuckDB store laid out as ``docs/schema.md`` says, hands them to
the linker, writes ``contest_links`` through the store (:func:`record_contests`,
:func:`contest_linker`) and answers "who denies what about whom" (:func:`claims_about`:
what an actor is accused of, by whom, through which chain, who denies or confirms it,
and in how many articles and outlets) and "what does this actor deny" (:func:`denials_by`,
claims found or not).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dotterel.contest_links import (
    RELATIONS,
    ContestLink,
    article_of_id,
    link_contests,
    load_contest_lexicon,
    propositions,
    relation_of,
)
from dotterel.model import CodedArticle, Event, SourceLink, TextSpan
from dotterel.store.database import fetch_dicts

LOGGER = logging.getLogger(__name__)

_EVENT_COLUMNS = (
    "id, article_id, event_type, source_actor_id, source_code, source_text, "
    "target_actor_id, target_code, target_text, trigger_start, trigger_end, trigger_text, "
    "sentence_start, sentence_end, sentence_text, status, status_cue, chain, contests, "
    "contested_by, negated"
)


def _chain(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, str):
        return list(json.loads(value))
    return list(value)


def _event_from_row(row: dict[str, Any]) -> Event:
    return Event(
        id=row["id"],
        trigger=TextSpan(row["trigger_start"], row["trigger_end"], row["trigger_text"] or ""),
        sentence=TextSpan(row["sentence_start"], row["sentence_end"], row["sentence_text"] or ""),
        event_type=row["event_type"] or "",
        source_actor_id=row["source_actor_id"],
        source_code=row["source_code"],
        source_text=row["source_text"],
        target_actor_id=row["target_actor_id"],
        target_code=row["target_code"],
        target_text=row["target_text"],
        status=row["status"] or "asserted",
        status_cue=row["status_cue"],
        contests=list(row["contests"] or []),
        contested_by=list(row["contested_by"] or []),
        negated=bool(row.get("negated")),
        # names only: the linker needs to know whether a source reports the event
        chain=[SourceLink(name=str(link.get("name") or "")) for link in _chain(row["chain"])],
    )


def stored_events(conn: Any, codes: Iterable[str] = ()) -> list[Event]:
    """Events from the store, those involving one of ``codes`` when given (or all)."""
    codes = [c for c in codes if c]
    sql = f"SELECT {_EVENT_COLUMNS} FROM events"
    params: list[str] = []
    if codes:
        cond = " OR ".join(
            "starts_with(coalesce(source_code, ''), ?) OR starts_with(coalesce(target_code, ''), ?)"
            for _ in codes
        )
        sql += f" WHERE {cond}"
        params = [c for code in codes for c in (code[:3], code[:3])]
    return [_event_from_row(r) for r in fetch_dicts(conn, sql, params)]


def record_contests(store: Any, events: Sequence[Event]) -> list[ContestLink]:
    """Link one article's events with the store and record all its links.

    Writes the in-article links already on the events (``contests``) and the
    cross-article ones found against stored events of the same actors through
    ``store.add_contest_links``; returns every link written.
    """
    lex = load_contest_lexicon()
    by_id = {e.id: e for e in events}
    links: list[ContestLink] = []
    for e in events:
        for claim in e.contests:
            links.append((e.id, claim, relation_of(e, lex) or "denies"))
    codes = {c for e in events for c in (e.source_code, e.target_code) if c}
    if codes:
        stored = [e for e in stored_events(store.connection, codes) if e.id not in by_id]
        links += link_contests(events, stored)
    if links:
        store.add_contest_links(links)
    return links


def contest_linker(coded: CodedArticle) -> Callable[[Any], None]:
    """A ``before_commit`` hook for :meth:`dotterel.store.Store.write`.

    It links the article's denials and confirmations to the claims they contest, in the
    article and across the store, inside the article's write transaction (so a kill
    leaves both or neither). A failure is logged and costs the links, not the article.
    """

    def link(store: Any) -> None:
        if not coded.events:
            return
        try:
            record_contests(store, coded.events)
        except Exception as exc:
            LOGGER.warning(
                "could not link contested claims of %s: %s: %s",
                coded.article.id,
                type(exc).__name__,
                exc,
            )

    return link


def claims_about(
    conn: Any, code: str, *, relation: str | None = None, contested_only: bool = True
) -> list[dict[str, Any]]:
    """Claims involving actor ``code`` with who denies or confirms them.

    Answers "which claims about Iran are denied, and by whom?":
    ``claims_about(store.connection, "IRN", relation="denies")``.

    Args:
        conn: a DuckDB connection to a dotterel store.
        code: CAMEO-style actor code; a claim is about it when its source or target
            code starts with it.
        relation: ``denies`` or ``confirms`` to keep only that kind of contest.
        contested_only: leave out claims nobody denies or confirms.

    Returns:
        One dict per claim: ``claim_id``, ``article_id``, ``outlet``, ``event_type``,
        ``source_code``, ``target_code``, ``role`` (``accused`` when ``code`` did it,
        ``target`` when it was done to ``code``), ``text`` (its sentence), ``trigger``,
        ``status``, ``status_cue``, ``chain`` (list of source links, outlet first),
        ``claimed_by`` (the innermost source's name: who makes the claim; the outlet
        when it asserts it), ``reports`` / ``outlets`` (how many distinct articles /
        outlets in the store report the same claim: same type, source and target
        codes), ``outlet_names`` (those outlets, sorted) and ``contested_by``:
        ``[{id, relation, article_id, outlet, source_code, source_text, text, chain}]``.
    """
    if relation is not None and relation not in RELATIONS:
        raise ValueError(f"relation must be one of {RELATIONS}, got {relation!r}")
    lex = load_contest_lexicon()
    claims = fetch_dicts(
        conn,
        f"SELECT {_EVENT_COLUMNS} FROM events WHERE starts_with(coalesce(source_code, ''), ?)"
        " OR starts_with(coalesce(target_code, ''), ?) ORDER BY article_id, trigger_start",
        [code, code],
    )
    claims = [c for c in claims if relation_of(_event_from_row(c), lex) is None]
    if not claims:
        return []
    outlets = _outlets(conn)
    spread: dict[tuple[Any, ...], set[str]] = {}
    for c in claims:
        spread.setdefault(_claim_key(c), set()).add(c["article_id"])
    ids = [c["id"] for c in claims]
    links: dict[str, dict[str, str]] = {cid: {} for cid in ids}
    for c in claims:
        for denier in c["contested_by"] or []:
            links[c["id"]][denier] = ""
    if _has_table(conn, "contest_links"):
        for row in fetch_dicts(
            conn,
            "SELECT denier_id, claim_id, relation FROM contest_links "
            "WHERE list_contains(?, claim_id)",
            [ids],
        ):
            links[row["claim_id"]][row["denier_id"]] = row["relation"]
    denier_ids = sorted({d for v in links.values() for d in v})
    deniers = {
        r["id"]: r
        for r in (
            fetch_dicts(
                conn,
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE list_contains(?, id)",
                [denier_ids],
            )
            if denier_ids
            else []
        )
    }
    out = []
    for c in claims:
        contested = []
        for denier_id, rel in links[c["id"]].items():
            d = deniers.get(denier_id)
            if not rel:
                rel = relation_of(_event_from_row(d), lex) or "denies" if d else "denies"
            if relation is not None and rel != relation:
                continue
            contested.append(
                {
                    "id": denier_id,
                    "relation": rel,
                    "article_id": d["article_id"] if d else article_of_id(denier_id),
                    "outlet": outlets.get(d["article_id"] if d else article_of_id(denier_id)),
                    "source_code": d["source_code"] if d else None,
                    "source_text": d["source_text"] if d else None,
                    "text": d["sentence_text"] if d else None,
                    "chain": _chain(d["chain"]) if d else [],
                }
            )
        if contested_only and not contested:
            continue
        chain = _chain(c["chain"])
        articles = spread[_claim_key(c)]
        names = sorted({o for o in (outlets.get(a) for a in articles) if o})
        out.append(
            {
                "claim_id": c["id"],
                "article_id": c["article_id"],
                "outlet": outlets.get(c["article_id"]),
                "event_type": c["event_type"],
                "source_code": c["source_code"],
                "target_code": c["target_code"],
                "role": "accused" if (c["source_code"] or "").startswith(code) else "target",
                "text": c["sentence_text"],
                "trigger": c["trigger_text"],
                "status": c["status"],
                "status_cue": c["status_cue"],
                "chain": chain,
                "claimed_by": chain[-1].get("name") if chain else None,
                "reports": len(articles),
                "outlets": len(names),
                "outlet_names": names,
                "contested_by": contested,
            }
        )
    return out


def _claim_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """One claim across articles: the same type between the same actors."""
    return (row["event_type"], row["source_code"], row["target_code"])


def _outlets(conn: Any) -> dict[str, str | None]:
    """Article id -> outlet, for every stored article."""
    if not _has_table(conn, "articles"):
        return {}
    return {r["id"]: r["outlet"] for r in fetch_dicts(conn, "SELECT id, outlet FROM articles", [])}


def denials_by(conn: Any, code: str) -> list[dict[str, Any]]:
    """What actor ``code`` denies or confirms, whether or not the claim is in the store.

    A denial with no claim to link still says what it denies: for each contester whose
    source code starts with ``code``, one dict per proposition: ``contester_id``,
    ``article_id``, ``outlet``, ``relation``, ``event_type`` (``None`` when the words
    name only "the reports"), ``source_code``, ``target_code``, ``text`` (the denied
    words), ``trigger`` and ``claims`` (ids of the claims it is linked to, if any).
    """
    rows = fetch_dicts(
        conn,
        f"SELECT {_EVENT_COLUMNS} FROM events WHERE starts_with(coalesce(source_code, ''), ?)"
        " ORDER BY article_id, trigger_start",
        [code],
    )
    events = [_event_from_row(r) for r in rows]
    by_id = {e.id: e for e in events}
    outlets = _outlets(conn)
    linked: dict[str, list[str]] = {e.id: list(e.contests) for e in events}
    if _has_table(conn, "contest_links") and events:
        for row in fetch_dicts(
            conn,
            "SELECT denier_id, claim_id FROM contest_links WHERE list_contains(?, denier_id)",
            [list(by_id)],
        ):
            if row["claim_id"] not in linked[row["denier_id"]]:
                linked[row["denier_id"]].append(row["claim_id"])
    out = []
    for prop in propositions(events):
        e = by_id[prop.contester_id]
        out.append(
            {
                "contester_id": e.id,
                "article_id": article_of_id(e.id),
                "outlet": outlets.get(article_of_id(e.id)),
                "relation": prop.relation,
                "event_type": prop.event_type,
                "source_code": prop.source_code,
                "target_code": prop.target_code,
                "text": prop.text,
                "trigger": e.trigger.text,
                "claims": linked.get(e.id, []),
            }
        )
    return out


def _has_table(conn: Any, name: str) -> bool:
    rows = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(rows and rows[0])


def with_contest_links(conn: Any, coded: list[CodedArticle]) -> list[CodedArticle]:
    """``coded`` with the cross-article links of ``contest_links`` added to each event's
    ``contests``/``contested_by`` (in place; the store keeps in-article links on the
    events and cross-article ones in that table). Exports and
    :meth:`dotterel.store.filters.EventFilter.matches` read events completed this way."""
    links = conn.execute(
        "SELECT denier_id, claim_id FROM contest_links ORDER BY denier_id, claim_id"
    ).fetchall()
    if links:
        by_id = {e.id: e for c in coded for e in c.events}
        for denier, claim in links:
            if claim in by_id and denier not in by_id[claim].contested_by:
                by_id[claim].contested_by.append(denier)
            if denier in by_id and claim not in by_id[denier].contests:
                by_id[denier].contests.append(claim)
    return coded


__all__ = [
    "claims_about",
    "contest_linker",
    "denials_by",
    "record_contests",
    "stored_events",
    "with_contest_links",
]
