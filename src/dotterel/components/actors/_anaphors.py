"""Finding the anaphors coreference resolves: pronouns, definite descriptions ("the
insurgents", "the 49-year-old billionaire") and short names ("the Times"), each with
what the parse says about it (grammatical role, source or not, quoted or not, the
clause subject it cannot be). The rules that resolve them live in
:mod:`dotterel.components.coref`."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Sequence
from typing import Any

from spacy import symbols
from spacy.attrs import POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dotterel.components._dateline import opening_dateline
from dotterel.components._syntax import NOUN_POS
from dotterel.components.actors._state import DocState, RawMention
from dotterel.components.coref import (
    PRONOUN_TAGS,
    SHORT_NAME_KINDS,
    Anaphor,
    Antecedent,
    CorefRules,
    grammatical_role,
    is_speaker,
)
from dotterel.dictionaries.actor_lexicon import ActorLexicon
from dotterel.extensions import article_of
from dotterel.outlets import normalise_source

LOGGER = logging.getLogger(__name__)

#: The pronoun tags and noun parts of speech as the ids ``Doc.to_array`` gives.
_PRONOUN_TAG_IDS = frozenset(get_string_id(tag) for tag in PRONOUN_TAGS)
_NOUN_POS_IDS = frozenset(symbols.IDS[pos] for pos in NOUN_POS)


def find_anaphors(
    doc: Doc,
    antecedents: Sequence[Antecedent],
    *,
    toks: Sequence[Token] | None = None,
    blocked: bytes,
    in_quote: bytearray,
    sent_of: Callable[[int], int],
    descriptions: Any,
    rules: CorefRules,
    narrative_of: Callable[[int], int] | None = None,
    controlled_of: Callable[[Token], tuple[int, int] | None] | None = None,
) -> list[Anaphor]:
    """Pronouns, definite descriptions and short names that may refer to an actor.

    Args:
        doc: the parsed document.
        toks: its tokens, if the caller already made them (each ``for t in doc`` makes
            new Token objects).
        antecedents: the mentions already tied to actors (for "They [Iran]").
        blocked: per token, 1 when it already belongs to a mention or a skipped line.
        in_quote: per token, 1 inside a quotation.
        sent_of: token index -> sentence index.
        narrative_of: token index -> index among the sentences not wholly quoted
            (``actors._discourse.narrative_index``); without it every sentence counts.
        controlled_of: pronoun -> token range of a fronted clause whose understood
            subject it is (see :attr:`Anaphor.controlled`), or ``None``.
        descriptions: the trie of ``descriptions.tsv`` phrases, stored head-first.
        rules: the pronoun table.
    """
    by_start = {a.start: a for a in antecedents}
    if toks is None:
        toks = list(doc)
    out: list[Anaphor] = []
    # filter on the token array: only pronouns and nouns can be anaphors, and reading a
    # Token's tag and part of speech for every token is most of this step's cost
    for i, (tag_id, pos_id) in enumerate(doc.to_array([TAG, POS]).tolist()):
        if blocked[i] or (tag_id not in _PRONOUN_TAG_IDS and pos_id not in _NOUN_POS_IDS):
            continue
        t = toks[i]
        low = t.lower_
        if t.tag_ in PRONOUN_TAGS and low in rules.pronouns:
            if t.dep_ == "expl":
                continue
            if low == "it" and (t.dep_ not in ("nsubj", "nsubjpass") or t.head.lemma_ == "be"):
                continue  # "it" as object or with "be" ("It is unclear") is rarely an actor
            rule = rules.pronouns[low]
            speaker = not in_quote[i] and is_speaker(t, rules.reporting_verbs)
            forced = by_start.get(i + 2) if i + 2 < len(doc) and doc[i + 1].text == "[" else None
            out.append(
                Anaphor(
                    start=i,
                    end=i + 1,
                    sent=sent_of(i),
                    type="pronoun",
                    kinds=rule.kinds,
                    number=rule.number,
                    role=grammatical_role(t),
                    in_quote=bool(in_quote[i]),
                    speaker=speaker,
                    outlet_speaker=speaker and is_speaker(t, rules.outlet_verbs),
                    plural=rule.number == "pl",
                    forced=forced,
                    rule=f"pronoun '{low}'",
                    possessive=t.tag_ == "PRP$",
                    gender=rule.gender,
                    narrative=narrative_of(i) if narrative_of else -1,
                    controlled=controlled_of(t) if controlled_of else None,
                    co_subject=co_subject(t),
                )
            )
            continue
        if t.pos_ not in NOUN_POS or (t.dep_ == "compound" and t.head.pos_ in NOUN_POS):
            continue
        det = next((c for c in t.children if c.dep_ == "det" and c.lower_ == "the"), None)
        if det is None or det.i > i or any(blocked[k] for k in range(det.i, i + 1)):
            continue
        node = descriptions.root
        found = None
        j = i
        while j > det.i:
            node = node.get(toks[j].lower_)
            if node is None:
                break
            if None in node:
                found = node[None][0]
            j -= 1
        common: dict[str, Any] = dict(
            start=det.i,
            end=i + 1,
            sent=sent_of(i),
            role=grammatical_role(t),
            in_quote=bool(in_quote[i]),
            plural=t.tag_ in ("NNS", "NNPS"),
            speaker=is_speaker(t, rules.reporting_verbs),
            outlet_speaker=is_speaker(t, rules.outlet_verbs),
            co_subject=co_subject(t),
        )
        body = rules.body_nouns.get(t.lemma_.lower()) if t.pos_ == "NOUN" else None
        if body is not None and det.i == i - 1 and t.tag_ == "NN":
            # "the committee", "the agency": the body named before with that head noun,
            # else (for a noun descriptions.tsv lists too) the description's rule
            out.append(
                Anaphor(
                    type="body",
                    kinds=found.kinds if found is not None else SHORT_NAME_KINDS,
                    countries=found.countries if found is not None else (),
                    add_role=found.role if found is not None else None,
                    words=body,
                    described=found is not None,
                    rule=f"body 'the {t.lower_}'",
                    **common,
                )
            )
        elif found is not None:
            out.append(
                Anaphor(
                    type="description",
                    kinds=found.kinds,
                    countries=found.countries,
                    add_role=found.role,
                    rule=found.evidence,
                    **common,
                )
            )
        elif t.pos_ == "PROPN" and all(doc[k].pos_ == "PROPN" for k in range(det.i + 1, i + 1)):
            out.append(
                Anaphor(
                    type="name",
                    kinds=SHORT_NAME_KINDS,
                    words=tuple(w.lower_ for w in toks[det.i + 1 : i + 1]),
                    rule=f"short name 'the {t.text}'",
                    **common,
                )
            )
    return out


def filing_agencies(st: DocState) -> set[str]:
    """Comparable names of who files the story: the opening dateline's wire agency
    ("KABUL (Reuters) -": Reuters) and the article's outlet."""
    names = set()
    outlet = article_of(st.doc).outlet
    if outlet:
        names.add(normalise_source(outlet))
    dateline = opening_dateline(st.doc)
    if dateline is not None and dateline.agency:
        names.add(normalise_source(dateline.agency))
    names.discard("")
    return names


def left_to_body_rule(st: DocState, head: Token, lexicon: ActorLexicon, rules: CorefRules) -> bool:
    """Whether "the <noun>" is for the body-noun rule (``body_nouns``), not for the
    title descriptions of ``_anaphora``: a singular body noun right after "the" when a
    body holding the word was named before ("the committee" after "the House Oversight
    Committee") or its description row prefers countries ("the administration")."""
    words = rules.body_nouns.get(head.lemma_.lower())
    if words is None or head.tag_ != "NN" or head.i == 0 or st.words[head.i - 1] != "the":
        return False
    node = lexicon.descriptions.root.get(head.lower_)
    if node is not None and None in node and node[None][0].countries:
        return True
    return any(
        not mention_words(st, m, rules).isdisjoint(words) for m in st.mentions if m.start < head.i
    )


def mention_words(st: DocState, m: RawMention, rules: CorefRules) -> frozenset[str]:
    """The words of a mention, and the unit noun that goes on with its name: "the *House
    of Representatives* Committee on Science" names a committee by its chamber (the
    mention covers the chamber), so "the committee" later is that mention's actor. The
    unit noun is a capitalised body noun (``body_nouns``) right after the mention."""
    words = {t.lower_ for t in st.toks[m.start : m.end]}
    if m.end < len(st.toks):
        after = st.toks[m.end]
        if after.text[:1].isupper() and after.lower_ in rules.body_nouns:
            words.add(after.lower_)
    return frozenset(words)


def same_noun_mention(
    st: DocState, head: Token, ordered: Sequence[RawMention], starts: Sequence[int], window: int
) -> RawMention | None:
    """ "Police shot an armed man ... the officer who shot the man": a description is
    first the actor last named by a phrase with the same head noun (within ``window``
    sentences), before any person named in between ("Mayor X said the man ...")."""
    lemma, sent = head.lemma_.lower(), st.sent_of(head.i)
    for k in range(bisect.bisect_left(starts, head.i) - 1, -1, -1):
        m = ordered[k]
        if sent - st.sent_of(m.start) > window:
            break
        if m.method == "coreference" or st.specs[m.key].kind == "person":
            continue
        if m.end <= head.i and st.toks[m.end - 1].lemma_.lower() == lemma:
            return m
    return None


#: Object dependencies of a pronoun inside its own clause.
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})


def co_subject(pron: Token) -> tuple[int, int] | None:
    """The co-argument of a pronoun or description in its own clause, as a token range:
    for an object, the clause's subject ("him" in "X praised him" or "X said he would
    campaign with him" is not X: that would be "himself"; binding principle B); for a
    subject pronoun, the clause's direct object ("It accused the FDIC of ..." is not
    the FDIC: that would be "itself"). Possessives ("X praised his aides") are free."""
    if pron.tag_ == "PRP" and pron.dep_ == "nsubj":
        for child in pron.head.children:
            if child.dep_ == "dobj" and child.i > pron.i:
                return (child.left_edge.i, child.i)  # the object's phrase, not its clauses
        return None
    if pron.tag_ not in ("PRP", "NN", "NNS", "NNP", "NNPS") or pron.dep_ not in _OBJECT_DEPS:
        return None
    verb = pron.head
    if pron.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < pron.i:
                return (child.left_edge.i, child.right_edge.i)
        if verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return None
        # a verb that shares its subject ("X met Y and *thanked him*", "X wants to
        # thank him"): the subject of the verb it hangs on is the clause's subject
        verb = verb.head
    return None
