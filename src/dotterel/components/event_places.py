"""Give each event the place of its clause or noun phrase, else the dateline (issue: Places and dates).

Extension point: not implemented yet, so it changes nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class EventPlacesComponent:
    """Give each event the place of its clause or noun phrase, else the dateline."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory(
    "dotterel_event_places",
    assigns=["doc._.events"],
    requires=["doc._.events"],
    default_config={},
)
def make_event_places(nlp: Language, name: str) -> EventPlacesComponent:
    return EventPlacesComponent(nlp, name)
