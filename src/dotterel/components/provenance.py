"""Give every event its source chain and epistemic status, and link contested claims.

Runs last: it reads ``doc._.attributions`` and ``doc._.events`` and fills
``Event.attribution_id``, ``Event.chain``, ``Event.status`` and the
``contests``/``contested_by`` links within the article (issue: Attribution).

Extension point: not implemented yet, so it changes nothing.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.extensions import register_extensions


class ProvenanceComponent:
    """Attach attribution chains and statuses to events."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory(
    "dotterel_provenance",
    assigns=["doc._.events"],
    requires=["doc._.events", "doc._.attributions"],
    default_config={},
)
def make_provenance(nlp: Language, name: str) -> ProvenanceComponent:
    return ProvenanceComponent(nlp, name)
