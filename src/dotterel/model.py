"""The records dotterel produces: plain, typed, serialisable dataclasses.

Every record that points into an article carries ``[start, end)`` character offsets
into ``Article.text`` so that an analyst (or the web UI) can always go back to the
words that justify it. Records hold no spaCy objects: they cross process boundaries
(Ray workers, multiprocessing), go into DuckDB and out to CSV/Parquet/JSON unchanged.

Identifiers are deterministic: an article's id is a hash of its text, and every
record inside it is ``<article id>-<kind><n>`` in document order, so re-coding the
same article yields the same ids (which is what makes store writes idempotent).

The schema is documented column by column in ``docs/schema.md``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

#: Epistemic status of an event as the article presents it.
Status = Literal["asserted", "reported", "hedged", "denied", "confirmed"]
#: Modality of the event as worded in its own clause.
Modality = Literal["asserted", "intended", "hypothetical", "hedged", "denied"]

STATUSES: tuple[str, ...] = ("asserted", "reported", "hedged", "denied", "confirmed")
MODALITIES: tuple[str, ...] = ("asserted", "intended", "hypothetical", "hedged", "denied")


def article_id(text: str) -> str:
    """Content hash of an article's text: 16 hex digits of SHA-256.

    The text is NFC-normalised and stripped first, so the same story ingested from a
    file with a trailing newline and from a JSONL record gets the same id.
    """
    norm = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class TextSpan:
    """A stretch of article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    """One news report and the metadata a user or the HTML page supplied."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    pub_date: date | None = None
    #: Where it came from: a file path, ``path:line`` for JSONL, or ``<stdin>``.
    origin: str | None = None
    language: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)


@dataclass(frozen=True, slots=True)
class Sighting:
    """One time an article's text was seen: which outlet ran it, where, dated when, and
    where dotterel read it (``Article.origin``).

    The article id is a hash of the text (right for deduplication), so the same story
    run by two outlets is one article with two sightings; the store keeps every
    distinct sighting, and merging counts outlets from them.
    """

    article_id: str
    outlet: str | None = None
    url: str | None = None
    pub_date: date | None = None
    origin: str | None = None

    @classmethod
    def of(cls, article: Article) -> Sighting:
        """The sighting an article's own metadata describes."""
        return cls(article.id, article.outlet, article.url, article.pub_date, article.origin)


@dataclass(slots=True)
class Sentence:
    """A sentence as segmented by the parser."""

    id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """A stretch of text that names or refers to something.

    ``label`` is the spaCy NER label (``GPE``, ``ORG``, ``PERSON`` ...) or, for mentions
    the actor component adds, ``NOMINAL`` ("the insurgents") or ``PRONOUN`` ("it").
    ``actor_id`` is set when the mention was resolved to an actor.
    """

    id: str
    start: int
    end: int
    text: str
    label: str
    actor_id: str | None = None
    #: How the mention was tied to its actor: ``dictionary``, ``user-dictionary``,
    #: ``rule``, ``coreference`` or ``ner`` (a person the NER found, with no title).
    method: str | None = None


@dataclass(slots=True)
class Actor:
    """A political actor as it appears in one article, with a CAMEO-style code.

    ``code`` concatenates a country (ISO-3) or a named-group code and role codes,
    CAMEO fashion: ``IRN``, ``AFGGOV``, ``USAMIL``, ``TAL``, ``USAMED``.
    """

    id: str
    name: str
    code: str | None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    #: ``state``, ``government``, ``organisation``, ``group``, ``person``, ``media``,
    #: ``igo`` or ``people``
    kind: str | None = None
    mention_ids: list[str] = field(default_factory=list)
    #: How the code was decided: ``dictionary`` (built-in table), ``user-dictionary``
    #: (a TABARI/PETRARCH file), ``knowledge`` (the shipped Phoenix base), ``rule``
    #: (demonym + agent, apposition, metonymy, the article's setting), or
    #: ``ner`` (a person found by the NER whose code is unknown: ``code`` is ``None``).
    method: str | None = None
    #: The entries and rules behind the code, e.g. ``countries.tsv: Afghan -> AFG``.
    evidence: list[str] = field(default_factory=list)
    #: How sure the code is, 0..1, from the kind of evidence (a user or built-in
    #: dictionary entry > a dated knowledge-base role > a title or apposition > the
    #: sentence's country > the article's setting); ``None`` when uncoded.
    confidence: float | None = None


@dataclass(slots=True)
class Place:
    """A toponym resolved (or not) to a gazetteer entry."""

    id: str
    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    #: GeoNames feature code: ``PCLI`` (country), ``ADM1`` (province), ``PPLC`` (capital) ...
    feature_code: str | None = None
    #: ISO 3166-1 alpha-2 of the country the place is in.
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    #: ``country`` | ``adm1`` | ``adm2`` | ``city`` | ``other`` | ``unresolved``
    level: str = "unresolved"
    #: True for a demonym ("Russian", "Afghans") resolved to the country it names.
    demonym: bool = False


@dataclass(slots=True)
class TimeRef:
    """A time expression normalised TIMEX3-style against the publication date.

    ``value`` is ``2016``, ``2016-10``, ``2016-10-09``, ``2017-W33``, ``199`` (a decade) or
    ``PXY`` (an unspecified span). ``relation`` says how an event relates to it:
    ``at``, ``since`` (an interval that starts there), ``until``.
    """

    id: str
    start: int
    end: int
    text: str
    value: str
    relation: str = "at"


@dataclass(slots=True)
class SourceLink:
    """One layer of a source chain: who passed the claim on, and with which cue."""

    name: str
    code: str | None = None
    cue: str | None = None
    anonymous: bool = False
    actor_id: str | None = None
    #: Offsets of the source's words in the article; ``None`` for the outlet itself.
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Attribution:
    """A reported statement: source, cue and content spans (PolNeAR style).

    ``chain`` runs from the outermost layer (the outlet) inward and ends with this
    attribution's own source, so ``[outlet, New York Times, Afghan officials]``.
    """

    id: str
    cue: TextSpan
    content: TextSpan
    source: TextSpan | None = None
    source_actor_id: str | None = None
    source_code: str | None = None
    anonymous: bool = False
    #: ``direct`` (quoted), ``indirect`` (reported speech), ``mixed``, or ``hedge`` (a
    #: hedge word such as "reportedly" with no named source).
    kind: str = "indirect"
    #: The attribution whose content holds this one, if any.
    parent_id: str | None = None
    chain: list[SourceLink] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """Who did what to whom, typed in PLOVER and CAMEO, with its provenance."""

    id: str
    trigger: TextSpan
    sentence: TextSpan
    #: PLOVER event type (16 categories: AGREE, CONSULT, SUPPORT, ...)
    event_type: str
    source_actor_id: str | None = None
    source_code: str | None = None
    source_text: str | None = None
    target_actor_id: str | None = None
    target_code: str | None = None
    target_text: str | None = None
    #: A second object where the ontology needs one (e.g. what is asked for).
    other_actor_id: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    negated: bool = False
    modality: str = "asserted"
    status: str = "asserted"
    #: The word that hedges, denies or confirms it ("reportedly", "denies").
    status_cue: str | None = None
    attribution_id: str | None = None
    chain: list[SourceLink] = field(default_factory=list)
    place_id: str | None = None
    time_id: str | None = None
    #: TIMEX3 value of the event's date: the clause's own, else the publication date.
    date: str | None = None
    #: ``text`` when the clause dates the event, ``publication`` when we fell back.
    date_source: str | None = None
    #: Ids of events (in this article or others) that this one denies or confirms.
    contests: list[str] = field(default_factory=list)
    #: Ids of events that deny or confirm this one.
    contested_by: list[str] = field(default_factory=list)
    #: How the event was typed: ``lexicon``, ``dictionary`` (PETRARCH verbs), ``knowledge``,
    #: ``evaluation`` (a source's negative evaluation of an actor: ACCUSE), ``embedding``.
    method: str | None = None
    #: Mentioned as history: it happened a year or more before publication. Kept and
    #: stored, but left out of networks, GDELT and merge counts unless asked for.
    background: bool = False
    #: People killed, injured and arrested in the event, when the text gives a count
    #: (PLOVER ``size``; ACLED-style ``fatalities`` is ``killed``).
    killed: int | None = None
    injured: int | None = None
    arrested: int | None = None
    #: How sure the coder is, 0-1, from how the event was coded (pattern strength,
    #: actor evidence, realis); users threshold on it.
    confidence: float | None = None
    #: Where ``place_id`` came from: ``clause`` (the event's own clause or arguments),
    #: ``episode`` (the nearest stated place of the same episode), ``dateline``.
    place_source: str | None = None
    #: The two sides act with each other ("X and Y met", "talks between X and Y",
    #: "clashes between X and Y"): no direction, source and target in text order.
    symmetric: bool = False
    #: The sides (``source``, ``target``) filled from general knowledge, not from the
    #: text: an agentless passive's implicit agent ("X was arrested": the police of X's
    #: country, ``XXXCOP``, text ``(police)``, no actor id).
    inferred: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CodedArticle:
    """Everything dotterel found in one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: Every distinct sighting of the text, as the store holds them (first seen first);
    #: empty for an article just coded (see :meth:`all_sightings`). Not part of equality:
    #: the same text coded is the same result wherever it was seen.
    sightings: list[Sighting] = field(default_factory=list, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        return to_jsonable(self)

    def all_sightings(self) -> list[Sighting]:
        """:attr:`sightings`, with the article's own metadata first when it is missing."""
        own = Sighting.of(self.article)
        return list(self.sightings) if own in self.sightings else [own, *self.sightings]


@dataclass(slots=True)
class Reject:
    """An input that was not coded, and why (one line a human can act on)."""

    origin: str
    reason: str
    #: Short machine-readable kind: ``empty``, ``binary``, ``encoding``, ``too_large``,
    #: ``no_article``, ``not_english``, ``malformed``, ``unreadable``, ``symlink``, ``timeout``,
    #: ``error``.
    kind: str = "error"


def to_jsonable(obj: Any) -> Any:
    """Turn records (and lists/dicts of them) into plain JSON-compatible values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, list | tuple):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


__all__ = [
    "MODALITIES",
    "STATUSES",
    "Actor",
    "Article",
    "Attribution",
    "CodedArticle",
    "Event",
    "Mention",
    "Modality",
    "Place",
    "Reject",
    "Sentence",
    "Sighting",
    "SourceLink",
    "Status",
    "TextSpan",
    "TimeRef",
    "article_id",
    "to_jsonable",
]
