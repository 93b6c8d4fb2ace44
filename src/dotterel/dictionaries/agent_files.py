"""Read TABARI/PETRARCH agent dictionaries (the format: :mod:`.tabari`).

An agent line is ``PHRASE {PLURALS} [~CODE]``. ``~CODE`` is appended after the actor's
code, ``CODE~`` put before it. Regular plurals are generated (``S``, ``Y -> IES``,
``SS -> ES``) unless ``{}`` is given; ``!PERSON! = MAN, MEN`` defines substitution sets
used as ``CONGRESS!PERSON!``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dotterel.dictionaries.tabari import (
    CODE_BLOCK,
    DictionarySummary,
    clean_lines,
    normalise_phrase,
    read_text,
)

_SUBST_DEF = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", re.IGNORECASE)
_SUBST_USE = re.compile(r"![A-Z0-9_]+!", re.IGNORECASE)


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
    """Parse a TABARI/PETRARCH ``.agents`` file (syntax: the module docstring).

    Args:
        path: the dictionary file.
    """
    p = Path(path)
    summary = DictionarySummary(path=str(p), kind="agents")
    entries: list[AgentEntry] = []
    substitutions: dict[str, list[str]] = {}
    for no, line in clean_lines(read_text(p)):
        stripped = line.strip()
        sub = _SUBST_DEF.match(stripped)
        if sub:
            items = [normalise_phrase(x) for x in sub.group(2).split(",")]
            substitutions[sub.group(1).upper()] = [x for x in items if x]
            continue
        blocks = CODE_BLOCK.findall(stripped)
        if not blocks:
            summary.problem(no, line, "no [code]")
            continue
        head = CODE_BLOCK.sub(" ", stripped)
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


__all__ = ["AgentEntry", "read_agent_dictionary"]
