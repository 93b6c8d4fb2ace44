"""Read TABARI/PETRARCH actor, agent and discard dictionaries.

Analysts keep their actor lists in this format (the PETRARCH validation suite, the Phoenix
country, international and militant-group files), so reading it lets them bring their
own. The format, as PETRARCH2 documents it:

* Comments: ``#`` (and the legacy ``;``) to the end of the line, ``<!-- ... -->`` blocks
  that may span lines; blank lines are skipped.
* Actors: a primary phrase, optional synonyms on lines starting with ``+``, and codes in
  ``[...]`` either on the primary line or on following indented lines. A code may carry a
  date restriction: ``[AFGGOV 331108-730717]``, ``[HOB < 950601]``, ``[HOBREB > 990816]``
  (dates ``YYYYMMDD`` or ``YYMMDD``, limits inclusive). Words are joined by blanks or
  ``_``; a final ``_`` was TABARI's "no stemming" mark and PETRARCH matches whole words
  only, so it is dropped. A code made only of punctuation (``---``) is the null code.
* Agents: ``PHRASE {PLURALS} [~CODE]``. ``~CODE`` is appended after the actor's code,
  ``CODE~`` put before it. Regular plurals are generated (``S``, ``Y -> IES``,
  ``SS -> ES``) unless ``{}`` is given; ``!PERSON! = MAN, MEN`` defines substitution sets
  used as ``CONGRESS!PERSON!``.
* Discards: one phrase a line; ``+`` marks a story-level discard.

Nothing here raises on a bad line: each one is counted and kept as an example in the
file's :class:`DictionarySummary` (and logged), because one stray bracket in a 50 000-line
file must not stop a run. Only an unreadable file raises :class:`DictionaryError`.

This module also compiles everything the actor component matches against (the built-in
tables under ``components/data/actors/`` and the user's files) into token-sequence tries:
:class:`ActorLexicon`. Using it on a document is :mod:`dotterel.components.actors`' job.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from dotterel.errors import DictionaryError

LOGGER = logging.getLogger(__name__)

#: How many unparsed lines a summary keeps as examples.
MAX_EXAMPLES = 10

_CODE_BLOCK = re.compile(r"\[([^\]\}]*)[\]\}]")
_XML_COMMENT = re.compile(r"<!?\s*--.*?-->")
_DATE = r"(\d{6}|\d{8})"
_RESTRICTION = re.compile(
    rf"^(?:<\s*{_DATE}|>\s*{_DATE}|{_DATE}\s*-\s*{_DATE})$",
)
_SUBST_DEF = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", re.IGNORECASE)
_SUBST_USE = re.compile(r"![A-Z0-9_]+!", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` inclusive (``None`` = open)."""

    code: str
    start: date | None = None
    end: date | None = None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class ActorEntry:
    """One actor record: its phrases (lower-case, words separated by one blank) and codes."""

    name: str
    phrases: list[str]
    codes: list[DatedCode]
    source: str
    line: int

    def code_for(self, when: date | None) -> str | None:
        """The code in force on ``when``: a matching restriction, else the default code.

        Without a date the default (unrestricted) code is used, else the latest restricted
        one. Returns ``None`` for the null code (``---``): the phrase is known but uncoded.
        """
        chosen: str | None = None
        if when is not None:
            for dc in self.codes:
                if dc.restricted and dc.covers(when):
                    chosen = dc.code
                    break
        if chosen is None:
            defaults = [dc.code for dc in self.codes if not dc.restricted]
            if defaults:
                chosen = defaults[0]
            elif self.codes and when is None:
                chosen = self.codes[-1].code
        if chosen is None or is_null_code(chosen):
            return None
        return chosen

    @property
    def evidence(self) -> str:
        return f"{self.source}:{self.line} {self.name.upper().replace(' ', '_')}"


@dataclass(slots=True)
class AgentEntry:
    """One agent record: the phrase and its forms, and the code with its position."""

    phrase: str
    forms: list[str]
    code: str
    #: ``True`` for ``CODE~`` (put before the actor's code, e.g. ``NGO~``).
    prefix: bool
    source: str
    line: int

    @property
    def evidence(self) -> str:
        mark = f"{self.code}~" if self.prefix else f"~{self.code}"
        return f"{self.source}:{self.line} {self.phrase.upper().replace(' ', '_')} [{mark}]"


@dataclass(slots=True)
class DiscardEntry:
    """A phrase whose sentence (or, with ``story``, whole article) is not coded."""

    phrase: str
    story: bool
    source: str
    line: int


@dataclass(slots=True)
class DictionarySummary:
    """What one file yielded, and what in it could not be parsed."""

    path: str
    kind: str
    entries: int = 0
    phrases: int = 0
    problems: int = 0
    examples: list[str] = field(default_factory=list)
    note: str | None = None

    def problem(self, line_no: int, line: str, why: str) -> None:
        self.problems += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(f"line {line_no}: {why}: {line.strip()[:80]!r}")

    def log(self) -> None:
        LOGGER.info(
            "%s dictionary %s: %d entries, %d phrases, %d unparsed lines",
            self.kind,
            self.path,
            self.entries,
            self.phrases,
            self.problems,
        )
        if self.note:
            LOGGER.warning("%s: %s", self.path, self.note)
        if self.problems:
            LOGGER.warning(
                "%s: %d lines could not be parsed, e.g. %s",
                self.path,
                self.problems,
                "; ".join(self.examples[:3]),
            )


def is_null_code(code: str) -> bool:
    """``---``, ``***``, ``+++``, ``###``: codes that recognise a phrase but code nothing."""
    return not any(ch.isalnum() for ch in code)


def fold(word: str) -> str:
    """``word`` without diacritics ("bogotá" -> "bogota"), so names match however a
    source or a table spells them; ASCII words pass through untouched (the fast path)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_phrase(raw: str) -> str:
    """``AFGHANISTAN_`` -> ``afghanistan``; ``CARAS GALADHON`` -> ``caras galadhon``."""
    return " ".join(raw.replace("_", " ").split()).lower()


def parse_date(text: str) -> date:
    """``YYYYMMDD`` or ``YYMMDD`` (two-digit years below 30 are 20xx, as in CountryInfo)."""
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        return date(year, int(text[2:4]), int(text[4:6]))
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def parse_code_block(block: str) -> DatedCode:
    """``AFGGOV 331108-730717`` -> DatedCode; raises ``ValueError`` when malformed."""
    block = block.strip()
    if not block:
        raise ValueError("empty code")
    parts = block.split(None, 1)
    first = parts[0]
    if first[0] in "<>" or (first[0].isdigit() and len(parts) == 1 and _RESTRICTION.match(first)):
        raise ValueError("date restriction without a code")
    code = first.upper()
    rest = parts[1].strip() if len(parts) > 1 else ""
    if not rest:
        return DatedCode(code)
    m = _RESTRICTION.match(rest.replace(" ", "")) or _RESTRICTION.match(rest)
    if not m:
        raise ValueError(f"bad date restriction {rest!r}")
    before, after, start, end = m.group(1), m.group(2), m.group(3), m.group(4)
    if before:
        return DatedCode(code, None, parse_date(before))
    if after:
        return DatedCode(code, parse_date(after), None)
    return DatedCode(code, parse_date(start), parse_date(end))


def _clean_lines(text: str) -> list[tuple[int, str]]:
    """Lines with comments removed (keeping leading whitespace), numbered from 1."""
    out: list[tuple[int, str]] = []
    in_comment = False
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            if "-->" in line:
                line = line.split("-->", 1)[1]
                in_comment = False
            else:
                continue
        line = _XML_COMMENT.sub(" ", line)
        if line.lstrip().startswith("<"):
            if "-->" not in line and "--" in line:
                in_comment = True
            continue
        line = line.split("#", 1)[0].split(";", 1)[0]
        if line.strip():
            out.append((no, line.rstrip()))
    return out


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read dictionary {path}: {exc}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def sniff_kind(path: str | Path) -> str:
    """``actors``, ``agents``, ``discards``, ``verbs`` or ``unknown`` (from name, then content)."""
    name = Path(path).name.lower()
    for kind in ("verbs", "agents", "actors", "discards"):
        if kind.rstrip("s") in name:
            return kind
    head = _read_text(Path(path))[:20000]
    if re.search(r"^\s*-\s.*\[\d{3}", head, re.MULTILINE) or "####### VERB" in head:
        return "verbs"
    if re.search(r"\[\s*~|~\s*\]", head):
        return "agents"
    if re.search(r"\[[A-Z]{3}", head):
        return "actors"
    return "unknown"


def read_actor_dictionary(path: str | Path) -> tuple[list[ActorEntry], DictionarySummary]:
    """Parse a TABARI/PETRARCH ``.actors`` file.

    Args:
        path: the dictionary file.

    Returns:
        The entries (each with all its phrases) and a summary of what could not be parsed.
        An entry without any code is reported and dropped: PETRARCH would treat it as a
        null code, but in the distributed files that is nearly always a missing line.
    """
    p = Path(path)
    summary = DictionarySummary(path=str(p), kind="actors")
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None

    def close() -> None:
        nonlocal current
        if current is None:
            return
        if current.codes:
            entries.append(current)
            summary.entries += 1
            summary.phrases += len(current.phrases)
        else:
            summary.problem(current.line, current.name, "entry without a code")
        current = None

    for no, line in _clean_lines(_read_text(p)):
        stripped = line.strip()
        blocks = _CODE_BLOCK.findall(stripped)
        head = _CODE_BLOCK.sub(" ", stripped).strip()
        if "[" in head or "]" in head:
            summary.problem(no, line, "unbalanced brackets")
            head = head.replace("[", " ").replace("]", " ").strip()
        codes: list[DatedCode] = []
        for block in blocks:
            try:
                codes.append(parse_code_block(block))
            except ValueError as exc:
                summary.problem(no, line, str(exc))
        if not head:
            # a code line: belongs to the current entry
            if current is None:
                if codes:
                    summary.problem(no, line, "code without a phrase")
                continue
            current.codes.extend(codes)
            continue
        if head.startswith("+"):
            phrase = normalise_phrase(head[1:])
            if current is None:
                summary.problem(no, line, "synonym without a primary phrase")
                continue
            if phrase:
                current.phrases.append(phrase)
            current.codes.extend(codes)
            continue
        close()
        phrase = normalise_phrase(head)
        if not phrase:
            summary.problem(no, line, "empty phrase")
            continue
        current = ActorEntry(name=phrase, phrases=[phrase], codes=codes, source=p.name, line=no)
    close()
    return entries, summary


def _plurals(phrase: str) -> list[str]:
    """Regular plural of the last word, PETRARCH's way."""
    words = phrase.split(" ")
    last = words[-1]
    if not last.isalpha():
        return []
    if last.endswith("ss"):
        plural = last + "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return [" ".join([*words[:-1], plural])]


def read_agent_dictionary(path: str | Path) -> tuple[list[AgentEntry], DictionarySummary]:
    """Parse a TABARI/PETRARCH ``.agents`` file (see the module docstring for the syntax).

    Args:
        path: the dictionary file.
    """
    p = Path(path)
    summary = DictionarySummary(path=str(p), kind="agents")
    entries: list[AgentEntry] = []
    substitutions: dict[str, list[str]] = {}
    for no, line in _clean_lines(_read_text(p)):
        stripped = line.strip()
        sub = _SUBST_DEF.match(stripped)
        if sub:
            items = [normalise_phrase(x) for x in sub.group(2).split(",")]
            substitutions[sub.group(1).upper()] = [x for x in items if x]
            continue
        blocks = _CODE_BLOCK.findall(stripped)
        if not blocks:
            summary.problem(no, line, "no [code]")
            continue
        head = _CODE_BLOCK.sub(" ", stripped)
        plural_forms: list[str] | None = None
        brace = re.search(r"\{([^}]*)\}", head)
        if brace:
            plural_forms = [normalise_phrase(x) for x in brace.group(1).split() if x.strip()]
            head = head[: brace.start()] + " " + head[brace.end() :]
        raw_code = blocks[0].strip().replace(" ", "")
        if raw_code.startswith("~"):
            code, prefix = raw_code[1:], False
        elif raw_code.endswith("~"):
            code, prefix = raw_code[:-1], True
        else:
            summary.problem(no, line, "agent code without '~' (read as a suffix)")
            code, prefix = raw_code, False
        code = code.upper()
        if not code or not code.isalnum():
            summary.problem(no, line, "bad agent code")
            continue
        head = head.strip()
        markers = _SUBST_USE.findall(head)
        variants = [head]
        bad_marker = False
        for marker in markers:
            options = substitutions.get(marker.upper())
            if options is None:
                bad_marker = True
                break
            variants = [v.replace(marker, opt.upper(), 1) for v in variants for opt in options]
        if bad_marker:
            summary.problem(no, line, "undefined substitution set")
            continue
        for variant in variants:
            phrase = normalise_phrase(variant)
            if not phrase:
                summary.problem(no, line, "empty phrase")
                continue
            if markers:
                forms = [phrase]  # substituted items already carry their number
            elif plural_forms is not None:
                forms = [phrase, *plural_forms]
            else:
                forms = [phrase, *_plurals(phrase)]
            entries.append(
                AgentEntry(
                    phrase=phrase, forms=forms, code=code, prefix=prefix, source=p.name, line=no
                )
            )
            summary.entries += 1
            summary.phrases += len(forms)
    return entries, summary


def read_discard_list(path: str | Path) -> tuple[list[DiscardEntry], DictionarySummary]:
    """Parse a PETRARCH discard list: one phrase a line, ``+`` for story-level discards."""
    p = Path(path)
    summary = DictionarySummary(path=str(p), kind="discards")
    entries: list[DiscardEntry] = []
    for no, line in _clean_lines(_read_text(p)):
        stripped = line.strip()
        story = stripped.startswith("+")
        phrase = normalise_phrase(stripped.lstrip("+"))
        if not phrase or "[" in phrase:
            summary.problem(no, line, "not a discard phrase")
            continue
        entries.append(DiscardEntry(phrase=phrase, story=story, source=p.name, line=no))
        summary.entries += 1
        summary.phrases += 1
    return entries, summary


# --- the compiled lexicon ------------------------------------------------------------
#
# The actor component matches text against one lexicon: its built-in tables
# (``components/data/actors/*.tsv``) merged with the user's dictionaries above, compiled
# into token-sequence tries once at start-up so that matching is a dictionary lookup per
# token, never a loop over the tables.

#: The built-in tables (see the README there).
DATA_DIR = Path(__file__).resolve().parents[1] / "components" / "data" / "actors"

#: Priority of built-in entries; user dictionaries load with a higher one and win.
BUILTIN, USER = 1, 2


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
        node = self.root
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
    "LeT" is not "Let"); capitalised ones need a capital first letter; others any case.
    """
    letters = [c for c in alias if c.isalpha()]
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
        #: lower-case person name -> (code, display name, evidence)
        self.leaders: dict[str, tuple[str, str, str]] = {}
        self.role_labels: dict[str, tuple[str, str]] = {}
        syntax = json.loads((DATA_DIR / "syntax.json").read_text(encoding="utf-8"))
        self.place_preps = frozenset(syntax["place_prepositions"])
        self.place_nouns = frozenset(syntax["place_nouns"])
        self.modifier_deps = frozenset(syntax["modifier_deps"])
        self.qualifier_preps = frozenset(syntax["qualifier_prepositions"])
        self.host_words = frozenset(syntax["host_words"])
        self.not_affiliation = frozenset(syntax["not_affiliation"])
        self.former_words = frozenset(syntax["former_words"])
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
                self.leaders.setdefault(
                    alias.lower(), (code, aliases[0], f"leaders.tsv: {alias} -> {code}")
                )
        for table in ("subdivisions.tsv", "regions.tsv"):
            for name, country in _rows(DATA_DIR / table):
                self.subdivisions.add(self.key(name), country)

    # user dictionaries ------------------------------------------------------------------

    def add_actor_entries(self, entries: Iterable[ActorEntry]) -> int:
        n = 0
        for entry in entries:
            for phrase in entry.phrases:
                self.named.add(
                    self.key(phrase),
                    NamedEntry(
                        "user",
                        None,
                        None,
                        "",
                        entry.name.title(),
                        entry.evidence,
                        "some",
                        USER,
                        entry=entry,
                    ),
                )
                n += 1
        return n

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
    "USER",
    "ActorEntry",
    "ActorLexicon",
    "AgentEntry",
    "AgentRole",
    "DatedCode",
    "Description",
    "DictionarySummary",
    "DiscardEntry",
    "NamedEntry",
    "PhraseTrie",
    "is_null_code",
    "normalise_phrase",
    "parse_code_block",
    "read_actor_dictionary",
    "read_agent_dictionary",
    "read_discard_list",
    "sniff_kind",
]
