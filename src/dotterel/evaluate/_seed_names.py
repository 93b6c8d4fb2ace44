"""Seed task: how predicted names are matched to the gold actors' names and mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dotterel.evaluate._seed_gold import SeedActor
from dotterel.evaluate.base import starts_with_any
from dotterel.model import SourceLink

# --- name matching ------------------------------------------------------------------

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_PUNCT = re.compile(r"[^\w\s]")


def norm(name: str | None) -> str:
    """Lower-case, curly quotes and punctuation dropped, leading article removed."""
    if not name:
        return ""
    s = _PUNCT.sub(" ", name.replace("’", "'").lower().replace("'s ", " "))
    return _ARTICLE.sub("", " ".join(s.split()))


def contains_words(haystack: str, needle: str) -> bool:
    """``needle``'s words occur contiguously in ``haystack`` (both normalised)."""
    return bool(needle) and f" {needle} " in f" {haystack} "


class Names:
    """Maps source names to gold actors through the gold ``mentions`` lists."""

    def __init__(self, actors: Sequence[SeedActor], chain_names: Sequence[str]) -> None:
        self.actors = list(actors)
        self.index: dict[str, int] = {}
        for i, actor in enumerate(self.actors):
            for name in (actor.name, *actor.mentions):
                self.index.setdefault(norm(name), i)
        self.chain_names = {norm(n) for n in chain_names}

    def actor_of(self, name: str | None, *, contained: bool = False) -> int | None:
        """The gold actor a name refers to (its exact normalised form).

        With ``contained``, a longer name that holds a known form also counts (the longest
        form wins): predicted source spans often carry an apposition.
        """
        n = norm(name)
        if not n:
            return None
        if n in self.index or not contained:
            return self.index.get(n)
        contained_forms = [(len(k), i) for k, i in self.index.items() if contains_words(n, k)]
        return max(contained_forms)[1] if contained_forms else None

    def same_source(self, gold_name: str, link: SourceLink) -> bool:
        g, p = norm(gold_name), norm(link.name)
        if g and (g == p or contains_words(p, g)):
            return True
        gold_actor = self.actor_of(gold_name)
        if gold_actor is None:
            return False
        link_actor = self.actor_of(link.name, contained=True)
        if link_actor is not None:
            return link_actor == gold_actor
        if p in self.chain_names:  # another source the gold names: not this one
            return False
        return starts_with_any(link.code, self.actors[gold_actor].codes)

    def chain_holds(self, gold_chain: Sequence[str], chain: Sequence[SourceLink]) -> bool:
        """The predicted chain contains the gold sources in this order (extra layers allowed)."""
        i = 0
        for link in chain:
            if i < len(gold_chain) and self.same_source(gold_chain[i], link):
                i += 1
        return i == len(gold_chain)
