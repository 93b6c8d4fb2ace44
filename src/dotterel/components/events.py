"""Find events with their source and target actors, typed in PLOVER and CAMEO (issue: Events).

How an event is found, in four passes over the dependency parse of each document:

1. **Triggers.** Every verb or noun whose lemma is in the trigger lexicon
   (``data/events/triggers.tsv``) or, for verbs, in a PETRARCH verb dictionary loaded with
   :meth:`EventsComponent.load_verbs` (consulted first) gets a CAMEO code. Lexicon rows may
   require a dependent ("restore" codes only with the object "ties"); the most specific
   matching row wins. Lookups are dict hits by lemma, so the cost is one probe per token.
2. **Arguments.** Source = subject (the ``by`` agent when passive), target = indirect
   object, object, or the object of a target preposition ("support *to*", "talks *with*",
   "attack *on*"). Subject-less verbs borrow the subject up their ``xcomp``/``conj``/
   ``advcl`` chain ("is about to restore"), or the object of an object-control verb
   ("accused *Pakistan* of assisting"). Event nouns take their actors from possessives,
   compounds and nationality adjectives ("the Taliban assault") or from the light verb that
   governs them ("*Gondor* launched an offensive"). Coordinated actors give one event per
   source/target pair, also when the parser made a list an apposition ("Mordor, the
   Shire, Fornost and Bree"). A compound dictionary code (``[FRO/BIL/SAM]``: several
   actors over the same words) gives one event per code, as PETRARCH does. A target is
   never the source again when the phrase names another actor ("rescheduled *his* trip
   in X": X); a target that is the coordinated subject itself ("X and Y postponed
   *their* meeting") makes the event reciprocal. A PETRARCH pattern's target marker
   (``- * ^ ABOUT + [162]``) overrides the parse's target. Actors come from
   ``dotterel_actors`` (mentions, the same as
   :func:`~dotterel.extensions.actor_at` reads); with no actor the words are kept as text.
3. **Modality.** ``negated`` from ``not``/``never``/``no`` and "failed to";
   ``modality`` from auxiliaries, controlling verbs and adverbs (``will``, ``plans to``
   -> intended; ``could``, ``if`` -> hypothetical; ``reportedly``, ``appear to``,
   ``is believed to`` -> hedged).
4. **Composition.** Appeals (02), intents (03), demands (10), rejections (12) and threats
   (13) that embed another event take the CAMEO sub-code of what is appealed for, promised
   or threatened ("refused to negotiate" -> 125), and the embedded event is absorbed (its
   target, if different, becomes ``other_actor_id``). A future or conditional cooperative
   act is an intent (03x), a conflictual one a threat (13x), as CAMEO codes "will
   support" and "would blockade"; "X said Y must ..." is a demand by X of Y (10x).
   Denials ("denies lending support") keep both: a REJECT by the denier and the denied
   event with modality ``denied``.

Reporting verbs (said, told, reported) are not events: a statement is not an event in
PLOVER. Provenance (``status``, ``chain``, ``attribution_id``, ``contests``) and place/time
are left to the components that run after this one.

``Event.method`` says which table coded the event: ``lexicon`` or ``dictionary``. Once
PETRARCH verb dictionaries are loaded, event nouns are off unless ``nouns = true`` (PETRARCH
codes verb phrases); with ``use_lexicon = false`` only the dictionaries code events.

Fallback classifier: triggers unknown to the lexicon are not typed. ``fallback`` in the
config names a hook (``None`` by default) for an offline classifier, e.g. MiniLM sentence
embeddings; none ships because the one packaged model needs torch (large).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from spacy import symbols
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dotterel.cameo import CameoTable, load_table
from dotterel.dictionaries.verbs import VerbDictionary, VerbMatch, load_verb_dictionaries
from dotterel.extensions import (
    actor_at,
    actor_by_id,
    article_of,
    mentions_overlapping,
    records,
    register_extensions,
)
from dotterel.model import Actor, Event, TextSpan

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data" / "events"
LEXICON_PATH = DATA_DIR / "triggers.tsv"
RULES_PATH = DATA_DIR / "rules.json"

#: Dependency labels of subjects, objects and clausal complements (spaCy English scheme).
SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj", "attr", "oprd"})
DATIVE = frozenset({"dative", "iobj"})
EMBED = frozenset({"xcomp", "ccomp", "pcomp"})
#: Noun modifiers that can name the actor of an event noun ("the Taliban assault").
NOUN_ACTOR_MODS = frozenset({"poss", "compound", "amod", "nmod"})
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
_TRIGGER_POS = frozenset({symbols.VERB, symbols.AUX, symbols.NOUN, symbols.PROPN})
CONFLICT_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One lexicon row: a code, the conditions it needs and where its actors are."""

    code: str | None
    conditions: tuple[tuple[str, frozenset[str]], ...] = ()
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()


class TriggerLexicon:
    """Trigger rows by ``(lemma, pos)``, most specific first."""

    def __init__(self, rows: dict[tuple[str, str], list[TriggerRow]]) -> None:
        self.rows = {k: sorted(v, key=lambda r: -len(r.conditions)) for k, v in rows.items()}

    @classmethod
    def load(cls, path: str | Path = LEXICON_PATH) -> TriggerLexicon:
        """Read the TSV lexicon (format in its header)."""
        rows: dict[tuple[str, str], list[TriggerRow]] = {}
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                LOGGER.warning("%s:%d: need lemma, pos and code", path, lineno)
                continue
            lemma, pos, code = cols[0].strip().lower(), cols[1].strip().upper(), cols[2].strip()
            conds = _parse_keyvals(cols[3] if len(cols) > 3 else "")
            roles = _parse_keyvals(cols[4] if len(cols) > 4 else "")
            rows.setdefault((lemma, pos), []).append(
                TriggerRow(
                    code=None if code == "-" else code,
                    conditions=tuple((k, frozenset(v)) for k, v in conds),
                    roles=tuple((k, tuple(v)) for k, v in roles),
                )
            )
        return cls(rows)

    def match(self, token: Token, pos: str) -> TriggerRow | None:
        """The most specific row for ``token`` whose conditions hold, if any."""
        candidates = self.rows.get((token.lemma_.lower(), pos))
        if not candidates:
            return None
        feats: dict[str, set[str]] | None = None
        for row in candidates:
            if not row.conditions:
                return row
            if feats is None:
                feats = _features(token)
            if all(feats.get(k, set()) & vals for k, vals in row.conditions):
                return row
        return None


def _parse_keyvals(text: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for item in text.split():
        key, _, vals = item.partition("=")
        out.append((key.lower(), [v.lower() for v in vals.split("|") if v]))
    return out


def _features(token: Token) -> dict[str, set[str]]:
    """What lexicon conditions test: the lemmas of the trigger's object, preps, mods..."""
    objs = [c for c in token.children if c.dep_ in OBJ or c.dep_ in PASS_SUBJ]
    feats: dict[str, set[str]] = {"obj": set(), "prep": set(), "prt": set(), "mod": set()}
    for o in objs:
        for x in _conj_heads(o):
            feats["obj"].add(x.lemma_.lower())
            feats["obj"].add(x.lower_)
            feats["mod"].update(c.lemma_.lower() for c in x.children if c.dep_ in NOUN_ACTOR_MODS)
            feats["prep"].update(c.lemma_.lower() for c in x.children if c.dep_ == "prep")
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative"):
            feats["prep"].add(c.lemma_.lower())
        elif c.dep_ == "prt":
            feats["prt"].add(c.lemma_.lower())
        elif c.dep_ in NOUN_ACTOR_MODS:
            feats["mod"].add(c.lemma_.lower())
    if not objs:
        feats["obj"].add("-")  # "obj=-": the verb has no object ("protesters demonstrated")
    feats["head"] = {token.head.lemma_.lower()} if token.head.i != token.i else set()
    sent_end = token.sent.end if token.doc.has_annotation("SENT_START") else len(token.doc)
    feats["near"] = {t.lemma_.lower() for t in token.doc[token.i + 1 : min(token.i + 7, sent_end)]}
    return feats


@dataclass(frozen=True)
class EventRules:
    """The contents of ``rules.json`` as sets and maps."""

    target_preps: frozenset[str]
    noun_source_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    co_source_preps: frozenset[str]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    denial_object_nouns: frozenset[str]
    negation_words: frozenset[str]
    negating_heads: frozenset[str]
    intent_aux: frozenset[str]
    obligation_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    intent_heads: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_heads: frozenset[str]
    object_control_verbs: frozenset[str]
    reciprocal_verbs: frozenset[str]
    of_agent_roots: frozenset[str]
    compose: dict[str, dict[str, str]]
    intent_composition: dict[str, str]
    #: ``target_preps`` in order of preference (a set loses the order)
    target_prep_order: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: str | Path = RULES_PATH) -> EventRules:
        """Read the rules JSON; a list missing from the file is an empty set."""
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
        sets = {
            f.name: frozenset(x.lower() for x in raw.get(f.name, []))
            for f in dataclasses.fields(cls)
            if f.name not in ("compose", "intent_composition", "target_prep_order")
        }
        return cls(
            **sets,
            compose=raw.get("compose", {}),
            intent_composition=raw.get("intent_composition", {}),
            target_prep_order=tuple(x.lower() for x in raw.get("target_preps", [])),
        )


@lru_cache(maxsize=2)
def _default_lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


@lru_cache(maxsize=2)
def _default_rules() -> EventRules:
    return EventRules.load()


# --------------------------------------------------------------------------- drafts


@dataclass
class Argument:
    """One side of an event: an actor if one covers the words, else just the words."""

    start: int
    end: int
    text: str
    actor: Actor | None = None
    code: str | None = None

    @property
    def key(self) -> str:
        return self.actor.id if self.actor is not None else self.span_key

    @property
    def span_key(self) -> str:
        """The words, so that the codes of one compound actor never pair with each other."""
        return f"{self.start}:{self.end}"


@dataclass
class Draft:
    """An event under construction, anchored on its trigger token."""

    trigger: Token
    code: str
    method: str
    row: TriggerRow | None = None
    sources: list[Argument] = field(default_factory=list)
    targets: list[Argument] = field(default_factory=list)
    modality: str = "asserted"
    negated: bool = False
    absorbed: bool = False
    composed: bool = False
    cue: str | None = None
    #: the light verb that governs an event noun ("launched an offensive")
    anchor: Token | None = None
    #: PETRARCH paired code: the same event seen from the target's side ("visit"/"host")
    paired: str | None = None
    #: the verb of saying whose subject demands this act ("said Libya must hand over")
    demanded_by: Token | None = None
    #: governed by "fail to" / "cease to": negated, and a cooperation becomes a rejection
    failed: bool = False
    #: a second object ("urged Russia to attack *Syria*": the one attacked)
    others: list[Argument] = field(default_factory=list)
    #: where a verb pattern's target marker points (``* ABOUT +``): a token index, and
    #: how many noun phrases to skip there first (``* AT ^ +``)
    target_hint: int | None = None
    target_skip: int = 0


# --------------------------------------------------------------------------- component


class EventsComponent:
    """Find events with their source and target actors, typed in PLOVER and CAMEO.

    Args:
        nlp: the pipeline; its vocabulary hashes the lexicon's lemmas for a fast prefilter.
        name: the component name.
        lexicon_path: trigger lexicon TSV (``None``: the one shipped).
        rules_path: argument/modality/composition rules JSON (``None``: the one shipped).
        cameo_path: CAMEO table TSV (``None``: the one shipped).
        use_lexicon: code triggers from the built-in lexicon; ``False`` leaves only the
            loaded PETRARCH verb dictionaries (for scoring against a PETRARCH test suite).
        nouns: code event nouns ("the Taliban assault") as well as verbs; ``None`` (the
            default) means yes, unless PETRARCH verb dictionaries are loaded: PETRARCH codes
            verb phrases, and its patterns already cover the nouns it cares about
            ("launched an offensive"), so our nouns would code those events twice.
        fallback: name of an offline classifier for unknown triggers (hook; none ships).
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        lexicon_path: str | None = None,
        rules_path: str | None = None,
        cameo_path: str | None = None,
        use_lexicon: bool = True,
        nouns: bool | None = None,
        fallback: str | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon = TriggerLexicon.load(lexicon_path) if lexicon_path else _default_lexicon()
        self.rules = EventRules.load(rules_path) if rules_path else _default_rules()
        self.cameo: CameoTable = load_table(cameo_path) if cameo_path else load_table()
        self.use_lexicon = use_lexicon
        self.nouns = nouns
        self.verbs: VerbDictionary | None = None
        # lemma hashes of the lexicon, so most tokens are skipped with one integer lookup
        strings = nlp.vocab.strings
        self._lemma_ids = {
            strings.add(form)
            for lemma, _pos in self.lexicon.rows
            for form in (lemma, lemma.capitalize())
        }
        if fallback:
            LOGGER.warning("event fallback classifier %r is not available; ignored", fallback)

    # ---- public API

    def load_verbs(self, paths: Sequence[str | Path]) -> None:
        """Load PETRARCH CAMEO verb dictionaries, consulted before the built-in lexicon."""
        self.verbs = load_verb_dictionaries(paths)
        LOGGER.info("loaded %d verb forms from %d dictionaries", len(self.verbs), len(paths))

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.events = []
            return doc
        drafts = self._find_triggers(doc)
        for d in drafts.values():
            self._arguments(d)
            self._modality(d)
        self._compose(drafts)
        doc._.events = self._to_events(doc, [d for d in drafts.values() if not d.absorbed])
        return doc

    # ---- pass 1: triggers

    def _find_triggers(self, doc: Doc) -> dict[int, Draft]:
        drafts: dict[int, Draft] = {}
        lemma_ids = self._lemma_ids
        any_verb = self.verbs is not None
        for tok in doc:
            if tok.pos not in _TRIGGER_POS or (tok.lemma not in lemma_ids and not any_verb):
                continue
            pos = tok.pos_
            if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
                if tok.dep_ == "amod" or (tok.dep_ == "conj" and tok.head.pos_ == "ADJ"):
                    continue  # "the dead and wounded", "armed men": participles as adjectives
                d = self._code_verb(tok)
            elif pos in ("NOUN", "PROPN") and self._code_nouns():
                d = self._code_noun(tok)
            else:
                continue
            if d is not None:
                drafts[tok.i] = d
        # A light or coded verb whose object is an event noun makes one event, not two.
        for i in list(drafts):
            d = drafts.get(i)
            if d is None or d.trigger.pos_ not in ("NOUN", "PROPN"):
                continue
            head = d.trigger.head
            if d.trigger.dep_ not in OBJ | PASS_SUBJ or head.i == d.trigger.i:
                continue
            hd = drafts.get(head.i)
            if hd is not None:
                light = head.lemma_.lower() in self.rules.light_verbs
                conditioned = hd.row is not None and any(k == "obj" for k, _ in hd.row.conditions)
                same_root = hd.code[:2] == d.code[:2]
                # the noun is more specific ("provide military aid"), or the verb is light
                if (same_root and len(d.code) > len(hd.code)) or (
                    light and not conditioned and not same_root
                ):
                    hd.code = d.code
                if hd.code[:2] == d.code[:2] or light or conditioned:
                    del drafts[i]
            elif head.lemma_.lower() in self.rules.light_verbs:
                d.anchor = head
        return drafts

    def _code_nouns(self) -> bool:
        if not self.use_lexicon:
            return False
        return self.verbs is None if self.nouns is None else self.nouns

    def _code_verb(self, tok: Token) -> Draft | None:
        lemma = tok.lemma_.lower()
        if lemma in self.rules.reporting_verbs and (lemma, "VERB") not in self.lexicon.rows:
            return None
        if self.verbs is not None:
            hit = self._dictionary_code(tok)
            if hit is not None:
                d = Draft(trigger=tok, code=hit.code or "", paired=hit.paired, method="dictionary")
                if hit.target_offset is not None and hit.pattern is not None:
                    d.target_hint = tok.i + 1 + hit.target_offset
                    d.target_skip = hit.pattern.target_skip
                return d
            known = tok.lemma_.upper() in self.verbs or tok.text.upper() in self.verbs
            if known and not self.use_lexicon:
                return None
        if not self.use_lexicon:
            return None
        row = self.lexicon.match(tok, "VERB")
        if row is None or row.code is None:
            return None
        return Draft(trigger=tok, code=row.code, method="lexicon", row=row)

    def _code_noun(self, tok: Token) -> Draft | None:
        row = self.lexicon.match(tok, "NOUN")
        if row is None or row.code is None:
            return None
        return Draft(trigger=tok, code=row.code, method="lexicon", row=row)

    def _dictionary_code(self, tok: Token) -> VerbMatch | None:
        assert self.verbs is not None
        sent = tok.sent
        before = [t.text.upper() for t in tok.doc[sent.start : tok.i]]
        after = [t.text.upper() for t in tok.doc[tok.i + 1 : sent.end]]
        after_lemmas = [t.lemma_.upper() for t in tok.doc[tok.i + 1 : sent.end]]
        subj = [c for c in tok.children if c.dep_ in SUBJ]
        compound = any(len(_conj_heads(c)) > 1 for c in subj)
        objs = [c for c in tok.children if c.dep_ in OBJ or c.dep_ in DATIVE]
        objs += self._prep_objects(tok, self._all_preps(tok))
        hit = self.verbs.match(
            tok.lemma_.upper(),
            tok.text.upper(),
            before,
            after,
            after_lemmas=after_lemmas,
            compound_subject=compound,
            compound_object=any(len(_conj_heads(o)) > 1 for o in objs),
        )
        if hit is None or not (hit.code or hit.paired):
            return None
        return hit

    # ---- pass 2: arguments

    def _arguments(self, d: Draft) -> None:
        tok = d.trigger
        roles = dict(d.row.roles) if d.row is not None else {}
        if tok.pos_ in ("NOUN", "PROPN"):
            self._noun_arguments(d)
            return
        passive = _is_passive(tok)
        pass_subj = [c for c in tok.children if c.dep_ in PASS_SUBJ]
        if not passive and tok.dep_ == "conj" and tok.tag_ == "VBN" and _is_passive(tok.head):
            # "had been recruited and trained": the second verb shares the passive
            passive = not any(c.dep_ in SUBJ for c in tok.children)
            pass_subj = [c for c in tok.head.children if c.dep_ in PASS_SUBJ]
        if passive:
            d.targets = self._args(pass_subj)
            d.sources = self._args(
                [
                    g
                    for c in tok.children
                    if c.dep_ == "agent"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
            )
        else:
            d.sources = self._args(self._subject_heads(tok))
            d.targets = self._args(self._object_heads(tok), avoid=d.sources)
            if not d.targets:
                # "attacked and occupied Gondor": the object is shared with the next verb
                for c in tok.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i:
                        d.targets = self._args(self._object_heads(c), avoid=d.sources)
                        break
        if d.target_hint is not None:
            hinted = self._hinted_target(d)
            if hinted:
                d.targets = self._args(hinted, avoid=d.sources)
        if "source" in roles:
            heads = self._prep_objects(tok, set(roles["source"]))
            if heads:
                d.sources = self._args(heads)
        if "target" in roles:
            for where in roles["target"]:
                heads = (
                    self._subject_heads(tok)
                    if where == "subj"
                    else self._prep_objects(tok, {where})
                )
                if heads:
                    d.targets = self._args(heads)
                    break
        if not d.targets and d.code[:2] in CONFLICT_ROOTS:
            d.targets = self._place_target(tok)

    def _hinted_target(self, d: Draft) -> list[Token]:
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
            return [head] if self._is_actorish(head, subtree=True) else []
        return []

    def _noun_arguments(self, d: Draft) -> None:
        tok = d.trigger
        src_heads = [
            c
            for c in tok.children
            if c.i < tok.i
            and (c.dep_ == "poss" or (c.dep_ in NOUN_ACTOR_MODS and self._is_actorish(c)))
        ]
        src_heads += self._prep_objects(tok, self.rules.noun_source_preps)
        tgt_heads = []
        between = self._prep_objects(tok, {"between", "among"})
        if between:
            conj = _conj_heads(between[0])
            src_heads, tgt_heads = src_heads or conj[:1], conj[1:]
        else:
            tgt_preps = set(self.rules.noun_target_preps)
            if d.code[:2] in self.rules.of_agent_roots:
                # "the withdrawal of US troops": "of" names who withdraws
                src_heads += self._prep_objects(tok, {"of"})
                tgt_preps.discard("of")
            tgt_heads = [h for h in self._prep_objects(tok, tgt_preps) if self._is_actorish(h)]
        d.sources = self._args(src_heads)
        d.targets = self._args(tgt_heads)
        head = d.anchor
        if head is not None:
            if not d.sources:
                d.sources = self._args(self._subject_heads(head))
            if not d.targets:
                d.targets = self._args(
                    [h for h in self._prep_objects(head, self.rules.target_preps)]
                )
        if not d.targets and d.code[:2] in CONFLICT_ROOTS:
            d.targets = self._place_target(tok)

    def _subject_heads(self, tok: Token, depth: int = 0) -> list[Token]:
        """Subjects of ``tok``, borrowed up the clause chain when it has none."""
        subj = [c for c in tok.children if c.dep_ in SUBJ]
        if subj:
            heads = []
            for s in subj:
                if s.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                    heads.append(tok.head)
                else:
                    heads.append(s)
            if len(heads) > 1:
                # "Old foes Gondor and Osgiliath": two subjects, keep the actors
                heads = [h for h in heads if self._is_actorish(h)] or heads
            heads += self._prep_objects(tok, self.rules.co_source_preps)
            return heads
        if depth > 4:
            return []
        head = tok.head
        dep = tok.dep_
        if dep == "relcl":
            if _infinitival_modifier(tok) and not self._is_actorish(head):
                return []  # "a place to visit": the place is what is visited, not who
            return [head]
        if dep == "xcomp":
            # raising from a passive: "Gollum was seen to break in", "is believed to have"
            raised = [c for c in head.children if c.dep_ in PASS_SUBJ]
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
                    and self._is_actorish(t)
                ):
                    return [t]
            if dep == "ROOT":
                return []
        if dep == "xcomp" and head.lemma_.lower() in self.rules.object_control_verbs:
            objs = [c for c in head.children if c.dep_ in OBJ]
            if objs:
                return objs
        if dep == "pcomp" and head.dep_ == "prep":
            verb = head.head
            objs = [c for c in verb.children if c.dep_ in OBJ]
            if objs and verb.lemma_.lower() in self.rules.object_control_verbs:
                return objs
            return self._subject_heads(verb, depth + 1)
        if dep in ("xcomp", "conj", "advcl", "acomp", "ccomp", "pcomp"):
            return self._subject_heads(head, depth + 1)
        if dep == "dobj" and tok.pos_ == "VERB":
            return self._subject_heads(head, depth + 1)
        return []

    def _object_heads(self, tok: Token) -> list[Token]:
        """Target candidates in order of preference: dative, object, target prepositions."""
        dative = [c for c in tok.children if c.dep_ in DATIVE]
        for c in dative:
            if c.pos_ == "ADP":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj and self._is_actorish(pobj[0]):
                    return pobj
            elif self._is_actorish(c):
                return [c]
        objs = [c for c in tok.children if c.dep_ in OBJ and c.pos_ != "VERB"]
        # the object itself ("attacked Gondor"), then what the object is with/to/against
        # ("restore ties with Gondor", "lend support to X"), then the verb's own
        # prepositions ("talk with X"), then anything under the object (misparses)
        own = [o for o in objs if self._is_actorish(o)]
        if own:
            return own
        for group in (
            [h for o in objs for h in self._nested_prep_objects(o)],
            self._prep_objects(tok, self.rules.target_preps),
        ):
            found = [h for h in group if self._is_actorish(h, subtree=True)]
            if found:
                # "celebrated Eid at Osgiliath with Gondor": "with" names a partner, "at"
                # more often a place; the rules list target prepositions by preference
                return sorted(found, key=lambda h: self._prep_rank(h.head))[:1]
        actor_objs = [o for o in objs if self._is_actorish(o, subtree=True)]
        if actor_objs:
            return actor_objs
        # last resort, as PETRARCH does: the first actor in the rest of the verb phrase
        # ("left for Minas Tirith", "shells near a vessel from South Korea")
        nearest = self._first_actor_after(tok)
        return [nearest] if nearest is not None else objs

    def _first_actor_after(self, tok: Token) -> Token | None:
        """The first actor-naming noun in ``tok``'s phrase to its right (clauses skipped)."""
        skip: set[int] = set()
        for c in tok.children:
            if c.dep_ in ("relcl", "advcl", "ccomp", "conj", "parataxis", "xcomp", "punct"):
                skip.update(x.i for x in c.subtree)
        for t in tok.subtree:
            if t.i <= tok.i or t.i in skip:
                continue
            if t.pos_ in ("PROPN", "NOUN", "ADJ") and actor_at(t.doc, t.idx, t.idx + len(t)):
                return t
        return None

    def _nested_prep_objects(self, tok: Token) -> list[Token]:
        """Objects of target prepositions under ``tok``, also through "of" phrases.

        "welcomed the resumption of ties *with* Mordor": the target sits two prepositions
        down. Only ``of`` is crossed, so a place ("in Kabul") is never taken for a target.
        """
        found = self._prep_objects(tok, self.rules.target_preps)
        frontier = self._prep_objects(tok, {"of"})
        for _ in range(2):
            if found or not frontier:
                break
            found = [h for f in frontier for h in self._prep_objects(f, self.rules.target_preps)]
            frontier = [h for f in frontier for h in self._prep_objects(f, {"of"})]
        return found

    @staticmethod
    def _all_preps(tok: Token) -> set[str]:
        return {c.lemma_.lower() for c in tok.children if c.dep_ in ("prep", "agent", "dative")}

    def _prep_rank(self, prep: Token) -> int:
        try:
            return self.rules.target_prep_order.index(prep.lemma_.lower())
        except ValueError:
            return len(self.rules.target_prep_order)

    def _prep_objects(self, tok: Token, preps: Iterable[str]) -> list[Token]:
        wanted = set(preps)
        out = []
        for c in tok.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lemma_.lower() in wanted:
                out.extend(g for g in c.children if g.dep_ == "pobj")
        return out

    def _is_actorish(self, tok: Token, subtree: bool = False) -> bool:
        """Whether ``tok`` (or its subtree) names an actor, by actor mention or NER."""
        doc = tok.doc
        if subtree:
            spans = [_subtree_span(tok)]
        else:
            spans = [_own_span(tok, cut=_CUT_CORE)]
            spans += [_own_span(c, cut=_CUT_CORE) for c in tok.children if c.dep_ == "appos"]
        if any(actor_at(doc, *span) is not None for span in spans):
            return True
        if records(doc, "actor_mentions"):
            return False
        # Without an actor component, fall back on NER and proper nouns.
        span_toks = tok.subtree if subtree else [tok]
        return any(
            t.ent_type_ in ACTOR_ENTS or (t.pos_ == "PROPN" and not t.ent_type_) for t in span_toks
        )

    def _args(self, heads: Iterable[Token], avoid: Iterable[Argument] = ()) -> list[Argument]:
        """Arguments for ``heads``, one per coordinated actor and per compound code.

        ``avoid`` (the sources, when finding targets): an actor that is already the
        source is passed over for another one in the phrase ("rescheduled *his* trip in
        the White Downs": the Downs), and taken only if there is no other.
        """
        avoid_ids = frozenset(a.actor.id for a in avoid if a.actor is not None)
        out: list[Argument] = []
        seen: set[str] = set()
        for h in heads:
            conj = _list_members(h, self._is_actorish)
            if len(conj) == 1 and (
                not self._is_actorish(h) or actor_at(h.doc, h.idx, h.idx + len(h)) is None
            ):
                # "Eriadori and Calenardhon leaders": coordinated modifiers, one head
                for m in h.children:
                    mods = _conj_heads(m)
                    if (
                        m.dep_ in NOUN_ACTOR_MODS
                        and len(mods) > 1
                        and all(self._is_actorish(x) for x in mods)
                    ):
                        conj = mods
                        break
            split = len(conj) > 1 and all(self._is_actorish(x) for x in conj)
            for x in conj if split else [h]:
                for arg in self._argument(x, whole=not split, avoid=avoid_ids):
                    if arg.key not in seen:
                        seen.add(arg.key)
                        out.append(arg)
        return out

    def _argument(
        self, tok: Token, *, whole: bool, avoid: frozenset[str] = frozenset()
    ) -> list[Argument]:
        """The actor(s) of ``tok``'s phrase, looked for from its head outwards.

        The head's own words come first ("the Islamic Republic"), then an apposition
        ("its ally Russia": Russia, not the possessive), then the phrase, then (``whole``)
        everything under it ("Taliban commanders" under a misparsed object).

        A compound dictionary entry (``THE_SHIRE [FRO/BIL/SAM]``) gives several actors
        over the same words; each becomes an argument, so the event is coded once per
        code as PETRARCH does. (:func:`~dotterel.extensions.actor_at` returns only the
        first of them, by contract.)
        """
        doc = tok.doc
        start, end = _own_span(tok, cut=_CUT_TEXT)
        spans = [_own_span(tok, cut=_CUT_CORE)]
        spans += [_own_span(c, cut=_CUT_CORE) for c in tok.children if c.dep_ == "appos"]
        spans += [(start, end), _subtree_span(tok) if whole else _own_span(tok)]
        actors: list[Actor] = []
        avoided: list[Actor] = []
        last = len(spans) - 1
        for n, span in enumerate(spans):
            # the last resort is the whole subtree: there the first actor is the nearest
            # ("roads running into Gondor across the hills of X": Gondor), not the longest
            first = n == last and whole
            actors = _actors_at(doc, *span, avoid=avoid, first=first)
            if actors:
                break
            if avoid and not avoided:
                avoided = _actors_at(doc, *span, first=first)
        actors = actors or avoided
        text = _char_text(doc, start, end)
        if not actors:
            return [Argument(start=start, end=end, text=text)]
        return [Argument(start=start, end=end, text=text, actor=a, code=a.code) for a in actors]

    def _place_target(self, tok: Token) -> list[Argument]:
        """The country of a place "in" which an attack happened, when no target is named."""
        places = records(tok.doc, "places")
        if not places:
            return []
        for pobj in self._prep_objects(tok, {"in", "at", "near"}):
            toks = list(pobj.subtree)
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            for p in places:
                if p.start >= start and p.end <= end and p.country_code:
                    iso3 = _iso3(p.country_code)
                    if iso3:
                        return [Argument(start=p.start, end=p.end, text=p.text, code=iso3)]
        return []

    # ---- pass 3: modality

    def _modality(self, d: Draft) -> None:
        r = self.rules
        tok = d.trigger
        chain = [tok]
        cur = tok
        # the verbs that govern the trigger inside its clause ("is about to", "plans to")
        while cur.dep_ in ("xcomp", "acomp", "pcomp", "prep", "dobj") and len(chain) < 5:
            if cur.dep_ == "dobj" and cur.pos_ not in ("NOUN", "PROPN", "VERB"):
                break
            cur = cur.head
            chain.append(cur)
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i and tok.head not in chain:
            chain.append(tok.head)
        deps = [c for t in chain for c in t.children]
        words = {c.lower_ for c in deps}
        lemmas = {c.lemma_.lower() for c in deps}
        heads = {t.lemma_.lower() for t in chain[1:]}
        d.negated = any(
            c.dep_ == "neg"
            or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in r.negation_words)
            for c in deps
        )
        if heads & r.negating_heads:
            d.negated = d.failed = True
        aux = {c.lower_ for c in deps if c.dep_ in ("aux", "auxpass")}
        marks = {c.lower_ for c in deps if c.dep_ == "mark"}
        if tok.dep_ == "advcl":
            marks |= {c.lower_ for c in tok.children if c.dep_ == "mark"}
        top = chain[-1]
        reported = top.dep_ == "ccomp" and top.head.lemma_.lower() in r.reporting_verbs
        if aux & r.obligation_aux and top.dep_ == "ccomp":
            d.demanded_by = top.head
        hedges = (words | lemmas) & r.hedge_adverbs or heads & r.hedge_heads
        if aux & r.hypothetical_aux or marks & r.hypothetical_marks:
            # "said they would boycott" is a reported intention, not a condition
            conditional = reported and "would" in aux and not marks & r.hypothetical_marks
            d.modality = "intended" if conditional else "hypothetical"
        elif hedges:
            d.modality = "hedged"
            d.cue = _first_word(tok, hedges)
        elif aux & r.intent_aux or heads & r.intent_heads or ("going" in words and "to" in words):
            d.modality = "intended"

    # ---- pass 4: composition

    def _compose(self, drafts: dict[int, Draft]) -> None:
        """Link each event to the one it embeds, then recode intents and demands."""
        for d in sorted(drafts.values(), key=lambda x: x.trigger.i):
            if d.absorbed:
                continue
            inner = self._embedded(d, drafts)
            if inner is None:
                continue
            if d.trigger.lemma_.lower() in self.rules.denial_verbs and self._is_denial(d, inner):
                self._deny(d, inner)
            elif d.code[:2] in self.rules.compose and d.method == "lexicon":
                self._absorb(d, inner)
            elif d.method == "dictionary" and inner.trigger.pos_ == "VERB":
                # PETRARCH codes a verb phrase once, by its main verb
                self._absorb(d, inner)
            elif (
                d.trigger.lemma_.lower() in self.rules.object_control_verbs
                and inner.modality == "asserted"
            ):
                # "accused Pakistan of assisting": the embedded act is alleged, not asserted
                inner.modality = "hedged"
                inner.cue = d.trigger.text
                d.others = _other_side(d.targets, inner.targets)
        for d in drafts.values():
            if not d.absorbed and not d.composed and d.method == "lexicon":
                self._recode_by_modality(d)

    def _deny(self, d: Draft, inner: Draft) -> None:
        """``d`` denies ``inner``: both stay, the denied one with modality ``denied``."""
        inner.modality = "denied"
        inner.cue = d.trigger.text
        if not inner.sources:
            inner.sources = list(d.sources)
        if not d.targets:
            d.targets = list(inner.targets)

    def _absorb(self, d: Draft, inner: Draft) -> None:
        """``d`` (an appeal, intent, demand, rejection or threat) takes ``inner`` in.

        "refused to negotiate with Turkey" is one event, 125 (reject a proposal to meet):
        the sub-code comes from what is refused, the target from the embedded event.
        PETRARCH dictionary codes are kept as they are: PETRARCH codes a verb phrase once.
        """
        root = d.code[:2]
        inner.absorbed = True
        asks = root in ("02", "10")
        if asks and not d.targets:
            # "demanded that Israel ease restrictions": the demand is made of Israel
            d.targets = list(inner.sources)
        if d.method == "lexicon":
            family = root
            if root == "03" and inner.code[:2] in CONFLICT_ROOTS:
                family = "13"  # a promise to fight is a threat ("vowed to wage war")
            new = _lookup(self.rules.compose[family], inner.code)
            if new is not None:
                d.code, d.composed = new, True
        if not d.targets:
            d.targets = list(inner.targets)
        if not d.sources and not asks:
            d.sources = list(inner.sources)
        d.others = _other_side(d.targets, inner.targets)

    def _recode_by_modality(self, d: Draft) -> None:
        """Demands ("said Y must ..."), intents ("will support") and threats ("would attack").

        CAMEO codes a stated future cooperative act as an intent (03x) and a stated future
        or conditional conflictual act as a threat (13x); "X said Y must do Z" is X
        demanding Z of Y (10x).
        """
        r = self.rules
        if d.demanded_by is not None:
            d.code = _lookup(r.compose.get("10", {}), d.code) or "100"
            d.composed = True
            d.others = list(d.targets)
            d.targets = d.sources
            d.sources = self._args(self._subject_heads(d.demanded_by))
            d.trigger = d.demanded_by
            return
        root = d.code[:2]
        if d.failed and root in COOPERATIVE_ROOTS:
            # "failed to reach agreement": a cooperation that did not happen is a rejection
            new = _lookup(r.compose.get("12", {}), d.code)
            if new is not None:
                d.code, d.composed = new, True
            return
        if d.modality not in ("intended", "hypothetical"):
            return
        family = None
        if root in COOPERATIVE_ROOTS:
            family = r.intent_composition.get("cooperative")
        elif root in CONFLICT_ROOTS and root != "13":
            family = r.intent_composition.get("conflict")
        new = _lookup(r.compose.get(family, {}), d.code) if family else None
        if new is not None:
            d.code, d.composed = new, True

    def _embedded(self, d: Draft, drafts: dict[int, Draft]) -> Draft | None:
        """The event embedded under ``d``'s trigger: its complement or its object's."""
        frontier = [d.trigger]
        for _depth in range(3):
            nxt: list[Token] = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in EMBED or c.dep_ in ("dobj", "acl", "pobj", "prep", "relcl"):
                        if c.dep_ == "relcl":
                            continue
                        cand = drafts.get(c.i)
                        if cand is not None and not cand.absorbed and cand is not d:
                            return cand
                        nxt.append(c)
            frontier = nxt
        return None

    def _is_denial(self, d: Draft, inner: Draft) -> bool:
        """Whether ``d`` denies ``inner`` (a claim) rather than rejecting a proposal."""
        lemma = d.trigger.lemma_.lower()
        t = inner.trigger
        path = []
        cur = t
        while cur.i != d.trigger.i and cur.head.i != cur.i and len(path) < 6:
            path.append(cur)
            cur = cur.head
        if any(p.dep_ == "ccomp" for p in path):
            return True
        if any(p.tag_ == "VBG" and p.dep_ in ("xcomp", "pcomp", "dobj") for p in path):
            return True
        if any(p.lemma_.lower() in self.rules.denial_object_nouns for p in path):
            return True
        return lemma == "deny"

    # ---- output

    def _to_events(self, doc: Doc, drafts: list[Draft]) -> list[Event]:
        art = article_of(doc)
        events: list[Event] = []
        for d in sorted(drafts, key=lambda x: x.trigger.i):
            if not d.sources and not d.targets:
                continue  # no participant at all ("a place to visit"): nothing to record
            if _infinitival_modifier(d.trigger) and not any(
                a.actor is not None or a.code for a in (*d.sources, *d.targets)
            ):
                continue  # "the drive to meet demand": a noun's purpose, no actor, no event
            codings = [(d.code, False)] if d.code else []
            coded_targets = [t for t in d.targets if t.actor is not None or t.code]
            if d.paired and coded_targets:
                # "met" [031:032]: and the target meets the source; "meet" [031:031] too
                codings.append((d.paired, True))
            source_keys = {s.key for s in d.sources}
            self_targeted = bool(coded_targets) and all(t.key in source_keys for t in coded_targets)
            if len(d.sources) > 1 and (
                self_targeted or (not coded_targets and self._reciprocal(d))
            ):
                # "Gondor and Osgiliath renewed ties": each is the other's target; so too
                # when the target is the subjects themselves ("delayed *their* meeting")
                code = d.code or d.paired or ""
                row = self.cameo.get(code) if code[:2].isdigit() else None
                event_type = (row.plover_type if row is not None else "") or "UNKNOWN"
                for s in d.sources:
                    others = [t for t in d.sources if t is not s]
                    events.extend(self._pairs(d, code, event_type, row, [s], others))
                continue
            for code, swap in codings:
                row = self.cameo.get(code) if code[:2].isdigit() else None
                event_type = (row.plover_type if row is not None else "") or ""
                if not event_type and d.method == "lexicon":
                    continue  # a 01x statement: not an event in PLOVER
                sources, targets = (d.targets, d.sources) if swap else (d.sources, d.targets)
                events.extend(self._pairs(d, code, event_type or "UNKNOWN", row, sources, targets))
        for n, ev in enumerate(events):
            ev.id = f"{art.id}-e{n}"
        return events

    def _reciprocal(self, d: Draft) -> bool:
        """Whether a coordinated subject acts on itself ("X and Y met", "X and Y clashed")."""
        if d.paired is not None and d.paired == d.code:
            return True
        return d.method == "lexicon" and (
            d.code[:2] in ("03", "04", "05", "06")
            or d.trigger.lemma_.lower() in self.rules.reciprocal_verbs
        )

    def _pairs(
        self,
        d: Draft,
        code: str,
        event_type: str,
        row: Any,
        sources: list[Argument],
        targets: list[Argument],
    ) -> list[Event]:
        """One event per source/target pair (compound actors), skipping self-pairs."""
        sent: Span = d.trigger.sent
        trig = d.trigger
        out: list[Event] = []
        other = next((o.actor.id for o in d.others if o.actor is not None), None)
        for s in sources or [None]:
            # an actor is not its own target: drop that pairing, and keep the event with
            # its target empty when nothing else is left (nothing silently dropped)
            own = [t for t in targets if s is None or (t.key != s.key and t.span_key != s.span_key)]
            for t in own or [None]:
                out.append(
                    Event(
                        id="",
                        trigger=TextSpan(trig.idx, trig.idx + len(trig), trig.text),
                        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
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
                    )
                )
        return out


# --------------------------------------------------------------------------- helpers


def _infinitival_modifier(tok: Token) -> bool:
    """Whether ``tok`` heads a subject-less "to" clause on a noun ("a place *to visit*")."""
    return (
        tok.dep_ in ("relcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in tok.children)
    )


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.children)


def _conj_heads(tok: Token) -> list[Token]:
    """``tok`` and the heads coordinated with it ("Iran and Russia" -> [Iran, Russia])."""
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ == "conj":
                out.append(c)
                stack.append(c)
    return out


def _list_members(tok: Token, is_actor: Callable[[Token], bool]) -> list[Token]:
    """``tok`` and its coordinated heads, also across an appositive list.

    "Mordor, the Shire, Fornost and Bree" is often parsed as ``Mordor`` with the
    apposition ``the Shire``, which heads the conjuncts ``Fornost`` and ``Bree``. An
    apposition that is itself coordinated is a list, not a second name for ``tok``.
    """
    out = _conj_heads(tok)
    listed = len(out) > 1
    for member in list(out):
        for c in member.children:
            if c.dep_ != "appos" or not (listed or any(g.dep_ == "conj" for g in c.children)):
                continue
            # "Mordor, the Shire, Fornost and Bree"; "Mordor, the awful Fornost, and
            # Gondor" (the apposition sits between conjuncts: it is one of them). Only
            # when every member is an actor: "Iran, its ally Russia, and China" keeps
            # "its ally Russia" as Iran's apposition.
            members = _conj_heads(c)
            if all(is_actor(x) for x in members):
                out.extend(x for x in members if x not in out)
    return out


def _actors_at(
    doc: Doc, start: int, end: int, avoid: frozenset[str] = frozenset(), first: bool = False
) -> list[Actor]:
    """The actor :func:`actor_at` finds in ``[start, end)``, with its co-coded actors.

    Mentions with exactly the same words as the best one (a compound dictionary code
    such as ``[FRO/BIL/SAM]``) each add their actor, in mention order. Mentions of the
    actors in ``avoid`` are not considered. ``first``: the earliest mention wins, not the
    one covering the most characters.
    """
    best = None
    best_overlap = 0
    # In list order, as the full scan this replaces: ties keep the earlier mention.
    candidates = sorted(mentions_overlapping(doc, start, end), key=lambda pm: pm[0])
    for _, m in candidates:
        if m.actor_id in avoid:
            continue
        overlap = min(end, m.end) - max(start, m.start)
        if first:
            if best is None or m.start < best.start:
                best = m
        elif overlap > best_overlap:
            best, best_overlap = m, overlap
    if best is None:
        return []
    ids = [best.actor_id]
    for _, m in candidates:
        if m.start == best.start and m.end == best.end and m.actor_id and m.actor_id not in ids:
            ids.append(m.actor_id)
    actors = [actor_by_id(doc, i) for i in ids]
    return [a for a in actors if a is not None]


def _lookup(table: dict[str, str], code: str) -> str | None:
    """``table``'s entry for ``code`` or for its nearest ancestor ("0841" -> "084" -> "08")."""
    for n in (4, 3, 2):
        if len(code) >= n and code[:n] in table:
            return table[code[:n]]
    return None


def _other_side(targets: list[Argument], inner_targets: list[Argument]) -> list[Argument]:
    """The embedded event's targets that are not already the outer event's target."""
    keys = {t.key for t in targets}
    return [t for t in inner_targets if t.key not in keys and t.actor is not None]


def _first_word(tok: Token, words: set[str] | frozenset[str]) -> str | None:
    """The first word of ``tok``'s sentence whose form or lemma is in ``words``."""
    for t in tok.sent:
        if t.lower_ in words or t.lemma_.lower() in words:
            return t.text
    return None


def _char_text(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without rebuilding ``doc.text`` (which is O(len(doc)))."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text if span is not None else ""


def _subtree_span(tok: Token) -> tuple[int, int]:
    toks = list(tok.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


#: What to leave out of a phrase: its coordinated siblings and clauses always; for the
#: text also its prepositional phrases; for the core also possessives and appositions.
_CUT_PHRASE = frozenset({"conj", "cc", "relcl", "acl"})
_CUT_TEXT = _CUT_PHRASE | {"prep"}
_CUT_CORE = _CUT_TEXT | {"poss", "appos"}


def _own_span(tok: Token, *, cut: frozenset[str] = _CUT_PHRASE) -> tuple[int, int]:
    """Character span of ``tok``'s subtree without the dependents labelled in ``cut``."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in cut or (c.dep_ == "punct" and c.i > tok.i):
            skip.update(x.i for x in c.subtree)
    toks = [t for t in tok.subtree if t.i not in skip and t.dep_ != "punct"] or [tok]
    first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


@lru_cache(maxsize=512)
def _iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country is not None else None


@Language.factory(
    "dotterel_events",
    assigns=["doc._.events"],
    requires=["token.dep", "doc._.actors"],
    default_config={
        "lexicon_path": None,
        "rules_path": None,
        "cameo_path": None,
        "use_lexicon": True,
        "nouns": None,
        "fallback": None,
    },
)
def make_events(
    nlp: Language,
    name: str,
    lexicon_path: str | None,
    rules_path: str | None,
    cameo_path: str | None,
    use_lexicon: bool,
    nouns: bool | None,
    fallback: str | None,
) -> EventsComponent:
    return EventsComponent(
        nlp,
        name,
        lexicon_path=lexicon_path,
        rules_path=rules_path,
        cameo_path=cameo_path,
        use_lexicon=use_lexicon,
        nouns=nouns,
        fallback=fallback,
    )
