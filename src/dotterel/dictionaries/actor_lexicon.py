"""The actor lexicon: every table the actor component matches text against, compiled.

Its built-in tables (``components/data/actors/*.tsv``, see the README there) merged with
the user's TABARI/PETRARCH dictionaries (read by :mod:`.actor_files` and
:mod:`.agent_files`), compiled into token-sequence tries once at start-up so that matching
is a dictionary lookup per token, never a loop over the tables. Using it on a document is
:mod:`dotterel.components.actors`' job.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dotterel.dictionaries.actor_files import ActorEntry, DiscardEntry
from dotterel.dictionaries.agent_files import AgentEntry

#: The built-in tables (see the README there).
DATA_DIR = Path(__file__).resolve().parents[1] / "components" / "data" / "actors"

#: Priority of built-in entries; user dictionaries load with a higher one and win. The
#: shipped knowledge base (:mod:`dotterel.knowledge`) loads below both: it only fills
#: the names the project's own tables and the user's files lack.
KNOWLEDGE, BUILTIN, USER = 0, 1, 2


def fold(word: str) -> str:
    """``word`` without diacritics ("bogotá" -> "bogota"), so names match however a
    source or a table spells them; ASCII words pass through untouched (the fast path)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(slots=True)
class NamedEntry:
    """What a matched name stands for."""

    #: ``country``, ``demonym``, ``people``, ``capital``, ``group``, ``user``, ``discard``
    category: str
    code: str | None
    country: str | None
    kind: str
    name: str
    evidence: str
    #: ``exact`` (all-caps aliases: "US" is not "us"), ``title`` (first letter upper),
    #: ``some`` (any word capitalised: user dictionaries), ``any``.
    case: str
    priority: int
    surface: tuple[str, ...] = ()
    entry: ActorEntry | None = None
    #: For discards: the whole article is not coded (``+`` entries), not just the sentence.
    story: bool = False


@dataclass(slots=True)
class AgentRole:
    roles: str
    prefix: bool
    evidence: str
    priority: int


@dataclass(slots=True)
class Description:
    kinds: frozenset[str]
    countries: tuple[str, ...]
    role: str | None
    evidence: str


class PhraseTrie:
    """Token-sequence trie: ``add(("new", "york", "times"), value)``; longest match first."""

    __slots__ = ("root", "size")

    def __init__(self) -> None:
        self.root: dict[Any, Any] = {}
        self.size = 0

    def add(self, words: Sequence[str], value: Any) -> None:
        if not words:
            return
        node = self.root
        for w in words:
            node = node.setdefault(w, {})
        node.setdefault(None, []).append(value)
        self.size += 1

    def matches_at(self, words: Sequence[str], i: int) -> list[tuple[int, list[Any]]]:
        """``(end, values)`` for every phrase starting at ``i``, longest first."""
        out: list[tuple[int, list[Any]]] = []
        node: Any = self.root  # a trie node, or None past the last match
        j = i
        n = len(words)
        while j < n:
            node = node.get(words[j])
            if node is None:
                break
            j += 1
            if None in node:
                out.append((j, node[None]))
        out.reverse()
        return out


def _rows(path: Path) -> Iterable[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip() and not row[0].startswith("#"):
                yield [c.strip() for c in row]


def _case_rule(alias: str) -> str:
    """How a built-in alias must be capitalised in the text to count.

    Short all-capital aliases and mixed-case ones must match exactly ("US" is not "us",
    "LeT" is not "Let"), and so must a capitalised name with its article ("the West");
    capitalised ones need a capital first letter; others any case.
    """
    letters = [c for c in alias if c.isalpha()]
    if re.match(r"[Tt]he [A-Z]", alias):
        # "the West": the article is part of the name and the capital is what makes it
        # one ("the west of the country" is a direction)
        return "exact"
    if len(letters) >= 2 and all(c.isupper() for c in letters) and len(letters) <= 5:
        return "exact"
    parts = re.split(r"[\s\-/]+", alias)
    if any(any(c.isupper() for c in p[1:]) and not p.isupper() for p in parts):
        return "exact"
    if alias[:1].isupper():
        return "title"
    return "any"


class ActorLexicon:
    """Every table the component matches against, compiled into tries once."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._key_cache: dict[str, tuple[str, ...]] = {}
        self.named = PhraseTrie()
        #: Agent phrases stored head-first (reversed), matched backwards from a head noun.
        self.agents = PhraseTrie()
        self.descriptions = PhraseTrie()
        self.subdivisions = PhraseTrie()
        self.country_names: dict[str, str] = {}
        #: lower-case person name, and its token key -> (code, display name, evidence)
        self.leaders: dict[str, tuple[str, str, str]] = {}
        self.role_labels: dict[str, tuple[str, str]] = {}
        #: head word of an organisation name -> its sector roles (``org_heads.tsv``)
        self.org_heads: dict[str, str] = {}
        syntax = json.loads((DATA_DIR / "syntax.json").read_text(encoding="utf-8"))
        self.place_preps = frozenset(syntax["place_prepositions"])
        self.place_nouns = frozenset(syntax["place_nouns"])
        self.modifier_deps = frozenset(syntax["modifier_deps"])
        self.qualifier_preps = frozenset(syntax["qualifier_prepositions"])
        self.affiliation_preps = frozenset(syntax.get("affiliation_prepositions", ()))
        self.person_affiliation_preps = frozenset(syntax.get("person_affiliation_prepositions", ()))
        self.host_words = frozenset(syntax["host_words"])
        self.not_affiliation = frozenset(syntax["not_affiliation"])
        self.former_words = frozenset(syntax["former_words"])
        self.institution_nouns = frozenset(syntax.get("institution_nouns", ()))
        self.setting_offices = frozenset(syntax.get("setting_offices", ()))
        self.international_words = frozenset(syntax.get("international_words", ()))
        #: modifiers of an agent that say it is of no one state ("world", "foreign")
        self.stateless_words = self.international_words | {"foreign"}
        self.state_collectives = frozenset(syntax.get("state_collectives", ()))
        self.counterpart_nouns = frozenset(syntax.get("counterpart_nouns", ()))
        self.posted_abroad_nouns = frozenset(syntax.get("posted_abroad_nouns", ()))
        self.mission_nouns = frozenset(syntax.get("mission_nouns", ()))
        self.force_command_verbs = frozenset(syntax.get("force_command_verbs", ()))
        self.manner_of_force = frozenset(syntax.get("manner_of_force", ()))
        self.force_use_heads = frozenset(syntax.get("force_use_heads", ()))
        self.seat_capitals: dict[str, tuple[str, ...]] = {
            k.lower(): tuple(v) for k, v in syntax.get("seat_capitals", {}).items()
        }
        self._load_builtin()

    # phrases -> token keys ------------------------------------------------------------

    def key(self, phrase: str) -> tuple[str, ...]:
        """Lower-case token sequence of ``phrase`` as the pipeline's tokenizer splits it."""
        cached = self._key_cache.get(phrase)
        if cached is not None:
            return cached
        if all(w.isalnum() for w in phrase.split()):
            key = tuple(fold(w) for w in phrase.lower().split())
        else:
            key = tuple(fold(t.lower_) for t in self._tokenizer(phrase) if not t.is_space)
        self._key_cache[phrase] = key
        return key

    def surface(self, phrase: str) -> tuple[str, ...]:
        return tuple(t.text for t in self._tokenizer(phrase) if not t.is_space)

    def add_name(self, alias: str, entry: NamedEntry) -> None:
        if entry.case == "exact":
            entry = NamedEntry(**{**_entry_fields(entry), "surface": self.surface(alias)})
        self.named.add(self.key(alias), entry)

    def whole_name(self, name: str) -> list[NamedEntry]:
        """The entries matching all of ``name`` ("Human Rights Watch"), highest priority
        first (user files > built-in tables > knowledge base; stable within one)."""
        key = self.key(name)
        found: list[NamedEntry] = []
        for end, values in self.named.matches_at(key, 0):
            if end == len(key):
                found = list(values)
        return sorted(found, key=lambda e: -e.priority)

    def code_of_name(self, name: str, when: date | None) -> str | None:
        """The code of the best entry named ``name`` on ``when`` (the knowledge base's
        dated roles cautiously: a date no role covers gives the country only)."""
        for e in self.whole_name(name):
            if e.category == "discard":
                return None
            if e.entry is not None:
                return e.entry.code_for(when, cautious=e.priority == KNOWLEDGE)
            return e.code
        return None

    # built-in tables --------------------------------------------------------------------

    def _load_builtin(self) -> None:
        for code, label, kind in _rows(DATA_DIR / "roles.tsv"):
            self.role_labels[code] = (label, kind)
        for row in _rows(DATA_DIR / "countries.tsv"):
            code, display, names, adjs, people, capital = (row + [""] * 6)[:6]
            self.country_names[code] = display
            src = "countries.tsv"
            for alias in filter(None, names.split("|")):
                self.add_name(
                    alias,
                    NamedEntry(
                        "country",
                        code,
                        code,
                        "state",
                        display,
                        f"{src}: {alias} -> {code}",
                        _case_rule(alias),
                        BUILTIN,
                    ),
                )
            for alias in filter(None, adjs.split("|")):
                self.add_name(
                    alias,
                    NamedEntry(
                        "demonym",
                        code,
                        code,
                        "state",
                        display,
                        f"{src}: {alias} -> {code}",
                        _case_rule(alias),
                        BUILTIN,
                    ),
                )
            for alias in filter(None, people.split("|")):
                self.add_name(
                    alias,
                    NamedEntry(
                        "people",
                        code,
                        code,
                        "people",
                        display,
                        f"{src}: {alias} -> {code}",
                        _case_rule(alias),
                        BUILTIN,
                    ),
                )
            for alias in filter(None, capital.split("|")):
                self.add_name(
                    alias,
                    NamedEntry(
                        "capital",
                        f"{code}GOV",
                        code,
                        "government",
                        f"{display} government",
                        f"{src}: capital {alias} -> {code}GOV (metonymy)",
                        _case_rule(alias),
                        BUILTIN,
                    ),
                )
        for code, kind, country, names in _rows(DATA_DIR / "groups.tsv"):
            aliases = [a for a in names.split("|") if a]
            for alias in aliases:
                self.add_name(
                    alias,
                    NamedEntry(
                        "group",
                        code,
                        country or None,
                        kind,
                        aliases[0],
                        f"groups.tsv: {alias} -> {code}",
                        _case_rule(alias),
                        BUILTIN,
                    ),
                )
        for phrase, roles in _rows(DATA_DIR / "agents.tsv"):
            self.agents.add(
                tuple(reversed(phrase.split())),
                AgentRole(roles, False, f"agents.tsv: {phrase} -> {roles}", BUILTIN),
            )
        for row in _rows(DATA_DIR / "descriptions.tsv"):
            phrase, kinds, countries, role = [*row, "", "", ""][:4]
            self.descriptions.add(
                tuple(reversed(phrase.split())),
                Description(
                    frozenset(kinds.split("|")),
                    tuple(c for c in countries.split("|") if c),
                    role or None,
                    f"descriptions.tsv: the {phrase}",
                ),
            )
        for code, names in _rows(DATA_DIR / "leaders.tsv"):
            aliases = [a for a in names.split("|") if a]
            for alias in aliases:
                found = (code, aliases[0], f"leaders.tsv: {alias} -> {code}")
                self.leaders.setdefault(alias.lower(), found)
                # the names step asks by token key ("ban ki - moon", accents folded): a
                # hyphenated or accented leader must outrank the knowledge base there too
                self.leaders.setdefault(" ".join(self.key(alias)), found)
        for head, roles in _rows(DATA_DIR / "org_heads.tsv"):
            self.org_heads[head] = roles
        for table in ("subdivisions.tsv", "regions.tsv"):
            for name, country in _rows(DATA_DIR / table):
                self.subdivisions.add(self.key(name), country)

    # user dictionaries ------------------------------------------------------------------

    def add_actor_entries(self, entries: Iterable[ActorEntry], *, priority: int = USER) -> int:
        """Add TABARI/PETRARCH actor entries (``priority``: USER, or KNOWLEDGE for the
        shipped base). A user phrase matches when any word is capitalised ("some"); a
        knowledge-base phrase of one word needs a capital first letter ("title"), so a
        common word the base lists ("zero", "ngo") does not match in running text."""
        n = 0
        for entry in entries:
            display = entry.name.title()
            for phrase in entry.phrases:
                case = "title" if priority == KNOWLEDGE and " " not in phrase else "some"
                self.named.add(
                    self.key(phrase),
                    NamedEntry(
                        "user",
                        None,
                        None,
                        "",
                        display,
                        entry.evidence,
                        case,
                        priority,
                        entry=entry,
                    ),
                )
                n += 1
        return n

    def prefill_keys(self, keys: dict[str, tuple[str, ...]]) -> None:
        """Token keys computed at build time (same tokenizer): spares the tokenizer."""
        self._key_cache.update(keys)

    def add_agent_entries(self, entries: Iterable[AgentEntry]) -> int:
        n = 0
        for entry in entries:
            role = AgentRole(entry.code, entry.prefix, entry.evidence, USER)
            for form in entry.forms:
                self.agents.add(tuple(reversed(self.key(form))), role)
                n += 1
        return n

    def add_discards(self, entries: Iterable[DiscardEntry]) -> int:
        """Discard phrases (matched in any case, like PETRARCH)."""
        n = 0
        for d in entries:
            self.named.add(
                self.key(d.phrase),
                NamedEntry(
                    "discard",
                    None,
                    None,
                    "",
                    d.phrase,
                    f"{d.source}:{d.line} discard",
                    "any",
                    USER,
                    story=d.story,
                ),
            )
            n += 1
        return n

    # roles ------------------------------------------------------------------------------

    def kind_of_roles(self, roles: str) -> str | None:
        for i in range(0, len(roles), 3):
            found = self.role_labels.get(roles[i : i + 3])
            if found:
                return found[1]
        return None

    def label_of_roles(self, roles: str) -> str:
        labels = [
            self.role_labels.get(roles[i : i + 3], (roles[i : i + 3], ""))[0]
            for i in range(0, len(roles), 3)
        ]
        return " ".join(labels)


def _entry_fields(entry: NamedEntry) -> dict[str, Any]:
    return {f: getattr(entry, f) for f in NamedEntry.__slots__}


__all__ = [
    "BUILTIN",
    "DATA_DIR",
    "KNOWLEDGE",
    "USER",
    "ActorLexicon",
    "AgentRole",
    "Description",
    "NamedEntry",
    "PhraseTrie",
    "fold",
]
