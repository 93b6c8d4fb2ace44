"""An office no one is named to is the office of the story's country (issue 17).

"The mayor imposed a curfew", "the governor declared a state of emergency": a
definite singular office title is left to coreference, which links it to the person
named with that title. When the article names no one for it, the office is still an
actor: the holder of that office in the country its sentence names, else in the
article's setting (the city of the dateline has one mayor). Only the offices listed in
``syntax.json`` (``setting_offices``) are read this way: each has one holder per place.
"""

from __future__ import annotations

from dotterel.components._syntax import NOUN_POS
from dotterel.components.actors._agents import agent_at, agent_in_context
from dotterel.components.actors._state import DocState
from dotterel.dictionaries import ActorLexicon


def code_unlinked_offices(st: DocState, lexicon: ActorLexicon, floor: int) -> None:
    """Code each definite singular office title that coreference left unlinked."""
    if not lexicon.setting_offices:
        return
    covered: set[int] = set()
    for m in st.mentions:
        covered.update(range(m.start, m.end))
    for i, pos in enumerate(st.pos):
        if pos not in NOUN_POS or i in covered or st.skip[i] or i in st.name_titles:
            continue
        head = st.toks[i]
        if head.tag_ != "NN" or head.dep_ == "compound":
            continue
        if head.lemma_.lower() not in lexicon.setting_offices:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue
        found = agent_at(st, head, lexicon, floor)
        if found is not None:
            agent_in_context(st, head, found[0], found[1], lexicon, definite_ok=True)


__all__ = ["code_unlinked_offices"]
