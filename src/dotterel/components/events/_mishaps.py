"""Harm and danger no political actor does: accidents, animals, forecasts, blame on things.

Rules of :mod:`._nonpolitical` (which calls them) for what news reports as harm or
danger with no political actor behind it; the word lists are general vocabulary in
``data/events/nonpolitical.json``:

* **an animal is no actor** ("a shark attacked a swimmer", "a bear killed a hiker"), nor a
  party acted on ("the leopard was captured by forest officials");
* **a hazard fought is no adversary**: a hazard as the target, or "against" one ("fought
  the fire", "launched a vaccination campaign against polio");
* **an accident is no assault**: a collision of vehicles ("the train hit a bus"), a
  mishap as the actor ("a stampede killed 15", "a gas
  explosion killed 18 miners"), or the casualty clause of an accident verb whose subject
  is a vehicle or a structure, or none ("the plane crashed, killing all 150 people",
  "the pilot was killed when his plane crashed"); a weapon as that subject ("a missile
  crashed into the house, killing three") stays an attack, and so does a person ("the
  bomber crashed his car into the gate, killing ...");
* **a warning of what may happen is no threat**: a verb of warning with no actor warned
  whose clause is a change of a quantity or a state ("warned that inflation could rise",
  "warned that profits would fall") or whose subject is a natural hazard ("warned that
  the famine could kill millions", "warned of heavy snow"), and so is a bulletin issued
  to no coded actor ("issued a red warning for parts of Scotland"); "warned that it
  would retaliate" and "issued a warning to Arnor" stay threats;
* **blame laid on a thing blames no one**: "blamed the crash on the bad weather",
  "blamed the collapse on poor construction";
* **no one is no participant**: "no one was injured", "nobody was arrested";
* **harm in a mishap is no assault**: "two teenagers were injured in a car crash", "died
  in a gas explosion" (with no coded actor).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dotterel.components._syntax import SUBJECT_DEPS
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._syntax import prep_objects, span_root

if TYPE_CHECKING:
    from dotterel.components.events._nonpolitical import NonPoliticalRules

#: Links from a name up to the noun phrase it modifies ("Gondor's team"); "of" phrases
#: are climbed through their preposition ("the team of Gondor").
_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
#: Dependencies of a participle or "when" clause on the verb it follows or depends on.
_CLAUSE_LINKS = frozenset({"advcl", "conj", "xcomp", "acl"})


def phrase_root(doc: object, arg: Argument, *, climb: bool = True) -> Token | None:
    """The head of the noun phrase ``arg`` is or (``climb``) modifies: "team" for
    "Gondor" in "Gondor's cricket team" or "the team of Gondor"."""
    root = span_root(doc, arg.start, arg.end)  # type: ignore[arg-type]
    if root is None:
        return None
    while climb and root.head.i != root.i:
        if root.dep_ in _MODIFIER_DEPS:
            head = root.head  # "Gondor's team"
        elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i != root.i:
            head = root.head.head  # "the team of Gondor"; not "in Gondor" on a verb
        else:
            break
        if head.pos_ not in _NOMINAL:
            break
        root = head
    return root


def counted(root: Token, quantity_nouns: frozenset[str]) -> Token:
    """What a quantity noun counts: "migrants" for "hundreds of migrants"."""
    if root.lemma_.lower() not in quantity_nouns and root.pos_ != "NUM":
        return root
    return next(iter(prep_objects(root, {"of"})), root)


def noun_words(root: Token) -> tuple[str, ...]:
    """The head lemma and, when it has compounds, the compound phrase ("heat wave")."""
    lemma = root.lemma_.lower()
    compounds = [c.lower_ for c in root.children if c.dep_ == "compound" and c.i < root.i]
    return (lemma, " ".join([*compounds, lemma])) if compounds else (lemma,)


def _hyphen_tail(tok: Token) -> bool:
    """Whether ``tok`` ends a hyphenated word ("cease-*fire*"): a hyphen right before it,
    with no space on either side."""
    i = tok.i
    if i < 2:
        return False
    hyphen = tok.doc[i - 1]
    return hyphen.text == "-" and not hyphen.whitespace_ and not tok.doc[i - 2].whitespace_


def is_hazard(root: Token, rules: NonPoliticalRules) -> bool:
    """A natural force or a disease ("the storm", "a heat wave", "the flu"), also named
    ("Typhoon Mangkhut", "Hurricane Maria"), or "it" right after one ("the storm hit the
    coast. It killed 30"). The last part of a hyphenated word is not the word: a
    "cease-fire" is no fire."""
    if _hyphen_tail(root):
        return False
    if any(w in rules.hazard_nouns for w in noun_words(root)):
        return not _gunfire(root, rules)
    if root.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lemma_.lower() in rules.hazard_nouns for c in root.children
    ):
        return True
    return root.lower_ == "it" and _previous_subject_hazard(root, rules)


def _gunfire(root: Token, rules: NonPoliticalRules) -> bool:
    """ "Fire" someone shoots: "Israeli fire", "rebel fire", "fire from government forces"."""
    if root.lemma_.lower() not in rules.gunfire_nouns:
        return False
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            return True
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (
            c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
            or c.lemma_.lower() in rules.armed_nouns
            or c.lemma_.lower() in rules.weapon_nouns
            or c.lemma_.lower() in rules.gunfire_modifiers
        ):
            return True
    return False


def _previous_subject_hazard(pron: Token, rules: NonPoliticalRules) -> bool:
    """Whether the last subject before ``pron`` (this or the previous sentence) is a hazard."""
    sent = pron.sent
    start = sent.start
    if start > 0:
        start = pron.doc[start - 1].sent.start
    for t in reversed(pron.doc[start : pron.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
            return is_hazard(t, rules)
    return False


def mishap(d: Draft, rules: NonPoliticalRules) -> str | None:
    """Why the draft is harm or danger with no political actor (``animal``,
    ``accident``, ``forecast``, ``blame_on_things``, ``no_one``), or None."""
    doc = d.trigger.doc
    roots = [r for a in d.sources if (r := phrase_root(doc, a)) is not None]
    targets = [r for a in d.targets if (r := phrase_root(doc, a)) is not None]
    if any(r.lemma_.lower() in rules.animal_nouns for r in (*roots, *targets)):
        return "animal"
    # the target's own head: "fire" is not what "in Texas" sits in ("opened fire in Texas")
    own = [r for a in d.targets if (r := phrase_root(doc, a, climb=False)) is not None]
    if any(is_hazard(r, rules) for r in own) or _against_hazard(d.trigger, rules):
        return "hazard_target"
    if any(_mishap_noun(r, rules) for r in roots) or _accident_clause(d.trigger, rules):
        return "accident"
    vehicles = rules.vehicle_nouns
    hit = [c for c in d.trigger.children if c.dep_ in ("dobj", "obj")] or targets
    if (
        roots
        and not any(a.coded for a in d.sources)  # "the White House pushed back": an actor
        and all(r.lemma_.lower() in vehicles for r in (*roots, *hit))
    ):
        return "accident"  # "the train hit a bus": a collision
    if not any(a.coded for a in d.sources) and _hurt_in_mishap(d.trigger, rules):
        return "accident"
    if not any(a.coded for a in d.targets) and _forecast(d.trigger, rules):
        return "forecast"
    if _blame_on_things(d.trigger, rules) and not any(a.coded for a in d.targets):
        return "blame_on_things"
    sides = (*d.sources, *d.targets)
    if sides and all(a.text.lower().strip() in rules.no_one_words for a in sides):
        return "no_one"
    return None


def _mishap_noun(root: Token, rules: NonPoliticalRules) -> bool:
    """A mishap ("the crash", "a stampede"), or a blast an accident word names ("a gas
    explosion", "a boiler blast"); a bare "explosion" may be a bomb."""
    lemma = root.lemma_.lower()
    if lemma in rules.mishap_nouns:
        return True
    return lemma in rules.blast_nouns and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in rules.mishap_modifiers
        for c in root.children
    )


def _against_hazard(trigger: Token, rules: NonPoliticalRules) -> bool:
    """A fight or a campaign against a hazard ("launched a campaign against polio")."""
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
    return any(is_hazard(o, rules) for h in heads for o in prep_objects(h, {"against"}))


def _hurt_in_mishap(trigger: Token, rules: NonPoliticalRules) -> bool:
    """A casualty verb whose harm came in a mishap ("were injured in a car crash")."""
    if trigger.lemma_.lower() not in rules.casualty_verbs:
        return False
    return any(_mishap_noun(o, rules) for o in prep_objects(trigger, ("in", "during", "after")))


def _accident_clause(trigger: Token, rules: NonPoliticalRules) -> bool:
    """The trigger is the casualty clause of an accident verb ("crashed, killing ...") or
    governs one ("was killed when his plane crashed") whose subject is a vehicle or a
    structure, or none ("derailed")."""
    verbs = [c for c in trigger.children if c.dep_ in _CLAUSE_LINKS]
    first = trigger
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "killing 20 and injuring dozens"
    if first.dep_ in _CLAUSE_LINKS:
        verbs.append(first.head)
    for v in verbs:
        if v.pos_ != "VERB" or v.lemma_.lower() not in rules.accident_verbs:
            continue
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and v.i < first.i:
            return True  # "derailed, killing 20": the vehicle is the elided subject
        for s in subjects:
            # the subject's nouns: "a bus carrying pilgrims" (parsed as compounds)
            words = {t.lemma_.lower() for t in s.subtree if t.pos_ in ("NOUN", "PROPN")}
            if words & rules.weapon_nouns:
                continue
            if words & (rules.vehicle_nouns | rules.mishap_nouns):
                return True
    return False


def _forecast(trigger: Token, rules: NonPoliticalRules) -> bool:
    """A warning whose complement is a change of a quantity or a state ("warned that
    inflation could rise"), an outcome ("that supplies would run out", "that cutting aid
    would embolden Iran") or a natural hazard ("warned of heavy snow", "warned that the
    famine could kill millions"), not an act of the warner."""
    if trigger.pos_ != "VERB":
        return False
    if trigger.lemma_.lower() in rules.giving_verbs:
        # "issued a red warning for parts of Scotland": a bulletin, to no one coded
        warnings = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
        return bool(warnings) and all(w.lemma_.lower() in rules.bulletin_nouns for w in warnings)
    if trigger.lemma_.lower() not in rules.warning_verbs:
        return False
    for c in trigger.children:
        hazards = (o for o in c.children if o.dep_ == "pobj" and is_hazard(o, rules))
        if c.dep_ == "prep" and c.lower_ in ("of", "about") and any(hazards):
            return True
        if c.dep_ != "ccomp" or any(
            a.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in a.children)
            for a in c.children
        ):
            continue  # "prices would soar if sanctions were imposed": a deterrent
        subjects = [s for s in c.children if s.dep_ in SUBJECT_DEPS]
        if any(is_hazard(s, rules) for s in subjects):
            return True
        agentive = any(s.pos_ in ("PRON", "PROPN") or s.ent_type_ for s in subjects)
        # a present state ("resistance is a threat", "the economy is in trouble"); with a
        # modal it may be a threat ("our response would be swift")
        copula = c.lemma_ == "be" and not any(
            a.dep_ == "aux" and a.tag_ == "MD" for a in c.children
        )
        if subjects and not agentive and (copula or c.lemma_.lower() in rules.change_verbs):
            return True  # "that inflation could rise", "that resistance is a threat"
        if subjects and not agentive and c.lemma_ != "be" and _outcome(c, subjects):
            return True  # "that supplies would run out", "that cutting aid would embolden X"
    return False


#: Entity types that name actors (not dates or amounts: "would run out by July").
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _outcome(clause: Token, subjects: list[Token]) -> bool:
    """An active clause whose subject is a course of action, or a thing that is not the
    warner's own ("its response") and falls on no named actor ("supplies would run out"),
    and not anyone's fate ("violators would be punished"): a predicted outcome, not a
    threatened act."""
    if any(a.dep_ in ("auxpass", "nsubjpass") for a in clause.children):
        return False
    if any(s.dep_ == "csubj" for s in subjects):
        return True  # a course of action weighed: "cutting aid would embolden X"
    if any(g.dep_ == "poss" for s in subjects for g in s.children):
        return False
    # an outcome that falls on an actor ("sanctions would hit the economy of X") threatens
    return not any(
        t.ent_type_ in _ACTOR_ENTS or (t.pos_ == "PROPN" and not t.ent_type_)
        for c in clause.children
        if c.dep_ not in SUBJECT_DEPS
        for t in c.subtree
    )


def _blame_on_things(trigger: Token, rules: NonPoliticalRules) -> bool:
    """ "Blamed X on Y" where every Y is a cause, not an actor ("on the bad weather")."""
    if trigger.lemma_.lower() not in rules.blame_verbs:
        return False
    heads = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
    causes = [  # "blamed the crash on X": the parser hangs "on" on the verb or the object
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("on", "to")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    return bool(causes) and all(
        o.lemma_.lower() in rules.cause_nouns or is_hazard(o, rules) for o in causes
    )


__all__ = ["counted", "is_hazard", "mishap", "noun_words", "phrase_root"]
