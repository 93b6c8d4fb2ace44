"""Bodies and offices of a state institution, and names that end in an agent phrase.

* :func:`of_institution`: "the police", "the court", and the posts and bodies an
  institution names ("the police chief", "the police department", "the army
  commander") are the setting's even when definite: there is one of each there.
* :func:`name_tail`: a capitalised agent phrase that ends a longer, place-named body
  ("the Charlotte-Mecklenburg *Police Department*") is left to the organisations step,
  which codes the whole name with its town's country.
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel.components.actors._state import DocState
from dotterel.dictionaries import ActorLexicon

__all__ = ["name_tail", "of_institution"]


def of_institution(head: Token, lexicon: ActorLexicon) -> bool:
    """A state institution ("the police", "the court"), or a post or office named by one
    ("the police chief", "the police department", "the army commander"): definite, yet
    the setting's, as there is one of it there."""
    if head.lemma_.lower() in lexicon.institution_nouns:
        return True
    return any(
        c.dep_ == "compound" and c.lemma_.lower() in lexicon.institution_nouns
        for c in head.children
    )


def name_tail(st: DocState, head: Token, start: int, lexicon: ActorLexicon) -> bool:
    """A capitalised agent phrase of several words ending a longer name whose first
    words are a place ("Charlotte-Mecklenburg *Police Department*"): the organisations
    step codes the whole name, with its town's country."""
    if start == head.i or head.tag_ != "NNP" or head.lower_ not in lexicon.org_heads:
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < start for c in head.children)
