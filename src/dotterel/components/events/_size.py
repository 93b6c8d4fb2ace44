"""Event size: how many people were killed, injured and arrested (PLOVER ``size``).

A count is read from the event's own clause: a casualty verb or noun
(``data/events/size.json``) with a number that is its object ("killed nine soldiers",
"killed 9"), its subject ("two soldiers died", "at least 12 people were wounded", "three
were arrested") or its modifier ("nine dead", "12 deaths", "the death toll rose to 30").
The count goes to the event whose trigger is the casualty word, or to a violent event
(ASSAULT, COERCE, PROTEST ...) it is linked to in the parse ("died in the raid", "the
attack killed nine"); with no such link, to the sentence's only violent event. Vague
amounts ("dozens", "hundreds") are not counts.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from dotterel.model import Event

LOGGER = logging.getLogger(__name__)

SIZE_PATH = Path(__file__).parent.parent / "data" / "events" / "size.json"
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})*$|^\d+$")
_KINDS = ("killed", "injured", "arrested")


@dataclass(frozen=True)
class SizeWords:
    """Casualty lemmas by kind, number words, and the violent PLOVER types."""

    kinds: dict[str, frozenset[str]]
    numbers: dict[str, int]
    violent_types: frozenset[str]

    @classmethod
    def load(cls, path: str | Path = SIZE_PATH) -> SizeWords:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            kinds={k: frozenset(raw.get(k, [])) for k in _KINDS},
            numbers={str(k): int(v) for k, v in raw.get("numbers", {}).items()},
            violent_types=frozenset(raw.get("violent_types", [])),
        )

    @cached_property
    def _names(self) -> tuple[str, ...]:
        return tuple(self.kinds)

    @cached_property
    def _rank(self) -> dict[str, int]:
        """Each casualty word's first kind, as its position in ``kinds`` (built once)."""
        rank: dict[str, int] = {}
        for i, words in enumerate(self.kinds.values()):
            for w in words:
                rank.setdefault(w, i)
        return rank

    def kind(self, tok: Token) -> str | None:
        """The first kind (in ``kinds`` order) whose words hold the lemma or lowercase form."""
        rank = self._rank
        none = len(self.kinds)
        i = min(rank.get(tok.lemma_.lower(), none), rank.get(tok.lower_, none))
        return None if i == none else self._names[i]


@lru_cache(maxsize=1)
def default_size_words() -> SizeWords:
    """The shipped size words, read once per process."""
    return SizeWords.load()


def number_of(tok: Token, words: SizeWords) -> int | None:
    """The integer a number token states ("nine", "12", "1,200"), else ``None``."""
    text = tok.lower_
    if _DIGITS.match(text):
        return int(text.replace(",", ""))
    if text in words.numbers and not text.endswith("s"):
        value = words.numbers[text]
        # "two hundred": a multiplier before the word
        prev = [c for c in tok.children if c.dep_ in ("compound", "nummod")]
        if prev and value in (100, 1000):
            base = number_of(prev[0], words)
            return base * value if base else value
        return value
    return None


def _count_of(np: Token, words: SizeWords) -> int | None:
    """The count a noun phrase states: the phrase itself a number, or its number modifier."""
    n = number_of(np, words)
    if n is not None:
        return n
    for c in np.children:
        if c.dep_ == "nummod":
            return number_of(c, words)
    return None


def casualty_count(tok: Token, words: SizeWords) -> int | None:
    """The count that a casualty word ``tok`` states, if any."""
    if tok.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for c in tok.children:
            if c.dep_ in ("dobj", "obj", "nsubjpass") or (
                c.dep_ == "nsubj" and (passive or tok.lemma_.lower() == "die")
            ):
                n = _count_of(c, words)
                if n is not None:
                    return n
        return None
    n = _count_of(tok, words)
    if n is not None:
        return n
    if tok.head.i != tok.i and tok.dep_ == "amod":
        return _count_of(tok.head, words)  # "nine dead soldiers"
    # "the death toll rose to 30"
    if tok.dep_ in ("nsubj", "compound") or tok.lemma_.lower() == "toll":
        verb = tok.head if tok.dep_ == "nsubj" else tok.head.head
        for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at")):
            for o in (c for c in p.children if c.dep_ == "pobj"):
                n = _count_of(o, words)
                if n is not None:
                    return n
    return None


def _linked(a: Token, b: Token) -> bool:
    return a.i == b.i or a.head.i == b.i or b.head.i == a.i or a in b.subtree or b in a.subtree


def assign_sizes(doc: Doc, events: list[Event], words: SizeWords) -> None:
    """Fill ``killed``/``injured``/``arrested`` on ``events`` from their clauses."""
    if not events:
        return
    by_sent: dict[int, list[tuple[Event, Token]]] = {}
    for ev in events:
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if span is not None:
            by_sent.setdefault(span.root.sent.start, []).append((ev, span.root))
    for start, members in by_sent.items():
        sent = doc[start].sent
        counts: list[tuple[Token, str, int]] = []
        for t in sent:
            kind = words.kind(t)
            if kind is None:
                continue
            n = casualty_count(t, words)
            if n is not None:
                counts.append((t, kind, n))
        if not counts:
            continue
        violent = [(e, t) for e, t in members if e.event_type in words.violent_types]
        for word, kind, n in counts:
            own = [(e, t) for e, t in members if t.i == word.i]
            targets = own + [(e, t) for e, t in violent if t.i != word.i and _linked(word, t)]
            if not targets and len({t.i for _, t in violent}) == 1:
                targets = violent
            for e, _t in targets:
                if getattr(e, kind) is None:
                    setattr(e, kind, n)
