"""Checks every input goes through before it becomes an :class:`~dotterel.model.Article`.

Each check either returns a cleaned value or raises :class:`~dotterel.errors.InputError`
with a one-line reason and a reject ``kind``; :mod:`dotterel.ingest.files` turns those
into :class:`~dotterel.model.Reject` records so that junk never stops a batch.
"""

from __future__ import annotations

import codecs
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources

from dotterel.errors import InputError

LOGGER = logging.getLogger(__name__)

#: Default per-document size limit (bytes): far above any news report, far below RAM.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Tokens per document beyond which an article is rejected (``too_large``).
DEFAULT_MAX_TOKENS = 200_000
#: Seconds one document may take in the pipeline (``timeout``); ``None`` for no limit.
DEFAULT_TIME_LIMIT = 120.0

#: How many leading bytes the sniffers look at.
SNIFF_BYTES = 8192

# File signatures of formats people save next to articles (or rename to .txt/.html).
# These are file-format constants, like a protocol's, not a tunable data table.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT/EPUB)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Legacy encodings we accept when bytes are not UTF-8. English news that is not UTF-8
#: is Windows-1252 or Latin-1 in practice; letting a detector pick Cyrillic or Mac
#: code pages turns binary junk into plausible-looking mojibake.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "iso8859_15", "latin_1")

#: A charset-normalizer "chaos" (mess ratio) above this is not a confident decoding.
MAX_CHAOS = 0.1

# Control characters other than tab, newline, vertical tab, form feed, carriage return,
# and the C1 block, which only appears in text decoded with the wrong code page.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

_NEWLINES = re.compile(r"\r\n?")

#: langdetect looks at this many leading characters (enough for a stable guess).
LANGUAGE_PREFIX = 1000
#: Below this many words a language guess is not trusted (names alone fool it).
LANGUAGE_MIN_WORDS = 20
#: langdetect must give the other language at least this probability to reject.
LANGUAGE_MIN_PROB = 0.9
_WORD = re.compile(r"[^\W\d_]{2,}")
_LANGDETECT_LOCK = threading.Lock()
_YEAR = re.compile(r"(?<!\d)(1[89]|20)\d\d(?!\d)")
#: Text whose letters are more than this share in one non-Latin script is not English.
SCRIPT_MAX_SHARE = 0.5
#: ... once it has at least this many letters of that script (one name is not enough).
SCRIPT_MIN_LETTERS = 5
#: Once the script has ruled English out, langdetect only picks among the few languages
#: written in it, so a lower probability is enough to record its guess.
SCRIPT_LANGUAGE_MIN_PROB = 0.5


def sniff_binary(head: bytes) -> str | None:
    """Name of the binary format ``head`` starts with, or ``None`` if it may be text.

    UTF-16/32 text (which is full of NUL bytes) is recognised by its byte-order mark
    first; anything else with a NUL byte in its first kilobytes is binary.
    """
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data"
    return None


def decode(data: bytes) -> str:
    """Decode document bytes: BOM, then UTF-8, then a confident legacy guess.

    Raises:
        InputError: ``encoding`` when neither UTF-8 nor a confident guess works.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start}); re-save it as UTF-8",
                    "encoding",
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = _guess_legacy(data)
    if text is None:
        raise InputError(
            f"not valid UTF-8 (first bad byte at offset {first_bad}) and no confident "
            "guess of its encoding; re-save it as UTF-8",
            "encoding",
        )
    return text


def _guess_legacy(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    text = str(best)
    if _CONTROL.search(text):
        return None
    LOGGER.info("decoded non-UTF-8 input as %s (chaos %.2f)", best.encoding, best.chaos)
    return text


def normalise_text(text: str) -> str:
    """Plain text as dotterel keeps it: BOM removed and newlines as ``\\n``, nothing else.

    The text is otherwise verbatim because every record's offsets (and the web UI's
    highlights) point into it.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return _NEWLINES.sub("\n", text)


def check_not_empty(text: str, what: str = "document") -> None:
    """Raise an ``empty`` :class:`InputError` for empty or whitespace-only text."""
    if not text:
        raise InputError(f"empty {what}", "empty")
    if not text.strip():
        raise InputError(f"{what} holds only whitespace", "empty")


def check_text_like(text: str) -> None:
    """Raise a ``binary`` :class:`InputError` when decoded text is mostly control codes.

    Catches binary formats without a known signature that still decode as Latin-1.
    """
    sample = text[:SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise InputError("binary data (mostly control characters), not text", "binary")


def detect_language(text: str) -> tuple[str | None, float]:
    """Language code of ``text`` and langdetect's probability, or ``(None, 0.0)``.

    Only a prefix is examined, with a fixed seed so that the answer is reproducible;
    texts with fewer than :data:`LANGUAGE_MIN_WORDS` words are not guessed at.
    """
    prefix = text[:LANGUAGE_PREFIX]
    if len(_WORD.findall(prefix)) < LANGUAGE_MIN_WORDS:
        return None, 0.0
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    with _LANGDETECT_LOCK:  # the seed is global state inside langdetect
        DetectorFactory.seed = 0
        try:
            guesses = detect_langs(prefix)
        except LangDetectException:
            return None, 0.0
    if not guesses:
        return None, 0.0
    return str(guesses[0].lang), float(guesses[0].prob)


@dataclass(frozen=True, slots=True)
class Script:
    """A writing system other than Latin, as ``data/scripts.tsv`` describes it."""

    name: str
    languages: str


@dataclass(frozen=True, slots=True)
class ScriptShare:
    """The non-Latin script most letters of a text are written in, and how many."""

    script: Script
    letters: int
    share: float


@cache
def _scripts() -> dict[str, Script]:
    source = resources.files("dotterel.ingest").joinpath("data/scripts.tsv")
    table: dict[str, Script] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        prefix, name, languages = line.split("\t")
        table[prefix] = Script(name, languages)
    return table


#: The script English is written in (letters named ``LATIN ...`` in Unicode).
LATIN = Script("Latin", "English and other Latin-alphabet languages")


def _script_of(char: str) -> Script | None:
    """A letter's :class:`Script` (:data:`LATIN` or a row of the table), else ``None``."""
    words = unicodedata.name(char, "").split()
    if not words:
        return None
    if words[0] == "LATIN" or words[:2] == ["FULLWIDTH", "LATIN"]:
        return LATIN
    table = _scripts()
    return table.get(" ".join(words[:2])) or table.get(words[0])


def dominant_script(text: str) -> ScriptShare | None:
    """The non-Latin script of the most letters in ``text``'s prefix, if it has any.

    ``share`` is that script's part of the letters counted (Latin and the scripts of
    ``data/scripts.tsv``); digits, punctuation and unknown scripts are not counted.
    """
    counts: dict[Script, int] = {}
    latin = 0
    for char in text[:LANGUAGE_PREFIX]:
        if not char.isalpha():
            continue
        script = _script_of(char)
        if script is LATIN:
            latin += 1
        elif script is not None:
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    script, letters = max(counts.items(), key=lambda item: item[1])
    return ScriptShare(script, letters, letters / (latin + sum(counts.values())))


def _guess_any_length(text: str) -> tuple[str | None, float]:
    """langdetect's guess without the word-count gate (for non-Latin scripts, where
    words are not space-separated and a few letters already say a lot)."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    with _LANGDETECT_LOCK:
        DetectorFactory.seed = 0
        try:
            guesses = detect_langs(text[:LANGUAGE_PREFIX])
        except LangDetectException:
            return None, 0.0
    return (str(guesses[0].lang), float(guesses[0].prob)) if guesses else (None, 0.0)


_ANY_LANGUAGE_HINT = "dotterel's pipeline is English-only (--any-language codes it anyway)"


def check_language(text: str, *, allow_any_language: bool = False) -> str | None:
    """The article's language code (``None`` if unsure); reject confident non-English.

    Text mostly written in a non-Latin script (Han, Kana, Hangul, Thai, Devanagari,
    Arabic, Cyrillic ...) is not English however few spaces it has; English that names
    a few people or places in their own script stays English.

    Raises:
        InputError: ``not_english`` unless ``allow_any_language``.
    """
    script = dominant_script(text)
    if (
        script is not None
        and script.share > SCRIPT_MAX_SHARE
        and script.letters >= SCRIPT_MIN_LETTERS
    ):
        lang, prob = _guess_any_length(text)
        if allow_any_language:
            return lang if prob >= SCRIPT_LANGUAGE_MIN_PROB else None
        detected = f"; detected '{lang}', p={prob:.2f}" if lang is not None else ""
        raise InputError(
            f"not English ({script.share:.0%} of its letters are {script.script.name} "
            f"script: {script.script.languages}{detected}); {_ANY_LANGUAGE_HINT}",
            "not_english",
        )
    lang, prob = detect_language(text)
    if lang is None or prob < LANGUAGE_MIN_PROB:
        return None
    if lang != "en" and not allow_any_language:
        raise InputError(
            f"not English (detected '{lang}', p={prob:.2f}); {_ANY_LANGUAGE_HINT}",
            "not_english",
        )
    return lang


def parse_date(value: object) -> date | None:
    """A publication date from metadata: a ``date``, an ISO string, or a common format.

    Returns ``None`` for an empty or unparseable value (metadata is optional; a bad
    field should not cost the article).

    Raises:
        TypeError: for values that are neither strings nor dates.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"a date must be a str or datetime.date, not {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    if not _YEAR.search(value):  # "yesterday" relative to what? a bare number: epoch?
        LOGGER.warning("ignoring date without a year %r", value)
        return None
    import dateparser

    try:
        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"},
        )
    except Exception:  # dateparser raises on some odd strings; metadata is optional
        parsed = None
    if parsed is None:
        LOGGER.warning("ignoring unparseable date %r", value)
        return None
    return parsed.date()


def one_line(message: str, limit: int = 300) -> str:
    """Collapse a message onto one line (reject reasons are printed one per line)."""
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TOKENS",
    "DEFAULT_TIME_LIMIT",
    "check_language",
    "check_not_empty",
    "check_text_like",
    "decode",
    "detect_language",
    "dominant_script",
    "normalise_text",
    "one_line",
    "parse_date",
    "sniff_binary",
]
