"""Who a name is on a date, and why: the entries of the built-in actor tables, the user's
dictionaries and the shipped knowledge base that a name matches (``dotterel actors``).

The lookup matches the whole name as the actor component would (the same token keys,
the same priorities: user files > built-in tables > knowledge base) and resolves dated
roles as the component does (the knowledge base cautiously: with no date, or a date
no role covers, only the country).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dotterel.dictionaries import (
    KNOWLEDGE,
    USER,
    ActorLexicon,
    NamedEntry,
    read_actor_dictionary,
)


@dataclass(slots=True)
class Identity:
    """One entry a name matches."""

    source: str
    name: str
    code: str | None
    category: str
    priority: int
    evidence: str
    #: every code the entry has, with its dates (``USAGOV 2009-01-20..2017-01-20``)
    roles: list[str] = field(default_factory=list)


def _dated(entry: NamedEntry) -> list[str]:
    if entry.entry is None:
        return []
    out = []
    for dc in entry.entry.codes:
        if dc.restricted:
            out.append(f"{dc.code} {dc.start or '...'}..{dc.end or '...'}")
        else:
            out.append(f"{dc.code} (undated default)")
    return out


def who_is(
    name: str,
    when: date | None = None,
    *,
    actors: Sequence[str | Path] = (),
    knowledge: bool = True,
) -> list[Identity]:
    """Every entry ``name`` matches in full, the one the component would pick first.

    Args:
        name: a name as written in a text ("Ashraf Ghani", "Taliban").
        when: the article's date (dated roles), or None.
        actors: user actor dictionaries to consult too.
        knowledge: include the shipped knowledge base.
    """
    import spacy

    from dotterel.knowledge import add_knowledge

    nlp = spacy.blank("en")
    lexicon = ActorLexicon(nlp.tokenizer)
    if knowledge:
        add_knowledge(lexicon, "")
    for path in actors:
        entries, _ = read_actor_dictionary(path)
        lexicon.add_actor_entries(entries, priority=USER)
    out: list[Identity] = []
    for e in lexicon.whole_name(name):
        if e.entry is not None:
            code = e.entry.code_for(when, cautious=e.priority == KNOWLEDGE)
            source = "knowledge base" if e.priority == KNOWLEDGE else "user dictionary"
        else:
            code, source = e.code, "built-in table"
        out.append(Identity(source, e.name, code, e.category, e.priority, e.evidence, _dated(e)))
    leader = lexicon.leaders.get(name.lower())
    if leader is not None:
        code, display, evidence = leader
        out.append(Identity("built-in table", display, code, "leader", 1, evidence))
    out.sort(key=lambda f: -f.priority)  # stable: the trie's order within a priority
    return out


__all__ = ["Identity", "who_is"]
