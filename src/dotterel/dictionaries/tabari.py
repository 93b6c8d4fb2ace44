"""The TABARI/PETRARCH dictionary format: what actor, agent and discard files share.

Analysts keep their actor lists in this format (the PETRARCH validation suite, the Phoenix
country, international and militant-group files), so reading it lets them bring their
own. What every file of the format has, as PETRARCH2 documents it:

* Comments: ``#`` (and the legacy ``;``) to the end of the line, ``<!-- ... -->`` blocks
  that may span lines; blank lines are skipped.
* Codes in ``[...]``. A code may carry a date restriction: ``[AFGGOV 331108-730717]``,
  ``[HOB < 950601]``, ``[HOBREB > 990816]`` (dates ``YYYYMMDD`` or ``YYMMDD``, limits
  inclusive). A code made only of punctuation (``---``) is the null code.
* Phrases: words joined by blanks or ``_``; a final ``_`` was TABARI's "no stemming" mark
  and PETRARCH matches whole words only, so it is dropped.

Nothing raises on a bad line: each one is counted and kept as an example in the file's
:class:`DictionarySummary` (and logged), because one stray bracket in a 50 000-line file
must not stop a run. Only an unreadable file raises :class:`DictionaryError`.

The readers of each kind of file: :mod:`.actor_files` (actors, discards) and
:mod:`.agent_files`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dotterel.errors import DictionaryError

LOGGER = logging.getLogger(__name__)

#: How many unparsed lines a summary keeps as examples.
MAX_EXAMPLES = 10

#: A ``[...]`` code block (a stray ``}`` closes it too, as in the distributed files).
CODE_BLOCK = re.compile(r"\[([^\]\}]*)[\]\}]")
_XML_COMMENT = re.compile(r"<!?\s*--.*?-->")
_DATE = r"(\d{6}|\d{8})"
_RESTRICTION = re.compile(
    rf"^(?:<\s*{_DATE}|>\s*{_DATE}|{_DATE}\s*-\s*{_DATE})$",
)


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


def clean_lines(text: str) -> list[tuple[int, str]]:
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


def read_text(path: Path) -> str:
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
    head = read_text(Path(path))[:20000]
    if re.search(r"^\s*-\s.*\[\d{3}", head, re.MULTILINE) or "####### VERB" in head:
        return "verbs"
    if re.search(r"\[\s*~|~\s*\]", head):
        return "agents"
    if re.search(r"\[[A-Z]{3}", head):
        return "actors"
    return "unknown"


__all__ = [
    "CODE_BLOCK",
    "MAX_EXAMPLES",
    "DatedCode",
    "DictionarySummary",
    "clean_lines",
    "is_null_code",
    "normalise_phrase",
    "parse_code_block",
    "parse_date",
    "read_text",
    "sniff_kind",
]
