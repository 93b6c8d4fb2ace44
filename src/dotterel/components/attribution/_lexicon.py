"""The attribution word lists: cue verbs, nouns and phrases, hedges, anonymity,
denial and confirmation words, read once per process from ``data/attribution``.

Owns :class:`CueLexicon` and :func:`load_lexicon`; the lists themselves live in
``components/data/attribution/cues.json`` and ``status.json`` (data, not code).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LOGGER = logging.getLogger(__name__)

#: ``components/data/attribution``: the package data stays beside the components.
DATA_DIR = Path(__file__).parent.parent / "data" / "attribution"


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The word lists of ``data/attribution``, loaded once per process."""

    speech: frozenset[str]
    cognition: frozenset[str]
    stance: frozenset[str]
    recipient_first: frozenset[str]
    reporting: frozenset[str]
    particles: dict[str, frozenset[str]]
    phrases: tuple[tuple[str, ...], ...]
    media_nouns: frozenset[str]
    nouns: frozenset[str]
    noun_content_preps: frozenset[str]
    source_clause_verbs: frozenset[str]
    colon_labels: frozenset[str]
    generic_audiences: frozenset[str]
    hedge_adverbs: frozenset[str]
    modal_adverbs: frozenset[str]
    hedge_raising: frozenset[str]
    hedge_passives: frozenset[str]
    anonymity: re.Pattern[str]
    anonymous_heads: frozenset[str]
    denial: frozenset[str]
    confirmation: frozenset[str]
    #: CAMEO code prefixes of the verbal acts an outlet that is a political actor
    #: performs in its own voice (``dotterel_provenance``)
    outlet_voice_cameo: tuple[str, ...]
    #: A sentence end: ``.``, ``!`` or ``?`` before a space, not after a title
    #: abbreviation ("Mr. Kamp said") or an initial ("J. Smith").
    sentence_end: re.Pattern[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.speech | self.cognition | self.stance


def read_json(name: str) -> dict:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def load_lexicon() -> CueLexicon:
    """Read the cue, hedge, anonymity and denial lists (cached: they never change)."""
    cues = read_json("cues.json")
    status = read_json("status.json")
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    return CueLexicon(
        speech=low(cues["speech"]),
        cognition=low(cues["cognition"]),
        stance=low(cues["stance"]),
        recipient_first=low(cues["recipient_first"]),
        reporting=low(cues["reporting"]),
        particles={k: low(v) for k, v in cues["particles"].items()},
        phrases=tuple(tuple(p.lower().split()) for p in cues["phrases"]),
        media_nouns=low(cues["media_nouns"]),
        nouns=low(cues["nouns"]),
        noun_content_preps=low(cues["noun_content_preps"]),
        source_clause_verbs=low(cues["source_clause_verbs"]),
        colon_labels=low(cues["colon_labels"]),
        generic_audiences=low(cues["generic_audiences"]),
        hedge_adverbs=low(status["hedge_adverbs"]),
        modal_adverbs=low(status["modal_adverbs"]),
        hedge_raising=low(status["hedge_raising"]),
        hedge_passives=low(status["hedge_passives"]),
        anonymity=re.compile("|".join(f"(?:{p})" for p in status["anonymity_patterns"]), re.I),
        anonymous_heads=low(status["anonymous_heads"]),
        denial=low(status["denial"]),
        confirmation=low(status["confirmation"]),
        outlet_voice_cameo=tuple(status["outlet_voice_cameo"]),
        sentence_end=sentence_end_re(cues["abbreviations"]),
    )


def sentence_end_re(abbreviations: list[str]) -> re.Pattern[str]:
    """``[.!?]`` before a space, unless the period closes an abbreviation or initial.

    Fixed-width look-behinds, one per abbreviation: compiled once per process.
    """
    behind = "".join(f"(?<!\\b{re.escape(a)})" for a in abbreviations)
    return re.compile(rf"(?:[!?]|{behind}(?<!\b[A-Z])\.)(?=\s|$)")
