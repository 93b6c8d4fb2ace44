"""Step 2, agent noun phrases: a phrase headed by an agent word ("officials", "deputy
prime minister") takes its country or group from its modifiers and qualifying
prepositions, else from a province, else from the one country its sentence names."""

from __future__ import annotations

import logging
from typing import Any

from spacy.tokens import Token

from dotterel.components._syntax import NOUN_POS
from dotterel.components.actors._codes import (
    combine,
    placed_agent,
    resolve_named,
    split_roles,
)
from dotterel.components.actors._force_words import is_violence
from dotterel.components.actors._institutions import name_tail, of_institution
from dotterel.components.actors._mentions import add_mention, entity_label, phrase_start, with_det
from dotterel.components.actors._names import (
    commander_country,
    counterpart_country,
    sentence_country,
    subject_country,
    target_country,
)
from dotterel.components.actors._state import (
    ActorSpec,
    DocState,
    NamedMatch,
    PersonAgent,
    RawMention,
)
from dotterel.dictionaries import USER, ActorLexicon, AgentRole

LOGGER = logging.getLogger(__name__)

#: Parts of speech of a phrase head (agent word, title, place noun).


def agent_at(
    st: DocState, head: Token, lexicon: ActorLexicon, floor: int, *, plural_title: bool = False
) -> tuple[int, AgentRole] | None:
    """Longest agent phrase ending at ``head``, walking backwards over the phrase.

    Each word may match by its form or its lemma ("leaders" or "leader"); both paths
    are followed, since a user dictionary can list a plural phrase that a built-in
    singular one shares a prefix with.

    Args:
        st: the document state.
        head: the last word of the phrase.
        lexicon: the compiled actor tables.
        floor: lowest agent priority that counts (``USER`` once a user agent file
            replaces the built-in words).
        plural_title: also try the singular of a capitalised head, whose plural the
            tagger keeps as its lemma ("Defence Ministers" before names); only where the
            caller knows it is a title ("Association of African Jurists" is no jurist).

    Returns:
        (first token of the phrase, its agent role), or None.
    """
    lo = head.left_edge.i
    best: tuple[int, AgentRole] | None = None
    stack: list[tuple[int, dict[Any, Any]]] = [(head.i, lexicon.agents.root)]
    while stack:
        j, node = stack.pop()
        if j < lo:
            continue
        tok = st.toks[j]
        # the word's own form before its lemma: a set's order would follow the hash seed
        forms = dict.fromkeys((tok.lower_, tok.lemma_.lower()))
        if j == head.i and (plural_title or (tok.is_sent_start and tok.tag_ == "NNP")):
            # a capitalised plural title keeps its plural as lemma ("Defence Ministers"),
            # and so does a plural the tagger takes for a name at a sentence's start
            # ("Rebels in Darfur attacked")
            forms.setdefault(singular(tok.lower_))
        for form in forms:
            nxt = node.get(form)
            if nxt is None:
                continue
            roles = [r for r in nxt.get(None, ()) if r.priority >= floor]
            if roles:
                role = max(roles, key=lambda r: r.priority)
                if (
                    best is None
                    or j < best[0]
                    or (j == best[0] and role.priority > best[1].priority)
                ):
                    best = (j, role)
            stack.append((j - 1, nxt))
    if best is not None and head.lemma_.lower() == "force" and is_violence(head, lexicon):
        return None  # "excessive force", "use force": the use of violence, not an army
    return best


def singular(word: str) -> str:
    """The singular of a regular English plural ("ministers", "secretaries"), else the
    word itself."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def qualifiers(st: DocState, head: Token, lexicon: ActorLexicon) -> list[Token]:
    """Tokens that qualify a head noun: modifiers and their conjuncts, else the objects
    of qualifying prepositions ("the government of Sudan"; but in "American troops in
    Afghanistan" the troops stay American)."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ in lexicon.modifier_deps and child.i < head.i:
            out.append(child)
            out.extend(child.conjuncts)
    if any(st.match_at[t.i] is not None for t in out):
        return out
    for prep in qualifier_preps(head, lexicon):
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                out.append(pobj)
                out.extend(pobj.conjuncts)
        if any(st.match_at[t.i] is not None for t in out):
            break  # "the parliament of Gondor in Eriador": the first one places it
    return out


def qualifier_preps(head: Token, lexicon: ActorLexicon) -> list[Token]:
    """Prepositions that place a head noun: its own ("rebels in Darfur") and those
    of a "based" participle ("a newspaper based in Beirut"); of a diplomatic mission only
    "of" ("the embassy of Peru", not "the embassy in Lima")."""
    preps = []
    # "the embassy in Tripoli": a mission stands in its host; only "of" says whose it is
    mission = head.lemma_.lower() in lexicon.mission_nouns
    for child in head.children:
        if mission and child.lower_ != "of":
            continue
        if child.dep_ == "prep" and child.lower_ in lexicon.qualifier_preps:
            preps.append(child)
        elif child.dep_ == "acl" and child.lemma_.lower() == "base":
            preps.extend(
                c
                for c in child.children
                if c.dep_ == "prep" and c.lower_ in lexicon.qualifier_preps
            )
    return preps


def person_qualifier(st: DocState, head: Token, lexicon: ActorLexicon) -> Token | None:
    """The name an agent phrase may belong to: one that possesses or modifies it ("Park's
    lawyers", "Trump aides") or follows an affiliation preposition ("supporters of Park",
    "lawyers for X", "aides to X"). People who work for or side with a person are of that
    person's country, whatever country the sentence or the article's setting names.

    Whether the name is a person is known only after step 4 (the small NER model often
    tags a bare surname as an organisation, or not at all), so any proper noun that is not
    a listed name or a place qualifies here; :mod:`._affiliates` decides."""
    for child in head.children:
        if child.i < head.i and child.dep_ in lexicon.modifier_deps and maybe_person(st, child):
            return child
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in lexicon.affiliation_preps:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and maybe_person(st, pobj):
                return pobj
    return None


#: Entity labels of names that are never a person.
_NOT_PERSON = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL"})


def maybe_person(st: DocState, tok: Token) -> bool:
    """A person's name, or a proper noun that may turn out to be one (not a listed name)."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and st.match_at[tok.i] is None and tok.ent_type_ not in _NOT_PERSON


def former_role(head: Token, lexicon: ActorLexicon) -> str:
    """``ELI`` when the phrase is about former office holders ("former officials")."""
    for t in head.lefts:
        if t.lower_ in lexicon.former_words or t.lemma_.lower() in lexicon.former_words:
            return "ELI"
    return ""


def code_agents(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """Noun phrases headed by an agent word, coded from what qualifies them."""
    for i, pos in enumerate(st.pos):
        if pos not in NOUN_POS or st.skip[i] or st.match_at[i] is not None:
            continue
        if i in st.name_titles:
            continue  # a title of the name after it (_name_spans), not a body
        head = st.toks[i]
        if head.dep_ == "compound" and head.head.pos_ in NOUN_POS:
            continue
        found = agent_at(st, head, lexicon, floor)
        if found is None:
            continue
        if name_tail(st, head, found[0], lexicon):
            continue  # "the Charlotte-Mecklenburg Police Department": a named body's
        agent_start, agent = found[0], police_officer(st, head, found[1], lexicon)
        seen: list[NamedMatch] = []
        for q in qualifiers(st, head, lexicon):
            m = st.match_at[q.i]
            if m is not None and m not in seen and m.entry.category != "discard":
                seen.append(m)
        if not seen:
            if untitled_holder(st, head, agent_start, agent, lexicon):
                continue  # "Minister of Foreign Affairs Karim X": the title of X
            person = person_qualifier(st, head, lexicon)
            if person is not None:
                # "Park's lawyers", "supporters of X": coded after the persons are
                st.person_agents.append(PersonAgent(head.i, agent_start, agent, person.i))
                continue
            if not agent_in_province(st, head, agent_start, agent, lexicon):
                agent_in_context(st, head, agent_start, agent, lexicon)
            continue
        owner = max((m for m in seen if m.start < head.i), key=lambda m: m.start, default=seen[0])
        plural = head.tag_ in ("NNS", "NNPS")
        for m in seen:
            named = resolve_named(st, m, lexicon)
            if named is None:
                continue
            base_code, base = named
            if m.entry.category == "capital" and base.country:
                base_code = base.country  # "Beirut newspaper": Lebanese, not government
            if m.entry.category == "group" or base.kind in ("igo", "media"):
                code_spec = named
                method = "dictionary"
            else:
                code = combine(base_code, agent) + former_role(head, lexicon)
                roles = split_roles(code, base.country)
                role_str = "".join(roles)
                name = (
                    f"{lexicon.country_names.get(base.country or '', base.name)} "
                    f"{lexicon.label_of_roles(role_str)}".strip()
                )
                kind = lexicon.kind_of_roles(agent.roles) or base.kind
                if agent.priority == USER or (
                    m.entry.category == "user" and m.entry.priority == USER
                ):
                    method = "user-dictionary"
                else:
                    method = "knowledge" if m.entry.category == "user" else "rule"
                code_spec = (
                    code,
                    ActorSpec(
                        code,
                        base.country,
                        roles,
                        kind,
                        name,
                        method,
                        [*base.evidence, agent.evidence],
                    ),
                )
            if m is owner:
                lo = min(m.start, agent_start)
                hi = max(m.end, head.i + 1)
                lo = with_det(st, lo, head)
                label = (
                    "NOMINAL"
                    if hi - lo > m.end - m.start
                    else entity_label(st, m.start, m.end, "NORP")
                )
            else:
                lo, hi = with_det(st, m.start, st.toks[m.end - 1]), m.end
                label = entity_label(st, m.start, m.end, "GPE")
            holder = untagged_holder(st, head) if m is owner else None
            if holder is not None:
                title_holder(st, lo, holder, code_spec[1])
                continue
            add_mention(
                st, lo, hi, code_spec, label, method, code_spec[1].kind, plural and m is owner
            )
        for k in range(agent_start, head.i + 1):
            st.consumed[k] = 1


def untagged_holder(st: DocState, head: Token) -> tuple[int, int] | None:
    """The name a title phrase modifies when the NER saw no person in it: in "visiting
    Russian Minister of Defence Sergey Shoyu", "Minister" modifies "Shoyu". Two or more
    capitalised words (a lone word may be a place or a body), none a listed name."""
    name = head.head
    if head.dep_ not in ("compound", "nmod") or name.i <= head.i or name.pos_ != "PROPN":
        return None
    lo = name.i
    while (
        lo - 1 > head.i
        and st.toks[lo - 1].dep_ == "compound"
        and st.toks[lo - 1].head.i == name.i
        and st.toks[lo - 1].pos_ == "PROPN"
    ):
        lo -= 1
    if lo == name.i:
        return None
    for k in range(lo, name.i + 1):
        tok = st.toks[k]
        if tok.ent_type_ or st.match_at[k] is not None or st.consumed[k] or st.skip[k]:
            return None
        if not tok.text[:1].isupper():
            return None
    return lo, name.i + 1


def untitled_holder(
    st: DocState, head: Token, agent_start: int, agent: AgentRole, lexicon: ActorLexicon
) -> bool:
    """A title that names no country before a name the NER did not tag ("Minister of
    Foreign Affairs Karim X held talks"): the name is a person of the sentence's one
    country (a counterpart's country not counted: it is another's), else of the
    article's setting; the title is the person's, not a body of its own."""
    if head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in lexicon.institution_nouns:
        return False  # "police Special Branch": a body before a name is no title
    holder = untagged_holder(st, head)
    if holder is None:
        return False
    other = counterpart_country(st, st.doc[holder[0] : holder[1]], lexicon)
    context = sentence_country(st, head, lexicon, besides=other) or st.setting
    if context is None:
        return False
    country, why = context
    _, spec = placed_agent(country, agent, [why, agent.evidence], lexicon)
    title_holder(st, phrase_start(st, min(agent_start, head.i), head), holder, spec)
    return True


def title_holder(st: DocState, lo: int, name: tuple[int, int], title: ActorSpec) -> None:
    """The person a title phrase names ("Russian Minister of Defence X" -> RUSGOV): one
    mention over title and name, and the name remembered, so that a later "X" (which the
    NER may tag) is the same person rather than a stranger placed in the article's setting."""
    text = st.doc[name[0] : name[1]].text
    key = st.people.get(text) or ("person", text)
    st.specs.setdefault(
        key,
        ActorSpec(
            title.code,
            title.country,
            list(title.roles),
            "person",
            text,
            "rule",
            [*title.evidence, "title before a name the NER did not tag"],
        ),
    )
    st.people.setdefault(text, key)
    st.people.setdefault(text.split()[-1], key)
    st.mentions.append(RawMention(lo, name[1], key, "PERSON", "rule", "person"))
    for k in range(lo, name[1]):
        st.consumed[k] = 1


def police_officer(st: DocState, head: Token, agent: AgentRole, lexicon: ActorLexicon) -> AgentRole:
    """A bare "officer" is a soldier (``agents.tsv``) unless its sentence names the
    police ("Police said officers arrested 44 people"), or the article names the police
    more often than the military (a story about a police shooting: "the officer who shot
    the man")."""
    if head.lemma_.lower() != "officer" or agent.roles != "MIL":
        return agent
    if any(t.lemma_.lower() == "police" for t in head.sent):
        evidence = f"{agent.evidence}; police in its sentence"
    elif police_story(st, lexicon):
        evidence = f"{agent.evidence}; the article names the police more than the military"
    else:
        return agent
    return AgentRole("COP", agent.prefix, evidence, agent.priority)


def police_story(st: DocState, lexicon: ActorLexicon) -> bool:
    """Whether the article's one-word agent nouns of the police (COP: "police",
    "policemen") outnumber those of the military (MIL: "troops", "soldiers", "army");
    "officer", the word in doubt, counts for neither. Counted once per article."""
    if st.police_story is None:
        root = lexicon.agents.root
        counts = {"COP": 0, "MIL": 0}
        for word in st.words:
            node = root.get(word)
            if node is None and word.endswith("s"):
                node = root.get(word[:-1])  # "troops", "soldiers": the table holds lemmas
            if node is None or word.startswith("officer"):
                continue
            roles = node.get(None)
            if roles and roles[0].roles in counts:
                counts[roles[0].roles] += 1
        st.police_story = counts["COP"] > counts["MIL"]
    return st.police_story


def pronoun_owned(head: Token) -> bool:
    """Whether a possessive pronoun owns the noun ("*its* fighters", "*his* spokesman"):
    whose it is is for coreference to find."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)


def agent_in_context(
    st: DocState,
    head: Token,
    agent_start: int,
    agent: AgentRole,
    lexicon: ActorLexicon,
    *,
    definite_ok: bool = False,
) -> None:
    """An agent with no country of its own ("demonstrators", "officials") takes the one
    country its sentence names, if it names only one: "Egyptian police dispersed the
    demonstrators" -> EGYCVL; else the article's setting (dateline place, or the country
    the article names most): "Police arrested ..." in a story from Nairobi -> KENCOP.
    Definite descriptions ("the insurgents", "the minister") are left to coreference
    unless they name a state institution (``institution_nouns`` in ``syntax.json``: "the
    police", "the court"), an agent with a possessive pronoun ("its fighters") takes the
    sentence's country only when the sentence's subject names it and never the setting
    (coreference finds its possessor), and an apposition to a person is the person's
    title."""
    if head.i in st.pair_heads:
        return  # "the two defence ministries": the two named last (_pairs), not one
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if definite and not definite_ok and not of_institution(head, lexicon):
        return
    if head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
        return
    if any(
        c.i < agent_start and c.dep_ in ("amod", "compound") and c.lower_ in lexicon.stateless_words
        for c in head.children
    ):
        return  # "world leaders", "Pacific leaders", "foreign diplomats": of no one state
    # "its fighters", "his spokesman": the possessor is an antecedent for coreference to
    # find; only the sentence's subject is taken for it, never the article's setting
    owned = pronoun_owned(head)
    context = commander_country(st, head, agent.roles, lexicon)
    rule = "agent; the state of the subject that commands it"
    if context is None:
        context = sentence_country(st, head, lexicon, besides=target_country(st, head))
        rule = "agent; country from the sentence"
        if owned and context is not None and not subject_country(st, head, context[0]):
            # "Hamas said its fighters attacked Israeli troops": not Israel's fighters;
            # "Chile recalled its envoy": the sentence's subject owns it
            return
    if context is None and st.setting is not None and not owned and not former_role(head, lexicon):
        context, rule = st.setting, "agent; country of the article's setting"
    if context is None:
        return
    country, why = context
    words = [t.text for t in st.toks[agent_start : head.i + 1]]
    code, spec = placed_agent(country, agent, [why, agent.evidence, rule], lexicon, words)
    start = phrase_start(st, min(agent_start, head.i), head)
    plural = head.tag_ in ("NNS", "NNPS")
    add_mention(st, start, head.i + 1, (code, spec), "NOMINAL", "rule", spec.kind, plural)


def agent_in_province(
    st: DocState, head: Token, agent_start: int, agent: AgentRole, lexicon: ActorLexicon
) -> bool:
    """ "the government of Sindh province", "rebels in Darfur": an agent placed by a
    province (``subdivisions.tsv``) gets the province's country."""
    words = st.words
    for child in qualifier_preps(head, lexicon):
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            lo, hi = pobj.left_edge.i, pobj.i + 1
            for k in range(lo, hi):
                hits = lexicon.subdivisions.matches_at(words, k)
                if not hits or not st.doc[k].text[:1].isupper() or hits[0][0] > hi:
                    continue
                country = hits[0][1][0]
                code, spec = placed_agent(
                    country,
                    agent,
                    [
                        f"subdivisions.tsv: {' '.join(words[k : hits[0][0]])} -> {country}",
                        agent.evidence,
                    ],
                    lexicon,
                )
                start = phrase_start(st, min(agent_start, head.i), head)
                add_mention(
                    st,
                    start,
                    hi,
                    (code, spec),
                    "NOMINAL",
                    "rule",
                    spec.kind,
                    head.tag_ in ("NNS", "NNPS"),
                )
                return True
    return False
