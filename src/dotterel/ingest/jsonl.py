"""JSON Lines: one article per line, ``text`` or ``html`` plus metadata fields.

Recognised fields: ``text`` (plain text, kept verbatim) or ``html`` (a page, extracted
like an HTML file); ``title``; ``outlet`` (or ``source``/``sitename``); ``url``;
``date``, ``pub_date`` or ``published``. Other fields are ignored. A bad line is a
reject naming its line number and the rest of the file goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import IO, Any

from dotterel.errors import InputError
from dotterel.ingest.checks import check_not_empty, normalise_text, one_line, parse_date
from dotterel.ingest.html import extract_page
from dotterel.ingest.options import ReadOptions
from dotterel.ingest.text import make_article
from dotterel.model import Article, Reject

LOGGER = logging.getLogger(__name__)

_OUTLET_FIELDS = ("outlet", "source", "sitename")
_DATE_FIELDS = ("date", "pub_date", "published")
_CHUNK = 1 << 20


def looks_like_jsonl(head: bytes) -> bool:
    """Whether a document of unknown type starts with a JSON object line."""
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def read_jsonl(
    stream: IO[bytes], *, origin: str, options: ReadOptions
) -> Iterator[Article | Reject]:
    """Articles and rejects from a JSONL byte stream, one per non-blank line.

    Lines are read with a length limit so that one enormous line (or a huge file with no
    newline) is rejected as ``too_large`` without being held in memory.
    """
    line_no = 0
    seen_line = False
    while True:
        raw = stream.readline(options.max_bytes + 1)
        if not raw:
            if not seen_line:
                yield Reject(origin, "no JSON lines in the file (only whitespace)", "empty")
            return
        line_no += 1
        where = f"{origin}:{line_no}"
        if len(raw) > options.max_bytes and not raw.endswith(b"\n"):
            seen_line = True
            _skip_rest_of_line(stream)
            yield Reject(
                where,
                f"line {line_no}: larger than the {options.max_bytes:,}-byte limit",
                "too_large",
            )
            continue
        if not raw.strip():
            continue
        seen_line = True
        try:
            yield parse_line(raw, line_no=line_no, origin=where, options=options)
        except InputError as exc:
            yield Reject(where, one_line(exc.reason), exc.kind)


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def parse_line(raw: bytes, *, line_no: int, origin: str, options: ReadOptions) -> Article:
    """One JSONL line as an article.

    Raises:
        InputError: ``encoding``, ``malformed``, ``empty``, ``no_article``, ...
    """
    try:
        line = raw.decode("utf-8-sig" if line_no == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"line {line_no}: not valid UTF-8 (byte {exc.start}); JSONL must be UTF-8",
            "encoding",
        ) from None
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise InputError(f"line {line_no}: invalid JSON ({exc})", "malformed") from None
    if not isinstance(record, dict):
        raise InputError(
            f"line {line_no}: expected a JSON object, got {type(record).__name__}", "malformed"
        )
    return _article_from_record(record, line_no=line_no, origin=origin, options=options)


def _article_from_record(
    record: dict[str, Any], *, line_no: int, origin: str, options: ReadOptions
) -> Article:
    text, html = record.get("text"), record.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(
                f"line {line_no}: field '{name}' must be a string, not {type(value).__name__}",
                "malformed",
            )
    title = _field(record, ("title",), line_no)
    outlet = _field(record, _OUTLET_FIELDS, line_no)
    url = _field(record, ("url",), line_no)
    raw_date = _field(record, _DATE_FIELDS, line_no)
    pub_date = parse_date(raw_date)
    if text is not None and (text.strip() or html is None):
        body = normalise_text(text)
        check_not_empty(body, f"line {line_no}: 'text'")
    elif html is not None:
        check_not_empty(html, f"line {line_no}: 'html'")
        page = extract_page(html, url=url)
        body = page.text
        title, outlet = title or page.title, outlet or page.outlet
        url, pub_date = url or page.url, pub_date or page.pub_date
    else:
        raise InputError(f"line {line_no}: no 'text' or 'html' field", "malformed")
    return make_article(
        body, origin=origin, options=options, title=title, outlet=outlet, url=url, pub_date=pub_date
    )


def _field(record: dict[str, Any], names: tuple[str, ...], line_no: int) -> str | None:
    for name in names:
        value = record.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputError(
                f"line {line_no}: field '{name}' must be a string, not {type(value).__name__}",
                "malformed",
            )
        return value.strip() or None
    return None


__all__ = ["looks_like_jsonl", "parse_line", "read_jsonl"]
