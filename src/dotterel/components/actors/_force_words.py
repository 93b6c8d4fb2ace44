"""When "force" is the use of violence, not an armed force.

"Security forces", "the air force" are armed bodies (MIL); "excessive force", "use
force", "the threat of force", "by force" name violence itself, which no actor is. The
words of manner and of use are in ``syntax.json`` (``manner_of_force``,
``force_use_heads``).
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel.dictionaries import ActorLexicon

__all__ = ["is_violence"]


def is_violence(force: Token, lexicon: ActorLexicon) -> bool:
    """ "force" as the use of violence: with a word of manner ("excessive force"), or as
    what is used, threatened or resorted to ("use force", "the threat of force", "by
    force"; ``force_use_heads``)."""
    if any(c.dep_ == "amod" and c.lower_ in lexicon.manner_of_force for c in force.children):
        return True
    head = force.head
    if force.dep_ == "pobj" and head.lower_ in ("of", "to", "by"):
        if head.lower_ == "by":
            return True
        head = head.head
    elif force.dep_ != "dobj":
        return False
    return head.lemma_.lower() in lexicon.force_use_heads
