"""Parse helpers several components share (``components/_syntax.py``): the Title Case
headline, on texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.language import Language

from dotterel.components._syntax import title_case_headline


@pytest.mark.parametrize(
    ("text", "is_headline"),
    [
        ("Regulator Accused Of Hiding Foreign Hacking From Lawmakers\n\nThe agency ...", True),
        ("Senate Leader Vows To Block Budget Deal.\nThe leader said ...", True),
        ("Union to back the governor.\n\nThe union said ...", False),  # sentence case
        ("NAIROBI, Kenya (AP) -\nPolice said ...", False),  # a dateline in capitals
        ("Regulator Accused Of Hiding Foreign Hacking", False),  # no line of its own
        ("Vote Counted\nThe count ...", False),  # too short to tell
    ],
)
def test_a_title_case_first_line_is_the_headline(text: str, is_headline: bool) -> None:
    doc = English().make_doc(text)
    end = title_case_headline(doc)
    assert (end > 0) is is_headline
    if is_headline:
        assert "\n" not in text[:end]


def test_events_skip_a_title_case_headline(nlp: Language) -> None:
    from dotterel.model import Article
    from dotterel.pipeline import make_doc

    text = (
        "Kenya Accuses Uganda Of Arming Rebels Near The Border\n\n"
        "Kenya accused Uganda on Monday of arming rebels near the border."
    )
    doc = nlp(make_doc(nlp, Article(text=text)))
    starts = [e.trigger.start for e in doc._.events]
    assert starts and all(s > text.index("\n") for s in starts)
