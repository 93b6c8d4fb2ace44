"""Step 4b, organisations the tables lack: an ORG entity no earlier step coded takes a
sector from its head word (``agents.tsv``: "Court" -> JUD, "Party" -> PTY; else
``org_heads.tsv``: "Alliance" -> NGO, "Tribune" -> MED; else the first agent word in
the name: "Osun State Police Command" -> COP) and a country from a state or
province in its name ("Wisconsin Court of Appeals" -> USA), else from the dateline's
country, else from its sentence's one country, else from the article's setting. A
one-word ORG that is the surname of a person coded earlier is that person (the NER
often tags a bare surname "Christie" as ORG), and an acronym coded so is that
organisation wherever else it stands, also where the NER tagged nothing.
Pattern: news names domestic organisations without saying their country; the story's
setting supplies it (a weak cue: low confidence)."""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from dotterel.components.actors._agents import agent_at
from dotterel.components.actors._codes import split_roles
from dotterel.components.actors._names import sentence_country
from dotterel.components.actors._state import ActorSpec, DocState, RawMention
from dotterel.dictionaries import ActorLexicon

LOGGER = logging.getLogger(__name__)

#: Evidence line of an organisation placed by the article's setting.
SETTING_ORG_RULE = "organisation; country of the article's setting"


def code_organisations(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """One actor per unlisted ORG entity name, one mention per occurrence."""
    doc = st.doc
    for ent in st.entities():
        if ent.label_ == "FAC" and _body_head(st, ent, lexicon, floor):
            # the small NER takes "the X Police Department" for a building
            ent = Span(doc, ent.start, ent.end, label="ORG")
        if ent.label_ != "ORG" or any(st.skip[t.i] or st.consumed[t.i] for t in ent):
            continue
        if not ent.text[:1].isupper() and not ent.text.lower().startswith("the "):
            continue
        name = ent.text.removesuffix("'s").removesuffix("’s").strip()
        if name.lower().startswith("the "):
            name = name[4:]
        if not name or not any(c.isalpha() for c in name):
            continue
        person = st.people.get(name) or (st.first_words.get(name) if " " not in name else None)
        if person is not None:
            st.mentions.append(RawMention(ent.start, ent.end, person, "PERSON", "rule", "person"))
            _consume(st, ent.start, ent.end)
            continue
        if _short_name(st, name, ent.start):
            continue  # "the Times" after "the Los Angeles Times": coreference's short names
        key = ("org", name)
        if key not in st.specs:
            spec = _org_spec(st, ent, name, lexicon, floor)
            if spec is None:
                continue
            st.specs[key] = spec
        st.mentions.append(
            RawMention(ent.start, ent.end, key, "ORG", st.specs[key].method, st.specs[key].kind)
        )
        _consume(st, ent.start, ent.end)
    untagged_acronyms(st)


def _body_head(st: DocState, ent: Span, lexicon: ActorLexicon, floor: int) -> bool:
    """Whether an entity's head word names a body: an organisation head word
    ("Department", "Agency") or an agent word ("Police", "Court")."""
    head = ent.root
    return head.lower_ in lexicon.org_heads or agent_at(st, head, lexicon, floor) is not None


def untagged_acronyms(st: DocState) -> None:
    """An acronym the article codes as an organisation ("the FDIC") is that organisation
    wherever else it stands on its own, also where the NER tagged nothing (a title-case
    headline: "FDIC Accused Of ...", where the NER may also run an ORG on over the
    headline's words or guess a person). Only all-capital names of two letters or more,
    not next to another proper noun ("FDIC Chairman X" is the name of a title)."""
    acronyms = {
        key[1]: key
        for key in st.specs
        if isinstance(key, tuple)
        and key[:1] == ("org",)
        and len(key[1]) > 1
        and key[1].isalpha()
        and key[1].isupper()
    }
    if not acronyms:
        return
    toks = st.toks
    n = len(toks)
    for tok in toks:
        i = tok.i
        key = acronyms.get(tok.text)
        if key is None or st.consumed[i] or st.skip[i] or st.match_at[i] is not None:
            continue
        if tok.ent_type_ not in ("", "ORG", "PERSON"):
            continue  # a person, or an ORG run on over a title-case headline: NER guesses
        if (i > 0 and st.pos[i - 1] == "PROPN") or (i + 1 < n and st.pos[i + 1] == "PROPN"):
            continue
        spec = st.specs[key]
        st.mentions.append(RawMention(i, i + 1, key, "ORG", spec.method, spec.kind))
        st.consumed[i] = 1


def _short_name(st: DocState, name: str, before: int) -> bool:
    """Whether ``name`` is the tail of an organisation named earlier ("Times")."""
    tail = " " + name.lower()
    for m in st.mentions:
        if m.start >= before:
            continue
        spec = st.specs[m.key]
        if spec.kind != "person" and spec.name.lower().endswith(tail):
            return True
    return False


def _consume(st: DocState, start: int, end: int) -> None:
    for k in range(start, end):
        st.consumed[k] = 1


def _org_spec(
    st: DocState, ent: object, name: str, lexicon: ActorLexicon, floor: int
) -> ActorSpec | None:
    assert isinstance(ent, Span)
    words = [t for t in ent if not t.is_punct and t.pos_ != "DET" and t.lower_ not in ("'s", "’s")]
    if not words:
        return None
    head = ent.root
    roles, why = "", ""
    found = agent_at(st, head, lexicon, floor)
    outer = head.head
    if head.dep_ == "compound" and outer.i == ent.end and outer.pos_ == "NOUN":
        # "the Democratic Center party", "the Azov battalion": the common noun the name
        # modifies says what the body is
        found = agent_at(st, outer, lexicon, floor) or found
    if found is not None:
        roles, why = found[1].roles, found[1].evidence
    else:
        last = words[-1].lower_
        # a unit's head word ("Department", "Committee") says less than an agent word
        # before it: "Police Department" is the police (COP), not the government at large
        roles, why = _inner_agent(st, ent, head, lexicon, floor)
        # the name's head word, else its last ("Department of Public Safety": Department)
        word = next((w for w in (head.lower_, last) if w in lexicon.org_heads), None)
        if not roles and word is not None:
            roles = lexicon.org_heads[word]
            why = f"org_heads.tsv: {word} -> {roles}"
    country, where = None, ""
    low = [t.lower_ for t in ent]
    for k in range(len(low)):
        hits = lexicon.subdivisions.matches_at(low, k)
        if hits and ent[k].text[:1].isupper():
            country = str(hits[0][1][0])
            where = f"subdivisions.tsv: {' '.join(low[k : hits[0][0]])} -> {country}"
            break
    rule = "organisation; state or province in its name"
    intl = next((t for t in words if t.lower_ in lexicon.international_words), None)
    if country is None and intl is not None:
        # "International Olympic Committee", "Association of African Jurists": not the
        # sentence's or the story's country; a non-governmental body unless its head
        # word says otherwise
        code = "NGO" if not roles or roles == "NGO" else "NGO" + roles
        evidence = [f"organisation named {intl.text}: international", *([why] if why else [])]
        return ActorSpec(
            code, None, split_roles(code, None), "organisation", name, "rule", evidence
        )
    if country is None and roles:
        owner = _named_owner(st, ent)
        if owner is not None:
            country, where = owner
            rule = "organisation; the country that qualifies its name"
    if country is None:
        context = sentence_country(st, head, lexicon)
        rule = "organisation; country from the sentence"
        if st.setting is not None and (context is None or _from_dateline(st.setting)):
            # a story filed from a place names its domestic bodies without their country;
            # another country in the same sentence is more often what they act on ("the
            # FDIC's report identified Beijing") than where they belong
            context, rule = st.setting, SETTING_ORG_RULE
        if context is None:
            return None
        country, where = context
    code = country + roles
    kind = lexicon.kind_of_roles(roles) or "organisation"
    evidence = [where, why, rule] if why else [where, rule]
    return ActorSpec(code, country, split_roles(code, country), kind, name, "rule", evidence)


def _inner_agent(
    st: DocState, ent: Span, head: Token, lexicon: ActorLexicon, floor: int
) -> tuple[str, str]:
    """The sector an agent word inside the name gives when its head word gives none:
    "Osun State Police Command" -> COP, "Senate Intelligence Committee" -> LEG. A
    committee, command or office is a unit of the body the first agent word names."""
    for tok in ent:
        if tok is head or tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ != "compound":
            continue
        found = agent_at(st, tok, lexicon, floor)
        # a word for people at large is no body's sector ("Democratic National Committee")
        if found is not None and found[0] == tok.i and found[1].roles[:3] != "CVL":
            return found[1].roles, f"{found[1].evidence} (in the name)"
    return "", ""


def _named_owner(st: DocState, ent: Span) -> tuple[str, str] | None:
    """The country written just before a state body's name and modifying it: "Chinese
    Foreign Ministry", "Kenya's Interior Ministry". The NER leaves the nationality word
    out of the ORG span; it says whose body this is more surely than the dateline does
    (only for names headed by an agent word: ministry, army, party ...)."""
    k = ent.start - 1
    if k >= 0 and st.toks[k].lower_ in ("'s", "’s"):
        k -= 1
    if k < 0:
        return None
    m = st.match_at[k]
    if m is None or m.end != k + 1 or m.entry.category not in ("country", "demonym", "capital"):
        return None
    if not ent.start <= st.toks[m.start].head.i < ent.end:
        return None  # "Ambassador to Kenya Meg Whitman": the country qualifies something else
    if not m.entry.country:
        return None
    return m.entry.country, m.entry.evidence


def _from_dateline(setting: tuple[str, str]) -> bool:
    """Whether the article's setting was read from its dateline (not guessed from counts)."""
    return setting[1].startswith("dateline")


__all__ = ["SETTING_ORG_RULE", "code_organisations"]
