"""The finished :class:`~dotterel.model.Event` records, one per source/target pair.

Coordinated actors and compound dictionary codes give one event per source/target pair;
an actor is never its own target; a mutual act gives one symmetric event per pair of
sides. Each event carries the CAMEO row's PLOVER type, mode, context, quad class and
Goldstein score. Provenance (``status``, ``chain``, ``attribution_id``, ``contests``) and
place/time are left to the components that run after the events component.
"""

from __future__ import annotations

import logging
from typing import Any

from spacy.tokens import Doc, Span, Token

from dotterel.cameo import CameoTable, is_country
from dotterel.components._syntax import doc_text
from dotterel.components.events._confidence import confidence
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._reciprocal import is_reciprocal
from dotterel.components.events._rules import EventRules
from dotterel.components.events._syntax import is_definite
from dotterel.extensions import article_of
from dotterel.model import Event, TextSpan

LOGGER = logging.getLogger(__name__)


def to_events(doc: Doc, drafts: list[Draft], rules: EventRules, cameo: CameoTable) -> list[Event]:
    """The events of ``drafts``, in trigger order, with ids unique in the article.

    A draft with no coded participant (no actor, no code on either side) is no event; a
    01x statement coded by the lexicon is not an event in PLOVER. A paired
    PETRARCH code adds the event seen from the target's side. A mutual act (a
    coordinated subject acting with itself, a noun's "between" sides, a paired code
    equal to the code) gives one ``symmetric`` event per unordered pair of its sides.
    Then one event per act: restatements (:func:`restatements_dropped`), coordinated
    verbs (:func:`coordinated_repeats_dropped`) and verbs of manner or purpose
    (:func:`manner_repeats_dropped`) of an act already coded are dropped, and so is an
    accusation of no one (:func:`unaddressed`).
    """
    art = article_of(doc)
    events: list[Event] = []
    for d in sorted(drafts, key=lambda x: x.trigger.i):
        if not any(a.coded for a in (*d.sources, *d.targets)):
            # no political actor on either side ("a place to visit", "the drive to meet
            # demand", "rebels fired mortars" with no country read): a row with no
            # dyad is no political event data (the events guide: acts between actors)
            continue
        codings = [(d.code, False)] if d.code else []
        coded_targets = [t for t in d.targets if t.coded]
        if d.paired and coded_targets and d.paired != d.code:
            # "met" [031:032]: and the target meets the source
            codings.append((d.paired, True))
        source_keys = {s.key for s in d.sources}
        self_targeted = bool(coded_targets) and all(t.key in source_keys for t in coded_targets)
        sides: list[Argument] = []
        if d.symmetric:
            sides = [*d.sources, *d.targets]  # "talks between X and Y"
        elif len(d.sources) > 1 and (self_targeted or (not coded_targets and is_reciprocal(d))):
            # "Gondor and Osgiliath renewed ties": they act with each other; so too
            # when the target is the subjects themselves ("delayed *their* meeting")
            sides = d.sources
        elif d.each_other:
            sides = d.sources  # "X and Y accused each other"
        if sides:
            code = d.code or d.paired or ""
            row = cameo.get(code) if code[:2].isdigit() else None
            event_type = (row.plover_type if row is not None else "") or "UNKNOWN"
            if d.each_other and not is_reciprocal(d):
                # a directed act done by each to the other: one event per direction
                for s in d.sources:
                    others = [t for t in d.sources if t is not s]
                    events.extend(event_pairs(d, code, event_type, row, [s], others))
            else:
                events.extend(symmetric_pairs(d, code, event_type, row, sides))
            continue
        mutual = d.paired is not None and d.paired == d.code  # "meet" [031:031]
        for code, swap in codings:
            row = cameo.get(code) if code[:2].isdigit() else None
            event_type = (row.plover_type if row is not None else "") or ""
            if not event_type and d.method != "dictionary":
                continue  # a 01x statement: not an event in PLOVER
            sources, targets = (d.targets, d.sources) if swap else (d.sources, d.targets)
            events.extend(
                event_pairs(
                    d, code, event_type or "UNKNOWN", row, sources, targets, symmetric=mutual
                )
            )
    nominal = {d.trigger.idx for d in drafts if d.trigger.pos_ in ("NOUN", "PROPN")}
    framed = {d.trigger.idx for d in drafts if d.framed}
    definite = {
        d.trigger.idx for d in drafts if d.trigger.idx in nominal and is_definite(d.trigger)
    }
    events = restatements_dropped(events, nominal, framed, definite)
    triggers = {d.trigger.idx: d.trigger for d in drafts}
    events = coordinated_repeats_dropped(events, triggers)
    events = manner_repeats_dropped(events, triggers)
    events = [e for e in events if not unaddressed(e, triggers, rules.addressed_types)]
    for n, ev in enumerate(events):
        ev.id = f"{art.id}-e{n}"
    return events


def unaddressed(ev: Event, triggers: dict[int, Token], addressed_types: frozenset[str]) -> bool:
    """Whether ``ev`` is an act that is always done to someone (``addressed_types``:
    an accusation or criticism is of someone) with a coded source, no target and no
    object at all ("X criticised", "the move is irresponsible"): no dyad, no event. An
    act with an object ("criticised the vote") keeps it: its object may name the act
    whose doer is meant."""
    if ev.event_type.lower() not in addressed_types or not (ev.source_code or ev.source_actor_id):
        return False
    if ev.target_code or ev.target_actor_id or ev.target_text:
        return False
    trig = triggers.get(ev.trigger.start)
    if trig is None:
        return True
    # an object, a passive's patient, the clause of the act judged ("X should never have
    # been expelled, Y said"), or an event noun's phrase ("criticism of the policy")
    patient = _PATIENT_DEPS | ({"prep"} if trig.pos_ in ("NOUN", "PROPN") else set())
    return not any(c.dep_ in patient for c in trig.children)


#: Dependencies of what an act is done to: objects, the patient of a passive, a clause.
_PATIENT_DEPS = frozenset({"dobj", "obj", "dative", "nsubjpass", "ccomp"})


def one_per_country(sides: list[Argument]) -> list[Argument]:
    """The sides without later coordinated actors of a country already among them.

    "The party, the government and the people of Vietnam value ties with Russia" is one
    act of Vietnam, not three: the events guide codes a coordination as one actor, and
    an event count that grows with the length of a list of one country's institutions
    misleads. Sides of different countries stay apart ("Britain and France expelled
    diplomats" is two dyads), and so do sides without a country code (NGOs, IGOs) and
    the codes of one compound mention (they share its words).
    """
    if len(sides) < 2:
        return sides
    kept: list[Argument] = []
    countries: dict[str, str] = {}  # country -> the words of the side that has it
    for side in sides:
        if side.pair:
            kept.append(side)  # "both men": the pair phrase names two actors on purpose
            continue
        country = side.actor_code[:3]
        first = countries.get(country)
        if is_country(country) and first is not None and first != side.span_key:
            continue
        if is_country(country):
            countries.setdefault(country, side.span_key)
        kept.append(side)
    return kept


def coordinated_repeats_dropped(events: list[Event], triggers: dict[int, Token]) -> list[Event]:
    """The events without repeats of one act by coordinated verbs of the same clause.

    "decided to expel their diplomats and close their consulate": two verbs, one
    SANCTION between the same two actors; the events guide codes one event per
    (actor, type, recipient) per clause. Only verbs linked by coordination count, and
    only the same actors (not just the same codes: "Obama endorsed Clinton and Biden
    endorsed Sanders" is two events). The modality is left out of the comparison: a
    conjunct often misses its coordinated verb's "decided to", "will".
    """
    kept: dict[tuple[str, str, str, bool], list[Token]] = {}
    out: list[Event] = []
    for ev in events:
        trig = triggers.get(ev.trigger.start)
        if trig is None or not (ev.source_actor_id and ev.target_actor_id):
            out.append(ev)
            continue
        key = (ev.event_type, ev.source_actor_id, ev.target_actor_id, ev.negated)
        earlier = kept.setdefault(key, [])
        if any(t.i != trig.i and _coordinated(t, trig) for t in earlier):
            continue
        earlier.append(trig)
        out.append(ev)
    return out


def manner_repeats_dropped(events: list[Event], triggers: dict[int, Token]) -> list[Event]:
    """The events without a second coding of one act by a verb that states its manner
    or purpose: "marched through the city, *chanting* slogans", "fired tear gas *to
    disperse* the crowd", "opened fire, *killing* three" (a participle or a "to" clause
    hanging on the verb, of the same PLOVER type and source: one act, one event). The
    one whose target is coded is kept, else the main verb's."""
    by_trigger = {e.trigger.start: e for e in events}
    dropped: set[int] = set()
    for ev in events:
        tok = triggers.get(ev.trigger.start)
        if tok is None or tok.dep_ not in ("advcl", "xcomp") or not _manner_form(tok):
            continue
        main = by_trigger.get(tok.head.idx)
        if main is None or main.event_type != ev.event_type or id(main) in dropped:
            continue
        if (main.source_actor_id or main.source_code) != (ev.source_actor_id or ev.source_code):
            continue
        coded = bool(ev.target_code) and not main.target_code
        dropped.add(id(main) if coded else id(ev))
    return [e for e in events if id(e) not in dropped]


def _manner_form(tok: Token) -> bool:
    """A present participle or a "to" infinitive."""
    return tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _coordinated(a: Token, b: Token) -> bool:
    """Whether ``a`` and ``b`` are conjuncts of one coordination (``conj`` links)."""

    def first(t: Token) -> Token:
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        return t

    return first(a).i == first(b).i


def restatements_dropped(
    events: list[Event],
    nominal: set[int] | None = None,
    framed: set[int] | None = None,
    definite: set[int] | None = None,
) -> list[Event]:
    """The events without later restatements of an earlier one in another sentence.

    The events guide codes one event per (actor, type, recipient), a repeated mention
    later in the article being the same event ("Britain accuses Russia ..." in the lead
    and again further down). A restatement has the same PLOVER type, the same source
    and target (both coded; the same actor of the article where there is one, else the
    same code: two senators both coded ``USALEG`` are two sources), the same negation
    and modality as an earlier event.

    An event *noun* with no source whose type and coded target repeat an event of an
    earlier sentence refers back to it ("Gondor shelled Arnor ... the shelling of
    Arnor", "the attack on Arnor"): a nominal anaphor names the event again without
    new participants. A noun with its own source ("Arnor's request") is left alone: a
    possessor usually introduces a new act by that actor. ``nominal`` holds the trigger
    offsets of event nouns. A *definite* event noun (``definite``: "the poisoning of a
    former spy", "this attack on the village") presents its event as already known:
    it repeats an earlier event of its type whose target is of the same country, even
    when the target is worded anew ("a former Russian spy ... the poisoning of a
    former Russian double agent"); an indefinite one ("another attack on ...") is new.

    An act whose source only a frame of blame names (``framed``: "blamed B for *the
    attack*", ``_frames``) is the earlier event of its type again when it repeats its
    target, or names no target at all: blame is laid for an act already reported.
    """
    #: the sentence of the first kept event of each key
    seen: dict[tuple[str, str, str, bool, str], int] = {}
    targets: dict[tuple[str, str], int] = {}
    nouns = nominal or set()
    blamed = framed or set()
    given = definite or set()
    out: list[Event] = []
    for ev in events:
        src = ev.source_actor_id or ev.source_code or ""
        tgt = ev.target_actor_id or ev.target_code or ""
        keys = _keys(ev, src, tgt)
        if src and tgt and any(seen.get(k, ev.sentence.start) != ev.sentence.start for k in keys):
            continue
        earlier = targets.get((ev.event_type, tgt), ev.sentence.start) < ev.sentence.start
        if ev.trigger.start in nouns and tgt and not src and earlier:
            continue  # a nominal anaphor of an earlier event
        country = _country_key(ev)
        if (
            ev.trigger.start in given
            and country
            and not src
            and targets.get((ev.event_type, country), ev.sentence.start) < ev.sentence.start
        ):
            continue  # "the poisoning of" a target of a country already attacked
        typed = targets.get((ev.event_type, ""), ev.sentence.start) < ev.sentence.start
        if ev.trigger.start in blamed and (earlier if tgt else typed):
            continue  # blame laid for an act reported before
        out.append(ev)
        if src and tgt:
            for k in keys:
                seen.setdefault(k, ev.sentence.start)
        if tgt:
            targets.setdefault((ev.event_type, tgt), ev.sentence.start)
        if country:
            targets.setdefault((ev.event_type, country), ev.sentence.start)
        targets.setdefault((ev.event_type, ""), ev.sentence.start)  # any event of the type
    return out


def _country_key(ev: Event) -> str:
    """``country:XXX`` for an event whose target code starts with a country, else ""."""
    code = (ev.target_code or "")[:3]
    return f"country:{code}" if is_country(code) else ""


def _keys(ev: Event, src: str, tgt: str) -> list[tuple[str, str, str, bool, str]]:
    """What a restatement of ``ev`` repeats; a symmetric event's sides in either order
    ("X and Y met ... Y's meeting with X")."""
    keys = [(ev.event_type, src, tgt, ev.negated, ev.modality)]
    if ev.symmetric:
        keys.append((ev.event_type, tgt, src, ev.negated, ev.modality))
    return keys


def symmetric_pairs(
    d: Draft, code: str, event_type: str, row: Any, sides: list[Argument]
) -> list[Event]:
    """One symmetric event per unordered pair of ``sides`` (in text order).

    "X and Y met": one event X-Y, not X->Y and Y->X; "X, Y and Z met": X-Y, X-Z, Y-Z.
    Sides naming the same actor count once.
    """
    unique: list[Argument] = []
    for side in sides:
        if all(side.key != u.key and side.span_key != u.span_key for u in unique):
            unique.append(side)
    unique.sort(key=lambda a: a.start)
    if len(unique) < 2:
        return event_pairs(d, code, event_type, row, unique, [])
    out: list[Event] = []
    for n, side in enumerate(unique[:-1]):
        out.extend(event_pairs(d, code, event_type, row, [side], unique[n + 1 :], symmetric=True))
    return out


def _read(a: Argument | None) -> bool:
    """Whether the text codes this side: an actor or a code, not an inferred agent."""
    return a is not None and a.coded and not a.inferred


def event_pairs(
    d: Draft,
    code: str,
    event_type: str,
    row: Any,
    sources: list[Argument],
    targets: list[Argument],
    *,
    symmetric: bool = False,
) -> list[Event]:
    """One event per source/target pair (compound actors), skipping self-pairs.

    ``symmetric``: the pairs act with each other (set on events with both sides).
    """
    sent: Span = d.trigger.sent
    sent_text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # not Span.text's join
    trig = d.trigger
    out: list[Event] = []
    other = next((o.actor.id for o in d.others if o.actor is not None), None)
    # a missing source or target: the event is kept with that side empty
    nobody: list[Argument | None] = [None]
    for s in one_per_country(sources) or nobody:
        # an actor is not its own target: drop that pairing, and keep the event with
        # its target empty when nothing else is left (nothing silently dropped)
        own = [t for t in targets if s is None or (t.key != s.key and t.span_key != s.span_key)]
        own = one_per_country(own)
        for t in own or nobody:
            out.append(
                Event(
                    id="",
                    trigger=TextSpan(trig.idx, trig.idx + len(trig), trig.text),
                    sentence=TextSpan(sent.start_char, sent.end_char, sent_text),
                    event_type=event_type,
                    source_actor_id=s.actor.id if s and s.actor else None,
                    source_code=s.code if s else None,
                    source_text=s.text if s else None,
                    target_actor_id=t.actor.id if t and t.actor else None,
                    target_code=t.code if t else None,
                    target_text=t.text if t else None,
                    other_actor_id=other,
                    mode=row.mode if row is not None else None,
                    context=list(row.context) if row is not None else [],
                    cameo=code,
                    quad_class=row.quad_class if row is not None else None,
                    goldstein=row.goldstein if row is not None else None,
                    negated=d.negated,
                    modality=d.modality,
                    status_cue=d.cue,
                    method=d.method,
                    confidence=confidence(d, _read(s), _read(t), d.modality),
                    inferred=[
                        side
                        for side, a in (("source", s), ("target", t))
                        if a is not None and a.inferred
                    ],
                    symmetric=symmetric and s is not None and t is not None,
                )
            )
    return out
