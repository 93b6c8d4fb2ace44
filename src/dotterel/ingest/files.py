"""Where articles come from: files, directories (recursive, mixed) and stdin.

This module owns the batch contract: every input yields articles or
:class:`~dotterel.model.Reject` records, never an exception, so one bad file never
stops a batch. Only a wrong argument *type* raises (``TypeError``).
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO

from dotterel.errors import InputError
from dotterel.ingest.checks import DEFAULT_MAX_BYTES, SNIFF_BYTES, one_line, sniff_binary
from dotterel.ingest.checks import decode as decode_bytes
from dotterel.ingest.html import extract_page, looks_like_html
from dotterel.ingest.jsonl import looks_like_jsonl, read_jsonl
from dotterel.ingest.options import ReadOptions
from dotterel.ingest.text import article_from_text_bytes, make_article
from dotterel.model import Article, Reject

LOGGER = logging.getLogger(__name__)

#: The path that means "read standard input".
STDIN = "-"
STDIN_ORIGIN = "<stdin>"

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class OutsideLink:
    """A symbolic link whose target lies outside the folder it was found in.

    :func:`expand_paths` yields it in place of the link (unless told to follow such
    links) and :func:`read_source` turns it into a ``symlink`` reject, so that a link
    planted in an input tree (``x.txt -> /etc/passwd``) is never read as an article.
    """

    path: Path
    #: Where the link leads, or ``None`` for a link that loops back on itself.
    target: Path | None
    root: Path


Source = Path | str | OutsideLink


def read_inputs(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    outlet: str | None = None,
    date: date | str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_any_language: bool = False,
    follow_symlinks: bool = False,
) -> Iterator[Article | Reject]:
    """Read articles from files, directories (recursively) and ``-`` (stdin).

    Plain text (``.txt`` and unknown text files) is kept verbatim apart from newline
    normalisation; HTML (``.html``/``.htm`` or sniffed) goes through trafilatura; JSONL
    holds one article per line. Every input that cannot become an article yields a
    :class:`Reject` with a one-line reason instead, and the batch goes on.

    Args:
        paths: files, directories or ``"-"``; one path or an iterable of them.
        outlet: outlet name set on every article (overrides the input's metadata).
        date: publication date (``datetime.date`` or ``YYYY-MM-DD``) for every article.
        url: URL set on every article.
        max_bytes: per-document size limit (``too_large`` rejects beyond it).
        allow_any_language: keep articles detected as non-English.
        follow_symlinks: read symbolic links whose target lies outside the folder they
            are in (by default each is a ``symlink`` reject).

    Raises:
        TypeError: a path is not a string or path, or an option has the wrong type.
        ValueError: ``date`` is a string but not ``YYYY-MM-DD``.
    """
    options = ReadOptions.of(
        outlet=outlet,
        date=date,
        url=url,
        max_bytes=max_bytes,
        allow_any_language=allow_any_language,
        follow_symlinks=follow_symlinks,
    )
    # type errors surface now, not mid-batch
    sources = list(expand_paths(paths, follow_symlinks=options.follow_symlinks))
    for source in sources:
        yield from read_source(source, options)


def expand_paths(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    follow_symlinks: bool = False,
) -> Iterator[Source]:
    """The files to read, in a deterministic order: directories are walked recursively.

    Files and directories whose names start with ``.`` inside a walked directory are
    skipped (``.git``, ``.DS_Store``); a path that does not exist is passed on so that
    :func:`read_source` rejects it.

    A symbolic link whose target resolves outside its input root (the walked directory,
    or the folder a given path sits in) becomes an :class:`OutsideLink`, which
    :func:`read_source` rejects, unless ``follow_symlinks``. Links to directories inside
    the walked tree are not descended into (their files are read from where they are).
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    for raw in paths:
        if not isinstance(raw, str | os.PathLike):
            raise TypeError(f"a path must be a str or os.PathLike, not {type(raw).__name__}")
        if os.fspath(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        outside = None if follow_symlinks else _outside_link(path, path.absolute().parent)
        if outside is not None:
            yield outside
        elif path.is_dir():
            yield from _walk(path, follow_symlinks=follow_symlinks)
        else:
            yield path


def _outside_link(path: Path, root: Path) -> OutsideLink | None:
    """``path`` as an :class:`OutsideLink` when it is a link leading out of ``root``."""
    if not path.is_symlink():
        return None
    target = _resolve(path)  # a dangling link resolves as far as it can
    real_root = _resolve(root)
    if target is not None and real_root is not None and target.is_relative_to(real_root):
        return None
    return OutsideLink(path=path, target=target, root=root)


def _resolve(path: Path) -> Path | None:
    """``path`` with every link resolved, or ``None`` when links loop."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # RuntimeError: "Symlink loop" (Python < 3.13)
        return None


def _walk(root: Path, *, follow_symlinks: bool) -> Iterator[Source]:
    found: list[tuple[str, Source]] = []
    seen_dirs = {_resolve(root)}  # links can make loops; each real folder is walked once
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks):
        here = Path(dirpath)
        seen_dirs.add(_resolve(here))
        kept = []
        for name in dirnames:
            if name.startswith("."):
                continue
            sub = here / name
            if not sub.is_symlink():
                kept.append(name)
            elif follow_symlinks:
                real = _resolve(sub)
                if real is not None and real not in seen_dirs:
                    seen_dirs.add(real)
                    kept.append(name)
            elif (outside := _outside_link(sub, root)) is not None:
                found.append((sub.relative_to(root).as_posix(), outside))
        dirnames[:] = kept
        for name in filenames:
            if name.startswith("."):
                continue
            path = here / name
            item: Source = path
            if not follow_symlinks:
                item = _outside_link(path, root) or path
            found.append((path.relative_to(root).as_posix(), item))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def read_source(source: Source, options: ReadOptions) -> Iterator[Article | Reject]:
    """Articles and rejects from one file (or ``-`` for stdin)."""
    if isinstance(source, OutsideLink):
        if not options.follow_symlinks:
            yield _outside_reject(source)
            return
        source = source.path
    origin = STDIN_ORIGIN if source == STDIN else str(source)
    try:
        if source == STDIN:
            yield from _read_stream(_stdin(), origin, options, suffix="")
        else:
            yield from _read_file(Path(source), origin, options)
    except InputError as exc:
        yield Reject(origin, one_line(exc.reason), exc.kind)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        yield Reject(origin, one_line(f"cannot read it: {reason}"), "unreadable")
    except Exception as exc:  # a bug or a library failure must not end the batch
        LOGGER.debug("unexpected error reading %s", origin, exc_info=True)
        yield Reject(origin, one_line(f"unexpected error: {type(exc).__name__}: {exc}"), "error")


def _outside_reject(link: OutsideLink) -> Reject:
    if link.target is None:
        reason = "symbolic link that loops back on itself; not followed"
    else:
        reason = (
            f"symbolic link to {link.target}, outside {link.root}; not followed "
            "(--follow-symlinks reads it)"
        )
    return Reject(str(link.path), one_line(reason), "symlink")


def _stdin() -> IO[bytes]:
    return (
        sys.stdin.buffer if hasattr(sys.stdin, "buffer") else io.BytesIO(sys.stdin.read().encode())
    )


def _read_file(path: Path, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    if not path.exists():
        raise InputError("no such file or directory", "unreadable")
    if not path.is_file():
        raise InputError("not a regular file", "unreadable")
    size = path.stat().st_size
    if size == 0:
        raise InputError("empty file", "empty")
    suffix = path.suffix.lower()
    if size > options.max_bytes and suffix not in JSONL_SUFFIXES:
        raise InputError(_too_large(size, options.max_bytes), "too_large")
    with path.open("rb") as stream:
        yield from _read_stream(stream, origin, options, suffix=suffix)


def _read_stream(
    stream: IO[bytes], origin: str, options: ReadOptions, *, suffix: str
) -> Iterator[Article | Reject]:
    head = _read_up_to(stream, SNIFF_BYTES)
    kind = sniff_binary(head)
    if kind is not None:
        raise InputError(f"binary file ({kind}), not text", "binary")
    rest = io.BufferedReader(_Prefixed(head, stream))
    doc_type = _doc_type(head, suffix)
    if doc_type == "jsonl":
        yield from read_jsonl(rest, origin=origin, options=options)
        return
    data = rest.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise InputError(_too_large(None, options.max_bytes), "too_large")
    if doc_type == "html":
        yield _article_from_html_bytes(data, origin, options)
    else:
        yield article_from_text_bytes(data, origin=origin, options=options)


def _doc_type(head: bytes, suffix: str) -> str:
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if looks_like_html(head):
        return "html"  # also a .txt that is really a saved web page
    if suffix not in TEXT_SUFFIXES and looks_like_jsonl(head):
        return "jsonl"
    return "text"


def _article_from_html_bytes(data: bytes, origin: str, options: ReadOptions) -> Article:
    if not data.strip():
        raise InputError("empty file" if not data else "file holds only whitespace", "empty")
    page = extract_page(decode_bytes(data), url=options.url)
    return make_article(
        page.text,
        origin=origin,
        options=options,
        title=page.title,
        outlet=page.outlet,
        url=page.url,
        pub_date=page.pub_date,
    )


def _read_up_to(stream: IO[bytes], n: int) -> bytes:
    chunks: list[bytes] = []
    while n > 0:
        chunk = stream.read(n)
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _too_large(size: int | None, limit: int) -> str:
    """The reason for a ``too_large`` reject: the limit, and the size (or, for a stream
    whose size is unknown, how much was read before reading stopped)."""
    if size is not None:
        return f"too large: {_amount(size)} (the limit is {_amount(limit)} per document)"
    return (
        f"too large: more than the limit of {_amount(limit)} ({limit:,} bytes) per "
        f"document; reading stopped at {limit + 1:,} bytes"
    )


def _amount(n: int) -> str:
    """Bytes as a person reads them: ``10.0 MB``, ``9.8 KB`` or ``512 bytes``."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n:,} bytes"


class _Prefixed(io.RawIOBase):
    """A raw stream that replays already-sniffed bytes, then reads on (stdin-safe)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        target = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(target), len(self._head))
            target[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(target))
        n = len(data)
        target[:n] = data
        return n


__all__ = ["STDIN", "OutsideLink", "expand_paths", "read_inputs", "read_source"]
