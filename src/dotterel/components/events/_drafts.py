"""Events under construction: one :class:`Draft` per trigger, with its :class:`Argument` list.

The four passes of the events component fill and recode drafts; only at the end does
:mod:`~dotterel.components.events._event_pairs` turn them into
:class:`~dotterel.model.Event` records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dotterel.components.events._lexicon import TriggerRow
from dotterel.model import Actor


@dataclass
class Argument:
    """One side of an event: an actor if one covers the words, else just the words."""

    start: int
    end: int
    text: str
    actor: Actor | None = None
    code: str | None = None
    #: filled from general knowledge, not read in the text (``_implicit``: "was
    #: arrested" -> the police of the patient's country)
    inferred: bool = False
    #: one of the two actors a pair phrase refers back to ("the two countries": one
    #: coreference mention of each over the same words, ``actors/_pairs.py``)
    pair: bool = False

    @property
    def coded(self) -> bool:
        """Whether the side names an actor or carries a code (not just words)."""
        return self.actor is not None or bool(self.code)

    @property
    def actor_code(self) -> str:
        """The side's code: its own (an inferred side, a compound code) else its actor's,
        else ``""``."""
        return self.code or (self.actor.code if self.actor is not None else None) or ""

    @property
    def key(self) -> str:
        """The actor, or the words when no actor covers them: what pairs are told apart by."""
        return self.actor.id if self.actor is not None else self.span_key

    @property
    def span_key(self) -> str:
        """The words, so that the codes of one compound actor never pair with each other;
        a pair phrase's two sides do ("the two countries signed a deal"), so theirs adds
        the actor."""
        if self.pair and self.actor is not None:
            return f"{self.start}:{self.end}:{self.actor.id}"
        return f"{self.start}:{self.end}"


@dataclass
class Draft:
    """An event under construction, anchored on its trigger token."""

    trigger: Token
    code: str
    method: str
    row: TriggerRow | None = None
    sources: list[Argument] = field(default_factory=list)
    targets: list[Argument] = field(default_factory=list)
    modality: str = "asserted"
    negated: bool = False
    absorbed: bool = False
    composed: bool = False
    cue: str | None = None
    #: the light verb that governs an event noun ("launched an offensive")
    anchor: Token | None = None
    #: PETRARCH paired code: the same event seen from the target's side ("visit"/"host")
    paired: str | None = None
    #: the verb of saying whose subject demands this act ("said Libya must hand over")
    demanded_by: Token | None = None
    #: under a modal of obligation ("should be released"); ``"perfect"`` for "should have"
    obliged: str | None = None
    #: governed by "fail to" / "cease to": negated, and a cooperation becomes a rejection
    failed: bool = False
    #: a second object ("urged Russia to attack *Syria*": the one attacked)
    others: list[Argument] = field(default_factory=list)
    #: where a verb pattern's target marker points (``* ABOUT +``): a token index, and
    #: how many noun phrases to skip there first (``* AT ^ +``)
    target_hint: int | None = None
    target_skip: int = 0
    #: the sides act with each other, with no direction ("talks *between* X and Y"):
    #: coded once per pair of sources and targets (:mod:`._reciprocal`)
    symmetric: bool = False
    #: each source acts on the other sources ("X and Y accused *each other*")
    each_other: bool = False
    #: the source was named by a frame of blame around the act ("blamed B for the
    #: attack", :mod:`._frames`), not by the act's own phrase
    framed: bool = False
    #: why a relevance rule dropped the draft ("formula:no_comment", "generic", "metaphor")
    dropped: str | None = None
