"""Sides that are an audience or an electorate, not an actor acted on (issue 18).

Each rule names the pattern it drops; the word lists are general English vocabulary in
``data/events/nonpolitical.json``. Used by :func:`._nonpolitical.nonpolitical`.

* **the listener of a quote is no recipient**: a demand or appeal whose every target is
  the second person ("'You should not ask about this,' the spokesman said", "you need to
  talk to the lawyers") addresses the reporter or the reader the speaker talks to, not
  a political actor (``listener_pronouns``, ``audience_nouns``); when the verb of saying
  names another listener ("'You must withdraw,' she told Putin"), "you" is that listener;
* **popularity is no act**: support *among* a group ("continues to draw support among
  older voters", "her backing among veterans") measures how a candidate stands with
  an electorate, as a poll does; no one is reported backing anyone
  (``popularity_prepositions``);
* **running against someone is no accusation**: "challenge" with a person as its bare
  object ("Ortiz, who is challenging Rep. Marsh in the primary", "challenged the
  incumbent") is an electoral contest; challenging someone *over*, *on* or *to*
  something ("challenged the president over his budget", "to a debate"), in court, or
  challenging a thing ("challenged the ruling") stays (``race_challenge_verbs``,
  ``issue_prepositions``, ``legal_venue_nouns``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dotterel.components.events._drafts import Draft
from dotterel.components.events._mishaps import phrase_root
from dotterel.components.events._participants import arguments_for

if TYPE_CHECKING:
    from dotterel.components.events._nonpolitical import NonPoliticalRules

#: CAMEO roots of appeals and demands (PLOVER REQUEST) and of support (SUPPORT).
_REQUEST_ROOTS = ("02", "10")
_SUPPORT_ROOT = "05"


def audience_side(d: Draft, rules: NonPoliticalRules) -> str | None:
    """Why the draft's side is an audience (``listener``, ``popularity``, ``electoral``),
    or None."""
    if d.code.startswith(_REQUEST_ROOTS) and _to_listener(d, rules):
        return "listener"
    tok = d.trigger
    among = rules.popularity_prepositions
    if (
        d.code.startswith(_SUPPORT_ROOT)
        and tok.pos_ == "NOUN"
        and any(c.dep_ == "prep" and c.lower_ in among for c in tok.children)
    ):
        return "popularity"
    if _race_challenge(d, rules):
        return "electoral"
    return None


def _to_listener(d: Draft, rules: NonPoliticalRules) -> bool:
    """Every target is the second person, whatever the demanded act's own object ("you
    should not ask *me*", "you should ask the ministry": the listener is still asked).

    When the verb of saying names its listener ("'You must withdraw,' X *told Putin*",
    "told the attorney general"), "you" is that listener: the demand is retargeted to it
    and kept, unless the listener is the press or the public (``audience_nouns``: "told
    reporters")."""
    if not d.targets:
        return False
    doc = d.trigger.doc
    for a in d.targets:
        root = phrase_root(doc, a, climb=False)
        if a.coded or root is None or root.lower_ not in rules.listener_pronouns:
            return False
    told = [c for c in d.trigger.children if c.dep_ in ("dobj", "dative", "obj")]
    if any(t.lemma_.lower() in rules.audience_nouns for t in told):
        return True  # "told reporters", "told the crowd": the press or the public
    if told:
        d.targets = arguments_for(told)  # "told Putin", "told the attorney general"
        return False
    return True  # "..., he said": the reporter he talks to


def _race_challenge(d: Draft, rules: NonPoliticalRules) -> bool:
    """ "is challenging Rep. Marsh (in the primary)": a person as the bare object."""
    tok = d.trigger
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in rules.race_challenge_verbs:
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objects or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return False
    if not all(o.ent_type_ == "PERSON" or o.lemma_.lower() in rules.rival_nouns for o in objects):
        return False  # "challenged the ruling", "the law": a thing contested
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in rules.issue_prepositions:
            return False  # "over his budget", "to a debate", "on human rights"
        if c.dep_ == "prep" and any(t.lemma_.lower() in rules.legal_venue_nouns for t in c.subtree):
            return False  # "in court": a legal challenge
    return True


__all__ = ["audience_side"]
