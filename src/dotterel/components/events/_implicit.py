"""Implicit agents: who arrests, sentences or releases when a passive names no one.

"Park was arrested in March", "journalists jailed last year", "X should be released":
the clause names the patient and no agent, yet who performs these acts is general
knowledge of how states work (``data/events/implicit_agents.json``, with its
provenance): arrests are made by the state's police (``COP``), charges, convictions and
sentences come from its prosecutors and courts (``JUD``), imprisonment, release, pardon
and expulsion from its government (``GOV``). The pass fills the missing source of such
an act with that role of the state's country, marked ``inferred``:

* only an **agentless passive** ("was arrested", "was convicted and *sentenced*"), an
  active verb whose subject is an impersonal "they" that coreference left without an
  antecedent ("they arrested him", "they should release him": the authorities), a
  passive participle on its patient ("journalists *jailed* last year"), or an act noun
  with its patient and no actor of its own ("called for *the release of* X"), whose event
  has a patient and no source (a second verb that shares the passive but was tagged a
  past tense, "and sentenced", first gets its patient back as target: the arguments
  pass took it for a subject); never one with a ``by`` agent, nor one whose clause
  names who acted some other way ("held by her *captors*", "detained in a raid by
  security forces": an agent word, or an actor that is not a place, outside the patient
  and outside embedded clauses), but for a modifier of what the patient is put "under"
  ("put under *police* surveillance", "placed under *army* guard": that role acts);
  never a hostage's release (the captors free hostages);
* the **country** is the place the act happened in ("arrested *in Tehran*": a
  locative phrase of the verb), else the patient's own country (its coded actor), else
  the place of the article's dateline; for verbs of removal ("expelled", "deported",
  whose patient is usually a foreigner) never the patient's. No country read: the side
  stays empty, nothing is invented.

The pass runs before composition, so that composition carries the inferred side where
an act's source goes: "X should be released, she said" is a demand by the speaker *of*
whoever holds X (the inferred government becomes the demand's target), "should never
have been arrested" a criticism of the police. The inferred side is an
:class:`~dotterel.components.events._drafts.Argument` with a code and a bracketed label
("(police)") and no actor; events record it in ``Event.inferred`` and the confidence
formula does not count it as a coded side. Off while PETRARCH verb dictionaries are
loaded: PETRARCH codes only what the text says.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from dotterel.cameo import is_country
from dotterel.components._dateline import opening_dateline
from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._participants import is_actorish, iso3_of, located_place
from dotterel.components.events._syntax import OBJ, is_passive, prep_objects, span_root
from dotterel.extensions import actor_at, records
from dotterel.model import Place

LOGGER = logging.getLogger(__name__)

IMPLICIT_PATH = Path(__file__).parent.parent / "data" / "events" / "implicit_agents.json"

#: Children that open another clause: their words are not this clause's ("jailed for
#: *criticising the government*" names no jailer).
_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "conj", "cc", "parataxis"}
)


@dataclass(frozen=True)
class ImplicitRules:
    """The contents of ``implicit_agents.json``."""

    #: CAMEO code prefix -> role ("173" -> "COP")
    codes: dict[str, str]
    #: verb lemma -> role, where one code family covers acts of several branches
    lemmas: dict[str, str]
    #: CAMEO roots a ``lemmas`` row needs
    lemma_roots: frozenset[str]
    #: verbs of removal: the acting state is never the patient's country
    place_only_verbs: frozenset[str]
    #: role -> the words shown for the inferred side
    labels: dict[str, str]
    #: lemmas naming who acts: with one in the clause, nothing is inferred
    agent_words: frozenset[str]
    #: patient heads whose release or detention is no state act
    exempt_patients: frozenset[str]
    #: prepositions of the place the act happened in
    place_preps: frozenset[str]
    #: modifiers of an act noun that name its doer's role ("a *police* shooting")
    modifier_agents: dict[str, str]
    #: posts, units and vehicles of a body named by such a modifier ("a police *checkpoint*")
    facility_nouns: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path = IMPLICIT_PATH) -> ImplicitRules:
        raw: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in raw.get(key, []))

        return cls(
            codes={str(k): str(v) for k, v in raw.get("codes", {}).items()},
            lemmas={str(k).lower(): str(v) for k, v in raw.get("lemmas", {}).items()},
            lemma_roots=words("lemma_roots"),
            place_only_verbs=words("place_only_verbs"),
            labels={str(k): str(v) for k, v in raw.get("labels", {}).items()},
            agent_words=words("agent_words"),
            exempt_patients=words("exempt_patients"),
            place_preps=words("place_preps"),
            modifier_agents={
                str(k).lower(): str(v) for k, v in raw.get("modifier_agents", {}).items()
            },
            facility_nouns=words("facility_nouns"),
        )

    def side(self, tok: Token, country: str, role: str) -> Argument:
        """The inferred side over ``tok``: ``country`` + ``role``, shown by the role's
        label ("(police)")."""
        label = self.labels.get(role, f"({role.lower()})")
        return Argument(tok.idx, tok.idx + len(tok), label, code=country + role, inferred=True)

    def role(self, lemma: str, code: str) -> str | None:
        """The role that performs an act of this verb and CAMEO code, if a state's."""
        if lemma in self.lemmas and code[:2] in self.lemma_roots:
            return self.lemmas[lemma]
        best = max((p for p in self.codes if code.startswith(p)), key=len, default=None)
        return self.codes[best] if best is not None else None


@lru_cache(maxsize=1)
def default_implicit_rules() -> ImplicitRules:
    """The shipped table, read once per process."""
    return ImplicitRules.load()


def infer_agents(drafts: list[Draft], rules: ImplicitRules) -> None:
    """Give each agentless passive act of a state its inferred source (module docstring),
    and each act noun its doer named by a modifier ("a *police* shooting"); a side that
    is a post or unit of a body ("a police checkpoint") is that body."""
    for d in drafts:
        if not d.absorbed:
            doc = d.trigger.doc
            d.sources = [facility_owner(doc, a, rules) or a for a in d.sources]
            d.targets = [facility_owner(doc, a, rules) or a for a in d.targets]
        if not d.absorbed and not d.sources and d.trigger.pos_ == "NOUN":
            arg = modifier_agent(d, rules)
            if arg is not None:
                d.sources = [arg]
                continue
        if d.absorbed:
            continue
        lemma = d.trigger.lemma_.lower()
        if rules.role(lemma, d.code) is None and under_role(d.trigger, rules) is None:
            continue
        if shared_passive_misread(d):
            d.targets, d.sources = d.sources, []
        arg = implicit_agent(d, rules)
        if arg is not None:
            d.sources = [arg]


def implicit_agent(d: Draft, rules: ImplicitRules) -> Argument | None:
    """The inferred source of ``d``, or ``None`` when the text names one or none fits."""
    tok = d.trigger
    impersonal = impersonal_they(d)
    if (d.sources and not impersonal) or not d.targets or d.absorbed:
        return None
    lemma = tok.lemma_.lower()
    named = under_role(tok, rules) if tok.pos_ == "VERB" else None
    role = named or rules.role(lemma, d.code)
    if role is None:
        return None
    if tok.pos_ == "NOUN":
        # "the release of X", "X's arrest": an act noun with its patient and no
        # possessor or "by" phrase that acts
        if prep_objects(tok, {"by"}):
            return None
    elif tok.pos_ != "VERB" or not (impersonal or agentless_passive(tok)):
        return None
    doc = tok.doc
    for a in d.targets:
        head = span_root(doc, a.start, a.end)
        if head is None or _exempt(head, rules):
            return None
        if a.actor is None and not a.code and not is_actorish(head):
            return None  # "the report was released": no person, no state act
    if named is None and names_agent(tok, d.targets, rules):
        return None
    country = clause_country(tok, rules)
    if country is None and lemma not in rules.place_only_verbs:
        country = patient_country(d.targets)
    if country is None:
        country = setting_country(doc)
    if country is None:
        return None
    return rules.side(tok, country, role)


def impersonal_they(d: Draft) -> bool:
    """Whether the act's one source is a "they" coreference left without an antecedent:
    the impersonal "they" of the authorities ("they arrested him in March", "if he did
    nothing wrong, they should release him"), which names no one more than a passive
    does. Only the acts of a state's branches (``codes``, ``lemmas``) get an agent so."""
    if len(d.sources) != 1:
        return False
    a = d.sources[0]
    return not a.coded and a.text.lower() == "they"


def under_role(verb: Token, rules: ImplicitRules) -> str | None:
    """The role that keeps a patient "under" its watch: "was put under *police*
    surveillance", "placed under *army* guard" name who acts by the modifier of the
    noun after "under" (``modifier_agents``), not by a subject or a ``by`` phrase."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "under":
            for noun in prep.children:
                role = modifier_role(noun, rules) if noun.dep_ == "pobj" else None
                if role is not None:
                    return role
    return None


def modifier_role(noun: Token, rules: ImplicitRules) -> str | None:
    """The role a modifier before ``noun`` names ("a *police* shooting", "an *army*
    base"), if one of ``modifier_agents``."""
    return next(
        (
            rules.modifier_agents[c.lemma_.lower()]
            for c in noun.children
            if c.i < noun.i
            and c.dep_ in ("compound", "amod", "nmod")
            and c.lemma_.lower() in rules.modifier_agents
        ),
        None,
    )


def modifier_agent(d: Draft, rules: ImplicitRules) -> Argument | None:
    """The doer a modifier of an act noun names by its role ("a police shooting", "an
    army raid"), in the country of the clause's place or the article's setting."""
    tok = d.trigger
    role = modifier_role(tok, rules)
    if role is None:
        return None
    country = clause_country(tok, rules) or setting_country(tok.doc)
    if country is None:
        return None
    return rules.side(tok, country, role)


def facility_owner(doc: Doc, arg: Argument, rules: ImplicitRules) -> Argument | None:
    """The body whose post, unit or vehicle ``arg`` is ("attacked *a police checkpoint*":
    the police; "ambushed *a military convoy*": the military), when no actor of its own
    is named by the phrase's head words: a country placed inside the phrase ("an army
    base *in northern Mali*") is where the post is and gives the body's country; else
    the clause's place, else the article's dateline. ``None``: not such a side."""
    if arg.inferred:
        return None
    head = span_root(doc, arg.start, arg.end)
    if head is None or head.lemma_.lower() not in rules.facility_nouns:
        return None
    role = modifier_role(head, rules)
    if role is None:
        return None
    country: str | None = None
    if arg.coded:
        code = arg.actor_code
        if len(code) != 3 or not is_country(code) or arg.start <= head.idx:
            return None  # an actor of the phrase's own words ("a Nigerian army convoy")
        country = code  # the place of the post ("an army base in northern Mali")
    country = country or clause_country(head, rules) or clause_country(head.head, rules)
    country = country or setting_country(head.doc)
    if country is None:
        return None
    return Argument(arg.start, arg.end, arg.text, code=country + role, inferred=True)


def shared_passive_misread(d: Draft) -> bool:
    """ "was convicted and *sentenced* to six years" with the second verb tagged a past
    tense: it shares the passive, yet the arguments pass took the first verb's patient
    for its subject. Only a verb with no subject and no object of its own, whose only
    sources are the first verb's passive subject."""
    tok = d.trigger
    if not (tok.dep_ == "conj" and tok.tag_ == "VBD" and is_passive(tok.head)) or d.targets:
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in OBJ for c in tok.children) or not d.sources:
        return False
    spans = [
        (s.left_edge.idx, s.right_edge.idx + len(s.right_edge))
        for s in tok.head.children
        if s.dep_ in PASSIVE_SUBJECT_DEPS
    ]
    return all(any(a <= x.start and x.end <= b for a, b in spans) for x in d.sources)


def agentless_passive(tok: Token) -> bool:
    """Whether ``tok`` is a passive verb with no ``by`` agent: "was arrested", the second
    of "was found guilty and *sentenced*", or a participle on its patient ("journalists
    *jailed* last year")."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False
    if is_passive(tok):
        return True
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    if tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD") and is_passive(tok.head):
        # the shared passive: unless the first verb has the agent ("arrested by police
        # and charged"); a past tense ("and sentenced", mis-tagged) only with no object
        own_object = tok.tag_ == "VBD" and any(c.dep_ in OBJ for c in tok.children)
        return not (has_subject or own_object or any(c.dep_ == "agent" for c in tok.head.children))
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and not has_subject
        and not any(c.lemma_ == "have" or c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children)
    )


#: Prepositions of where a patient is sent: their object receives, it does not act.
_DESTINATIONS = frozenset({"to", "into", "toward", "towards"})


def names_agent(tok: Token, patients: list[Argument], rules: ImplicitRules) -> bool:
    """Whether the clause of ``tok`` names who acted, outside the patient and its
    destination: an agent word ("police surveillance") or an actor that is not a place
    ("detained by order of X"; not "extradited to X")."""
    doc = tok.doc
    spans = [(a.start, a.end) for a in patients]
    places = records(doc, "places")
    # "extradited to the United States", "deported to Mexico": where the patient goes
    stack = [
        c
        for c in tok.children
        if c.dep_ not in _CLAUSE_DEPS and not (c.dep_ == "prep" and c.lower_ in _DESTINATIONS)
    ]
    while stack:
        t = stack.pop()
        if t.dep_ in PASSIVE_SUBJECT_DEPS or any(a <= t.idx < b for a, b in spans):
            continue  # the patient and what it owns
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS)
        if t.lemma_.lower() in rules.agent_words or t.lower_ in rules.agent_words:
            return True
        end = t.idx + len(t)
        if actor_at(doc, t.idx, end) is not None and not _in_place(places, t.idx, end):
            return True
    return False


def clause_country(tok: Token, rules: ImplicitRules) -> str | None:
    """The country of the place the act happened in ("arrested *in Tehran*")."""
    found = located_place(tok, rules.place_preps, demonyms=False)
    return found[1] if found is not None else None


def patient_country(patients: list[Argument]) -> str | None:
    """The one country of the patients' coded actors (none, or several: ``None``)."""
    found: set[str] = set()
    for a in patients:
        code = (a.actor.country or a.actor.code) if a.actor is not None else a.code
        if code and is_country(code[:3]):
            found.add(code[:3].upper())
    return found.pop() if len(found) == 1 else None


def setting_country(doc: Doc) -> str | None:
    """The country of the article's dateline place ("BAKU, Azerbaijan (AP) --")."""
    dateline = opening_dateline(doc)
    if dateline is None:
        return None
    for p in records(doc, "places"):
        if dateline.start <= p.start and p.end <= dateline.end and p.country_code:
            return iso3_of(p.country_code)
    return None


def _exempt(head: Token, rules: ImplicitRules) -> bool:
    """Whether the patient is one the state does not hold ("the *kidnapped* girls")."""
    words = [head, *(c for c in head.children if c.dep_ in ("amod", "compound", "acl"))]
    return any(
        t.lemma_.lower() in rules.exempt_patients or t.lower_ in rules.exempt_patients
        for t in words
    )


def _in_place(places: list[Place], start: int, end: int) -> bool:
    return any(p.start <= start and end <= p.end and not p.demonym for p in places)
