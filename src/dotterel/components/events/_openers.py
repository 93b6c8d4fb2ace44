"""A subject's name swallowed by an opening phrase with no comma after it.

"During the primary Clinton came out against the pact", "In the interview Warren said
...": without the comma the parser reads the name as the head of the opening phrase's
noun ("the primary Clinton", a ``pobj``), and the verb has no subject. A personal name
does not take a determiner and a common modifier of its own ("the" + "primary"), so such
a name in the phrase that opens the verb's clause is the verb's subject
(:func:`swallowed_subject`, asked by ``_arguments.subject_heads``).
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS

#: Dependents of a name that make its phrase a common noun phrase ("the primary").
_COMMON_MODIFIERS = frozenset({"amod", "compound"})


def swallowed_subject(verb: Token) -> Token | None:
    """The personal name an opening phrase of subject-less ``verb`` took as its noun."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    opener = next((c for c in verb.children if c.dep_ == "prep"), None)
    if opener is None or opener.i > verb.i or opener.i != verb.sent.start:
        return None  # only the phrase that opens the sentence
    for name in opener.children:
        if name.dep_ != "pobj" or name.ent_type_ != "PERSON":
            continue  # a person's name (the tagger may call it a common noun)
        kids = [c for c in name.children if c.i < name.i]
        if any(c.dep_ == "det" for c in kids) and any(
            c.dep_ in _COMMON_MODIFIERS and c.pos_ in ("NOUN", "ADJ") for c in kids
        ):
            return name
    return None


__all__ = ["swallowed_subject"]
