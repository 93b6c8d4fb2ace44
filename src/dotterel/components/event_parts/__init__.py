"""The parts of the ``dotterel_events`` component, one concern per module.

The component itself (:mod:`dotterel.components.events`) runs four passes over each parsed
document; each pass, and what the passes share, lives here:

================  ==========================================================================
``syntax``        dependency labels and parse-tree walks (coordination, spans, prepositions)
``lexicon``       the trigger lexicon (``data/events/triggers.tsv``) and its row matching
``rules``         ``data/events/rules.json`` and the CAMEO code families the passes test
``drafts``        :class:`Draft` and :class:`Argument`, the events under construction
``triggers``      pass 1: which tokens are triggers, coded by dictionary or lexicon
``participants``  which actor(s) a noun phrase names (mentions, compound codes, places)
``arguments``     pass 2 for verbs: sources and targets through the parse
``nouns``         event nouns: folding them into their verb, and their own actors
``modality``      pass 3: negation and modality (intended, hypothetical, hedged)
``composition``   pass 4: embedded events, appeals/threats/demands, denials
``records``       the finished :class:`~dotterel.model.Event` records, one per actor pair
================  ==========================================================================
"""
