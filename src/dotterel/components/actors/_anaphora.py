"""Step 5, coreference: pronouns, definite descriptions ("the insurgents") and short
names become mentions of the actors found so far. The rules, and why, live in
:mod:`dotterel.components.coref`; this module only feeds it and records its answers."""

from __future__ import annotations

import bisect
import logging

from spacy.tokens import Token

from dotterel.components.actors._anaphors import (
    co_subject,
    filing_agencies,
    find_anaphors,
    left_to_body_rule,
    mention_words,
    same_noun_mention,
)
from dotterel.components.actors._codes import split_roles
from dotterel.components.actors._discourse import (
    controlled_clause,
    narrative_index,
    quotations,
    quote_speaker,
)
from dotterel.components.actors._mentions import entity_label
from dotterel.components.actors._persons import speaks_for
from dotterel.components.actors._state import ActorKey, ActorSpec, DocState, RawMention
from dotterel.components.coref import (
    Antecedent,
    CorefRules,
    grammatical_role,
    is_speaker,
    resolve,
)
from dotterel.dictionaries.actor_lexicon import ActorLexicon
from dotterel.outlets import normalise_source

LOGGER = logging.getLogger(__name__)


def individual_of(st: DocState, m: RawMention, rules: CorefRules) -> tuple[bool, str | None]:
    """Whether a mention is one person ("he"/"she" may refer to it), and the gender the
    text marks: an honorific before a name ("Mr", "Mrs"), a gendered title in the name's
    phrase ("spokeswoman Jane Doe"), or a singular role noun heading the mention ("the
    police commissioner", "a government spokeswoman")."""
    if m.kind == "person":
        # the honorific or title right before the name, or its first word ("Mrs. X")
        for tok in st.toks[max(m.start - 3, 0) : m.start + 1]:
            gender = rules.titles.get(tok.lower_) or rules.individual_nouns.get(tok.lower_)
            if gender:
                return True, gender
        return True, None
    root = st.doc[m.start : m.end].root
    if m.plural or root.tag_ not in ("NN", "NNP") or root.i != m.end - 1:
        return False, None
    lemma = root.lemma_.lower()
    if lemma not in rules.individual_nouns:
        return False, None
    return True, rules.individual_nouns[lemma] or None


def antecedents(
    st: DocState, rules: CorefRules, narrative: list[int] | None = None
) -> list[Antecedent]:
    """The mentions found so far, in text order, as coreference antecedents.

    ``narrative``: per sentence, its :func:`._discourse.narrative_index`.
    """
    out = []
    filers = filing_agencies(st)
    reporters = {
        m.key
        for m in st.mentions
        if st.specs[m.key].kind == "media"
        and normalise_source(st.doc[m.start : m.end].text) in filers
    }
    for m in sorted(st.mentions, key=lambda m: m.start):
        spec = st.specs[m.key]
        root = st.doc[m.start : m.end].root
        individual, gender = individual_of(st, m, rules)
        out.append(
            Antecedent(
                start=m.start,
                end=m.end,
                key=m.key,
                kind=m.kind,
                plural=m.plural,
                sent=st.sent_of(m.start),
                role=grammatical_role(root),
                speaker=is_speaker(root, rules.reporting_verbs),
                in_quote=bool(st.in_quote[m.start]),
                country=spec.country,
                name=spec.name,
                individual=individual,
                gender=gender,
                narrative=narrative[st.sent_of(m.start)] if narrative else -1,
                reporter=m.key in reporters,
                code=spec.code,
                words=mention_words(st, m, rules),
            )
        )
    return out


def link_anaphors(st: DocState, lexicon: ActorLexicon, rules: CorefRules) -> None:
    """Add a mention for each anaphor :func:`~dotterel.components.coref.resolve` links
    (to an antecedent, possibly with a role the description adds, or to a default
    country)."""
    narrative = narrative_index(st.sent_starts, st.in_quote, st.toks)
    found = antecedents(st, rules, narrative)
    blocked = bytes(a | b for a, b in zip(st.skip, st.consumed, strict=True))
    anaphors = find_anaphors(
        st.doc,
        found,
        toks=st.toks,
        blocked=blocked,
        in_quote=st.in_quote,
        sent_of=st.sent_of,
        descriptions=lexicon.descriptions,
        rules=rules,
        narrative_of=lambda i: narrative[st.sent_of(i)],
        controlled_of=controlled_clause,
    )
    if not anaphors:
        return

    def role_key(country: str, role: str) -> ActorKey:
        return country_role_key(st, lexicon, country, role)

    for res in resolve(found, anaphors, rules, role_key):
        a = res.anaphor
        if res.antecedent is not None:
            key = res.antecedent.key
            if a.add_role and res.antecedent.country:
                key = role_key(res.antecedent.country, a.add_role)
            kind = res.antecedent.kind
        else:
            assert res.default_country is not None
            country = res.default_country
            key = ("code", country)
            st.specs.setdefault(
                key,
                ActorSpec(
                    country,
                    country,
                    [],
                    "state",
                    lexicon.country_names.get(country, country),
                    "coreference",
                    res.evidence,
                ),
            )
            kind = "state"
        label = (
            "PRONOUN"
            if a.type == "pronoun"
            else (entity_label(st, a.start, a.end, "NOMINAL") if a.type == "name" else "NOMINAL")
        )
        st.mentions.append(RawMention(a.start, a.end, key, label, "coreference", kind, a.plural))


def country_role_key(
    st: DocState,
    lexicon: ActorLexicon,
    country: str,
    role: str,
    why: str = "the country of its antecedent",
) -> ActorKey:
    """The actor key of a country's body with ``role`` ("KEN", "GOV": the Kenyan
    government), made on first use."""
    code = country + role
    key = ("code", code)
    if key not in st.specs:
        name = f"{lexicon.country_names.get(country, country)} {lexicon.label_of_roles(role)}"
        st.specs[key] = ActorSpec(
            code,
            country,
            [role],
            lexicon.kind_of_roles(role) or "government",
            name,
            "coreference",
            [f"description adds role {role} to {country}, {why}"],
        )
    return key


def clause_subject(st: DocState, head: Token, ordered: list[RawMention]) -> RawMention | None:
    """The coded mention that is the subject of the clause ``head`` is the object of
    ("Odinga" in "Odinga criticised the government")."""
    span = co_subject(head)
    if span is None:
        return None
    root = st.doc[span[0] : span[1] + 1].root.i
    return next((m for m in ordered if m.start <= root < m.end), None)


#: Relative pronouns that stand for the noun phrase their clause modifies.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})


def link_relatives(st: DocState) -> None:
    """A relative pronoun is a mention of the actor its clause modifies: in "the
    journalist X, who was arrested", *who* is X (the parse: pronoun -> ``relcl`` verb ->
    modified noun). A pronoun whose noun is no actor ("a charge which Russia denies")
    stays unlinked."""
    covering: dict[int, RawMention] = {}
    for m in sorted(st.mentions, key=lambda m: m.end - m.start):
        for k in range(m.start, m.end):
            covering.setdefault(k, m)
    for i, tag in enumerate(st.tags):
        if tag not in ("WP", "WDT", "WP$"):
            continue
        tok = st.toks[i]
        if tok.lower_ not in RELATIVE_PRONOUNS:
            continue
        if st.skip[tok.i] or st.consumed[tok.i] or tok.i in covering:
            continue
        clause = tok.head
        while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
            if clause.head.i > tok.i + 8:
                break
            clause = clause.head
        if clause.dep_ not in ("relcl", "acl"):
            continue
        noun = clause.head
        if noun.i >= tok.i:
            continue
        found = covering.get(noun.i)
        if found is None:
            continue
        st.mentions.append(
            RawMention(
                tok.i, tok.i + 1, found.key, "PRONOUN", "coreference", found.kind, found.plural
            )
        )
        st.consumed[tok.i] = 1


#: First-person pronouns: inside a quotation they are its speaker ("“We will not
#: retreat,” the ministry said": we = the ministry).
FIRST_PERSON = {
    "we": "pl",
    "us": "pl",
    "our": "pl",
    "ours": "pl",
    "i": "sg",
    "me": "sg",
    "my": "sg",
}


def link_first_person(st: DocState, rules: CorefRules, lexicon: ActorLexicon) -> None:
    """A first-person pronoun inside quotation marks is a mention of the quotation's
    speaker (:func:`._discourse.quote_speaker`: the subject of a reporting verb outside
    the quotes in the sentence the quotation opens or closes in, else the next or the
    one before), for every pronoun of a quotation however many sentences it runs. "I"
    wants a person; "we" anyone, and "we" of a person who holds an office or speaks for
    a side ("the party chairwoman") is that body: the speaker's country and role. A
    quotation a national document speaks ("The Russian statement said “we ...”") is
    that country's government (:func:`national_source`)."""
    speakers: dict[int, list[RawMention]] = {}
    for m in sorted(st.mentions, key=lambda m: m.start):
        root = st.doc[m.start : m.end].root
        if not st.in_quote[m.start] and is_speaker(root, rules.reporting_verbs):
            speakers.setdefault(st.sent_of(m.start), []).append(m)

    def anyone(m: RawMention) -> bool:
        return True

    def a_person(m: RawMention) -> bool:
        return st.specs[m.key].kind == "person"

    for lo, hi in quotations(st.in_quote):
        found: dict[str, tuple[ActorKey, str] | None] = {}
        for tok in st.toks[lo:hi]:
            number = FIRST_PERSON.get(tok.lower_)
            if number is None or st.skip[tok.i] or st.consumed[tok.i]:
                continue
            if tok.lower_ == "us" and tok.text == "US":
                continue
            if number not in found:
                speaker = quote_speaker(
                    st, lo, hi, speakers, anyone if number == "pl" else a_person
                )
                if speaker is None:
                    found[number] = (
                        national_source(st, lo, hi, rules, lexicon) if number == "pl" else None
                    )
                elif number == "pl":
                    found[number] = body_of(st, speaker, lexicon)
                else:
                    found[number] = (speaker.key, speaker.kind)
            pair = found[number]
            if pair is None:
                continue
            key, kind = pair
            st.mentions.append(
                RawMention(tok.i, tok.i + 1, key, "PRONOUN", "coreference", kind, number == "pl")
            )
            st.consumed[tok.i] = 1


#: Dependencies of a country word that makes a document national ("the Russian statement").
_NATIONAL_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def national_source(
    st: DocState, lo: int, hi: int, rules: CorefRules, lexicon: ActorLexicon
) -> tuple[ActorKey, str] | None:
    """The government of the country whose document speaks the quotation ``[lo, hi)``:
    the subject of a reporting verb outside the quotes, in the sentence the quotation
    opens or closes in, that is no actor but a noun a country word modifies ("The
    Russian statement said “we urge ...”", "an Iranian communique said"). ``None``
    when there is no such subject."""
    for k in dict.fromkeys((st.sent_of(lo), st.sent_of(max(hi - 1, lo)))):
        first = st.sent_starts[k]
        last = st.sent_starts[k + 1] if k + 1 < len(st.sent_starts) else len(st.toks)
        for tok in st.toks[first:last]:
            if st.in_quote[tok.i] or st.consumed[tok.i] or tok.dep_ != "nsubj":
                continue
            if tok.head.lemma_.lower() not in rules.reporting_verbs:
                continue
            for mod in tok.children:
                named = st.match_at[mod.i] if mod.dep_ in _NATIONAL_DEPS else None
                if named is None or named.entry.category not in ("country", "demonym"):
                    continue
                country = named.entry.country
                if not country:
                    continue
                code = country + "GOV"
                key = ("code", code)
                if key not in st.specs:
                    st.specs[key] = ActorSpec(
                        code,
                        country,
                        ["GOV"],
                        "government",
                        f"{lexicon.country_names.get(country, country)} government",
                        "coreference",
                        [f"'we' in a quotation the {mod.text} {tok.text} speaks: its government"],
                    )
                return key, st.specs[key].kind
    return None


def body_of(st: DocState, speaker: RawMention, lexicon: ActorLexicon) -> tuple[ActorKey, str]:
    """What "we" in a quotation stands for: a speaker who is a person with an office or
    a side (a code with roles) speaks for that body; anyone else for themselves."""
    spec = st.specs[speaker.key]
    if spec.kind != "person" or not spec.code or not spec.roles or not spec.country:
        return speaker.key, speaker.kind
    roles = "".join(r for r in spec.roles if r != "ELI")
    if not roles:
        return speaker.key, speaker.kind
    code = spec.country + roles
    key = ("code", code)
    if key not in st.specs:
        st.specs[key] = ActorSpec(
            code,
            spec.country,
            split_roles(code, spec.country),
            lexicon.kind_of_roles(roles) or "government",
            f"{lexicon.country_names.get(spec.country, spec.country)} "
            f"{lexicon.label_of_roles(roles)}",
            "coreference",
            [*spec.evidence, f"'we' in a quotation by {spec.name}: the body they speak for"],
        )
    return key, st.specs[key].kind


def same_title(evidence: list[str], head: str) -> bool:
    """Whether a person whose code came from a title (an ``agents.tsv`` line in the
    evidence) holds the title ``head`` names: "the spokesman" is not the chairman named
    before, though both speak for the party. A person coded otherwise (``leaders.tsv``)
    may be any title of the role."""
    titles = [
        e.split(": ", 1)[1].split(" -> ")[0] for e in evidence if e.startswith("agents.tsv: ")
    ]
    # an abbreviated title ("Gov.", "Sen.") may be any word of its role
    return not titles or any(t.split()[-1] in (head, "") or t.endswith(".") for t in titles)


#: How many sentences back "the minister" looks for the minister named.
TITLE_WINDOW = 3


def link_title_descriptions(
    st: DocState, lexicon: ActorLexicon, floor: int, rules: CorefRules
) -> None:
    """Definite descriptions of an actor named shortly before (within
    :data:`TITLE_WINDOW` sentences), the most recent that fits:

    - a title that denotes one person ("the minister", "the former president") is the
      person named with that role (their code carries the title's role);
    - a noun that re-describes a person (``person_descriptions``: "the 49-year-old
      billionaire", "the woman") is the person named last, when gender allows;
    - a collective agent noun ("the party", "the state party", "the militia") is the
      body with that role (a party, an armed group) named last.

    Unlinked when nothing fits (then it is no one, or an agent of its own)."""
    from dotterel.components.actors._agents import agent_at  # the agent trie walk

    ordered = sorted(st.mentions, key=lambda m: m.start)
    if not ordered:
        return
    starts = [m.start for m in ordered]
    for i, tag in enumerate(st.tags):
        if st.skip[i] or st.consumed[i] or tag not in ("NN", "NNS"):
            continue
        head = st.toks[i]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue
        lemma = head.lemma_.lower()
        if lemma in lexicon.institution_nouns or left_to_body_rule(st, head, lexicon, rules):
            continue
        plural = head.tag_ == "NNS"
        if plural and head.lower_ in lexicon.descriptions.root:
            continue  # "the rebels": a description of descriptions.tsv, resolved later
        found = agent_at(st, head, lexicon, floor)
        describes = lemma in rules.person_descriptions and not plural
        if found is None and not describes:
            continue
        # "the party spokesman" speaks for a party, not for the government a bare
        # "spokesman" would mean
        role = speaks_for(st, head, found[1], lexicon, floor).roles[:3] if found else ""
        one_person = lemma in rules.individual_nouns and not plural
        gender = rules.individual_nouns.get(lemma) or None
        sent = st.sent_of(head.i)
        best = same_noun_mention(st, head, ordered, starts, TITLE_WINDOW) if describes else None
        why = f"description 'the {head.text}': the same noun named last" if best else ""
        # "Odinga criticised the government", "protesters denounced the government": a
        # coded subject without the role names its own country's body; one with the role
        # ("Scholz praised the government") names another country's
        foreign: str | None = None
        subject = clause_subject(st, head, ordered) if role and not one_person else None
        if subject is not None:
            sspec = st.specs[subject.key]
            if sspec.country and sspec.roles and role not in sspec.roles:
                key = country_role_key(
                    st, lexicon, sspec.country, role, "the country of its clause's subject"
                )
                add_description(st, head, [(key, st.specs[key].kind, False)])
                continue
            if sspec.country and role in sspec.roles:
                foreign = sspec.country
        for k in range(bisect.bisect_left(starts, head.i) - 1 if best is None else -1, -1, -1):
            m = ordered[k]
            if sent - st.sent_of(m.start) > TITLE_WINDOW:
                break
            spec = st.specs[m.key]
            if (
                m.method == "coreference"
                or m.start >= head.i
                or (foreign and spec.country == foreign)
            ):
                continue
            if one_person and spec.kind == "person":
                if role and role in spec.roles and same_title(spec.evidence, lemma):
                    best, why = m, f"title 'the {head.text}': the person named with role {role}"
                    break
                marked = individual_of(st, m, rules)[1]
                if describes and not (gender and marked and gender != marked):
                    best, why = m, f"description 'the {head.text}': the person named last"
                    break
            elif not one_person and role and spec.kind != "person" and role in spec.roles:
                best, why = m, f"description 'the {head.text}': the body named last with {role}"
                break
        if best is None:
            continue
        spec = st.specs[best.key]
        line = f"coreference: {why}"
        if line not in spec.evidence:
            spec.evidence.append(line)
        add_description(st, head, [(best.key, best.kind, best.plural)])


def add_description(
    st: DocState, head: Token, sides: list[tuple[ActorKey, str, bool]]
) -> tuple[int, int]:
    """A mention of each (key, kind, plural) side over the description headed by
    ``head``, all over the same words (its left edge, or the head alone when a word
    before it is taken); returns the token span."""
    lo = head.left_edge.i
    if any(st.consumed[k] for k in range(lo, head.i)):
        lo = head.i
    for key, kind, plural in sides:
        st.mentions.append(RawMention(lo, head.i + 1, key, "NOMINAL", "coreference", kind, plural))
    for k in range(lo, head.i + 1):
        st.consumed[k] = 1
    return lo, head.i + 1
