"""Denials worded without a denial verb: a report noun called untrue.

"The ministry called the reports baseless", "described the claims as false", "a
spokesman said the accusation was false", "said the allegations were fabricated": the
speaker denies the claim the report noun stands for. The words come from
``data/attribution/contest.json`` (``falsity_words``, ``calling_verbs``,
``report_nouns``). :class:`~dotterel.components.provenance.ProvenanceComponent` turns
each into a ``REJECT`` event (a denial of a claim is REJECT in PLOVER) whose trigger is
the word of falsity, so :func:`dotterel.contest_links.relation_of` reads it as a
denial and links it to the claims it answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dotterel.contest_links import ContestLexicon

#: Dependency labels of a clause's subject.
_SUBJECTS = ("nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class FalsityDenial:
    """One denial: the word of falsity, the report noun it qualifies, and the denier."""

    falsity: Token
    report: Token
    denier: Token | None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for a participle clause ("..., calling the reports baseless")
    the subject of the clause it hangs on."""
    found = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if found is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        return next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    return found


def _report_object(verb: Token, lex: ContestLexicon) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in lex.report_nouns), None
    )


def find_falsity_denials(doc: Doc, lex: ContestLexicon) -> list[FalsityDenial]:
    """Every report noun called untrue in ``doc``, with who calls it so."""
    out: list[FalsityDenial] = []
    # filter on the token array: a Token object is made only for a falsity word
    falsity_ids = {get_string_id(w) for w in lex.falsity_words}
    for i, lower_id in enumerate(doc.to_array([LOWER]).tolist()):
        if lower_id not in falsity_ids:
            continue
        tok = doc[i]
        if tok.lower_ not in lex.falsity_words:
            continue
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "as":
            head = head.head  # "described the claims as false"
        if head.lemma_.lower() in lex.calling_verbs and head is not tok:
            report = _report_object(head, lex)
            if report is not None:
                out.append(FalsityDenial(tok, report, _subject(head)))
                continue
        # "said the accusation was false" / "said the allegations were fabricated"
        clause = tok if tok.pos_ == "VERB" else head
        subject = _subject(clause)
        if subject is None or subject.lower_ not in lex.report_nouns:
            continue
        if clause.dep_ in ("ccomp", "parataxis") and clause.head.pos_ == "VERB":
            out.append(FalsityDenial(tok, subject, _subject(clause.head)))
    return out


__all__ = ["FalsityDenial", "find_falsity_denials"]
