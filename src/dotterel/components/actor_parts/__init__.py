"""The steps of the actors component (:mod:`dotterel.components.actors`), one per module.

The component itself (factory, config, user dictionaries) stays in ``actors.py``; it
runs these steps in order over one :class:`~.state.DocState`:

- :mod:`.state`: the per-document records (name matches, actor specs, raw mentions).
- :mod:`.prose`: which tokens are prose (not photo credits or tag lists), which are quoted.
- :mod:`.codes`: CAMEO code arithmetic (country prefix, roles, agents combined with names).
- :mod:`.mentions`: adding a mention and its actor, mention labels and extents.
- :mod:`.names`: step 1, names found with the trie; discard lists; the sentence's country.
- :mod:`.agents`: step 2, noun phrases headed by an agent word.
- :mod:`.metonymy`: whether a country or capital is a place rather than an actor.
- :mod:`.bare_names`: step 3, names not taken by an agent phrase.
- :mod:`.persons`: step 4, persons coded through title, apposition and ``leaders.tsv``.
- :mod:`.anaphora`: step 5, pronouns and descriptions linked through
  :mod:`dotterel.components.coref`.
- :mod:`.records`: step 6, the :class:`~dotterel.model.Actor`/``Mention`` records.
"""
