"""Acts a text predicts, asks about or only names, rather than reports (issue 18).

The events guide codes no predictions, opinions or generic statements, and PLOVER's
THREATEN is an actor's own threat to act. Each rule names the pattern it drops; the word
lists are general vocabulary in ``data/events/predictions.json``:

* **a possible attack is a threat only in its actor's mouth**: a conflictual act under
  "could", "might", "would" is coded as a threat (CAMEO 13x) when its actor's side says
  it ("Gondor would retaliate, its minister said", "we could strike") or the outlet states
  it as CAMEO does ("Turkey would impose sanctions if ..."); said by someone of another
  side ("Iran could attack Israel within weeks, one former official told me"), it is
  that speaker's prediction;
* **an open question is no act**: an infinitive under a question word ("has not decided
  whom to endorse", "is weighing whether to strike"), or an act under a verb of
  deliberation ("would consider supporting the bill", "is debating sending troops");
* **a capability is no act**: an act that completes a noun of capability or entitlement
  ("has the capacity to strike Israel", "no means of pressuring the West", "the right to
  protest");
* **a pending act has not happened**: the "until"/"before" clause of an act that is
  itself only promised, planned or threatened ("vowed to fight until the army
  surrenders", "will not negotiate until its fighters leave");
* **a topic of talks is no act**: an event noun that is what talks are about ("the talks
  would focus on the withdrawal of forces", "negotiations on a ceasefire");
* **an admission is no concession**: a verb of yielding with a "that" clause ("the
  senator conceded that the bill had flaws") admits a proposition;
* **a description is no aid**: a participle of providing that says what someone has
  ("militants armed with rifles"), with no provider named;
* **aid talked about is no delivery**: an aid noun no verb gives and that goes to no one
  named ("Chinese loans have left Kenya with debts");
* **a course of action weighed is not taken**: a gerund that is the subject of a
  possible outcome ("cutting aid would embolden Iran");
* **a generic statement reports no act**: a clause with a habitual adverb whose subject
  is a kind ("protesters often clash with police"; identified forces that "routinely
  beat detainees" are reported), "whenever Russia has threatened its neighbours", and the
  clause "whenever" opens under: "the West has responded"), a
  present-tense relative clause on an indefinite or bare plural head ("a president who
  insults allies"), a present-tense verb between bare plurals ("terrorists attack soft
  targets"); "always" is no such adverb ("X always supports Y" states a policy).

:func:`force_threat` names the threats of force the relevance pass tests for physical
force like an ASSAULT: a promise or a future act of fighting with no weapon, armed side or
state in it ("the lobby will fight any change", "vowed to fight for the middle class") is
a metaphor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from dotterel.components._syntax import SUBJECT_DEPS
from dotterel.components.events._arguments import speaker_heads
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._irrealis import in_direct_quote
from dotterel.components.events._participants import arguments_for
from dotterel.components.events._rules import default_rules

PREDICTIONS_PATH = Path(__file__).parent.parent / "data" / "events" / "predictions.json"

#: CAMEO roots of threats (PLOVER THREATEN); "138": threats of military force.
_THREAT_ROOT = "13"
_FORCE_THREAT = "138"
#: Pronouns of the speaker: "we could strike" is the speaker's own threat.
_FIRST_PERSON = frozenset({"i", "we"})


@dataclass(frozen=True)
class PredictionRules:
    """The word lists of ``predictions.json``."""

    wh_words: frozenset[str]
    pending_marks: frozenset[str]
    commitment_verbs: frozenset[str]
    future_aux: frozenset[str]
    discussion_words: frozenset[str]
    topic_preps: frozenset[str]
    admission_roots: tuple[str, ...]
    admission_verbs: frozenset[str]
    description_roots: tuple[str, ...]
    possibility_aux: frozenset[str]
    mention_roots: tuple[str, ...]
    deliberation_verbs: frozenset[str]
    capability_nouns: frozenset[str]
    exercise_verbs: frozenset[str]
    habitual_adverbs: frozenset[str] = frozenset()
    generic_determiners: frozenset[str] = frozenset()
    generic_marks: frozenset[str] = frozenset()
    proposal_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path = PREDICTIONS_PATH) -> PredictionRules:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))

        def words(key: str) -> frozenset[str]:
            return frozenset(str(x).lower() for x in raw.get(key, []))

        return cls(
            wh_words=words("wh_words"),
            pending_marks=words("pending_marks"),
            commitment_verbs=words("commitment_verbs"),
            future_aux=words("future_aux"),
            discussion_words=words("discussion_words"),
            topic_preps=words("topic_preps"),
            admission_roots=tuple(str(x) for x in raw.get("admission_roots", [])),
            admission_verbs=words("admission_verbs"),
            description_roots=tuple(str(x) for x in raw.get("description_roots", [])),
            possibility_aux=words("possibility_aux"),
            mention_roots=tuple(str(x) for x in raw.get("mention_roots", [])),
            deliberation_verbs=words("deliberation_verbs"),
            capability_nouns=words("capability_nouns"),
            exercise_verbs=words("exercise_verbs"),
            habitual_adverbs=words("habitual_adverbs"),
            generic_determiners=words("generic_determiners"),
            generic_marks=words("generic_marks"),
            proposal_verbs=words("proposal_verbs"),
        )


@lru_cache(maxsize=1)
def default_predictions() -> PredictionRules:
    """The shipped lists, read once per process."""
    return PredictionRules.load()


def unasserted(d: Draft, rules: PredictionRules | None = None) -> str | None:
    """Why the draft is predicted, asked about or only named (``prediction``,
    ``open_question``, ``pending``, ``capability``, ``topic``, ``admission``,
    ``description``, ``mention``), or None."""
    r = rules or default_predictions()
    tok = d.trigger
    if _unvoiced_threat(d):
        return "prediction"
    if _open_question(tok, r) or _weighed(tok, r):
        return "open_question"
    if _pending(tok, r):
        return "pending"
    if _capability(tok, r):
        return "capability"
    if _topic(tok, r):
        return "topic"
    if _admission(d, r):
        return "admission"
    if _equipped(d, r):
        return "description"
    if _mentioned_aid(d, r):
        return "mention"
    if _hypothetical_subject(tok, r):
        return "prediction"
    if _generic(tok, r):
        return "generic"
    return None


def force_threat(d: Draft) -> bool:
    """A threat of force (CAMEO 138x) that no verb of threatening states: a promise to
    fight ("vowed to fight") or a future or possible attack ("will fight", "could
    attack"), which needs physical force as an ASSAULT does."""
    own = d.row.code if d.row is not None else None
    return d.code.startswith(_FORCE_THREAT) and not (own or "").startswith(_THREAT_ROOT)


def _unvoiced_threat(d: Draft) -> bool:
    """A possible conflictual act recoded as a threat that a speaker of another side
    voices (the verb of saying over it has a subject of another side)."""
    if not (d.composed and d.modality == "hypothetical" and d.code.startswith(_THREAT_ROOT)):
        return False
    tok = d.trigger
    if any(_first_person(tok, a) for a in d.sources) and in_direct_quote(tok):
        return False  # "'We could strike them tomorrow,' he said"
    heads = speaker_heads(tok, default_rules())
    if not heads:
        # "Turkey would impose sanctions if ...": CAMEO's conditional threat; but an act
        # named by a noun under another verb's modal ("the expulsion of a few people
        # might seem symbolic") is talked about, not threatened
        return tok.pos_ == "NOUN"
    if any(h.pos_ == "PRON" for h in heads) or any(_pronoun(tok, a) for a in d.sources):
        return False  # "he said they could strike": the side a pronoun names is unknown
    speakers = arguments_for(heads)
    return not any(_same_side(s, a) for s in speakers for a in d.sources)


def _first_person(tok: Token, arg: Argument) -> bool:
    span = tok.doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.lower_ in _FIRST_PERSON


def _pronoun(tok: Token, arg: Argument) -> bool:
    span = tok.doc.char_span(arg.start, arg.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ == "PRON"


def _same_side(speaker: Argument, actor: Argument) -> bool:
    """One actor, or two of one country ("Russia would retaliate, Lavrov said")."""
    if speaker.actor is not None and actor.actor is not None and speaker.actor.id == actor.actor.id:
        return True
    a, b = speaker.actor_code[:3], actor.actor_code[:3]
    return bool(a) and a == b


def _open_question(tok: Token, r: PredictionRules) -> bool:
    """An infinitive under a question word ("whom to endorse", "whether to strike")."""
    if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    return any(c.i < tok.i and c.lower_ in r.wh_words for c in tok.children)


#: Complement chains climbed from an act to a verb of deliberation or proposing.
_WEIGHED_DEPTH = 3


def _weighed(tok: Token, r: PredictionRules) -> bool:
    """An act under a verb of deliberation or proposing ("would consider supporting the
    bill", "is debating sending troops", "proposes allowing Peru to withdraw"): an option
    weighed or put forward, not an act done nor promised; the chain of complements is
    climbed a few verbs up, so the act allowed under the proposal is an option too. A
    verb of proposing puts forward only a gerund, an infinitive or a subjunctive ("that
    the UN send troops"); with a finite clause it states a claim ("suggested that Russia
    had poisoned him")."""
    if tok.pos_ != "VERB":
        return False
    for _ in range(_WEIGHED_DEPTH):
        if tok.dep_ not in ("xcomp", "pcomp", "dobj", "ccomp") or tok.head.pos_ != "VERB":
            return False
        head = tok.head.lemma_.lower()
        if head in r.deliberation_verbs:
            return True
        if head in r.proposal_verbs and tok.tag_ in ("VB", "VBG"):
            return True  # "suggested that Russia *had poisoned* him" is a claim, no proposal
        tok = tok.head
    return False


def _capability(tok: Token, r: PredictionRules) -> bool:
    """An act that completes a noun of capability or entitlement ("the capacity to strike
    Israel", "no means of pressuring the West", "the right to protest"): what an actor
    can do, not what it did."""
    if tok.pos_ != "VERB":
        return False
    noun = tok.head
    if tok.dep_ == "pcomp" and noun.dep_ == "prep" and noun.lower_ == "of":
        noun = noun.head  # "the means of pressuring"
    elif tok.dep_ != "acl":
        return False
    if noun.pos_ != "NOUN" or not {noun.lemma_.lower(), noun.lower_} & r.capability_nouns:
        return False
    # "used its power to block X", "took the opportunity to thank Y": the act was done
    return not (noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in r.exercise_verbs)


def _pending(tok: Token, r: PredictionRules) -> bool:
    """The "until"/"before" clause of an act only promised, planned or threatened."""
    if tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in r.pending_marks for c in tok.children
    ):
        head = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in r.pending_marks:
        head = tok.head.head  # "until its withdrawal", and the parser's "until the army surrenders"
    else:
        return False
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in r.future_aux for c in head.children):
            return True
        if head.lemma_.lower() in r.commitment_verbs:
            return True
        if head.dep_ not in ("xcomp", "conj") or head.head.i == head.i:
            return False
        head = head.head
    return False


def _topic(tok: Token, r: PredictionRules) -> bool:
    """An event noun that is what talks are about ("focus on the withdrawal")."""
    if tok.pos_ != "NOUN":
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "on a ceasefire and the withdrawal"
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in r.topic_preps:
        return False
    governor = prep.head
    return governor.lemma_.lower() in r.discussion_words or governor.lower_ in r.discussion_words


def _admission(d: Draft, r: PredictionRules) -> bool:
    """A verb of yielding with a "that" clause: an admission, not a concession."""
    tok = d.trigger
    return (
        tok.pos_ == "VERB"
        and d.code.startswith(r.admission_roots)
        and tok.lemma_.lower() in r.admission_verbs
        and any(c.dep_ == "ccomp" and _proposition(c) for c in tok.children)
    )


def _equipped(d: Draft, r: PredictionRules) -> bool:
    """A participle of providing that describes what someone has ("militants *armed with*
    rifles", "troops equipped with drones"): no provider is named, no aid reported."""
    tok = d.trigger
    return (
        d.code.startswith(r.description_roots)
        and tok.tag_ == "VBN"
        and tok.dep_ in ("acl", "amod")
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children)
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _mentioned_aid(d: Draft, r: PredictionRules) -> bool:
    """An aid noun that no verb gives and that goes to no one named ("Chinese loans have
    left Kenya with debts", "cut a portion of its assistance"): the aid is a thing
    talked about, not a delivery reported; "gave aid", "aid to Sudan" stay."""
    return (
        d.trigger.pos_ == "NOUN"
        and d.code.startswith(r.mention_roots)
        and d.anchor is None
        and not d.targets
        and not d.others
    )


def _hypothetical_subject(tok: Token, r: PredictionRules) -> bool:
    """An act named as the subject of a possible outcome ("*cutting* aid would embolden
    Iran", "arming the rebels could prolong the war"): a course of action weighed, not done."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "csubj"
        and any(c.dep_ == "aux" and c.lower_ in r.possibility_aux for c in tok.head.children)
    )


def _generic(tok: Token, r: PredictionRules) -> bool:
    """A generic or habitual statement, not a report of one act: a clause with a habitual
    adverb and a kind as its subject ("protesters often clash with police"; "Israeli
    soldiers routinely beat detainees" reports what identified forces do), or under
    "whenever" ("whenever Russia has threatened ...");
    a present-tense relative clause on an indefinite or bare plural head ("a president
    who insults allies", "countries that violate rights"); a present-tense verb whose
    subject and object are bare plurals ("terrorists attack soft targets")."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # an event noun's clause: "often faces *criticism*"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "advmod" and c.lower_ in r.habitual_adverbs for c in verb.children) and (
        subjects and all(_bare_plural(n) for n in subjects)
    ):
        return True  # "protesters often clash"; "Israeli soldiers routinely beat ..." reports
    if any(c.lower_ in r.generic_marks for c in verb.children) or any(
        c.dep_ == "advcl" and any(g.lower_ in r.generic_marks for g in c.children)
        for c in verb.children
    ):
        return True  # "whenever X has threatened", and the clause it hangs on
    if tok.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in tok.children):
        return False
    if tok.dep_ == "relcl":
        # the head is who acts ("a president *who* insults allies"); "a charge that
        # Arnor denies" names a specific charge by its own subject
        if not any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in tok.children):
            return False
        return _bare_plural(tok.head) or any(
            c.dep_ == "det" and c.lower_ in r.generic_determiners for c in tok.head.children
        )
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    return bool(subjects) and all(_bare_plural(n) for n in subjects + objects)


def _bare_plural(noun: Token) -> bool:
    """A plural common noun with no determiner, possessor, number, name or nationality
    ("terrorists", "soft targets"): a kind, not a group the text identifies."""
    return noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod", "compound", "appos", "relcl", "acl")
        or c.ent_type_
        or c.pos_ == "PROPN"
        for c in noun.children
    )


def _proposition(clause: Token) -> bool:
    """A finite complement with a subject of its own states a proposition ("that the bill
    had flaws"); an infinitive ("allowed them to leave") is an act."""
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in clause.children) and (
        not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


__all__ = ["PredictionRules", "default_predictions", "force_threat", "unasserted"]
