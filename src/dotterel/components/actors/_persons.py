"""Step 4, persons: a PERSON entity is coded through its title and apposition
("Sudanese President X", "X, governor of Farah province"), then through ``leaders.tsv``
("President Mugabe"), last through its sentence's only country; a former title adds
``ELI``. A person with none of these is an actor without a code."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from dotterel.components._syntax import NOUN_POS
from dotterel.components.actors._agents import agent_at, former_role, pronoun_owned
from dotterel.components.actors._codes import combine, resolve_named, split_roles
from dotterel.components.actors._congress_labels import (
    congress_label,
    drop_labels,
    labelled_member,
)
from dotterel.components.actors._name_spans import apposed_to
from dotterel.components.actors._names import counterpart_country, sentence_country, target_country
from dotterel.components.actors._state import ActorKey, ActorSpec, DocState, RawMention
from dotterel.dictionaries import ActorLexicon, AgentRole

LOGGER = logging.getLogger(__name__)

#: Evidence line of a person's country guessed from the sentence (a weaker rule).
CONTEXT_RULE = "title; country from the sentence"
#: Evidence line of a person's country taken from the article's setting (weaker still).
SETTING_RULE = "title; country of the article's setting"
#: Evidence line of an untitled person placed in the article's setting (weakest).
SETTING_PERSON_RULE = "person without title; country of the article's setting"


def person_regions(ent: Span) -> list[list[Token]]:
    """Where a person's title can be: the words before the name, its appositions, and
    the phrase the name is itself an apposition to."""
    root = ent.root
    doc = ent.doc
    regions: list[list[Token]] = []
    left = [t for t in doc[root.left_edge.i : ent.start]]
    if left:
        regions.append(left)
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            regions.append(list(child.subtree))
    if root.dep_ == "appos":
        # "the ambassador to the UN, X": from the title on, so its country comes first
        start = min(root.head.left_edge.i, apposed_to(root).left_edge.i)
        regions.append(list(doc[start : root.head.i + 1]))
    return regions


def affiliation_regions(ent: Span, preps: frozenset[str]) -> list[list[Token]]:
    """Where a person's affiliation can be, read after the title regions: the object of
    an affiliation preposition after the name ("Jane Doe of Human Rights Watch", "X with
    the Kenyan police"; ``person_affiliation_prepositions`` in ``syntax.json``)."""
    return [
        list(child.subtree)
        for child in ent.root.children
        if child.dep_ == "prep" and child.i >= ent.end and child.lower_ in preps
    ]


#: Roles that name a side a title holder can speak or act for ("rebel spokesman").
#: Civilians (CVL) are no such side: a civilian word before a title is an adjective of
#: the office ("National Publicity Secretary", "national security adviser"), not a
#: public the office holder speaks for.
SIDE_ROLES = frozenset({"REB", "INS", "OPP", "PTY", "UAF", "NGO", "LAB", "MED", "BUS"})


#: Dependencies of a modifier that names the side a title speaks for.
_SIDE_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def speaks_for(
    st: DocState, head: Token, agent: AgentRole, lexicon: ActorLexicon, floor: int
) -> AgentRole:
    """A title modified by a non-state agent word takes that word's role: "rebel
    spokesman", "opposition leader", "union official", "the party's spokesman" speak for
    the rebels, the opposition, the union, the party, not for a government (the title
    alone says GOV)."""
    for mod in head.lefts:
        if mod.dep_ not in _SIDE_DEPS or st.match_at[mod.i] is not None:
            continue
        found = agent_at(st, mod, lexicon, floor)
        if found is not None and found[1].roles[:3] in SIDE_ROLES:
            return found[1]
    return agent


def person_code(
    st: DocState, ent: Span, lexicon: ActorLexicon, floor: int
) -> tuple[ActorSpec | None, list[str]]:
    """Code a person through title and apposition: (spec or None, evidence)."""
    agent: AgentRole | None = None
    abroad = False  # the title is of an office held in another state ("Ambassador X")
    owned = False  # the title has a possessive pronoun ("his spokesman X")
    base: tuple[str, ActorSpec] | None = None
    base_cat = ""
    subdivision: tuple[str, str] | None = None
    regions = [(r, False) for r in person_regions(ent)]
    regions += [(r, True) for r in affiliation_regions(ent, lexicon.person_affiliation_preps)]
    for region, affiliation in regions:
        # a dateline the parse hangs on the name ("WASHINGTON (Reuters) - X said") is
        # where the story was filed, never the person's office or country
        region = [t for t in region if not st.skip[t.i]]
        if agent is None:
            heads = [
                t
                for t in region
                if t.pos_ in NOUN_POS
                and not (t.dep_ == "compound" and t.head.pos_ in NOUN_POS and t.head in region)
            ]
            # the title nearest the name first (rightmost in a left region)
            if region and region[-1].i < ent.start:
                heads = list(reversed(heads))
            for h in heads:
                if st.match_at[h.i] is not None:
                    continue
                found = agent_at(st, h, lexicon, floor)
                if found:
                    agent = speaks_for(st, h, found[1], lexicon, floor)
                    abroad = h.lemma_.lower() in lexicon.posted_abroad_nouns
                    owned = pronoun_owned(h)  # "his spokesman, X"
                    break
        if base is None:
            for t in region:
                m = st.match_at[t.i]
                if m is None or m.entry.category == "discard" or _addressee(st, m.start, m.end):
                    continue
                named = resolve_named(st, m, lexicon)
                if named is not None:
                    base, base_cat = named, m.entry.category
                    if affiliation and base_cat == "capital" and named[1].country:
                        # "X of Nairobi" lives there: the country, not its government
                        base = (named[1].country, named[1])
                    break
        if base is None and subdivision is None:
            words = [t.lower_ for t in region]
            for k in range(len(words)):
                hits = lexicon.subdivisions.matches_at(words, k)
                if hits and region[k].text[:1].isupper():
                    end, countries = hits[0]
                    subdivision = (countries[0], " ".join(t.text for t in region[k:end]))
                    break
    evidence: list[str] = []
    if base is not None:
        code, spec = base
        evidence += spec.evidence
        if base_cat == "group" or spec.kind in ("igo", "media"):
            return ActorSpec(
                code,
                spec.country,
                spec.roles,
                "person",
                ent.text,
                "rule",
                [*evidence, "apposition/title: member of a named group"],
            ), evidence
        country = spec.country
        if agent is not None:
            code = combine(code, agent)
            evidence.append(agent.evidence)
        return ActorSpec(
            code,
            country,
            split_roles(code, country),
            "person",
            ent.text,
            "rule",
            [*evidence, "apposition/title"],
        ), evidence
    if subdivision is not None:
        country, place = subdivision
        code = country + (agent.roles if agent else "")
        evidence.append(f"subdivisions.tsv: {place} -> {country}")
        if agent:
            evidence.append(agent.evidence)
        return ActorSpec(
            code,
            country,
            split_roles(code, country),
            "person",
            ent.text,
            "rule",
            [*evidence, "apposition: office in a province"],
        ), evidence
    if agent is not None:
        other = counterpart_country(st, ent, lexicon)  # "his Lao counterpart": not his
        # a diplomat's sentence, and the article's setting, name the host as often as
        # the diplomat's own state: neither places one whose title states no nationality;
        # nor does the country the person acts on ("Senator X criticized Iran")
        placed = not (abroad or owned)
        besides = other or target_country(st, ent.root)
        context = sentence_country(st, ent.root, lexicon, besides=besides) if placed else None
        rule = CONTEXT_RULE
        if context is None and st.setting is not None and placed:
            # "Senator X" in a US-set story: the title's country is the setting's
            context, rule = st.setting, SETTING_RULE
        if context is not None:
            country, why = context
            code = combine(country, agent)
            return ActorSpec(
                code,
                country,
                split_roles(code, country),
                "person",
                ent.text,
                "rule",
                [why, agent.evidence, rule],
            ), evidence
        return ActorSpec(
            None,
            None,
            [agent.roles],
            "person",
            ent.text,
            "rule",
            [agent.evidence, "title without a country"],
        ), evidence
    return None, evidence


def person_former(ent: Span, lexicon: ActorLexicon) -> bool:
    """ "Ousted President X", "X, a former minister": the title is a former one."""
    root = ent.root
    titles = [t for t in ent.doc[root.left_edge.i : ent.start] if t.pos_ in NOUN_POS]
    titles += [c for c in root.children if c.dep_ == "appos"]
    return any(former_role(t, lexicon) for t in titles) or any(
        t.lower_ in lexicon.former_words for t in ent.doc[root.left_edge.i : ent.start]
    )


def leader(name: str, lexicon: ActorLexicon) -> ActorSpec | None:
    """A well-known office holder (``leaders.tsv``), by full name or listed short form."""
    words = name.split()
    for k in range(len(words)):
        found = lexicon.leaders.get(" ".join(words[k:]).lower())
        if found is not None:
            code, display, evidence = found
            if k > 0 and not display.lower().endswith(name.lower()):
                # "Keron Blair" is not Tony Blair: another given name, another person
                continue
            country = code[:3] if code[:3] in lexicon.country_names else None
            return ActorSpec(
                code,
                country,
                split_roles(code, country),
                "person",
                display,
                "dictionary",
                [evidence],
            )
    return None


def coded_people(st: DocState) -> dict[str, ActorKey]:
    """Persons an earlier step already coded by full name (a dictionary or knowledge-base
    entry, "Park Geun-hye"), by name and surname: a later bare "Park" is the same actor."""
    by_start = {m.start: m for m in st.mentions}
    # a knowledge-base name may take the title in ("Prime Minister X"): ends at the name
    by_end = {m.end: m for m in st.mentions}
    people: dict[str, ActorKey] = {}
    for ent in st.entities():
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        m = by_start.get(ent.start) or by_end.get(ent.end)
        if m is None or m.end < ent.end or m.start > ent.start:
            continue
        name = ent.text.removesuffix("'s").removesuffix("’s").strip()
        people.setdefault(name, m.key)
        people.setdefault(name.split()[-1], m.key)
        _add_first_word(st.first_words, name, m.key)
    return people


def _add_first_word(first_words: dict[str, ActorKey], name: str, key: ActorKey) -> None:
    """A later bare first word of a full name is that person too, when it is no one's
    surname (:attr:`DocState.first_words`, asked after the surnames): East Asian names
    put the family name first ("Park Geun-hye" ... "Park", "Wang Quanzhang" ... "Wang"),
    and a bare given name ("Debbie") is the one named in full before."""
    words = name.split()
    if len(words) > 1 and words[0][:1].isupper() and words[0].isalpha():
        first_words.setdefault(words[0], key)


def code_persons(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """One actor per person (a later "Mugabe" is the earlier "Robert Mugabe"), one
    mention per PERSON entity not already taken by an earlier step."""
    people = st.people
    labels: list[tuple[int, int]] = []
    people.update(coded_people(st))
    for ent in st.entities():
        if ent.label_ != "PERSON" or any(st.skip[t.i] or st.consumed[t.i] for t in ent):
            continue
        if ent.root.pos_ != "PROPN" and not (len(ent) > 1 and ent[0].pos_ == "PROPN"):
            # "Let us talk": the NER's guess, not a name; but a hyphenated given name
            # ("Park Geun-hye") may leave the tagger a common-noun last part
            continue
        if (
            lexicon.subdivisions.matches_at(st.words, ent.start)
            and lexicon.subdivisions.matches_at(st.words, ent.start)[0][0] == ent.end
        ):
            continue  # a province the NER took for a person ("Farah")
        name = ent.text.removesuffix("'s").removesuffix("’s").strip()
        last = name.split()[-1] if name.split() else name
        # a bare surname is the person named in full before; a full name with another given
        # name is someone else ("Keron Blair" after "Tony Blair")
        key: ActorKey | None = people.get(name) or (
            (people.get(last) or st.first_words.get(name)) if len(name.split()) == 1 else None
        )
        label = congress_label(st, ent.end)
        if label is not None:
            labels.append((ent.end, label[0]))
        if key is None:
            spec, _ = person_code(st, ent, lexicon, floor)
            if label is not None and (spec is None or not spec.roles):
                spec = labelled_member(name, label[1])
            former = person_former(ent, lexicon)
            known = leader(name, lexicon)
            if known is not None and (
                spec is None
                or spec.country is None
                or CONTEXT_RULE in spec.evidence
                or SETTING_RULE in spec.evidence
            ):
                spec = known
                name = known.name
            if spec is not None and spec.code and former and not spec.code.endswith("ELI"):
                spec.code += "ELI"
                spec.roles = [*spec.roles, "ELI"]
                spec.evidence.append("former office holder -> ELI")
            if spec is None and st.setting is not None:
                # a person the text gives no title or country: most people a news story
                # names belong to the country it is set in (a weak guess: low confidence)
                country, why = st.setting
                spec = ActorSpec(
                    country, country, [], "person", name, "rule", [why, SETTING_PERSON_RULE]
                )
            key = ("person", name)
            st.specs[key] = spec or ActorSpec(
                None, None, [], "person", name, "ner", ["named entity without title"]
            )
            people[name] = key
            if len(name.split()) > 1:
                people.setdefault(last, key)
                _add_first_word(st.first_words, name, key)
        st.mentions.append(
            RawMention(ent.start, ent.end, key, "PERSON", st.specs[key].method, "person")
        )
        for k in range(ent.start, ent.end):
            st.consumed[k] = 1
        person_appositions(st, ent, key)
    if labels:
        drop_labels(st, labels)
    untagged_surnames(st)
    merge_early_short_names(st)


def _addressee(st: DocState, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is what a title is directed *to* ("ambassador to
    Libya", "envoy to the United Nations", "adviser to the Kremlin"): the host or the
    one served, never the holder's own country, which "of" and modifiers name."""
    return any(
        st.toks[k].dep_ == "pobj" and st.toks[k].head.lower_ == "to" for k in range(start, end)
    )


def person_appositions(st: DocState, ent: Span, key: ActorKey) -> None:
    """An apposition after a person's name names the same person: in "X, a cyber
    security expert who studied the breaches, said", "a cyber security expert" is X, so
    its relative clause's "who" and any event of which it is the side are X's. The
    mention is the apposition's noun phrase up to its head (a relative clause or
    prepositional phrase after it is not the name), and only over words no other step
    took and over no name ("X, a Harvard professor": Harvard stays an actor of its own)."""
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end or child.pos_ not in NOUN_POS:
            continue
        if child.ent_type_ and child.ent_type_ != "PERSON":
            continue  # "X, Reuters": a name of its own, not a description of X
        lo = child.left_edge.i
        for k in range(lo, child.i):
            if st.match_at[k] is not None or st.toks[k].ent_type_ not in ("", "PERSON"):
                lo = k + 1  # "a Harvard professor": the name is an actor of its own
        if any(st.consumed[k] or st.skip[k] for k in range(lo, child.i + 1)):
            continue
        st.mentions.append(RawMention(lo, child.i + 1, key, "NOMINAL", "rule", "person"))
        for k in range(lo, child.i + 1):
            st.consumed[k] = 1


#: Entity labels under which a bare surname can still be the person named before (the
#: small NER model tags a lone surname as an organisation, a work or even a place as
#: often as a person: "Trump criticized Kasich", "Kasich" as GPE). A listed place name
#: ("Washington", "Jordan") is never taken: it has a name match.
_SURNAME_LABELS = frozenset({"", "PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "GPE", "NORP", "LOC"})
#: Labels of places: a surname so tagged after a place preposition ("in Kasich") stays one.
_PLACE_LABELS = frozenset({"GPE", "LOC"})
#: A surname that is also a month or a modal ("May" after "Theresa May") is tagged as a
#: date or parsed as a modal; it is the person where neither can stand: as a subject,
#: object or possessor ("May said", "criticised May", "May's government"), never after
#: "in", "on", "since".
_DATE_SURNAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})


def untagged_surnames(st: DocState) -> None:
    """A lone proper noun that is the surname (or, for East Asian names, the first word)
    of a person named in full before, is that person even where the NER saw no person:
    "Frances X, a researcher, said ... 'Free him,' X said", "Moi's lawyers" after "Daniel
    arap Moi". Not a listed name ("Washington"), not part of a longer name ("Moi
    University": a proper noun next to it), and only after the full name."""
    if not st.people:
        return
    first_seen: dict[ActorKey, int] = {}
    for m in st.mentions:
        if m.kind == "person":
            first_seen[m.key] = min(first_seen.get(m.key, m.start), m.start)
    toks = st.toks
    n = len(toks)
    pos = st.pos
    for i, tok in enumerate(toks):
        # "May has received ...": a sentence's first "May" may be parsed as a modal,
        # but a modal is no subject
        modal = pos[i] in ("AUX", "VERB") and tok.tag_ == "MD"
        if (pos[i] != "PROPN" and not modal) or st.consumed[i] or st.skip[i]:
            continue
        if st.match_at[i] is not None:
            continue
        dated = (tok.ent_type_ == "DATE" or modal) and tok.dep_ in _DATE_SURNAME_DEPS
        if modal and not dated:
            continue
        if (tok.ent_type_ not in _SURNAME_LABELS and not dated) or (
            tok.ent_type_ and tok.ent_iob_ != "B"
        ):
            continue
        if i + 1 < n and toks[i + 1].ent_iob_ == "I":
            continue  # the first word of a longer entity
        if (i > 0 and pos[i - 1] == "PROPN") or (i + 1 < n and pos[i + 1] == "PROPN"):
            continue
        if tok.ent_type_ in _PLACE_LABELS and tok.dep_ == "pobj":
            continue  # "a rally in Kasich": a town of the same name, not the person
        key = st.people.get(tok.text) or st.first_words.get(tok.text)
        if key is None or first_seen.get(key, n) > i:
            continue
        st.mentions.append(RawMention(i, i + 1, key, "PERSON", st.specs[key].method, "person"))
        st.consumed[i] = 1


def merge_early_short_names(st: DocState) -> None:
    """A name met before the full name it ends ("Wasserman Schultz" in a headline, then
    "Rep. Debbie Wasserman Schultz" in the lede) is that person: its mentions move to
    the full name's actor (coded with the title), when exactly one full name ends so."""
    by_last: dict[str, list[ActorKey]] = {}
    for key, spec in st.specs.items():
        if spec.kind == "person" and isinstance(key, tuple) and key[:1] == ("person",):
            words = spec.name.split()
            if words:
                by_last.setdefault(words[-1], []).append(key)
    alias: dict[ActorKey, ActorKey] = {}
    for keys in by_last.values():
        if len(keys) < 2:
            continue
        for short in keys:
            tail = st.specs[short].name.split()
            longer = [
                k
                for k in keys
                if k != short
                and st.specs[k].name.split()[-len(tail) :] == tail
                and len(st.specs[k].name.split()) > len(tail)
            ]
            if len(longer) == 1:
                alias[short] = longer[0]
    if alias:
        for m in st.mentions:
            if m.key in alias:
                m.key = alias[m.key]
        for name, key in list(st.people.items()):
            st.people[name] = alias.get(key, key)
