"""Which actor(s) a noun phrase names, as event arguments.

Actors come from the ``dotterel_actors`` mentions (the same as
:func:`~dotterel.extensions.actor_at` reads); with no actor the words are kept as text.
Coordinated actors give one argument each, also when the parser made a list an apposition;
a compound dictionary code (``[FRO/BIL/SAM]``: several actors over the same words) gives
one argument per code, as PETRARCH does. With no actor component in the pipeline, NER and
proper nouns stand in for actor mentions.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pycountry
from spacy.tokens import Doc, Token

from dotterel.components._dateline import opening_dateline_span
from dotterel.components._syntax import subtree_span
from dotterel.components.events._arg_words import default_argument_words
from dotterel.components.events._drafts import Argument
from dotterel.components.events._syntax import (
    CUT_CORE,
    CUT_TEXT,
    NOUN_ACTOR_MODS,
    char_text,
    conj_heads,
    list_members,
    own_span,
    prep_objects,
    span_root,
)
from dotterel.extensions import actor_at, actor_by_id, mentions_overlapping, records
from dotterel.model import Actor, Place

LOGGER = logging.getLogger(__name__)

#: Entity types that name an actor when no actor component ran.
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def is_actorish(tok: Token, subtree: bool = False) -> bool:
    """Whether ``tok`` (or its subtree) names an actor, by actor mention or NER."""
    doc = tok.doc
    if subtree:
        spans: Iterable[tuple[int, int]] = [subtree_span(tok, walk_order=True)]
    else:
        # made one at a time: the head's own words usually settle it, and each span
        # is a walk of the parse
        spans = itertools.chain(
            [own_span(tok, cut=CUT_CORE)],
            (own_span(c, cut=CUT_CORE) for c in tok.children if c.dep_ == "appos"),
        )
    if any(actor_at(doc, *span) is not None for span in spans):
        return True
    if records(doc, "actor_mentions"):
        return False
    # Without an actor component, fall back on NER and proper nouns.
    span_toks = tok.subtree if subtree else [tok]
    return any(
        t.ent_type_ in ACTOR_ENTS or (t.pos_ == "PROPN" and not t.ent_type_) for t in span_toks
    )


def names_actor(doc: Doc, a: Argument) -> bool:
    """Whether a side's words name an actor, coded or not ("the party leaders"): what
    an inferred addressee must not override."""
    head = span_root(doc, a.start, a.end)
    return head is not None and is_actorish(head)


def in_dateline(tok: Token) -> bool:
    """Whether ``tok`` is part of the article's opening dateline ("Hanoi (VNA) -",
    "BAKU, Azerbaijan --", "Lagos:"; read by ``geo/dateline.py``); a headline above it
    is not."""
    start, end = opening_dateline_span(tok.doc)
    return start <= tok.i < end


def arguments_for(
    heads: Iterable[Token], avoid: Iterable[Argument] = (), *, outside: Token | None = None
) -> list[Argument]:
    """Arguments for ``heads``, one per coordinated actor and per compound code.

    ``avoid`` (the sources, when finding targets): an actor that is already the
    source is passed over for another one in the phrase ("rescheduled *his* trip in
    the White Downs": the Downs), and taken only if there is no other. ``outside``:
    a trigger inside a head's own phrase (its relative clause: "countries *that
    expelled* Russian diplomats"), whose words are never searched for the head's actor.
    """
    avoid_ids = frozenset(a.actor.id for a in avoid if a.actor is not None)
    out: list[Argument] = []
    seen: set[str] = set()
    for h in heads:
        if in_dateline(h):
            # "HANOI (VNA) -": the dateline is where the wire filed, not an actor; but the
            # parser may hang the real subject on it as an apposition ("Hanoi (VNA) -
            # Minister X held talks": "Minister" appos of "Hanoi")
            after = [c for c in h.children if c.dep_ == "appos" and not in_dateline(c)]
            if not after:
                continue
            h = after[0]
        h = partitive_member(h)
        conj = list_members(h, is_actorish)
        if len(conj) == 1 and (
            not is_actorish(h) or actor_at(h.doc, h.idx, h.idx + len(h)) is None
        ):
            # "Eriadori and Calenardhon leaders": coordinated modifiers, one head
            conj = coordinated_modifiers(h) or conj
        split = len(conj) > 1 and all(is_actorish(x) for x in conj)
        if len(conj) > 1 and not split:
            # "Chile and two dozen other states": one argument per conjunct that names
            # an actor in its own phrase (never the whole list's first actor for all)
            coded = [
                a
                for x in conj
                for a in phrase_arguments(x, whole=False, avoid=avoid_ids)
                if a.coded
            ]
            if coded:
                for arg in coded:
                    if arg.key not in seen:
                        seen.add(arg.key)
                        out.append(arg)
                continue
        for x in conj if split else [h]:
            whole = not split and not (outside is not None and x.is_ancestor(outside))
            for arg in phrase_arguments(x, whole=whole, avoid=avoid_ids):
                if arg.key not in seen:
                    seen.add(arg.key)
                    out.append(arg)
    return out


def coordinated_modifiers(head: Token) -> list[Token]:
    """Coordinated actor modifiers of ``head``, each naming an actor ("the *French* and
    *German* ministries", "*Eriadori* and *Calenardhon* leaders"), or none.

    An actor mention may cover the last modifier with the noun ("German defence
    ministries"), which :func:`arguments_for` then takes for one actor.
    """
    for m in head.children:
        if m.dep_ not in NOUN_ACTOR_MODS:
            continue
        mods = conj_heads(m)
        if len(mods) > 1 and all(is_actorish(x) for x in mods):
            return mods
    return []


def partitive_member(tok: Token) -> Token:
    """The noun a partitive quantity counts ("hundreds of *protesters*", "23 of *the
    diplomats*", "a number of *envoys*"); ``tok`` itself when it is no quantity.

    A number or quantity word is never an actor: the people are in its "of" phrase.
    """
    if tok.pos_ == "PROPN" or not default_argument_words().is_quantity(tok):
        return tok
    of = prep_objects(tok, {"of"})
    return of[0] if of else tok


def phrase_arguments(
    tok: Token, *, whole: bool, avoid: frozenset[str] = frozenset()
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
    start, end = own_span(tok, cut=CUT_TEXT)
    d_start, d_end = opening_dateline_span(doc)
    if d_start < d_end < len(doc) and doc[d_start].idx <= start < doc[d_end].idx < end:
        # "BRUSSELS (Reuters) - EU ministers" parsed as one phrase: the dateline is
        # where the story was filed, not words of the side
        start = doc[d_end].idx
    appositions = [c for c in tok.children if c.dep_ == "appos"]

    def searched() -> Iterator[tuple[int, int]]:
        # made one at a time, as they are searched: most heads' actors are in their
        # own words, and each span is a walk of the parse
        yield own_span(tok, cut=CUT_CORE)
        for c in appositions:
            yield own_span(c, cut=CUT_CORE)
        yield start, end
        yield subtree_span(tok, walk_order=True) if whole else own_span(tok)

    actors: list[Actor] = []
    avoided: list[Actor] = []
    last = len(appositions) + 2
    for n, span in enumerate(searched()):
        found = span  # after the loop: the span the actors are in, else the last one
        # the last resort is the whole subtree: there the first actor is the nearest
        # ("roads running into Gondor across the hills of X": Gondor), not the longest
        first = n == last and whole
        actors = actors_at(doc, *span, avoid=avoid, first=first)
        if actors:
            break
        if avoid and not avoided:
            avoided = actors_at(doc, *span, first=first)
    actors = actors or avoided
    if actors:
        # found outside the head's own words ("supplying rifles and cash *to ELN
        # rebels*", the "to" hung on "cash"): the words shown are the actor's
        start, end = _mention_span(doc, found, actors[0].id, (start, end))
    text = char_text(doc, start, end)
    if not actors:
        return [Argument(start=start, end=end, text=text)]
    pair = pair_sides(doc, found, actors)
    return [
        Argument(start=start, end=end, text=text, actor=a, code=a.code, pair=pair) for a in actors
    ]


def pair_sides(doc: Doc, span: tuple[int, int], actors: list[Actor]) -> bool:
    """Whether ``actors`` are the two sides a pair phrase refers back to ("the two
    countries": only coreference mentions over its words, ``actors/_pairs.py``), which
    act on each other, not the codes of one compound dictionary actor, which never do."""
    if len(actors) < 2:
        return False
    ids = {a.id for a in actors}
    by_words: dict[tuple[int, int], list[str | None]] = {}
    for _, m in mentions_overlapping(doc, *span):
        if m.actor_id in ids:
            by_words.setdefault((m.start, m.end), []).append(m.method)
    return any(
        len(methods) > 1 and all(x == "coreference" for x in methods)
        for methods in by_words.values()
    )


def _mention_span(
    doc: Doc, span: tuple[int, int], actor_id: str, own: tuple[int, int]
) -> tuple[int, int]:
    """The first mention of ``actor_id`` in ``span``, unless the head's own words
    ``own`` already hold one."""
    found = sorted(
        (m.start, m.end) for _, m in mentions_overlapping(doc, *span) if m.actor_id == actor_id
    )
    if not found or any(own[0] <= a and b <= own[1] for a, b in found):
        return own
    return found[0]


def actors_at(
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


#: Place levels below a country: as a modifier of an event noun they say where it
#: happened ("the Benghazi attack", "the Munich mall shooting"), not who did it.
_LOCAL_LEVELS = frozenset({"adm1", "adm2", "city", "other"})


def is_local_place(tok: Token) -> bool:
    """Whether ``tok`` lies in a toponym below country level (a city, a province), not a
    demonym: as a compound of an event noun it is the event's place, never its actor."""
    start, end = tok.idx, tok.idx + len(tok)
    return any(
        p.start <= start and end <= p.end and p.level in _LOCAL_LEVELS and not p.demonym
        for p in records(tok.doc, "places")
    )


def located_place(
    tok: Token, preps: Iterable[str], *, demonyms: bool = True
) -> tuple[Place, str] | None:
    """The first place, with its ISO-3 country, in the object of one of ``tok``'s
    prepositions ``preps`` ("attacked *in Herat*", "arrested *in Tehran*"); ``demonyms``:
    a nationality word ("*Iranian* town") counts as a place too."""
    places = records(tok.doc, "places")
    if not places:
        return None
    for pobj in prep_objects(tok, preps):
        start, end = subtree_span(pobj, walk_order=True)
        for p in places:
            if start <= p.start and p.end <= end and p.country_code and (demonyms or not p.demonym):
                iso3 = iso3_of(p.country_code)
                if iso3:
                    return p, iso3
    return None


def place_target(tok: Token, preps: Iterable[str] = ("in", "at", "near")) -> list[Argument]:
    """The country of a place "in" which an attack happened, when no target is named
    (``preps``: the prepositions of that place)."""
    found = located_place(tok, preps)
    if found is None:
        return []
    p, iso3 = found
    return [Argument(start=p.start, end=p.end, text=p.text, code=iso3)]


@lru_cache(maxsize=512)
def iso3_of(alpha2: str) -> str | None:
    """The ISO alpha-3 code of an alpha-2 country code (``None`` if unknown)."""
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country is not None else None
