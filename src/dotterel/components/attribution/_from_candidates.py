"""Attribution records: candidates turned into :class:`~dotterel.model.Attribution`.

Owns the last filter (inside another attribution's content only a report passes a
claim on), the record fields (spans, actor code, anonymity, kind), each record's own
chain links (source, cited source, named recipient) and the call that nests the
records and builds their chains.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc

from dotterel.components.attribution._anonymity import AnonymousSources
from dotterel.components.attribution._candidate import SOURCED_PHRASE, Candidate
from dotterel.components.attribution._chains import assign_chains, nest, outlet_code
from dotterel.components.attribution._lexicon import CueLexicon
from dotterel.components.attribution._sources import SourceNamer
from dotterel.extensions import article_of
from dotterel.model import Attribution, SourceLink, TextSpan

LOGGER = logging.getLogger(__name__)


def drop_nested_non_reports(found: list[Candidate], lexicon: CueLexicon) -> list[Candidate]:
    """Inside another attribution's content only a report passes a claim on.

    "The Ledger reported that Ortiz said he was leaving the party" nests Ortiz's
    words under the Ledger's; but in "She said Trump wants to win", "wants" is what she
    said, not a second attribution.
    """
    keep = []
    for f in found:
        nested = any(
            o is not f
            and o.kind != "hedge"
            and o.content is not None
            and o.content[0] <= f.cue[0] < o.content[1]
            for o in found
        )
        if (
            not nested
            or f.kind == "hedge"
            or f.cue_lemma in lexicon.reporting
            or f.cue_lemma == SOURCED_PHRASE
        ):
            keep.append(f)
    return keep


def to_attributions(
    doc: Doc, text: str, found: list[Candidate], lexicon: CueLexicon
) -> list[Attribution]:
    """The records of ``found`` in cue order, nested, with their source chains.

    Args:
        doc: the parsed Doc (its article and the actor component's mentions).
        text: ``doc.text``, computed once by the finder.
        found: the finder's candidates (sorted in place).
        lexicon: the attribution word lists.
    """
    art = article_of(doc)
    found.sort(key=lambda f: f.cue)
    found = drop_nested_non_reports(found, lexicon)
    namer = SourceNamer(doc, text, lexicon.anonymous_heads)
    unnamed = AnonymousSources(lexicon)
    attributions: list[Attribution] = []
    own_links: list[list[SourceLink]] = []
    recipients: list[SourceLink | None] = []
    for i, f in enumerate(found):
        assert f.content is not None
        ts = lambda s: TextSpan(s[0], s[1], text[s[0] : s[1]])  # noqa: E731
        name, actor = namer.resolve(f.source_head, f.source)
        anonymous = unnamed.check(text, f, name)
        cue = ts(f.cue)
        rec = Attribution(
            id=f"{art.id}-q{i}",
            cue=cue,
            content=ts(f.content),
            source=ts(f.source) if f.source else None,
            source_actor_id=actor.id if actor else None,
            source_code=actor.code if actor else None,
            anonymous=anonymous,
            kind=f.kind,
        )
        links: list[SourceLink] = []
        if f.source is not None and name:
            links.append(
                SourceLink(
                    name=name,
                    code=rec.source_code,
                    cue=(text[f.cue[0] : f.medium[1]] if f.medium else cue.text).rstrip(" :"),
                    anonymous=anonymous,
                    actor_id=rec.source_actor_id,
                    start=f.source[0],
                    end=f.source[1],
                )
            )
        if f.cited is not None:
            cname, cactor = namer.resolve(f.cited_head, f.cited)
            links.append(
                SourceLink(
                    name=cname,
                    code=cactor.code if cactor else None,
                    cue="citing",
                    actor_id=cactor.id if cactor else None,
                    start=f.cited[0],
                    end=f.cited[1],
                )
            )
        hearer: SourceLink | None = None
        if f.recipient is not None:
            rtext = text[f.recipient[0] : f.recipient[1]].lower()
            if (
                rtext not in lexicon.generic_audiences
                and f.recipient_head is not None
                and f.recipient_head.pos_ != "PRON"
            ):
                rname, ractor = namer.resolve(f.recipient_head, f.recipient)
                hearer = SourceLink(
                    name=rname,
                    code=ractor.code if ractor else None,
                    actor_id=ractor.id if ractor else None,
                    start=f.recipient[0],
                    end=f.recipient[1],
                )
        attributions.append(rec)
        own_links.append(links)
        recipients.append(hearer)
    nest(attributions)
    outlet = [SourceLink(name=art.outlet, code=outlet_code(doc, art.outlet))] if art.outlet else []
    assign_chains(attributions, own_links, recipients, outlet)
    return attributions
