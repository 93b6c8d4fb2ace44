"""Disapproval from evaluative language: a source's negative evaluation of an actor is ACCUSE.

PLOVER ACCUSE / CAMEO 111 (criticize or denounce) is mostly said without a verb of
accusing: a source voices a negative evaluation of a political actor or of its act, in a
quotation or in reported speech ("'This is extremely irresponsible,' the spokesman
said"; "X said the governor is not fit to govern"; "'I am ashamed that C would endorse
him'"). This module finds such evaluations and adds one ACCUSE draft (code ``111``,
method ``evaluation``) per (source, target) per sentence.

**Where an evaluation is.** A word with a negative valence after negation and
intensifiers (VADER's lexicon and its rules in a short form; ``data/events/
disapproval.json``) counts only in an evaluative position, which names what it is about
(its *holder*):

* a predicate adjective or noun ("the plan *is dangerous*", "he is *a liar*"): the
  subject; with an expletive subject ("it is *shameful* for X to say ..."), the subject
  of the clause evaluated;
* an emotion of a speaker or an actor with a complement ("I am *ashamed* that X ...",
  "X is *angry* at Y"): what the complement names; the experiencer is the source;
* a predicate of a naming verb ("X *called* the law *punitive*"): its object, the
  namer being the source;
* an adjective on a noun ("the *corrupt* government", "X's *reckless* plan"): that noun;
* a noun owned by an actor ("X's *lies*", "abuses *by* X"): the owner (not an "of"
  object, which after an act noun is its patient: "the poisoning of X").

Verbs are left out: VADER's negative verbs mostly name acts (resign, expel, ban) that the
trigger lexicon codes or that judge nobody, and verbs of accusing are lexicon rows.

**Who.** The source is the experiencer or namer when it is an actor, else the innermost
attribution (``Doc._.attributions``, not a hedge) whose content holds the word; its
source must be an actor. The target is the actor of the holder's phrase (a name, an
actor-resolved pronoun, the owner of an act: "Trump's proposal" -> Trump); a pronoun or
demonstrative holder with no actor ("This is irresponsible") leaves the target empty.

**Guards** (each named, as :data:`GUARDS`; each logs its name at DEBUG when it stops
an evaluation):

* ``coded`` -- the word is already an event trigger;
* ``act`` -- a noun naming an act or contest ("its *fight* against X", "the *ban*"), or
  the participle of an act verb the trigger lexicon codes, describing its patient ("the
  *jailed* journalist", "*detained* activists");
* ``formula`` -- sourcing boilerplate (the relevance component's formulas);
* ``suffering`` -- words of harm or distress undergone ("dead", "victims", "tragic"),
  a feeling or stance with nobody named ("she was *anxious*", "he will be *critical*"),
  and holders that are neither an actor, an actor's act nor an anaphor ("the horrific
  scene");
* ``supposition`` -- a clause that supposes rather than claims ("even *if* it is wrong");
* ``topic`` -- a noun that says what another act is about ("in protest against the
  *abuses* of X");
* ``own_side`` -- a source evaluating itself, or an organisation its own code (persons
  of one party share a code and still criticise each other);
* ``material`` -- a material event (quad class 2 or 4) of the sentence has the target as
  a side and the word describes it, not judges it (a reported attack is not an
  accusation of the reporter; "it is shameful for X to close the border" is);
* ``repeat`` -- one ACCUSE per (source, target) per sentence, counting the lexicon's.

The valences of the words about one (source, target) in one sentence are summed; the
event needs at most ``-threshold`` (``disapproval.json``, tuned on the tune part).

Cost: the token array is filtered by POS and string hash (one set probe per token); the
parse is walked only around the few negative adjectives and nouns (~0.5% of the pipeline).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy import symbols
from spacy.attrs import LEMMA, LOWER, POS
from spacy.tokens import Doc, Token

from dotterel.cameo import CameoTable
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._participants import actors_at, phrase_arguments
from dotterel.components.events._relevance import RelevanceRules, formula_of
from dotterel.components.events._syntax import CUT_TEXT, char_text, own_span
from dotterel.components.events._valence import PREDICATE_DEPS, DisapprovalRules, word_valence
from dotterel.extensions import actor_by_id, records
from dotterel.model import Actor, Attribution

LOGGER = logging.getLogger(__name__)

#: CAMEO "criticize or denounce" (PLOVER ACCUSE)
CRITICIZE = "111"
METHOD = "evaluation"
#: the named guards, in the order they are tested
GUARDS = (
    "coded",
    "act",
    "formula",
    "suffering",
    "supposition",
    "topic",
    "own_side",
    "material",
    "repeat",
)

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "csubj"})
_MATERIAL_QUADS = frozenset({2, 4})
#: the parts of speech that take an evaluative position (see the module docstring)
#: not verbs: VADER's negative verbs mostly name acts (resign, expel, ban, fight) that the
#: trigger lexicon codes or that judge nobody; verbs of accusing are lexicon rows
_EVALUATIVE_POS = frozenset({"ADJ", "NOUN"})
_POS_IDS = frozenset({symbols.ADJ, symbols.NOUN})
#: what a judged subject may be: a phrase, not a clause
_HOLDER_POS = frozenset({"NOUN", "PROPN", "PRON", "DET"})


@dataclass
class _Evaluation:
    """One negative word with its source and target arguments."""

    word: Token
    valence: float
    source: Argument
    target: Argument | None


def evaluation_drafts(
    doc: Doc,
    drafts: Mapping[int, Draft],
    live: Iterable[Draft],
    rules: DisapprovalRules,
    relevance: RelevanceRules,
    cameo: CameoTable,
    act_verbs: frozenset[str] = frozenset(),
) -> list[Draft]:
    """ACCUSE drafts for the negative evaluations of ``doc`` (see the module docstring).

    Args:
        doc: the parsed document with actors and attributions.
        drafts: every draft of the document by trigger index (a trigger is no evaluation).
        live: the drafts that become events (for the ``material`` and ``repeat`` guards).
        rules: the valence lexicon and word lists.
        relevance: the sourcing formulas (the ``formula`` guard).
        cameo: the CAMEO table (quad classes, PLOVER types of the live drafts).
        act_verbs: the verb lemmas the trigger lexicon codes (the ``act`` guard's
            participles: "jailed", "banned").
    """
    contents = _contents(doc)
    found: list[_Evaluation] = []
    # filter on the token array: a Token object is made only for a valence word
    for i, (pos_id, lower_id, lemma_id) in enumerate(doc.to_array([POS, LOWER, LEMMA]).tolist()):
        if pos_id not in _POS_IDS or (lower_id not in rules.ids and lemma_id not in rules.ids):
            continue
        tok = doc[i]
        lower = tok.lower_
        base = rules.valence.get(lower)
        if base is None and tok.pos_ != "PROPN":
            base = rules.valence.get(tok.lemma_.lower())
        pos = tok.pos_
        if base is None or pos not in _EVALUATIVE_POS:
            continue
        if tok.i in drafts:
            _dropped(tok, "coded")  # a trigger already says what the word means
            continue
        value = word_valence(tok, base, rules)
        if value >= 0 or _hyphenated(tok):
            continue  # part of a compound ("anti-graft activists"): the parts judge nothing
        lemma = tok.lemma_.lower()
        if lower in rules.suffering or lemma in rules.suffering:
            _dropped(tok, "suffering")  # harm undergone, not blame
            continue
        if pos == "NOUN" and (lower in rules.acts or lemma in rules.acts):
            _dropped(tok, "act")  # "its fight against X": an act, told not judged
            continue
        if act_verbs and _act_participle(lower, act_verbs):
            _dropped(tok, "act")  # "the jailed journalist": what was done to them
            continue
        if _supposed(tok, rules):
            _dropped(tok, "supposition")  # "even if it is inconvenient": not claimed
            continue
        ev = _evaluation(tok, value, rules, contents)
        if ev is not None and formula_of(tok, relevance) is not None:
            _dropped(tok, "formula")
        elif ev is not None:
            found.append(ev)
    return _drafts(found, list(live), rules, cameo)


def _act_participle(word: str, act_verbs: frozenset[str]) -> bool:
    """Whether ``word`` is the "-ed" participle of a verb in ``act_verbs`` ("jailed",
    "detained", "banned", "exiled"); the tagger often calls it an adjective."""
    if not word.endswith("ed") or len(word) < 5:
        return False
    return any(base in act_verbs for base in (word[:-2], word[:-1], word[:-3]))


def _hyphenated(tok: Token) -> bool:
    """Whether ``tok`` is joined to a neighbour by a hyphen ("anti-corruption")."""
    doc = tok.doc
    after = tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-"
    before = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    return after or before


def _supposed(tok: Token, rules: DisapprovalRules) -> bool:
    """Whether the clause of ``tok`` is a supposition ("if it is wrong", "unless ..."):
    the first verb above the word has a supposing mark."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "mark" and c.lower_ in rules.suppositions for c in verb.children)


def _dropped(tok: Token, guard: str) -> None:
    """Log that guard ``guard`` stopped the evaluation at ``tok`` (for tests and tuning)."""
    LOGGER.debug("disapproval at %r (%d): guard %s", tok.text, tok.i, guard)


def _contents(doc: Doc) -> list[tuple[int, int, Attribution, Actor]]:
    """Attributed contents with an actor as source, smallest first (innermost wins)."""
    out = []
    for a in records(doc, "attributions"):
        if a.kind == "hedge" or a.source is None:
            continue
        actor = actor_by_id(doc, a.source_actor_id)
        if actor is not None:
            out.append((a.content.start, a.content.end, a, actor))
    return sorted(out, key=lambda c: c[1] - c[0])


def _evaluation(
    tok: Token,
    value: float,
    rules: DisapprovalRules,
    contents: list[tuple[int, int, Attribution, Actor]],
) -> _Evaluation | None:
    """The source and target of the negative word ``tok``, or ``None`` when it is in no
    evaluative position or has no actor as source."""
    place = _holder(tok, rules)
    if place is None:
        return None
    holder, evaluator = place
    if holder.lower_ in rules.suffering or holder.lemma_.lower() in rules.suffering:
        _dropped(tok, "suffering")  # "the fatal terrorist attack", "a tragic scene"
        return None
    source: Argument | None = None
    if evaluator is not None and evaluator.lower_ not in rules.first_person:
        source = next((a for a in phrase_arguments(evaluator, whole=False) if a.actor), None)
    if source is None:
        owner = next((c for c in contents if c[0] <= tok.idx < c[1]), None)
        if owner is None:
            return None
        _s, _e, att, actor = owner
        assert att.source is not None
        source = Argument(att.source.start, att.source.end, att.source.text, actor, actor.code)
    target = _holder_actor(holder, attributive=_first_conjunct(tok).dep_ == "amod")
    if target is None and not _anaphoric(holder, rules):
        _dropped(tok, "suffering")  # about no actor, act of an actor, or anaphor
        return None
    return _Evaluation(tok, value, source, target)


def _holder(tok: Token, rules: DisapprovalRules) -> tuple[Token, Token | None] | None:
    """What ``tok`` evaluates and who evaluates it, when not the attribution's source:
    ``(holder, evaluator)``; ``None`` when ``tok`` is in no evaluative position."""
    word = _first_conjunct(tok)
    head = word.head
    if word.pos_ in ("ADJ", "NOUN") and word.dep_ in PREDICATE_DEPS and head.i != word.i:
        if head.lemma_.lower() in rules.call_verbs:
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            subj = _subject(head)
            return (obj, subj) if obj is not None else None
        subj = _subject(head)
        if subj is None:
            return None
        clause = next((c for c in (*word.children, *head.children) if c.dep_ in _CLAUSES), None)
        if subj.dep_ == "expl" or (subj.lower_ == "it" and clause is not None):
            inner = _subject(clause) if clause is not None else None
            return (inner, None) if inner is not None else None
        complement = _complement(word, rules)
        if complement is not None and word.pos_ == "ADJ":
            return complement, subj  # "I am ashamed that X ...": X, by the speaker
        if _experiencer(word, rules):
            # "she was anxious", "he will be critical": a state or stance of the
            # subject, about nobody named
            _dropped(tok, "suffering")
            return None
        if subj.pos_ not in _HOLDER_POS:
            return None  # a clause as subject: what is judged is not a phrase
        return subj, None
    if word.pos_ == "ADJ" and word.dep_ == "amod":
        return head, None
    if word.pos_ == "NOUN":
        if word.dep_ == "pobj" and word.head.head.pos_ == "NOUN" and word.head.lower_ != "of":
            # "in protest against violations by X": what the protest is about
            _dropped(tok, "topic")
            return None
        # the owner, not a compound ("Dane guns") nor an "of" object, which after an act
        # noun is its patient ("the poisoning of X"): "X's lies", "abuses by X"
        owner = next((c for c in word.children if c.dep_ == "poss"), None)
        by = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if owner is None and by is not None:
            owner = next((g for g in by.children if g.dep_ == "pobj"), None)
        return (owner, None) if owner is not None else None
    return None


def _first_conjunct(tok: Token) -> Token:
    """The first of coordinated words of one kind ("shameful and *disgraceful*"), whose
    position the others share."""
    word = tok
    while word.dep_ == "conj" and word.head.pos_ == word.pos_ and word.head.i != word.i:
        word = word.head
    return word


def _holder_actor(holder: Token, attributive: bool) -> Argument | None:
    """The actor of the holder's phrase; for the object of "of", the actor of the noun
    it belongs to ("X's record *of* dangerous rhetoric": X)."""
    target = _own_actor(holder) if attributive else None
    if target is None and not attributive:
        target = next((a for a in phrase_arguments(holder, whole=False) if a.actor), None)
    if target is None and holder.dep_ == "pobj" and holder.head.lower_ == "of":
        owner = holder.head.head
        if owner.pos_ in ("NOUN", "PROPN") and owner.i != holder.i:
            target = _own_actor(owner)
    return target


def _own_actor(noun: Token) -> Argument | None:
    """The actor a common noun's phrase names without its prepositions: the noun itself
    ("the corrupt *government*"), its owner or nationality ("*Arnor's* plan", "the
    *Russian* law"), but not what it acts on ("the law against *X*")."""
    start, end = own_span(noun, cut=CUT_TEXT)
    actors = actors_at(noun.doc, start, end)
    if not actors:
        return None
    return Argument(start, end, char_text(noun.doc, start, end), actors[0], actors[0].code)


def _anaphoric(holder: Token, rules: DisapprovalRules) -> bool:
    """A pronoun or a demonstrative phrase ("this", "this law"): it refers back to
    something the sentence does not name, possibly an actor's act."""
    if holder.lower_ in rules.anaphors:
        return True
    return any(c.dep_ == "det" and c.lower_ in rules.demonstratives for c in holder.children)


def _experiencer(word: Token, rules: DisapprovalRules) -> bool:
    """Whether a predicate adjective says how its subject feels or stands rather than
    what it is: a listed word ("critical", "anxious") or a participle ("frustrated")."""
    lower = word.lower_
    return lower in rules.experiencers or (word.tag_ == "VBN" or lower.endswith("ed"))


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _complement(word: Token, rules: DisapprovalRules) -> Token | None:
    """What an emotion word is about: its clause's subject or its preposition's object."""
    for c in word.children:
        if c.dep_ == "ccomp":
            return _subject(c)
        if c.dep_ == "prep" and c.lower_ in rules.experiencer_preps:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _drafts(
    found: list[_Evaluation], live: list[Draft], rules: DisapprovalRules, cameo: CameoTable
) -> list[Draft]:
    """One ACCUSE draft per (sentence, source, target) whose summed valence passes."""
    groups: dict[tuple[int, str, str], list[_Evaluation]] = {}
    for ev in found:
        if _own_side(ev):
            _dropped(ev.word, "own_side")
            continue
        if ev.target is not None and _material(ev.word, ev.target.key, live, cameo):
            _dropped(ev.word, "material")
            continue
        key = (ev.word.sent.start, ev.source.key, ev.target.key if ev.target else "")
        groups.setdefault(key, []).append(ev)
    out: list[Draft] = []
    for (sent, source_key, target_key), evs in groups.items():
        if sum(e.valence for e in evs) > -rules.threshold:
            continue
        first = evs[0]
        if _accused(sent, source_key, target_key, live, cameo):
            _dropped(first.word, "repeat")  # the lexicon already codes this accusation
            continue
        out.append(
            Draft(
                trigger=first.word,
                code=CRITICIZE,
                method=METHOD,
                sources=[first.source],
                targets=[first.target] if first.target is not None else [],
            )
        )
    return out


def _own_side(ev: _Evaluation) -> bool:
    """A source evaluating itself, or an organisation its own code (persons of one
    party share a code and still criticise each other)."""
    src, tgt = ev.source.actor, ev.target.actor if ev.target else None
    if src is None or tgt is None:
        return False
    if src.id == tgt.id:
        return True
    return bool(src.code) and src.code == tgt.code and "person" not in (src.kind, tgt.kind)


def _keys(args: Iterable[Argument]) -> set[str]:
    return {a.key for a in args}


def _material(word: Token, target_key: str, live: list[Draft], cameo: CameoTable) -> bool:
    """Whether a material event of the word's sentence has the target as a side and the
    word describes it ("said Arnor *brutally* attacked Gondor"), rather than judging it
    ("it is *shameful* for Rohan to close the border": the act is under the word)."""
    for d in live:
        trig = d.trigger
        if trig.sent.start != word.sent.start or d.method == METHOD or _judges(word, trig):
            continue
        row = cameo.get(d.code) if d.code[:2].isdigit() else None
        material = row is not None and row.quad_class in _MATERIAL_QUADS
        if material and target_key in _keys(d.sources) | _keys(d.targets):
            return True
    return False


def _judges(word: Token, trig: Token) -> bool:
    """Whether the act ``trig`` is what ``word`` judges: under the word, or under the
    verb the predicate word hangs from ("it *is shameful* for X to close ...")."""
    if word.is_ancestor(trig):
        return True
    return word.dep_ in PREDICATE_DEPS and word.head.is_ancestor(trig)


def _accused(
    sent: int, source_key: str, target_key: str, live: list[Draft], cameo: CameoTable
) -> bool:
    """Whether the sentence already has an ACCUSE by the source (at this target or none)."""
    for d in live:
        if d.trigger.sent.start != sent:
            continue
        row = cameo.get(d.code) if d.code[:2].isdigit() else None
        if row is None or row.plover_type != "ACCUSE" or source_key not in _keys(d.sources):
            continue
        targets = {a.key for a in d.targets if a.actor is not None}
        if not targets or not target_key or target_key in targets:
            return True
    return False
