"""Contested claims: which events deny or confirm which, in one article and across many.

A *contester* is an event whose trigger is a denial or confirmation verb ("Iran denies
lending support to the Taliban"). What it denies is a :class:`Proposition`: an event
type and its actors, taken from the events coded inside the denied words (status
``denied``/``confirmed``) or, when none was coded, from the head word of those words
through ``data/attribution/contest.json`` ("support" -> ``SUPPORT``). A *claim* is any
other event; a proposition contests a claim when their event types are compatible
(same family: AID, SUPPORT, COOPERATE ...) and their actors are the same (same actor
id in one article, compatible CAMEO codes across articles: ``IRN`` ~ ``IRNGOV``).

Everything here is a pure function over :class:`~dotterel.model.Event` lists, except
:func:`claims_about` (a query over the DuckDB store laid out as ``docs/schema.md``
says) and :func:`record_contests` (which writes ``contest_links`` through the store).
The in-article pass runs in the ``dotterel_provenance`` component.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dotterel.model import CodedArticle, Event
from dotterel.store.database import fetch_dicts

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "components" / "data" / "attribution"

#: The two kinds of link in ``contest_links.relation``.
RELATIONS: tuple[str, ...] = ("denies", "confirms")
#: The status an event gets when it sits inside a denial / a confirmation.
STATUS_OF: dict[str, str] = {"denies": "denied", "confirms": "confirmed"}

#: ``(contester id, claim id, relation)``.
ContestLink = tuple[str, str, str]

_WORD_RE = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class ContestLexicon:
    """Denial/confirmation words and the event-type families used to match claims."""

    denial_forms: frozenset[str]
    confirmation_forms: frozenset[str]
    families: tuple[frozenset[str], ...]
    content_lemmas: dict[str, str]
    report_nouns: frozenset[str]
    state_roles: tuple[str, ...] = ()


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb lemma: deny -> denies, denied, denying."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@lru_cache(maxsize=1)
def load_contest_lexicon() -> ContestLexicon:
    """Read ``status.json`` (denial/confirmation verbs) and ``contest.json`` once."""
    with (DATA_DIR / "status.json").open(encoding="utf-8") as fh:
        status = json.load(fh)
    with (DATA_DIR / "contest.json").open(encoding="utf-8") as fh:
        contest = json.load(fh)
    deny = {f for lemma in status["denial"] for f in inflections(lemma.lower())}
    confirm = {f for lemma in status["confirmation"] for f in inflections(lemma.lower())}
    return ContestLexicon(
        denial_forms=frozenset(deny),
        confirmation_forms=frozenset(confirm),
        families=tuple(frozenset(f) for f in contest["type_families"]),
        content_lemmas={k.lower(): v for k, v in contest["content_lemmas"].items()},
        report_nouns=frozenset(w.lower() for w in contest["report_nouns"]),
        state_roles=tuple(contest.get("state_roles", ())),
    )


@dataclass(frozen=True, slots=True)
class Proposition:
    """What a contester denies or confirms: an event type and who did what to whom."""

    contester_id: str
    relation: str
    event_type: str | None
    source_actor_id: str | None
    source_code: str | None
    target_actor_id: str | None
    target_code: str | None


def article_of_id(record_id: str) -> str:
    """The article id a record id starts with (``<article id>-e3`` -> article id)."""
    return record_id.rsplit("-", 1)[0]


def relation_of(event: Event, lexicon: ContestLexicon | None = None) -> str | None:
    """``denies`` / ``confirms`` when the event's trigger is such a verb, else ``None``."""
    lex = lexicon or load_contest_lexicon()
    words = [w.lower() for w in _WORD_RE.findall(event.trigger.text)]
    if any(w in lex.denial_forms for w in words):
        return "denies"
    if any(w in lex.confirmation_forms for w in words):
        return "confirms"
    return None


def compatible_types(a: str | None, b: str | None, lexicon: ContestLexicon | None = None) -> bool:
    """Same PLOVER type, or two types of one family (AID ~ SUPPORT)."""
    if not a or not b:
        return False
    a, b = a.upper(), b.upper()
    if a == b:
        return True
    lex = lexicon or load_contest_lexicon()
    return any(a in fam and b in fam for fam in lex.families)


def same_actor(
    id_a: str | None,
    code_a: str | None,
    id_b: str | None,
    code_b: str | None,
    lexicon: ContestLexicon | None = None,
) -> bool:
    """One actor: the same id (within an article), or the same code up to a state
    organ (``IRN`` ~ ``IRNGOV``; but ``AFG`` is not ``AFGINS``)."""
    if id_a and id_b and id_a == id_b:
        return True
    if not code_a or not code_b:
        return False
    if code_a == code_b:
        return True
    short, long_ = sorted((code_a, code_b), key=len)
    if not long_.startswith(short):
        return False
    roles = (lexicon or load_contest_lexicon()).state_roles
    return long_[len(short) :][:3] in roles


def _guess_type(text: str, lexicon: ContestLexicon) -> str | None:
    """The event type named by the first content word of the contested words."""
    for word in _WORD_RE.findall(text.lower()):
        for cand in (word, word[:-3], word[:-3] + "e", word[:-2], word[:-1]):
            if len(cand) > 2 and cand in lexicon.content_lemmas:
                return lexicon.content_lemmas[cand]
    return None


def _sibling_part(x: Event, e: Event, siblings: Sequence[Event], lex: ContestLexicon) -> bool:
    """ "Iran, like Russia, denies lending support": two deniers on one verb; the inner
    event done by one of them belongs to that one's denial, not the other's."""
    if not x.source_code or not siblings:
        return False
    mine = same_actor(x.source_actor_id, x.source_code, e.source_actor_id, e.source_code, lex)
    theirs = any(
        same_actor(x.source_actor_id, x.source_code, s.source_actor_id, s.source_code, lex)
        for s in siblings
    )
    return theirs and not mine


def propositions(
    events: Sequence[Event],
    scopes: dict[str, tuple[int, int]] | None = None,
    lexicon: ContestLexicon | None = None,
) -> list[Proposition]:
    """What every contester among ``events`` denies or confirms.

    Args:
        events: events of one or more articles.
        scopes: contester id -> ``[start, end)`` of the contested words (the content of
            its attribution) when known; otherwise the rest of its sentence.
        lexicon: defaults to the packaged lexicon.
    """
    lex = lexicon or load_contest_lexicon()
    scopes = scopes or {}
    by_article: dict[str, list[Event]] = {}
    for e in events:
        by_article.setdefault(article_of_id(e.id), []).append(e)
    out: list[Proposition] = []
    for e in events:
        relation = relation_of(e, lex)
        if relation is None:
            continue
        start, end = scopes.get(e.id, (e.trigger.end, e.sentence.end))
        siblings = [
            x
            for x in by_article[article_of_id(e.id)]
            if x.id != e.id and x.trigger.start == e.trigger.start
        ]
        inner = [
            x
            for x in by_article[article_of_id(e.id)]
            if x.id != e.id
            and start <= x.trigger.start < end
            and relation_of(x, lex) is None
            and x.event_type not in {"REJECT"}
            and not _sibling_part(x, e, siblings, lex)
        ]
        for x in inner:
            out.append(
                Proposition(
                    e.id,
                    relation,
                    x.event_type,
                    x.source_actor_id or e.source_actor_id,
                    x.source_code or e.source_code,
                    x.target_actor_id or (e.target_actor_id if not x.source_code else None),
                    x.target_code or (e.target_code if not x.source_code else None),
                )
            )
        if not inner:
            words = e.sentence.text[start - e.sentence.start : end - e.sentence.start]
            out.append(
                Proposition(
                    e.id,
                    relation,
                    _guess_type(words, lex),
                    e.source_actor_id,
                    e.source_code,
                    e.target_actor_id,
                    e.target_code,
                )
            )
    return out


def contests(prop: Proposition, claim: Event, lexicon: ContestLexicon | None = None) -> bool:
    """Whether ``prop`` denies/confirms ``claim`` (types compatible, same actors)."""
    lex = lexicon or load_contest_lexicon()
    if claim.id == prop.contester_id or claim.status in ("denied", "confirmed"):
        return False
    if relation_of(claim, lex) is not None:
        return False
    if not compatible_types(prop.event_type, claim.event_type, lex):
        return False
    if not same_actor(
        prop.source_actor_id, prop.source_code, claim.source_actor_id, claim.source_code, lex
    ):
        return False
    if prop.target_actor_id is None and prop.target_code is None:
        return True
    return same_actor(
        prop.target_actor_id, prop.target_code, claim.target_actor_id, claim.target_code, lex
    )


def _match(
    props: Iterable[Proposition], claims: Sequence[Event], lex: ContestLexicon
) -> list[ContestLink]:
    links: dict[tuple[str, str], str] = {}
    for prop in props:
        for claim in claims:
            if (prop.contester_id, claim.id) not in links and contests(prop, claim, lex):
                links[(prop.contester_id, claim.id)] = prop.relation
    return [(d, c, r) for (d, c), r in links.items()]


def link_within(
    events: Sequence[Event], scopes: dict[str, tuple[int, int]] | None = None
) -> list[ContestLink]:
    """Contest links between the events of one article."""
    lex = load_contest_lexicon()
    return _match(propositions(events, scopes, lex), events, lex)


def link_contests(new_events: Sequence[Event], stored_events: Sequence[Event]) -> list[ContestLink]:
    """Contest links between newly coded events and events already stored.

    Both directions: a new denial of a stored claim, and a stored denial of a new
    claim. Pairs inside one article are left to :func:`link_within`.
    """
    lex = load_contest_lexicon()
    new_articles = {article_of_id(e.id) for e in new_events}
    stored = [e for e in stored_events if article_of_id(e.id) not in new_articles]
    links = _match(propositions(new_events, None, lex), stored, lex)
    links += _match(propositions(stored, None, lex), new_events, lex)
    return links


def apply_links(events: Sequence[Event], links: Iterable[ContestLink]) -> None:
    """Write links into ``contests``/``contested_by`` of the events that are present."""
    by_id = {e.id: e for e in events}
    for denier, claim, _relation in links:
        if denier in by_id and claim not in by_id[denier].contests:
            by_id[denier].contests.append(claim)
        if claim in by_id and denier not in by_id[claim].contested_by:
            by_id[claim].contested_by.append(denier)


# --------------------------------------------------------------------------- store


_EVENT_COLUMNS = (
    "id, article_id, event_type, source_actor_id, source_code, source_text, "
    "target_actor_id, target_code, target_text, trigger_start, trigger_end, trigger_text, "
    "sentence_start, sentence_end, sentence_text, status, status_cue, chain, contests, "
    "contested_by"
)


def _chain(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, str):
        return list(json.loads(value))
    return list(value)


def _event_from_row(row: dict[str, Any]) -> Event:
    from dotterel.model import TextSpan

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
        One dict per claim: ``claim_id``, ``article_id``, ``event_type``,
        ``source_code``, ``target_code``, ``text`` (its sentence), ``trigger``,
        ``status``, ``status_cue``, ``chain`` (list of source links, outlet first) and
        ``contested_by``: ``[{id, relation, article_id, source_code, source_text,
        text, chain}]``.
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
                    "source_code": d["source_code"] if d else None,
                    "source_text": d["source_text"] if d else None,
                    "text": d["sentence_text"] if d else None,
                    "chain": _chain(d["chain"]) if d else [],
                }
            )
        if contested_only and not contested:
            continue
        out.append(
            {
                "claim_id": c["id"],
                "article_id": c["article_id"],
                "event_type": c["event_type"],
                "source_code": c["source_code"],
                "target_code": c["target_code"],
                "text": c["sentence_text"],
                "trigger": c["trigger_text"],
                "status": c["status"],
                "status_cue": c["status_cue"],
                "chain": _chain(c["chain"]),
                "contested_by": contested,
            }
        )
    return out


def _has_table(conn: Any, name: str) -> bool:
    rows = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(rows and rows[0])


__all__ = [
    "RELATIONS",
    "ContestLink",
    "Proposition",
    "apply_links",
    "claims_about",
    "compatible_types",
    "contest_linker",
    "contests",
    "link_contests",
    "link_within",
    "propositions",
    "record_contests",
    "relation_of",
    "same_actor",
    "stored_events",
]
