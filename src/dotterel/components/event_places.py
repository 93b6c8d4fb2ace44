"""Give each event the place of its clause, else of its episode, else the dateline.

An event's place, and :attr:`Event.place_source` saying where it came from:

``clause`` -- a place the event's own words state, in order of preference:

1. a name modifying the event noun ("the *Farah* offensive");
2. a locative prepositional phrase on the trigger ("the assault *in Farah*");
   for an attack, the place attacked ("shelled *Farah*", "*Farah* was shelled", "the
   siege of *Farah*"); a visit or a deployment, where it goes ("a visit *to Farah*",
   "deployed *to Farah*", ``data/places/motion_words.txt``);
3. a locative phrase elsewhere in the trigger's clause, on one of its arguments
   ("the Taliban attacked police posts *in Farah*", "stormed the embassy *in Kabul*");
4. a town or province naming where one of the clause's participants is ("the *Herat*
   police said", "*Ohio* voters elected", "called the *Kandahar* prison", "a
   *Kandahar*-based militia", "*Kabul*'s mayor") -- never a country, which names a
   nationality ("Russian diplomats", "Iran's envoy"), not a place.

``episode`` -- the nearest stated location of the same episode: a locative phrase
elsewhere in the event's sentence (else a town or province naming a participant there;
"news from X", "reports from X"), else in one of the few sentences before it that mention
one of the event's participants, or in the sentence just before (even across a
paragraph break: wire stories give a paragraph to each sentence); for the story's lead
sentence, which states the news, else a locative phrase on a verb of the next sentence
of its paragraph ("X has urged Y to resign. X, speaking at a rally in Kano, ...").

``dateline`` -- the article's dateline ("KABUL (Reuters) —"), only as a last resort: a
story datelined in the capital is often about somewhere else. Not for a statement
(an accusation, a demand, a rejection ...) by an actor of another country: the Kremlin's
words in a story datelined London were not spoken in London, and a diplomatic act
between states gets no invented city.

A place the gazetteer lacks stands for the smallest enclosing unit the text names with
it: "the village of X in Y province" -> Y province, "X district of Y" -> Y, "X, Y" -> Y,
"in the north of Y" -> Y; with no such unit, the event's own clause still gives the bare
name (a place with no coordinates, which the episode and the dateline never give).
"in the province", "across the state", "in the country" stand for the last province,
state or country named before them.
A demonym only places an event when it modifies the object of a locative phrase ("outside
a *German* concert hall" -> Germany). Otherwise the event gets no place: the country of
the outlet, or of the actors, is never taken for the place of an event, and places
outside a locative phrase ("weapons *from Moscow*", "*Iran* sent squads") are not
event locations.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dotterel.components._dateline import dateline_places
from dotterel.components._syntax import lead_and_next, sentences
from dotterel.extensions import records, register_extensions
from dotterel.geo.layout import read_table
from dotterel.model import Actor, Event, Mention, Place

LOGGER = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data" / "places"
#: Prepositions that put an event somewhere (not "from" / "to", which give origin or
#: destination).
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "across", "inside", "outside", "around", "throughout", "within", "on"}
)
#: Dependency labels by which a name modifies an event noun ("the Farah offensive").
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
#: Parts of speech of the nouns a place may modify.
NOUNS = ("NOUN", "PROPN")
#: How a noun takes part in a clause, for a place modifying it to say where the
#: participant is: subject, object, "by"/"with"/"to" object ("talks with the Herat
#: council") -- not a time or topic ("during the Benghazi hearing", "over the X deal").
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd"})
PARTICIPANT_PREPS = frozenset({"by", "with", "to"})
#: Event types that are words, not deeds: said anywhere, so a dateline does not place
#: them when their actor is of another country than the dateline.
SPEECH_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SUPPORT", "AGREE"})
#: Sentences before the event that may hold the place of its episode.
EPISODE_SENTENCES = 3

#: How a place hangs on its anchor token: it modifies the noun ("the Kabul attack"),
#: heads a locative phrase on it ("attacked ... in Kabul"), or says where the noun's
#: holder is ("Kabul's mayor", "a Kabul-based group"), which locates a participant but
#: never an event noun itself ("Russia's attack" is Russia's, not in Russia); or is the
#: object of the word ("shelled Kabul", "Kabul was shelled", "the siege of Kabul"), which
#: places an attack (:data:`OBJECT_PLACE_TYPES`), not a sanction or an accusation.
MODIFIER, LOCATIVE, HOLDER, OBJECT = 1, 2, 3, 4
#: Event types done to a place named as their object ("shelled Kabul"); not coercion,
#: whose object place is mostly a government by its capital ("pressed Beijing").
OBJECT_PLACE_TYPES = frozenset({"ASSAULT"})
#: Dependency labels of a verb's object (the passive subject is one: "Kabul was shelled").
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


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
        self.part_words = _read_words(DATA / "part_words.txt")
        self.news_words = _read_words(DATA / "news_words.txt")
        self.motion_words = _read_words(DATA / "motion_words.txt")
        self.anaphora_words = dict(read_table(DATA / "anaphora_words.tsv"))
        self._anaphora_ids = {get_string_id(w) for w in self.anaphora_words}

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = records(doc, "events")
        places: list[Place] = records(doc, "places")
        if not events or not any(p.lat is not None for p in places):
            return doc
        anchors = self._anchors(doc, places)
        dateline = self._dateline_place(doc, places)
        mentions: list[Mention] = records(doc, "actor_mentions")
        actors: dict[str, Actor] = {a.id: a for a in records(doc, "actors")}
        sents = sentences(doc)  # once per document, not once per event placed by episode
        for event in events:
            if event.place_id is not None:
                event.place_source = event.place_source or "clause"
                continue
            found = self._clause_place(doc, event, anchors)
            source = "clause"
            if found is None:
                found = self._episode_place(doc, event, anchors, mentions, sents)
                source = "episode"
            if (
                found is None
                and dateline is not None
                and not _foreign_speech(event, actors, dateline)
            ):
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
        out.extend(self._anaphora(doc, resolved))
        return out

    def _anaphora(self, doc: Doc, resolved: list[Place]) -> list[_Anchor]:
        """ "in the province", "across the state", "throughout the country": a bare
        level word after a locative preposition stands for the last place of that level
        named before it ("the province of X" is named, and found as X itself)."""
        out: list[_Anchor] = []
        # filter on the token array: a Token object is made only for a listed word
        for i, lower_id in enumerate(doc.to_array([LOWER]).tolist()):
            if lower_id not in self._anaphora_ids:
                continue
            tok = doc[i]
            prep = tok.head
            if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                continue
            kids = list(tok.children)
            if not any(k.dep_ == "det" and k.lower_ == "the" for k in kids) or any(
                k.dep_ not in ("det", "amod") for k in kids
            ):
                continue
            level = self.anaphora_words[tok.lower_]
            before = [p for p in resolved if p.end <= tok.idx and p.level == level]
            if before:
                last = max(before, key=lambda p: p.start)
                out.append(_Anchor(last, prep.head, LOCATIVE, tok.sent.start_char))
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
            elif (
                tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and tok.head.head.lower_ in self.part_words
            ):
                # "in the north of X", "on the outskirts of X": the event is in X
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
        if tok.dep_ in MODIFIER_DEPS and tok.head.pos_ in NOUNS:
            if not demonym:
                out.append((tok.head, MODIFIER))
            # "at her Brooklyn school", "outside a German concert hall": the noun the
            # name modifies is the place
            noun = tok.head
        elif demonym:
            return out
        elif tok.dep_ == "poss" and tok.head.pos_ in NOUNS:
            return [(tok.head, HOLDER)]  # "Kabul's mayor"
        elif tok.dep_ == "npadvmod" and tok.head.lower_ == "based" and tok.head.head.pos_ in NOUNS:
            return [(tok.head.head, HOLDER)]  # "a Kabul-based group"
        elif tok.dep_ in OBJECT_DEPS and tok.head.pos_ == "VERB":
            return [(tok.head, OBJECT)]  # "shelled Kabul"
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            out.append((tok.head.head, OBJECT))  # "the siege of Kabul"
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is not None and prep.lower_ == "of" and prep.head.lower_ in LOCATIVE_PREPS:
            prep = prep.head  # "outside of the hall"
        if prep is not None and prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
            out.append((prep.head, LOCATIVE))
        elif prep is not None and prep.lower_ == "from" and self._news(prep.head):
            # "news from X", "reports from X": what the sentence reports happened in X
            out.append((prep.head, LOCATIVE))
        elif prep is not None and prep.lower_ == "to" and prep.head.lower_ in self.motion_words:
            # "a visit to Moscow", "deployed to Herat": it happens where it goes
            out.append((prep.head, LOCATIVE))
        return out

    def _news(self, tok: Token) -> bool:
        """A noun for news, or the verb it is the subject or attribute of ("there was
        news from X", where "from X" hangs on "was")."""
        if tok.lower_ in self.news_words:
            return True
        return tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("attr", "nsubj") and c.lower_ in self.news_words for c in tok.children
        )

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
            if a.head == root and a.how in (MODIFIER, LOCATIVE):
                rank = 0 if a.how == MODIFIER else 1
            elif a.head == root and a.how == OBJECT:
                if (event.event_type or "").upper() not in OBJECT_PLACE_TYPES:
                    continue
                rank = 2
            elif a.how == LOCATIVE and self._clause_head(a.head) == clause:
                rank = 3
            elif self._names_participant(a) and self._clause_head(a.head) == clause:
                rank = 4
            else:
                continue
            # a place with coordinates before a bare name at the same attachment
            key = (rank, int(not a.resolved), abs(a.head.i - root.i), a.place)
            if best is None or key[:3] < best[:3]:
                best = key
        return best[3] if best is not None else None

    def _episode_place(
        self,
        doc: Doc,
        event: Event,
        anchors: list[_Anchor],
        mentions: list[Mention],
        sents: list[Span],
    ) -> Place | None:
        """A locative place elsewhere in the sentence, else in a sentence just before that
        speaks of the same participants (or directly precedes it)."""
        trig = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if trig is None:
            return None
        locative = [a for a in anchors if a.how == LOCATIVE and a.resolved]
        in_sentence = [
            a for a in anchors if event.sentence.start <= a.head.idx < event.sentence.end
        ]
        here = [a for a in in_sentence if a.how == LOCATIVE and a.resolved] or [
            a for a in in_sentence if self._names_participant(a)
        ]
        if here:
            return min(here, key=lambda a: abs(a.head.i - trig.root.i)).place
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
            # the sentence just before, even across a paragraph break: wire stories give
            # a paragraph to each sentence
            adjacent = back == 1
            shared = any(
                m.actor_id in actors and sent.start_char <= m.start < sent.end_char
                for m in mentions
            )
            if adjacent or shared:
                # the last place stated before the event is the nearest
                return max(prev, key=lambda a: a.head.i).place
        return self._lead_place(doc, sents, idx, locative)

    @staticmethod
    def _lead_place(doc: Doc, sents: list[Span], idx: int, locative: list[_Anchor]) -> Place | None:
        """The story's lead states the news and the next sentence often says where
        ("X has advised Y to resign. X, reacting in a statement he signed in Abuja,
        ..."): a locative phrase on a verb of the next sentence, same paragraph."""
        found = lead_and_next(doc, sents)
        if found is None or found[0] != idx:
            return None
        sent = found[1]
        nxt = [
            a
            for a in locative
            if sent.start_char <= a.head.idx < sent.end_char
            and a.head.pos_ == "VERB"
            and a.place.level in ("country", "adm1", "adm2", "city")
        ]
        return min(nxt, key=lambda a: a.head.i).place if nxt else None

    @staticmethod
    def _names_participant(a: _Anchor) -> bool:
        """A town or province naming where a participant is ("the Herat police", "Ohio
        voters", "the Kandahar prison"): resolved, below the country level (a country
        names a nationality), on a subject or object of the clause."""
        if a.how not in (MODIFIER, HOLDER) or not a.resolved or a.place.demonym:
            return False
        if a.place.level not in ("adm1", "adm2", "city"):
            return False
        head = a.head
        for _ in range(4):  # "the Herat No. 2 prison": up to the noun phrase's head
            if head.dep_ not in ("compound", "nmod") or head.head.pos_ not in NOUNS:
                break
            head = head.head
        if head.pos_ not in NOUNS:
            return False
        if head.dep_ == "conj":  # "the Herat police and the army"
            head = head.head
        if head.dep_ == "pobj":
            return head.head.lower_ in PARTICIPANT_PREPS
        return head.dep_ in PARTICIPANT_DEPS

    @staticmethod
    def _dateline_place(doc: Doc, places: list[Place]) -> Place | None:
        # the first dateline that names a known place ("UPDATE:" above it is not one)
        for start, end in dateline_places(doc):
            for place in places:
                if place.lat is not None and place.start >= start and place.end <= end:
                    return place
        return None


def _read_words(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _foreign_speech(event: Event, actors: dict[str, Actor], dateline: Place) -> bool:
    """A statement by an actor of another country than the dateline's."""
    if (event.event_type or "").upper() not in SPEECH_TYPES or not dateline.country_code:
        return False
    actor = actors.get(event.source_actor_id or "")
    country = actor.country if actor is not None else None
    return bool(country) and country != _alpha3(dateline.country_code)


@lru_cache(maxsize=256)
def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country is not None else None


@Language.factory(
    "dotterel_event_places",
    assigns=["doc._.events"],
    requires=["doc._.events", "doc._.places"],
    default_config={},
)
def make_event_places(nlp: Language, name: str) -> EventPlacesComponent:
    return EventPlacesComponent(nlp, name)


__all__ = ["EventPlacesComponent", "make_event_places"]
