"""Adding a mention to the document state: its actor's identity, label and extent."""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components.actors._state import ActorKey, ActorSpec, DocState, RawMention

LOGGER = logging.getLogger(__name__)


def actor_key(code: str, spec: ActorSpec) -> ActorKey:
    """One actor per code, except named organisations that share a generic code
    (two US outlets are both ``USAMED`` but different actors)."""
    if spec.kind in ("media", "organisation", "igo", "group") and spec.method == "dictionary":
        return ("name", code, spec.name)
    if any(e.startswith("party named by its words") for e in spec.evidence):
        return ("name", code, spec.name)  # Democrats and Republicans: both USAPTY
    return ("code", code)


def add_mention(
    st: DocState,
    start: int,
    end: int,
    code_spec: tuple[str, ActorSpec],
    label: str,
    method: str,
    kind: str,
    plural: bool = False,
) -> None:
    """Record a mention of tokens ``start:end`` (its actor's spec kept if new) and mark
    the tokens consumed, so later steps do not code them again."""
    code, spec = code_spec
    key = actor_key(code, spec)
    st.specs.setdefault(key, spec)
    st.mentions.append(RawMention(start, end, key, label, method, kind, plural))
    for k in range(start, end):
        st.consumed[k] = 1


def entity_label(st: DocState, start: int, end: int, default: str) -> str:
    """The NER label of the first entity token in ``start:end``, else ``default``."""
    for t in st.doc[start:end]:
        if t.ent_type_:
            return t.ent_type_
    return default


def with_det(st: DocState, start: int, head: Token) -> int:
    """Extend a mention start over a "the" that belongs to the same phrase."""
    if start > 0:
        prev = st.doc[start - 1]
        if prev.lower_ == "the" and prev.dep_ == "det" and prev.head.i in range(start, head.i + 1):
            return start - 1
    return start


#: Dependency labels of the words before a head noun that belong to its phrase: "Moslem
#: fundamentalist demonstrators", "three lawyers", "rank-and-file union members".
PHRASE_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod"})
#: Entity labels of words that are actors or places of their own, never a modifier taken in.
_OWN_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
#: Parts of speech that show a parse error or a phrase of another kind inside the
#: modifiers ("more than every teacher", a verb read as a noun modifier): left out.
_NOT_MODIFIER_POS = frozenset({"VERB", "AUX", "ADP", "SCONJ", "DET", "PRON"})


def phrase_start(st: DocState, start: int, head: Token) -> int:
    """Extend a mention start over the head noun's own modifiers (adjectives, noun
    modifiers, numbers) so the mention is the whole noun phrase, "the" included: a
    reader (or a gold annotation) names "Moslem fundamentalist demonstrators", not
    "demonstrators". Words that are names or taken by another mention stay out."""
    lo = start
    for child in head.lefts:
        if child.dep_ in PHRASE_MODIFIERS and child.i < lo:
            lo = min(lo, child.left_edge.i)
    if lo < start and all(
        not st.consumed[k]
        and st.match_at[k] is None
        and st.toks[k].ent_type_ not in _OWN_ENTITIES
        and st.toks[k].pos_ not in _NOT_MODIFIER_POS
        for k in range(lo, start)
    ):
        start = lo
    return with_det(st, start, head)
