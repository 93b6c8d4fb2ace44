"""The attribution candidate: one statement while its spans are being assembled.

Owns :class:`Candidate` (token heads and character offsets, before they become an
:class:`~dotterel.model.Attribution`) and the cue lemma of the "according to" kind.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

#: ``cue_lemma`` of a multiword cue whose object is the source ("according to X").
SOURCED_PHRASE = "according to"


@dataclass(slots=True)
class Candidate:
    """An attribution while it is being assembled (token indices and offsets)."""

    cue: tuple[int, int]
    cue_lemma: str
    kind: str
    content: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    #: Token whose noun phrase names the source (for actor lookup and naming).
    source_head: Token | None = None
    recipient: tuple[int, int] | None = None
    recipient_head: Token | None = None
    cited: tuple[int, int] | None = None
    cited_head: Token | None = None
    #: "told a news conference": the medium, named with the cue in the chain (PolNeAR's
    #: cue span keeps the verb alone), never a layer of the chain.
    medium: tuple[int, int] | None = None
    quotes: list[tuple[int, int]] = field(default_factory=list)
    paragraph: int = 0
    #: The cue is an infinitive or a verb's complement ("refused to support"): not a
    #: statement that was made.
    infinitive: bool = False
    sentence_end: int = 0
    sentence_start: int = 0
    #: A participle modifying another clause ("..., speaking publicly for the first
    #: time"): it never takes over a quotation continued after the main tag.
    adjunct: bool = False
    #: A base-form cue embedded in another clause (see ``_verb_candidate``).
    hypothetical: bool = False
    #: Its quotations continue an indirect report ('He praised her. "She is great."').
    continued: bool = False
    #: A passive participle clause ("Asked about the port, ...") names no source.
    unsourced: bool = False
