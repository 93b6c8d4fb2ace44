"""Step 3, names on their own: countries, peoples, capitals and groups that no agent
phrase took, with a dictionary name's title ("Bree Prime Minister X"), an ethnic group
coded by residence, and the other actors of a compound dictionary code."""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components.actors._agents import agent_at
from dotterel.components.actors._codes import (
    combine,
    compound_parts,
    resolve_named,
    split_roles,
)
from dotterel.components.actors._mentions import (
    actor_key,
    add_mention,
    entity_label,
    with_det,
)
from dotterel.components.actors._metonymy import is_place
from dotterel.components.actors._names import sentence_country
from dotterel.components.actors._state import ActorSpec, DocState, NamedMatch, RawMention
from dotterel.dictionaries import KNOWLEDGE, ActorLexicon

LOGGER = logging.getLogger(__name__)

#: NER-like label of a name mention by its lexicon category, when spaCy gave none.
_DEFAULT_LABELS = {
    "country": "GPE",
    "capital": "GPE",
    "demonym": "NORP",
    "people": "NORP",
}


def code_bare_names(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """Names not taken by an agent phrase: countries, peoples, capitals, groups.

    Args:
        st: the document state, after steps 1 and 2.
        lexicon: the compiled actor tables.
        floor: lowest agent priority that counts (for titles of dictionary names).
    """
    doc = st.doc
    done: set[int] = set()
    for m in st.match_at:
        if m is None or id(m) in done or st.consumed[m.start]:
            continue
        done.add(id(m))
        cat = m.entry.category
        if cat == "discard":
            continue
        if cat in ("country", "capital", "people", "demonym") and is_place(st, m, lexicon):
            continue
        if cat == "demonym":
            head = doc[m.end - 1].head
            hm = st.match_at[head.i]
            if hm is not None and hm.entry.category == "group":
                continue  # "Iranian Taliban": the demonym qualifies the group
        root = doc[m.start : m.end].root
        if cat == "people" and any(c.lemma_.lower() == "ethnic" for c in root.children):
            # "ethnic Albanians in south Serbia": an ethnic group, coded (CAMEO
            # fashion) by where it lives, if the sentence says so
            ethnic_group(st, root, lexicon)
            continue
        named = resolve_named(st, m, lexicon)
        if named is None:
            continue
        if m.entry.priority == KNOWLEDGE and not named[1].roles and is_place(st, m, lexicon):
            # a town or region the knowledge base codes as its country ("in Kandahar")
            # is a place there, as built-in countries are; user files keep PETRARCH's rule
            continue
        if m.entry.priority == KNOWLEDGE and not named[1].roles and _surname(st, m):
            # "Lloyd Austin ... Austin apologized": a town the knowledge base codes as
            # its country, tagged a person and the last word of a person named before,
            # is that person (the persons step links the surname)
            continue
        if m.entry.priority == KNOWLEDGE and not named[1].roles and _inside_org(st, m):
            # "the Charlotte-Mecklenburg Police Department": a town the knowledge base
            # codes as its country, inside a longer organisation's name, is no actor of
            # its own; the organisations step names the body (COP, of the town's country)
            continue
        start = with_det(st, m.start, root)
        if cat == "user":
            start, named = titled(st, m, start, named, lexicon, floor)
        default_label = _DEFAULT_LABELS.get(cat, "ORG")
        plural = cat == "people"
        kind = "people" if plural else named[1].kind
        add_mention(
            st,
            start,
            m.end,
            named,
            entity_label(st, m.start, m.end, default_label),
            named[1].method,
            kind,
            plural,
        )
        for part in compound_parts(st, m, lexicon):
            st.mentions.append(
                RawMention(
                    start,
                    m.end,
                    actor_key(*part),
                    entity_label(st, m.start, m.end, default_label),
                    "user-dictionary",
                    part[1].kind,
                )
            )
            st.specs.setdefault(actor_key(*part), part[1])


def _inside_org(st: DocState, m: NamedMatch) -> bool:
    """Whether the match lies inside a longer ORG entity, or a FAC one (the small NER
    takes "X Police Department" for a building), that runs on before or after it."""
    toks = st.toks
    label = toks[m.start].ent_type_
    if label not in ("ORG", "FAC"):
        return False
    return toks[m.start].ent_iob_ == "I" or (
        m.end < len(toks) and toks[m.end].ent_iob_ == "I" and toks[m.end].ent_type_ == label
    )


def titled(
    st: DocState,
    m: NamedMatch,
    start: int,
    named: tuple[str, ActorSpec],
    lexicon: ActorLexicon,
    floor: int,
) -> tuple[int, tuple[str, ActorSpec]]:
    """A dictionary name after a title: "Bree Prime Minister Romendacil" -> BREGOV
    (the title's own modifiers, here "Bree", join the mention)."""
    if m.start == 0:
        return start, named
    prev = st.doc[m.start - 1]
    if prev.dep_ != "compound" or not (m.start <= prev.head.i < m.end):
        return start, named
    found = agent_at(st, prev, lexicon, floor)
    if found is None:
        return start, named
    agent_start, agent = found
    code, spec = named
    code = combine(code, agent)
    roles = split_roles(code, spec.country)
    new_spec = ActorSpec(
        code,
        spec.country,
        roles,
        lexicon.kind_of_roles(agent.roles) or spec.kind,
        spec.name,
        spec.method,
        [*spec.evidence, agent.evidence],
    )
    lo = agent_start
    while lo > 0 and st.doc[lo - 1].dep_ == "compound" and st.match_at[lo - 1] is not None:
        lo = st.match_at[lo - 1].start  # type: ignore[union-attr]
    for k in range(lo, m.start):
        st.consumed[k] = 1
    return lo, (code, new_spec)


def ethnic_group(st: DocState, head: Token, lexicon: ActorLexicon) -> None:
    """ "ethnic Albanians in Serbia" -> ``SRBCVL``: an ethnic group is coded as civilians
    of the country it lives in: the one a qualifying preposition names, else the one
    other country its sentence names, else the article's setting unless that is the
    group's own nation ("Ethnic Albanians vowed to fight on, Macedonian officials said"
    -> ``MKDCVL``). "Ethnic" says the group is a minority where it lives: never coded as
    its nation's state."""
    lo = min(t.i for t in head.subtree if t.i <= head.i)
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in lexicon.qualifier_preps:
            continue
        for pobj in child.children:
            m = st.match_at[pobj.i]
            if pobj.dep_ != "pobj" or m is None or m.entry.category != "country":
                continue
            country = m.entry.country or ""
            evidence = [m.entry.evidence, "ethnic group coded by residence"]
            add_ethnic_group(st, lo, pobj.i + 1, country, evidence, lexicon)
            return
    own = st.match_at[head.i]
    nation = own.entry.country if own is not None else None
    context = sentence_country(st, head, lexicon, besides=nation)
    rule = "ethnic group; the other country its sentence names"
    if context is None and st.setting is not None and st.setting[0] != nation:
        context, rule = st.setting, "ethnic group; country of the article's setting"
    if context is not None:
        add_ethnic_group(st, lo, head.i + 1, context[0], [context[1], rule], lexicon)


def add_ethnic_group(
    st: DocState, lo: int, hi: int, country: str, evidence: list[str], lexicon: ActorLexicon
) -> None:
    """A mention of tokens ``lo:hi``: the civilians of ``country``."""
    code = f"{country}CVL"
    name = f"{lexicon.country_names.get(country, country)} civilians"
    spec = ActorSpec(code, country, ["CVL"], "people", name, "rule", evidence)
    add_mention(st, lo, hi, (code, spec), "NOMINAL", "rule", "people", True)


def _surname(st: DocState, m: NamedMatch) -> bool:
    """A one-word name the NER tags PERSON that ends a longer PERSON entity before it."""
    if m.end - m.start != 1 or st.doc[m.start].ent_type_ != "PERSON":
        return False
    word = st.toks[m.start].text
    return any(
        e.label_ == "PERSON" and len(e) > 1 and e.end <= m.start and e[-1].text == word
        for e in st.entities()
    )
