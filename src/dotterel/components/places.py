"""Find toponyms and geocode them with the offline gazetteer (issue: Places and dates).

Extension point: not implemented yet, so it records nothing (an honest empty list).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class PlacesComponent:
    """Find toponyms and geocode them with the offline gazetteer."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = []
        return doc


@Language.factory(
    "dotterel_places",
    assigns=["doc._.places"],
    requires=["doc.ents"],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlacesComponent:
    return PlacesComponent(nlp, name)
