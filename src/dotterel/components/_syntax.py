"""Parse-tree labels and walks that more than one component uses.

Owns the dependency labels of active and passive subjects (spaCy's English scheme), the
part-of-speech tags of nouns, and the character span of a token's subtree. What only one
component asks of the parse stays in that component (``events/_syntax.py``,
``attribution/_syntax.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

#: Dependency labels of active subjects ("*Iran* said"; a clause: "*What he said* hurt").
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Dependency labels of passive subjects ("*Iran* was accused").
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
#: Part-of-speech tags of nouns, common and proper.
NOUN_POS = frozenset({"NOUN", "PROPN"})


def subtree_span(tok: Token, *, walk_order: bool = False) -> tuple[int, int]:
    """Character span of ``tok``'s whole subtree.

    Args:
        tok: the head of the subtree.
        walk_order: span from the first to the last token ``tok.subtree`` yields instead
            of from the subtree's left edge to its right edge. The two agree on a
            projective parse; on a non-projective one the walk's ends can lie inside the
            edges. The events component has always measured participants by the walk;
            kept so that its spans do not move.

    Returns:
        ``(start, end)`` character offsets in ``tok.doc.text``.
    """
    if walk_order:
        toks = list(tok.subtree)
        return toks[0].idx, toks[-1].idx + len(toks[-1])
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def sentences(doc: Doc) -> list[Span]:
    """The parsed document's sentences, built once per document: ``doc.sents`` makes a
    Python object of every token each time it is read (~10 ms on a news article)."""
    bounds = doc.user_data.get(_SENTENCES)
    if bounds is None:  # token offsets only: user_data must stay serialisable
        bounds = doc.user_data[_SENTENCES] = [(s.start, s.end) for s in doc.sents]
    return [doc[start:end] for start, end in bounds]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token's text on each
    access, making a Python object of each token (~4 ms on a news article)."""
    text = doc.user_data.get(_TEXT)
    if text is None:  # a Doc's text never changes (retokenizing keeps it)
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def keep_text(doc: Doc, text: str) -> None:
    """Give :func:`doc_text` the text ``doc`` was tokenised from, so that it is never
    rebuilt from the tokens: spaCy's tokenizer keeps every character, so the two are
    the same string."""
    doc.user_data[_TEXT] = text


def new_paragraph(doc: Doc, before: Span, after: Span) -> bool:
    """A line break between two sentences (spaCy gives the blank lines after a sentence
    to that sentence, so look from its last word)."""
    text = doc_text(doc)  # a slice of it is the span's text, without joining its tokens
    end = before.start_char + len(text[before.start_char : before.end_char].rstrip())
    return "\n" in text[end : after.start_char]


def lead_and_next(doc: Doc, sents: list[Span]) -> tuple[int, Span] | None:
    """The story's lead (the first sentence, or the one after a headline on a line of
    its own) and the sentence after it when that one is in the same paragraph: the
    lead states the news and the next sentence often says where and when ("X has urged
    Y to resign. X, speaking at a rally in Kano on Sunday, ...")."""
    lead = 1 if len(sents) > 1 and new_paragraph(doc, sents[0], sents[1]) else 0
    if lead + 1 >= len(sents) or new_paragraph(doc, sents[lead], sents[lead + 1]):
        return None
    return lead, sents[lead + 1]


def title_case_headline(doc: Doc) -> int:
    """The end (a character offset) of the story's headline when it is a line of its
    own written in Title Case ("FDIC Accused Of Covering Up China Hacking"), else 0.

    Such a line restates the lead's news, and the parser, trained on sentence case,
    reads its capitalised verbs as names: what it says is coded from the body instead.
    Title Case: at least four words of four letters or more, and four in five of them
    capitalised (an all-capitals line is a dateline or a label, not this).
    """
    text = doc_text(doc)
    end = text.find("\n")
    if end <= 0:
        return 0
    words = [w for w in text[:end].split() if len(w) > 3 and w[:1].isalpha()]
    capital = sum(1 for w in words if w[:1].isupper())
    if len(words) < 4 or capital * 5 < len(words) * 4 or all(w.isupper() for w in words):
        return 0
    return end


_SENTENCES = "dotterel_sentences"
_TEXT = "dotterel_text"

__all__ = [
    "NOUN_POS",
    "PASSIVE_SUBJECT_DEPS",
    "SUBJECT_DEPS",
    "doc_text",
    "keep_text",
    "lead_and_next",
    "new_paragraph",
    "sentences",
    "subtree_span",
]
