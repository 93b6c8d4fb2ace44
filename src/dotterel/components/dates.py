"""Find time expressions and resolve them against the publication date (issue: Places and dates).

Extension point: not implemented yet, so it records nothing (an honest empty list).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class DatesComponent:
    """Find time expressions and resolve them against the publication date."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = []
        return doc


@Language.factory(
    "dotterel_dates",
    assigns=["doc._.times"],
    requires=["doc.ents"],
    default_config={},
)
def make_dates(nlp: Language, name: str) -> DatesComponent:
    return DatesComponent(nlp, name)
