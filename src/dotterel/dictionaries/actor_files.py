"""Read TABARI/PETRARCH actor dictionaries and discard lists (the format: :mod:`.tabari`).

* Actors: a primary phrase, optional synonyms on lines starting with ``+``, and codes in
  ``[...]`` either on the primary line or on following indented lines, each maybe dated
  (``[DZAGOV 040701-050531]``).
* Discards: one phrase a line; ``+`` marks a story-level discard.

What the actor component matches these against is :class:`.actor_lexicon.ActorLexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dotterel.dictionaries.tabari import (
    CODE_BLOCK,
    DatedCode,
    DictionarySummary,
    clean_lines,
    is_null_code,
    normalise_phrase,
    parse_code_block,
    read_text,
)


@dataclass(slots=True)
class ActorEntry:
    """One actor record: its phrases (lower-case, words separated by one blank) and codes."""

    name: str
    phrases: list[str]
    codes: list[DatedCode]
    source: str
    line: int

    def code_for(self, when: date | None, *, cautious: bool = False) -> str | None:
        """The code in force on ``when``: a matching restriction, else the default code.

        Without a date the default (unrestricted) code is used, else the latest restricted
        one. Returns ``None`` for the null code (``---``): the phrase is known but uncoded.

        ``cautious`` (the shipped knowledge base): when no restriction covers the date and
        there is no default code -- or there is no date at all -- do not guess the office
        (the latest dated code of a politician is usually the retired ``ELI``): give only
        the country all the dated codes share, if they share one.
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
            elif self.codes and cautious:
                chosen = self.shared_country()
            elif self.codes and when is None:
                chosen = self.codes[-1].code
        if chosen is None or is_null_code(chosen):
            return None
        return chosen

    def shared_country(self) -> str | None:
        """The three-letter prefix every (non-null) code of the entry starts with, if one."""
        heads = {dc.code[:3] for dc in self.codes if not is_null_code(dc.code)}
        if len(heads) == 1:
            head = heads.pop()
            if len(head) == 3 and head.isalpha():
                return head
        return None

    @property
    def evidence(self) -> str:
        return f"{self.source}:{self.line} {self.name.upper().replace(' ', '_')}"


@dataclass(slots=True)
class DiscardEntry:
    """A phrase whose sentence (or, with ``story``, whole article) is not coded."""

    phrase: str
    story: bool
    source: str
    line: int


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

    for no, line in clean_lines(read_text(p)):
        stripped = line.strip()
        blocks = CODE_BLOCK.findall(stripped)
        head = CODE_BLOCK.sub(" ", stripped).strip()
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


def read_discard_list(path: str | Path) -> tuple[list[DiscardEntry], DictionarySummary]:
    """Parse a PETRARCH discard list: one phrase a line, ``+`` for story-level discards."""
    p = Path(path)
    summary = DictionarySummary(path=str(p), kind="discards")
    entries: list[DiscardEntry] = []
    for no, line in clean_lines(read_text(p)):
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


__all__ = ["ActorEntry", "DiscardEntry", "read_actor_dictionary", "read_discard_list"]
