"""The valence lexicon of :mod:`._disapproval`: VADER's word valences and its rules.

Word valence (-4..+4) comes from the VADER lexicon (``vader_lexicon.txt`` of the pinned
``vaderSentiment`` package, MIT; read once with :mod:`importlib.resources`, no network)
plus a small supplement of political evaluation words VADER lacks; the word lists and
the threshold are ``data/events/disapproval.json``, whose header gives provenance and
why the threshold is what it is. :func:`word_valence` applies VADER's negation and
intensifier rules in a short form: "not fit" is negative, "not bad" is not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from spacy.strings import get_string_id
from spacy.tokens import Token

DISAPPROVAL_PATH = Path(__file__).parent.parent / "data" / "events" / "disapproval.json"
#: dependencies of a predicate word on its verb ("is *fit*", "called it *punitive*")
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp", "ccomp"})


@dataclass(frozen=True)
class DisapprovalRules:
    """The valence lexicon and the word lists of ``disapproval.json``."""

    valence: Mapping[str, float]
    #: string hashes of the valence words: the per-token prefilter on the token array
    ids: frozenset[int]
    threshold: float
    negation_scalar: float
    booster_step: float
    negators: frozenset[str]
    boosters: frozenset[str]
    dampeners: frozenset[str]
    call_verbs: frozenset[str]
    experiencer_preps: frozenset[str]
    first_person: frozenset[str]
    anaphors: frozenset[str]
    experiencers: frozenset[str]
    demonstratives: frozenset[str]
    suffering: frozenset[str]
    acts: frozenset[str]
    suppositions: frozenset[str]

    @classmethod
    def load(cls, path: str | Path = DISAPPROVAL_PATH) -> DisapprovalRules:
        """Read the rules file and merge its supplement into the VADER lexicon."""
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        valence = dict(vader_lexicon())
        valence.update({k.lower(): float(v) for k, v in raw.get("supplement", {}).items()})

        def words(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in raw.get(key, []))

        return cls(
            valence=valence,
            ids=frozenset(get_string_id(w) for w in valence),
            threshold=float(raw["threshold"]),
            negation_scalar=float(raw["negation_scalar"]),
            booster_step=float(raw["booster_step"]),
            negators=words("negators"),
            boosters=words("boosters"),
            dampeners=words("dampeners"),
            call_verbs=words("call_verbs"),
            experiencer_preps=words("experiencer_preps"),
            first_person=words("first_person"),
            anaphors=words("anaphors"),
            experiencers=words("experiencers"),
            demonstratives=words("demonstratives"),
            suffering=words("suffering"),
            acts=words("acts"),
            suppositions=words("suppositions"),
        )


@lru_cache(maxsize=1)
def vader_lexicon() -> Mapping[str, float]:
    """VADER's word valences (mean rating, -4..+4), read once from the installed package."""
    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out


@lru_cache(maxsize=1)
def default_disapproval() -> DisapprovalRules:
    """The shipped rules, loaded once per process."""
    return DisapprovalRules.load()


def word_valence(tok: Token, base: float, rules: DisapprovalRules) -> float:
    """VADER-style valence of ``tok``: intensified by a booster, flipped by a negator.

    A negator counts on the word, on the verb a predicate word hangs from ("is *not*
    fit"), or among the three words before it (VADER's window).
    """
    value = base
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ in rules.boosters:
            value += rules.booster_step if value > 0 else -rules.booster_step
        elif c.dep_ == "advmod" and c.lower_ in rules.dampeners:
            value -= rules.booster_step if value > 0 else -rules.booster_step
    near = [c for c in tok.children if c.dep_ == "neg"]
    if tok.dep_ in PREDICATE_DEPS:
        near += [c for c in tok.head.children if c.dep_ == "neg"]
    doc = tok.doc
    for j in range(tok.i - 1, max(-1, tok.i - 4), -1):
        if doc[j + 1].is_sent_start:
            break  # VADER's window stops at the sentence
        near.append(doc[j])
    # "isn’t": typographic apostrophes are common in news text
    if {t.lower_.replace("\u2019", "'") for t in near} & rules.negators:
        value *= rules.negation_scalar
    return value


__all__ = [
    "DISAPPROVAL_PATH",
    "PREDICATE_DEPS",
    "DisapprovalRules",
    "default_disapproval",
    "vader_lexicon",
    "word_valence",
]
