"""After step 4 (persons), a plural title before coordinated names: "Defence Ministers
A and B", "the foreign ministers A and B", "Vietnamese and Russian Defence Ministers A
and B" -> each name is a person holding the title, of their own country, as the
singular title ("Defence Minister A") already codes one name.

Pattern: news introduces two office holders who meet, talk or sign with one plural title
and a coordination of their names. Each name's country is, in order: the person named so
far (a leader or earlier title holder keeps their code); the nationality words before
the title, one per name in order ("Vietnamese and Russian ... A and B"), or one for all;
a country after the name ("A of Vietnam and B of Russia"); ``leaders.tsv``; else the
article's setting (the host of the talks a local story reports). The small NER model
often tags no person in such a run of capitalised words ("Defence Ministers Ngo Xuan
Lich"), so the names are read off the parse: the title's proper-noun head (or
apposition) and its conjuncts, each with its compound proper nouns.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components.actors._agents import agent_at
from dotterel.components.actors._codes import combine, split_roles
from dotterel.components.actors._persons import SETTING_PERSON_RULE, leader
from dotterel.components.actors._state import ActorKey, ActorSpec, DocState, RawMention
from dotterel.dictionaries import ActorLexicon, AgentRole

LOGGER = logging.getLogger(__name__)

#: Evidence line of a name coded through a plural title.
PLURAL_TITLE_RULE = "plural title before coordinated names: each name holds it"
#: Name categories that give a title its country ("Vietnamese", "Vietnam").
_COUNTRY_CATEGORIES = frozenset({"country", "demonym", "people"})


def first_name(tok: Token) -> Token | None:
    """The last word of the first name a plural title stands before: its proper-noun
    head ("Defence Ministers X Y") or its proper-noun apposition ("the ministers X Y")."""
    if tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        name = tok.head
        # the parse may hang the title on a given name ("Ministers" -> "Tran" -> "Binh")
        while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
            name = name.head
        return name
    for child in tok.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return None


def name_span(st: DocState, last: Token, floor: int) -> tuple[int, int] | None:
    """Tokens of the name ending at ``last``: it and the capitalised proper nouns that
    compound it, none before ``floor``, none listed as a place or group name of the
    tables (a country is no given name)."""
    lo = last.i
    while (
        lo - 1 >= floor
        and st.toks[lo - 1].dep_ == "compound"
        and lo <= st.toks[lo - 1].head.i <= last.i
        and st.pos[lo - 1] == "PROPN"
    ):
        lo -= 1
    for k in range(lo, last.i + 1):
        tok = st.toks[k]
        if st.skip[k] or not tok.text[:1].isupper():
            return None
        m = st.match_at[k]
        if m is not None and m.entry.category in _COUNTRY_CATEGORIES | {"group", "capital"}:
            return None
    return lo, last.i + 1


def title_countries(st: DocState, lo: int, hi: int) -> list[tuple[str, str]]:
    """The distinct countries named by words ``lo:hi`` before a title, in text order."""
    out: list[tuple[str, str]] = []
    for k in range(lo, hi):
        m = st.match_at[k]
        if m is None or m.start != k or m.entry.category not in _COUNTRY_CATEGORIES:
            continue
        if m.entry.country and all(c != m.entry.country for c, _ in out):
            out.append((m.entry.country, m.entry.evidence))
    return out


def country_after(st: DocState, last: Token) -> tuple[str, str] | None:
    """ "X of Vietnam": the country an "of" phrase after the name names."""
    for prep in last.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            m = st.match_at[pobj.i]
            if (
                pobj.dep_ == "pobj"
                and m is not None
                and m.entry.category in _COUNTRY_CATEGORIES
                and m.entry.country
            ):
                return m.entry.country, m.entry.evidence
    return None


def holder_spec(
    st: DocState,
    name: str,
    agent: AgentRole,
    country: tuple[str, str] | None,
    lexicon: ActorLexicon,
    setting: bool,
) -> ActorSpec:
    """The spec of one title holder: the title's roles in the country found, else a
    listed leader, else (``setting``) the article's setting, else the roles without a
    country."""
    rule = PLURAL_TITLE_RULE
    if country is None:
        known = leader(name, lexicon)
        if known is not None:
            return known
        if st.setting is not None and setting:
            country, rule = st.setting, f"{PLURAL_TITLE_RULE}; country of the article's setting"
    if country is None:
        return ActorSpec(None, None, [agent.roles], "person", name, "rule", [agent.evidence, rule])
    code = combine(country[0], agent)
    evidence = [country[1], agent.evidence, rule]
    return ActorSpec(
        code, country[0], split_roles(code, country[0]), "person", name, "rule", evidence
    )


def weakly_coded(spec: ActorSpec) -> bool:
    """Whether the persons step knew no title for a person: coded from the article's
    setting only, or not at all."""
    return spec.code is None or SETTING_PERSON_RULE in spec.evidence


def code_plural_titles(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """One person per name after a plural title, each with the title's roles. Runs after
    the persons step: a person it coded through a title, an apposition or a listed name
    keeps that code; one it knew no title for takes the plural title."""
    tags = st.tags
    by_start: dict[int, RawMention] | None = None
    words = st.words
    for i, tag in enumerate(tags):
        if tag not in ("NNS", "NNP", "NNPS") or not words[i].endswith("s"):
            continue
        if st.skip[i] or st.consumed[i] or st.match_at[i] is not None:
            continue
        tok = st.toks[i]
        first = first_name(tok)
        if first is None:
            continue
        names = [first, *(c for c in first.conjuncts if c.pos_ == "PROPN" and c.i > first.i)]
        if len(names) < 2:
            continue
        found = agent_at(st, tok, lexicon, floor, plural_title=True)
        if found is None:
            continue
        agent_start, agent = found
        spans = [name_span(st, n, i + 1) for n in names]
        if any(s is None for s in spans):
            continue
        if by_start is None:
            by_start = {m.start: m for m in st.mentions if m.kind == "person"}
        countries = title_countries(st, tok.left_edge.i, agent_start)
        holders: list[tuple[Token, int, int, ActorKey | None, tuple[str, str] | None]] = []
        for k, (name_tok, span) in enumerate(zip(names, spans, strict=True)):
            assert span is not None
            lo, hi = span
            taken = by_start.get(lo)
            if taken is None and any(st.consumed[j] for j in range(lo, hi)):
                continue  # part of another actor's mention
            if taken is not None and taken.end < hi:
                # the NER tagged only the given name ("Tomas" of "Tomas Quispe Rojas")
                taken.end = hi
                for j in range(lo, hi):
                    st.consumed[j] = 1
            key = taken.key if taken is not None else st.people.get(st.doc[lo:hi].text)
            if key is not None and not weakly_coded(st.specs[key]):
                # a person coded through their own title or a listed name, named before
                if taken is None:
                    add_person(st, lo, hi, key)
                continue
            if len(countries) == len(names):
                country: tuple[str, str] | None = countries[k]
            else:
                country = country_after(st, name_tok) or (
                    countries[0] if len(countries) == 1 else None
                )
            holders.append((name_tok, lo, hi, key, country))
        # one office in several names: different states, so the article's setting can be
        # the country of one name only, the one the text leaves without any
        unplaced = sum(
            1
            for _, lo, hi, _, country in holders
            if country is None and leader(st.doc[lo:hi].text, lexicon) is None
        )
        for name_tok, lo, hi, key, country in holders:
            text = st.doc[lo:hi].text
            spec = holder_spec(st, text, agent, country, lexicon, unplaced == 1)
            if key is not None:
                st.specs[key] = spec  # the title says more than the setting did
                continue
            key = ("person", text)
            st.specs.setdefault(key, spec)
            st.people[text] = key
            st.people.setdefault(text.split()[-1], key)
            add_person(
                st, agent_start if name_tok is first and first.dep_ != "appos" else lo, hi, key
            )


def add_person(st: DocState, start: int, end: int, key: ActorKey) -> None:
    """A mention of the person ``key`` over tokens ``start:end``, taken."""
    st.mentions.append(RawMention(start, end, key, "PERSON", "rule", "person"))
    for j in range(start, end):
        st.consumed[j] = 1


__all__ = ["PLURAL_TITLE_RULE", "code_plural_titles"]
