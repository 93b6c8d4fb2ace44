"""Step 5b, pairs: "each country", "both sides", "the two defence ministries" stand for
the two actors of two different countries named last. One mention of each over the same
words, marked ``coreference``: the events component makes a directed act of the pair an
act of each (CAMEO codes "Each country expelled the other's diplomats" as two events) and
a mutual act one between them ("cooperation between the two ministries", "the two
countries signed a deal"). The nouns and pair words are in ``coref.json``
(``pair_nouns``, ``pair_words``).

:func:`find_pairs` runs before the agents are coded, so that a pair phrase headed by an
agent noun ("the two ministries", "both armies") is not coded as one body of the
article's setting; :func:`link_pairs` runs once the names, agents and persons it may
refer back to are coded.
"""

from __future__ import annotations

import bisect
import logging

from spacy.tokens import Token

from dotterel.components._syntax import new_paragraph, sentences
from dotterel.components.actors._anaphora import TITLE_WINDOW, add_description
from dotterel.components.actors._anaphors import co_subject
from dotterel.components.actors._state import DocState, RawMention
from dotterel.components.coref import CorefRules

LOGGER = logging.getLogger(__name__)


def is_pair(head: Token, rules: CorefRules) -> bool:
    """ "each country", "both governments", "the two countries": a pair word before the
    noun, and nothing that makes it more or other ("two dozen countries", "both other
    nations"); a bare number needs "the" ("two countries" may be any two)."""
    lefts = [c for c in head.children if c.i < head.i]
    words = {c.lower_ for c in lefts}
    if not words & rules.pair_words or "other" in words:
        return False
    if any(c.dep_ in ("nummod", "quantmod") and c.lower_ not in rules.pair_words for c in lefts):
        return False
    if any(c.lower_ in rules.pair_words and any(True for _ in c.children) for c in lefts):
        return False  # "two dozen"
    return bool(words & {"each", "both"}) or "the" in words


def find_pairs(st: DocState, rules: CorefRules) -> None:
    """Mark the heads of pair phrases (``st.pair_heads``): a noun of ``pair_nouns``
    with a pair word (:func:`is_pair`)."""
    if not rules.pair_nouns:
        return
    for head in st.toks:
        if (
            head.pos_ == "NOUN"
            and head.lemma_.lower() in rules.pair_nouns | rules.person_pair_nouns
            and not st.skip[head.i]
            and is_pair(head, rules)
        ):
            st.pair_heads.add(head.i)


def link_pairs(st: DocState, rules: CorefRules) -> None:
    """Each pair phrase (:func:`find_pairs`) stands for the two actors named last of two
    different countries, of any kind but media (an outlet reports, it is not a side),
    within :data:`TITLE_WINDOW` sentences and the phrase's paragraph (and the paragraph
    before, when the phrase opens a sentence that opens its own): one mention of
    each over the same words. Two actors of one country (a domestic "both parties")
    are not a pair: which two is not safe to guess. Unlinked when fewer than two
    countries were named."""
    if not st.pair_heads:
        return
    ordered = sorted(st.mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    sents = sentences(st.doc)
    for i in sorted(st.pair_heads):
        head = st.toks[i]
        if st.consumed[i]:
            continue
        first = sent = st.sent_of(i)
        # a pair phrase that opens its sentence ("The two ministers agreed ...") sums up
        # what came before, even over a paragraph break: wire stories give each sentence
        # its own paragraph ("talks between the two governments" does not)
        opens = head.left_edge.i == sents[sent].start
        while (
            first > 0
            and sent - first < TITLE_WINDOW
            and (
                (opens and first == sent)
                or not new_paragraph(st.doc, sents[first - 1], sents[first])
            )
        ):
            first -= 1
        lemma = head.lemma_.lower()
        pair: dict[str, RawMention] = {}
        people: dict[str, RawMention] = {}  # "both men": two persons, of any country
        bodies: dict[str, RawMention] = {}  # "both sides": two bodies, of one country too
        # the one acting on the pair is not one of it (binding: its clause's subject)
        lo, hi = co_subject(head) or (-1, -2)
        for k in range(bisect.bisect_left(starts, head.left_edge.i) - 1, -1, -1):
            m = ordered[k]
            if st.sent_of(m.start) < first or (len(pair) == 2 and len(people) == 2):
                break
            if lo <= m.start <= hi:
                continue  # "Trump criticized both candidates": he is not one of them
            spec = st.specs[m.key]
            if len(pair) < 2 and spec.kind != "media" and spec.country and spec.country not in pair:
                pair[spec.country] = m
            if len(people) < 2 and spec.kind == "person" and str(m.key) not in people:
                people[str(m.key)] = m
            if len(bodies) < 2 and spec.kind not in ("media", "person") and spec.country:
                bodies.setdefault(str(m.key), m)
        if lemma in rules.person_pair_nouns and (len(pair) < 2 or lemma not in rules.pair_nouns):
            pair = people
        elif lemma in rules.domestic_pair_nouns and len(pair) < 2:
            pair = bodies  # "the government and the rebels ... the two sides"
        if len(pair) < 2 or lemma not in rules.pair_nouns | rules.person_pair_nouns:
            continue
        sides = list(reversed(pair.values()))  # in text order
        lo, hi = add_description(st, head, [(m.key, m.kind, False) for m in sides])
        line = f"coreference: '{st.doc[lo:hi].text}': one of the two named last"
        for m in sides:
            if line not in st.specs[m.key].evidence:
                st.specs[m.key].evidence.append(line)
