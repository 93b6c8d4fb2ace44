"""dotterel.ingest: text, HTML, JSONL, directories and stdin; every bad input a reject."""

from __future__ import annotations

import io
import sys
import tracemalloc
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from dotterel.ingest import read_inputs
from dotterel.ingest.checks import decode, detect_language
from dotterel.ingest.html import is_boilerplate, looks_like_html
from dotterel.model import Article, Reject, article_id

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"

GOOD_TEXT = (
    "The governments of Marvenia and Ostrava agreed on Tuesday to a ceasefire along their "
    "shared border, the foreign ministry in Kessal said. Under the deal, both armies will "
    "pull back heavy weapons by the end of the month, officials added.\n"
)
GERMAN_TEXT = (FIXTURES / "grenzgefechte.txt").read_text(encoding="utf-8")


def _read(*paths: object, **kwargs: object) -> list[Article | Reject]:
    return list(read_inputs([*paths], **kwargs))  # type: ignore[arg-type]


def _articles(items: list[Article | Reject]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _rejects(items: list[Article | Reject]) -> list[Reject]:
    return [i for i in items if isinstance(i, Reject)]


def _one(items: list[Article | Reject]) -> Article | Reject:
    assert len(items) == 1, items
    return items[0]


# -- plain text -------------------------------------------------------------------------


def test_plain_text_is_verbatim_apart_from_bom_and_newlines(tmp_path: Path) -> None:
    raw = "\ufeffTitle line\r\n\r\n  Indented first paragraph.\r\nSecond line\rThird line  \n\n"
    path = tmp_path / "story.txt"
    path.write_bytes(raw.encode("utf-8"))
    art = _one(_read(path))
    assert isinstance(art, Article)
    assert art.text == "Title line\n\n  Indented first paragraph.\nSecond line\nThird line  \n\n"
    assert art.origin == str(path)
    assert art.id == article_id(art.text)


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.news"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    art = _one(_read(path))
    assert isinstance(art, Article)
    assert art.text == GOOD_TEXT
    assert art.language == "en"


def test_windows_1252_text_is_decoded(tmp_path: Path) -> None:
    text = "The envoy met officials in Zürich on Monday — “talks went well”, he said."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    art = _one(_read(path))
    assert isinstance(art, Article)
    assert art.text == text


# -- HTML -------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    art = _one(_read(FIXTURES / "border_clashes.html"))
    assert isinstance(art, Article)
    assert art.title == "Border clashes leave six dead in Marvenia"
    assert art.outlet == "The Daily Ledger"
    assert art.pub_date == date(2021, 3, 14)
    assert art.url == "https://ledger.example.com/world/border-clashes"
    assert art.text.startswith("Six people were killed on Saturday")
    assert art.text.endswith("according to a statement released on Sunday.")
    assert "defending our villages" in art.text


@pytest.mark.parametrize(
    "junk",
    [
        "Share this article",
        "Facebook",
        "Photo:",
        "Jane Roe",
        "leave a comment",
        "Comments (12)",
        "Be the first to comment",
        "terrible news",  # a reader comment
        "All rights reserved",
        "Follow us",
        "Home",
    ],
)
def test_html_drops_boilerplate(junk: str) -> None:
    art = _one(_read(FIXTURES / "border_clashes.html"))
    assert isinstance(art, Article)
    assert junk.lower() not in art.text.lower()


@pytest.mark.parametrize(
    "line",
    [
        "The minister did not read the comments, his office said.",
        "Photographs of the talks were released by the ministry on Monday afternoon.",
        "Officials said the share of the budget going to the army had doubled.",
    ],
)
def test_boilerplate_patterns_spare_article_sentences(line: str) -> None:
    assert not is_boilerplate(line)


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes((FIXTURES / "border_clashes.html").read_bytes())
    art = _one(_read(path))
    assert isinstance(art, Article)
    assert art.outlet == "The Daily Ledger"
    assert looks_like_html(b"\n  <!DOCTYPE html><html>")
    assert not looks_like_html(b"Troops <b>clashed</b> with rebels.")


def test_html_with_no_article_is_a_reject() -> None:
    rej = _one(_read(FIXTURES / "navigation_only.html"))
    assert isinstance(rej, Reject)
    assert rej.kind == "no_article"
    assert "no article text" in rej.reason


# -- JSONL ------------------------------------------------------------------------------


def test_jsonl_articles_metadata_and_a_malformed_line() -> None:
    items = _read(FIXTURES / "wire.jsonl")
    origin = str(FIXTURES / "wire.jsonl")
    assert [i.origin for i in items] == [f"{origin}:{n}" for n in (1, 2, 3, 4)]
    first, second, bad, fourth = items
    assert isinstance(first, Article)
    assert (first.outlet, first.pub_date, first.title, first.url) == (
        "Wire Service",
        date(2021, 4, 2),
        "Hostages freed",
        "https://wire.example.org/1",
    )
    assert isinstance(second, Article)
    assert (second.outlet, second.pub_date) == ("Ostrava Herald", date(2021, 4, 5))
    assert isinstance(bad, Reject)
    assert bad.kind == "malformed"
    assert bad.reason.startswith("line 3: invalid JSON")
    assert isinstance(fourth, Article)  # an html record, extracted like a page
    assert fourth.text.startswith("Negotiators from Marvenia")
    assert (fourth.title, fourth.pub_date) == ("Talks resume", date(2021, 4, 7))


@pytest.mark.parametrize(
    ("line", "kind", "reason"),
    [
        ('["a", "list"]', "malformed", "line 1: expected a JSON object"),
        ('{"title": "No body"}', "malformed", "line 1: no 'text' or 'html' field"),
        ('{"text": 42}', "malformed", "line 1: field 'text' must be a string"),
        ('{"text": "A sentence.", "outlet": 7}', "malformed", "field 'outlet' must be a string"),
        ('{"text": "   "}', "empty", "only whitespace"),
    ],
)
def test_jsonl_bad_records(tmp_path: Path, line: str, kind: str, reason: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n" + '{"text": "' + GOOD_TEXT.strip() + '"}\n', encoding="utf-8")
    bad, good = _read(path)
    assert isinstance(bad, Reject)
    assert (bad.kind, bad.origin) == (kind, f"{path}:1")
    assert reason in bad.reason
    assert isinstance(good, Article)


def test_jsonl_line_with_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 talks"}\n{"text": "Talks resumed on Monday."}\n')
    bad, good = _read(path)
    assert isinstance(bad, Reject)
    assert bad.kind == "encoding"
    assert isinstance(good, Article)


def test_jsonl_oversized_line_is_skipped_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    big = '{"text": "' + "word " * 400 + '"}'
    path.write_text(big + "\n" + '{"text": "Talks resumed on Monday."}\n', encoding="utf-8")
    bad, good = _read(path, max_bytes=1000)
    assert isinstance(bad, Reject)
    assert bad.kind == "too_large"
    assert isinstance(good, Article)
    assert good.origin == f"{path}:2"


def test_jsonl_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed.dump"
    path.write_text('{"text": "Talks resumed on Monday."}\n', encoding="utf-8")
    art = _one(_read(path))
    assert isinstance(art, Article)
    assert art.text == "Talks resumed on Monday."


# -- directories, stdin, metadata --------------------------------------------------------


def test_directory_is_recursive_mixed_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Story Z happened on Monday.", encoding="utf-8")
    (tmp_path / "a" / "deep" / "page.html").write_bytes(
        (FIXTURES / "border_clashes.html").read_bytes()
    )
    (tmp_path / "a" / "feed.jsonl").write_text(
        '{"text": "Story one."}\n{"text": "Story two."}\n', encoding="utf-8"
    )
    (tmp_path / "c.txt").write_text("Story C happened on Tuesday.", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    items = _read(tmp_path)
    assert all(isinstance(i, Article) for i in items)
    assert [Path(i.origin or "").relative_to(tmp_path).as_posix() for i in items] == [
        "a/deep/page.html",
        "a/feed.jsonl:1",
        "a/feed.jsonl:2",
        "b/z.txt",
        "c.txt",
    ]
    assert _read(tmp_path) == items  # deterministic


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, GOOD_TEXT.encode())
    art = _one(_read("-"))
    assert isinstance(art, Article)
    assert (art.text, art.origin) == (GOOD_TEXT, "<stdin>")


def test_stdin_html_and_jsonl_are_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, (FIXTURES / "border_clashes.html").read_bytes())
    art = _one(_read("-"))
    assert isinstance(art, Article)
    assert art.outlet == "The Daily Ledger"
    _fake_stdin(monkeypatch, (FIXTURES / "wire.jsonl").read_bytes())
    items = _read("-")
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Reject", "Article"]
    assert items[2].origin == "<stdin>:3"


def test_stdin_too_large_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"word " * 5000)
    rej = _one(_read("-", max_bytes=10_000))
    assert isinstance(rej, Reject)
    assert rej.kind == "too_large"


def test_metadata_options_override_the_input() -> None:
    items = _read(
        FIXTURES / "border_clashes.html",
        FIXTURES / "wire.jsonl",
        outlet="Example Times",
        date="2020-01-31",
        url="https://example.com/x",
    )
    for art in _articles(items):
        assert (art.outlet, art.pub_date, art.url) == (
            "Example Times",
            date(2020, 1, 31),
            "https://example.com/x",
        )
    assert len(_articles(items)) == 4


def test_wrong_argument_types_raise() -> None:
    with pytest.raises(TypeError):
        _read(42)
    with pytest.raises(TypeError):
        _read(FIXTURES, max_bytes="10")
    with pytest.raises(TypeError):
        _read(FIXTURES, date=20200131)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        _read(FIXTURES, date="31/01/2020")


def test_single_path_argument_is_accepted() -> None:
    items = list(read_inputs(FIXTURES / "wire.jsonl"))
    assert len(items) == 4


# -- bad input: one reject each, the batch goes on --------------------------------------


def _make_bad_inputs(root: Path) -> dict[str, tuple[Path, str, str]]:
    """name -> (path, expected kind, a phrase of the expected reason)."""
    cases: dict[str, tuple[Path, str, str]] = {}

    def add(name: str, data: bytes, kind: str, phrase: str) -> None:
        path = root / name
        path.write_bytes(data)
        cases[name] = (path, kind, phrase)

    add("empty.txt", b"", "empty", "empty file")
    add("blank.txt", b"  \n\t\r\n  ", "empty", "only whitespace")
    add("blank.html", b"\n\n   \n", "empty", "whitespace")
    add(
        "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "binary", "PDF"
    )
    add("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary", "PNG")
    add("blob.txt", b"ab\x00\x01\x02cd" * 50, "binary", "binary")
    add(
        "garbled.txt",
        b"The minister said \x81\x8d\x8f\x90\x9d\x81\x8d\x90 that troops arrived on Monday.",
        "encoding",
        "not valid UTF-8",
    )
    add("german.txt", GERMAN_TEXT.encode(), "not_english", "not English (detected 'de'")
    add(
        "menu.html",
        (FIXTURES / "navigation_only.html").read_bytes(),
        "no_article",
        "no article text",
    )
    add("feed.jsonl", b'{"text": "unterminated\n', "malformed", "line 1: invalid JSON")
    huge = root / "huge.txt"
    with huge.open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    cases["huge.txt"] = (huge, "too_large", "50.0 MB")
    cases["missing.txt"] = (root / "missing.txt", "unreadable", "no such file")
    return cases


def test_every_bad_input_is_a_reject_and_the_good_article_survives(tmp_path: Path) -> None:
    cases = _make_bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    items = _read(*(path for path, _, _ in cases.values()), good)
    rejects = {Path(r.origin).name.split(":")[0]: r for r in _rejects(items)}
    assert set(rejects) == set(cases)
    for name, (_, kind, phrase) in cases.items():
        rej = rejects[name]
        assert rej.kind == kind, (name, rej)
        assert phrase in rej.reason, (name, rej)
        assert "\n" not in rej.reason and "Traceback" not in rej.reason
    (art,) = _articles(items)
    assert art.text == GOOD_TEXT


def test_a_50_mb_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        rej = _one(_read(huge))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(rej, Reject) and rej.kind == "too_large"
    assert peak < 2 * 1024 * 1024


def test_a_50_mb_jsonl_line_is_rejected_without_holding_it(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("wb") as f:
        f.write(b'{"text": "')
        chunk = b"word " * 200_000
        for _ in range(50):
            f.write(chunk)
        f.write(b'"}\n{"text": "Talks resumed on Monday."}\n')
    tracemalloc.start()
    try:
        items = _read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    bad, good = items
    assert isinstance(bad, Reject) and bad.kind == "too_large"
    assert isinstance(good, Article)
    assert peak < 25 * 1024 * 1024  # at most about one limit's worth, not 50 MB


def test_non_english_is_kept_when_any_language_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "german.txt"
    path.write_text(GERMAN_TEXT, encoding="utf-8")
    art = _one(_read(path, allow_any_language=True))
    assert isinstance(art, Article)
    assert art.language == "de"


def test_language_is_not_guessed_on_short_texts() -> None:
    assert detect_language("Kessal Marvenia Ostrava NATO") == (None, 0.0)
    assert detect_language(GOOD_TEXT)[0] == "en"


def test_decode_prefers_utf8_and_bom() -> None:
    assert decode("Zürich".encode()) == "Zürich"
    assert decode("Zürich".encode("utf-16")) == "Zürich"  # encode() writes a BOM
    assert decode("\ufeffZürich".encode()) == "Zürich"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-08-07", date(2017, 8, 7)),
        ("2017-08-07T10:00:00Z", date(2017, 8, 7)),
        ("Aug 7, 2017", date(2017, 8, 7)),
        ("7 August 2017", date(2017, 8, 7)),
        ("yesterday", None),  # relative to an unknown moment
        ("1502100000", None),  # a bare number is not taken for a timestamp
        ("not a date", None),
        ("", None),
    ],
)
def test_metadata_dates(value: str, expected: date | None) -> None:
    from dotterel.ingest.checks import parse_date

    assert parse_date(value) == expected


def test_plain_text_headline_becomes_the_title_and_stays_in_the_text(tmp_path: Path) -> None:
    from dotterel.ingest.text import headline

    body = "Ruritania Closes Its Border\n\nRuritania closed its border with Syldavia on Monday."
    path = tmp_path / "story.txt"
    path.write_text(body, encoding="utf-8")
    (article,) = list(read_inputs([path], allow_any_language=True))
    assert article.title == "Ruritania Closes Its Border"
    assert article.text == body
    assert headline("A first sentence that ends like one.\n\nMore.") is None
    assert headline("One paragraph only, no blank line\nafter it") is None
