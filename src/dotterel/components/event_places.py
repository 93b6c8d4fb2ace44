"""Give each event the place of its clause, else of its episode, else the dateline.

An event's place, and :attr:`Event.place_source` saying where it came from:

``clause`` -- a place the event's own words state, in order of preference:

1. a name modifying the event noun ("the *Farah* offensive");
2. a locative prepositional phrase on the trigger ("the assault *in Farah*");
3. a locative phrase elsewhere in the trigger's clause, on one of its arguments
   ("the Taliban attacked police posts *in Farah*").

``episode`` -- the nearest stated location of the same episode: a locative phrase
elsewhere in the event's sentence, else in one of the few sentences before it that
mention one of the event's participants (or the sentence just before, in the same
paragraph).

``dateline`` -- the article's dateline ("KABUL (Reuters) —"), only as a last resort: a
story datelined in the capital is often about somewhere else.

A place the gazetteer lacks stands for the smallest enclosing unit the text names with
it: "the village of X in Y province" -> Y province, "X district of Y" -> Y, "X, Y" -> Y;
with no such unit, the event's own clause still gives the bare name (a place with no
coordinates, which the episode and the dateline never give).
A demonym only places an event when it modifies the object of a locative phrase ("outside
a *German* concert hall" -> Germany). Otherwise the event gets no place: the country of
the outlet, or of the actors, is never taken for the place of an event, and places
outside a locative phrase ("weapons *from Moscow*", "*Iran* sent squads") are not
event locations.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dotterel.components._syntax import doc_text, sentences
from dotterel.extensions import records, register_extensions
from dotterel.geo.dateline import find_dateline
from dotterel.geo.layout import read_table
from dotterel.model import Event, Mention, Place

LOGGER = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data" / "places"
#: Prepositions that put an event somewhere (not "from" / "to", which give origin or
#: destination).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "across", "inside", "outside", "around", "throughout", "within", "on"}
)
#: Dependency labels by which a name modifies an event noun ("the Farah offensive").
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
#: Sentences before the event that may hold the place of its episode.
EPISODE_SENTENCES = 3

#: How a place hangs on its anchor token.
MODIFIER, LOCATIVE = 1, 2


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where a place mention attaches in the parse, and the place it stands for."""

    place: Place
    head: Token
    how: int
    sentence_start: int
    #: The place has coordinates (itself or the unit standing for it).
    resolved: bool = True


class EventPlacesComponent:
    """Give each event the place of its clause, else its episode, else the dateline."""

    def __init__(self, nlp: Language, name: str) -> None:
        """
        Args:
            nlp: the pipeline (unused; spaCy's factory signature).
            name: component name.
        """
        register_extensions()
        self.name = name
        self.feature_words = frozenset(w for w, _ in read_table(DATA / "feature_words.tsv"))

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = records(doc, "events")
        places: list[Place] = records(doc, "places")
        if not events or not any(p.lat is not None for p in places):
            return doc
        anchors = self._anchors(doc, places)
        dateline = self._dateline_place(doc, places)
        mentions: list[Mention] = records(doc, "actor_mentions")
        for event in events:
            if event.place_id is not None:
                event.place_source = event.place_source or "clause"
                continue
            found = self._clause_place(doc, event, anchors)
            source = "clause"
            if found is None:
                found = self._episode_place(doc, event, anchors, mentions)
                source = "episode"
            if found is None and dateline is not None:
                found, source = dateline, "dateline"
            if found is not None:
                event.place_id, event.place_source = found.id, source
        return doc

    # -- where a place hangs in the parse ----------------------------------------------

    def _anchors(self, doc: Doc, places: list[Place]) -> list[_Anchor]:
        resolved = [p for p in places if p.lat is not None and not p.demonym]
        out: list[_Anchor] = []
        for p in places:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is None:
                continue
            stands_for: Place = p
            if p.lat is None:
                # the smallest unit the text names around it, else the bare name
                stands_for = self._enclosing(doc, span, resolved) or p
            for head, how in self._anchor(span, demonym=p.demonym):
                out.append(
                    _Anchor(stands_for, head, how, span.sent.start_char, stands_for.lat is not None)
                )
        return out

    def _climb(self, tok: Token) -> Token:
        """From a name to the noun phrase it names: "Farah province" (province <-compound-
        Farah), "the village of X" (village -prep-> of -pobj-> X)."""
        for _ in range(3):
            if tok.dep_ == "compound" and tok.head.lower_ in self.feature_words:
                tok = tok.head
            elif (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.lower_ in self.feature_words
            ):
                tok = tok.head.head
            elif tok.dep_ == "appos" and tok.head.ent_type_ in ("GPE", "LOC", "FAC"):
                # "Tikrit, Iraq": the qualifier names where the first place is
                tok = tok.head
            else:
                break
        return tok

    def _anchor(self, span: Span, *, demonym: bool = False) -> list[tuple[Token, int]]:
        """The tokens a place attaches to, and how (:data:`MODIFIER` or :data:`LOCATIVE`):
        "the Kabul attack" modifies "attack"; "killed in the Kabul attack" also puts
        "killed" in Kabul."""
        tok = self._climb(span.root)
        out: list[tuple[Token, int]] = []
        noun = tok
        if tok.dep_ in MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
            if not demonym:
                out.append((tok.head, MODIFIER))
            # "at her Brooklyn school", "outside a German concert hall": the noun the
            # name modifies is the place
            noun = tok.head
        elif demonym:
            return out
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "of" and prep.head.lower_ in LOCATIVE_PREPS:
            prep = prep.head  # "outside of the hall"
        if prep is not None and prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
            out.append((prep.head, LOCATIVE))
        return out

    @staticmethod
    def _enclosing(doc: Doc, span: Span, resolved: list[Place]) -> Place | None:
        """The smallest named unit around an unresolved place: the first resolved place
        in the noun phrase the name heads ("X district of Y", "X in Y province", "X, Y")."""
        root = span.root
        for _ in range(4):
            if root.dep_ == "compound":
                root = root.head
            elif root.dep_ == "pobj" and root.head.lower_ == "of":
                root = root.head.head
            else:
                break
        lo = min(t.i for t in root.subtree)
        hi = max(t.i for t in root.subtree) + 1
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        inside = [
            p for p in resolved if start <= p.start and p.end <= end and p.start >= span.end_char
        ]
        return min(inside, key=lambda p: p.start) if inside else None

    @staticmethod
    def _clause_head(tok: Token) -> Token:
        """The verb heading ``tok``'s clause (``tok`` itself for a verb)."""
        cur = tok
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
                return cur
            cur = cur.head
        return cur

    # -- the three sources -------------------------------------------------------------

    def _clause_place(self, doc: Doc, event: Event, anchors: list[_Anchor]) -> Place | None:
        trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trig is None:
            return None
        root = trig.root
        clause = self._clause_head(root)
        best: tuple[int, int, int, Place] | None = None
        for a in anchors:
            if not (event.sentence.start <= a.place.start < event.sentence.end) and not (
                event.sentence.start <= a.head.idx < event.sentence.end
            ):
                continue
            if a.head == root:
                rank = 0 if a.how == MODIFIER else 1
            elif a.how == LOCATIVE and self._clause_head(a.head) == clause:
                rank = 2
            else:
                continue
            # a place with coordinates before a bare name at the same attachment
            key = (rank, int(not a.resolved), abs(a.head.i - root.i), a.place)
            if best is None or key[:3] < best[:3]:
                best = key
        return best[3] if best is not None else None

    def _episode_place(
        self, doc: Doc, event: Event, anchors: list[_Anchor], mentions: list[Mention]
    ) -> Place | None:
        """A locative place elsewhere in the sentence, else in a sentence just before that
        speaks of the same participants (or directly precedes it in the paragraph)."""
        trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trig is None:
            return None
        locative = [a for a in anchors if a.how == LOCATIVE and a.resolved]
        here = [a for a in locative if event.sentence.start <= a.head.idx < event.sentence.end]
        if here:
            return min(here, key=lambda a: abs(a.head.i - trig.root.i)).place
        sents = sentences(doc)
        idx = next(
            (i for i, s in enumerate(sents) if s.start_char <= trig.start_char < s.end_char), None
        )
        if idx is None:
            return None
        actors = {a for a in (event.source_actor_id, event.target_actor_id) if a}
        for back in range(1, EPISODE_SENTENCES + 1):
            if idx - back < 0:
                break
            sent = sents[idx - back]
            prev = [a for a in locative if sent.start_char <= a.head.idx < sent.end_char]
            if not prev:
                continue
            gap = doc_text(doc)[sent.end_char : sents[idx - back + 1].start_char]
            adjacent = back == 1 and "\n" not in gap
            shared = any(
                m.actor_id in actors and sent.start_char <= m.start < sent.end_char
                for m in mentions
            )
            if adjacent or shared:
                # the last place stated before the event is the nearest
                return max(prev, key=lambda a: a.head.i).place
        return None

    @staticmethod
    def _dateline_place(doc: Doc, places: list[Place]) -> Place | None:
        found = find_dateline(doc_text(doc))
        if found is None:
            return None
        for place in places:
            if place.lat is not None and place.start >= found[0] and place.end <= found[1]:
                return place
        return None


@Language.factory(
    "dotterel_event_places",
    assigns=["doc._.events"],
    requires=["doc._.events", "doc._.places"],
    default_config={},
)
def make_event_places(nlp: Language, name: str) -> EventPlacesComponent:
    return EventPlacesComponent(nlp, name)


__all__ = ["EventPlacesComponent", "make_event_places"]
