"""Property tests: no input raises out of the public API; bad input becomes a Reject.

Hypothesis throws arbitrary bytes, unicode, control characters, huge tokens, unbalanced
quotes and deeply nested HTML at ingest and at the pipeline.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from dotterel.ingest import read_inputs
from dotterel.model import Article, CodedArticle, Reject
from dotterel.pipeline import code
from dotterel.rows import flatten

SUFFIXES = [".txt", ".html", ".jsonl", ".md", ""]
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

newsy = st.lists(
    st.sampled_from(
        [
            "Ruritania",
            "accused",
            "Syldavia",
            "of",
            "arming",
            "rebels",
            "“",
            "”",
            '"',
            "'",
            "said",
            "told",
            "reportedly",
            "denied",
            "on",
            "Monday",
            "last",
            "year",
            "in",
            "province",
            ",",
            ".",
            "\n\n",
            "according to",
            "officials",
            "It",
            "they",
            ":",
        ]
    ),
    max_size=60,
).map(" ".join)
texts = st.one_of(
    st.text(max_size=400),
    newsy,
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=50).map(lambda s: s * 40),
    st.integers(1, 3000).map(lambda n: "x" * n),  # one huge token
)


def nested_html(depth: int, body: str) -> str:
    return "<html><body>" + "<div>" * depth + body + "</div>" * (depth // 2)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_ingest_never_raises_on_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([path]))
    assert all(isinstance(i, Article | Reject) for i in items)
    for item in items:
        if isinstance(item, Reject):
            assert item.reason and "\n" not in item.reason


@FUZZ
@given(body=texts, depth=st.integers(0, 400))
def test_ingest_never_raises_on_html(body: str, depth: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(nested_html(depth, body), encoding="utf-8")
        items = list(read_inputs([path]))
    assert all(isinstance(i, Article | Reject) for i in items)


@pytest.mark.slow
@FUZZ
@given(text=texts)
def test_pipeline_never_raises(nlp: Language, text: str) -> None:
    if not text.strip():
        return  # ingest rejects empty text before the pipeline sees it
    coded = code(nlp, Article(text=text, outlet="Fuzz Times"))
    assert isinstance(coded, CodedArticle)
    for table, rows in flatten(coded).items():
        for row in rows:
            for key in ("start", "end"):
                if key in row and row[key] is not None:
                    assert 0 <= row[key] <= len(text), (table, row)


@pytest.mark.slow
def test_bounded_mutation_fuzz_run() -> None:
    """tests/fuzz.py for DOTTEREL_FUZZ_SECONDS (CI: 60 s); prints the input count."""
    import os
    import subprocess
    import sys

    seconds = os.environ.get("DOTTEREL_FUZZ_SECONDS", "15")
    script = Path(__file__).resolve().parent / "fuzz.py"
    result = subprocess.run(
        [sys.executable, str(script), "--seconds", seconds],
        capture_output=True,
        text=True,
        timeout=float(seconds) + 300,
    )
    print(result.stdout[-2000:])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
