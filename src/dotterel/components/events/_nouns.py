"""Event nouns ("the Taliban assault", "launched an offensive"): merging and actors.

An event noun that is the object of a light or coded verb makes one event with that verb,
not two; under a light verb it keeps the verb as its anchor, whose subject is its source.
Its own actors come from possessives, compounds and nationality adjectives, and from
source and target prepositions.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dotterel.components.events._arg_words import default_argument_words
from dotterel.components.events._arguments import subject_heads
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._participants import (
    arguments_for,
    is_actorish,
    is_local_place,
    place_target,
)
from dotterel.components.events._reciprocal import between_parties
from dotterel.components.events._rules import (
    CONFLICT_ROOTS,
    CONSULT_ROOT,
    EventRules,
    default_rules,
)
from dotterel.components.events._size import default_size_words
from dotterel.components.events._syntax import (
    DATIVE,
    NOUN_ACTOR_MODS,
    OBJ,
    prep_objects,
    second_object_verb,
)

LOGGER = logging.getLogger(__name__)


def merge_event_nouns(drafts: dict[int, Draft], rules: EventRules) -> None:
    """Fold each event noun into the verb whose object it is, or anchor it on a light verb.

    ``drafts`` (by trigger index) is changed in place: a noun absorbed by its verb is
    deleted, and the verb takes the noun's code when the noun is more specific ("provide
    military aid") or the verb is light.
    """
    # A light or coded verb whose object is an event noun makes one event, not two.
    for i in list(drafts):
        d = drafts.get(i)
        if d is None or d.trigger.pos_ not in ("NOUN", "PROPN"):
            continue
        head = d.trigger.head
        if d.trigger.dep_ not in OBJ | PASSIVE_SUBJECT_DEPS or head.i == d.trigger.i:
            verb = indirect_light_verb(d.trigger)
            if (
                verb is not None
                and verb.i not in drafts
                and verb.lemma_.lower() in rules.light_verbs
            ):
                d.anchor = verb
            elif (verb := participation_verb(d.trigger, rules)) is not None:
                if verb.i not in drafts:
                    d.anchor = verb  # "went on strike": the workers strike
                elif drafts[verb.i].code[:2] != d.code[:2]:
                    # "took part in a march": the verb's own (pattern) code gives way
                    drafts[verb.i].code = d.code
                    del drafts[i]
            continue
        hd = drafts.get(head.i)
        if hd is not None:
            light = head.lemma_.lower() in rules.light_verbs | rules.participation_verbs
            conditioned = hd.row is not None and any(k == "obj" for k, _ in hd.row.conditions)
            same_root = hd.code[:2] == d.code[:2]
            # the noun is more specific ("provide military aid"), or the verb is light
            if (same_root and len(d.code) > len(hd.code)) or (
                light and not conditioned and not same_root
            ):
                # the verb's own pattern, and the target's side it paired, give way
                hd.code, hd.paired = d.code, None
            if hd.code[:2] == d.code[:2] or light or conditioned:
                del drafts[i]
        elif head.lemma_.lower() in rules.light_verbs | rules.participation_verbs:
            d.anchor = head
    for d in drafts.values():
        if d.anchor is None and d.trigger.pos_ == "NOUN":
            d.anchor = response_verb(d.trigger)


#: Verbs of answering one act with another: their "with" noun is their subject's act
#: ("Israel *responded with* air strikes", "retaliated with sanctions").
_RESPONSE_VERBS = frozenset({"respond", "retaliate", "react", "reply", "hit"})


def response_verb(noun: Token) -> Token | None:
    """The verb of response whose "with" phrase ``noun`` is, if any."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _RESPONSE_VERBS else None


def participation_verb(noun: Token, rules: EventRules) -> Token | None:
    """The verb of taking part whose "on"/"in" phrase the event noun is ("went *on*
    strike", "set off *on* a march", "engaged *in* talks", "took part *in* a protest":
    the preposition may hang on "part")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in rules.participation_preps:
        return None
    verb = prep.head
    if verb.lower_ == "part" and verb.dep_ in OBJ:
        verb = verb.head  # "took part in"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.participation_verbs:
        return None
    if verb.lemma_.lower() == "take" and not any(c.lower_ == "part" for c in verb.children):
        return None  # "took them in a raid": only "take part" is taking part
    return verb


def indirect_light_verb(tok: Token) -> Token | None:
    """The verb whose object the event noun ``tok`` is, through a misparse or a count:
    "gave Lopez *the nod*" (the second object parsed as an apposition of the first),
    "made dozens of *requests*" (the object is a quantity whose "of" phrase is the noun:
    ``quantity_words``)."""
    verb = second_object_verb(tok)
    if verb is not None:
        return verb
    of = tok.head
    if tok.dep_ != "pobj" or of.lower_ != "of":
        return None
    count = of.head
    if count.dep_ in OBJ and default_argument_words().is_quantity(count):
        return count.head
    return None


#: Prepositions of who gives what one receives ("backing from Y", "support among Y").
_GIVER_PREPS = frozenset({"from", "among"})

#: Entity types of possessors that date an event noun rather than act in it.
_TIME_ENTS = frozenset({"DATE", "TIME"})


def noun_arguments(d: Draft, rules: EventRules) -> None:
    """Fill the sources and targets of an event noun.

    Actors come from possessives, compounds and nationality adjectives ("the Taliban
    assault"), from prepositions ("talks *between* X and Y"), or from the light verb
    that governs the noun ("*Gondor* launched an offensive").
    """
    tok = d.trigger
    src_heads = [
        c
        for c in tok.children
        if c.i < tok.i
        and c.ent_type_ not in _TIME_ENTS  # "Saturday's raid": a date, not an actor
        and (c.dep_ == "poss" or (c.dep_ in NOUN_ACTOR_MODS and is_actorish(c)))
        # "the Benghazi attack": a town or province before the noun is its place
        and not (c.dep_ != "poss" and is_local_place(c))
    ]
    patients: list[Token] = []
    if tok.lemma_.lower() in default_argument_words().patient_nouns and not prep_objects(
        tok, {"of"}
    ):
        # "his arrest", "the journalist's release": the possessor is who it is done to
        patients = [c for c in src_heads if c.dep_ == "poss"]
        src_heads = [c for c in src_heads if c.dep_ != "poss"]
    src_heads += prep_objects(tok, rules.noun_source_preps)
    if d.code[:2] in rules.noun_from_source_roots:
        src_heads += prep_objects(tok, {"from"})  # "backing from the United States"
    elif tok.lemma_.lower() in default_argument_words().removal_nouns:
        # "the expulsion of envoys from Japan": Japan expels, also when the parser hung
        # "from Japan" on the envoys
        src_heads += [
            h
            for o in [tok, *prep_objects(tok, {"of"})]
            for h in prep_objects(o, {"from"})
            if is_actorish(h, subtree=True)
        ]
    tgt_heads = []
    parties = between_parties(tok)
    verb = tok.head
    received = tok.dep_ in OBJ and verb.lemma_.lower() in rules.receiving_verbs
    if not parties:
        tgt_preps = set(rules.noun_target_preps)
        of_patient = any(d.code.startswith(c) for c in rules.of_patient_codes)
        if not of_patient and (received or d.code[:2] in rules.of_agent_roots):
            # "the withdrawal of US troops": "of" names who withdraws; "X won the
            # endorsement of Y": what one receives, the "of" phrase names its doer
            src_heads += prep_objects(tok, {"of"})
            tgt_preps.discard("of")
        tgt_heads = [h for h in prep_objects(tok, tgt_preps) if is_actorish(h)] or patients
        if not tgt_heads and "of" in tgt_preps:
            # "rejection of the extension for the committee": the target sits under
            # the "of" object, as for verbs ("welcomed the resumption of ties with X")
            tgt_heads = [
                h
                for o in prep_objects(tok, {"of"})
                for h in prep_objects(o, tgt_preps - {"of"})
                if is_actorish(h)
            ][:1]
        if not tgt_heads:
            # "criticism of Peru's policy", "support for X's bid": the owner of what the
            # act is about, as for a verb's object ("criticized Peru's policy")
            tgt_heads = [
                p
                for h in prep_objects(tok, tgt_preps)
                for p in h.children
                if p.dep_ == "poss" and is_actorish(p)
            ][:1]
    d.sources = arguments_for(src_heads)
    d.targets = arguments_for(tgt_heads)
    if parties:
        if d.sources:
            # "Qatar's mediation between X and Y": the possessor acts on every side
            d.targets = [p for p in parties if all(p.key != s.key for s in d.sources)]
        else:
            # "talks between X and Y": the sides act with each other, no direction
            d.sources, d.targets = parties[:1], parties[1:]
            d.symmetric = bool(d.targets)
    if received and not d.targets:
        # "X received backing from Y": the receiver is the target, "from" the source
        d.targets = arguments_for(subject_heads(verb, rules))
        if not d.sources:
            # what one receives comes "from" its doer, whatever the act ("received a
            # visit / a call / threats from Y"), on the noun or on the verb; support
            # drawn "among" a group is given by it ("drew support among union voters")
            givers = prep_objects(tok, _GIVER_PREPS) + prep_objects(verb, _GIVER_PREPS)
            d.sources = arguments_for([h for h in givers if is_actorish(h, subtree=True)])
    if not d.targets and d.code[:2] in default_argument_words().addressed_roots:
        # "Canada rejected Peru's request": an addressed act's addressee deals with it
        d.targets = arguments_for(answerers(tok), avoid=d.sources)
    head = d.anchor
    if head is None and not d.sources and d.code[:2] == CONSULT_ROOT:
        head = _scene_verb(tok)  # "in a phone call with X, Y said": Y called
    if head is not None:
        if not d.sources:
            d.sources = arguments_for(subject_heads(head, rules))
        elif not any(s.coded for s in d.sources) and all(h.pos_ == "PRON" for h in src_heads):
            # "X threw its support to Y", "renewed its calls": an unresolved possessive
            # pronoun under a light verb is that verb's subject
            d.sources = arguments_for(subject_heads(head, rules)) or d.sources
        if not d.targets:
            # "made on Monday": a date or a place is no target; the light verb's indirect
            # object receives the act ("gave *X* the nod"), and a row's target
            # preposition may hang on the verb ("headlined a fundraiser *for X*")
            preps = set(rules.target_preps) | set(
                dict(d.row.roles if d.row else ()).get("target", ())
            )
            heads = [c for c in head.children if c.dep_ in DATIVE] + prep_objects(head, preps)
            second = second_object_verb(tok)
            if second is not None and second.i == head.i:
                heads.insert(0, tok.head)  # "gave Lopez the nod": the first object
            d.targets = arguments_for([h for h in heads if is_actorish(h, subtree=True)])
    if not d.targets and d.code[:2] in CONFLICT_ROOTS:
        d.targets = victims(tok) or place_target(tok)


#: Prepositions that set a consultation as the scene of a clause ("in talks with X, ...").
_SCENE_PREPS = frozenset({"in", "during", "at"})


def _scene_verb(tok: Token) -> Token | None:
    """The verb whose clause a consultation noun sets the scene of ("*In* a phone call
    *with* X, Y *discussed* trade", "*During* talks with X, Y *urged* ..."): its subject
    took part in the consultation."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _SCENE_PREPS:
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i != prep.i else None


def answerers(tok: Token) -> list[Token]:
    """Who answers the act noun ``tok``: the subject of the verb that deals with it.

    "X considered/rejected/granted Y's request", "X responded to Y's demand", "Y's offer
    was rejected by X": X, the addressee (``answer_verbs`` and ``answer_to_verbs`` of
    ``data/events/arguments.json``).
    """
    words = default_argument_words()
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "to":
        verb = verb.head
        if verb.lemma_.lower() not in words.answer_to_verbs:
            return []
    elif tok.dep_ in OBJ | PASSIVE_SUBJECT_DEPS:
        if verb.lemma_.lower() not in words.answer_verbs:
            return []
    else:
        return []
    if tok.dep_ in PASSIVE_SUBJECT_DEPS:
        return [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return subjects or subject_heads(verb, default_rules())


def victims(tok: Token) -> list[Argument]:
    """The subject of a casualty verb that governs the noun ("two soldiers died in the raid")."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return []
    verb = tok.head.head
    words = default_size_words()
    if verb.pos_ != "VERB" or words.kind(verb) not in ("killed", "injured"):
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return arguments_for(subjects)
