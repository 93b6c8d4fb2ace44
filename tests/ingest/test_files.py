"""dotterel.ingest.files: folder walking and given paths, symbolic links above all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli import app
from dotterel.cli.console import EXIT_ALL_REJECTED
from dotterel.ingest import read_inputs
from dotterel.ingest.files import OutsideLink, expand_paths
from dotterel.model import Article, Reject

STORY = (
    "The governments of Marvenia and Ostrava agreed on Tuesday to a ceasefire along their "
    "shared border, the foreign ministry in Kessal said. Under the deal, both armies will "
    "pull back heavy weapons by the end of the month, officials added.\n"
)

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``in/`` with a story, a link inside the tree, and links that lead out of it."""
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(STORY.replace("Tuesday", "Wednesday"), encoding="utf-8")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "sub" / "alias.txt").symlink_to(root / "story.txt")
    (root / "x.txt").symlink_to(secret)
    (root / "escape").symlink_to(secret.parent, target_is_directory=True)
    return root


def _split(items: list[Article | Reject]) -> tuple[list[Article], list[Reject]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Reject)],
    )


def test_links_out_of_a_walked_folder_are_rejects_not_articles(tree: Path) -> None:
    articles, rejects = _split(list(read_inputs(tree)))
    assert sorted(Path(a.origin or "").name for a in articles) == ["alias.txt", "story.txt"]
    assert {Path(r.origin).name: r.kind for r in rejects} == {
        "escape": "symlink",
        "x.txt": "symlink",
    }
    for reject in rejects:
        assert "\n" not in reject.reason
        assert "outside" in reject.reason and "--follow-symlinks" in reject.reason
    assert not any("Wednesday" in a.text for a in articles)


def test_a_given_path_that_links_out_of_its_folder_is_a_reject(tree: Path) -> None:
    (reject,) = read_inputs([tree / "x.txt"])
    assert isinstance(reject, Reject) and reject.kind == "symlink"
    assert "secret.txt" in reject.reason
    (tree / "same.txt").symlink_to("story.txt")  # a link inside its own folder is read
    (article,) = read_inputs([tree / "same.txt"])
    assert isinstance(article, Article)


def test_follow_symlinks_reads_links_out_of_the_tree(tree: Path) -> None:
    articles, rejects = _split(list(read_inputs(tree, follow_symlinks=True)))
    assert rejects == []
    names = sorted(Path(a.origin or "").relative_to(tree).as_posix() for a in articles)
    assert names == ["escape/secret.txt", "story.txt", "sub/alias.txt", "x.txt"]


def test_looping_links_are_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "a").mkdir(parents=True)
    (root / "a" / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "a" / "loop").symlink_to(root, target_is_directory=True)
    found = list(expand_paths([root], follow_symlinks=True))
    assert [Path(p).relative_to(root).as_posix() for p in found] == ["a/story.txt"]  # type: ignore[arg-type]
    assert list(expand_paths([root])) == [root / "a" / "story.txt"]


def test_a_link_to_itself_is_a_reject_not_a_traceback(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "loop.txt").symlink_to("loop.txt")
    (reject,) = read_inputs([root])
    assert isinstance(reject, Reject) and reject.kind == "symlink"
    assert "loops" in reject.reason
    (followed,) = read_inputs([root], follow_symlinks=True)
    assert isinstance(followed, Reject) and followed.kind == "unreadable"


def test_dangling_link_out_of_the_tree_is_a_symlink_reject(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (source,) = expand_paths([root])
    assert isinstance(source, OutsideLink)
    (reject,) = read_inputs([root])
    assert isinstance(reject, Reject) and reject.kind == "symlink"


@pytest.mark.parametrize("command", ["code", "ingest"])
def test_cli_reports_the_link_and_accepts_follow_symlinks(
    tree: Path, tmp_path: Path, command: str
) -> None:
    # Only the links and an empty file: no article passes, so no pipeline is loaded.
    for name in ("story.txt", "sub/alias.txt"):
        (tree / name).unlink()
    (tmp_path / "outside" / "secret.txt").write_text("")
    extra = ["--db", str(tmp_path / "t.duckdb")] if command == "ingest" else []
    result = CliRunner().invoke(app, [command, str(tree), *extra])
    assert result.exit_code == EXIT_ALL_REJECTED, result.output  # every input was rejected
    assert "[symlink]" in result.output and "Traceback" not in result.output
    followed = CliRunner().invoke(app, [command, str(tree), *extra, "--follow-symlinks"])
    assert followed.exit_code == EXIT_ALL_REJECTED, followed.output  # the linked file is empty
    assert "[symlink]" not in followed.output and "empty" in followed.output


def test_stdin_over_the_limit_says_the_limit_and_what_was_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io
    import sys
    from types import SimpleNamespace

    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"word " * 5000)))
    (reject,) = read_inputs("-", max_bytes=10_000)
    assert isinstance(reject, Reject) and reject.kind == "too_large"
    assert "more than that" not in reject.reason
    assert reject.reason == (
        "too large: more than the limit of 9.8 KB (10,000 bytes) per document; "
        "reading stopped at 10,001 bytes"
    )
