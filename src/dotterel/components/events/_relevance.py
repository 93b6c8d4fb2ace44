"""Relevance: drafts that are not events between political actors (issue 18).

Run after composition, before the drafts become events. General rules, each naming the
pattern it covers (word lists: ``data/events/formulas.tsv``, ``relevance.json``):

* **Sourcing formulas** are never events: "declined to comment", "asked not to be
  named", "requested anonymity", "who was not authorised to speak publicly", "when asked
  about", "according to" (pattern classes in ``formulas.tsv``).
* **Generic verbs** (help, provide, contribute, sign, meet, offer, ...) need a political
  actor as source: a coded actor, a name, or a political role noun of the actors' agent
  table ("officials", "prosecutors"), or "I"/"we" (the quoted speaker, whom the outlet
  quotes as an actor); an unresolved third-person pronoun, a private group ("people",
  "students") or an inanimate or abstract noun phrase ("the report provided details",
  "cooperation helped") is no source; a generic verb with neither source nor such a
  target is dropped, and a contact verb (visit, meet ...) needs a political target too
  ("was visiting her father" is private).
* **Speculation, need, inability and quoted views** (:mod:`._irrealis`): a hypothetical
  act without both sides coded, the infinitive of "unable"/"need", and a generic or
  general-layer verb inside a direct quote ("we see schools offering parents hope") are
  no realised acts between actors; quoted speech acts and performatives stay.
* **Not political** (:mod:`._nonpolitical`): natural hazards as actors, sport, campaign
  rallies, information given; **not asserted** (:mod:`._predictions`): predictions,
  open questions, pending acts, topics of talks, admissions.
* **Questions and conditions** are not realised acts ("can they file a lawsuit?", an
  ``if``/``unless`` clause: "if he committed no crime, ..."); the consequence clause
  keeps its own modality.
* **Supporting or opposing a policy is a stance** (:func:`._opinions.policy_stance`):
  "supports a two-state solution", "backed stronger gun laws", "opposes a minimum wage
  increase" (``stance_verbs``) name no actor supported or rejected.
* **Agreeing with an opinion is no agreement**: PLOVER AGREE is agreeing to act or
  settle; "accepted Gondor's view", "agreed with the accusations", "did not agree with
  their leaders' choice" take sides on a proposition (``opinion_nouns``). When the
  proposition blames an actor ("accepted the view that Mordor was responsible", "agreed
  with accusations that X had abused ...": an accusation noun or a ``blame_words``
  predicate) it is an ACCUSE of that actor, and so is rejecting a named holder's view
  ("did not agree with their leaders' choice"); otherwise it is an opinion and dropped.
* **Wishes and purposes are not realised acts**: an event in the clausal complement
  of a verb of wishing (``wish_verbs``: "hopes *that* the vote shows X supports Y",
  however deep) is a hope, and an event in an "in order to" purpose clause ("stayed
  vague in order to appeal to voters") is an aim ("hopes *to* sign", the subject's own
  intent, stays). Nor did a prevented act happen: the "from"-gerund of a verb of
  prevention (``prevention_verbs``: "blocked lawyers *from visiting* him") is dropped.
* **A meeting needs two sides** (a symmetric event): a consultation or negotiation
  (``two_sided_codes``: CAMEO 040, 046) with no target and a single, singular source
  ("the board meets on Monday", "could not hold a meeting", "would not discuss whether
  ...") is an internal or unrealised affair, not an event between actors; a
  coordinated or plural source ("X and Y met", "the two leaders held talks") or any
  target keeps it. Visits (042) and hosting (043) are one-sided by nature and stay.
* **Catenative "help"**: "help" governing another verb ("cooperation helped raise
  trade", "wants to help elect X", "helping her friend raise money") is a light verb
  over that act, not material aid; the governed verb is coded on its own if it is an
  event (``catenative_verbs`` in ``relevance.json``).
* **ASSAULT needs physical force** (PLOVER: the use of force; :mod:`._force`): a
  weapon, casualty or armed-participant word in the trigger's own clause, an armed actor
  role (MIL, COP, REB ...), a state or a people as a side (a bare country code, a
  nationality: "fighting between the two peoples") or a physical trigger, unless the use
  is figurative ("a political attack", "killed the bill"). Without it the verb is a
  metaphor: a verbal attack on a person or a record ("attacked her rival's record",
  "slammed the senator") becomes ACCUSE when it has a target, anything else ("the best
  person to beat X", "keeps fighting", "a campaign battle") is dropped; so is a promised
  or future fight
  ("will fight any change": :func:`._predictions.force_threat`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from dotterel.cameo import CameoTable
from dotterel.components._syntax import SUBJECT_DEPS, doc_text
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._force import physical
from dotterel.components.events._irrealis import (
    in_condition,
    in_direct_quote,
    in_question,
    quote_states,
    speculation,
    unrealised_frame,
)
from dotterel.components.events._nonpolitical import default_nonpolitical, nonpolitical
from dotterel.components.events._opinions import agreed_opinion, policy_stance
from dotterel.components.events._predictions import force_threat, unasserted

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent.parent / "data" / "events"
FORMULAS_PATH = DATA_DIR / "formulas.tsv"
RELEVANCE_PATH = DATA_DIR / "relevance.json"
#: the actors component's agent nouns (read only): person and role nouns are animate
AGENTS_PATH = DATA_DIR.parent / "actors" / "agents.tsv"


@dataclass(frozen=True)
class Formula:
    """One row of ``formulas.tsv``: a pattern class, trigger lemmas and its tests."""

    kind: str
    lemmas: frozenset[str]
    tests: tuple[tuple[str, frozenset[str]], ...]


@dataclass(frozen=True)
class RelevanceRules:
    """The formula rows and the word lists of ``relevance.json``."""

    formulas: tuple[Formula, ...]
    generic_verbs: frozenset[str]
    inanimate_ok_roots: frozenset[str]
    physical_words: frozenset[str]
    force_roles: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    accuse_code: str
    #: contact verbs whose other side must be political too ("visited her father")
    two_sided_verbs: frozenset[str] = frozenset()
    #: frequent light/support verbs the general verb layer leaves alone
    knowledge_skip_verbs: frozenset[str] = frozenset()
    #: head nouns of people and roles ("prosecutor", "official"), from the agent table
    person_nouns: frozenset[str] = frozenset()
    #: subordinators of a supposition ("if", "unless"): no realised act under them
    condition_marks: frozenset[str] = frozenset()
    #: verbs that are light over a governed verb ("helped raise"): no event then
    catenative_verbs: frozenset[str] = frozenset()
    #: propositions one agrees with ("view", "claim"): no AGREE over them
    opinion_nouns: frozenset[str] = frozenset()
    #: verbs of wishing: a clausal complement under them is a hope, not an act
    wish_verbs: frozenset[str] = frozenset()
    #: verbs of prevention: their "from"-gerund did not happen ("blocked X from visiting")
    prevention_verbs: frozenset[str] = frozenset()
    #: CAMEO codes of symmetric meetings that need two sides ("040", "046")
    two_sided_codes: frozenset[str] = frozenset()
    #: opinion nouns that are accusations themselves ("accusation", "allegation")
    accusation_nouns: frozenset[str] = frozenset()
    #: predicates of blame in a proposition ("responsible", "guilty")
    blame_words: frozenset[str] = frozenset()
    #: subjects of a performative speech act in a quote ("we", "I": "we welcome ...")
    performative_subjects: frozenset[str] = frozenset()
    #: words of need or inability: their infinitive is no realised act ("unable to")
    unrealised_heads: frozenset[str] = frozenset()
    #: verbs whose indefinite object may not exist ("need a leader who will ...")
    intensional_verbs: frozenset[str] = frozenset()
    #: CAMEO roots whose general-layer blocks code by their default code ("11")
    knowledge_default_roots: frozenset[str] = frozenset()
    #: nouns of family and friends: a visit to one is private ("visiting her father")
    kin_nouns: frozenset[str] = frozenset()
    #: nouns of belief and hope: their "that" clause is no realised act
    belief_nouns: frozenset[str] = frozenset()
    #: figurative force (``_force``): party members, "political" attacks, "killed the bill"
    party_member_nouns: frozenset[str] = frozenset()
    nonphysical_modifiers: frozenset[str] = frozenset()
    proposal_nouns: frozenset[str] = frozenset()
    #: issues one agrees with a person on ("agreed with X on most issues", ``_opinions``)
    issue_nouns: frozenset[str] = frozenset()
    #: SUPPORT codes that need no recipient (apologise, forgive): never a policy stance
    stance_free_codes: frozenset[str] = frozenset()
    #: policies, ideas and states of affairs one supports as a stance ("free trade")
    policy_nouns: frozenset[str] = frozenset()
    #: REJECT verbs of a standing view ("opposes a wage increase"): a stance too
    stance_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(
        cls, formulas: str | Path = FORMULAS_PATH, lists: str | Path = RELEVANCE_PATH
    ) -> RelevanceRules:
        raw = json.loads(Path(lists).read_text(encoding="utf-8"))

        def words(key: str) -> frozenset[str]:
            return frozenset(str(x).lower() for x in raw.get(key, []))

        return cls(
            formulas=tuple(read_formulas(formulas)),
            generic_verbs=words("generic_verbs"),
            inanimate_ok_roots=words("inanimate_ok_roots"),
            physical_words=words("physical_words"),
            force_roles=frozenset(str(x).upper() for x in raw.get("force_roles", [])),
            verbal_attack_verbs=words("verbal_attack_verbs"),
            accuse_code=str(raw.get("accuse_code", "111")),
            person_nouns=read_person_nouns(AGENTS_PATH),
            knowledge_skip_verbs=words("knowledge_skip_verbs"),
            two_sided_verbs=words("two_sided_verbs"),
            condition_marks=words("condition_marks"),
            catenative_verbs=words("catenative_verbs"),
            opinion_nouns=words("opinion_nouns"),
            two_sided_codes=words("two_sided_codes"),
            wish_verbs=words("wish_verbs"),
            prevention_verbs=words("prevention_verbs"),
            accusation_nouns=words("accusation_nouns"),
            blame_words=words("blame_words"),
            performative_subjects=words("performative_subjects"),
            knowledge_default_roots=words("knowledge_default_roots"),
            unrealised_heads=words("unrealised_heads"),
            intensional_verbs=words("intensional_verbs"),
            kin_nouns=words("kin_nouns"),
            belief_nouns=words("belief_nouns"),
            party_member_nouns=words("party_member_nouns"),
            nonphysical_modifiers=words("nonphysical_modifiers"),
            proposal_nouns=words("proposal_nouns"),
            issue_nouns=words("issue_nouns"),
            stance_free_codes=words("stance_free_codes"),
            policy_nouns=words("policy_nouns"),
            stance_verbs=words("stance_verbs"),
        )


#: Agent roles that are not political actors by themselves (people, students, clergy).
_PRIVATE_ROLES = frozenset({"CVL", "EDU", "REL", "HLH", "AGR", "LAB", "REF"})


def read_person_nouns(path: Path) -> frozenset[str]:
    """Head lemmas of the agent table's phrases with a political role ("official",
    "prosecutor", "party"), not private ones ("people", "student")."""
    if not path.exists():
        return frozenset()
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        roles = cols[1].strip() if len(cols) > 1 else ""
        if {roles[i : i + 3] for i in range(0, len(roles), 3)} & _PRIVATE_ROLES:
            continue
        out.add(cols[0].split()[-1].lower())
    return frozenset(out)


def read_formulas(path: str | Path) -> list[Formula]:
    """The rows of a formulas TSV (format in the shipped file's header)."""
    out: list[Formula] = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            LOGGER.warning("%s:%d: need class, lemmas and tests", path, lineno)
            continue
        tests = []
        for item in cols[2].split():
            key, _, vals = item.partition("=")
            tests.append((key.strip().lower(), frozenset(v.lower() for v in vals.split("|") if v)))
        out.append(
            Formula(cols[0].strip(), frozenset(cols[1].strip().lower().split("|")), tuple(tests))
        )
    return out


@lru_cache(maxsize=2)
def default_relevance() -> RelevanceRules:
    """The shipped relevance rules, read once per process."""
    return RelevanceRules.load()


def apply_relevance(drafts: Iterable[Draft], rules: RelevanceRules, cameo: CameoTable) -> None:
    """Mark drafts that are no events as ``absorbed``; recode verbal ASSAULTs as ACCUSE."""
    states: tuple[list[int], list[bool]] | None = None  # direct speech, found once per doc
    for d in drafts:
        if d.absorbed:
            continue
        if in_question(d.trigger):
            d.absorbed = True
            d.dropped = "question"
            continue
        if in_condition(d.trigger, rules.condition_marks):
            d.absorbed = True
            d.dropped = "condition"
            continue
        frame = unrealised_frame(
            d.trigger,
            rules.wish_verbs,
            rules.prevention_verbs,
            rules.unrealised_heads,
            rules.belief_nouns,
            rules.intensional_verbs,
        )
        if frame is not None:
            d.absorbed = True
            d.dropped = frame
            continue
        if _catenative(d.trigger, rules.catenative_verbs):
            d.absorbed = True
            d.dropped = "catenative"
            continue
        kind = formula_of(d.trigger, rules)
        reason = f"formula:{kind}" if kind else nonpolitical(d, default_nonpolitical())
        reason = reason or unasserted(d)
        if reason is not None:
            d.absorbed = True
            d.dropped = reason
            continue
        if _generic_without_actor(d, rules):
            d.absorbed = True
            d.dropped = "generic"
            continue
        if speculation(d):
            d.absorbed = True
            d.dropped = "speculation"
            continue
        if states is None:
            states = quote_states(doc_text(d.trigger.doc))
        if _quoted_description(d, rules, states):
            d.absorbed = True
            d.dropped = "quoted"
            continue
        if _one_sided_meeting(d, rules):
            d.absorbed = True
            d.dropped = "one_sided"
            continue
        row = cameo.get(d.code) if d.code[:2].isdigit() else None
        if row is not None and row.plover_type == "AGREE" and agreed_opinion(d, rules):
            continue
        stance = row is not None and (
            row.plover_type == "SUPPORT"
            or (row.plover_type == "REJECT" and d.trigger.lemma_.lower() in rules.stance_verbs)
        )
        if stance and policy_stance(d, rules):
            d.absorbed, d.dropped = True, "stance"
            continue
        forceful = row is not None and (row.plover_type == "ASSAULT" or force_threat(d))
        if forceful and not physical(d, rules):
            lemma = d.trigger.lemma_.lower()
            if lemma in rules.verbal_attack_verbs and d.targets:
                d.code = rules.accuse_code  # "attacked her rival's record": criticism
                d.paired = None
            else:
                d.absorbed = True
                d.dropped = "metaphor"


def _quoted_description(
    d: Draft, rules: RelevanceRules, states: tuple[list[int], list[bool]]
) -> bool:
    """A generic verb, or one only the CAMEO.2.0 general layer codes, inside a direct quote.

    Quoted speech is where a speaker gives views, predictions and generic statements
    ("we see schools offering parents hope", "the leaders we are raising money for"),
    which the events guide does not code; the speaker's own speech act stays an event
    ("we urge", "I congratulate" are not generic verbs), and so does a performative
    generic verb: present tense with a first-person subject ("we welcome the plan"),
    and a quoted charge of a material act done to a political actor ("it is providing
    the rebels with arms": a coded target other than private people).
    """
    tok = d.trigger
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    general = d.method.startswith("knowledge")
    if not general and tok.lemma_.lower() not in rules.generic_verbs:
        return False
    if not in_direct_quote(tok, states):
        return False
    if any(_coded_political(a, rules) for a in d.targets):
        return False  # a quoted charge of a material act ("it is providing the rebels arms")
    performative = tok.tag_ in ("VBP", "VBZ") and any(
        c.dep_ in SUBJECT_DEPS and c.lower_ in rules.performative_subjects for c in tok.children
    )
    return not performative


def _coded_political(arg: Argument, rules: RelevanceRules) -> bool:
    """Whether ``arg`` is a coded actor other than private people (``_PRIVATE_ROLES``)."""
    code = arg.actor_code
    roles = {code[i : i + 3] for i in range(3, len(code), 3)}
    return bool(code) and not roles & _PRIVATE_ROLES


def _one_sided_meeting(d: Draft, rules: RelevanceRules) -> bool:
    """A consultation with no other side: no target, one singular source."""
    if d.code not in rules.two_sided_codes or d.targets or d.others or len(d.sources) > 1:
        return False
    for a in d.sources:
        span = d.trigger.doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in root.children):
            return False  # "the two leaders met", "X and Y held talks"
    return True


def _catenative(tok: Token, verbs: frozenset[str]) -> bool:
    """ "helped raise trade", "help elect X": a light verb governing another verb."""
    return (
        tok.pos_ == "VERB"
        and tok.lemma_.lower() in verbs
        and any(c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" for c in tok.children)
    )


def formula_of(tok: Token, rules: RelevanceRules) -> str | None:
    """The pattern class of the sourcing formula ``tok`` sits in, if any."""
    lemma = tok.lemma_.lower()
    for f in rules.formulas:
        if "*" not in f.lemmas and lemma not in f.lemmas:
            continue
        if all(_test(tok, key, vals) for key, vals in f.tests):
            return f.kind
    return None


def _test(tok: Token, key: str, vals: frozenset[str]) -> bool:
    if key == "xcomp":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in vals for c in tok.children)
    if key == "head":
        return tok.dep_ in ("xcomp", "ccomp", "acl", "advcl") and tok.head.lemma_.lower() in vals
    if key == "obj":
        return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in vals for c in tok.children)
    if key == "pobj":
        return any(t.lemma_.lower() in vals for t in _prep_objects(tok))
    if key == "mark":
        return any(
            c.dep_ in ("mark", "advmod") and c.lower_ in vals and c.i < tok.i for c in tok.children
        )
    if key == "bare":
        return (
            tok.tag_ in ("VBN", "VBD")  # a clause-initial "Asked" is often tagged VBD
            and tok.dep_ in ("advcl", "ccomp", "acl")
            and not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        ) == ("1" in vals)
    if key == "passive":
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        return passive == ("1" in vals)
    if key == "prep":
        return any(c.dep_ == "prep" and c.lemma_.lower() in vals for c in tok.children)
    return False


def _prep_objects(tok: Token) -> list[Token]:
    """Objects of prepositions on ``tok``, and of "of" on those ("on condition of X")."""
    out: list[Token] = []
    for p in (c for c in tok.children if c.dep_ == "prep"):
        for o in (c for c in p.children if c.dep_ == "pobj"):
            out.append(o)
            for p2 in (c for c in o.children if c.dep_ == "prep"):
                out.extend(c for c in p2.children if c.dep_ == "pobj")
    return out


def _generic_without_actor(d: Draft, rules: RelevanceRules) -> bool:
    """A generic verb whose source is not a political actor ("the report provided")."""
    tok = d.trigger
    general = d.method.startswith("knowledge")  # the CAMEO.2.0 layer: weaker evidence
    if tok.pos_ not in ("VERB", "AUX") or (
        tok.lemma_.lower() not in rules.generic_verbs and not general
    ):
        return False
    if d.code[:2] in rules.inanimate_ok_roots:
        return False
    if d.sources and not any(_political(tok, a, rules) for a in d.sources):
        return True
    if tok.lemma_.lower() in rules.two_sided_verbs and _private_contact(d, rules):
        return True
    if d.targets and tok.lemma_.lower() in rules.two_sided_verbs:
        return not any(_political(tok, a, rules) for a in d.targets)
    if d.sources:
        return False
    return not any(_political(tok, a, rules) for a in d.targets)


def _private_contact(d: Draft, rules: RelevanceRules) -> bool:
    """A contact between private people: travellers named by their nationality ("Russians
    travelling to X": a plural people noun, no office) or a visit to one's family."""
    for arg, kin in [(a, False) for a in d.sources] + [(a, True) for a in d.targets]:
        span = d.trigger.doc.char_span(arg.start, arg.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        if kin and root.lemma_.lower() in rules.kin_nouns:
            return True
        if not kin and root.ent_type_ == "NORP" and root.tag_ in ("NNPS", "NNS"):
            return True
    return False


def _political(tok: Token, arg: Argument, rules: RelevanceRules) -> bool:
    """Whether ``arg`` can be a political actor: coded, a name, a political role noun, or
    a first-person pronoun (the speaker the outlet quotes: "we welcome the plan")."""
    if arg.coded:
        return True
    span = tok.doc.char_span(arg.start, arg.end, alignment_mode="expand")  # char offsets
    if span is None or not len(span):
        return False
    head = span.root
    return (
        (head.pos_ == "PRON" and head.lower_ in rules.performative_subjects)
        or head.pos_ == "PROPN"
        or head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or head.lemma_.lower() in rules.person_nouns
    )
