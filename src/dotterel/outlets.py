"""Who a report comes from: source names, outlets and the originating news source.

:class:`SourceNames` groups the spellings of a news organisation ("The New York Times",
"NYT"); :func:`outlet_name` names the outlet of an article or of one of its sightings
(its outlet, else its URL's host); :func:`originating_source` walks an event's source
chain from that outlet inward while the layers are news media (the rule is in
:mod:`dotterel.merge`, which counts independent sources with these).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import urlparse

from dotterel.model import Actor, Article, Sighting, SourceLink

#: CAMEO (``MED``) and PLOVER (``JRN``) role codes for news media.
MEDIA_ROLES = frozenset({"MED", "JRN"})
_PUNCT = re.compile(r"[^\w\s&-]+")
_SPACE = re.compile(r"[\s-]+")
_STOP = frozenset({"of", "and", "the", "for"})


def normalise_source(name: str) -> str:
    """Comparable form of a source name: case-folded, no leading "the", no punctuation."""
    text = _PUNCT.sub("", name.replace(".", "")).casefold().strip()
    text = _SPACE.sub(" ", text)
    return text.removeprefix("the ").strip()


def _acronyms(norm: str) -> set[str]:
    words = norm.split()
    if len(words) < 2:
        return set()
    content = [w for w in words if w not in _STOP]
    return {"".join(w[0] for w in words), "".join(w[0] for w in content)}


class SourceNames:
    """Groups the spellings of a source ("The New York Times", "NYT") under one key.

    Built from every name that may be compared (outlets and chain layers) so that an
    acronym resolves only when exactly one multi-word name has those initials.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._display: dict[str, str] = {}
        by_acronym: dict[str, set[str]] = defaultdict(set)
        for name in names:
            norm = normalise_source(name)
            if not norm:
                continue
            if len(name) > len(self._display.get(norm, "")):
                self._display[norm] = name.strip()
            for acro in _acronyms(norm):
                by_acronym[acro].add(norm)
        self._acronym = {a: next(iter(n)) for a, n in by_acronym.items() if len(n) == 1}

    def key(self, name: str) -> str:
        """The group key of ``name`` (its normalised form, or its acronym's expansion)."""
        norm = normalise_source(name)
        letters = name.replace(".", "").strip()
        # Only a written acronym ("NYT", "A.P.") stands for a longer name, not any word.
        if letters.isupper() and " " not in letters and norm in self._acronym:
            return self._acronym[norm]
        return norm

    def display(self, key: str) -> str:
        """The longest spelling seen for a key."""
        return self._display.get(key, key)


def is_media_code(code: str | None) -> bool:
    """Whether a CAMEO-style code has a news-media role (``USAMED``, ``GBRMEDJRN``)."""
    if not code:
        return False
    return any(code[i : i + 3] in MEDIA_ROLES for i in range(0, len(code), 3))


def _is_media(
    link: SourceLink, actors: dict[str, Actor], outlet_keys: set[str], names: SourceNames
) -> bool:
    actor = actors.get(link.actor_id or "")
    if actor is not None and actor.kind == "media":
        return True
    if is_media_code(link.code or (actor.code if actor else None)):
        return True
    return names.key(link.name) in outlet_keys


def outlet_name(seen: Article | Sighting) -> str:
    """The outlet of an article or of one sighting of it: its outlet, else its URL's
    host, else ``article <id>`` (an outlet of its own)."""
    if seen.outlet:
        return seen.outlet
    if seen.url:
        try:
            host = urlparse(seen.url).hostname or ""
        except ValueError:  # a malformed URL ("http://[x") names no host
            host = ""
        if host:
            return host.removeprefix("www.")
    return f"article {seen.id if isinstance(seen, Article) else seen.article_id}"


def originating_source(
    chain: list[SourceLink],
    article: Article,
    actors: dict[str, Actor],
    names: SourceNames,
    outlet_keys: set[str],
    outlet: str | None = None,
) -> tuple[str, str]:
    """``(key, display name)`` of the news organisation a report originates from.

    Args:
        chain: the event's source chain, outermost (the outlet) first.
        article: the article, whose outlet is the outermost layer.
        actors: the article's actors by id (to know which layers are media).
        names: the name grouping of the whole corpus.
        outlet_keys: keys of every outlet in the corpus.
        outlet: the outlet that ran it (one of the article's sightings); by default the
            article's own.
    """
    current = outlet or outlet_name(article)
    layers = list(chain)
    # The outlet itself heads the chain (no offsets); skip it, it is ``current``.
    if layers and layers[0].start is None:
        layers = layers[1:]
    for link in layers:
        if not _is_media(link, actors, outlet_keys, names):
            break
        current = link.name
    key = names.key(current)
    return key, names.display(key)


__all__ = [
    "MEDIA_ROLES",
    "SourceNames",
    "is_media_code",
    "normalise_source",
    "originating_source",
    "outlet_name",
]
