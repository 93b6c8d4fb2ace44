"""Step 1, names: one longest-match pass of the name trie over the tokens, the discard
lists applied to what it found, and the one country a sentence names."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from dotterel.components.actors._codes import country_of, entry_code
from dotterel.components.actors._state import DocState, NamedMatch
from dotterel.dictionaries import KNOWLEDGE, ActorLexicon, NamedEntry

LOGGER = logging.getLogger(__name__)


def case_ok(st: DocState, start: int, end: int, entry: NamedEntry) -> bool:
    """Whether tokens ``start:end`` have the case ``entry`` asks for ("US" is not "us")."""
    toks = st.doc[start:end]
    if entry.case == "exact":
        return tuple(t.text for t in toks) == entry.surface
    if entry.case == "title":
        first = toks[0].text
        return first[:1].isupper() or not first[:1].isalpha()
    if entry.case == "some":
        return any(t.text[:1].isupper() for t in toks)
    return True


def find_names(st: DocState, lexicon: ActorLexicon) -> None:
    """Fill ``st.match_at`` with the longest name at each position (highest priority
    entry among those whose case fits)."""
    words = st.words
    n = len(words)
    i = 0
    trie = lexicon.named
    while i < n:
        # most words start no name: one dict test skips them without a trie walk
        if st.skip[i] or words[i] not in trie.root:
            i += 1
            continue
        chosen: NamedMatch | None = None
        for end, values in trie.matches_at(words, i):
            ok = [v for v in values if case_ok(st, i, end, v)]
            if ok and words[i] == "the" and cut_short(st, end):
                continue  # "the West Bank": "the West" is only the start of the name
            if ok:
                best = max(ok, key=lambda v: v.priority)
                chosen = NamedMatch(i, end, best)
                break
        if chosen is None:
            i += 1
            continue
        i = chosen.end
        if chosen.entry.priority == KNOWLEDGE and (
            inside_person(st, chosen.start, chosen.end)
            or continues_as_name(st, chosen.start, chosen.end)
            or " ".join(words[chosen.start : chosen.end]) in lexicon.leaders
        ):
            # "Ngo" in "Ngo Xuan Lich" is part of a person's name, not an NGO; a person
            # leaders.tsv lists is coded by the persons step (built-in tables outrank)
            continue
        if (
            chosen.start >= 2
            and words[chosen.start - 1] == "-"
            and words[chosen.start - 2] in lexicon.not_affiliation
        ):
            continue  # "anti-Syria journalist": not a Syrian
        for k in range(chosen.start, chosen.end):
            st.match_at[k] = chosen


def cut_short(st: DocState, end: int) -> bool:
    """Whether a capitalised word right after a name ending at ``end`` continues it (a
    name with its article, "the West", is the start of "the West Bank", "the West
    Wing", and of a demonym: "the West African bloc")."""
    return (
        end < len(st.toks) and st.toks[end].text[:1].isupper() and st.pos[end] in ("PROPN", "ADJ")
    )


def inside_person(st: DocState, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a strict part of a longer PERSON entity."""
    doc = st.doc
    if doc[start].ent_type_ != "PERSON":
        return False
    return doc[start].ent_iob_ == "I" or (
        end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON"
    )


def continues_as_name(st: DocState, start: int, end: int) -> bool:
    """A one-word match followed by more capitalised proper nouns is the start of a
    longer name ("Ngo Xuan Lich", a person, is not the knowledge base's "NGO")."""
    if end - start != 1 or end >= len(st.doc):
        return False
    nxt = st.doc[end]
    return nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.head.i != start


def apply_discards(st: DocState) -> None:
    """PETRARCH discard lists: a sentence (or, for ``+`` entries, the whole article)
    holding a discard phrase ("World Cup") is not coded."""
    for m in st.match_at:
        if m is None or m.entry.category != "discard" or st.skip[m.start]:
            continue
        if m.entry.story:
            lo, hi = 0, len(st.words)
        elif st.parsed:
            sent = st.doc[m.start].sent
            lo, hi = sent.start, sent.end
        else:
            lo, hi = m.start, m.end
        for k in range(lo, hi):
            st.skip[k] = 1
            st.match_at[k] = None


def sentence_country(
    st: DocState, token: Token, lexicon: ActorLexicon, besides: str | None = None
) -> tuple[str, str] | None:
    """The one country the token's sentence names (in any role), if only one:
    "Fijian rebels will release Prime Minister X" places the prime minister. ``besides``:
    a country not to count (an ethnic group's own nation)."""
    if not st.parsed:
        return None
    sent = token.sent
    found: dict[str, str] = {}
    for k in range(sent.start, sent.end):
        m = st.match_at[k]
        if m is None or m.start != k or m.entry.category == "discard":
            continue
        if m.entry.kind == "media" or (m.entry.code or "").endswith("MED"):
            continue  # "..., Xinhua reported": an outlet's country is not the story's
        if _names_mission(st.toks[m.end - 1], lexicon):
            continue  # "toward the Mexican Embassy": a mission stands in another state
        user = m.entry.category == "user" and m.entry.entry is not None
        if user and (entry_code(m.entry, st.when) or "").endswith("MED"):
            continue
        country = match_country(st, m, lexicon)
        if country and country != besides:
            found.setdefault(country, m.entry.evidence)
    if len(found) == 1:
        return next(iter(found.items()))
    return None


def commander_country(
    st: DocState, head: Token, roles: str, lexicon: ActorLexicon
) -> tuple[str, str] | None:
    """The state whose armed forces ``head`` are, when it is the object of a verb of
    moving or commanding them whose subject names that state: "Putin *ordered troops*
    to the Ukrainian border", "Turkey *sent soldiers* into Syria" (``force_command_verbs``
    in ``syntax.json``); only for military roles."""
    verb = head.head
    if "MIL" not in roles or head.dep_ not in ("dobj", "obj") or verb.i == head.i:
        return None
    if verb.lemma_.lower() not in lexicon.force_command_verbs:
        return None
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for k in range(subj.left_edge.i, subj.i + 1):
            m = st.match_at[k]
            if m is None or m.start != k or m.entry.category not in _STATE_CATEGORIES:
                continue
            country = match_country(st, m, lexicon)
            if country:
                return country, m.entry.evidence
        leader = lexicon.leaders.get(st.doc[subj.left_edge.i : subj.i + 1].text.lower())
        country = country_of(leader[0], lexicon) if leader is not None else None
        if leader is not None and country:
            return country, leader[2]  # "Putin ordered troops"
    return None


#: Matches that name a state or one of its people: "Russia", "Russian", "Moscow", "Putin".
_STATE_CATEGORIES = frozenset({"country", "demonym", "people", "capital", "user"})


def match_country(st: DocState, m: NamedMatch, lexicon: ActorLexicon) -> str | None:
    """The country of a matched name: its own, or a dictionary entry's on the article's
    date ("Putin" -> RUS)."""
    if m.entry.category == "user" and m.entry.entry is not None:
        code = entry_code(m.entry, st.when)
        return country_of(code, lexicon) if code else None
    return m.entry.country


def _names_mission(tok: Token, lexicon: ActorLexicon) -> bool:
    """Whether ``tok`` qualifies a diplomatic mission: "the *Mexican* Embassy",
    "*Mexico*'s consulate", "the embassy of *Mexico*"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif tok.dep_ not in ("compound", "amod", "poss", "nmod"):
        return False
    return head.lemma_.lower() in lexicon.mission_nouns


def context_country(st: DocState, token: Token, lexicon: ActorLexicon) -> tuple[str, str] | None:
    """The sentence's one country, else the article's setting (dateline or the country it
    names most): "Police arrested ..." in a story filed from Nairobi are Kenyan police."""
    return sentence_country(st, token, lexicon) or st.setting


def counterpart_country(st: DocState, name: Span, lexicon: ActorLexicon) -> str | None:
    """The country that qualifies a counterpart in the name's sentence ("X received his
    Lao counterpart Y": LAO), unless the name is that counterpart: by the word's meaning
    the other office holder's country is another, so the persons step does not count it
    as the sentence's one country (``counterpart_nouns`` in ``syntax.json``)."""
    nouns = lexicon.counterpart_nouns
    for tok in name.root.sent:
        if tok.lemma_.lower() not in nouns or tok.i == name.root.head.i:
            continue
        for mod in tok.lefts:
            m = st.match_at[mod.i]
            if m is not None and m.entry.country:
                return m.entry.country
    return None


def subject_country(st: DocState, head: Token, country: str) -> bool:
    """Whether the subject of ``head``'s sentence names ``country`` ("*Chile* recalled its
    envoy"): the likeliest owner of a possessive agent."""
    root = head.sent.root
    for subj in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        for k in range(subj.left_edge.i, subj.right_edge.i + 1):
            m = st.match_at[k]
            if m is not None and m.start == k and m.entry.country == country:
                return True
    return False


def target_country(st: DocState, head: Token) -> str | None:
    """The country named in the direct object of the verb an agent is the subject of, or
    in its phrase of the other side or destination: "Officials criticized Iran" are not
    Iran's officials, nor is "Foreign Minister X will travel to Washington" American (the
    act's target is another side), so the sentence's one country does not place them."""
    if head.dep_ != "nsubj":
        return None
    verb = head.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # "will travel to Washington", "met with Iranian officials": the other side, or the
    # destination, of the act (also through "travel ... for talks with X")
    for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        objects += [
            o
            for p in v.children
            if p.dep_ == "prep" and p.lower_ in _OTHER_SIDE_PREPS
            for o in p.children
            if o.dep_ == "pobj"
        ]
    for obj in objects:
        for t in obj.subtree:
            m = st.match_at[t.i]
            if m is not None and m.entry.country:
                return m.entry.country
    return None


#: Prepositions of the other side or the destination of an act ("travelled to X", "met
#: with X", "fought against X").
_OTHER_SIDE_PREPS = frozenset({"to", "with", "against", "toward", "towards", "into"})
