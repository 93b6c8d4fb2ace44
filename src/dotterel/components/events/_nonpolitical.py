"""Acts that are not political events however their verb reads (issue 18).

The events guide codes acts between political actors and names what is not one: sport,
culture, natural forces. Each rule below names the pattern it drops; the word lists are
general vocabulary in ``data/events/nonpolitical.json`` (with their provenance):

* **a natural hazard as the actor**: a storm, a flood, a fire or an epidemic threatens,
  hits or kills, but it is no actor ("the storm threatened crops", "floods hit the
  capital"); the act has no political source;
* **sport**: a sports team as the actor ("Pakistan's cricket team beat India", "the
  Olympic team refused to stay in the village"), or a contest verb over a match in its
  own clause ("beat India in the final"): a game, not an assault or a refusal;
* **a campaign rally is no protest**: a rally named after a candidate or a campaign
  ("the president's rally", "a Trump rally", "an election rally") gathers supporters;
  a rally *against* or *over* something stays a protest;
* **campaigning is no act on anyone**: "campaign", "canvass", "stump" seek votes ("is
  scheduled to campaign in Florida"), and a rally a speaker headlines or held *for* a
  candidate ("will headline a rally", "a rally for Clinton") is a campaign rally, and
  candidates meeting for a debate ("will meet for their second debate") hold no talks,
  nor does an act over the race itself with no coded target ("vowed to stay in the race");
* **an event is no actor**: a visit, a meeting or a deal as the only source ("the visit
  would strengthen ties", "the deal will help workers") names no one who acts;
* **deliberating over a document is no act on anyone**: "Parliament will debate the
  bill", "the ministry is reviewing the proposal" (every object a document);
* **a ceremony is no event**: "the minister inaugurated a bridge", "opened a hospital"
  (every object a structure; "opened an embassy" is not one), "ordered flags flown at
  half-staff", "declared three days of mourning";
* **a politician's rally is a campaign rally**: one an office holder, candidate or party
  holds ("Trump will hold a rally") or acts at ("attacked Clinton at a rally in Ohio");
  an opposition's or civilians' rally stays a protest;
* **asking about something is a question**: "asked the candidates about gun control" is
  no appeal; asking *for* something or *to* do it stays one;
* **an investigation of no one accuses no one**: investigating (CAMEO 09, PLOVER
  ACCUSE) is an accusation of the actor investigated ("investigates the minister's
  failure"); "investigating the cause of the crash", "monitoring the situation",
  "examined the charge" name no actor and are no event;
* **giving information is no aid**: a verb of giving whose object is information
  ("provided a statement", "gave no details", "gave a lower casualty figure",
  "supplied the data") or an expression of feeling ("offered condolences", "issued a
  security alert") reports what was said, not material help.

A side that is an audience, not an actor (the listener of a quote, an electorate, a
rival for a seat) is the rule of :mod:`._audiences`.
Harm and danger with no political actor (animals, accidents, forecasts, blame laid on
things, "no one was injured") are the rules of :mod:`._mishaps`; acts of private people
and firms (travellers, safety advice to the public, athletes and sporting events,
personal quarrels and ordinary crime, commerce) those of :mod:`._private`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from dotterel.components._syntax import SUBJECT_DEPS
from dotterel.components.events._audiences import audience_side
from dotterel.components.events._drafts import Draft
from dotterel.components.events._mishaps import counted, is_hazard, mishap, phrase_root
from dotterel.components.events._private import private_act
from dotterel.extensions import actor_at

NONPOLITICAL_PATH = Path(__file__).parent.parent / "data" / "events" / "nonpolitical.json"


@dataclass(frozen=True)
class NonPoliticalRules:
    """The word lists of ``nonpolitical.json``."""

    hazard_nouns: frozenset[str]
    team_nouns: frozenset[str]
    sport_words: frozenset[str]
    contest_verbs: frozenset[str]
    match_nouns: frozenset[str]
    rally_nouns: frozenset[str]
    campaign_words: frozenset[str]
    cause_prepositions: frozenset[str]
    giving_verbs: frozenset[str]
    information_nouns: frozenset[str]
    investigation_codes: tuple[str, ...]
    headline_verbs: frozenset[str] = frozenset()
    campaign_verbs: frozenset[str] = frozenset()
    campaign_for_prepositions: frozenset[str] = frozenset()
    debate_nouns: frozenset[str] = frozenset()
    race_nouns: frozenset[str] = frozenset()
    mourning_verbs: frozenset[str] = frozenset()
    mourning_nouns: frozenset[str] = frozenset()
    event_agent_nouns: frozenset[str] = frozenset()
    deliberation_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    ceremony_verbs: frozenset[str] = frozenset()
    structure_nouns: frozenset[str] = frozenset()
    question_verbs: frozenset[str] = frozenset()
    campaign_roles: frozenset[str] = frozenset()
    opposition_roles: frozenset[str] = frozenset()
    scene_prepositions: frozenset[str] = frozenset()
    # _audiences
    listener_pronouns: frozenset[str] = frozenset()
    audience_nouns: frozenset[str] = frozenset()
    popularity_prepositions: frozenset[str] = frozenset()
    race_challenge_verbs: frozenset[str] = frozenset()
    rival_nouns: frozenset[str] = frozenset()
    issue_prepositions: frozenset[str] = frozenset()
    legal_venue_nouns: frozenset[str] = frozenset()
    # _mishaps
    casualty_verbs: frozenset[str] = frozenset()
    bulletin_nouns: frozenset[str] = frozenset()
    gunfire_nouns: frozenset[str] = frozenset()
    gunfire_modifiers: frozenset[str] = frozenset()
    animal_nouns: frozenset[str] = frozenset()
    mishap_nouns: frozenset[str] = frozenset()
    blast_nouns: frozenset[str] = frozenset()
    mishap_modifiers: frozenset[str] = frozenset()
    accident_verbs: frozenset[str] = frozenset()
    vehicle_nouns: frozenset[str] = frozenset()
    weapon_nouns: frozenset[str] = frozenset()
    warning_verbs: frozenset[str] = frozenset()
    change_verbs: frozenset[str] = frozenset()
    blame_verbs: frozenset[str] = frozenset()
    cause_nouns: frozenset[str] = frozenset()
    no_one_words: frozenset[str] = frozenset()
    # _private
    proportion_nouns: frozenset[str] = frozenset()
    market_nouns: frozenset[str] = frozenset()
    artwork_nouns: frozenset[str] = frozenset()
    poll_nouns: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    traveller_nouns: frozenset[str] = frozenset()
    visit_codes: frozenset[str] = frozenset()
    advice_verbs: frozenset[str] = frozenset()
    public_nouns: frozenset[str] = frozenset()
    safety_verbs: frozenset[str] = frozenset()
    safety_nouns: frozenset[str] = frozenset()
    own_words: frozenset[str] = frozenset()
    armed_roles: frozenset[str] = frozenset()
    armed_nouns: frozenset[str] = frozenset()
    security_nouns: frozenset[str] = frozenset()
    office_nouns: frozenset[str] = frozenset()
    sport_person_nouns: frozenset[str] = frozenset()
    sport_event_nouns: frozenset[str] = frozenset()
    sports_body_nouns: frozenset[str] = frozenset()
    private_person_nouns: frozenset[str] = frozenset()
    business_nouns: frozenset[str] = frozenset()
    commerce_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path = NONPOLITICAL_PATH) -> NonPoliticalRules:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))

        def words(key: str) -> frozenset[str]:
            return frozenset(str(x).lower() for x in raw.get(key, []))

        return cls(
            hazard_nouns=words("hazard_nouns"),
            team_nouns=words("team_nouns"),
            sport_words=words("sport_words"),
            contest_verbs=words("contest_verbs"),
            match_nouns=words("match_nouns"),
            rally_nouns=words("rally_nouns"),
            campaign_words=words("campaign_words"),
            cause_prepositions=words("cause_prepositions"),
            giving_verbs=words("giving_verbs"),
            information_nouns=words("information_nouns"),
            investigation_codes=tuple(str(x) for x in raw["investigation_codes"]),
            headline_verbs=words("headline_verbs"),
            campaign_verbs=words("campaign_verbs"),
            campaign_for_prepositions=words("campaign_for_prepositions"),
            debate_nouns=words("debate_nouns"),
            race_nouns=words("race_nouns"),
            mourning_verbs=words("mourning_verbs"),
            mourning_nouns=words("mourning_nouns"),
            event_agent_nouns=words("event_agent_nouns"),
            deliberation_verbs=words("deliberation_verbs"),
            document_nouns=words("document_nouns"),
            ceremony_verbs=words("ceremony_verbs"),
            structure_nouns=words("structure_nouns"),
            question_verbs=words("question_verbs"),
            campaign_roles=frozenset(str(x).upper() for x in raw.get("campaign_roles", [])),
            opposition_roles=frozenset(str(x).upper() for x in raw.get("opposition_roles", [])),
            scene_prepositions=words("scene_prepositions"),
            casualty_verbs=words("casualty_verbs"),
            bulletin_nouns=words("bulletin_nouns"),
            gunfire_nouns=words("gunfire_nouns"),
            gunfire_modifiers=words("gunfire_modifiers"),
            animal_nouns=words("animal_nouns"),
            mishap_nouns=words("mishap_nouns"),
            blast_nouns=words("blast_nouns"),
            mishap_modifiers=words("mishap_modifiers"),
            accident_verbs=words("accident_verbs"),
            vehicle_nouns=words("vehicle_nouns"),
            weapon_nouns=words("weapon_nouns"),
            warning_verbs=words("warning_verbs"),
            change_verbs=words("change_verbs"),
            blame_verbs=words("blame_verbs"),
            cause_nouns=words("cause_nouns"),
            no_one_words=words("no_one_words"),
            quantity_nouns=words("quantity_nouns"),
            proportion_nouns=words("proportion_nouns"),
            market_nouns=words("market_nouns"),
            artwork_nouns=words("artwork_nouns"),
            poll_nouns=words("poll_nouns"),
            traveller_nouns=words("traveller_nouns"),
            visit_codes=words("visit_codes"),
            advice_verbs=words("advice_verbs"),
            public_nouns=words("public_nouns"),
            safety_verbs=words("safety_verbs"),
            safety_nouns=words("safety_nouns"),
            own_words=words("own_words"),
            sport_person_nouns=words("sport_person_nouns"),
            sport_event_nouns=words("sport_event_nouns"),
            sports_body_nouns=words("sports_body_nouns"),
            private_person_nouns=words("private_person_nouns"),
            business_nouns=words("business_nouns"),
            commerce_verbs=words("commerce_verbs"),
            armed_nouns=words("armed_nouns"),
            security_nouns=words("security_nouns"),
            office_nouns=words("office_nouns"),
            armed_roles=frozenset(str(x).upper() for x in raw.get("armed_roles", [])),
            **{k: words(k) for k in _AUDIENCE_LISTS},
        )


#: the lists :mod:`._audiences` reads
_AUDIENCE_LISTS = (
    "listener_pronouns",
    "audience_nouns",
    "popularity_prepositions",
    "race_challenge_verbs",
    "rival_nouns",
    "issue_prepositions",
    "legal_venue_nouns",
)


@lru_cache(maxsize=1)
def default_nonpolitical() -> NonPoliticalRules:
    """The shipped lists, read once per process."""
    return NonPoliticalRules.load()


def nonpolitical(d: Draft, rules: NonPoliticalRules) -> str | None:
    """Why the draft is no political event (``hazard``, ``sport``, ``campaign_rally``,
    ``no_suspect``, ``information``, the reasons of :func:`._mishaps.mishap` and
    :func:`._private.private_act`), or None."""
    doc = d.trigger.doc
    sources = [(a, r) for a in d.sources if (r := phrase_root(doc, a)) is not None]
    if any(is_hazard(r, rules) for _, r in sources):
        return "hazard"
    # a team a user's dictionary names is the user's actor ("the KU basketball team")
    teams = [a for a, r in sources if _team(r, rules)]
    if any(not (a.actor and a.actor.method == "user-dictionary") for a in teams):
        return "sport"
    if _contest(d.trigger, rules):
        return "sport"
    if _campaign_rally(d.trigger, rules) or _politicians_rally(d, rules):
        return "campaign_rally"
    if d.code.startswith(rules.investigation_codes) and not any(a.coded for a in d.targets):
        return "no_suspect"
    if _information_given(d.trigger, rules):
        return "information"
    if _campaigning(d.trigger, rules) or _debate(d, rules) or _in_the_race(d, rules):
        return "campaigning"
    if reason := audience_side(d, rules):
        return reason  # the listener of a quote, an electorate, a rival for a seat
    if _over_documents(d.trigger, rules.mourning_verbs, rules, rules.mourning_nouns):
        return "ceremony"  # "ordered flags flown at half-staff", "declared a day of mourning"
    if _question(d.trigger, rules):
        return "question_asked"
    # the source's own head: "their meeting", "meetings of the committee" name actors
    own = [(a, phrase_root(doc, a, climb=False)) for a in d.sources]
    if own and all(
        r is not None
        and r.lemma_.lower() in rules.event_agent_nouns
        and (not a.coded or _only_modified(r))
        for a, r in own
    ):
        # "the visit would strengthen ties", "the DNC email scandal forced him to resign"
        # (an actor that only modifies the event or cause is not what acts; a possessor,
        # "the country's insurance program", owns it and acts through it)
        return "event_as_actor"
    if not any(a.coded for a in d.targets) and _over_documents(
        d.trigger, rules.deliberation_verbs, rules
    ):
        return "deliberation"  # "considering Arnor's request" (a coded target) stays
    if _over_documents(d.trigger, rules.ceremony_verbs, rules, rules.structure_nouns):
        return "ceremony"
    return mishap(d, rules) or private_act(d, rules)


def _only_modified(root: Token) -> bool:
    """Whether the actor of ``root``'s phrase is only a modifier of it ("the *DNC* email
    scandal", "the *Russian* visit"): no actor at the head and no possessor."""
    doc = root.doc
    if actor_at(doc, root.idx, root.idx + len(root)) is not None:
        return False
    return not any(c.dep_ == "poss" for c in root.children)


def _team(root: Token, rules: NonPoliticalRules) -> bool:
    """A sports team: a team noun with a sport word in its phrase ("the national cricket
    team", "Olympic squad"); a bare "team" may be a negotiating or legal team."""
    if root.lemma_.lower() not in rules.team_nouns:
        return False
    return any(t.lower_ in rules.sport_words for t in root.subtree)


def _contest(trigger: Token, rules: NonPoliticalRules) -> bool:
    """A contest verb ("beat", "defeat") with a match noun in its own phrases ("beat
    India in the final", "won the match")."""
    if trigger.lemma_.lower() not in rules.contest_verbs:
        return False
    return any(
        (t.pos_ == "NOUN" or t.dep_ in ("pobj", "dobj"))  # "in the final" tags ADJ
        and t.lemma_.lower() in rules.match_nouns
        for c in trigger.children
        if c.dep_ in ("prep", "dobj", "npadvmod", "obl")
        for t in c.subtree
    )


def _campaign_rally(trigger: Token, rules: NonPoliticalRules) -> bool:
    """A rally noun named after a person or a campaign, with no cause phrase; the noun is
    the trigger or the object of a light verb ("held a campaign rally")."""
    rally = _rally_noun(trigger, rules)
    if rally is None or _has_cause(rally, trigger, rules):
        return False
    if any(  # "a rally for Clinton": the candidate it supports
        c.dep_ == "prep" and c.lower_ == "for" and o.ent_type_ == "PERSON"
        for c in rally.children
        for o in c.children
    ):
        return True
    governor = rally.head if rally.dep_ in ("dobj", "obj") else trigger
    if governor.lemma_.lower() in rules.headline_verbs:
        return True  # "Obama will headline a rally": a speaker's, not a protest
    for c in rally.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in rules.campaign_words:
            return True
        if c.dep_ in ("poss", "compound") and c.ent_type_ == "PERSON":
            return True
        if c.dep_ == "poss" and c.lemma_.lower() in rules.campaign_words:
            return True
    return False


def _politicians_rally(d: Draft, rules: NonPoliticalRules) -> bool:
    """A rally an office holder, candidate or party holds ("Trump will hold a rally"), or
    the scene of such a speaker's act ("attacked Clinton *at a rally* in Ohio"): a campaign
    rally, not a protest; an opposition's or civilians' rally, or one with a cause
    ("against", "over"), stays a protest."""
    if not d.code.startswith(("14", "133")):  # a protest, or one planned ("will hold")
        return False
    trigger = d.trigger
    rally = _rally_noun(trigger, rules)
    if rally is None or _has_cause(rally, trigger, rules):
        return False
    if rally is not trigger:  # "held a rally": the light verb's subject
        verb = trigger
    elif rally.dep_ == "pobj" and rally.head.lower_ in rules.scene_prepositions:
        verb = rally.head.head  # "attacked X at a rally": the speaker acting there
    else:
        return False
    codes = [_code_at(h) for h in _subjects(verb)]
    return bool(codes) and all(_campaigner(c, rules) for c in codes)


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it completes ("is scheduled to hold")."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass"]
        if subj or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return subj
        verb = verb.head
    return []


def _rally_noun(trigger: Token, rules: NonPoliticalRules) -> Token | None:
    """The rally noun: the trigger, or the object of its light verb ("held a rally")."""
    nouns = [trigger, *(c for c in trigger.children if c.dep_ in ("dobj", "obj"))]
    return next((n for n in nouns if n.pos_ == "NOUN" and n.lemma_ in rules.rally_nouns), None)


def _has_cause(rally: Token, trigger: Token, rules: NonPoliticalRules) -> bool:
    """A cause phrase on the rally or its verb ("a rally against the war")."""
    return any(
        c.dep_ == "prep" and c.lower_ in rules.cause_prepositions
        for c in (*rally.children, *trigger.children)
    )


def _code_at(tok: Token) -> str:
    """The code of the actor named by ``tok``'s phrase, or ``""``."""
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    actor = actor_at(tok.doc, span.start_char, span.end_char)
    return (actor.code or "") if actor is not None else ""


def _campaigner(code: str, rules: NonPoliticalRules) -> bool:
    """An office holder, candidate or party, and no opposition or civilian role."""
    roles = {code[i : i + 3] for i in range(3, len(code), 3)}
    return bool(roles & rules.campaign_roles) and not roles & rules.opposition_roles


def _campaigning(trigger: Token, rules: NonPoliticalRules) -> bool:
    """Seeking votes ("is scheduled to campaign in Florida") acts on no one; campaigning
    *for* or *with* someone, or *against* something, is left to the lexicon ("would
    campaign for him" endorses him)."""
    return (
        trigger.pos_ == "VERB"
        and trigger.lemma_.lower() in rules.campaign_verbs
        and not any(
            c.dep_ == "prep" and c.lower_ in rules.campaign_for_prepositions
            for c in trigger.children
        )
    )


def _debate(d: Draft, rules: NonPoliticalRules) -> bool:
    """Candidates meeting *for* a debate ("will meet for their second debate") hold a
    contest before voters, not a consultation."""
    return d.code.startswith(("03", "04")) and any(
        o.lemma_.lower() in rules.debate_nouns
        for c in d.trigger.children
        if c.dep_ == "prep" and c.lower_ in ("for", "in", "at")
        for o in c.children
        if o.dep_ == "pobj"
    )


def _over_documents(
    trigger: Token,
    verbs: frozenset[str],
    rules: NonPoliticalRules,
    objects: frozenset[str] | None = None,
) -> bool:
    """A verb of ``verbs`` whose every object is a document ("will debate the bill",
    "reviewed the proposal") or, for ceremonies, a structure ("inaugurated a bridge")."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in verbs:
        return False
    nouns = rules.document_nouns if objects is None else objects
    dobjs = [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    return bool(dobjs) and all(o.lemma_.lower() in nouns for o in dobjs)


def _in_the_race(d: Draft, rules: NonPoliticalRules) -> bool:
    """An act over the race itself with no coded target ("vowed to stay in the race",
    "tightening her grip on the nomination"): campaigning, not an act on an actor."""
    if any(a.coded for a in d.targets):
        return False
    return any(
        t.lemma_.lower() in rules.race_nouns and t.pos_ == "NOUN"
        for c in d.trigger.children
        if c.dep_ not in ("nsubj", "nsubjpass", "csubj")
        for t in c.subtree
    )


def _question(trigger: Token, rules: NonPoliticalRules) -> bool:
    """Asking *about* something is a question, not an appeal ("asked the candidates about
    gun control"); asking *for* something or *to* do it stays a request."""
    if trigger.lemma_.lower() not in rules.question_verbs or trigger.pos_ != "VERB":
        return False
    deps = {(c.dep_, c.lower_) for c in trigger.children}
    if any(dep in ("xcomp", "ccomp") or (dep == "prep" and w == "for") for dep, w in deps):
        return False
    return ("prep", "about") in deps


def _information_given(trigger: Token, rules: NonPoliticalRules) -> bool:
    """A verb of giving whose object is information ("provided a statement", "thousands
    of pages": through a count)."""
    if trigger.pos_ not in ("VERB", "AUX") or trigger.lemma_.lower() not in rules.giving_verbs:
        return False
    objects = [
        counted(c, rules.quantity_nouns) for c in trigger.children if c.dep_ in ("dobj", "obj")
    ]
    return bool(objects) and all(o.lemma_.lower() in rules.information_nouns for o in objects)


__all__ = ["NonPoliticalRules", "default_nonpolitical", "nonpolitical"]
