"""Find attributions: source, cue and content spans, and their nesting (issue: Attribution).

Extension point: not implemented yet, so it records nothing (an honest empty list).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class AttributionComponent:
    """Find attributions: source, cue and content spans, and their nesting."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.attributions = []
        return doc


@Language.factory(
    "dotterel_attribution",
    assigns=["doc._.attributions"],
    requires=["token.dep"],
    default_config={},
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(nlp, name)
