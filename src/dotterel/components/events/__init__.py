"""Find events with their source and target actors, typed in PLOVER and CAMEO (issue: Events).

How an event is found, in five passes over the dependency parse of each document:

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
   governs them ("*Gondor* launched an offensive", "*X* gave *Y* the nod", "made dozens of
   requests *to the police*"); what one receives names its doer with "of" or "from" ("X
   won the endorsement *of Y*"). Coordinated actors give one event per
   source/target pair, also when the parser made a list an apposition ("Mordor, the
   Shire, Fornost and Bree"). A compound dictionary code (``[FRO/BIL/SAM]``: several
   actors over the same words) gives one event per code, as PETRARCH does. A target is
   never the source again when the phrase names another actor ("rescheduled *his* trip
   in X": X); a target that is the coordinated subject itself ("X and Y postponed
   *their* meeting") makes the event reciprocal. **Mutual acts** (``_reciprocal``,
   ``data/events/reciprocal.json``): a coordinated subject of a verb of meeting,
   agreeing, cooperating or fighting with no other target ("X and Y met / held talks /
   clashed"), and an event noun's "between" phrase ("talks between X and Y"), give one
   event per pair of sides with ``Event.symmetric`` set, not one per direction; "the two
   countries", "both sides" are the two actors named just before; "each other" makes
   a directed act go both ways ("X and Y accused each other"). A
   PETRARCH pattern's target marker
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
   target, if different, becomes ``other_actor_id``). A demand that voices a protest's aim
   ("staged rallies to demand reforms") is that protest. A future or conditional cooperative
   act is an intent (03x), a conflictual one a threat (13x), as CAMEO codes "will
   support" and "would blockade" (a planned reduction of relations, CAMEO 16, keeps its
   type: "announced it would cut aid"); "X said Y must ..." is a demand by X of Y (10x).
   Denials ("denies lending support") keep both: a REJECT by the denier and the denied
   event with modality ``denied``.

5. **Relevance** (``_relevance``, issue 18). Sourcing formulas are never events
   ("declined to comment", "asked not to be named", "who was not authorised to speak",
   "when asked about", "according to": ``data/events/formulas.tsv``, one pattern class
   per row); generic verbs (help, provide, sign, meet, offer ...) need a political
   source (a coded actor, a name, a political role noun), not "the report" or "your
   gift"; ASSAULT needs physical force in its clause (weapons, casualties, armed roles,
   states or peoples as sides), else a verbal attack with a target is ACCUSE and any
   other metaphor ("the best person to beat X", "a campaign battle") is dropped;
   questions, suppositions ("if ..."), wishes ("hopes that ..."), beliefs ("expressed
   his belief that X will ..."), purposes ("in order to ...") and prevented acts
   ("blocked X from visiting") are not realised acts, nor are acts proposed ("proposes
   allowing X") or stated as a rule ("protesters often clash with police", "a president
   who insults allies": ``_predictions``); a demand of a quote's listener ("you should
   not ask"), support among an electorate and running against a person ("is challenging
   Rep. X") are no acts on an actor (``_audiences``); agreeing with an opinion is no
   AGREE (an ACCUSE when the opinion blames an actor); a meeting needs two sides, and a
   contact between private people ("Russians travelling to X", "visiting her father")
   is none; "help" over a verb is a light verb
   (``data/events/relevance.json``); inside a direct quote a generic or general-layer
   verb is the speaker's view, not an event, unless it is performative ("we welcome")
   or acts on a political actor. A denial of a charge ("which X denies") targets
   the accuser (``_denials``); praising, backing, criticising or rejecting an act
   ("criticised the sanctions against Iran") targets its doer, not its victim
   (``_evaluated_acts``); and a sourceless event noun repeating an earlier
   event's type and target is that event again.

Then each event gets its **size** (``_size``: killed/injured/arrested from a number and
a casualty word of its clause), its **confidence** (``_confidence``: pattern x actors x
realis, formula there and in ``docs/schema.md``), and a later restatement of an earlier
event (same type, same coded sides, another sentence) is dropped as the events guide's
"one event, also clauses" rule: the same actors, not only the same codes (two senators
both coded ``USALEG`` endorsing in two sentences are two events).

**General verb knowledge.** The compiled CAMEO.2.0 verb dictionary
(:func:`dotterel.knowledge.load_verb_dictionary`, typed in PLOVER through the CAMEO
table) is loaded by default (``knowledge = "shipped"``; ``"none"`` turns it off) as the
layer *under* the hand lexicon: it codes only verbs the lexicon has no row for, by a
pattern matched inside the verb's own phrase (its dependency subtree minus other clauses,
at most 10 words), by a block's default code only in the blocks of disapproval (CAMEO
11x, ``knowledge_default_roots``: "faulted", "chided"), and leaves frequent light verbs
(``knowledge_skip_verbs``) alone. With user PETRARCH verb dictionaries it is off. A verb
unknown to both layers stays uncoded: no offline fallback that is both shipped and fast
exists (the small spaCy model has no word vectors).

Speech acts over complements: "X should be released, she said" is a demand (10x) by the
speaker, "should never have been arrested" a criticism (111); a possible cooperative act
("may endorse") keeps its type with modality ``hypothetical``; planned reductions of
relations (expulsions, aid cuts) keep their type with modality ``intended``.

**Frames** (``_frames``, ``_visits``, ``data/events/frames.json``): a material act with
no actor of its own gets the agent a frame of blame or responsibility names around it
("A blamed *B* for the bombing", "*B* was behind / responsible for / involved in the
attack", "*B*'s involvement in", "claimed responsibility for"), hedged under a verb of
blaming; a removal's "from" state acts through its government ("expelled from
Britain": ``GBRGOV``); a visit's visitor is the source and its host the target, also for
"received / a reception for *visiting* X" (the receiver hosts, CAMEO 043), "during his
visit, X ...", and a visit with no destination (the place it is in, else the dateline's
country, inferred). Off with PETRARCH verb dictionaries.

**Implicit agents** (``_implicit``, ``data/events/implicit_agents.json``): an agentless
passive act of a state ("Park was arrested in March", "journalists jailed last year")
gets the source general knowledge names, the police (arrest), the courts (charge,
conviction, sentence) or the government (imprisonment, release, expulsion) of the
country the act happened in, else the patient's, else the dateline's; none read, none
inferred. It runs before composition, so "X should be released, she said" is a demand
of whoever holds X. The side is marked in ``Event.inferred`` and counts as uncoded in
the confidence; off with PETRARCH verb dictionaries (PETRARCH codes what the text says).
A prosecutor's demand for a penalty that names no one asked ("prosecutors asked for X to
receive a ten-year sentence") is made to the court of their country (``_addressees``),
a demand for a law ("proposed to adopt the amendments") to its legislature (``_legislatures``).

**One attack, its consequences** (``_consequences``): "struck a market, killing 12 and
wounding 30" is one ASSAULT whose recipient is the casualties when the main object is a
place or a thing. A headline on its own line in Title Case is not coded (the body
restates it, and the parser misreads title case: ``components/_syntax.py``), and a
threat with no actor object targets the subject of its condition ("unless X ...").

Reporting verbs (said, told, reported) are not events: a statement is not an event in
PLOVER. Provenance (``status``, ``chain``, ``attribution_id``, ``contests``) and place/time
are left to the components that run after this one.

``Event.method`` says which table coded the event: ``lexicon``, ``dictionary`` or
``knowledge``; ``evaluation`` for an ACCUSE read from a source's negative evaluation of
an actor ("'This is irresponsible,' the spokesman said": ``_disapproval``). Once
PETRARCH verb dictionaries are loaded, event nouns are off unless ``nouns = true`` (PETRARCH
codes verb phrases); with ``use_lexicon = false`` only the dictionaries code events.

Fallback classifier: triggers unknown to the lexicon are not typed. ``fallback`` in the
config names a hook (``None`` by default) for an offline classifier, e.g. MiniLM sentence
embeddings; none ships because the one packaged model needs torch (large).

This package's ``__init__`` holds the spaCy component only; each pass, and what the passes
share, is a private module of this package:

=================  ==========================================================================
``_syntax``        dependency labels and parse-tree walks (coordination, spans, prepositions)
``_lexicon``       the trigger lexicon (``data/events/triggers.tsv``) and its row matching
``_rules``         ``data/events/rules.json`` and the CAMEO code families the passes test
``_drafts``        :class:`Draft` and :class:`Argument`, the events under construction
``_triggers``      pass 1: which tokens are triggers, coded by dictionary or lexicon
``_participants``  which actor(s) a noun phrase names (mentions, compound codes, places)
``_arg_words``     ``data/events/arguments.json``: removal verbs, answer verbs, quantities
``_arguments``     pass 2 for verbs: sources and targets through the parse
``_coordination``  coordinated clauses: elided objects, subjects misparsed as conjuncts
``_openers``       a subject's name taken into an opening phrase ("During the primary X came")
``_nouns``         event nouns: folding them into their verb, and their own actors
``_reciprocal``    mutual acts ("X and Y met", "talks between X and Y"): symmetric events
``_frames``        who did an act a frame of blame names ("blamed B for the attack", "B was
                   behind the attack"); a removal's "from" state acts through its government
``_visits``        a visit's visitor and host ("received visiting X", "during his visit")
``_deployments``   a show of force is aimed at the state it moves toward, not its own forces
``_state_protests`` a state's protest is an official complaint (114), not a demonstration
``_implicit``      who acts in an agentless passive ("was arrested": the police), inferred
``_addressees``    whom a prosecutor's demand for a penalty is made to (the court, inferred),
                   whom a refusal answers ("refused to attend after the court decided")
``_legislatures``  whom a demand for a law is made to (the legislature, inferred)
``_counterparts``  whom a reaction naming no one answers: its source's last counterpart
``_consequences``  an attack's participle clauses ("..., killing 12") are that attack
``_modality``      pass 3: negation and modality (intended, hypothetical, hedged)
``_composition``   pass 4: embedded events, appeals/threats/demands, denials
``_evaluated_acts`` evaluating an act targets its doer ("criticised the sanctions on X")
``_documents``     a document that speaks is its author ("the report faulted X")
``_denials``       a denial of a charge ("which X denies") targets the accuser
``_relevance``     pass 5: sourcing formulas, generic verbs, physical force, questions
``_force``         physical force or a metaphor ("a political attack", "killed the bill")
``_irrealis``      what a text does not assert: questions, conditions, wishes, direct quotes
``_predictions``   what a text predicts, asks or only names: forecast threats, open
                   questions, pending acts, topics of talks, admissions, aid mentioned
``_opinions``      agreeing with an opinion: an accusation of the blamed or nothing
``_nonpolitical``  acts that are no political events: hazards, sport, rallies, information
``_audiences``     sides that are an audience: a quote's listener, an electorate, a rival
``_mishaps``       harm with no political actor: animals, accidents, forecasts, no one hurt
``_private``       acts of private people and firms: travel, safety advice, quarrels, trade
``_valence``       word valence for ``_disapproval``: the VADER lexicon, negators, boosters
``_disapproval``   a source's negative evaluation of an actor is ACCUSE (VADER valence)
``_size``          killed / injured / arrested counts
``_confidence``    the confidence formula
``_event_pairs``   the finished :class:`~dotterel.model.Event` records, one per actor pair
=================  ==========================================================================
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.cameo import CameoTable, load_table
from dotterel.components._syntax import title_case_headline
from dotterel.components.events._addressees import (
    answer_refusals,
    default_penalty_demands,
    infer_addressees,
)
from dotterel.components.events._arguments import verb_arguments
from dotterel.components.events._composition import compose
from dotterel.components.events._consequences import fold_consequences
from dotterel.components.events._counterparts import (
    address_reactions,
    default_discourse_addressees,
)
from dotterel.components.events._denials import retarget_denials
from dotterel.components.events._deployments import aim_deployments
from dotterel.components.events._disapproval import evaluation_drafts
from dotterel.components.events._documents import author_documents
from dotterel.components.events._evaluated_acts import answer_named_acts, retarget_evaluations
from dotterel.components.events._event_pairs import to_events
from dotterel.components.events._frames import FrameWords, apply_frames, default_frame_words
from dotterel.components.events._implicit import (
    ImplicitRules,
    default_implicit_rules,
    infer_agents,
)
from dotterel.components.events._legislatures import (
    default_legislative_demands,
    infer_legislatures,
)
from dotterel.components.events._lexicon import TriggerLexicon, default_lexicon
from dotterel.components.events._modality import assign_modality
from dotterel.components.events._nouns import noun_arguments
from dotterel.components.events._reciprocal import topics_dropped
from dotterel.components.events._relevance import RelevanceRules, apply_relevance, default_relevance
from dotterel.components.events._rules import CONSULT_ROOT, EventRules, default_rules
from dotterel.components.events._size import SizeWords, assign_sizes, default_size_words
from dotterel.components.events._state_protests import official_protests
from dotterel.components.events._triggers import find_triggers
from dotterel.components.events._valence import DisapprovalRules, default_disapproval
from dotterel.components.events._visits import visit_sides
from dotterel.dictionaries import VerbDictionary, load_verb_dictionaries
from dotterel.dictionaries.stored import (
    StoredDictionary,
    dictionaries_from_bytes,
    dictionaries_to_bytes,
    saved_dictionaries,
    write_dictionaries,
)
from dotterel.extensions import register_extensions

LOGGER = logging.getLogger(__name__)


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
        knowledge: ``"shipped"`` (default) loads the compiled CAMEO.2.0 verbs as the
            general layer under the lexicon; ``"none"`` leaves it out. Never used while
            user PETRARCH verb dictionaries are loaded.
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
        knowledge: str = "shipped",
    ) -> None:
        register_extensions()
        self.name = name
        self.lexicon = TriggerLexicon.load(lexicon_path) if lexicon_path else default_lexicon()
        self.rules = EventRules.load(rules_path) if rules_path else default_rules()
        self.relevance: RelevanceRules | None = default_relevance() if use_lexicon else None
        self.size_words: SizeWords = default_size_words()
        self.disapproval: DisapprovalRules = default_disapproval()
        #: who performs an agentless passive's act (``_implicit``); lexicon runs only
        self.implicit: ImplicitRules | None = default_implicit_rules() if use_lexicon else None
        #: frames that name an act's agent or a visit's sides (``_frames``, ``_visits``)
        self.frames: FrameWords | None = default_frame_words() if use_lexicon else None
        #: the general verb layer under the lexicon (CAMEO.2.0 mapped to PLOVER)
        self.knowledge: VerbDictionary | None = (
            _shipped_verbs() if knowledge == "shipped" and use_lexicon else None
        )
        self.cameo: CameoTable = load_table(cameo_path) if cameo_path else load_table()
        self.use_lexicon = use_lexicon
        self.nouns = nouns
        self.verbs: VerbDictionary | None = None
        #: the verb dictionaries loaded, in order: what ``to_disk`` saves
        self.dictionaries: list[StoredDictionary] = []
        #: verbs the lexicon codes: their participles describe, not judge (_disapproval)
        self._act_verbs = frozenset(
            lemma
            for (lemma, pos), rows in self.lexicon.rows.items()
            if pos == "VERB" and any(r.code for r in rows)
        )
        # lemma hashes of the lexicon, so most tokens are skipped with one integer lookup
        strings = nlp.vocab.strings
        self._lemma_ids = {
            strings.add(form)
            for lemma, _pos in self.lexicon.rows
            for form in (lemma, lemma.capitalize())
        }
        if self.knowledge is not None:
            skip = self.relevance.knowledge_skip_verbs if self.relevance else frozenset()
            self.knowledge = VerbDictionary.from_forms(
                {f: e for f, e in self.knowledge.forms.items() if f.lower() not in skip}
            )
            self._lemma_ids |= {strings.add(form.lower()) for form in self.knowledge.forms}
        if fallback:
            LOGGER.warning("event fallback classifier %r is not available; ignored", fallback)

    # ---- public API

    def load_verbs(self, paths: Sequence[str | Path]) -> None:
        """Load PETRARCH CAMEO verb dictionaries, consulted before the built-in lexicon."""
        self.verbs = load_verb_dictionaries(paths)
        self.dictionaries = [StoredDictionary.read("verbs", p) for p in paths]
        LOGGER.info("loaded %d verb forms from %d dictionaries", len(self.verbs), len(paths))

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        verbs: Sequence[str | Path] = (),
    ) -> None:
        """Load PETRARCH verb dictionaries in place of any loaded before (spaCy's
        ``initialize``; settings from ``[initialize.components.dotterel_events]``).

        Args:
            get_examples: unused (nothing is trained).
            nlp: unused.
            verbs: verb dictionary files, later ones overriding earlier ones; none leaves
                the built-in lexicon alone.
        """
        if verbs:
            self.load_verbs(verbs)
        else:
            self.verbs, self.dictionaries = None, []

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the loaded verb dictionaries (their text) into the directory ``path``."""
        write_dictionaries(path, self.dictionaries)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventsComponent:
        """Load the verb dictionaries :meth:`to_disk` saved (replacing any loaded)."""
        self.initialize(verbs=[file for _kind, file in saved_dictionaries(path)])
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return dictionaries_to_bytes(self.dictionaries)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EventsComponent:
        with dictionaries_from_bytes(data) as saved:
            self.initialize(verbs=[file for _kind, file in saved])
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.events = []
            return doc
        rules = self.rules
        drafts = find_triggers(
            doc,
            lexicon=self.lexicon,
            rules=rules,
            verbs=self.verbs,
            lemma_ids=self._lemma_ids,
            use_lexicon=self.use_lexicon,
            code_nouns=self._code_nouns(),
            knowledge=self.knowledge if self.verbs is None else None,
            default_roots=self.relevance.knowledge_default_roots if self.relevance else frozenset(),
        )
        headline = title_case_headline(doc) if self.relevance is not None else 0
        if headline:
            drafts = {k: d for k, d in drafts.items() if d.trigger.idx >= headline}
        for d in drafts.values():
            if d.trigger.pos_ in ("NOUN", "PROPN"):
                noun_arguments(d, rules)
            else:
                verb_arguments(d, rules)
            assign_modality(d, rules)
        if self.frames is not None and self.verbs is None:  # PETRARCH codes verb phrases
            apply_frames(drafts.values(), self.frames, rules)
            visit_sides(drafts, self.frames, rules)
            aim_deployments(list(drafts.values()))
            official_protests(list(drafts.values()))
        if self.implicit is not None and self.verbs is None:  # PETRARCH: only what is said
            infer_agents(list(drafts.values()), self.implicit)
            infer_addressees(list(drafts.values()), default_penalty_demands())
            infer_legislatures(list(drafts.values()), default_legislative_demands())
            answer_refusals(list(drafts.values()))
        fold_consequences(drafts, rules)
        compose(drafts, rules)
        if self.verbs is None:  # PETRARCH: a verb pattern's target is the pattern's
            topics_dropped(drafts.values(), CONSULT_ROOT)
        retarget_evaluations(drafts, rules.denial_object_nouns)
        answer_named_acts(drafts, rules.request_object_nouns, rules.act_anaphor_nouns)
        author_documents(doc, drafts, rules)
        retarget_denials(drafts.values(), rules)
        if self.implicit is not None and self.verbs is None:
            # last: every rule that reads a reaction's target in its own clause first
            address_reactions(list(drafts.values()), default_discourse_addressees())
        if self.relevance is not None:
            apply_relevance(drafts.values(), self.relevance, self.cameo)
        live = [d for d in drafts.values() if not d.absorbed]
        if self.relevance is not None and self.verbs is None:  # PETRARCH codes verbs only
            live += evaluation_drafts(
                doc,
                drafts,
                live,
                self.disapproval,
                self.relevance,
                self.cameo,
                act_verbs=self._act_verbs,
            )
        events = to_events(doc, live, rules, self.cameo)
        assign_sizes(doc, events, self.size_words)
        doc._.events = events
        return doc

    def _code_nouns(self) -> bool:
        """Whether event nouns are coded: see ``nouns`` in the class docstring."""
        if not self.use_lexicon:
            return False
        return self.verbs is None if self.nouns is None else self.nouns


@lru_cache(maxsize=1)
def _shipped_verbs() -> VerbDictionary:
    """The compiled CAMEO.2.0 verbs (:mod:`dotterel.knowledge`), decoded once per process."""
    from dotterel.knowledge import load_verb_dictionary

    return load_verb_dictionary()


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
        "knowledge": "shipped",
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
    knowledge: str,
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
        knowledge=knowledge,
    )


__all__ = ["EventsComponent", "TriggerLexicon", "make_events"]
