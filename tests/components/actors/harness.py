"""Helper for the actors tests: code a text written for the test."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.model import Article
from dotterel.pipeline import make_doc


def run(nlp: Language, text: str) -> Doc:
    """``text`` as an article, through ``nlp`` (the actors component on the base model)."""
    return nlp(make_doc(nlp, Article(text=text)))
