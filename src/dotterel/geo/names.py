"""Name normalisation shared by the gazetteer build and the lookup.

Both sides must fold names the same way, or a toponym written "Côte d'Ivoire" in an
article would miss the entry built from "Cote d'Ivoire". Folding is deliberately blunt
(accents, case, dots, hyphens, apostrophes) because a lookup key only needs to be equal
for spellings a reader would take as the same name.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_DROP = re.compile(r"[.\u00b7]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015'\u2018\u2019`,/]+")
_STRIP = '"()[]{}:;!?'


# cached: the places component folds the same few hundred names once per mention and
# per lookup (a pure function of the string, so a cache changes no result)
@functools.lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """The lookup key of a place name: no accents, lower case, single spaces.

    ``"U.S."`` -> ``"us"``, ``"Côte d'Ivoire"`` -> ``"cote d ivoire"``,
    ``"the Netherlands"`` -> ``"netherlands"``.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _DROP.sub("", text.casefold())
    text = _SPACE.sub(" ", text).strip(_STRIP + " ")
    if text.startswith("the "):
        text = text[4:]
    return text


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (what English news writes)."""
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True


__all__ = ["is_latin", "normalize_name"]
