"""Give every event its source chain and epistemic status, and link contested claims.

Runs last: it reads ``doc._.attributions`` and ``doc._.events`` and fills, per event:

* ``attribution_id`` and ``chain``: the innermost reporting attribution whose content
  holds the trigger (its chain runs from the outlet inward); without one, the outlet
  alone asserts the event;
* ``status`` and ``status_cue``: ``hedged`` when a hedge covers it ("reportedly",
  "appear to", "is believed to", or a modal adverb on the trigger), ``denied`` /
  ``confirmed`` inside what a denial / confirmation verb governs, ``reported`` inside
  any other attribution, else ``asserted``;
* ``contests`` / ``contested_by``: a denial or confirmation event linked to the claims
  of this article it contests (:mod:`dotterel.contest_links` does the matching).
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from dotterel import contest_links as claims
from dotterel.components.attribution import CueLexicon, load_lexicon
from dotterel.extensions import article_of, records, register_extensions
from dotterel.model import Attribution, Event, SourceLink, TextSpan

LOGGER = logging.getLogger(__name__)


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
        outlet = [SourceLink(name=art.outlet)] if art.outlet else []
        # contents from the smallest up, so the first hit is the innermost
        by_size = sorted(attributions, key=lambda a: a.content.end - a.content.start)
        scopes: dict[str, tuple[int, int]] = {}
        for ev in events:
            self._place(doc, ev, by_size, outlet)
            for a in attributions:
                if (
                    a.kind != "hedge"
                    and _overlaps(a.cue, ev.trigger)
                    and claims.relation_of(ev, self.contest_lexicon) is not None
                ):
                    scopes[ev.id] = (a.content.start, a.content.end)
        if self.link_contests:
            claims.apply_links(events, claims.link_within(events, scopes))
        return doc

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


@Language.factory(
    "dotterel_provenance",
    assigns=["doc._.events"],
    requires=["doc._.events", "doc._.attributions"],
    default_config={"link_contests": True},
)
def make_provenance(nlp: Language, name: str, link_contests: bool) -> ProvenanceComponent:
    return ProvenanceComponent(nlp, name, link_contests=link_contests)


__all__ = ["ProvenanceComponent", "make_provenance"]
