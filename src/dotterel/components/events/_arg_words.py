"""The argument-structure word lists (``data/events/arguments.json``) the argument passes read.

Which phrase names a side when the subject/object rule does not: the ``from`` phrase of a
passive verb of removal ("were expelled *from Canada*"), the subject of a verb that
answers an addressed act ("Canada *rejected* China's request"), the ``of`` phrase of a
partitive quantity ("hundreds *of protesters*"). Data, so that a change of wording needs
no change of code.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

ARGUMENTS_PATH = Path(__file__).parent.parent / "data" / "events" / "arguments.json"


@dataclass(frozen=True)
class ArgumentWords:
    """The contents of ``arguments.json`` as sets (lower-case lemmas)."""

    #: verbs whose passive "from" phrase names who removes ("expelled from Canada")
    removal_verbs: frozenset[str]
    #: event nouns whose "from" phrase names who removes ("expulsion ... from Japan")
    removal_nouns: frozenset[str]
    #: verbs whose subject is the addressee of the act noun they govern ("rejected X's request")
    answer_verbs: frozenset[str]
    #: the same through "to" ("responded to X's demand")
    answer_to_verbs: frozenset[str]
    #: CAMEO roots of addressed acts (appeal, offer, demand, accuse, threaten)
    addressed_roots: frozenset[str]
    #: action nouns whose possessor is the patient without an "of" object ("his arrest")
    patient_nouns: frozenset[str]
    #: partitive heads whose "of" phrase is the argument ("hundreds of protesters")
    quantity_words: frozenset[str]
    #: documents that speak for whoever issued them ("the report faulted ...")
    document_nouns: frozenset[str] = frozenset()
    #: verbs of issuing a document ("released a report", "issued a statement")
    issuing_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path = ARGUMENTS_PATH) -> ArgumentWords:
        """Read the word lists; a list missing from the file is an empty set."""
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(
            **{
                name: frozenset(str(x).lower() for x in raw.get(name, []))
                for name in cls.__dataclass_fields__
            }
        )

    def is_quantity(self, tok: Token) -> bool:
        """Whether ``tok`` is a number or a quantity word ("13", "hundreds", "some")."""
        return (
            tok.pos_ == "NUM"
            or tok.lower_ in self.quantity_words
            or (tok.lemma_.lower() in self.quantity_words)
        )


@lru_cache(maxsize=1)
def default_argument_words() -> ArgumentWords:
    """The shipped word lists, read once per process."""
    return ArgumentWords.load()
