"""Step 4a, agents that belong to a person: "Park's lawyers", "Trump aides", "supporters
of X", "lawyers for X" (:func:`._agents.person_qualifier` holds them back). People who work
for or side with a person are of that person's country, which the persons step has just
decided; the country the sentence names or the article's setting would be a guess where
the text says whose they are ("supporters of Park waved Korean and US flags" are Korean).
A person without a country leaves the agent to the ordinary rules of :mod:`._agents`."""

from __future__ import annotations

import logging

from dotterel.components.actors._agents import agent_in_context, agent_in_province
from dotterel.components.actors._codes import placed_agent
from dotterel.components.actors._mentions import add_mention, phrase_start
from dotterel.components.actors._state import DocState, RawMention
from dotterel.dictionaries import ActorLexicon

LOGGER = logging.getLogger(__name__)

#: Evidence line of an agent placed through the person it belongs to.
PERSON_RULE = "agent; country of the person it belongs to"


def code_person_agents(st: DocState, lexicon: ActorLexicon) -> None:
    """Code the agent phrases held back for a person (:attr:`DocState.person_agents`)."""
    if not st.person_agents:
        return
    person_at: dict[int, RawMention] = {}
    for mention in st.mentions:
        if mention.kind == "person":
            for k in range(mention.start, mention.end):
                person_at.setdefault(k, mention)
    for held in st.person_agents:
        head = st.toks[held.head]
        if st.consumed[held.head]:
            continue
        person = person_at.get(held.person)
        spec = st.specs.get(person.key) if person is not None else None
        if spec is None or not spec.country:
            # no person, or one without a country: the rules step 2 would have applied
            if not agent_in_province(st, head, held.agent_start, held.agent, lexicon):
                agent_in_context(st, head, held.agent_start, held.agent, lexicon)
            continue
        code, agent_spec = placed_agent(
            spec.country,
            held.agent,
            [f"{spec.name} -> {spec.country}", held.agent.evidence, PERSON_RULE],
            lexicon,
        )
        lo = min(held.agent_start, held.head)
        if st.consumed[lo : held.head].count(1):
            lo = held.head  # "Park lawyers": the name before the role is the person's mention
        start = phrase_start(st, lo, head)
        plural = head.tag_ in ("NNS", "NNPS")
        add_mention(
            st, start, held.head + 1, (code, agent_spec), "NOMINAL", "rule", agent_spec.kind, plural
        )
