"""Find time expressions and resolve them against the publication date (issue: Places and dates).

Candidates are spaCy's ``DATE``/``TIME`` entities united with :func:`dotterel.timex.scan`
(regexes for what spaCy-sm misses or cuts short: "since 2001", "in decades", a bare "in
May"), minus scanner hits inside names ("Theresa May") and weekdays of named days
("Super Tuesday"), and a bare month that is the surname of a person the article names
("Theresa May ... May said"). Extents take in a modifier before them ("the night of", "late"),
touching candidates merge ("Friday" + "night"), a preceding "since"/"until"/"from"
joins the extent and becomes the relation, and "in"/"for" joins an unspecified span
("in decades"). Each candidate is then normalised by :mod:`dotterel.timex` with the tense
of the clause it modifies (past: the latest Tuesday before publication; future: the
next one; "will reopen in two weeks" is a date, "for two weeks" a duration) and the last
date mentioned as anchor ("three days later"). Ranges give a ``since`` and an ``until``
record, lists one record per member. Candidates that do not resolve (ages, "annual",
clock times alone) are dropped.

Without a publication date, calendar-only expressions keep TIMEX3's unresolved form
(``XXXX-12``, ``XXXX-WXX-2``) and deictic ones ("yesterday", "last year") are skipped.
"""

from __future__ import annotations

import logging
import re
from datetime import date

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Token

from dotterel import timex
from dotterel.components._syntax import doc_text
from dotterel.extensions import article_of, register_extensions
from dotterel.model import TimeRef

LOGGER = logging.getLogger(__name__)

_LABELS = ("DATE", "TIME")
#: Entities whose words are names, not times ("Theresa May", "April Ryan").
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT"})
#: The word right before a candidate.
_WORD_BEFORE = re.compile(r"([\w-]+)\s+$")
#: ``ENT_IOB`` value of the first token of an entity.
_IOB_BEGIN = 3
#: A relation word just before a candidate ("since 2001").
_RELATION_BEFORE = re.compile(r"\b(since|until|till|from|through|between)\s+$", re.I)
#: A modifier just before a candidate that TIMEX3 keeps in the extent.
_MODIFIER_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?:end|beginning|start|middle|night|morning|evening|afternoon"
    r"|early\s+hours|small\s+hours|first\s+half|second\s+half)\s+of\s+"
    r"|\b(?:early|late)\s+|\bmid-)$",
    re.I,
)
#: "in" before a counted span ("in two weeks").
_IN_BEFORE = re.compile(r"\bin\s+$", re.I)
#: A preposition that belongs to an unspecified span ("in decades", "for years").
_SPAN_PREP_BEFORE = re.compile(r"\b(in|for|over|within)\s+$", re.I)
#: What may separate two candidates that are one expression ("Friday night", "Friday at 9").
_JOINABLE_GAP = re.compile(r"\s*|\s+at\s+|,\s+", re.I)
#: The rest of a range after its first end ("from 2001| to 2005", "between 2001| and").
_RANGE_AFTER = re.compile(r"\s*(?:to|until|till|through|and|-|–)\b", re.I)
#: A range inside one candidate ("from |2001-2005|").
_RANGE_INSIDE = re.compile(r"\S\s*(?:-|–|\bto\b|\band\b|\buntil\b)\s*\S", re.I)
#: What links the two ends of a range written as two entities ("from 2001 to 2005").
_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*", re.I)


def clause_tense(token: Token) -> timex.Tense:
    """The tense of the clause ``token`` sits in, as far as it matters for dating.

    Walks up to the governing verb, then reads its auxiliaries and tag: "will" /
    "would" / "is scheduled" / an infinitive under a verb of planning ("plans to meet
    on Tuesday") make the clause future; other infinitives take their governor's tense
    ("tried to storm it on Tuesday" is past); a past tag or a perfect makes it past, a
    progressive ("are meeting") counts as future (it usually is with a date), a simple
    present as present.
    """
    lex = timex.lexicon().raw
    verb = token
    for _ in range(20):
        if verb.pos_ in ("VERB", "AUX") or any(c.dep_ == "aux" for c in verb.children):
            break  # a verb, or a word the parser hung auxiliaries on ("will not until")
        if verb.head.i == verb.i:
            return "unknown"
        verb = verb.head
    else:
        return "unknown"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & set(lex["future_auxiliaries"]):
        return "future"
    if verb.lemma_ in lex["future_passives"] and any(a.dep_ == "auxpass" for a in auxes):
        return "future"  # "the vote is scheduled for Friday"
    if "to" in words and verb.head.i != verb.i:
        # "plans to meet on Tuesday" looks ahead; "tried to storm it on Tuesday" does not
        if verb.head.lemma_ in lex["future_governors"]:
            return "future"
        return clause_tense(verb.head)
    tags = {verb.tag_, *(a.tag_ for a in auxes)}
    if tags & {"VBD"} or (verb.tag_ == "VBN" and words & {"has", "have", "had", "'ve"}):
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return "unknown"


class DatesComponent:
    """Find time expressions and resolve them against the publication date.

    Args:
        nlp: the pipeline (unused; kept for the factory signature).
        name: the component's name in the pipeline.
        use_dateparser: ask ``dateparser`` about absolute dates no rule knows.
        keep_durations: also record durations ("two years" -> ``P2Y``) and vague
            references ("recently" -> ``PAST_REF``), not only calendar values.
    """

    def __init__(
        self, nlp: Language, name: str, *, use_dateparser: bool = True, keep_durations: bool = True
    ) -> None:
        register_extensions()
        self.name = name
        self.use_dateparser = use_dateparser
        self.keep_durations = keep_durations
        timex.warm_up()  # load the tables and compile the rules now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        article = article_of(doc)
        text = doc_text(doc)
        times: list[TimeRef] = []
        anchor: tuple[date, str] | None = None
        previous: TimeRef | None = None
        for start, end in self._candidates(doc, text):
            start, relation_word = self._extend_left(text, start, end)
            span = doc.char_span(start, end, alignment_mode="expand")
            tense = clause_tense(span.root) if span is not None else "unknown"
            pieces = timex.resolve_span(
                text[start:end],
                article.pub_date,
                tense,
                anchor=anchor,
                fallback=self.use_dateparser,
            )
            if not pieces and relation_word:  # "from" may belong to something else
                start += len(relation_word)
                pieces = timex.resolve_span(
                    text[start:end],
                    article.pub_date,
                    tense,
                    anchor=anchor,
                    fallback=self.use_dateparser,
                )
            if tense == "future" and len(pieces) == 1 and pieces[0].resolution.kind == "duration":
                pieces = self._counted_ahead(text, start, end, pieces, article.pub_date)
            for piece in pieces:
                res = piece.resolution
                if res.kind != "date" and not self.keep_durations:
                    continue
                p_start, p_end = start + piece.start, start + piece.end
                if res.kind == "duration" and res.value.startswith("PX"):
                    p_start = self._span_prep(text, p_start)
                relation = res.relation
                if relation == "at" and previous is not None and res.kind == "date":
                    gap = text[previous.end : p_start]
                    if previous.relation == "since" and _RANGE_GAP.fullmatch(gap):
                        relation = "until"  # "from 2001 to 2005" as two entities
                        end_text = text[p_start:p_end]
                        res = (
                            timex.range_end(end_text, previous.value, res, article.pub_date) or res
                        )
                ref = TimeRef(
                    id=f"{article.id}-t{len(times)}",
                    start=p_start,
                    end=p_end,
                    text=text[p_start:p_end],
                    value=res.value,
                    relation=relation,
                )
                times.append(ref)
                previous = ref
                if res.kind == "date" and (new_anchor := timex.as_anchor(res.value)):
                    anchor = new_anchor
        doc._.times = times
        return doc

    @staticmethod
    def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
        """spaCy's DATE/TIME entities and the scanner's hits, merged into extents.

        A scanner hit inside a name ("a speech by Theresa May") is dropped, and so is
        a weekday that is part of a named day ("Super Tuesday").
        """
        ents = list(doc.ents) if _may_overlap_names(text) else []
        names = [(e.start_char, e.end_char) for e in ents if e.label_ in _NAME_LABELS]
        # a person named in full is then called by the surname alone: "Theresa May ...
        # May has received backing" (the NER reads the bare "May" as a month)
        surnames = {e.text.split()[-1] for e in ents if e.label_ == "PERSON" and " " in e.text}
        spans = [(s, e) for s, e in _time_entities(doc) if text[s:e] not in surnames]
        spans.extend(
            (s, e) for s, e in timex.scan(text) if not any(s < ne and ns < e for ns, ne in names)
        )
        spans = [(_modifier_start(text, s), e) for s, e in spans if not _in_named_day(text, s, e)]
        spans.sort()
        merged: list[list[int]] = []
        for start, end in spans:
            touching = merged and (
                start <= merged[-1][1] or _JOINABLE_GAP.fullmatch(text[merged[-1][1] : start])
            )
            if touching and _joinable(text, merged[-1], start, end):
                merged[-1][1] = max(merged[-1][1], end)
                continue
            merged.append([start, end])
        return [(s, e) for s, e in merged]

    @staticmethod
    def _extend_left(text: str, start: int, end: int) -> tuple[int, str | None]:
        """Take a relation word before the candidate into its extent ("since 2001").

        "from" and "between" count only when the range goes on after the candidate
        ("from 2001 to 2005"): "a photo from 2015" is not an interval.
        """
        m = _RELATION_BEFORE.search(text, max(0, start - 12), start)
        if m is None:
            return start, None
        word = m.group(1).lower()
        if word in ("from", "between") and not (
            _RANGE_AFTER.match(text, end) or _RANGE_INSIDE.search(text, start, end)
        ):
            return start, None
        return m.start(), text[m.start() : start]

    @staticmethod
    def _counted_ahead(
        text: str, start: int, end: int, pieces: list[timex.Piece], pub: date | None
    ) -> list[timex.Piece]:
        """A counted span after "in" in a future clause is a date ("reopen in two weeks")."""
        if not _IN_BEFORE.search(text, max(0, start - 4), start):
            return pieces
        ahead = timex.resolve(f"in {text[start:end]}", pub, "future", fallback=False)
        if ahead is None or ahead.kind != "date":
            return pieces
        return [timex.Piece(0, end - start, ahead)]

    @staticmethod
    def _span_prep(text: str, start: int) -> int:
        """Take "in"/"for" before an unspecified span into it ("in decades")."""
        m = _SPAN_PREP_BEFORE.search(text, max(0, start - 8), start)
        return m.start() if m else start


def _may_overlap_names(text: str) -> bool:
    """Whether name entities are worth reading (``doc.ents`` is not free): only when a
    month name that is also a person's name occurs in the text."""
    return any(name in text for name in timex.lexicon().raw["name_months"])


def _modifier_start(text: str, start: int) -> int:
    """Where the extent starts once a modifier before it is included: "the night of
    November 3", "late May" (TIMEX3 keeps it in the extent; it does not change the value)."""
    mod = _MODIFIER_BEFORE.search(text, max(0, start - 30), start)
    return mod.start() if mod is not None else start


def _in_named_day(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` starts with the weekday of a named day ("Super Tuesday")."""
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if before is None:
        return False
    first = text[start:end].split(maxsplit=1)[0] if text[start:end].strip() else ""
    return f"{before.group(1)} {first}".lower() in timex.lexicon().raw["named_days"]


def _time_entities(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of DATE/TIME entities, read from arrays (``doc.ents`` builds a
    Token object for every token of the document)."""
    if not len(doc):
        return []
    labels = [doc.vocab.strings[label] for label in _LABELS if label in doc.vocab.strings]
    arr = doc.to_array([ENT_IOB, ENT_TYPE])
    hits = numpy.nonzero(numpy.isin(arr[:, 1], labels))[0]
    runs: list[list[int]] = []  # [first, last] token of each entity
    for i in hits.tolist():
        last = runs[-1][1] if runs else -2
        if i == last + 1 and arr[i, 0] != _IOB_BEGIN and arr[i, 1] == arr[last, 1]:
            runs[-1][1] = i  # an inside token of the same entity
            continue
        runs.append([i, i])
    return [(doc[a].idx, doc[b].idx + len(doc[b].text)) for a, b in runs]


def _joinable(text: str, previous: list[int], start: int, end: int) -> bool:
    """Whether a candidate touching the previous one continues the same expression.

    Overlaps always join. Across a gap (a space, ", ", " at ") join only when the second
    part adds a day part or a clock time ("Friday night", "Friday at 9 a.m.") or a year
    ("March 17, 2011"): a list such as "Monday, Tuesday" stays two expressions.
    """
    if start <= previous[1]:
        return True
    second = text[start:end].lower().strip()
    if not second:
        return False
    parts = timex.lexicon().raw["parts_of_day"]
    return bool(
        re.fullmatch(r"(?:\d{4}|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?.*)", second)
        or second.split()[0] in parts
    )


@Language.factory(
    "dotterel_dates",
    assigns=["doc._.times"],
    requires=["doc.ents"],
    default_config={"use_dateparser": True, "keep_durations": True},
)
def make_dates(
    nlp: Language, name: str, use_dateparser: bool, keep_durations: bool
) -> DatesComponent:
    return DatesComponent(nlp, name, use_dateparser=use_dateparser, keep_durations=keep_durations)


__all__ = ["DatesComponent", "clause_tense", "make_dates"]
