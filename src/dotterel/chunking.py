"""Code long documents in paragraph-aligned chunks and merge them into one article.

Several of dotterel's rules compare every event, attribution or mention with every
other one in the document; on a news report that costs nothing, on a 1 MB text it
costs minutes and gigabytes. A text longer than :data:`CHUNK_THRESHOLD` characters is
therefore cut into chunks of about :data:`CHUNK_TARGET` characters, each coded as an
article of its own (same outlet, date, URL: the publication context travels), and the
results are merged back into ONE :class:`~dotterel.model.CodedArticle` for the whole
text:

* chunks end only at paragraph boundaries (a run of newlines), and never after a
  paragraph that leaves a quotation open (news style continues a quote into the next
  paragraph), so an attribution and its quote are always coded together;
* every offset is shifted to the whole text (``text[start:end]`` still holds);
* record ids are renumbered as the single-document path numbers them:
  ``<article id>-<letter><n>`` counted over the whole text in document order
  (``n`` mentions keep their index among all mentions, as
  :func:`dotterel.pipeline.to_coded` gives it), and every link (mention -> actor,
  event -> attribution/place/time/actors, attribution -> parent, chains, contests)
  follows the renumbering;
* an actor coded in several chunks is one actor (merged on the key the actors
  component uses: its code, or its name where the code is shared or missing).

What a chunk cannot see: coreference and contest links reach only within a chunk, so
"he" in one chunk is not resolved to a name in the previous one, and a denial does not
link to a claim several chunks earlier. A chunk is already the length of a long news
report, which is the context these rules were written for.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.language import Language

from dotterel.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Mention,
    Place,
    Sentence,
    SourceLink,
    TextSpan,
    TimeRef,
)

LOGGER = logging.getLogger(__name__)

#: Texts longer than this (characters) are coded in chunks. Above every article of the
#: dev sets (the longest is about 18,000), so news-length texts are coded as before.
CHUNK_THRESHOLD = 20_000
#: The length a chunk aims at: whole paragraphs are added while it stays under this.
CHUNK_TARGET = 10_000

_PARAGRAPH_BREAK = re.compile(r"\n+")
_OPENING = "“‘«"
_CLOSING = "”’»"


def needs_chunks(article: Article, threshold: int | None = None) -> bool:
    """Whether :func:`code_in_chunks` (rather than one pass) codes ``article``: its text
    is longer than ``threshold`` (default :data:`CHUNK_THRESHOLD`) characters."""
    return len(article.text) > (CHUNK_THRESHOLD if threshold is None else threshold)


def _leaves_quote_open(paragraph: str) -> bool:
    """Whether a quotation opened in ``paragraph`` is still open at its end.

    Curly quotes are counted as opening and closing marks; straight double quotes by
    parity. Apostrophes (a curly closing single quote in "Iran’s") would unbalance
    single quotes, so only double quotes and guillemets are counted.
    """
    curly = paragraph.count("“") - paragraph.count("”")
    guillemets = paragraph.count("«") - paragraph.count("»")
    return curly > 0 or guillemets > 0 or paragraph.count('"') % 2 == 1


def paragraph_chunks(text: str, target: int | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` spans that cover ``text`` in order, each ending at a paragraph
    boundary where no quotation is open, each ``target`` (default :data:`CHUNK_TARGET`)
    characters or less.

    A chunk is longer than ``target`` only when a single paragraph (or a quotation that
    runs over several) is. The newlines after a paragraph belong to its chunk.
    """
    target = CHUNK_TARGET if target is None else target
    # Places where a chunk may end: after a run of newlines that follows a paragraph
    # which does not leave a quotation open.
    cuts: list[int] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        if not _leaves_quote_open(text[start : brk.start()]):
            cuts.append(brk.end())
        start = brk.end()
    spans: list[tuple[int, int]] = []
    begin = 0
    last: int | None = None  # the furthest cut that keeps the open chunk within target
    for cut in cuts:
        if cut >= len(text):
            break
        if cut - begin <= target:
            last = cut
            continue
        if last is not None:
            spans.append((begin, last))
            begin = last
        if cut - begin <= target:
            last = cut
        else:  # one paragraph (or one quotation) longer than the target
            spans.append((begin, cut))
            begin, last = cut, None
    if begin < len(text):
        spans.append((begin, len(text)))
    return spans


def chunk_articles(article: Article, spans: Sequence[tuple[int, int]]) -> list[Article]:
    """One :class:`Article` per chunk, with the whole article's metadata.

    Chunk ids are ``<article id>.<k>`` so that records of different chunks never share
    an id before :func:`merge_chunks` renumbers them.
    """
    return [
        dataclasses.replace(article, text=article.text[start:end], id=f"{article.id}.{k}")
        for k, (start, end) in enumerate(spans)
    ]


def code_in_chunks(nlp: Language, article: Article, *, target: int = CHUNK_TARGET) -> CodedArticle:
    """Code a long article chunk by chunk and merge the results (see the module doc)."""
    from dotterel.pipeline import make_doc, to_coded

    spans = paragraph_chunks(article.text, target)
    LOGGER.info("coding %s in %d chunks", article.origin or article.id, len(spans))
    parts = chunk_articles(article, spans)
    # One chunk at a time: peak memory is that of one news-length document.
    docs = (make_doc(nlp, part) for part in parts)
    coded = [to_coded(doc) for doc in nlp.pipe(docs, batch_size=1)]
    return merge_chunks(article, [start for start, _ in spans], coded)


# -- merging ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Ids:
    """New ids for the whole article: counters per record kind, and old -> new."""

    article_id: str
    new: dict[str, str] = dataclasses.field(default_factory=dict)
    counts: dict[str, int] = dataclasses.field(default_factory=dict)

    def assign(self, old: str, letter: str, n: int | None = None) -> str:
        if n is None:
            n = self.counts.get(letter, 0)
            self.counts[letter] = n + 1
        self.new[old] = new = f"{self.article_id}-{letter}{n}"
        return new

    def one(self, old: str) -> str:
        return self.new.get(old, old)

    def of(self, old: str | None) -> str | None:
        return None if old is None else self.new.get(old, old)

    def all_of(self, olds: Sequence[str]) -> list[str]:
        return [self.new.get(old, old) for old in olds]


def _letter(record_id: str) -> str:
    return record_id.rsplit("-", 1)[1][:1]


def _span(span: TextSpan, offset: int) -> TextSpan:
    return dataclasses.replace(span, start=span.start + offset, end=span.end + offset)


def _chain(chain: Sequence[SourceLink], offset: int, ids: _Ids) -> list[SourceLink]:
    return [
        dataclasses.replace(
            link,
            actor_id=ids.of(link.actor_id),
            start=None if link.start is None else link.start + offset,
            end=None if link.end is None else link.end + offset,
        )
        for link in chain
    ]


def _actor_key(actor: Actor) -> tuple[str, ...]:
    """One actor per code, as the actors component keys them within a document
    (``actor_parts.mentions.actor_key``); persons without a code, by name."""
    if actor.code is None:
        return ("name", actor.kind or "", actor.name)
    if actor.kind in ("media", "organisation", "igo", "group") and actor.method == "dictionary":
        return ("name", actor.code, actor.name)
    return ("code", actor.code)


def merge_chunks(
    article: Article, offsets: Sequence[int], parts: Sequence[CodedArticle]
) -> CodedArticle:
    """One coded article for ``article`` from the coded chunks that start at ``offsets``.

    Offsets are shifted to the whole text and ids renumbered over the whole article,
    in document order, with every cross-reference updated.
    """
    ids = _Ids(article.id)
    merged = CodedArticle(article=article)
    # Ids first (links may point forwards within a chunk), in document order.
    mention_index = 0
    actors_by_key: dict[tuple[str, ...], Actor] = {}
    for part in parts:
        for sentence in part.sentences:
            ids.assign(sentence.id, "s")
        for mention in part.mentions:
            if _letter(mention.id) == "n":  # NER-only: numbered by place among all
                ids.assign(mention.id, "n", mention_index)
            else:
                ids.assign(mention.id, "m")
            mention_index += 1
        for actor in part.actors:
            same = actors_by_key.get(_actor_key(actor))
            if same is not None:
                ids.new[actor.id] = same.id
                same.mention_ids.extend(actor.mention_ids)
                same.evidence.extend(e for e in actor.evidence if e not in same.evidence)
            else:
                first = dataclasses.replace(
                    actor,
                    id=ids.assign(actor.id, "a"),
                    mention_ids=list(actor.mention_ids),
                    evidence=list(actor.evidence),
                    roles=list(actor.roles),
                )
                actors_by_key[_actor_key(actor)] = first
                merged.actors.append(first)
        for letter, records in (
            ("p", part.places),
            ("t", part.times),
            ("q", part.attributions),
            ("e", part.events),
        ):
            for record in records:
                ids.assign(record.id, letter)
    for actor in merged.actors:
        actor.mention_ids = ids.all_of(actor.mention_ids)
    for offset, part in zip(offsets, parts, strict=True):
        _add_part(merged, part, offset, ids)
    return merged


def _add_part(merged: CodedArticle, part: CodedArticle, offset: int, ids: _Ids) -> None:
    merged.sentences.extend(_moved(s, offset, ids) for s in part.sentences)
    merged.mentions.extend(_mentions(part.mentions, offset, ids))
    merged.places.extend(_moved(p, offset, ids) for p in part.places)
    merged.times.extend(_moved(t, offset, ids) for t in part.times)
    merged.attributions.extend(_attribution(a, offset, ids) for a in part.attributions)
    merged.events.extend(_event(e, offset, ids) for e in part.events)


_Located = TypeVar("_Located", Sentence, Place, TimeRef)


def _moved(record: _Located, offset: int, ids: _Ids) -> _Located:
    return dataclasses.replace(
        record, id=ids.one(record.id), start=record.start + offset, end=record.end + offset
    )


def _mentions(mentions: Sequence[Mention], offset: int, ids: _Ids) -> Iterator[Mention]:
    for m in mentions:
        yield dataclasses.replace(
            m,
            id=ids.one(m.id),
            start=m.start + offset,
            end=m.end + offset,
            actor_id=ids.of(m.actor_id),
        )


def _attribution(a: Attribution, offset: int, ids: _Ids) -> Attribution:
    return dataclasses.replace(
        a,
        id=ids.one(a.id),
        cue=_span(a.cue, offset),
        content=_span(a.content, offset),
        source=None if a.source is None else _span(a.source, offset),
        source_actor_id=ids.of(a.source_actor_id),
        parent_id=ids.of(a.parent_id),
        chain=_chain(a.chain, offset, ids),
    )


def _event(e: Event, offset: int, ids: _Ids) -> Event:
    return dataclasses.replace(
        e,
        id=ids.one(e.id),
        trigger=_span(e.trigger, offset),
        sentence=_span(e.sentence, offset),
        source_actor_id=ids.of(e.source_actor_id),
        target_actor_id=ids.of(e.target_actor_id),
        other_actor_id=ids.of(e.other_actor_id),
        attribution_id=ids.of(e.attribution_id),
        chain=_chain(e.chain, offset, ids),
        place_id=ids.of(e.place_id),
        time_id=ids.of(e.time_id),
        contests=ids.all_of(e.contests),
        contested_by=ids.all_of(e.contested_by),
        context=list(e.context),
    )


__all__ = [
    "CHUNK_TARGET",
    "CHUNK_THRESHOLD",
    "chunk_articles",
    "code_in_chunks",
    "merge_chunks",
    "needs_chunks",
    "paragraph_chunks",
]
