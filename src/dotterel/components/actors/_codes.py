"""CAMEO code arithmetic: a code's country prefix and role triples, an agent's roles
combined with a name's code, and the actor spec a name stands for."""

from __future__ import annotations

import logging

from dotterel.components.actors._state import ActorSpec, DocState, NamedMatch
from dotterel.dictionaries import ActorLexicon, AgentRole, is_null_code

LOGGER = logging.getLogger(__name__)


def split_roles(code: str, country: str | None) -> list[str]:
    """The three-letter role codes after the country prefix (``AFGGOVMIL`` -> GOV, MIL)."""
    rest = code[len(country) :] if country and code.startswith(country) else code
    return [rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3]


def country_of(code: str, lexicon: ActorLexicon) -> str | None:
    """CAMEO convention: the first three letters are a country unless they are a
    sector or a non-state prefix (``IGO``, ``IMG``, ``NGO``...)."""
    head = code[:3]
    if len(head) == 3 and head.isalpha() and head not in lexicon.role_labels:
        return head
    return None


def combine(code: str, agent: AgentRole) -> str:
    """``code`` with the agent's roles added (in front for a prefix agent), once."""
    if agent.prefix:
        return agent.roles + code
    if code.endswith(agent.roles):
        return code
    return code + agent.roles


def resolve_named(
    st: DocState, m: NamedMatch, lexicon: ActorLexicon
) -> tuple[str, ActorSpec] | None:
    """The code an unqualified name stands for, with its actor spec (None: no actor)."""
    e = m.entry
    if e.category == "discard":
        return None
    if e.category == "user":
        assert e.entry is not None
        code = e.entry.code_for(st.when)
        if code is None:
            return None
        code = code.split("/")[0]  # compound actors: see compound_parts
        country = country_of(code, lexicon)
        roles = split_roles(code, country)
        kind = (
            "state"
            if country and not roles
            else lexicon.kind_of_roles("".join(roles)) or "organisation"
        )
        return code, ActorSpec(code, country, roles, kind, e.name, "user-dictionary", [e.evidence])
    assert e.code is not None
    roles = split_roles(e.code, e.country)
    kind = "state" if e.category in ("country", "demonym", "people") else e.kind
    method = "rule" if e.category == "capital" else "dictionary"
    return e.code, ActorSpec(e.code, e.country, roles, kind, e.name, method, [e.evidence])


def compound_parts(
    st: DocState, m: NamedMatch, lexicon: ActorLexicon
) -> list[tuple[str, ActorSpec]]:
    """The other actors of a compound code (``[FRO/BIL/SAM]``), one spec each."""
    e = m.entry
    if e.category != "user" or e.entry is None:
        return []
    code = e.entry.code_for(st.when) or ""
    out = []
    for part in code.split("/")[1:]:
        if not part or is_null_code(part):
            continue
        country = country_of(part, lexicon)
        roles = split_roles(part, country)
        kind = (
            "state"
            if country and not roles
            else (lexicon.kind_of_roles("".join(roles)) or "organisation")
        )
        out.append(
            (
                part,
                ActorSpec(
                    part,
                    country,
                    roles,
                    kind,
                    f"{e.name} ({part})",
                    "user-dictionary",
                    [e.evidence, "compound actor"],
                ),
            )
        )
    return out


def placed_agent(
    country: str, agent: AgentRole, evidence: list[str], lexicon: ActorLexicon
) -> tuple[str, ActorSpec]:
    """The code and record of an agent placed in a country ("Afghan officials",
    "rebels in Darfur"): named after the country and the agent's roles."""
    code = combine(country, agent)
    roles = split_roles(code, country)
    name = f"{lexicon.country_names.get(country, country)} {lexicon.label_of_roles(''.join(roles))}"
    kind = lexicon.kind_of_roles(agent.roles) or "government"
    return code, ActorSpec(code, country, roles, kind, name, "rule", evidence)
