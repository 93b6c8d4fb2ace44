"""HTML pages: main text and metadata through trafilatura.

trafilatura finds the article body and the page's title, date, site name (our outlet)
and canonical URL, and drops navigation and reader comments. It sometimes keeps a
headline line, share-button labels, photo credits or "leave a comment" prompts inside
the body; those lines are removed with the patterns in ``data/boilerplate.txt``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from dotterel.errors import InputError
from dotterel.ingest.checks import normalise_text, parse_date

LOGGER = logging.getLogger(__name__)

#: Only lines this short are tested against the boilerplate patterns.
MAX_BOILERPLATE_LINE = 160
#: A page has article text when one of its lines is a sentence of at least this many words.
MIN_SENTENCE_WORDS = 5

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")

#: Markers that make an unknown file (or stdin) HTML rather than plain text.
_HTML_START = (b"<!doctype html", b"<html")
_HTML_TAGS = (b"<head", b"<body", b"<p>", b"<div", b"<article", b"<meta ")


@dataclass(slots=True)
class ExtractedPage:
    """What trafilatura found in a page."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    pub_date: date | None = None


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a document are HTML markup (for unknown extensions)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_START):
        return True
    return start.startswith(b"<") and any(tag in start for tag in _HTML_TAGS)


@cache
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of ``data/boilerplate.txt`` (loaded once)."""
    source = resources.files("dotterel.ingest").joinpath("data/boilerplate.txt")
    lines = source.read_text(encoding="utf-8").splitlines()
    return tuple(
        re.compile(line.strip(), re.IGNORECASE)
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    )


def is_boilerplate(line: str) -> bool:
    """Whether an extracted line is a share button, photo credit, comment prompt ..."""
    stripped = line.strip()
    if len(stripped) > MAX_BOILERPLATE_LINE:
        return False
    return any(p.fullmatch(stripped) for p in boilerplate_patterns())


def clean_body(text: str, title: str | None) -> str:
    """Drop boilerplate lines and a leading headline line that repeats the title.

    The headline goes because it has no final full stop, so the parser would glue it to
    the first sentence; it is kept in ``Article.title``.
    """
    lines = [line for line in normalise_text(text).split("\n") if not is_boilerplate(line)]
    if lines and title and _same_words(lines[0], title):
        lines = lines[1:]
    return "\n".join(lines).strip()


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split() or a.strip().casefold() == b.strip().casefold()


def has_article_text(text: str) -> bool:
    """Whether ``text`` holds at least one real sentence (not just menu labels)."""
    return any(
        len(line.split()) >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line)
        for line in text.split("\n")
    )


def extract_page(html: str, *, url: str | None = None) -> ExtractedPage:
    """Main text and metadata of an HTML page.

    Args:
        html: the page's markup, already decoded.
        url: the page's address if known (helps trafilatura; also the fallback URL).

    Raises:
        InputError: ``no_article`` when the page holds no article text.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_tables=True,
            include_formatting=False,
            deduplicate=False,  # its cache spans calls: a re-read page would lose text
        )
    except Exception as exc:  # trafilatura/lxml raise on some malformed markup
        LOGGER.debug("trafilatura failed", exc_info=True)
        raise InputError(
            f"could not parse the HTML page ({type(exc).__name__})", "no_article"
        ) from None
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = _clean(getattr(doc, "title", None))
    text = clean_body(raw, title)
    if not has_article_text(text):
        raise InputError(
            "no article text found in the HTML page (only navigation or boilerplate)",
            "no_article",
        )
    return ExtractedPage(
        text=text,
        title=title,
        outlet=_clean(getattr(doc, "sitename", None)),
        url=_clean(getattr(doc, "url", None)) or url,
        pub_date=parse_date(getattr(doc, "date", None)),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


__all__ = [
    "ExtractedPage",
    "boilerplate_patterns",
    "clean_body",
    "extract_page",
    "has_article_text",
    "is_boilerplate",
    "looks_like_html",
]
