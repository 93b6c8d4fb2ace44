"""Frames that name who did an act outside the act's own phrase: blame and removal.

An event noun or gerund often has no actor of its own ("the bombing", "the poisoning
of a spy") while the clause around it says who did it through a general frame of
responsibility (``data/events/frames.json``):

* **blaming**: "A blamed *B* for the attack", "accused *B* of the attack", "*B* was
  suspected of the bombing", "blamed the attack on *B*": the blamed is the agent, and the
  act is alleged, not asserted (hedged, the verb as cue, as an accusation already makes
  its "of" clause);
* **responsibility predicates**: "*B* was responsible for / behind / involved in the
  attack", "held *B* responsible for", "found *B* guilty of", "the militants involved
  in the attack";
* **responsibility nouns**: "*B*'s involvement in the attack", "the role of *B* in",
  "*B* claimed responsibility for", "*B* took part / played a role in", "accused *B* of
  involvement in".

Only a material act (protest, force, reduction of relations, coercion, assault, fight:
``material_roots``) with no source is given one, and only a coded actor; a negated frame
("*B* was not behind the attack") gives none, a modal or a hedging verb over it
("may have been behind", "is believed to be behind") hedges the act.

**Removal from a state** (``_arg_words.removal_verbs`` and ``removal_nouns``): "diplomats
expelled *from Britain*", "the expulsion of envoys *from Britain*": the state the
``from`` phrase names removes them through its government, so a bare country code there
becomes that country's ``GOV``; and a ``from`` phrase the arguments pass took for the
target of such a verb ("the diplomats expelled from Poland") is its source.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from dotterel.cameo import is_country
from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dotterel.components.events._arg_words import default_argument_words
from dotterel.components.events._arguments import subject_heads
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._participants import arguments_for, is_actorish
from dotterel.components.events._rules import EventRules
from dotterel.components.events._syntax import OBJ, prep_objects

LOGGER = logging.getLogger(__name__)

FRAMES_PATH = Path(__file__).parent.parent / "data" / "events" / "frames.json"

#: Verbs of being that carry a predicate ("was responsible", "is behind"); not "stand
#: behind", which is support.
_COPULAS = frozenset({"be", "seem", "appear", "remain", "become"})
#: How a frame hangs under a hedging verb ("is believed *to be* behind"); never a
#: reported clause ("said B was behind": attribution reports it, it hedges nothing).
_RAISING_DEPS = frozenset({"xcomp", "acomp"})


@dataclass(frozen=True)
class FrameWords:
    """The contents of ``frames.json`` as sets of lower-case lemmas."""

    blame_verbs: frozenset[str]
    blame_preps: frozenset[str]
    blame_on_verbs: frozenset[str]
    responsibility_words: frozenset[str]
    responsibility_nouns: frozenset[str]
    responsibility_noun_verbs: frozenset[str]
    act_preps: frozenset[str]
    holding_verbs: frozenset[str]
    visit_lemmas: frozenset[str]
    visit_preps: frozenset[str]
    host_code: str

    @classmethod
    def load(cls, path: str | Path = FRAMES_PATH) -> FrameWords:
        """Read the word lists; a list missing from the file is an empty set."""
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in raw.get(key, []))

        return cls(
            blame_verbs=words("blame_verbs"),
            blame_preps=words("blame_preps"),
            blame_on_verbs=words("blame_on_verbs"),
            responsibility_words=words("responsibility_words"),
            responsibility_nouns=words("responsibility_nouns"),
            responsibility_noun_verbs=words("responsibility_noun_verbs"),
            act_preps=words("act_preps"),
            holding_verbs=words("holding_verbs"),
            visit_lemmas=words("visit_lemmas"),
            visit_preps=words("visit_preps"),
            host_code=str(raw.get("host_code", "043")),
        )


@lru_cache(maxsize=1)
def default_frame_words() -> FrameWords:
    """The shipped lists, read once per process."""
    return FrameWords.load()


@dataclass(frozen=True)
class Frame:
    """Who a frame names as the agent of an act, and what it says of the act."""

    agents: list[Token]
    #: the frame's own words ("blamed", "responsible"): checked for negation and modals
    words: list[Token]
    #: a verb of blaming: the act is alleged
    blame: Token | None = None
    #: the agent's words may have been read as the act's target ("blamed the poisoning
    #: of X on B", "on B" hung on X): taken from the targets
    retarget: bool = False


def apply_frames(drafts: Iterable[Draft], words: FrameWords, rules: EventRules) -> None:
    """Give sourceless acts the agent their frame names, and removals their state."""
    for d in drafts:
        if d.absorbed:
            continue
        if not d.sources:
            frame_source(d, words, rules)
        removal_state(d)


def frame_source(d: Draft, words: FrameWords, rules: EventRules) -> None:
    """Fill ``d``'s source from a responsibility frame around its trigger (see above)."""
    tok = d.trigger
    if tok.pos_ not in ("NOUN", "PROPN") and tok.tag_ != "VBG":
        return
    if d.code[:2] not in rules.material_roots:
        return  # one is blamed for, or involved in, a material act (not "in the probe")
    frame = act_frame(tok, words, rules)
    if frame is None or _negated(frame.words, rules):
        return
    taken = set() if frame.retarget else {t.key for t in d.targets}
    agents = [a for a in arguments_for(frame.agents) if a.coded and a.key not in taken]
    if not agents:
        return
    d.sources, d.framed = agents, True
    keys = {a.key for a in agents}
    d.targets = [t for t in d.targets if t.key not in keys]
    if _denied(frame.words, rules):
        # "B's involvement in the attack was denied": the act is denied, B its agent
        d.modality, d.cue = "denied", frame.words[0].head.text
        return
    cue = frame.blame.text if frame.blame is not None else _hedge(frame.words, rules)
    if cue is not None and d.modality == "asserted":
        d.modality, d.cue = "hedged", cue


def act_frame(tok: Token, words: FrameWords, rules: EventRules) -> Frame | None:
    """The frame that names who did the act ``tok`` ("blamed B for *the attack*")."""
    act = tok
    while act.dep_ == "conj" and act.head.i != act.i:
        act = act.head  # "for the bombing and *the kidnapping*"
    verb = act.head
    if act.dep_ == "dobj" and verb.lemma_.lower() in words.blame_on_verbs:
        # "blamed the attack on B" (the parser may hang "on B" inside the object)
        on = (
            prep_objects(verb, {"on"})
            or [o for t in act.subtree if t.i > act.i for o in prep_objects(t, {"on"})][-1:]
        )
        return Frame([h for h in on if is_actorish(h)], [verb], blame=verb, retarget=True)
    if act.dep_ not in ("pobj", "pcomp") or verb.dep_ != "prep":
        return None
    prep = verb.lower_
    if prep not in words.act_preps:
        return None
    if prep == "behind":
        return _behind(verb, rules)
    frame = verb.head
    lemma = frame.lemma_.lower()
    if lemma in words.blame_verbs and prep in words.blame_preps:
        return Frame(_blamed(frame), [frame], blame=frame)
    if (lemma in words.responsibility_words or frame.lower_ in words.responsibility_words) and (
        frame.pos_ in ("ADJ", "VERB")
    ):
        return Frame(_responsible(frame, words, rules), [frame, frame.head])
    if lemma in words.responsibility_nouns and frame.pos_ == "NOUN" and prep != "of":
        return _noun_frame(frame, words, rules)
    if lemma in words.responsibility_noun_verbs and prep != "of":
        # "B took part / played a role in the attack", the phrase hung on the verb
        nouns = [
            c
            for c in frame.children
            if c.dep_ in OBJ and c.lemma_.lower() in words.responsibility_nouns
        ]
        if nouns:
            return Frame(subject_heads(frame, rules), [frame, *nouns])
    return None


def _behind(prep: Token, rules: EventRules) -> Frame | None:
    """ "B was behind the attack", "the group behind the attack"."""
    head = prep.head
    if head.lemma_.lower() in _COPULAS:
        return Frame(subject_heads(head, rules), [head])
    if head.pos_ in ("NOUN", "PROPN") and is_actorish(head):
        return Frame([head], [head])
    return None


def _blamed(verb: Token) -> list[Token]:
    """Who a verb of blaming blames: its object, its passive subject ("B was accused"),
    the antecedent of its relative clause, the noun its participle describes ("the
    group suspected of the attack")."""
    objs = [c for c in verb.children if c.dep_ in OBJ and c.pos_ in ("NOUN", "PROPN", "PRON")]
    if objs:
        return objs
    passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if passive:
        return [_antecedent(verb, s) for s in passive]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]
    return []


def _antecedent(verb: Token, subject: Token) -> Token:
    """A relative pronoun subject stands for the noun its clause describes ("the group
    *which* was blamed")."""
    return verb.head if verb.dep_ == "relcl" and subject.tag_ in ("WDT", "WP") else subject


def _responsible(word: Token, words: FrameWords, rules: EventRules) -> list[Token]:
    """Who a predicate of responsibility is said of: "B was responsible", "B was
    involved", "held B responsible", "the militants involved"."""
    own = [c for c in word.children if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    if own:
        return [_antecedent(word, s) for s in own]
    head = word.head
    if word.dep_ in ("acomp", "attr") and head.lemma_.lower() in _COPULAS:
        return subject_heads(head, rules)
    if (
        word.dep_ in ("oprd", "xcomp", "ccomp", "advcl")
        and head.lemma_.lower() in words.holding_verbs
    ):
        return _blamed(head)
    if word.dep_ in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN"):
        return [head]
    return []


def _noun_frame(noun: Token, words: FrameWords, rules: EventRules) -> Frame | None:
    """Who a noun of responsibility belongs to: its possessor or "of" phrase, the subject
    of the verb that claims or denies it, or the one blamed with it."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, {"of"})
    if owners:
        return Frame(owners, [noun])
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ in OBJ and lemma in words.responsibility_noun_verbs:
        return Frame(subject_heads(verb, rules), [verb, noun])
    if noun.dep_ == "pobj" and verb.lower_ in words.blame_preps:
        blamer = verb.head
        if blamer.lemma_.lower() in words.blame_verbs:
            return Frame(_blamed(blamer), [blamer], blame=blamer)
    return None


def _negated(frame: list[Token], rules: EventRules) -> bool:
    """ "B was not behind the attack", "never held B responsible": no agent."""
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no")
        for t in frame
        for c in t.children
        if c.lower_ in rules.negation_words
    )


def _denied(frame: list[Token], rules: EventRules) -> bool:
    """Whether the frame is what a denial verb denies ("denied any role in", "B's
    involvement ... was denied")."""
    return any(
        t.dep_ in OBJ | PASSIVE_SUBJECT_DEPS and t.head.lemma_.lower() in rules.denial_verbs
        for t in frame[:1]
    )


def _hedge(frame: list[Token], rules: EventRules) -> str | None:
    """The modal or hedging verb over the frame ("may have been", "is believed to be")."""
    for t in frame:
        cur = t
        for _ in range(4):
            for c in cur.children:
                if c.dep_ == "aux" and c.lower_ in rules.hypothetical_aux:
                    return c.text
                if c.dep_ == "advmod" and c.lower_ in rules.hedge_adverbs:
                    return c.text
            if cur.lemma_.lower() in rules.hedge_heads and cur is not t:
                return cur.text
            if cur.dep_ not in _RAISING_DEPS or cur.head.i == cur.i:
                break
            cur = cur.head
    return None


def removal_state(d: Draft) -> None:
    """A removal's ``from`` state acts through its government ("expelled from Britain":
    ``GBRGOV``), and is its source, never its target ("the diplomats expelled from X")."""
    tok = d.trigger
    arg_words = default_argument_words()
    lemma = tok.lemma_.lower()
    if lemma not in arg_words.removal_verbs and lemma not in arg_words.removal_nouns:
        return
    holders = [tok, *prep_objects(tok, {"of"})] if tok.pos_ == "NOUN" else [tok]
    spans = [
        (h.left_edge.idx, h.right_edge.idx + len(h.right_edge))
        for o in holders
        for h in prep_objects(o, {"from"})
    ]
    if not spans:
        return

    def inside(a: Argument) -> bool:
        return any(s <= a.start and a.end <= e for s, e in spans)

    moved = [t for t in d.targets if inside(t) and t.coded]
    if moved and (not d.sources or all(s.inferred for s in d.sources)) and tok.pos_ == "VERB":
        # "the diplomats expelled from Poland": the state removes, the noun is removed
        d.sources = moved
        d.targets = arguments_for([tok.head]) if tok.dep_ == "acl" else []
    d.sources = [_government(s) if inside(s) else s for s in d.sources]


def _government(a: Argument) -> Argument:
    """``a`` as its state's government when it is a bare country ("Britain": ``GBRGOV``)."""
    code = a.actor_code
    if len(code) != 3 or not is_country(code):
        return a
    return replace(a, code=code.upper() + "GOV")
