"""dotterel: sourced political event data from news reports.

Who did what to whom, where, when, and according to whom::

    import dotterel
    nlp = dotterel.build_pipeline()
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
from dotterel.pipeline import build_pipeline, code, code_many

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
]
