"""Give each event the date of its clause, else the publication date (issue: Places and dates).

An event is dated, in this order, by

1. its own time expression: one inside the trigger's noun phrase ("the October 2016
   Taliban assault") or governed by the trigger's verb without crossing into another
   clause ("militants attacked a checkpoint last year"); a trigger that is the
   to-infinitive of a verb ("tried to storm the base on Tuesday") shares that verb's;
2. else the sentence's: a point in time (not a "since" interval) attached to a clause
   that contains the trigger ("On Tuesday, officials said the rebels had attacked"),
   the nearest clause first, or to a subject noun event ("the attack on Saturday
   killed dozens" dates the killing too), or inside an -ing participle on the verb or
   its subject, which tells the occasion of the act ("X, speaking on Sunday, accused
   Y"; "X, who was reacting in a statement he signed yesterday, faulted Y");
3. else the date of another mention of the same event: an event named again without
   its date (a headline, "the poisoning" after "the March 4 poisoning", "would
   endorse" after "endorsed him last week") shares the date that a mention of the
   same type, the same trigger word and compatible actors has in its own words;
4. else, for the story's lead sentence, which states the news, a time on a verb of the
   next sentence of its paragraph ("X has urged Y to resign. X, in a statement he
   signed yesterday, ..."), unless that time is history;
5. else the time of the episode a simple-past main clause goes on narrating: the last
   day-exact time a simple-past main clause gave in the few sentences before ("On
   Thursday, parents walked in. ... At one school they protested the cuts.");
6. else the publication date, with ``date_source = "publication"``.

Only calendar values date an event: durations ("for two years") and vague references
("recently") are skipped. An expression's relation (``since 2001``) stays on its
:class:`~dotterel.model.TimeRef`, which ``Event.time_id`` points to.

**Background.** An event dated by the text whose date ends a year or more before the
publication date is history the article mentions ("in 1994 the rebels broke the truce",
"have fought the state since 1964"): ``Event.background = True``. The latest day the value
can mean is compared (``2017`` ends on 31 December 2017), so a date is background only
when all of it lies a year or more back. Events dated by the publication date never are.
"""

from __future__ import annotations

import calendar
import functools
import logging
import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dotterel import timex
from dotterel.components._syntax import lead_and_next, sentences
from dotterel.extensions import article_of, records, register_extensions
from dotterel.model import Event, TimeRef

LOGGER = logging.getLogger(__name__)

#: A noun event in these positions lends its time to its verb ("the attack on Saturday killed").
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependencies that open a clause of their own: a time inside belongs to that clause.
_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "conj"}
)


class EventDatesComponent:
    """Give each event the date of its clause, else the publication date.

    Args:
        nlp: the pipeline (unused; kept for the factory signature).
        name: the component's name in the pipeline.
        sentence_fallback: use a time expression of an enclosing clause when the
            event's own clause has none.
    """

    def __init__(self, nlp: Language, name: str, *, sentence_fallback: bool = True) -> None:
        register_extensions()
        self.name = name
        self.sentence_fallback = sentence_fallback

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = records(doc, "events")
        if not events:
            return doc
        pub = article_of(doc).pub_date
        triggers = {id(e): _trigger(doc, e) for e in events}
        trigger_ids = {t.i for t in triggers.values() if t is not None}
        attached = _attachments(doc, trigger_ids)
        own: dict[int, TimeRef] = {}
        found: dict[int, TimeRef | None] = {}
        for event in events:
            trigger = triggers[id(event)]
            ref = None
            if trigger is not None:
                ref = _own_time(trigger, attached, trigger_ids)
                if ref is not None:
                    own[id(event)] = ref
                elif self.sentence_fallback:
                    ref = _clause_time(trigger, event, attached, trigger_ids) or _frame_time(
                        trigger, attached, trigger_ids
                    )
            found[id(event)] = ref
        dated = [(e, triggers[id(e)], own[id(e)]) for e in events if id(e) in own]
        narrated: dict[int, TimeRef] = {}  # sentence start -> the episode time it tells
        sents: list[Span] = []  # built on first need: most events are dated before
        for event in sorted(events, key=lambda e: e.trigger.start):
            trigger = triggers[id(event)]
            ref = found[id(event)]
            if ref is None and trigger is not None and self.sentence_fallback:
                ref = _same_event_time(event, trigger, dated, pub)
                if ref is None:
                    sents = sents or sentences(doc)
                    ref = _lead_time(doc, sents, trigger, attached, pub) or _narrative_time(
                        sents, trigger, attached, pub, narrated
                    )
            if ref is not None:
                event.time_id, event.date, event.date_source = ref.id, ref.value, "text"
                event.background = is_history(ref.value, pub)
            elif pub is not None:
                event.time_id, event.date, event.date_source = None, pub.isoformat(), "publication"
            else:
                event.time_id, event.date, event.date_source = None, None, None
        long_ago_heads = {node.i for node in _long_ago_attachments(doc, trigger_ids)}
        for event in events:
            trigger = triggers[id(event)]
            if trigger is not None and trigger.i in long_ago_heads:
                event.background = True  # "signed peace treaties decades ago"
        return doc


#: How far back an event must end to be history (events guide: "a year or more").
HISTORY = timedelta(days=365)
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DECADE = re.compile(r"^(\d{3})$")


def latest_day(value: str) -> date | None:
    """The last day a TIMEX3 calendar value can mean (``2017-03`` -> 2017-03-31)."""
    m = _VALUE.match(value)
    if m:
        y = int(m.group(1))
        if m.group(3):
            return date(y, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            mo = int(m.group(2))
            return date(y, mo, calendar.monthrange(y, mo)[1])
        return date(y, 12, 31)
    m = _DECADE.match(value)
    if m:
        return date(int(m.group(1)) * 10 + 9, 12, 31)
    return None


#: A vague past reference counted in years or more ("decades ago", "years ago", "a
#: generation ago", "long ago"): TIMEX3 gives it no calendar value (``PAST_REF``), yet
#: it places the event a year or more back, as history.
_LONG_AGO = re.compile(
    r"\b(?:years|decades|centuries|generations|a\s+(?:decade|generation|century)|long)\s+ago\b",
    re.IGNORECASE,
)


def long_ago(ref: TimeRef) -> bool:
    """Whether a vague past reference ("decades ago") puts its event a year or more back."""
    return ref.value == "PAST_REF" and _LONG_AGO.search(ref.text) is not None


def is_history(value: str | None, pub: date | None) -> bool:
    """Whether an event dated ``value`` ended a year or more before publication."""
    if not value or pub is None:
        return False
    try:
        last = latest_day(value)
    except ValueError:
        return False
    return last is not None and pub - last >= HISTORY


def _trigger(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def _long_ago_attachments(doc: Doc, trigger_ids: set[int]) -> list[Token]:
    """What each vague reference of years or more ("decades ago") attaches to (the
    climb of :func:`_attachments`); only those events are history, no others."""
    out: list[Token] = []
    for ref in records(doc, "times"):
        if not long_ago(ref):
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is not None:
            out.append(_attachment(span.root, trigger_ids))
    return out


def _attachment(root: Token, trigger_ids: set[int]) -> Token:
    """The first token above ``root``, inside its clause, that is a trigger or a verb."""
    node = root
    for _ in range(40):
        if node.head.i == node.i or (node.dep_ in _CLAUSE_DEPS and node.i != root.i):
            break  # the sentence root, or the head of the expression's clause
        node = node.head
        if node.i in trigger_ids or node.pos_ in ("VERB", "AUX"):
            break
    return node


def _attachments(doc: Doc, trigger_ids: set[int]) -> list[tuple[TimeRef, Token, Token]]:
    """Calendar expressions, each with its root token and what it attaches to.

    The attachment is the first token above the expression, inside its own clause, that
    is an event trigger or a verb: "October 2016" in "the October 2016 assault" attaches
    to "assault", "last year" in "attacked a checkpoint last year" to "attacked". A
    clause boundary (ccomp, advcl, relcl ...) stops the climb at that clause's head.
    """
    out: list[tuple[TimeRef, Token, Token]] = []
    for ref in records(doc, "times"):
        if not timex.is_calendar_value(ref.value):
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None:
            continue
        out.append((ref, span.root, _attachment(span.root, trigger_ids)))
    return out


def _own_time(
    trigger: Token, attached: list[tuple[TimeRef, Token, Token]], trigger_ids: set[int]
) -> TimeRef | None:
    """The expression attached to the trigger itself, nearest first.

    A to-infinitive trigger shares its governing verb's expression when that verb is
    not an event of its own ("tried to storm the base on Tuesday").
    """
    heads = {trigger.i}
    if trigger.dep_ == "xcomp" and trigger.head.i not in trigger_ids:
        heads.add(trigger.head.i)
    found = [(abs(root.i - trigger.i), ref) for ref, root, at in attached if at.i in heads]
    return min(found, key=lambda x: x[0])[1] if found else None


def _clause_time(
    trigger: Token,
    event: Event,
    attached: list[tuple[TimeRef, Token, Token]],
    trigger_ids: set[int],
) -> TimeRef | None:
    """An expression attached to a clause above the trigger, closest clause first.

    Expressions that belong to another event ("accused Pakistan on Monday of
    assisting ...") are left to that event, except that a subject noun event lends its
    time to its verb ("the attack on Saturday killed hundreds"); intervals ("worked
    there since 2010 and recently offered ...") only date their own clause.
    """
    depth = {tok.i: d for d, tok in enumerate(trigger.ancestors, start=1)}
    best: tuple[int, int, TimeRef] | None = None
    for ref, root, at in attached:
        if not event.sentence.start <= ref.start < event.sentence.end:
            continue
        if ref.relation != "at":
            continue  # an interval only dates its own clause
        if at.i in trigger_ids and at.head.i == trigger.i and at.dep_ in _SUBJECT_DEPS:
            key = (0, abs(root.i - trigger.i), ref)  # "the attack on Saturday killed 20"
        elif at.i in trigger_ids or at.i not in depth:
            continue  # another event's time, or a clause not above ours
        else:
            key = (depth[at.i], abs(root.i - trigger.i), ref)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


#: Where a participle hangs that frames its verb's act: on the verb ("accused them,
#: speaking on Sunday") or on its subject ("X, who was reacting on Sunday, accused").
_FRAME_DEPS = frozenset({"advcl", "acl", "relcl"})


def _frame_time(
    trigger: Token, attached: list[tuple[TimeRef, Token, Token]], trigger_ids: set[int]
) -> TimeRef | None:
    """A time inside a participle that frames the act, the nearest first.

    "X, speaking at a rally on Sunday, accused Y" and "X, who was reacting in a
    statement he signed yesterday, faulted Y": an -ing participle on the verb or on its
    subject tells the occasion the act was done on, so a point in time inside it dates
    the act; a clause inside it is part of the occasion ("the statement he signed
    yesterday"), but an event noun there is what the act answers ("reacting to the
    attack on Monday") and keeps its time to itself.
    """
    subjects = [c for c in trigger.children if c.dep_ in _SUBJECT_DEPS]
    frames = [
        c
        for head in (trigger, *subjects)
        for c in head.children
        if c.dep_ in _FRAME_DEPS and c.tag_ == "VBG" and c.i != trigger.i
    ]
    if not frames:
        return None
    found = []
    for ref, root, at in attached:
        if ref.relation != "at" or (at.i in trigger_ids and at.pos_ != "VERB"):
            continue
        if any(f.i == at.i or f in at.ancestors for f in frames):
            found.append((abs(root.i - trigger.i), ref))
    return min(found, key=lambda x: x[0])[1] if found else None


def _same_event_time(
    event: Event,
    trigger: Token,
    dated: list[tuple[Event, Token | None, TimeRef]],
    pub: date | None,
) -> TimeRef | None:
    """The own date of another mention of the same event, the nearest first.

    News names an event again without its date: in the headline or the lead, or as
    "the poisoning" once "the March 4 poisoning" has been told. A mention is the same
    event when it has the same type and trigger lemma and its actors agree with ours.
    An event noun is a definite description of one incident, so its actors need only
    not contradict (the same country on each side, or unstated on one mention); a verb
    is done again and again ("a court sentenced him in 2017 ... she was sentenced in
    January"), so it needs the same actor on a side and no other actor on the other.
    A date that is history is left to its own mention: an old event named again is
    mostly a series ("hacked in 2010, 2011 and 2013"), not the news.
    """
    noun = trigger.pos_ == "NOUN"
    best: tuple[int, TimeRef] | None = None
    for other, tok, ref in dated:
        if other is event or tok is None or other.event_type != event.event_type:
            continue
        if tok.lemma_.lower() != trigger.lemma_.lower() or is_history(ref.value, pub):
            continue
        if noun:
            same = _same_country(event.source_code, other.source_code) and _same_country(
                event.target_code, other.target_code
            )
        else:
            same = _same_actors(event, other)
        distance = abs(tok.i - trigger.i)
        if same and (best is None or distance < best[0]):
            best = (distance, ref)
    return best[1] if best else None


def _same_country(a: str | None, b: str | None) -> bool:
    """Whether two actor codes can name one side: of one country, or one unstated."""
    return a is None or b is None or a[:3] == b[:3]


def _same_actors(a: Event, b: Event) -> bool:
    """The same actor on at least one side, and no different actor on the other."""
    pairs = ((a.source_actor_id, b.source_actor_id), (a.target_actor_id, b.target_actor_id))
    if any(x is not None and y is not None and x != y for x, y in pairs):
        return False
    return any(x is not None and x == y for x, y in pairs)


def _lead_time(
    doc: Doc,
    sents: list[Span],
    trigger: Token,
    attached: list[tuple[TimeRef, Token, Token]],
    pub: date | None,
) -> TimeRef | None:
    """For the story's lead, a time on a verb of the next sentence of its paragraph.

    The lead states the news and the next sentence often tells when ("X has advised Y
    to resign. X, who was reacting in a statement he signed yesterday, ..."). A time
    that is history there is background to the news, not its date.
    """
    found = lead_and_next(doc, sents)
    if found is None or not sents[found[0]].start <= trigger.i < sents[found[0]].end:
        return None
    nxt = found[1]
    for ref, root, at in attached:
        in_next = nxt.start <= root.i < nxt.end and at.pos_ == "VERB"
        if in_next and ref.relation == "at" and not is_history(ref.value, pub):
            return ref
    return None


#: Sentences back that a narrated episode's time may come from.
NARRATIVE_SENTENCES = 3


def _narrative_time(
    sents: list[Span],
    trigger: Token,
    attached: list[tuple[TimeRef, Token, Token]],
    pub: date | None,
    narrated: dict[int, TimeRef],
) -> TimeRef | None:
    """The time of the narrated episode a simple-past main clause goes on telling.

    "On Thursday, parents took their grievances to school. ... At one school they
    protested the funding. Others rallied in other cities." A story told in the simple
    past keeps the time it last gave until it gives another: a main-clause verb in the
    simple past, in a sentence with no time of its own, takes the last day-exact time
    of the few sentences before, when that time is on a main-clause verb in the simple
    past too ("a rally he addressed on Sunday" sets no time for the story) and is not
    history. A sentence dated so passes the time on (``narrated``, by sentence
    start). Clauses inside others (relative, reported) are left alone: "the directive
    which directed ..." tells of an earlier act.
    """
    if not _narrating(trigger):
        return None
    idx = next((i for i, s in enumerate(sents) if s.start <= trigger.i < s.end), None)
    if idx is None:
        return None
    if any(sents[idx].start <= root.i < sents[idx].end for _, root, _ in attached):
        return None  # the sentence has a time, and it is not this event's
    if _past_ref().search(sents[idx].text):
        return None  # "Earlier, ...", "previously": the story steps back in time
    for back in range(1, NARRATIVE_SENTENCES + 1):
        if idx - back < 0:
            return None
        sent = sents[idx - back]
        if sent.start in narrated:
            found = narrated[sent.start]
        else:
            here = [(ref, at) for ref, root, at in attached if sent.start <= root.i < sent.end]
            if not here:
                continue
            ref, at = max(here, key=lambda x: x[0].start)
            day = ref.relation == "at" and _narrating(at) and len(ref.value) == 10
            if not day or is_history(ref.value, pub):
                return None
            found = ref
        narrated[sents[idx].start] = found
        return found
    return None


def _narrating(verb: Token) -> bool:
    """A main-clause verb in the simple past (or one conjoined to it): the narration."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


@functools.cache
def _past_ref() -> re.Pattern[str]:
    """Words that step back from the story's time ("earlier", "previously", "once")."""
    words = sorted(timex.lexicon().raw["past_refs"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


@Language.factory(
    "dotterel_event_dates",
    assigns=["doc._.events"],
    requires=["doc._.events", "doc._.times"],
    default_config={"sentence_fallback": True},
)
def make_event_dates(nlp: Language, name: str, sentence_fallback: bool) -> EventDatesComponent:
    return EventDatesComponent(nlp, name, sentence_fallback=sentence_fallback)


__all__ = ["EventDatesComponent", "make_event_dates"]
