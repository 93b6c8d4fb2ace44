"""A synthetic, original benchmark corpus: news-like articles of a chosen length.

The benchmark needs many realistic documents that the project may ship and share. Each
article strings together invented sentence frames (``data/corpus_vocab.json``) filled at
random with a fixed seed, so the corpus is the same on every machine and every run. The
frames cover what the pipeline works on: actors, attacks, aid, denials, quotes, nested
sources, places and relative dates.
"""

from __future__ import annotations

import json
import random
from functools import cache
from importlib import resources
from typing import Any

from dotterel.model import Article


@cache
def _vocab() -> dict[str, Any]:
    text = resources.files("dotterel.bench").joinpath("data/corpus_vocab.json").read_text()
    return json.loads(text)


def _sentence(rng: random.Random, vocab: dict[str, Any]) -> str:
    state, state2 = rng.sample(vocab["states"], 2)
    frame = rng.choice(vocab["frames"])
    sentence = frame.format(
        state=state,
        state2=state2,
        group=rng.choice(vocab["groups"]),
        role=rng.choice(vocab["roles"]),
        outlet=rng.choice(vocab["outlets"]),
        place=rng.choice(vocab["places"]),
        time=rng.choice(vocab["times"]),
    )
    return sentence[0].upper() + sentence[1:]


def synthetic_articles(n: int, *, tokens: int = 1000, seed: int = 13) -> list[Article]:
    """``n`` original articles of about ``tokens`` tokens each (about 20 per sentence)."""
    rng = random.Random(seed)
    vocab = _vocab()
    articles = []
    for i in range(n):
        paragraphs: list[str] = []
        count = 0
        while count < tokens:
            para = " ".join(_sentence(rng, vocab) for _ in range(rng.randint(2, 4)))
            paragraphs.append(para)
            count += int(len(para.split()) * 1.2)  # punctuation adds about a fifth
        title = f"Synthetic report {i + 1}"
        articles.append(
            Article(
                text=title + "\n\n" + "\n\n".join(paragraphs),
                title=title,
                outlet="dotterel bench",
                origin=f"synthetic:{i}",
            )
        )
    return articles
