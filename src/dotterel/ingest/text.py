"""Plain-text articles, and the final checks every article goes through.

Plain text is kept verbatim apart from BOM removal and newline normalisation, because
record offsets (and the web UI's highlights) point into it.
"""

from __future__ import annotations

import logging
from datetime import date

from dotterel.errors import InputError
from dotterel.ingest.checks import (
    check_language,
    check_not_empty,
    check_text_like,
    decode,
    normalise_text,
)
from dotterel.ingest.options import ReadOptions
from dotterel.model import Article

LOGGER = logging.getLogger(__name__)


def make_article(
    text: str,
    *,
    origin: str,
    options: ReadOptions,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    pub_date: date | None = None,
) -> Article:
    """Check decoded article text and wrap it with its metadata.

    ``text`` must already be normalised. The caller's overrides in ``options`` win over
    the metadata the input supplied.

    Raises:
        InputError: ``empty``, ``binary`` or ``not_english``.
    """
    check_not_empty(text)
    check_text_like(text)
    language = check_language(text, allow_any_language=options.allow_any_language)
    article = Article(
        text=text,
        title=title or None,
        outlet=outlet or None,
        url=url or None,
        pub_date=pub_date,
        origin=origin,
        language=language,
    )
    return options.apply(article)


def article_from_text_bytes(data: bytes, *, origin: str, options: ReadOptions) -> Article:
    """An article from the bytes of a plain-text document.

    Raises:
        InputError: ``encoding``, ``empty``, ``binary`` or ``not_english``.
    """
    if not data:
        raise InputError("empty file", "empty")
    text = normalise_text(decode(data))
    return make_article(text, origin=origin, options=options, title=headline(text))


#: A first line longer than this is a paragraph, not a headline.
_MAX_HEADLINE = 200


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline.

    A headline stands alone (a blank line follows it), is short, and does not end like a
    sentence. The text itself is left as it is: the headline stays in it, so offsets
    into the article do not move.
    """
    first, sep, rest = text.lstrip("\n").partition("\n")
    first = first.strip()
    if not sep or not rest.startswith("\n") or not first or len(first) > _MAX_HEADLINE:
        return None
    return None if first.endswith((".", ",", ";", ":")) else first


__all__ = ["article_from_text_bytes", "headline", "make_article"]
