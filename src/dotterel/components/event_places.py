"""Give each event the place of its clause or noun phrase, else the dateline (issue 6).

An event's place is, in order of preference:

1. a place attached to the trigger itself: a locative prepositional phrase ("the assault
   *in Farah*") or a name modifying the event noun ("the *Farah* offensive");
2. a place in a locative phrase of the trigger's clause ("the Taliban attacked police
   posts *in Farah*": the phrase hangs on "posts", in the clause of "attacked");
3. the article's dateline ("KABUL (Reuters) —").

Otherwise the event gets no place: the country of the news outlet, or of the actors, is
never taken for the place of an event. Demonyms ("*Iranian* commanders") and places
outside a locative phrase ("weapons *from Moscow*", "*Iran* sent squads") are not event
locations. Only resolved places (with coordinates) are used.
"""

from __future__ import annotations

import logging
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dotterel.extensions import records, register_extensions
from dotterel.geo.dateline import find_dateline
from dotterel.geo.layout import read_table
from dotterel.model import Event, Place

LOGGER = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data" / "places"
#: Prepositions that put an event somewhere (not "from" / "to", which give origin or
#: destination).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "across", "inside", "outside", "around", "throughout", "within", "on"}
)
#: Dependency labels by which a name modifies an event noun ("the Farah offensive").
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})


class EventPlacesComponent:
    """Give each event the place of its clause or noun phrase, else the dateline."""

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
        places = [p for p in records(doc, "places") if p.lat is not None and not p.demonym]
        if not events or not places:
            return doc
        spans = [(p, doc.char_span(p.start, p.end, alignment_mode="expand")) for p in places]
        anchors = [(p, self._anchor(span)) for p, span in spans if span is not None]
        dateline = self._dateline_place(doc, places)
        for event in events:
            if event.place_id is not None:
                continue
            place = self._event_place(doc, event, anchors)
            if place is None:
                place = dateline
            event.place_id = place.id if place is not None else None
        return doc

    # -- where a place hangs in the parse ----------------------------------------------

    def _anchor(self, span: Span) -> tuple[Token, int] | None:
        """The token a place attaches to and how: 1 = modifier, 2 = locative phrase.

        "Farah province" parses as province <-compound- Farah, so we climb from the
        name through a feature word before looking at the attachment.
        """
        tok = span.root
        for _ in range(2):
            if tok.dep_ == "compound" and tok.head.lower_ in self.feature_words:
                tok = tok.head
            else:
                break
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in LOCATIVE_PREPS:
            return tok.head.head, 2
        if tok.dep_ in MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head, 1
        return None

    @staticmethod
    def _clause_head(tok: Token) -> Token:
        """The verb heading ``tok``'s clause (``tok`` itself for a verb)."""
        cur = tok
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
                return cur
            cur = cur.head
        return cur

    def _event_place(
        self, doc: Doc, event: Event, anchors: list[tuple[Place, tuple[Token, int] | None]]
    ) -> Place | None:
        trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trig is None:
            return None
        root = trig.root
        clause = self._clause_head(root)
        best: tuple[int, int, Place] | None = None
        for place, anchor in anchors:
            if anchor is None or not (event.sentence.start <= place.start < event.sentence.end):
                continue
            head, how = anchor
            if head == root:
                rank = 0 if how == 1 else 1
            elif self._clause_head(head) == clause and how == 2:
                rank = 2
            else:
                continue
            key = (rank, abs(head.i - root.i), place)
            if best is None or key[:2] < best[:2]:
                best = key
        return best[2] if best is not None else None

    @staticmethod
    def _dateline_place(doc: Doc, places: list[Place]) -> Place | None:
        found = find_dateline(doc.text)
        if found is None:
            return None
        for place in places:
            if place.start >= found[0] and place.end <= found[1]:
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
