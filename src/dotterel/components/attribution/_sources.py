"""Source naming: the display name and actor of each source across an article.

Owns :class:`SourceNamer`: a chain reads in the article's own words ("Afghan
intelligence officials"), with a short form ("the Times", "NYT") resolved to an
earlier full name and a pronoun to the most recent compatible source.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from dotterel.components.attribution._spans import core_span
from dotterel.components.attribution._syntax import RELATIVE
from dotterel.extensions import actor_at
from dotterel.model import Actor

LOGGER = logging.getLogger(__name__)

ACRONYM_TAIL_RE = re.compile(r"\s*\(([A-Z][A-Za-z.&]{1,9})\)\s*$")
PRONOUN_GROUPS = {
    "it": "it",
    "its": "it",
    "he": "person",
    "she": "person",
    "him": "person",
    "her": "person",
    "his": "person",
    "they": "plural",
    "them": "plural",
    "their": "plural",
}


def canonical(name: str) -> str:
    """A source's display name: no leading article, no trailing ``(ACRONYM)``."""
    name = ACRONYM_TAIL_RE.sub("", name).strip(" ,")
    if name.lower().startswith("the "):
        name = name[4:]
    return name


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class SourceNamer:
    """Resolves source names across an article: aliases, acronyms and pronouns.

    Uses the actor component's mentions when they exist; otherwise links a shortened
    name ("the Times", "NYT") to an earlier full name ("the New York Times (NYT)") and a
    pronoun to the most recent compatible source.
    """

    def __init__(self, doc: Doc, text: str, person_nouns: frozenset[str] = frozenset()) -> None:
        """Args:
        doc: the parsed article.
        text: ``doc.text``.
        person_nouns: singular role nouns that name a person ("spokesman", "official"),
            so that "he said" can go back to "a rebel spokesman".
        """
        self.doc = doc
        self.text = text
        self.person_nouns = person_nouns
        #: (name, group, actor) of sources seen so far, most recent last.
        self.history: list[tuple[str, str, Actor | None]] = []
        self.acronyms: dict[str, str] = {}

    def _group(self, head: Token, actor: Actor | None) -> str:
        if actor is not None and actor.kind == "person":
            return "person"
        if head.ent_type_ == "PERSON":
            return "person"
        if head.tag_ == "NN" and head.lemma_.lower() in self.person_nouns:
            return "person"
        if head.tag_ in {"NNS", "NNPS"}:
            return "plural"
        return "it"

    def resolve(self, head: Token | None, span: tuple[int, int] | None) -> tuple[str, Actor | None]:
        """Display name and actor for a source noun phrase headed by ``head``."""
        if head is None or span is None:
            return "", None
        doc = self.doc
        if head.lower_ in RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head  # "Obama, who endorsed ..." names Obama
        core = core_span(head)
        actor = actor_at(doc, *core)
        lower = head.lower_
        if head.pos_ == "PRON" and lower in PRONOUN_GROUPS:
            if actor is not None:
                same = [
                    n for n, _, a in reversed(self.history) if a is not None and a.id == actor.id
                ]
                name = same[0] if same else actor.name
            else:
                want = PRONOUN_GROUPS[lower]
                name, actor = self._antecedent(want)
            return name or head.text, actor
        raw = self.text[core[0] : core[1]]
        acro = ACRONYM_TAIL_RE.search(self.text[core[0] : span[1]])
        # the words of the article, not the actor's canonical name: a chain should
        # read "Afghan intelligence officials", with the actor's code beside it
        name = self._alias(canonical(raw))
        person = next(
            (c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
        )
        if person is not None and head.ent_type_ != "PERSON":
            # "a rebel spokesman, Ahmed Nouri,": the person is the source, in their role
            p_start, p_end = core_span(person)
            name = f"{name} {self.text[p_start:p_end]}"
        if acro:
            self.acronyms[acro.group(1)] = name
        self.history.append((name, self._group(head, actor), actor))
        return name, actor

    def _alias(self, name: str) -> str:
        if name in self.acronyms:
            return self.acronyms[name]
        words = name.split()
        for earlier, _, _ in reversed(self.history):
            if name == earlier:
                return earlier
            ew = earlier.split()
            if len(words) == 1 and name.isupper() and initials(earlier) == name:
                return earlier
            if (
                len(words) < len(ew)
                and words
                and ew[-len(words) :] == words
                and words[0][:1].isupper()
            ):
                return earlier
        return name

    def _antecedent(self, group: str) -> tuple[str, Actor | None]:
        for name, g, actor in reversed(self.history):
            if g == group or (group == "plural" and g == "it" and actor is not None):
                return name, actor
        return "", None
