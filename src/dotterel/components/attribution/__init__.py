"""Find attributions: who said what, with which cue, through whom (issue 5).

Writes ``doc._.attributions``: one :class:`~dotterel.model.Attribution` per reported
statement, with PolNeAR-style spans (the source noun phrase with its appositions, the
cue words, the content: the quotation with its marks, or the reported clause), the
nesting (``parent_id``: an attribution inside another's content) and the source chain
from the outlet inward.

Four kinds of cue are found in one pass over the tokens:

* reporting verbs (``said``, ``told``, ``reveals``, ``accused``, ``call for`` ...)
  from the lexicon in ``data/attribution/cues.json``, with their subject as source and
  their clausal complement, object or attached quotation as content; any other verb
  or adjective with a subject and a "that" clause ("the study shows that ...");
* multiword cues whose object is the source (``according to X``, ``as reported by
  X``), the clause around them being the content;
* statement nouns with a source and a content ("Trump's claim that ...", "his
  attacks on X");
* a paragraph opening "Name: claim" (headline style, the colon is the cue), unless
  the words before the colon are a label, a place or a discourse phrase;
* hedges (``reportedly``, ``appear``/``seem`` + infinitive, ``is believed to``) from
  ``data/attribution/status.json``: source-less attributions of ``kind == "hedge"``,
  so a hedge is kept even when no event was coded in its clause.

Inside a quotation only a named third party's report is an attribution of its own
("village elders told officials ..."), and inside any content only a reporting verb
nests; "I think" or "she wants" are part of what was said. Source names in chains are
the article's words ("Afghan intelligence officials"), with short forms and pronouns
("the Times", "NYT", "it adds") resolved to the earlier full name, and the actor's
code beside them when the actor component found one.

Quotations (straight or curly marks, including a quotation that runs over several
paragraphs, each reopened with a mark) are attached to the cue of their sentence: the
tag after them (``"...," he said``), else the cue that introduces them
(``he said: "..."``), else the previous quotation's cue in the same paragraph
(a quotation continued after its tag, whose content then runs from the first
quotation to the last, tag included, as PolNeAR scores discontinuous spans by their
outer bounds), else an indirect report ending just before it.

Span conventions follow PolNeAR: a source keeps its appositions and descriptive
relative clauses but not a comma-set participle or a relative clause that reports
("Weaver, who said ..."); a possessive source keeps its "'s"; a parsed content stays
inside its cue's paragraph; a clause that frames a quotation (before or after the
tag) is part of the content.

This package's ``__init__`` holds the spaCy component, its configuration and
registration; the rules are private modules of this package, one concern each, in the
order a Doc goes through them:

====================  ==============================================================
``_lexicon``          the word lists of ``components/data/attribution``, loaded once
``_quotes``           quotation spans (marks, quotations over several paragraphs)
``_candidate``        :class:`Candidate`, an attribution while it is assembled
``_syntax``           dependency-tree tests (subject, inverted tag, "that" clause)
``_spans``            span boundary rules (source, content, trimming, paragraphs)
``_verb_cues``        reporting-verb cues
``_noun_cues``        statement-noun cues ("Trump's claim that ...")
``_phrase_cues``      "according to X" and other multiword cues
``_colon_cues``       paragraph-opening "Name: claim"
``_hedges``           "reportedly", "appear to", "is believed to"
``_quote_owners``     which cue each quotation belongs to
``_finder``           :class:`AttributionFinder`: the pass that ties the above together
``_sources``          source names across an article (aliases, acronyms, pronouns)
``_anonymity``        anonymous sources
``_from_candidates``  candidates to :class:`~dotterel.model.Attribution` records
``_chains``           nesting (``parent_id``) and source chains
``_denials``          report nouns called untrue ("called the reports baseless"), read by
                      the provenance component
====================  ==============================================================
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.components.attribution._finder import AttributionFinder
from dotterel.components.attribution._from_candidates import to_attributions
from dotterel.components.attribution._lexicon import DATA_DIR, CueLexicon, load_lexicon
from dotterel.components.attribution._quotes import find_quotes
from dotterel.extensions import register_extensions

LOGGER = logging.getLogger(__name__)

#: Re-exported: the provenance component reads the same lexicon, tests find quotes.
__all__ = [
    "DATA_DIR",
    "AttributionComponent",
    "AttributionFinder",
    "CueLexicon",
    "find_quotes",
    "load_lexicon",
    "make_attribution",
]


class AttributionComponent:
    """spaCy component writing ``doc._.attributions`` (see module docstring)."""

    def __init__(self, nlp: Language, name: str, *, hedges: bool = True) -> None:
        """Args:
        nlp: the pipeline (unused; spaCy's factory signature).
        name: component name.
        hedges: also record hedges (``reportedly``) as source-less attributions.
        """
        register_extensions()
        self.name = name
        self.hedges = hedges
        self.lexicon = load_lexicon()
        self.finder = AttributionFinder(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        found = self.finder.find(doc)
        if not self.hedges:
            found = [f for f in found if f.kind != "hedge"]
        doc._.attributions = to_attributions(doc, self.finder.text_of(doc), found, self.lexicon)
        return doc


@Language.factory(
    "dotterel_attribution",
    assigns=["doc._.attributions"],
    requires=["token.dep"],
    default_config={"hedges": True},
)
def make_attribution(nlp: Language, name: str, hedges: bool) -> AttributionComponent:
    return AttributionComponent(nlp, name, hedges=hedges)
