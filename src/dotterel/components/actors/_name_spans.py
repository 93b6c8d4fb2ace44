"""Person names the small NER model cuts or mislabels, and titles coordinated before a
name: repairs read off the tokens around the entities, before agents and persons are
coded.

* :func:`repair_person_spans` (after the names are found): a PERSON entity runs on over
  a capitalised proper noun right after it ("Pham Binh" + "Minh": the model often stops
  one word short of a three-part name) or starts one word earlier ("Le" + "Quy Quynh");
  two PERSON entities a space apart are one name ("Hassan Sheikh" + "Mohamud");
  a name right after a singular person title or in apposition to one ("his Indonesian
  counterpart Retno Marsudi", tagged ORG) is a PERSON whatever its label; a PERSON
  entity of title words only ("State Councilor") is no name, and a place name inside a
  titled name ("President Ana Lima") is part of the name.
* :func:`find_coordinated_titles` (before the agents): in "Deputy Prime Minister and
  Foreign Minister X" both titles are X's, so the first one is no agent of its own
  (the agents step leaves it; ``DocState.name_titles``).
* :func:`link_name_titles` (after the persons): the held title, and a title phrase the
  name is an apposition to ("his Indonesian counterpart, X"), become mentions of the
  person, so a clause whose parse hangs on the title still finds the person.

All of it touches only the entities and the few "and" tokens: no per-token rule work.
"""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from dotterel.components._syntax import NOUN_POS
from dotterel.components.actors._agents import agent_at
from dotterel.components.actors._state import DocState, RawMention
from dotterel.dictionaries import ActorLexicon

LOGGER = logging.getLogger(__name__)

#: Longest name the repairs make (words): longer runs of capitals are headlines or lists.
MAX_NAME = 4
#: Entity labels a name after a person title may wrongly carry ("Retno Marsudi" as ORG);
#: places, dates and numbers are never made persons.
_RELABEL = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP", "LAW", "EVENT"})
#: Longest title between "and" and the name ("Minister of Foreign Affairs"): tokens.
_TITLE_SPAN = 6


def _titled_word(st: DocState, k: int) -> bool:
    """A capitalised alphabetic proper noun (hyphens allowed: "Geun-hye")."""
    text = st.toks[k].text
    return st.pos[k] == "PROPN" and text[:1].isupper() and text.replace("-", "").isalpha()


def _office_word(st: DocState, k: int, lexicon: ActorLexicon) -> bool:
    """A title, body or organisation head word ("Minister", "Ministry", "Foundation"):
    never the last part of a person's name."""
    tok = st.toks[k]
    heads = lexicon.agents.root
    for form in (tok.lower_, tok.lemma_.lower()):
        if form in heads or form in lexicon.org_heads:
            return True
    return False


def _headline(st: DocState, sent_start: int, sent_end: int) -> bool:
    """A title-case line ("Minister Meets Envoy in Hanoi"), where capitals say nothing
    about names: no lower-case word longer than a short function word ("in", "and")."""
    return not any(
        len(t.text) > 3 and t.text.isalpha() and t.text.islower()
        for t in st.toks[sent_start:sent_end]
    )


def _extends(st: DocState, ent: Span, lexicon: ActorLexicon) -> bool:
    """Whether the word right after a PERSON entity is the rest of the name: a capitalised
    proper noun on the same line, of no entity, no listed name, no title or office word,
    not the start of a sentence and not in a title-case line."""
    k = ent.end
    if k >= len(st.toks) or len(ent) >= MAX_NAME or not _titled_word(st, k):
        return False
    tok = st.toks[k]
    if tok.ent_iob_ != "O" or st.match_at[k] is not None or st.skip[k] or tok.is_sent_start:
        return False
    if "\n" in st.toks[k - 1].whitespace_ or _office_word(st, k, lexicon):
        return False
    sent = tok.sent if st.parsed else ent
    return not _headline(st, sent.start, sent.end)


def _starts_earlier(st: DocState, ent: Span, lexicon: ActorLexicon) -> bool:
    """Whether the word right before a PERSON entity is the first part of the name
    ("Le" + "Quy Quynh"): a capitalised proper noun of no entity on the same line, no
    listed name, title or office word, and not in a title-case line; the word before it
    is no proper noun (a longer run of capitals is a title or another name)."""
    k = ent.start - 1
    if k < 1 or len(ent) >= MAX_NAME or not _titled_word(st, k) or st.toks[ent.start].is_sent_start:
        return False
    tok = st.toks[k]
    if tok.ent_iob_ != "O" or st.match_at[k] is not None or st.skip[k]:
        return False
    if "\n" in tok.whitespace_ or _office_word(st, k, lexicon):
        return False
    if (
        st.pos[k - 1] == "PROPN"
        and st.match_at[k - 1] is None
        and not _office_word(st, k - 1, lexicon)
    ):
        return False
    sent = tok.sent if st.parsed else ent
    return not _headline(st, sent.start, sent.end)


def _only_titles(st: DocState, ent: Span, lexicon: ActorLexicon) -> bool:
    """A PERSON entity of title words only ("State Councilor"): an office, no name."""
    return all(_office_word(st, k, lexicon) for k in range(ent.start, ent.end))


def _person_title(st: DocState, head: Token, lexicon: ActorLexicon, floor: int) -> bool:
    """A singular title of one office holder ("counterpart", "Minister"): an agent word
    that is no institution ("ministry", "police") and not plural."""
    if head.pos_ not in NOUN_POS or head.tag_ in ("NNS", "NNPS"):
        return False
    if head.lemma_.lower() in lexicon.institution_nouns or head.lower_ in lexicon.org_heads:
        return False
    return agent_at(st, head, lexicon, floor) is not None


def apposed_to(name_root: Token) -> Token:
    """The noun a name in apposition describes: the parse's head, or the title before a
    prepositional phrase the parse hangs the name on ("The U.S. ambassador to the United
    Nations, Nikki Haley, said": Haley is the ambassador, not the United Nations)."""
    head = name_root.head
    prep = head.head
    if (
        head.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ in NOUN_POS
        and prep.head.i < head.i
    ):
        return prep.head
    return head


def _titled_name(st: DocState, ent: Span, lexicon: ActorLexicon, floor: int) -> bool:
    """Whether an entity of another label is a person's name by its title: it comes
    right after a person title or is in apposition to one, and is all capitalised proper
    nouns, no listed name and no office or organisation word."""
    if ent.label_ not in _RELABEL or len(ent) > MAX_NAME or ent.start == 0:
        return False
    for k in range(ent.start, ent.end):
        if not _titled_word(st, k) or st.match_at[k] is not None or st.skip[k]:
            return False
        if _office_word(st, k, lexicon):
            return False
    before = st.toks[ent.start - 1]
    if _person_title(st, before, lexicon, floor):
        return True
    root = ent.root
    if not st.parsed or root.dep_ != "appos" or root.head.i >= ent.start:
        return False
    return _person_title(st, root.head, lexicon, floor) or _person_title(
        st, apposed_to(root), lexicon, floor
    )


def repair_person_spans(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """Extend cut PERSON entities by the name word after them and relabel names a person
    title introduces (:func:`_extends`, :func:`_titled_name`); ``doc.ents`` is rewritten
    only when something changed."""
    doc = st.doc
    ents = st.entities()
    changed = False
    out: list[Span] = []
    for ent in ents:
        if ent.label_ == "PERSON" and _only_titles(st, ent, lexicon):
            changed = True
            continue
        if ent.label_ != "PERSON" and _titled_name(st, ent, lexicon, floor):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
        if ent.label_ == "PERSON":
            while _extends(st, ent, lexicon):
                ent = Span(doc, ent.start, ent.end + 1, label="PERSON")
                changed = True
            if _starts_earlier(st, ent, lexicon) and (not out or out[-1].end < ent.start):
                ent = Span(doc, ent.start - 1, ent.end, label="PERSON")
                changed = True
        if ent.label_ == "PERSON" and out and _one_name(st, out[-1], ent):
            ent = Span(doc, out.pop().start, ent.end, label="PERSON")
            changed = True
        if ent.label_ == "PERSON":
            place_in_name(st, ent, lexicon, floor)
        out.append(ent)
    if changed:
        doc.ents = out
        st.ents_cache = None  # read again from the rewritten doc.ents


def _one_name(st: DocState, first: Span, ent: Span) -> bool:
    """Two PERSON entities side by side, a space apart, are one name the model cut in
    two ("Hassan Sheikh" + "Mohamud"): a list of names has commas or "and" between
    them. Not in a title-case line, and not longer than :data:`MAX_NAME` words."""
    if first.label_ != "PERSON" or first.end != ent.start or len(first) + len(ent) > MAX_NAME:
        return False
    if st.toks[first.end - 1].whitespace_ != " ":
        return False
    sent = ent.root.sent if st.parsed else ent
    return not _headline(st, sent.start, sent.end)


#: Name categories that are places: never a person's surname's meaning.
_PLACES = frozenset({"country", "capital", "demonym"})


def place_in_name(st: DocState, ent: Span, lexicon: ActorLexicon, floor: int) -> None:
    """A place name that is a later word of a titled person's name ("President Ana
    Lima", "Minister Paulo Santiago") is the name, not the place: its match is dropped."""
    if len(ent) < 2 or ent.start == 0:
        return
    if not _person_title(st, st.toks[ent.start - 1], lexicon, floor):
        return
    for k in range(ent.start + 1, ent.end):
        m = st.match_at[k]
        if (
            m is not None
            and m.entry.category in _PLACES
            and m.start > ent.start
            and m.end <= ent.end
        ):
            for j in range(m.start, m.end):
                st.match_at[j] = None


def find_coordinated_titles(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """Titles joined by "and" before one name ("Deputy Prime Minister and Foreign
    Minister X"): both titles' heads go to ``st.name_titles`` (with where its
    phrase starts and where the name starts), so the agents step does not make it a
    body of its own; :func:`link_name_titles` gives it to the person."""
    toks = st.toks
    n = len(toks)
    for i in range(1, n - 2):
        if st.words[i] != "and":
            continue
        head = toks[i - 1]
        if not head.text[:1].isupper() or not _person_title(st, head, lexicon, floor):
            continue
        j = i + 1
        while j < n and j - i <= _TITLE_SPAN and toks[j].ent_type_ != "PERSON":
            if not (toks[j].text[:1].isupper() or toks[j].lower_ in ("of", "for", "the")):
                break
            j += 1
        if j >= n or j == i + 1 or toks[j].ent_iob_ != "B" or toks[j].ent_type_ != "PERSON":
            continue
        if not _person_title(st, toks[j - 1], lexicon, floor):
            continue  # "President and Mrs X": the second part is no title
        for title in (head, toks[j - 1]):
            found = agent_at(st, title, lexicon, floor)
            if found is not None and not st.match_at[title.i]:
                st.name_titles[title.i] = (max(min(found[0], title.i), title.left_edge.i), j)


def link_name_titles(st: DocState) -> None:
    """The titles of :func:`find_coordinated_titles`, and a title phrase a person's name
    is in apposition to ("his Indonesian counterpart Retno Marsudi"), become mentions of
    the person: one actor, not a government body beside a stranger."""
    if not st.people:
        return
    person_at = {m.start: m for m in st.mentions if m.kind == "person"}
    for head, (lo, name_start) in st.name_titles.items():
        person = person_at.get(name_start)
        if person is None or any(st.consumed[k] for k in range(lo, head + 1)):
            continue
        st.mentions.append(RawMention(lo, head + 1, person.key, "NOMINAL", "rule", "person"))
        for k in range(lo, head + 1):
            st.consumed[k] = 1
    by_end = {m.end: m for m in st.mentions if m.kind != "person"}
    for start, person in person_at.items():
        root = st.toks[person.end - 1]
        if root.dep_ != "appos" or root.head.i >= start:
            continue
        titles = (by_end.get(root.head.i + 1), by_end.get(apposed_to(root).i + 1))
        title = next(
            (
                t
                for t in titles
                if t is not None
                and t.key in st.specs
                and st.specs[t.key].kind in ("government", "person")
            ),
            None,
        )
        spec = st.specs.get(title.key) if title is not None else None
        if title is None or spec is None:
            continue
        if spec.country != st.specs[person.key].country:
            continue  # "the envoy, X" of another country: not the same actor after all
        title.key = person.key
        title.kind = "person"
