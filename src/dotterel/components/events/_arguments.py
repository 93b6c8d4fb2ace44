"""Pass 2 for verbs: the sources and targets of a verb trigger, through the parse.

Source = subject (the ``by`` agent when passive), target = indirect object, object, or the
object of a target preposition ("support *to*", "talks *with*", "attack *on*"). Subject-less
verbs borrow the subject up their ``xcomp``/``conj``/``advcl`` chain ("is about to
restore"), or the object of an object-control verb ("accused *Pakistan* of assisting",
"called *on Chile* to release"); a "to" clause on a noun borrows the noun's owner ("the
*US* decision to expel"). A verb with no object targets the subject of its infinitival
complement ("backs and wants *Chile* to lead"). Passives: a verb of removal with no ``by``
agent takes its ``from`` phrase as source ("were expelled *from Canada*"); a passive
participle on an actor noun targets the noun ("diplomats expelled from X"); a relative
pronoun is its antecedent. A bare number object takes the parallel clause's target ("Y
expelled 13", :mod:`._coordination`). A PETRARCH pattern's target marker (``- * ^ ABOUT
+ [162]``) overrides the parse's target.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from spacy.tokens import Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dotterel.components.events._arg_words import default_argument_words
from dotterel.components.events._coordination import (
    bare_quantity,
    infinitive_conjunct_host,
    misparsed_subject,
    parallel_verb,
    reporters_conjunct,
)
from dotterel.components.events._drafts import Draft
from dotterel.components.events._openers import swallowed_subject
from dotterel.components.events._participants import (
    arguments_for,
    is_actorish,
    place_target,
)
from dotterel.components.events._reciprocal import (
    each_other_sides,
    exchange_sides,
    shared_act_parties,
)
from dotterel.components.events._rules import CONFLICT_ROOTS, EventRules
from dotterel.components.events._syntax import (
    DATIVE,
    NOUN_ACTOR_MODS,
    OBJ,
    infinitival_modifier,
    is_passive,
    prep_objects,
)
from dotterel.extensions import actor_at

LOGGER = logging.getLogger(__name__)


def verb_arguments(d: Draft, rules: EventRules) -> None:
    """Fill the sources and targets of a verb trigger from its parse.

    A lexicon row's roles and a PETRARCH pattern's target marker override the parse. An
    attack with no target named is on the country of the place it happened in.
    """
    tok = d.trigger
    roles = dict(d.row.roles) if d.row is not None else {}
    passive = is_passive(tok)
    pass_subj = [c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not passive and tok.dep_ == "conj" and tok.tag_ == "VBN" and is_passive(tok.head):
        # "had been recruited and trained": the second verb shares the passive
        passive = not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        pass_subj = [c for c in tok.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and not pass_subj
        # "claims that it had supplied": a perfect with its own subject is active
        and not any(c.dep_ in SUBJECT_DEPS or c.lemma_ == "have" for c in tok.children)
        and is_actorish(tok.head)
    ):
        # a passive participle on an actor noun ("diplomats (being) expelled from X",
        # "the rebels trained by X"): the noun is what the act is done to
        passive, pass_subj = True, [tok.head]
    if passive:
        if tok.dep_ == "relcl":
            # "envoys who were expelled", "data that was requested": the antecedent
            pass_subj = [tok.head if s.tag_ in ("WDT", "WP") else s for s in pass_subj]
        d.targets = arguments_for(pass_subj)
        agents = [
            g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        if not agents and tok.lemma_.lower() in default_argument_words().removal_verbs:
            # "diplomats were expelled from Canada": who removes is the "from" phrase
            agents = [h for h in prep_objects(tok, {"from"}) if is_actorish(h, subtree=True)]
        d.sources = arguments_for(agents)
        light = tok.lemma_.lower() in rules.light_verbs
        parties = [] if agents else shared_act_parties(tok, pass_subj, light, d.code)
        if parties:
            # "a deal between X and Y was signed": the sides did it with each other
            d.sources, d.targets, d.symmetric = parties[:1], parties[1:], True
    else:
        d.sources = arguments_for(subject_heads(tok, rules), outside=tok)
        d.targets = arguments_for(object_heads(tok, rules), avoid=d.sources)
        stolen = [s for c in tok.children if (s := misparsed_subject(c)) is not None]
        if stolen:
            # "X expelled 12 diplomats and Y expelled 5": Y is no second object
            spans = [(s.left_edge.idx, s.right_edge.idx + len(s.right_edge)) for s in stolen]
            d.targets = [t for t in d.targets if not any(a <= t.start < b for a, b in spans)]
        if not d.targets:
            # "attacked and occupied Gondor": the object is shared with the next verb
            for c in tok.children:
                # only a verb-phrase conjunct shares the object: "..., and Hezbollah has
                # amassed rockets" is another clause with its own subject
                if (
                    c.dep_ == "conj"
                    and c.pos_ == "VERB"
                    and c.i > tok.i
                    and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
                ):
                    d.targets = arguments_for(object_heads(c, rules), avoid=d.sources)
                    break
        elided_object_target(d, rules)
        objects = [c for c in tok.children if c.dep_ in OBJ | DATIVE]
        sides = each_other_sides(
            objects + prep_objects(tok, rules.target_preps), lambda: subject_heads(tok, rules)
        ) or exchange_sides(d, rules.exchange_verbs, lambda: subject_heads(tok, rules))
        if sides:
            # "X and Y accused each other": each side acts on the other
            d.sources, d.targets, d.each_other = sides, [], True
    if not d.targets and d.code[:2] in rules.clause_target_roots:
        # "warned that Mordor would face consequences": the complement's subject
        for c in tok.children:
            if c.dep_ == "ccomp":
                subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS and is_actorish(g)]
                d.targets = arguments_for(subj, avoid=d.sources)
                break
    if d.code[:2] in rules.condition_target_roots and not any(t.coded for t in d.targets):
        # "threatened a strike unless X ...": the condition names who is threatened
        d.targets = arguments_for(condition_subjects(tok, rules), avoid=d.sources) or d.targets
    if d.target_hint is not None:
        hinted = hinted_target(d)
        if hinted:
            d.targets = arguments_for(hinted, avoid=d.sources)
    if roles.get("source") == ("speaker",):
        # "X will face grave consequences, Y said": a threat voiced by the speaker
        speaker = speaker_heads(tok, rules)
        d.sources = arguments_for(speaker)
        if not speaker:
            d.absorbed, d.dropped = True, "no_speaker"  # a narrated prospect: no threat
    elif "source" in roles:
        heads = prep_objects(tok, set(roles["source"]))
        if heads:
            d.sources = arguments_for(heads)
    if "target" in roles:
        for where in roles["target"]:
            heads = subject_heads(tok, rules) if where == "subj" else prep_objects(tok, {where})
            if heads:
                d.targets = arguments_for(heads)
                if d.code[:2] in CONFLICT_ROOTS and not any(t.coded for t in d.targets):
                    # "fired rockets toward southern Israel": aimed at a place's state
                    d.targets = place_target(tok, {where}) or d.targets
                break
    if not d.targets and d.code[:2] in CONFLICT_ROOTS:
        d.targets = place_target(tok)


def speaker_heads(tok: Token, rules: EventRules) -> list[Token]:
    """The subject of the verb of saying whose complement holds ``tok``'s clause ("Y said X
    would face ..."), or of one inserted in it ("X will face ..., Y said"); none when the
    clause is the outlet's own."""
    top = tok
    while top.dep_ in ("xcomp", "conj") and top.head.i != top.i:
        top = top.head
    if top.dep_ in ("ccomp", "parataxis") and top.head.lemma_.lower() in rules.reporting_verbs:
        return subject_heads(top.head, rules)
    for c in top.children:
        if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in rules.reporting_verbs:
            subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS]
            if subj:
                return subj
    return []


def condition_subjects(tok: Token, rules: EventRules) -> list[Token]:
    """The actor subjects of the condition a threat sets ("threatened to strike *unless
    Gondor withdrew*"): an ``if``/``unless`` clause on the threat verb or on the act it
    threatens (its ``xcomp``)."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "xcomp")]
    for head in heads:
        for c in head.children:
            if c.dep_ != "advcl" or not any(
                m.dep_ == "mark" and m.lower_ in rules.condition_marks for m in c.children
            ):
                continue
            subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS and is_actorish(g)]
            if subj:
                return subj
    return []


def elided_object_target(d: Draft, rules: EventRules) -> None:
    """ "X expelled 60 diplomats, Y expelled 13": a bare number object takes the target
    of the parallel clause (see :mod:`._coordination`)."""
    if any(t.coded for t in d.targets):
        return
    words = default_argument_words()
    objs = [c for c in d.trigger.children if c.dep_ in OBJ]
    if not objs or not all(bare_quantity(o, words) for o in objs):
        return
    parallel = parallel_verb(d.trigger, words)
    if parallel is not None:
        inherited = arguments_for(object_heads(parallel, rules), avoid=d.sources)
        if any(t.coded for t in inherited):
            # the parallel clause's actor, over this clause's own words ("13")
            o = objs[0]
            d.targets = [
                replace(t, start=o.idx, end=o.idx + len(o), text=o.text) for t in inherited
            ]


def hinted_target(d: Draft) -> list[Token]:
    """The noun phrase a verb pattern's ``+`` points at, if it names an actor.

    PETRARCH patterns say where the target is ("- * THEIR ^ ABOUT + [162]": "warned
    their citizens about *X*"); ``^`` before ``+`` skips a phrase ("warned at Y of
    *X*"). A phrase that names no actor leaves the parse's choice in place.
    """
    assert d.target_hint is not None
    doc = d.trigger.doc
    end = d.trigger.sent.end
    skip = d.target_skip
    i = d.target_hint
    while i < end:
        t = doc[i]
        if t.pos_ not in ("NOUN", "PROPN", "PRON"):
            i += 1
            continue
        head = t
        while head.dep_ in ("compound", "amod", "nmod", "det", "poss") and head.head.i > head.i:
            head = head.head
        if skip:
            skip -= 1
            i = head.i + 1
            continue
        return [head] if is_actorish(head, subtree=True) else []
    return []


def first_conjunct(tok: Token) -> Token:
    """The first of the coordinated words ``tok`` is one of ("Japan and *the
    Netherlands*": Japan), from which the arguments pass reaches them all."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def subject_heads(tok: Token, rules: EventRules, depth: int = 0) -> list[Token]:
    """Subjects of ``tok``, borrowed up the clause chain when it has none."""
    subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    if subj:
        heads = []
        for s in subj:
            if s.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                heads.append(first_conjunct(tok.head))  # "X and Y, which agreed": both
            else:
                heads.append(s)
        if len(heads) > 1:
            # "Old foes Gondor and Osgiliath": two subjects, keep the actors
            heads = [h for h in heads if is_actorish(h)] or heads
        heads += prep_objects(tok, rules.co_source_preps)
        return heads
    if depth > 4:
        return []
    head = tok.head
    dep = tok.dep_
    stolen = misparsed_subject(tok) or swallowed_subject(tok)
    if stolen is not None and is_actorish(stolen):
        return [stolen]
    if dep == "relcl":
        if infinitival_modifier(tok) and not is_actorish(head):
            return []  # "a place to visit": the place is what is visited, not who
        return [head]
    if dep == "acl" and infinitival_modifier(tok):
        # "the US decision to expel", "Canada's plan to ...", "a bid by Peru to ...": the
        # noun's possessor, actor modifier or "by"/"of" phrase does what the noun intends
        owners = [
            c
            for c in head.children
            if c.i < head.i and c.dep_ in NOUN_ACTOR_MODS and is_actorish(c)
        ]
        return owners or [h for h in prep_objects(head, {"by", "of"}) if is_actorish(h)]
    if dep == "acl" and tok.tag_ == "VBG" and head.dep_ not in SUBJECT_DEPS and is_actorish(head):
        # a present participle on an actor noun ("named a man blowing himself up"): the
        # noun does the act (a passive one is done to it); on a subject ("police firing
        # tear gas dispersed them") it is the manner of the subject's own act
        return [head]
    if dep == "xcomp":
        # raising from a passive: "Gollum was seen to break in", "is believed to have"
        raised = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if raised:
            return raised
    if dep in ("ccomp", "ROOT"):
        # a finite clause whose subject the parser attached elsewhere ("that Pakistan,
        # eager to ..., has encouraged"): the first actor before the verb in the clause
        for t in tok.subtree:
            if t.i >= tok.i:
                break
            # a verb has no compound modifier: one on the verb is a misparsed subject
            # ("Ethiopia act on ...": Ethiopia/compound <- act)
            misparsed = t.dep_ == "compound" and t.head.i == tok.i
            if (
                t.pos_ in ("PROPN", "NOUN")
                and (misparsed or t.dep_ not in NOUN_ACTOR_MODS | {"pobj"})
                and is_actorish(t)
            ):
                return [t]
        if dep == "ROOT":
            return []
    if head.lemma_.lower() in rules.object_control_verbs and controlled_complement(tok):
        # "urged Chile to sign", "called on Chile to release" (the parser may make the
        # "to" clause an adverbial): the one urged does what is urged; "call" controls
        # only through "on" ("called Y to thank him" is a call made in order to thank)
        direct = head.lemma_.lower() not in rules.on_control_verbs
        objs = [c for c in head.children if c.dep_ in OBJ and direct] or prep_objects(
            head, {"on", "upon"}
        )
        if objs:
            return objs
    if dep == "pcomp" and head.dep_ == "prep":
        verb = head.head
        objs = [c for c in verb.children if c.dep_ in OBJ]
        # "accused X of firing ..., the latest in a series": a second object that names
        # no actor (a closing apposition the parser made an object) does not fire
        objs = [o for o in objs if is_actorish(o)] or objs
        lemma = verb.lemma_.lower()
        if objs and (
            lemma in rules.object_control_verbs
            or (head.lower_ == "for" and lemma in rules.for_object_verbs)
        ):
            return objs
        return subject_heads(verb, rules, depth + 1)
    if dep == "conj" and head.dep_ == "ccomp":
        # "X said the findings showed Y and called on Z to resign": the parser joins the
        # second verb to the reported clause; a subject there that is no actor ("the
        # findings") calls on no one, the speaker does
        speaker = head.head
        if reporters_conjunct(tok, head, speaker, rules):
            # "X denied that its soldiers *had entered* Kenya and *accused* Nairobi": a
            # finite past does not share the reported verb's "had"; a verbal act beside
            # a report ("denied ... and accused", "said ... and urged") is the reporter's
            return subject_heads(speaker, rules, depth + 1)
        heads = subject_heads(head, rules, depth + 1)
        if speaker.lemma_.lower() in rules.reporting_verbs and not any(
            is_actorish(h) for h in heads
        ):
            said_by = subject_heads(speaker, rules, depth + 1)
            if any(is_actorish(h) for h in said_by):
                return said_by
        return heads
    if dep == "conj" and (host := infinitive_conjunct_host(tok, head)) is not None:
        return subject_heads(host, rules, depth + 1)
    if dep in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp"):
        return subject_heads(head, rules, depth + 1)
    if dep == "dobj" and tok.pos_ == "VERB":
        return subject_heads(head, rules, depth + 1)
    return []


def controlled_complement(tok: Token) -> bool:
    """Whether ``tok`` heads a subject-less "to" clause that complements its head verb.

    ``xcomp`` always; an ``advcl`` or ``ccomp`` only with "to" and no subject of its own
    ("called on Chile *to release* them" is often parsed as an adverbial clause).
    """
    if tok.dep_ == "xcomp":
        return True
    return (
        tok.dep_ in ("advcl", "ccomp")
        and tok.i > tok.head.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)
    )


def object_heads(tok: Token, rules: EventRules) -> list[Token]:
    """Target candidates in order of preference: dative, object, target prepositions."""
    dative = [c for c in tok.children if c.dep_ in DATIVE]
    for c in dative:
        if c.pos_ == "ADP":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if pobj and is_actorish(pobj[0]):
                return pobj
        elif is_actorish(c):
            return [c]
    objs = [c for c in tok.children if c.dep_ in OBJ and c.pos_ != "VERB"]
    # the object itself ("attacked Gondor"), then what the object is with/to/against
    # ("restore ties with Gondor", "lend support to X"), then the verb's own
    # prepositions ("talk with X"), then anything under the object (misparses)
    own = [o for o in objs if is_actorish(o)]
    if own:
        return own
    # "supported Vietnam's bid", "criticised the president's decision": the object's
    # possessor is who the act bears on ("its trip" is usually the subject's own)
    owners = [
        c
        for o in objs
        for c in o.children
        if c.dep_ == "poss" and c.pos_ != "PRON" and is_actorish(c)
    ]
    if owners:
        return owners[:1]
    for group in (
        [h for o in objs for h in nested_prep_objects(o, rules)],
        prep_objects(tok, rules.target_preps),
    ):
        found = [h for h in group if is_actorish(h, subtree=True)]
        if found:
            # "celebrated Eid at Osgiliath with Gondor": "with" names a partner, "at"
            # more often a place; the rules list target prepositions by preference
            return sorted(found, key=lambda h: prep_rank(h.head, rules))[:1]
    actor_objs = [o for o in objs if is_actorish(o, subtree=True)]
    if actor_objs:
        return actor_objs
    complement = complement_subjects(tok)
    if complement:
        return complement
    # last resort, as PETRARCH does: the first actor in the rest of the verb phrase
    # ("left for Minas Tirith", "shells near a vessel from South Korea")
    nearest = first_actor_after(tok)
    return [nearest] if nearest is not None else objs


def complement_subjects(tok: Token) -> list[Token]:
    """The actor subject of ``tok``'s infinitival complement ("wants *Russia* to play").

    Verbs of wanting, urging and allowing take the one they act on as the subject of a
    "to" clause ("backs and wants Peru to lead", "asked for Chile to extradite"): with no
    object of its own, the verb's target is that subject (object control / raising).
    """
    for c in tok.children:
        if c.dep_ not in ("ccomp", "xcomp") or c.i < tok.i:
            continue
        if not any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            continue
        subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS and g.i < c.i]
        if subj and is_actorish(subj[0]):
            return subj[:1]
    return []


def first_actor_after(tok: Token) -> Token | None:
    """The first actor-naming noun in ``tok``'s phrase to its right (clauses, and the
    source of an "according to" phrase, skipped)."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in ("relcl", "advcl", "ccomp", "conj", "parataxis", "xcomp", "punct"):
            skip.update(x.i for x in c.subtree)
        elif c.lower_ == "according":
            skip.update(x.i for x in c.subtree)  # "according to residents": the source
    for t in tok.subtree:
        if t.i <= tok.i or t.i in skip:
            continue
        if t.pos_ in ("PROPN", "NOUN", "ADJ") and actor_at(t.doc, t.idx, t.idx + len(t)):
            return t
    return None


def nested_prep_objects(tok: Token, rules: EventRules) -> list[Token]:
    """Objects of target prepositions under ``tok``, also through "of" phrases.

    "welcomed the resumption of ties *with* Mordor": the target sits two prepositions
    down. Only ``of`` is crossed, so a place ("in Kabul") is never taken for a target.
    """
    found = prep_objects(tok, rules.target_preps)
    frontier = prep_objects(tok, {"of"})
    for _ in range(2):
        if found or not frontier:
            break
        found = [h for f in frontier for h in prep_objects(f, rules.target_preps)]
        frontier = [h for f in frontier for h in prep_objects(f, {"of"})]
    return found


def prep_rank(prep: Token, rules: EventRules) -> int:
    """Where ``prep`` comes in the rules' order of target prepositions (unlisted: last)."""
    try:
        return rules.target_prep_order.index(prep.lemma_.lower())
    except ValueError:
        return len(rules.target_prep_order)
