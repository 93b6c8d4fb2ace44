"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full dotterel pipeline (base model + every dotterel component)."""
    from dotterel.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """``../shared/eval``; tests that need it skip with a clear message when absent."""
    if not SHARED_EVAL.is_dir():
        pytest.skip(f"gold data not found at {SHARED_EVAL} (../shared/eval beside the repo)")
    return SHARED_EVAL
