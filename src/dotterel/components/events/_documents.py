"""A document that speaks is its author (issue 18).

"House Republicans released a report on Benghazi. The report faulted the State
Department": a report, a statement or a letter does not act; whoever issued it does.
When every source of an event is such a document noun that names no actor of its own
("The report", "the statement"), the source is the subject of the last verb of issuing
before it whose object was the same kind of document ("released a report", "issued a
statement", "sent a letter"). Word lists in ``data/events/arguments.json``
(``document_nouns``, ``issuing_verbs``).

With no such verb, a modifier that names a body's role names the issuer: "a
*congressional* report", "a *parliamentary* report", "a *police* report" are the
legislature's, the police's (``modifier_agents`` of ``implicit_agents.json``), of the
country of the article's dateline, inferred. And a pronoun "it" that coreference left
without an antecedent, as the subject of an act, is the document that last spoke in its
sentence or the one before ("..., the congressional report said. *It* accused the
agency of ..."): reports are quoted, then go on speaking as "it".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dotterel.components.events._arg_words import default_argument_words
from dotterel.components.events._arguments import subject_heads
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._implicit import (
    default_implicit_rules,
    modifier_role,
    setting_country,
)
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
        if len(heads) == 1 and heads[0] is not None and heads[0].lower_ == "it":
            heads = [_spoken_document(d.trigger, words.document_nouns)]
        if not heads or any(
            h is None or h.lemma_.lower() not in words.document_nouns for h in heads
        ):
            continue
        if not issued:
            issued = _issuing(doc, words.document_nouns, words.issuing_verbs)
        first = heads[0]
        assert first is not None
        kind = first.lemma_.lower()
        before = [(i, v) for i, lemma, v in issued if lemma == kind and i < d.trigger.i]
        authors = []
        if before:
            verb = max(before, key=lambda x: x[0])[1]
            authors = [a for a in arguments_for(subject_heads(verb, rules)) if a.coded]
        if not authors:
            issuer = _modifier_issuer(first)
            authors = [issuer] if issuer is not None else []
        if authors:
            d.sources = authors


#: Verbs a quoted document speaks with ("the report said", "the study found").
_DOCUMENT_SPEECH = frozenset({"say", "find", "conclude", "state", "add", "note"})


def _spoken_document(trigger: Token, documents: frozenset[str]) -> Token | None:
    """The document noun that last spoke before ``trigger``, in its sentence or the one
    before: the subject of a verb of saying ("the report *said*")."""
    sent = trigger.sent
    start = sent.start
    if start > 0:
        start = trigger.doc[start - 1].sent.start
    found = None
    for tok in trigger.doc[start : trigger.i]:
        if (
            tok.dep_ == "nsubj"
            and tok.lemma_.lower() in documents
            and tok.head.lemma_.lower() in _DOCUMENT_SPEECH
        ):
            found = tok
    return found


def _modifier_issuer(document: Token) -> Argument | None:
    """The body a modifier of the document names ("a *congressional* report"), in the
    country of the article's dateline, inferred; ``None`` when none or no country."""
    implicit = default_implicit_rules()
    role = modifier_role(document, implicit)
    country = setting_country(document.doc) if role is not None else None
    if role is None or country is None:
        return None
    return implicit.side(document, country, role)


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
