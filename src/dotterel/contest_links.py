"""Contest links: which events deny or confirm which, in one article and across many.

A *contester* is an event whose trigger is a denial or confirmation verb ("Iran denies
lending support to the Taliban"). What it denies is a :class:`Proposition`: an event
type and its actors, taken from the events coded inside the denied words (status
``denied``/``confirmed``) or, when none was coded, from the head word of those words
through ``data/attribution/contest.json`` ("support" -> ``SUPPORT``). A *claim* is any
other event; a proposition contests a claim when their event types are compatible
(same family: AID, SUPPORT, COOPERATE ...) and their actors are the same (same actor
id in one article, compatible CAMEO codes across articles: ``IRN`` ~ ``IRNGOV``).

Everything here is a pure function over :class:`~dotterel.model.Event` lists and never
touches the store: the in-article pass runs in the ``dotterel_provenance`` component,
and :mod:`dotterel.store.claims` reads stored events, calls :func:`link_contests` and
writes the links (data flows store -> linker, never back).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dotterel.model import Event

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
    #: "refuses to admit": a refusal governing a confirmation verb denies.
    refusal_forms: frozenset[str] = frozenset()
    #: "baseless", "false": words that call a claim untrue.
    falsity_words: frozenset[str] = frozenset()
    #: "called", "described ... as": verbs that call a report noun false.
    calling_verbs: frozenset[str] = frozenset()
    #: "involvement", "role": nouns that take their type from the event they relate to.
    relational_nouns: frozenset[str] = frozenset()
    #: "our", "none": an unresolved subject of a reported negation that is the speaker.
    speaker_words: frozenset[str] = frozenset()
    #: Roles of which any two of one country are one actor (``PAKGOV`` ~ ``PAKMIL``).
    state_organs: frozenset[str] = frozenset()


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
        refusal_forms=frozenset(
            f for lemma in contest.get("refusal_verbs", ()) for f in inflections(lemma.lower())
        ),
        falsity_words=frozenset(w.lower() for w in contest.get("falsity_words", ())),
        calling_verbs=frozenset(w.lower() for w in contest.get("calling_verbs", ())),
        relational_nouns=frozenset(w.lower() for w in contest.get("relational_nouns", ())),
        speaker_words=frozenset(w.lower() for w in contest.get("speaker_words", ())),
        state_organs=frozenset(contest.get("state_organs", ())),
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
    #: The denied or confirmed words as the article gives them ("it armed the rebels").
    text: str = ""
    #: The contested words name the claim itself ("rejected the reports", "called the
    #: allegation baseless"): with no type, it answers the claims made about its actor.
    about_reports: bool = False


def article_of_id(record_id: str) -> str:
    """The article id a record id starts with (``<article id>-e3`` -> article id)."""
    return record_id.rsplit("-", 1)[0]


def relation_of(event: Event, lexicon: ContestLexicon | None = None) -> str | None:
    """``denies`` / ``confirms`` when the event's trigger is such a word, else ``None``.

    Denials are a denial verb ("denies"), a word calling a claim untrue ("baseless",
    the trigger of a denial found by :mod:`dotterel.components.attribution`), or a
    refusal governing a confirmation verb ("refuses to admit").
    """
    lex = lexicon or load_contest_lexicon()
    words = [w.lower() for w in _WORD_RE.findall(event.trigger.text)]
    if any(w in lex.denial_forms or w in lex.falsity_words for w in words):
        return "denies"
    if any(w in lex.refusal_forms for w in words):
        rest = event.sentence.text[event.trigger.end - event.sentence.start :]
        after = [w.lower() for w in _WORD_RE.findall(rest)[:3]]
        if "to" in after[:1] and any(w in lex.confirmation_forms for w in after[1:2]):
            return "denies"
        return None
    if any(w in lex.confirmation_forms for w in words):
        return "confirms"
    return None


def reported_negation(event: Event) -> bool:
    """A negated event that a source reports ("the army said no soldiers had fired"): the
    source denies that the event happened."""
    return event.negated and event.status == "reported" and len(event.chain) > 1


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
    organ (``IRN`` ~ ``IRNGOV``, ``PAKGOV`` ~ ``PAKMIL``; but ``AFG`` is not ``AFGINS``)."""
    if id_a and id_b and id_a == id_b:
        return True
    if not code_a or not code_b:
        return False
    if code_a == code_b:
        return True
    lex = lexicon or load_contest_lexicon()
    short, long_ = sorted((code_a, code_b), key=len)
    if not long_.startswith(short):
        # two organs of one state: the ministry answers for the army
        organs = lex.state_organs
        return (
            len(code_a) >= 6
            and len(code_b) >= 6
            and code_a[:3] == code_b[:3]
            and code_a[3:6] in organs
            and code_b[3:6] in organs
        )
    return long_[len(short) :][:3] in lex.state_roles


def _guess_type(text: str, lexicon: ContestLexicon) -> str | None:
    """The event type named by the first content word of the contested words; after a
    relational noun ("involvement in the bombing"), by the event word it relates to."""
    found: list[tuple[str, str]] = []
    for word in _WORD_RE.findall(text.lower()):
        for cand in (word, word[:-3], word[:-3] + "e", word[:-2], word[:-1]):
            if len(cand) > 2 and cand in lexicon.content_lemmas:
                found.append((word, lexicon.content_lemmas[cand]))
                break
        if found and found[0][0] not in lexicon.relational_nouns:
            return found[0][1]
        if len(found) > 1:
            return found[1][1]
    return found[0][1] if found else None


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


#: Speech acts: the accusation itself is not what a denial of "the reports" denies.
_SPEECH_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "DISAPPROVE"})


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
        confirmed_by_event = any(
            x.sentence.start == e.sentence.start and relation_of(x, lex) == "confirms"
            for x in by_article[article_of_id(e.id)]
        )
        if (
            relation is None
            and e.status == "confirmed"
            and not e.negated
            and not confirmed_by_event
        ):
            # "Hamas acknowledged that its fighters fired rockets": no event is coded on
            # the confirming verb, so the confirmed event itself confirms the claim
            out.append(
                Proposition(
                    e.id,
                    "confirms",
                    e.event_type,
                    e.source_actor_id,
                    e.source_code,
                    e.target_actor_id,
                    e.target_code,
                    text=e.sentence.text,
                )
            )
            continue
        if relation is None:
            if reported_negation(e):
                actor_id, code = e.source_actor_id, e.source_code
                subject = {w.lower() for w in _WORD_RE.findall(e.source_text or "")}
                speaker = e.chain[-1]
                if actor_id is None and code is None and subject & lex.speaker_words:
                    # '"None of our soldiers fired," the army said': the speaker's own
                    actor_id, code = speaker.actor_id, speaker.code
                if e.event_type in _SPEECH_TYPES or not same_actor(
                    actor_id, code, speaker.actor_id, speaker.code, lex
                ):
                    # a denial is the accused's own word; a third party saying that
                    # something did not happen may speak of another episode
                    continue
                out.append(
                    Proposition(
                        e.id,
                        "denies",
                        e.event_type,
                        actor_id,
                        code,
                        e.target_actor_id,
                        e.target_code,
                        text=e.sentence.text,
                    )
                )
            continue
        start, end = scopes.get(e.id, (e.trigger.end, e.sentence.end))
        # a headline with no full stop runs into the next paragraph's sentence
        line_end = e.sentence.text.find("\n", e.trigger.end - e.sentence.start)
        if line_end >= 0:
            end = min(end, e.sentence.start + line_end)
        words = e.sentence.text[start - e.sentence.start : end - e.sentence.start]
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
            # "denied accusations that ...": the noun names the claim, not its content
            and x.trigger.text.lower() not in lex.report_nouns
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
                    text=words,
                )
            )
        if not inner:
            guessed = _guess_type(words, lex)
            named = {w.lower() for w in _WORD_RE.findall(words + " " + (e.target_text or ""))}
            about = guessed is None and bool(
                named & lex.report_nouns
                or {w.lower() for w in _WORD_RE.findall(e.trigger.text)} & lex.falsity_words
            )
            out.append(
                Proposition(
                    e.id,
                    relation,
                    guessed,
                    e.source_actor_id,
                    e.source_code,
                    # "denies the reports": the reports' target is not the claim's
                    None if about else e.target_actor_id,
                    None if about else e.target_code,
                    text=words.strip(),
                    about_reports=about,
                )
            )
    return out


def contests(
    prop: Proposition,
    claim: Event,
    lexicon: ContestLexicon | None = None,
    contesters: dict[str, int] | None = None,
) -> bool:
    """Whether ``prop`` denies/confirms ``claim``: compatible types (or, for a denial of
    "the reports", an earlier claim of the same article), and the same actors.

    ``contesters`` maps contester ids to their trigger offsets, when known."""
    lex = lexicon or load_contest_lexicon()
    if claim.id == prop.contester_id or claim.status in ("denied", "confirmed"):
        return False
    if relation_of(claim, lex) is not None or claim.negated:
        return False
    if prop.event_type is None and prop.about_reports:
        # "called the reports baseless": what others claim its actor did, said before
        # the denial in the same article (a speech act of the accuser is not the claim)
        if article_of_id(claim.id) != article_of_id(prop.contester_id):
            return False
        if claim.status not in ("reported", "hedged") or claim.event_type in _SPEECH_TYPES:
            return False
        said_at = (contesters or {}).get(prop.contester_id)
        if said_at is not None and claim.trigger.start >= said_at:
            return False
    elif not compatible_types(prop.event_type, claim.event_type, lex):
        return False
    if not same_actor(
        prop.source_actor_id, prop.source_code, claim.source_actor_id, claim.source_code, lex
    ):
        return False
    speaker = claim.chain[-1] if claim.chain else None
    if (
        speaker is not None
        and (speaker.actor_id or speaker.code)
        and same_actor(prop.source_actor_id, prop.source_code, speaker.actor_id, speaker.code, lex)
    ):
        return False  # "the army said it killed 20": the army does not deny its own report
    prop_known = prop.target_actor_id is not None or prop.target_code is not None
    claim_known = claim.target_actor_id is not None or claim.target_code is not None
    if not prop_known or not claim_known:
        # one side left the other actor unsaid ("denies troops attacked")
        return True
    return same_actor(
        prop.target_actor_id, prop.target_code, claim.target_actor_id, claim.target_code, lex
    )


def _match(
    props: Iterable[Proposition], claims: Sequence[Event], lex: ContestLexicon
) -> list[ContestLink]:
    links: dict[tuple[str, str], str] = {}
    starts = {e.id: e.trigger.start for e in claims}
    for prop in props:
        for claim in claims:
            if (prop.contester_id, claim.id) not in links and contests(prop, claim, lex, starts):
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


__all__ = [
    "RELATIONS",
    "STATUS_OF",
    "ContestLexicon",
    "ContestLink",
    "Proposition",
    "apply_links",
    "article_of_id",
    "compatible_types",
    "contests",
    "inflections",
    "link_contests",
    "link_within",
    "load_contest_lexicon",
    "propositions",
    "relation_of",
    "reported_negation",
    "same_actor",
]
