"""Acts of private people and firms: travel, safety advice, sport, quarrels, commerce.

Rules of :mod:`._nonpolitical` (which calls them): the events guide codes acts between
political actors, with civilians only as the target of one. Each rule names the pattern
it drops; the word lists are general vocabulary in ``data/events/nonpolitical.json``:

* **markets are no actors**: a market, a price or a currency as the source ("stocks
  rallied", "Asian markets retreated", "oil prices attacked the $80 mark");
* **culture**: a work as the only target ("critics slammed the film", "praised the novel");
* **a poll result is no act**: a share of the public ("a majority of Americans support
  stricter laws", "60 percent of voters disapprove of the president") or an act a poll
  reports ("polls suggest that most Britons oppose the plan");
* **a private traveller is no visitor**: a visit or an arrival (``visit_codes``) whose
  visitor is private people ("hundreds of migrants arrived in Italy", "Indian pilgrims
  travelled to Pakistan", "thousands of tourists visited Egypt") and whose other side is
  a place, not an actor to meet ("students visited the president" stays);
* **safety advice to the public is no demand or threat**: a verb of advice to members of
  the public ("residents", "drivers", "its citizens") to take care ("the embassy warned
  citizens to avoid the area", "the governor urged residents to stay indoors", "advised
  Americans not to travel", "ordered the evacuation of 10,000 people"); an armed
  source's warning ("the army warned residents to leave") may be a threat and stays;
* **sport**: an athlete or a referee as a side ("the swimmer rejected the doping
  allegations", "criticised the referee"), a sports body as the target ("suspended the
  weightlifting federation"), or a sporting event in the act's own phrase ("withdrew
  from the tournament", "will host the Rugby World Cup") when no side holds a political
  office or is armed or police, and no coded side suffers a conflictual act ("banned
  Russia from the Olympics" stays);
* **a personal quarrel or an ordinary crime is between private people**: every side one
  private person ("the man attacked his girlfriend", "the robber threatened the
  cashier", "the coach accused the referee"); civilians harmed by an armed or political
  actor stay;
* **commerce**: a firm acting on the market with no political side ("the board rejected
  the takeover bid", "investors demanded higher returns", "Amazon agreed to buy Whole
  Foods"); a firm's act towards a government keeps its coded target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._mishaps import counted, noun_words, phrase_root
from dotterel.components.events._syntax import prep_objects
from dotterel.extensions import actor_at

if TYPE_CHECKING:
    from dotterel.components.events._nonpolitical import NonPoliticalRules

#: Role codes of private people and firms: a side coded so is not political by itself.
_PRIVATE_ROLES = frozenset({"CVL", "EDU", "REL", "HLH", "AGR", "LAB", "REF", "BUS", "MNC"})
#: Roles of office: a side with one makes a sporting occasion political.
_OFFICE_ROLES = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "OPP", "PTY", "ELI"})
#: PLOVER types a firm or private person does without a political side (no force).
_VERBAL_TYPES = ("0", "10", "11", "12", "13")
#: CAMEO roots of stances a poll measures: intent, support, demand, disapproval, rejection.
_STANCE_ROOTS = frozenset({"03", "05", "10", "11", "12"})
_ARG_DEPS = frozenset({"prep", "dobj", "obj", "npadvmod", "obl", "dative", "attr", "advmod"})


def private_act(d: Draft, rules: NonPoliticalRules) -> str | None:
    """Why the draft is an act of private people or firms (``traveller``,
    ``public_advice``, ``sport``, ``private_quarrel``, ``commerce``), or None."""
    doc = d.trigger.doc
    q = rules.quantity_nouns
    sources = [(a, counted(r, q)) for a in d.sources if (r := phrase_root(doc, a)) is not None]
    targets = [(a, counted(r, q)) for a in d.targets if (r := phrase_root(doc, a)) is not None]
    if any(_market(r, rules) for _, r in sources):
        return "market"  # "stocks rallied", "the pound surrendered its gains"
    if targets and all(r.lemma_.lower() in rules.artwork_nouns for _, r in targets):
        return "culture"  # "critics slammed the film", "praised the novel"
    if _poll_result(d, rules):
        return "poll_result"
    if _private_traveller(d, sources, targets, rules):
        return "traveller"
    if _public_advice(d, sources, targets, rules):
        return "public_advice"
    if _sport(d, sources, targets, rules):
        return "sport"
    if sources and targets and all(_private_person(a, r, rules) for a, r in (*sources, *targets)):
        return "private_quarrel"
    if _commerce(d, sources, targets, rules):
        return "commerce"
    return None


def _market(root: Token, rules: NonPoliticalRules) -> bool:
    """A market, a price or a currency ("stocks", "oil prices", "the dollar", "the Nikkei")."""
    return any(w in rules.market_nouns for w in (root.lemma_.lower(), root.lower_))


def _poll_result(d: Draft, rules: NonPoliticalRules) -> bool:
    """A share of the public in a poll ("a majority of Americans support", "60 percent
    of voters disapprove"), or an act a poll reports ("polls suggest that most Britons
    oppose", "..., according to the survey"); a stance, not a deed a survey found ("the
    survey found that police killed 1,000 people" stays)."""
    tok = d.trigger
    if d.code[:2] not in _STANCE_ROOTS:
        return False
    for a in d.sources:
        span = tok.doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
            head = head.head.head  # "a majority of Americans"
        if head.lemma_.lower() in rules.proportion_nouns:
            return True
    clause = tok
    while clause.dep_ in ("xcomp", "conj", "aux") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in rules.poll_nouns
        for c in clause.head.children
    ):
        return True  # "the poll found that ..."
    return any(
        c.lemma_ == "accord" and any(o.lemma_.lower() in rules.poll_nouns for o in c.subtree)
        for c in clause.children
        if c.dep_ == "prep"
    )


def _roles(arg: Argument) -> set[str]:
    code = arg.actor_code
    return {code[i : i + 3] for i in range(3, len(code), 3)}


def _political(arg: Argument) -> bool:
    """Coded to a state or an organisation other than private people and firms."""
    if not arg.coded:
        return False
    roles = _roles(arg)
    return not roles or not roles <= _PRIVATE_ROLES


def _place(root: Token) -> bool:
    return root.ent_type_ in ("GPE", "LOC", "FAC")


def _private_traveller(
    d: Draft,
    sources: list[tuple[Argument, Token]],
    targets: list[tuple[Argument, Token]],
    rules: NonPoliticalRules,
) -> bool:
    if not d.code.startswith(tuple(rules.visit_codes)) or not sources:
        return False
    if not all(r.lemma_.lower() in rules.traveller_nouns for _, r in sources):
        return False
    # a place, not a seat of government ("visited the White House": coded USAGOV)
    return all(_place(r) and not (r.ent_type_ == "FAC" and _political(a)) for a, r in targets)


def _public_advice(
    d: Draft,
    sources: list[tuple[Argument, Token]],
    targets: list[tuple[Argument, Token]],
    rules: NonPoliticalRules,
) -> bool:
    tok = d.trigger
    if tok.lemma_.lower() not in rules.advice_verbs or not targets:
        return False
    if any(
        _roles(a) & rules.armed_roles or r.lemma_.lower() in rules.armed_nouns for a, r in sources
    ):
        return False  # "militants ordered residents to stay": a threat
    evacuations = [
        c
        for c in tok.children
        if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in rules.safety_nouns
    ]
    if evacuations and all(r in evacuations for _, r in targets):
        evacuated = [  # "the evacuation of 10,000 people", not "of its embassy"
            counted(o, rules.quantity_nouns) for e in evacuations for o in prep_objects(e, {"of"})
        ]
        return all(_public(o, rules) for o in evacuated)
    # the side's own head ("*10,000 people*") or the phrase it sits in ("*citizens* in
    # Arnor"); a place on the verb ("advised its citizens *in Arnor*") is no addressee
    q = rules.quantity_nouns
    own_heads = [counted(phrase_root(d.trigger.doc, a, climb=False) or r, q) for a, r in targets]
    heads = [o if _public(o, rules) else r for o, (_, r) in zip(own_heads, targets, strict=True)]
    heads = [h for h in heads if not _place_on(h, tok)]
    heads += [counted(c, q) for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not heads or not all(_public(h, rules) for h in heads):
        return False
    own = any(c.dep_ == "poss" and c.lower_ in rules.own_words for h in heads for c in h.children)
    return own or any(
        c.dep_ in ("xcomp", "ccomp", "advcl") and c.lemma_.lower() in rules.safety_verbs
        for c in tok.children
    )


def _place_on(head: Token, verb: Token) -> bool:
    """A place phrase on the verb ("advised its citizens *in Arnor*")."""
    return (
        head.dep_ == "pobj"
        and head.head.lower_ in ("in", "at", "inside", "across", "throughout")
        and head.head.head.i == verb.i
    )


def _public(head: Token, rules: NonPoliticalRules) -> bool:
    """Members of the public: "residents", "its citizens", a nationality ("Americans")."""
    if head.lemma_.lower() in rules.public_nouns:
        return True
    return head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS")


def _sport(
    d: Draft,
    sources: list[tuple[Argument, Token]],
    targets: list[tuple[Argument, Token]],
    rules: NonPoliticalRules,
) -> bool:
    sides = (*sources, *targets)
    if any(r.lemma_.lower() in rules.sport_person_nouns for _, r in sources):
        return True  # "the swimmer rejected the allegations"
    # an athlete or a sports body acted on by a political actor may be politics (a ban)
    if not any(a.coded for a, _ in sources) and any(
        r.lemma_.lower() in rules.sport_person_nouns or _sports_body(r, rules) for _, r in targets
    ):
        return True  # "the coach accused the referee"
    if any(_roles(a) & _OFFICE_ROLES for a, _ in sides):
        return False
    if any(r.lemma_.lower() in rules.armed_nouns | rules.security_nouns for _, r in sides):
        return False  # "fans attacked police after the match": violence against the state
    if d.code.startswith("1") and any(a.coded for a, _ in sides):
        return False  # "the IOC banned Russia from the Olympics": a sanction of a state
    return any(
        any(w in rules.sport_event_nouns for w in noun_words(t))
        for c in d.trigger.children
        if c.dep_ in _ARG_DEPS
        for t in c.subtree
        if t.pos_ in ("NOUN", "PROPN")
    )


def _sports_body(root: Token, rules: NonPoliticalRules) -> bool:
    """A team or body with a sport word in its phrase ("the weightlifting federation")."""
    return root.lemma_.lower() in rules.sports_body_nouns and any(
        t.lower_ in rules.sport_words for t in root.subtree
    )


def _private_person(arg: Argument, root: Token, rules: NonPoliticalRules) -> bool:
    """A private individual: a common person noun, coded at most as private people."""
    if _political(arg) or root.pos_ == "PROPN" or root.ent_type_ in ("PERSON", "ORG"):
        return False
    # one person, not a group: "herders attacked farmers" may be communal violence
    return root.tag_ == "NN" and root.lemma_.lower() in rules.private_person_nouns


def _names_state(tok: Token) -> bool:
    """Whether the act's phrase names a political actor besides its sides ("refused to
    hand over data *to Gondor*")."""
    doc = tok.doc
    for t in tok.subtree:
        if t.pos_ != "PROPN" or t.i == tok.i:
            continue
        actor = actor_at(doc, t.idx, t.idx + len(t))
        code = (actor.code or "") if actor is not None else ""
        roles = {code[i : i + 3] for i in range(3, len(code), 3)}
        if code and (not roles or not roles <= _PRIVATE_ROLES):
            return True  # a state, or a role of office
    return False


def _commerce(
    d: Draft,
    sources: list[tuple[Argument, Token]],
    targets: list[tuple[Argument, Token]],
    rules: NonPoliticalRules,
) -> bool:
    if not d.code.startswith(_VERBAL_TYPES):
        return False
    if not sources or any(_political(a) for a, _ in (*sources, *targets)):
        return False
    if any(r.lemma_.lower() in rules.office_nouns for _, r in targets):
        return False  # "the company accused the government": a firm acting politically
    if _names_state(d.trigger):
        return False  # "refused to hand over data to Gondor": towards a state
    if all(r.lemma_.lower() in rules.business_nouns for _, r in sources):
        return True  # "the board rejected the bid", "investors demanded higher returns"
    return any(  # "Amazon agreed to buy Whole Foods"
        c.dep_ == "xcomp" and c.lemma_.lower() in rules.commerce_verbs for c in d.trigger.children
    )


__all__ = ["private_act"]
