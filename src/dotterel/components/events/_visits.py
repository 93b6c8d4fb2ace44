"""Visits: the visitor is the source, the host the target (CAMEO 042 "make a visit").

News names the sides of a visit through frames the parse does not tie to the verb:

* **the participle on its visitor** "X, *visiting* Hanoi, signed ...": X visits;
* **the attributive participle** "met / received / held talks with / a reception for
  *visiting* X": the parser makes "visiting" a verb whose object is X, and X is the
  visitor, not the visited; the host is the subject of the verb that governs it ("the
  president *received* visiting X", "*held* a reception for visiting X"), and a host
  frame that is no event of its own ("a reception for") adds the host's side (CAMEO
  043, ``host_code``); a verb of meeting that lost its object to the participle gets
  it back;
* **the clause around a visit noun**: "X, who is *on* a visit to Y", "*during* his visit
  to Y, X signed ...", "X arrived *for* a visit": the subject of that clause makes the
  visit (not when it is of the visited country: "Y's president met him during his visit
  to Y");
* **the host of a visit with no destination**: the country of the place it is "in"
  ("visiting X in Hanoi"), else of the article's dateline ("HANOI -- ... during X's
  visit"), marked inferred, and never the visitor's own country.

Word lists in ``data/events/frames.json`` (``visit_lemmas``, ``visit_preps``).
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from dotterel.cameo import is_country
from dotterel.components._syntax import SUBJECT_DEPS
from dotterel.components.events._arguments import subject_heads
from dotterel.components.events._drafts import Argument, Draft
from dotterel.components.events._frames import FrameWords
from dotterel.components.events._implicit import setting_country
from dotterel.components.events._participants import arguments_for, located_place
from dotterel.components.events._rules import EventRules
from dotterel.components.events._syntax import OBJ
from dotterel.extensions import records

LOGGER = logging.getLogger(__name__)


def visit_sides(drafts: dict[int, Draft], words: FrameWords, rules: EventRules) -> None:
    """Set the visitor and host of each visit in ``drafts`` (see the module docstring)."""
    for d in list(drafts.values()):
        if d.absorbed or d.trigger.lemma_.lower() not in words.visit_lemmas:
            continue
        tok = d.trigger
        if tok.pos_ == "VERB":
            attributive_visit(d, drafts, words, rules)
        elif not any(s.coded for s in d.sources):
            visitor = clause_visitor(tok, d.targets, drafts, words, rules)
            hosts = d.targets if d.targets else place_host(tok, visitor)
            hosts = [t for t in hosts if t.coded]
            if visitor and hosts:
                # a visitor read from the clause only with a host: "X arrived for a visit"
                # leaves the visit to the verb that codes it
                d.sources, d.targets = visitor, hosts
            continue
        if any(s.coded for s in d.sources) and not d.targets:
            # only a visit that names nothing visited: "visiting her father" is private
            d.targets = place_host(tok, d.sources)


def attributive_visit(
    d: Draft, drafts: dict[int, Draft], words: FrameWords, rules: EventRules
) -> None:
    """ "received *visiting* X", "a reception for *visiting* X": X visits the host."""
    tok = d.trigger
    if tok.tag_ == "VBG" and tok.dep_ == "acl" and not any(s.coded for s in d.sources):
        # "Modi, visiting Hanoi, signed ...": the participle describes the visitor; a
        # plural ("tourists visiting Peru") is a private group, and no one visits home
        if tok.head.tag_ in ("NNS", "NNPS"):
            return
        host = {_country(t) for t in d.targets}
        d.sources = [
            a for a in arguments_for([tok.head]) if a.coded and _country(a) not in host
        ] or d.sources
        return
    if tok.tag_ != "VBG" or tok.dep_ not in ("xcomp", "pcomp", "advcl"):
        return
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in tok.children):
        return  # "is visiting X", "X visiting Y": a finite visit, read as it is
    objects = [c for c in tok.children if c.dep_ in OBJ and not _is_place(c)]
    if not objects:
        return  # "said during a trip, visiting Hanoi": the object is the place visited
    visitors = [a for a in arguments_for(objects) if a.coded]
    if not visitors:
        return
    governor = _host_governor(tok)
    keys = {v.key for v in visitors}
    hosts = []
    if governor is not None:
        hosts = [
            a
            for a in arguments_for(subject_heads(governor, rules))
            if a.coded and a.key not in keys
        ]
    d.sources, d.targets = visitors, hosts
    if not hosts:
        d.targets = place_host(tok, visitors)
        return
    frame = drafts.get(governor.i) if governor is not None else None
    if frame is None:
        # "received / held a reception for visiting X": the host's side, which no
        # trigger codes
        d.paired = words.host_code
    elif frame is not None and not any(t.coded for t in frame.targets):
        # "met visiting X": the parser gave the meeting's object to the participle
        frame.targets = list(visitors)


def _host_governor(tok: Token) -> Token | None:
    """The verb whose subject hosts the visitor of an attributive "visiting": the verb
    it complements ("received visiting X"), or the verb governing the noun whose
    phrase it is ("held a reception for visiting X", "at a reception for ...")."""
    if tok.dep_ in ("xcomp", "advcl"):
        return tok.head
    prep = tok.head
    noun = prep.head
    if noun.pos_ in ("VERB", "AUX"):
        return noun  # "talked with visiting X"
    if noun.dep_ in OBJ and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def clause_visitor(
    tok: Token,
    hosts: list[Argument],
    drafts: dict[int, Draft],
    words: FrameWords,
    rules: EventRules,
) -> list[Argument]:
    """Who makes the visit noun ``tok`` by the clause it is an adjunct of: the subject
    of "X is *on* a visit", "*during* his visit, X signed", never of the host's country."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in words.visit_preps:
        return []
    verb = tok.head.head
    clause = drafts.get(verb.i)
    if verb.pos_ not in ("VERB", "AUX") or (clause is not None and clause.code[:2] == "04"):
        return []  # "arrived for a visit": the verb codes the visit itself
    host = {_country(a) for a in hosts} - {None}
    return [
        a for a in arguments_for(subject_heads(verb, rules)) if a.coded and _country(a) not in host
    ]


def place_host(tok: Token, visitors: list[Argument]) -> list[Argument]:
    """The host of a visit with no coded target: the country of the place it is "in",
    else of the dateline (inferred); none when that is the visitor's own country."""
    own = {_country(a) for a in visitors}
    found = located_place(tok, {"in"}, demonyms=False)
    if found is None:
        for c in tok.children:
            if c.dep_ in OBJ and (found := located_place(c, {"in"}, demonyms=False)):
                break
    if found is not None:
        place, iso3 = found
        if iso3 in own:
            return []
        return [Argument(start=place.start, end=place.end, text=place.text, code=iso3)]
    setting = setting_country(tok.doc)
    if setting is None or setting in own or None in own:
        return []  # a visitor of no known country may be at home there
    end = tok.idx + len(tok)
    return [Argument(start=tok.idx, end=end, text="(host)", code=setting, inferred=True)]


def _country(a: Argument) -> str | None:
    """The country of a side's code ("RUSGOV": RUS), if it has one."""
    code = a.code or (a.actor.country or a.actor.code if a.actor is not None else None)
    if code and is_country(code[:3]):
        return code[:3].upper()
    return None


def _is_place(tok: Token) -> bool:
    """Whether ``tok`` lies in a place name that is no nationality word ("Hanoi")."""
    start = tok.idx
    return any(p.start <= start < p.end and not p.demonym for p in records(tok.doc, "places"))
