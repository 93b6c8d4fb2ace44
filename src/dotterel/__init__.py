"""dotterel: sourced political event data from news reports.

Who did what to whom, where, when, and according to whom::

    import dotterel
    coded = dotterel.code_text("...", outlet="Example Times", date="2024-04-16")

    nlp = dotterel.build_pipeline()  # or hold the pipeline yourself
    coded = dotterel.code(nlp, dotterel.Article(text=..., outlet="Example Times"))
    for event in coded.events:
        print(event.source_code, event.event_type, event.target_code, event.status)
"""

from dotterel.errors import (
    DictionaryError,
    DotterelError,
    GoldFormatError,
    InputError,
    StoreError,
)
from dotterel.model import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    Mention,
    Place,
    Reject,
    Sentence,
    SourceLink,
    TextSpan,
    TimeRef,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "CodedArticle",
    "DictionaryError",
    "DotterelError",
    "Event",
    "GoldFormatError",
    "InputError",
    "Mention",
    "Place",
    "Reject",
    "Sentence",
    "SourceLink",
    "StoreError",
    "TextSpan",
    "TimeRef",
    "__version__",
    "build_pipeline",
    "code",
    "code_many",
    "code_text",
]

_LAZY = {"build_pipeline", "code", "code_many", "code_text"}


def __getattr__(name: str) -> object:
    # The pipeline imports spaCy (a second or two); import it only when asked for, so
    # `dotterel --help` and the light modules stay fast.
    if name in _LAZY:
        from dotterel import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'dotterel' has no attribute {name!r}")
