"""Physical force: whether an ASSAULT (or a threat of force) is one, or a metaphor (issue 18).

PLOVER's ASSAULT is the use of physical force. The relevance pass (:mod:`._relevance`)
keeps an ASSAULT draft only with evidence of force, and recodes or drops the rest as a
metaphor. Evidence, in order:

* **figurative use** first, which no other evidence outweighs: an attack called
  political, verbal or personal ("a political attack on the FBI", ``nonphysical_modifiers``),
  or a violent verb whose every object (or passive subject) is a proposal or a document
  ("the Senate *killed* the bill", "*shot down* every attempt", "the bid was shot down",
  ``proposal_nouns``), or one of leaving ("stormed out of the meeting");
* an armed actor role (MIL, COP, REB ...) on a side;
* a state or a people as a side (a bare country code, a nationality: "fighting between
  the two peoples"); a party's members ("Democrats fought back", ``party_member_nouns``)
  are no people;
* a weapon, casualty or armed-participant word in the trigger's own clause
  (``physical_words``).

The word lists are in ``data/events/relevance.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dotterel.components.events._drafts import Draft

if TYPE_CHECKING:  # the rules' type only: _relevance imports this module
    from dotterel.components.events._relevance import RelevanceRules

#: Entity types of peoples and states: a named one fights with force.
_PEOPLES = frozenset({"NORP", "GPE"})
#: Dependencies of a verb's objects.
_OBJECTS = frozenset({"dobj", "obj"})
#: Particles of leaving: a violent verb with one and no object is a departure ("stormed
#: out of the room", "stormed off").
_LEAVING = frozenset({"out", "off"})


def physical(d: Draft, rules: RelevanceRules) -> bool:
    """Whether an ASSAULT draft shows physical force (see the module docstring)."""
    if figurative(d.trigger, rules):
        return False
    doc = d.trigger.doc
    for a in (*d.sources, *d.targets):
        code = a.actor_code
        if any(code[i : i + 3] in rules.force_roles for i in range(0, len(code), 3)):
            return True
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span) or span.root.pos_ == "PRON":
            continue
        root = span.root
        people = root.ent_type_ in _PEOPLES and not _party_members(root, rules)
        if len(code) == 3 or people:
            return True  # states and peoples fight with force ("fighting between X and Y")
    words = rules.physical_words
    retort = _retort(d.trigger)
    for t in own_clause(d.trigger):
        if t.i == d.trigger.i and (retort or t.lemma_.lower() in rules.verbal_attack_verbs):
            continue  # "attack" itself proves nothing, nor "shot back" (a retort)
        if t.lemma_.lower() in words or t.lower_ in words:
            return True
    return False


def _retort(tok: Token) -> bool:
    """A violent verb with "back" and no object ("the campaign *shot back*", "fired
    back at critics"): an answer, force only when an armed side gives it."""
    return any(
        c.lower_ == "back" and c.dep_ in ("prt", "advmod") for c in tok.children
    ) and not any(c.dep_ in _OBJECTS for c in tok.children)


def _party_members(root: Token, rules: RelevanceRules) -> bool:
    """ "Democrats", "Republicans": the small model keeps a proper noun's plural lemma."""
    word = root.lower_
    return bool({root.lemma_.lower(), word, word.removesuffix("s")} & rules.party_member_nouns)


def figurative(tok: Token, rules: RelevanceRules) -> bool:
    """An attack called political or verbal ("a political attack"), a violent verb whose
    every object is a proposal or a document ("killed the bill"), or one of leaving
    ("stormed out")."""
    if any(
        c.dep_ == "amod" and c.lemma_.lower() in rules.nonphysical_modifiers for c in tok.children
    ):
        return True
    objects = [c for c in tok.children if c.dep_ in _OBJECTS]
    if not objects and any(
        c.dep_ in ("prt", "prep") and c.lower_ in _LEAVING for c in tok.children
    ):
        return True  # "stormed out of the meeting": left in anger
    objects += [c for c in tok.children if c.dep_ == "nsubjpass"]  # "the bid was shot down"
    return bool(objects) and all(o.lemma_.lower() in rules.proposal_nouns for o in objects)


#: Dependencies that open another clause: its words are not evidence for this event.
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "relcl", "advcl", "csubj", "conj"})


def own_clause(tok: Token) -> list[Token]:
    """The words of ``tok``'s clause: its clause head's subtree minus embedded clauses."""
    head = tok
    while head.dep_ not in _CLAUSE_DEPS and head.head.i != head.i:
        head = head.head
    out: list[Token] = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(
            c for c in t.children if c.dep_ not in _CLAUSE_DEPS or c.i == tok.i or tok in c.subtree
        )
    return out


__all__ = ["figurative", "own_clause", "physical"]
