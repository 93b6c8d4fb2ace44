"""Build-time filters on the Phoenix actor entries: phrases that would code running text
wrongly are dropped before compiling (general rules, one function each, each counted in
``PROVENANCE.md``).

* :func:`no_letters`: a phrase of digits and punctuation only ("380") is not a name.
* :func:`too_short`: a phrase of fewer than 3 letters ("un", "ap") is an abbreviation
  that lower-case matching would find in ordinary words; the built-in tables carry the
  real ones with exact case rules.
* :func:`single_word_person`: one word of a person's name ("abdullah", "park") names
  many people; the full name stays, and the article links the short form to it
  (the actors component's person step).
* :func:`null_coded`: entries whose only codes are ``---`` say "known, not an actor";
  the shipped base fills gaps only, so they add nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from dotterel.dictionaries import ActorEntry, is_null_code


def no_letters(phrase: str, entry: ActorEntry) -> bool:
    return not any(c.isalpha() for c in phrase)


def too_short(phrase: str, entry: ActorEntry) -> bool:
    return sum(c.isalpha() for c in phrase) < 3


def is_person(entry: ActorEntry) -> bool:
    """Phoenix lists office holders with dated codes ("[USAGOV 20090120-20170120]"):
    an entry whose codes are all dated is a person's career."""
    return bool(entry.codes) and all(dc.restricted for dc in entry.codes)


def single_word_person(phrase: str, entry: ActorEntry) -> bool:
    return " " not in phrase and is_person(entry)


def null_coded(phrase: str, entry: ActorEntry) -> bool:
    return all(is_null_code(dc.code) for dc in entry.codes)


#: The filters in the order they are tried (a dropped phrase is counted once, first rule).
PHRASE_FILTERS: tuple[tuple[str, Callable[[str, ActorEntry], bool]], ...] = (
    ("null-coded entry", null_coded),
    ("no letters (digits/punctuation only)", no_letters),
    ("fewer than 3 letters", too_short),
    ("single word of a person's name", single_word_person),
)


def filter_actors(entries: list[ActorEntry]) -> tuple[list[ActorEntry], Counter[str]]:
    """The entries with the filtered phrases removed (an entry left without phrases is
    dropped), and how many phrases each rule dropped (``entries dropped`` too)."""
    kept: list[ActorEntry] = []
    counts: Counter[str] = Counter()
    for entry in entries:
        phrases = []
        for phrase in entry.phrases:
            rule = next((name for name, test in PHRASE_FILTERS if test(phrase, entry)), None)
            if rule is None:
                phrases.append(phrase)
            else:
                counts[rule] += 1
        if phrases:
            entry.phrases = phrases
            kept.append(entry)
        else:
            counts["entries left without a phrase"] += 1
    return kept, counts


__all__ = [
    "PHRASE_FILTERS",
    "filter_actors",
    "is_person",
    "no_letters",
    "null_coded",
    "single_word_person",
    "too_short",
]
