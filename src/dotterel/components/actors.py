"""Recognise political actors and code them CAMEO-style (issue: Actors).

Extension point: not implemented yet, so it records nothing (an honest empty list).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class ActorsComponent:
    """Recognise political actors and code them CAMEO-style."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actor_mentions = []
        doc._.actors = []
        return doc

    def load_dictionaries(
        self, *, actors: Sequence[str | Path] = (), agents: Sequence[str | Path] = ()
    ) -> None:
        """Merge TABARI/PETRARCH actor and agent dictionaries over the built-in tables."""
        raise NotImplementedError("actor dictionaries are not supported yet")


@Language.factory(
    "dotterel_actors",
    assigns=["doc._.actor_mentions", "doc._.actors"],
    requires=["doc.ents"],
    default_config={},
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
