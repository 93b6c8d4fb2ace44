"""Reciprocal events: acts two sides do with each other, with no direction.

CAMEO and PLOVER treat meeting, negotiating, agreeing, cooperating and fighting as
mutual; the events guide calls such events ``symmetric`` (either order of the sides is
right). Two constructions name both sides of one:

* **A coordinated subject with no other target** of a mutual verb, or of a verb whose
  object is a mutual noun ("Gondor and Arnor met / agreed / clashed", "held talks",
  "signed a truce"): the subjects act with each other (:func:`is_reciprocal`).
* **An event noun with a "between" phrase** ("talks between X and Y", "cooperation
  between the French and German ministries", "a deal between X and Y was signed"): the
  phrase names every side (:func:`between_parties`).
* **"The two countries", "both sides"** as the sides ("cooperation between the two
  ministries", "the two countries signed a deal"): the actors component gives such a
  phrase one coreference mention of each of the two actors it refers back to
  (``actors/_pairs.py``), so it names two sides as a coordination does.
* **"Each other", "one another", "each ... the other"** as the object ("X and Y accused
  each other", "each country expelled the other's diplomats"): each side acts on the
  other, so a directed act gives one event per direction (:func:`each_other_sides`).

Such an event is coded once per pair of sides, in text order, with
:attr:`~dotterel.model.Event.symmetric` set. Which codes, verbs and nouns are mutual is
data (``data/events/reciprocal.json``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from dotterel.components._syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
)
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._participants import (
    arguments_for,
    coordinated_modifiers,
    is_actorish,
    partitive_member,
    phrase_arguments,
)
from dotterel.components.events._syntax import (
    OBJ,
    list_members,
    prep_objects,
)

LOGGER = logging.getLogger(__name__)

RECIPROCAL_PATH = Path(__file__).parent.parent / "data" / "events" / "reciprocal.json"


@dataclass(frozen=True)
class ReciprocalWords:
    """The contents of ``reciprocal.json``: what is mutual, and what names both sides."""

    #: CAMEO code prefixes of mutual acts (consult, agree, cooperate)
    codes: tuple[str, ...]
    #: longer prefixes inside ``codes`` whose acts have a direction all the same
    directed_codes: tuple[str, ...]
    #: verbs of mutual acts outside ``codes`` ("clash", "fight")
    verbs: frozenset[str]
    #: nouns of mutual acts, as the object of a coordinated subject's verb ("held talks")
    nouns: frozenset[str]
    #: verbs that carry out the act of their object noun ("held talks", "signed a truce")
    noun_verbs: frozenset[str]
    #: prepositions that name all the sides of an event noun ("talks between X and Y")
    between_preps: frozenset[str]

    @classmethod
    def load(cls, path: str | Path = RECIPROCAL_PATH) -> ReciprocalWords:
        """Read the word lists; a list missing from the file is empty."""
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))

        def words(name: str) -> frozenset[str]:
            return frozenset(str(x).lower() for x in raw.get(name, []))

        return cls(
            codes=tuple(str(x) for x in raw.get("codes", [])),
            directed_codes=tuple(str(x) for x in raw.get("directed_codes", [])),
            verbs=words("verbs"),
            nouns=words("nouns"),
            noun_verbs=words("noun_verbs"),
            between_preps=words("between_preps"),
        )

    def mutual_code(self, code: str) -> bool:
        """Whether the CAMEO ``code`` is a mutual act: its longest listed prefix decides."""
        mutual = max((len(p) for p in self.codes if code.startswith(p)), default=0)
        directed = max((len(p) for p in self.directed_codes if code.startswith(p)), default=0)
        return mutual > directed


@lru_cache(maxsize=1)
def default_reciprocal_words() -> ReciprocalWords:
    """The shipped word lists, read once per process."""
    return ReciprocalWords.load()


def is_reciprocal(d: Draft, words: ReciprocalWords | None = None) -> bool:
    """Whether a coordinated subject with no other target acts with itself.

    "X and Y met", "X and Y clashed", "X and Y held a meeting": a PETRARCH paired code
    equal to the code ([031:031]), a mutual verb, a verb that carries out the mutual
    noun it governs, or (for events typed by dotterel's own tables) a mutual CAMEO code.
    """
    words = words or default_reciprocal_words()
    if d.paired is not None and d.paired == d.code:
        return True
    tok = d.trigger
    if tok.lemma_.lower() in words.verbs or mutual_object(tok, words):
        return True
    return d.method != "dictionary" and words.mutual_code(d.code)


def mutual_object(tok: Token, words: ReciprocalWords) -> bool:
    """Whether ``tok`` is a mutual noun, or a verb that carries out the mutual noun it
    governs ("*held* talks", "*signed* a truce"; not "praised the deal")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok.lemma_.lower() in words.nouns
    if tok.lemma_.lower() not in words.noun_verbs:
        return False
    return any(c.dep_ in OBJ and c.lemma_.lower() in words.nouns for c in tok.children)


def between_parties(tok: Token, words: ReciprocalWords | None = None) -> list[Argument]:
    """The sides that ``tok``'s "between" phrase names, one argument per side.

    "talks between Gondor and Arnor": [Gondor, Arnor]; "between the French and German
    ministries": one argument per coordinated modifier; "fighting broke out between X
    and Y": the phrase of the clause the noun is the subject of. Every
    conjunct is a side, also one that names no coded actor (its words are kept): the
    pair is what the phrase says, whatever the actor tables know.
    """
    words = words or default_reciprocal_words()
    heads = prep_objects(tok, words.between_preps)
    verb = tok.head
    if (
        not heads
        and tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        and verb.i != tok.i
        and not any(c.dep_ in OBJ for c in verb.children)
    ):
        # "fighting broke out / a meeting was held between X and Y": the clause of
        # which the noun is the subject says between whom it happened
        heads = prep_objects(verb, words.between_preps)
    if not heads:
        return []
    head = partitive_member(heads[0])
    members = list_members(head, is_actorish)
    if len(members) == 1:
        members = coordinated_modifiers(head) or members
    if len(members) == 1:
        # "between the two ministries": the actors component gave the phrase the two
        # actors named just before, one mention of each
        return arguments_for([head])
    out: list[Argument] = []
    seen: set[str] = set()
    for m in members:
        for arg in phrase_arguments(partitive_member(m), whole=False):
            if arg.key not in seen:
                seen.add(arg.key)
                out.append(arg)
    return out


def shared_act_parties(
    verb: Token, nouns: list[Token], light: bool, code: str, words: ReciprocalWords | None = None
) -> list[Argument]:
    """The sides of a mutual event noun that ``verb`` (passive, with no agent) performs.

    "A deal between X and Y was signed", "talks between X and Y were held": the sides
    did the act together. Only when the verb is light or itself a mutual act: "talks
    between X and Y were criticised" is someone else's act on the talks.
    """
    words = words or default_reciprocal_words()
    if not (light or words.mutual_code(code)):
        return []
    for n in nouns:
        if n.lemma_.lower() in words.nouns:
            parties = between_parties(n, words)
            if len(parties) > 1:
                return parties
    return []


def is_each_phrase(tok: Token) -> bool:
    """Whether ``tok`` heads "each <noun>" ("each country", "each side")."""
    return tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "each" for c in tok.children)


def reciprocal_pronoun(tok: Token, each_subject: bool) -> bool:
    """Whether ``tok`` is "each other", "one another", or after an "each <noun>" subject
    "the other" ("each country expelled the other's diplomats")."""
    if tok.lower_ == "another":
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "one"
    if tok.lower_ != "other":
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    return "each" in dets or (each_subject and "the" in dets)


def each_other_sides(objects: list[Token], subjects: Callable[[], list[Token]]) -> list[Argument]:
    """The sides of a verb whose object is a reciprocal pronoun ("X and Y accused each
    other", "each country expelled the other's diplomats"), or none.

    ``objects``: the verb's objects and target prepositions' objects; ``subjects``: its
    subjects (asked for only when an "other" is there). Each side acts on the other: a
    coordinated subject names both; "each country", "both sides" name the two actors
    named just before (the actors component's pair mentions).
    """
    others = [t for o in objects for t in o.subtree if t.lower_ in ("other", "another")]
    if not others:
        return []
    heads = subjects()
    each_subject = any(is_each_phrase(s) for s in heads)
    if not any(reciprocal_pronoun(t, each_subject) for t in others):
        return []
    sides = arguments_for(heads)
    return sides if len(sides) > 1 else []


def exchange_sides(
    d: Draft, exchange_verbs: frozenset[str], subjects: Callable[[], list[Token]]
) -> list[Argument]:
    """The sides of a verb of exchange done by several sides to no coded target ("Peru
    and Chile traded accusations", "the two armies exchanged fire"): each side acts on
    the other, as with "each other"; none otherwise."""
    if d.trigger.lemma_.lower() not in exchange_verbs or any(t.coded for t in d.targets):
        return []
    sides = arguments_for(subjects())
    return sides if len(sides) > 1 else []


#: Prepositions of what a consultation is about ("met *over* the dispute", "consulted
#: *about* Y"): their phrase is a topic, not a side. "on" too, but only above another
#: noun ("talks *on* the future of X"): its own object may be the one visited ("a
#: courtesy call *on* Peru").
TOPIC_PREPS = frozenset({"over", "about", "regarding", "concerning"})
_ON = "on"


def topics_dropped(drafts: Iterable[Draft], consult_root: str) -> None:
    """Drop the targets of a consultation (CAMEO 04) found only through a preposition of
    topic: "the United States and Iraq held talks on the future of American troops"
    are talks between the two, about the troops (then a mutual act, one symmetric
    event), not talks with the troops."""
    for d in drafts:
        if d.absorbed or not d.code.startswith(consult_root) or not d.targets:
            continue
        anchors = {d.trigger.i} | ({d.anchor.i} if d.anchor is not None else set())
        doc = d.trigger.doc
        kept = []
        for t in d.targets:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None or not _under_topic(span.root, anchors):
                kept.append(t)
        d.targets = kept


def _under_topic(tok: Token, anchors: set[int]) -> bool:
    """Whether the way up from ``tok`` to the consultation passes a topic preposition."""
    cur = tok
    for _ in range(8):
        if cur.i in anchors or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in TOPIC_PREPS:
            return True
        if cur.dep_ == "prep" and cur.lower_ == _ON and tok.head.i != cur.i:
            return True  # "on the future of X": X is under another noun of the topic
        cur = cur.head
    return False
