"""The per-document state the actors steps share: name matches, actor specs, mentions.

Each step reads and extends one :class:`DocState`; only :mod:`._mention_records` turns it into
the public :class:`~dotterel.model.Actor` and :class:`~dotterel.model.Mention` records,
so the steps can agree on actor identity (:data:`ActorKey`) before any id is given.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import POS, TAG
from spacy.tokens import Doc, Span, Token

from dotterel.components._syntax import sentences
from dotterel.components.actors._prose import non_prose, quote_mask
from dotterel.dictionaries import AgentRole, NamedEntry, fold

LOGGER = logging.getLogger(__name__)

#: What makes two mentions the same actor (see :func:`.mentions.actor_key`).
ActorKey = Hashable


@dataclass(slots=True)
class NamedMatch:
    """A name of the lexicon found at tokens ``start:end``."""

    start: int
    end: int
    entry: NamedEntry


@dataclass(slots=True)
class ActorSpec:
    """What an actor will be: built from the first mention that names it."""

    code: str | None
    country: str | None
    roles: list[str]
    kind: str
    name: str
    method: str
    evidence: list[str]


@dataclass(slots=True)
class RawMention:
    """A mention in token offsets, before overlaps are resolved and ids given."""

    start: int
    end: int
    key: ActorKey
    label: str
    method: str
    kind: str
    plural: bool = False


@dataclass(slots=True)
class PersonAgent:
    """An agent phrase that belongs to a person ("Park's lawyers", "supporters of X"),
    held back until the persons are coded (:mod:`._affiliates`)."""

    head: int
    agent_start: int
    agent: AgentRole
    #: a token of the person's name
    person: int


@dataclass(slots=True)
class DocState:
    """Everything the steps know about one document, indexed by token."""

    doc: Doc
    #: The document's tokens, made once: each ``for t in doc`` makes new Token objects.
    toks: list[Token]
    #: Per token, its part of speech and its tag (``Token.pos_``, ``Token.tag_``), read
    #: once: the steps that scan every token test these first, and reading them off a
    #: Token costs more than the rest of such a scan.
    pos: list[str]
    tags: list[str]
    when: date | None
    words: list[str]
    skip: bytearray
    in_quote: bytearray
    sent_starts: list[int]
    #: Whether the parser ran (dependency rules and sentences are available).
    parsed: bool
    match_at: list[NamedMatch | None]
    consumed: bytearray
    mentions: list[RawMention] = field(default_factory=list)
    specs: dict[ActorKey, ActorSpec] = field(default_factory=dict)
    #: The article's setting country and why (:mod:`._setting`), if known.
    setting: tuple[str, str] | None = None
    #: Persons coded so far, by full name and surname (:mod:`._persons`).
    people: dict[str, ActorKey] = field(default_factory=dict)
    #: Persons by the first word of their full name, asked only when no name or surname
    #: matches a bare one-word name ("Park" after "Park Geun-hye"; :mod:`._persons`).
    first_words: dict[str, ActorKey] = field(default_factory=dict)
    #: Agent phrases that belong to a person, coded once the persons are (:mod:`._affiliates`).
    person_agents: list[PersonAgent] = field(default_factory=list)
    #: Heads of "the two countries", "both sides", "each ministry": left to the pair step
    #: (:mod:`._pairs`), never coded as one body by the article's setting.
    pair_heads: set[int] = field(default_factory=set)
    #: Heads of titles coordinated before a name ("Deputy Prime Minister and Foreign
    #: Minister X"): (where the title starts, where the name starts); the name's, never
    #: a body of its own (:mod:`._name_spans`).
    name_titles: dict[int, tuple[int, int]] = field(default_factory=dict)
    #: Whether the article names the police more often than the military (asked, and
    #: counted once, only when a bare "officer" needs it: :func:`._agents.police_officer`).
    police_story: bool | None = None
    #: ``doc.ents`` as a list, made once (each read of ``doc.ents`` builds every entity
    #: span anew); :func:`._name_spans.repair_person_spans` resets it when it rewrites them
    ents_cache: list[Span] | None = None

    def entities(self) -> list[Span]:
        """The document's named entities (``doc.ents``), built once."""
        if self.ents_cache is None:
            self.ents_cache = list(self.doc.ents)
        return self.ents_cache

    def sent_of(self, i: int) -> int:
        """Index of the sentence holding token ``i``."""
        return bisect.bisect_right(self.sent_starts, i) - 1


def build_state(doc: Doc, when: date | None, *, photo_credits: bool) -> DocState:
    """A fresh state for ``doc``.

    Args:
        doc: the parsed (or only tagged) document.
        when: the article's date, for dated codes of user dictionaries.
        photo_credits: skip the tokens of lines that are not prose (:func:`.prose.non_prose`).
    """
    n = len(doc)
    toks = list(doc)
    pos, tags = _token_strings(doc, [POS, TAG])
    words = [fold(t.lower_) for t in toks]
    parsed = doc.has_annotation("DEP")
    sent_starts = [s.start for s in sentences(doc)] if parsed else [0]
    return DocState(
        doc=doc,
        toks=toks,
        pos=pos,
        tags=tags,
        when=when,
        words=words,
        skip=non_prose(doc) if photo_credits else bytearray(n),
        in_quote=quote_mask(doc),
        sent_starts=sent_starts,
        parsed=parsed,
        match_at=[None] * n,
        consumed=bytearray(n),
    )


def _token_strings(doc: Doc, attrs: list[int | str]) -> list[list[str]]:
    """Per attribute, the string value of every token, read off the token array."""
    strings = doc.vocab.strings
    columns = doc.to_array(attrs).T.tolist()
    names = {x: strings[x] for column in columns for x in set(column)}
    return [[names[x] for x in column] for column in columns]
