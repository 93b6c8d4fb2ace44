"""A document that speaks is its author (issue 18).

"House Republicans released a report on Benghazi. The report faulted the State
Department": a report, a statement or a letter does not act; whoever issued it does.
When every source of an event is such a document noun that names no actor of its own
("The report", "the statement"), the source is the subject of the last verb of issuing
before it whose object was the same kind of document ("released a report", "issued a
statement", "sent a letter"). Word lists in ``data/events/arguments.json``
(``document_nouns``, ``issuing_verbs``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dotterel.components.events._arg_words import default_argument_words
from dotterel.components.events._arguments import subject_heads
from dotterel.components.events._drafts import Draft
from dotterel.components.events._participants import arguments_for
from dotterel.components.events._rules import EventRules
from dotterel.components.events._syntax import OBJ, span_root


def author_documents(doc: Doc, drafts: dict[int, Draft], rules: EventRules) -> None:
    """Replace a document source ("The report faulted ...") by the document's issuer."""
    words = default_argument_words()
    issued: list[tuple[int, str, Token]] = []  # (token index, document lemma, verb)
    for d in drafts.values():
        if d.absorbed or not d.sources or any(s.coded for s in d.sources):
            continue
        heads = [span_root(doc, s.start, s.end) for s in d.sources]
        if not heads or any(
            h is None or h.lemma_.lower() not in words.document_nouns for h in heads
        ):
            continue
        if not issued:
            issued = _issuing(doc, words.document_nouns, words.issuing_verbs)
        kind = heads[0].lemma_.lower() if heads[0] is not None else ""
        before = [(i, v) for i, lemma, v in issued if lemma == kind and i < d.trigger.i]
        if not before:
            continue
        verb = max(before, key=lambda x: x[0])[1]
        authors = [a for a in arguments_for(subject_heads(verb, rules)) if a.coded]
        if authors:
            d.sources = authors


def _issuing(
    doc: Doc, documents: frozenset[str], verbs: frozenset[str]
) -> list[tuple[int, str, Token]]:
    """Every verb of issuing with a document object, as (object index, lemma, verb)."""
    out: list[tuple[int, str, Token]] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        for c in tok.children:
            if c.dep_ in OBJ and c.lemma_.lower() in documents:
                out.append((c.i, c.lemma_.lower(), tok))
    return out


__all__ = ["author_documents"]
