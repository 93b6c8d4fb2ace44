"""Helpers for the events tests: a parsed Doc whose actors are a fixed name -> code table.

The actors component is left out so that each test says exactly which words are actors.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.components.events import EventsComponent
from dotterel.extensions import article_of
from dotterel.model import Actor, Event, Mention

#: Names the tests treat as actors, with their codes.
ACTORS = {
    "Canada": "CAN",
    "Chile": "CHL",
    "Chilean": "CHL",
    "Peru": "PER",
    "Japan": "JPN",
    "Norway": "NOR",
    "Brazil": "BRA",
    "Chinese diplomats": "CHNGOV",
    "Chinese": "CHN",
    "Gondor": "GON",
    "Arnor": "ARN",
    "Rohan": "ROH",
}


def with_actors(doc: Doc, table: dict[str, str] = ACTORS, *, per_name: bool = False) -> Doc:
    """Mark every occurrence of the table's names as a mention of one actor per code
    (``per_name``: one actor per name, so that two names may share a code)."""
    art = article_of(doc)
    actors: dict[str, Actor] = {}
    mentions = []
    taken: set[int] = set()
    for name in sorted(table, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(name)}\b", doc.text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            code = table[name]
            actor = actors.setdefault(
                name if per_name else code,
                Actor(id=f"{art.id}-a{len(actors)}", name=name, code=code),
            )
            mentions.append(
                Mention(
                    id=f"{art.id}-n{len(mentions)}",
                    start=m.start(),
                    end=m.end(),
                    text=name,
                    label="GPE",
                    actor_id=actor.id,
                )
            )
    doc._.actor_mentions = sorted(mentions, key=lambda x: x.start)
    doc._.actors = list(actors.values())
    return doc


def run(base: Language, events: EventsComponent, text: str) -> list[Event]:
    """The events of ``text`` (parsed by ``base``, actors from :data:`ACTORS`)."""
    return events(with_actors(base(text)))._.events


def triples(evs: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source code, target code, PLOVER type) of each event."""
    return {(e.source_code, e.target_code, e.event_type) for e in evs}
