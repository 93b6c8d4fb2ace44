"""Give each event the date of its clause, else the publication date (issue: Places and dates).

Extension point: not implemented yet, so it changes nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class EventDatesComponent:
    """Give each event the date of its clause, else the publication date."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory(
    "dotterel_event_dates",
    assigns=["doc._.events"],
    requires=["doc._.events"],
    default_config={},
)
def make_event_dates(nlp: Language, name: str) -> EventDatesComponent:
    return EventDatesComponent(nlp, name)
