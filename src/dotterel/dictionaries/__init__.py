"""TABARI/PETRARCH dictionaries (actors, agents, discards, CAMEO verbs): reading the files
and the compiled lookups the components match text against.

Analysts keep actor lists and verb patterns in these formats; reading them lets them bring
their own. The modules, readers first:

* :mod:`.tabari`: what the actor, agent and discard formats share (comments, dated codes
  like ``[DZAGOV 040701-050531]``, phrases, the per-file :class:`DictionarySummary` that
  counts unparsed lines), and :func:`sniff_kind`.
* :mod:`.actor_files`, :mod:`.agent_files`: the readers of actor dictionaries and discard
  lists, and of agent dictionaries.
* :mod:`.actor_lexicon`: :class:`ActorLexicon`, the built-in actor tables and the user's
  files compiled into tries (what ``dotterel_actors`` matches against).
* :mod:`.verb_files`: the reader of CAMEO verb dictionaries; :mod:`.verb_matcher`:
  :class:`VerbDictionary`, which codes a verb occurrence against them.
* :mod:`.stored`: the user's files as a component keeps them, so that ``nlp.to_disk``
  saves them with the pipeline (:class:`StoredDictionary`).
"""

from dotterel.dictionaries.actor_files import (
    ActorEntry,
    DiscardEntry,
    read_actor_dictionary,
    read_discard_list,
)
from dotterel.dictionaries.actor_lexicon import (
    BUILTIN,
    DATA_DIR,
    KNOWLEDGE,
    USER,
    ActorLexicon,
    AgentRole,
    Description,
    NamedEntry,
    PhraseTrie,
    fold,
)
from dotterel.dictionaries.agent_files import AgentEntry, read_agent_dictionary
from dotterel.dictionaries.stored import StoredDictionary
from dotterel.dictionaries.tabari import (
    DatedCode,
    DictionarySummary,
    is_null_code,
    normalise_phrase,
    parse_code_block,
    sniff_kind,
)
from dotterel.dictionaries.verb_files import Element, VerbBlock, VerbPattern, read_verb_file
from dotterel.dictionaries.verb_matcher import VerbDictionary, VerbMatch, load_verb_dictionaries

__all__ = [
    "BUILTIN",
    "DATA_DIR",
    "KNOWLEDGE",
    "USER",
    "ActorEntry",
    "ActorLexicon",
    "AgentEntry",
    "AgentRole",
    "DatedCode",
    "Description",
    "DictionarySummary",
    "DiscardEntry",
    "Element",
    "NamedEntry",
    "PhraseTrie",
    "StoredDictionary",
    "VerbBlock",
    "VerbDictionary",
    "VerbMatch",
    "VerbPattern",
    "fold",
    "is_null_code",
    "load_verb_dictionaries",
    "normalise_phrase",
    "parse_code_block",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "read_discard_list",
    "read_verb_file",
    "sniff_kind",
]
