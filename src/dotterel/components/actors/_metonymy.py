"""Metonymy and place roles: a country or capital that acts is an actor ("Moscow
denied"), one in a place role ("in Iran", "the border with Iran", "the Iranian border")
is not, except as the host of a visit ("arrived in Amman"); nor is a capital naming a
thing ("the Kabul bombing"). Word lists: ``syntax.json``."""

from __future__ import annotations

import logging

from dotterel.components.actors._state import DocState, NamedMatch
from dotterel.dictionaries import ActorLexicon

LOGGER = logging.getLogger(__name__)


def is_place(st: DocState, m: NamedMatch, lexicon: ActorLexicon) -> bool:
    """Whether the name ``m`` (or the first conjunct it hangs from) is used as a place."""
    root = st.doc[m.start : m.end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ == "pobj":
        if head.head.lemma_.lower() in lexicon.host_words:
            return False  # "arrived in Amman": the host of a visit
        if head.lower_ in lexicon.place_preps:
            return True
        if (
            head.head.lemma_.lower() in lexicon.place_nouns
            and head.head.pos_ in ("NOUN", "PROPN")
            and head.head.i != head.i
        ):
            return True  # "the border with Iran"; not the verb "sided with Russia"
        before = st.doc[head.i - 1] if head.i > 0 else head
        if before.lemma_.lower() in lexicon.place_nouns and before.pos_ == "NOUN":
            return True  # "crossed the border with Iran", whatever the PP attaches to
    if root.dep_ == "compound" and head.pos_ == "NOUN" and m.entry.category == "capital":
        # "the Kabul bombing", "the Moscow talks": a city naming a thing (not an agent:
        # "Moscow officials" is taken as an agent phrase before this) says where
        return True
    return (
        root.dep_ in ("compound", "poss", "nmod", "amod")
        and head.lemma_.lower() in lexicon.place_nouns
    )
