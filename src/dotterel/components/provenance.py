"""Give every event its source chain and epistemic status, and link contested claims.

Runs last: it reads ``doc._.attributions`` and ``doc._.events`` and fills, per event:

* ``attribution_id`` and ``chain``: the innermost reporting attribution whose content
  holds the trigger (its chain runs from the outlet inward); without one, the outlet
  alone asserts the event;
* ``status`` and ``status_cue``: ``hedged`` when a hedge covers it ("reportedly",
  "appear to", "is believed to", or a modal adverb on the trigger), ``denied`` /
  ``confirmed`` inside what a denial / confirmation verb governs, ``reported`` inside
  any other attribution, else ``asserted``;
* the **outlet's own voice**: an outlet that is itself a political actor (an NGO's
  report, a ministry's statement: ``Doc._.outlet_code`` is not a news medium's) performs
  the verbal acts it writes with no source in the text ("X should free the
  journalists" is its demand, "should never have been jailed" its criticism: the CAMEO
  families of ``outlet_voice_cameo`` in ``status.json``); the event's source is the
  outlet's code, marked ``inferred`` (no words of the text name it);
* ``contests`` / ``contested_by``: a denial or confirmation event linked to the claims
  of this article it contests (:mod:`dotterel.contest_links` does the matching: by the
  actors and the event family, in any sentence, headline included); a claim some
  event of the article denies gets status ``denied``, the denier's word as its cue.

Denials worded without a denial verb ("called the reports baseless", "said the
accusation was false") become ``REJECT`` events here, since only the reporting
structure shows them (:mod:`dotterel.components.attribution._denials`).
"""

from __future__ import annotations

import logging
import re

from spacy.language import Language
from spacy.tokens import Doc

from dotterel import contest_links as claims
from dotterel.components.attribution import CueLexicon, load_lexicon
from dotterel.components.attribution._denials import find_falsity_denials
from dotterel.extensions import actor_at, article_of, records, register_extensions
from dotterel.model import Attribution, Event, SourceLink, TextSpan
from dotterel.outlets import is_media_code

LOGGER = logging.getLogger(__name__)

#: The number at the end of an event id (``<article id>-e12``).
_EVENT_NUMBER = re.compile(r"-e(\d+)$")


def _hedge_words(doc: Doc, hedge: Attribution) -> str:
    """The hedge as a reader says it: "appear to" rather than the bare verb."""
    span = doc.char_span(hedge.cue.start, hedge.cue.end, alignment_mode="expand")
    if span is not None and span.end < len(doc) and doc[span.end].lower_ == "to":
        return f"{hedge.cue.text} {doc[span.end].text}"
    return hedge.cue.text


def _holds(span: TextSpan, inner: TextSpan) -> bool:
    return span.start <= inner.start and inner.end <= span.end


def _overlaps(a: TextSpan, b: TextSpan) -> bool:
    return a.start < b.end and b.start < a.end


class ProvenanceComponent:
    """Attach attribution chains and statuses to events; link contests in the article."""

    def __init__(self, nlp: Language, name: str, *, link_contests: bool = True) -> None:
        """Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: component name.
        link_contests: fill ``contests``/``contested_by`` within the article.
        """
        register_extensions()
        self.name = name
        self.link_contests = link_contests
        self.lexicon: CueLexicon = load_lexicon()
        self.contest_lexicon = claims.load_contest_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = records(doc, "events")
        if not events:
            return doc
        attributions: list[Attribution] = records(doc, "attributions")
        art = article_of(doc)
        events.extend(self._falsity_denials(doc, events))
        outlet = [SourceLink(name=art.outlet)] if art.outlet else []
        # contents from the smallest up, so the first hit is the innermost
        by_size = sorted(attributions, key=lambda a: a.content.end - a.content.start)
        scopes: dict[str, tuple[int, int]] = {}
        voice = _political_outlet(doc._.outlet_code)
        for ev in events:
            self._place(doc, ev, by_size, outlet)
            if voice and art.outlet and self._in_outlet_voice(ev):
                ev.source_code, ev.source_text = voice, art.outlet
                ev.inferred = [*ev.inferred, "source"]
            # only denials and confirmations have a scope: ask once per event, not once per
            # (event, attribution) pair (that made long articles quadratic)
            if claims.relation_of(ev, self.contest_lexicon) is None:
                continue
            for a in attributions:
                if a.kind != "hedge" and _overlaps(a.cue, ev.trigger):
                    scopes[ev.id] = (a.content.start, a.content.end)
        if self.link_contests:
            links = claims.link_within(events, scopes)
            claims.apply_links(events, links)
            by_id = {e.id: e for e in events}
            for denier, claim, relation in links:
                if relation == "denies" and claim in by_id and by_id[claim].status != "denied":
                    by_id[claim].status = "denied"
                    by_id[claim].status_cue = by_id[denier].status_cue or by_id[denier].trigger.text
        return doc

    def _falsity_denials(self, doc: Doc, events: list[Event]) -> list[Event]:
        """``REJECT`` events for "called the reports baseless" and the like, where no
        event was coded on the words already."""
        lex = self.contest_lexicon
        found = find_falsity_denials(doc, lex)
        if not found:
            return []
        art_id = article_of(doc).id
        taken = [
            (e.trigger.start, e.trigger.end)
            for e in events
            if claims.relation_of(e, lex) is not None or e.event_type == "REJECT"
        ]
        n = 1 + max(
            (int(m.group(1)) for e in events if (m := _EVENT_NUMBER.search(e.id))), default=-1
        )
        out: list[Event] = []
        for d in found:
            # "denied the accusations, calling them baseless": one denial, already coded
            words = [d.falsity, *d.falsity.ancestors]
            if any(s <= w.idx < e for w in words for s, e in taken):
                continue
            sent = d.falsity.sent
            source_text = actor = None
            if d.denier is not None:
                lo, hi = d.denier.left_edge, d.denier
                source = doc[lo.i : hi.i + 1]
                source_text = source.text
                actor = actor_at(doc, source.start_char, source.end_char)
            start = d.falsity.idx
            out.append(
                Event(
                    id=f"{art_id}-e{n + len(out)}",
                    trigger=TextSpan(start, start + len(d.falsity.text), d.falsity.text),
                    sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
                    event_type="REJECT",
                    source_actor_id=actor.id if actor else None,
                    source_code=actor.code if actor else None,
                    source_text=source_text,
                    target_text=d.report.text,
                    cameo="120",
                    method="lexicon",
                )
            )
        return out

    def _place(
        self,
        doc: Doc,
        ev: Event,
        by_size: list[Attribution],
        outlet: list[SourceLink],
    ) -> None:
        """Set the event's attribution, chain, status and status cue."""
        holders = [
            a for a in by_size if _holds(a.content, ev.trigger) and not _overlaps(a.cue, ev.trigger)
        ]
        reporting = next((a for a in holders if a.kind != "hedge"), None)
        hedge = next((a for a in holders if a.kind == "hedge"), None)
        if reporting is not None:
            ev.attribution_id = reporting.id
            ev.chain = list(reporting.chain)
        elif hedge is not None:
            ev.attribution_id = hedge.id
            ev.chain = list(hedge.chain) or list(outlet)
        else:
            ev.chain = list(outlet)
        # a hedge counts when it sits inside the reporting attribution (or alone)
        if hedge is not None and (reporting is None or _holds(reporting.content, hedge.content)):
            ev.status, ev.status_cue = "hedged", _hedge_words(doc, hedge)
            return
        modal = self._modal_cue(doc, ev)
        if modal is not None:
            ev.status, ev.status_cue = "hedged", modal
            return
        denial_cue = (reporting is not None and self._relation(reporting)) or (
            ev.modality == "denied"
        )
        if denial_cue and self._names_the_claim(ev):
            # "denied accusations that ...": the accusation was made (the outlet says
            # so); what is denied is its content
            ev.attribution_id, ev.chain = None, list(outlet)
            ev.status, ev.status_cue = "asserted", None
            return
        if ev.modality == "denied" and self._same_line(ev, ev.status_cue):
            # "refuses to admit it shelled ...": the events component saw the denial
            ev.status, ev.status_cue = (
                "denied",
                ev.status_cue or (reporting.cue.text if reporting is not None else None),
            )
            return
        if reporting is not None:
            relation = self._relation(reporting)
            if relation is not None:
                ev.status, ev.status_cue = claims.STATUS_OF[relation], reporting.cue.text
            else:
                ev.status, ev.status_cue = "reported", None
            return
        if ev.modality == "hedged":
            ev.status = "hedged"
            return
        ev.status, ev.status_cue = "asserted", None

    def _in_outlet_voice(self, ev: Event) -> bool:
        """A verbal act the outlet states with no source: no attribution holds it, no
        words name its source."""
        return (
            ev.attribution_id is None
            and not (ev.source_actor_id or ev.source_code or ev.source_text)
            and (ev.cameo or "").startswith(self.lexicon.outlet_voice_cameo)
        )

    @staticmethod
    def _same_line(ev: Event, word: str | None) -> bool:
        """Whether ``word`` is on the trigger's line: a headline with no full stop is
        parsed into the next paragraph's sentence, but a denial does not cross lines."""
        if not word:
            return True
        text, offset = ev.sentence.text, ev.trigger.start - ev.sentence.start
        lo = text.rfind("\n", 0, offset) + 1
        hi = text.find("\n", offset)
        return word in text[lo : hi if hi >= 0 else len(text)]

    def _names_the_claim(self, ev: Event) -> bool:
        """The event is the report noun itself ("accusations", "claims")."""
        return ev.trigger.text.lower() in self.contest_lexicon.report_nouns

    def _relation(self, attribution: Attribution) -> str | None:
        words = attribution.cue.text.lower().split()
        lex = self.contest_lexicon
        if any(w in lex.denial_forms for w in words):
            return "denies"
        if any(w in lex.confirmation_forms for w in words):
            return "confirms"
        return None

    def _modal_cue(self, doc: Doc, ev: Event) -> str | None:
        """A modal adverb on the trigger ("probably attacked"), which hedges it."""
        span = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        for child in root.children:
            if child.dep_ == "advmod" and child.lower_ in self.lexicon.modal_adverbs:
                return child.text
        return None


def _political_outlet(code: str | None) -> str | None:
    """The outlet's code when the outlet is a political actor, not a news medium."""
    return None if not code or is_media_code(code) else code


@Language.factory(
    "dotterel_provenance",
    assigns=["doc._.events"],
    requires=["doc._.events", "doc._.attributions"],
    default_config={"link_contests": True},
)
def make_provenance(nlp: Language, name: str, link_contests: bool) -> ProvenanceComponent:
    return ProvenanceComponent(nlp, name, link_contests=link_contests)


__all__ = ["ProvenanceComponent", "make_provenance"]
