"""Rule-based coreference for actors: pronouns and definite descriptions.

Used by :mod:`dotterel.components.actors` (not a pipeline component of its own: the
actor component needs the resolutions before it numbers mentions and builds actors):
:func:`dotterel.components.actors._anaphors.find_anaphors` collects pronouns and
descriptions, :func:`resolve` ties them to earlier mentions.

Why rules and not a library: coreferee, the maintained spaCy coreference package, loads
its English model from a model hub at run time, which dotterel must never do (it runs
offline and on workers without network); the neural resolvers (fastcoref, AllenNLP) are
as heavy as the whole pipeline and would break the 0.8x-of-bare-spaCy speed budget. News
reports about political actors need a narrow slice of coreference: an event's subject is
"it"/"they" for the state or group named in the previous clause, a source is "it adds"
after "reports the New York Times", and groups are re-described ("the insurgents", "the
terrorist group", "the Islamic Republic"). Those rules are cheap and testable:

* **Pronouns** (``coref.json``): an antecedent must have a compatible kind and number:
  "he"/"she" one person (a name, or a singular role noun such as "the police
  commissioner", ``individual_nouns``), never of the other gender when the text marks it
  ("Mr", "spokeswoman") or an unambiguous earlier "he"/"she" bound it; "it"/"they" never
  one person. It lies in the same sentence (before the pronoun) or at most ``window``
  sentences back; a pronoun outside quotation marks counts only narrative sentences
  (wholly quoted ones are skipped: a long quotation does not push its speaker out of
  reach). Never a name inside a fronted clause whose understood subject is the pronoun
  ("After meeting X, he said"), nor, for an object pronoun, its own clause's subject
  ("X said he would campaign with him"). Ranking: nearer sentence first, then narrative
  actors before those a quotation talks about, then names before role nouns, then
  grammatical role (subject of the main clause, other subjects, the rest; a possessive
  skips this in its own sentence: "the Americans and their allies"), then number
  agreement ("they" may still mean a state), then nearest in the same sentence / first
  in earlier ones (salience).
* **Sources vs. content**: a pronoun that is the subject of a reporting verb outside a
  quotation ("..., it adds") refers to an earlier *source* (subject of a reporting verb or
  a news outlet), up to ``speaker_window`` sentences back; "he said" or "it said" prefers
  the last one who spoke but may take an actor in reach who has not spoken yet ("Mr X
  disclosed this. He said ...", "The committee released a report. It accused ..."); a
  pronoun inside a quotation never refers to the quotation's own
  source, and a source outside it never to someone the quotation talks about.
* **Bracketed insertions**: "They [Iran] ..." resolves to the bracketed name.
* **Definite descriptions** (``descriptions.tsv``): "the" + a listed head phrase refers to
  the most recent actor of a listed kind anywhere earlier in the article (optionally
  restricted to some countries, with a default: "the Islamic Republic" -> Iran); a role
  ("the government") turns the antecedent's country into that country's government.
* **Short names**: "the Times" refers to an earlier outlet or organisation whose name
  contains "Times" (the New York Times).

Every resolution records which rule fired, so the actor record can say why.
"""

from __future__ import annotations

import bisect
import json
import logging
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Token

LOGGER = logging.getLogger(__name__)

#: Kinds whose mentions agree with a plural pronoun even when the mention is singular.
COLLECTIVE_KINDS = frozenset({"group", "people"})
#: What "the <Name>" may abbreviate ("the Times" for the New York Times).
SHORT_NAME_KINDS = frozenset({"media", "organisation", "igo", "group", "government"})
PRONOUN_TAGS = frozenset({"PRP", "PRP$"})


@dataclass(frozen=True, slots=True)
class PronounRule:
    number: str
    kinds: frozenset[str]
    #: ``m``/``f`` for "he"/"she" and their forms, else ``None``.
    gender: str | None = None


@dataclass(slots=True)
class CorefRules:
    """The pronoun table, reporting verbs and windows from ``coref.json``."""

    pronouns: dict[str, PronounRule]
    reporting_verbs: frozenset[str]
    #: Reporting verbs a news outlet does itself: only their subject may be an outlet.
    outlet_verbs: frozenset[str] = frozenset()
    window: int = 2
    speaker_window: int = 5
    #: Honorifics that mark a name's gender ("Mrs" -> ``f``).
    titles: dict[str, str] = field(default_factory=dict)
    #: Singular role nouns that denote one person ("commissioner"), with the gender
    #: they mark ("spokeswoman" -> ``f``) or "".
    individual_nouns: dict[str, str] = field(default_factory=dict)
    #: Nouns that re-describe a person named before ("the 49-year-old billionaire").
    person_descriptions: frozenset[str] = frozenset()
    #: "each country", "both governments", "the two countries": the two states named last.
    pair_nouns: frozenset[str] = frozenset()
    pair_words: frozenset[str] = frozenset()
    #: pair nouns of persons: "both men" are the two persons named last, of any country
    person_pair_nouns: frozenset[str] = frozenset()
    #: pair nouns that may name two bodies of one country ("the two sides": a
    #: government and its rebels; "both parties": Democrats and Republicans)
    domestic_pair_nouns: frozenset[str] = frozenset()
    #: Head nouns of a body's name ("the committee", "the panel", "the department"):
    #: "the <noun>" is the body named last whose name holds one of the words given.
    body_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> CorefRules:
        data = json.loads(path.read_text(encoding="utf-8"))
        pronouns = {
            word: PronounRule(spec["number"], frozenset(spec["kinds"]), spec.get("gender"))
            for word, spec in data["pronouns"].items()
        }
        return cls(
            pronouns=pronouns,
            reporting_verbs=frozenset(data["reporting_verbs"]),
            outlet_verbs=frozenset(data.get("outlet_verbs", ())),
            window=int(data.get("window", 2)),
            speaker_window=int(data.get("speaker_window", 5)),
            titles=dict(data.get("titles", {})),
            individual_nouns=dict(data.get("individual_nouns", {})),
            person_descriptions=frozenset(data.get("person_descriptions", ())),
            pair_nouns=frozenset(data.get("pair_nouns", ())),
            pair_words=frozenset(data.get("pair_words", ())),
            person_pair_nouns=frozenset(data.get("person_pair_nouns", ())),
            domestic_pair_nouns=frozenset(data.get("domestic_pair_nouns", ())),
            body_nouns={k: tuple(v) for k, v in data.get("body_nouns", {}).items()},
        )


@dataclass(slots=True)
class Antecedent:
    """A mention already tied to an actor (token offsets ``[start, end)``)."""

    start: int
    end: int
    key: Hashable
    kind: str
    plural: bool
    sent: int
    #: 0 subject of the main clause, 1 another subject, 2 anything else.
    role: int
    #: Subject of a reporting verb (a source).
    speaker: bool
    in_quote: bool
    country: str | None
    name: str
    #: One person: a person, or a singular role noun ("the police commissioner"):
    #: what "he"/"she" may refer to and "it"/"they" may not.
    individual: bool = False
    #: ``m``/``f`` when the text marks it ("Mr", "spokeswoman"), else ``None``.
    gender: str | None = None
    #: Index of its sentence among the sentences that are not wholly quoted (for a
    #: wholly quoted one, that of the narrative sentence before it). ``-1``: not
    #: known, count every sentence.
    narrative: int = -1
    #: The outlet filing the story (the dateline's wire agency, the article's outlet):
    #: what "it"/"the agency" names only as the subject of "said", "reported" ...
    reporter: bool = False
    #: Its actor's code ("DEUGOV"), when coded.
    code: str | None = None
    #: The mention's own words, lower-cased ("the justice department").
    words: frozenset[str] = frozenset()


@dataclass(slots=True)
class Anaphor:
    """A pronoun, definite description or short name waiting for an antecedent."""

    start: int
    end: int
    sent: int
    #: ``pronoun``, ``description`` or ``name``.
    type: str
    kinds: frozenset[str]
    number: str = "any"
    role: int = 2
    in_quote: bool = False
    speaker: bool = False
    #: Subject of a verb a news outlet does itself ("It reported"): may be the outlet.
    outlet_speaker: bool = False
    plural: bool = False
    countries: tuple[str, ...] = ()
    #: Role code a description adds to its antecedent's country ("the government": GOV).
    add_role: str | None = None
    #: Words of a short name ("times" for "the Times"); for a ``body`` ("the panel"),
    #: the name words any one of which the antecedent's name or mention must hold.
    words: tuple[str, ...] = ()
    #: A ``body`` that is also a description of ``descriptions.tsv`` ("the agency"):
    #: with no body so named before, it is resolved as that description.
    described: bool = False
    #: A possessive determiner ("its", "their"): the nearest antecedent wins in its own
    #: sentence ("the Americans and their allies"), whatever its role.
    possessive: bool = False
    #: An antecedent fixed by the text itself ("They [Iran]").
    forced: Antecedent | None = None
    #: The table row or rule that made this an anaphor (for the evidence trail).
    rule: str = ""
    #: ``m``/``f`` for "he"/"she".
    gender: str | None = None
    #: As :attr:`Antecedent.narrative`.
    narrative: int = -1
    #: Token range ``[lo, hi]`` of a fronted adverbial clause without a subject of its own
    #: ("After meeting X, he ..."): its understood subject is the pronoun, so nothing in
    #: it is the pronoun's antecedent.
    controlled: tuple[int, int] | None = None
    #: Token range of the subject of an object pronoun's own clause: "him" in "Obama
    #: praised him" is not Obama (that would be "himself"); for an object description
    #: ("X praised the government"), X's own body is not what it names. For a subject
    #: pronoun, its clause's direct object: "It accused the FDIC" is not the FDIC.
    co_subject: tuple[int, int] | None = None


@dataclass(slots=True)
class Resolution:
    """An anaphor and what it refers to: an antecedent, or a default country."""

    anaphor: Anaphor
    antecedent: Antecedent | None
    #: Set when no antecedent was found but the description names a default country.
    default_country: str | None = None
    evidence: list[str] = field(default_factory=list)


def grammatical_role(tok: Token) -> int:
    """0 subject of the main clause, 1 another subject, 2 anything else (conjuncts take
    the role of the first conjunct)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return 0 if tok.head.dep_ == "ROOT" else 1
    return 2


def is_speaker(tok: Token, reporting_verbs: frozenset[str]) -> bool:
    """Subject of a reporting verb ("..., reports the Times") or "according to" object."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return True
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in reporting_verbs


def _agrees(anaphor: Anaphor, cand: Antecedent) -> bool:
    if anaphor.number == "pl":
        return cand.plural or cand.kind in COLLECTIVE_KINDS
    if anaphor.number == "sg":
        return not cand.plural
    return True


def _pick_pronoun(
    anaphor: Anaphor,
    seen: Sequence[Antecedent],
    rules: CorefRules,
    genders: dict[Hashable, str] | None = None,
    everyone: Sequence[Antecedent] = (),
) -> tuple[Antecedent | None, bool]:
    """The antecedent of a pronoun (see the module docstring for the ranking).

    "he"/"she" want one person (a person, or a singular role noun) whose gender, when
    the text marks it or an earlier pronoun bound it, agrees; "it"/"they" never take one.
    A pronoun that is the subject of a reporting verb ("..., it adds") wants an earlier
    source; for "he said" that is a preference (the last one who spoke), not a must:
    a person who has not spoken yet ("Mr X disclosed this. He said ...") is next.

    ``everyone``: all antecedents, sorted by start (a subject pronoun's co-argument, its
    clause's object, comes after it: "It accused the FDIC" is not the FDIC).

    Returns the antecedent (or ``None``) and whether it was the only named person
    among the candidates.
    """
    genders = genders or {}
    lo, hi = anaphor.co_subject or (-1, -1)
    pool = everyone if hi > anaphor.start and everyone else seen
    # the pool is sorted by start: the co-argument's mentions are found by bisection
    first = bisect.bisect_left(pool, lo, key=lambda a: a.start) if hi >= 0 else len(pool)
    barred = {c.key for c in pool[first : bisect.bisect_right(pool, hi, key=lambda a: a.start)]}
    wants_person = "person" in anaphor.kinds
    window = rules.speaker_window if anaphor.speaker else rules.window
    best: Antecedent | None = None
    best_rank: tuple[int, ...] | None = None
    keys: set[Hashable] = set()
    # a pronoun in the narrative counts distance in narrative sentences (quotations
    # skipped), and prefers the narrative's actors to those its quotations talk about
    outside = not anaphor.in_quote and anaphor.narrative >= 0
    for cand in reversed(seen):
        if outside and cand.narrative >= 0:
            dist = anaphor.narrative - cand.narrative
        else:
            dist = anaphor.sent - cand.sent
        if dist > window:
            break
        if cand.start >= anaphor.start:
            continue
        if anaphor.controlled and anaphor.controlled[0] <= cand.start <= anaphor.controlled[1]:
            continue
        if cand.key in barred:
            continue
        if anaphor.speaker and cand.in_quote and not anaphor.in_quote:
            continue  # who speaks is not someone the quotation talks about
        if wants_person:
            if not cand.individual:
                continue
            gender = genders.get(cand.key, cand.gender)
            if anaphor.gender and gender and gender != anaphor.gender:
                continue
        elif cand.kind not in anaphor.kinds or cand.individual:
            continue
        if anaphor.number == "sg" and cand.plural:
            continue
        if cand.reporter and not anaphor.outlet_speaker:
            continue  # the filing agency reports; it is not who accuses, denies or urges
        source = cand.speaker or cand.kind == "media"
        # "it said", "it accused ..." may be a body that acted or published before without
        # being reported as speaking ("The committee released a report. It accused ...");
        # like "he said", within the ordinary window and after any earlier source
        if anaphor.speaker and not source and dist > rules.window:
            continue
        if anaphor.in_quote and cand.speaker and not cand.in_quote:
            continue
        if cand.kind == "person":
            # named people only: a title in apposition ("X, the governor") is the same one
            keys.add(cand.key)
        near = dist == 0 and anaphor.possessive
        rank = (
            0 if source or not anaphor.speaker else 1,
            dist,
            1 if outside and cand.in_quote else 0,
            # a person known to be of the pronoun's gender before one of unknown gender
            0 if not anaphor.gender or genders.get(cand.key, cand.gender) else 1,
            # a name before a role noun ("the country's first female president, X")
            0 if cand.kind == "person" or not wants_person else 1,
            0 if near else cand.role,
            0 if _agrees(anaphor, cand) else 1,
            -cand.start if dist == 0 else cand.start,
        )
        if best_rank is None or rank < best_rank:
            best, best_rank = cand, rank
    return best, len(keys) == 1 and best is not None and best.key in keys


def _pick_description(anaphor: Anaphor, seen: Sequence[Antecedent]) -> Antecedent | None:
    lo, hi = anaphor.co_subject or (-1, -1)
    subject = [c for c in seen if lo <= c.start <= hi]
    # "Scholz praised the government": the government is not the subject's own body
    # (a German official praising "the government" means his host's), so neither the
    # subject nor an actor of the subject's country and of the role the description adds
    own = {
        c.country
        for c in subject
        if c.country and anaphor.add_role and c.code == c.country + anaphor.add_role
    }
    for cand in reversed(seen):
        if cand.start >= anaphor.start or cand.kind not in anaphor.kinds:
            continue
        if lo <= cand.start <= hi or (cand.country in own):
            continue
        if cand.reporter and not anaphor.outlet_speaker:
            continue  # "the agency" that is accused is not the wire agency filing the story
        if anaphor.countries and cand.country not in anaphor.countries:
            continue
        if anaphor.add_role and not cand.country:
            continue
        return cand
    return None


def _pick_name(anaphor: Anaphor, seen: Sequence[Antecedent]) -> Antecedent | None:
    for cand in reversed(seen):
        if cand.start >= anaphor.start or cand.kind not in anaphor.kinds:
            continue
        name_words = set(cand.name.lower().split())
        if all(w in name_words for w in anaphor.words):
            return cand
    return None


def _pick_body(anaphor: Anaphor, seen: Sequence[Antecedent]) -> Antecedent | None:
    """ "the committee" after "the House Oversight Committee": the latest organisation,
    government body or group whose name or mention holds the head noun (or, for "the
    panel", a word it stands for), not a state and not the clause's other side."""
    lo, hi = anaphor.co_subject or (-1, -1)
    for cand in reversed(seen):
        if cand.start >= anaphor.start or cand.kind not in SHORT_NAME_KINDS:
            continue
        if lo <= cand.start <= hi or cand.reporter:
            continue
        name_words = set(cand.name.lower().split()) | cand.words
        if any(w in name_words for w in anaphor.words):
            return cand
    return None


def resolve(
    antecedents: Sequence[Antecedent],
    anaphors: Sequence[Anaphor],
    rules: CorefRules,
    role_key: Callable[[str, str], Hashable],
) -> list[Resolution]:
    """Resolve anaphors in document order; a resolved anaphor can be an antecedent later.

    Args:
        antecedents: mentions tied to actors, sorted by start.
        anaphors: pronouns and descriptions, sorted by start.
        rules: the pronoun table and windows.
        role_key: the actor key of a country's role ("IRN", "GOV" -> the Iranian
            government), for descriptions such as "the government".
    """
    seen: list[Antecedent] = []
    out: list[Resolution] = []
    # a person's gender as the text marks it, or as the first "he"/"she" bound to them
    genders: dict[Hashable, str] = {a.key: a.gender for a in antecedents if a.gender}
    i = 0
    for anaphor in anaphors:
        while i < len(antecedents) and antecedents[i].start < anaphor.start:
            seen.append(antecedents[i])
            i += 1
        found: Antecedent | None
        only = False
        if anaphor.forced is not None:
            found, why = anaphor.forced, "bracketed name after the pronoun"
        elif anaphor.type == "pronoun":
            found, only = _pick_pronoun(anaphor, seen, rules, genders, antecedents)
            why = "pronoun: the only compatible" if only else "pronoun: nearest compatible"
        elif anaphor.type == "description":
            found, why = _pick_description(anaphor, seen), "description: latest compatible"
        elif anaphor.type == "body":
            found, why = _pick_body(anaphor, seen), "the body of that name named last"
            if found is None and anaphor.described:
                found, why = _pick_description(anaphor, seen), "description: latest compatible"
            if found is None and anaphor.described and anaphor.countries:
                # the preferred countries are not named: any state or government
                found = _pick_description(replace(anaphor, countries=()), seen)
                why = "description: latest compatible"
        else:
            found, why = _pick_name(anaphor, seen), "short name of an earlier actor"
        if found is None:
            if anaphor.type == "description" and anaphor.countries and not anaphor.add_role:
                out.append(
                    Resolution(
                        anaphor,
                        None,
                        default_country=anaphor.countries[0],
                        evidence=[f"{anaphor.rule} (default country)"],
                    )
                )
            continue
        out.append(Resolution(anaphor, found, evidence=[f"{anaphor.rule}: {why}"]))
        if anaphor.gender and found.individual and only:
            # a gender learnt only from an unambiguous "he"/"she": a wrong guess among
            # several people would bar the right one from every later pronoun
            genders.setdefault(found.key, anaphor.gender)
        bisect.insort(
            seen,
            Antecedent(
                start=anaphor.start,
                end=anaphor.end,
                key=role_key(found.country, anaphor.add_role)
                if anaphor.add_role and found.country
                else found.key,
                kind=found.kind,
                plural=anaphor.plural if anaphor.type != "pronoun" else found.plural,
                sent=anaphor.sent,
                role=anaphor.role,
                speaker=anaphor.speaker,
                in_quote=anaphor.in_quote,
                country=found.country,
                # a role the description adds makes another actor: not the found one's name
                name="" if anaphor.add_role and found.country else found.name,
                individual=found.individual,
                gender=genders.get(found.key),
                narrative=anaphor.narrative,
                code=found.country + anaphor.add_role
                if anaphor.add_role and found.country
                else found.code,
            ),
            key=lambda a: a.start,
        )
    return out


__all__ = [
    "Anaphor",
    "Antecedent",
    "CorefRules",
    "PronounRule",
    "Resolution",
    "grammatical_role",
    "is_speaker",
    "resolve",
]
