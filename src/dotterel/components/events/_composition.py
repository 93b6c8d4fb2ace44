"""Pass 4: events that embed other events, and recoding by modality.

Appeals (02), intents (03), demands (10), rejections (12) and threats (13) that embed
another event take the CAMEO sub-code of what is appealed for, promised or threatened
("refused to negotiate" -> 125), and the embedded event is absorbed (its target, if
different, becomes ``other_actor_id``). A future or conditional cooperative act is an
intent (03x), a conflictual one a threat (13x), as CAMEO codes "will support" and "would
blockade"; "X said Y must ..." is a demand by X of Y (10x). Denials ("denies lending
support") keep both: a REJECT by the denier and the denied event with modality
``denied``; a denied charge ("denied the accusations") is the accuser's, not the
denier's.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.cameo import is_country
from dotterel.components.events._arguments import controlled_complement, subject_heads
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._participants import arguments_for
from dotterel.components.events._rules import (
    ACCUSE_ROOT,
    CONFLICT_ROOTS,
    CONSULT_ROOT,
    COOPERATIVE_ROOTS,
    EventRules,
    lookup_code,
)
from dotterel.components.events._syntax import EMBED, OBJ
from dotterel.contest_links import load_contest_lexicon

LOGGER = logging.getLogger(__name__)

#: CAMEO "criticize or denounce" (PLOVER ACCUSE): "X should never have done Y".
CRITICIZE = "111"


def compose(drafts: dict[int, Draft], rules: EventRules) -> None:
    """Link each event to the one it embeds, then recode intents and demands."""
    for d in sorted(drafts.values(), key=lambda x: x.trigger.i):
        if d.absorbed:
            continue
        inner = embedded_draft(d, drafts, rules)
        if inner is None:
            continue
        if (d.trigger.lemma_.lower() in rules.denial_verbs or refuses_to_admit(d)) and is_denial(
            d, inner, rules
        ):
            deny(d, inner)
        elif d.code[:2] in rules.compose and d.method != "dictionary":
            absorb(d, inner, rules)
        elif d.method == "dictionary" and inner.trigger.pos_ == "VERB":
            # PETRARCH codes a verb phrase once, by its main verb
            absorb(d, inner, rules)
        elif (
            d.trigger.lemma_.lower() in rules.object_control_verbs and inner.modality == "asserted"
        ):
            # "accused Pakistan of assisting": the embedded act is alleged, not asserted
            inner.modality = "hedged"
            inner.cue = d.trigger.text
            d.others = other_side(d.targets, inner.targets)
    for d in drafts.values():
        if not d.absorbed and not d.composed and d.method != "dictionary":
            recode_by_modality(d, rules)
    fold_protest_demands(drafts)
    fold_meeting_purposes(drafts)


def fold_meeting_purposes(drafts: dict[int, Draft]) -> None:
    """A consultation whose purpose is another one is one consultation.

    "met his counterpart in Yaounde *to discuss* border security", "travelled to Paris
    *to meet* the president": the "to" clause states what the meeting or visit was for;
    the events guide codes one event per clause. The purpose's coded target (the person
    met) replaces a target that is only a place or nothing.
    """
    by_token = {d.trigger.i: d for d in drafts.values()}
    for d in drafts.values():
        tok = d.trigger
        if d.absorbed or d.code[:2] != CONSULT_ROOT or tok.dep_ not in ("advcl", "xcomp"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue
        head = by_token.get(tok.head.i)
        if head is None or head.absorbed or head.code[:2] != CONSULT_ROOT:
            continue
        d.absorbed = True
        if any(t.coded and t.actor is not None for t in d.targets) and not any(
            t.actor is not None for t in head.targets
        ):
            head.targets = d.targets


#: CAMEO roots of demands and appeals (REQUEST), and of protests (PROTEST).
_ASKING_ROOTS = frozenset({"02", "10"})
_PROTEST_ROOT = "14"


def fold_protest_demands(drafts: dict[int, Draft]) -> None:
    """A demand that states what a protest is for is that protest, one event.

    "students staged rallies *to demand* reforms", "took to the streets *to demand* his
    ouster", "rallied against X, *saying* he must resign": the demand is the protest's
    purpose clause or the participle that voices it; PLOVER codes the protest (CAMEO 14,
    whose sub-codes are what is demonstrated for), which takes the demand's target when
    it names none.
    """
    protests: dict[int, Draft] = {}
    for d in drafts.values():
        if d.code[:2] == _PROTEST_ROOT and not d.absorbed:
            protests[(d.anchor or d.trigger).i] = d
    if not protests:
        return
    for d in drafts.values():
        if d.absorbed or d.code[:2] not in _ASKING_ROOTS or d.method == "dictionary":
            continue
        tok = d.trigger
        purpose = tok.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
        )
        voicing = tok.dep_ == "advcl" and tok.tag_ == "VBG"
        p = protests.get(tok.head.i)
        if p is None or not (purpose or voicing):
            continue
        d.absorbed = True
        if not p.targets:
            p.targets = list(d.targets)


def refuses_to_admit(d: Draft) -> bool:
    """ "refuses to admit it shelled ...": a refusal governing a confirmation verb denies
    (the words are the contest lexicon's ``refusal_verbs`` and ``confirmation``)."""
    lex = load_contest_lexicon()
    if d.trigger.lower_ not in lex.refusal_forms:
        return False
    return any(c.dep_ == "xcomp" and c.lower_ in lex.confirmation_forms for c in d.trigger.children)


def deny(d: Draft, inner: Draft) -> None:
    """``d`` denies ``inner``: both stay, the denied one with modality ``denied``.

    A denied act ("denied arming the rebels", "denied the attack") is the denier's; a
    denied *charge* ("denied the accusations", "rejected U.S. accusations that ...") was
    made by someone else against the denier: it stays asserted (what is denied is its
    content), its target is the denier, and the denial answers the accuser.
    """
    if inner.trigger.pos_ in ("NOUN", "PROPN") and inner.code.startswith(ACCUSE_ROOT):
        own = {s.key for s in d.sources}
        inner.sources = [s for s in inner.sources if s.key not in own]
        inner.targets = inner.targets or list(d.sources)
        d.targets = list(inner.sources) or d.targets
        return
    inner.modality = "denied"
    inner.cue = d.trigger.text
    if not inner.sources:
        inner.sources = list(d.sources)
    if not d.targets:
        d.targets = list(inner.targets)


def absorb(d: Draft, inner: Draft, rules: EventRules) -> None:
    """``d`` (an appeal, intent, demand, rejection or threat) takes ``inner`` in.

    "refused to negotiate with Turkey" is one event, 125 (reject a proposal to meet):
    the sub-code comes from what is refused, the target from the embedded event.
    PETRARCH dictionary codes are kept as they are: PETRARCH codes a verb phrase once.
    """
    root = d.code[:2]
    inner.absorbed = True
    own = {s.key for s in d.sources}
    if root == "10" and d.method != "dictionary" and commands_own_body(d, rules):
        # "ordered the navy to deploy two ships": the commander deploys them, planned
        d.code, d.composed, d.modality = inner.code, True, "intended"
        d.targets = list(inner.targets)
        d.others = []
        return
    asks = root in ("02", "10")
    trig = inner.trigger
    if asks and trig.pos_ == "NOUN" and _object_of(trig, d.trigger):
        # "called for the release of X": the phrase taken for the target is the act
        # asked for, whose actor is found inside it (X, the one released); who is asked
        # is who would do the act, as for a clause below
        d.targets = []
    if asks and not d.targets:
        # "demanded that Israel ease restrictions": the demand is made of Israel; but
        # "X's request to meet Y" is X asking for its own act (the target is Y)
        d.targets = [s for s in inner.sources if s.key not in own]
    if d.method != "dictionary":
        family = root
        if root == "03" and any(inner.code.startswith(p) for p in rules.future_keeps_type):
            # "agreed to impose sanctions", "decided to expel": a decided reduction of
            # relations keeps its own type, planned (future_keeps_type)
            d.code, d.composed, d.modality = inner.code, True, "intended"
            if not d.targets:
                d.targets = list(inner.targets)
            d.others = other_side(d.targets, inner.targets)
            return
        if root == "03" and inner.code[:2] in CONFLICT_ROOTS:
            family = "13"  # a promise to fight is a threat ("vowed to wage war")
        new = lookup_code(rules.compose[family], inner.code)
        if new is not None:
            d.code, d.composed = new, True
    if not d.targets:
        d.targets = list(inner.targets)
    if not d.sources and not asks:
        d.sources = list(inner.sources)
    own = {s.key for s in d.sources}
    if d.targets and all(t.key in own for t in d.targets):
        # "X is expected to visit Y": the passive's raised subject is the intent's
        # source, not its target; the embedded act's target (Y) stands
        d.targets = [t for t in inner.targets if t.key not in own]
    d.others = other_side(d.targets, inner.targets)


def commands_own_body(d: Draft, rules: EventRules) -> bool:
    """Whether ``d`` orders a body of its source's own state ("ordered *the navy* to",
    "instructed *the police* to"), all of its targets being of that state."""
    if d.trigger.lemma_.lower() not in rules.command_verbs or not d.targets:
        return False
    own = {s.actor_code[:3] for s in d.sources if s.coded and is_country(s.actor_code[:3])}
    return len(own) == 1 and all(
        t.coded and t.actor_code[:3] in own and len(t.actor_code) > 3 for t in d.targets
    )


def _object_of(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` is ``verb``'s object or the object of one of its prepositions
    ("demanded *the release*", "called for *the release*")."""
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and head.i == verb.i:
        return True
    return noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.i == verb.i


def recode_by_modality(d: Draft, rules: EventRules) -> None:
    """Demands ("said Y must ..."), intents ("will support") and threats ("would attack").

    CAMEO codes a stated future cooperative act as an intent (03x) and a stated future
    or conditional conflictual act as a threat (13x); "X said Y must do Z" is X
    demanding Z of Y (10x).
    """
    r = rules
    if d.obliged == "perfect":
        # "he should never have been arrested": a criticism of whoever did it (111)
        speaker = subject_heads(d.demanded_by, rules) if d.demanded_by is not None else []
        d.code, d.composed, d.negated, d.modality = CRITICIZE, True, False, "asserted"
        d.targets = d.sources
        d.sources = arguments_for(speaker)
        if d.demanded_by is not None:
            d.trigger = d.demanded_by
        return
    if d.obliged is not None and d.demanded_by is None:
        # "they should release him" with no verb of saying: a demand of the subject
        d.code = lookup_code(r.compose.get("10", {}), d.code) or "100"
        d.composed, d.modality = True, "asserted"
        d.others = list(d.targets)
        d.targets, d.sources = d.sources, []
        return
    if d.demanded_by is not None:
        if d.obliged is not None:
            d.modality = "asserted"
        d.code = lookup_code(r.compose.get("10", {}), d.code) or "100"
        d.composed = True
        d.others = list(d.targets)
        d.targets = d.sources
        d.sources = arguments_for(subject_heads(d.demanded_by, rules))
        d.trigger = d.demanded_by
        return
    root = d.code[:2]
    if d.failed and root in COOPERATIVE_ROOTS:
        # "failed to reach agreement": a cooperation that did not happen is a rejection
        new = lookup_code(r.compose.get("12", {}), d.code)
        if new is not None:
            d.code, d.composed = new, True
        return
    if d.modality not in ("intended", "hypothetical"):
        return
    if d.modality == "intended" and any(d.code.startswith(p) for p in rules.future_keeps_type):
        # "will expel diplomats", "is to endorse X": a planned act keeps its own type
        # (PLOVER codes it with its mode); only threats proper are THREATEN
        return
    family = None
    if root in COOPERATIVE_ROOTS and d.modality == "hypothetical":
        # "they may well endorse X", "would endorse anyone": a possibility, not a
        # promise (an intent, 03x, is a commitment): the act keeps its own type
        return
    if root in COOPERATIVE_ROOTS:
        family = r.intent_composition.get("cooperative")
    elif root in CONFLICT_ROOTS and root != "13":
        family = r.intent_composition.get("conflict")
    new = lookup_code(r.compose.get(family, {}), d.code) if family else None
    if new is not None:
        d.code, d.composed = new, True


#: Prepositions of a topic: what they govern is talked about, not appealed for or refused.
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
#: Prepositions of a phrase before the verb that sets its scene ("During talks, ...").
_SCENE_PREPS = frozenset({"during", "in", "at", "after", "before"})


def embedded_draft(
    d: Draft, drafts: dict[int, Draft], rules: EventRules | None = None
) -> Draft | None:
    """The event embedded under ``d``'s trigger: its complement or its object's.

    With ``rules``, an object-control verb's "to" clause parsed as an adverbial
    ("called on X *to release* them") is its complement too.
    """
    frontier = [d.trigger]
    control = rules is not None and (
        d.trigger.lemma_.lower() in rules.object_control_verbs or subject_control(d, rules)
    )
    for _depth in range(3):
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                if (
                    c.dep_ in EMBED
                    or c.dep_ in ("dobj", "acl", "pobj", "prep", "relcl")
                    or (control and t is d.trigger and controlled_complement(c))
                ):
                    if c.dep_ == "relcl" or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS):
                        continue  # "asked about his criticisms": the topic, not the act asked
                    if c.dep_ == "prep" and c.i < t.i and c.lower_ in _SCENE_PREPS:
                        continue  # "During talks with X, Y urged ...": the scene, not the ask
                    cand = drafts.get(c.i)
                    if cand is not None and not cand.absorbed and cand is not d:
                        return cand
                    nxt.append(c)
        frontier = nxt
    return None


def subject_control(d: Draft, rules: EventRules) -> bool:
    """Whether ``d`` is a verb of appeal, intent, demand, refusal or threat with no object:
    its subject-less "to" clause is what it promises or refuses ("have sworn *to fight*",
    "refused *to pay*"), also where the parser made it an adverbial clause."""
    tok = d.trigger
    return (
        tok.pos_ == "VERB"
        and d.code[:2] in rules.compose
        and not any(c.dep_ in OBJ for c in tok.children)
    )


def is_denial(d: Draft, inner: Draft, rules: EventRules) -> bool:
    """Whether ``d`` denies ``inner`` (a claim) rather than rejecting a proposal."""
    lemma = d.trigger.lemma_.lower()
    t = inner.trigger
    path: list[Token] = []
    cur = t
    while cur.i != d.trigger.i and cur.head.i != cur.i and len(path) < 6:
        path.append(cur)
        cur = cur.head
    if any(p.dep_ == "ccomp" for p in path):
        return True
    if any(p.tag_ == "VBG" and p.dep_ in ("xcomp", "pcomp", "dobj") for p in path):
        return True
    if any(p.lemma_.lower() in rules.denial_object_nouns for p in path):
        return True
    return lemma == "deny"


def other_side(targets: list[Argument], inner_targets: list[Argument]) -> list[Argument]:
    """The embedded event's targets that are not already the outer event's target."""
    keys = {t.key for t in targets}
    return [t for t in inner_targets if t.key not in keys and t.actor is not None]
