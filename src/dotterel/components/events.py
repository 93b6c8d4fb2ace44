"""Find events with their source and target actors, typed in PLOVER and CAMEO (issue: Events).

Extension point: not implemented yet, so it records nothing (an honest empty list).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class EventsComponent:
    """Find events with their source and target actors, typed in PLOVER and CAMEO."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc

    def load_verbs(self, paths: Sequence[str | Path]) -> None:
        """Load PETRARCH CAMEO verb dictionaries, consulted before the built-in lexicon."""
        raise NotImplementedError("verb dictionaries are not supported yet")


@Language.factory(
    "dotterel_events",
    assigns=["doc._.events"],
    requires=["token.dep", "doc._.actors"],
    default_config={},
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
