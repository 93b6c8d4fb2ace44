"""The parts of the attribution component (:mod:`dotterel.components.attribution`).

One concern per module, in the order a Doc goes through them:

==================  ==============================================================
``lexicon``         the word lists of ``components/data/attribution``, loaded once
``quotes``          quotation spans (marks, quotations over several paragraphs)
``candidate``       :class:`Candidate`, an attribution while it is assembled
``syntax``          dependency-tree tests (subject, inverted tag, "that" clause)
``spans``           span boundary rules (source, content, trimming, paragraphs)
``verb_cues``       reporting-verb cues
``noun_cues``       statement-noun cues ("Trump's claim that ...")
``phrase_cues``     "according to X" and other multiword cues
``colon_cues``      paragraph-opening "Name: claim"
``hedges``          "reportedly", "appear to", "is believed to"
``quote_owners``    which cue each quotation belongs to
``finder``          :class:`AttributionFinder`: the pass that ties the above together
``sources``         source names across an article (aliases, acronyms, pronouns)
``anonymity``       anonymous sources
``records``         candidates to :class:`~dotterel.model.Attribution` records
``chains``          nesting (``parent_id``) and source chains
==================  ==============================================================

The spaCy component and its registration stay in
:mod:`dotterel.components.attribution`.
"""
