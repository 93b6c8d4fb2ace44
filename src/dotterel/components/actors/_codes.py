"""CAMEO code arithmetic: a code's country prefix and role triples, an agent's roles
combined with a name's code, and the actor spec a name stands for."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from dotterel.components.actors._state import ActorSpec, DocState, NamedMatch
from dotterel.dictionaries import KNOWLEDGE, ActorLexicon, AgentRole, NamedEntry, is_null_code

LOGGER = logging.getLogger(__name__)


def split_roles(code: str, country: str | None) -> list[str]:
    """The three-letter role codes besides the country (``AFGGOVMIL`` -> GOV, MIL;
    ``MNCKOR`` -> MNC)."""
    rest = code[len(country) :] if country and code.startswith(country) else code
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3) if len(rest[i : i + 3]) == 3]
    return [p for p in parts if p != country]


def country_of(code: str, lexicon: ActorLexicon) -> str | None:
    """CAMEO convention: the first three letters are a country unless they are a
    sector or a non-state prefix (``IGO``, ``IMG``, ``NGO``...). A multinational's code
    names its home country after the prefix (Phoenix: Samsung ``MNCKOR``): that country."""
    head = code[:3]
    if len(head) == 3 and head.isalpha() and head not in lexicon.role_labels:
        return head
    if head == "MNC" and code[3:6] in lexicon.country_names:
        return code[3:6]
    return None


def combine(code: str, agent: AgentRole) -> str:
    """``code`` with the agent's roles added (in front for a prefix agent), once."""
    if agent.prefix:
        return agent.roles + code
    if code.endswith(agent.roles):
        return code
    return code + agent.roles


def entry_code(e: NamedEntry, when: date | None) -> str | None:
    """The dictionary code of a user or knowledge-base name on ``when``. The shipped base
    is read cautiously (:meth:`ActorEntry.code_for`): with no date, or a date none of a
    politician's offices covers, only the country, never a guessed office."""
    if e.entry is None:
        return e.code
    return e.entry.code_for(when, cautious=e.priority == KNOWLEDGE)


def source_method(e: NamedEntry) -> str:
    """``knowledge`` for the shipped base, ``user-dictionary`` for the user's files."""
    return "knowledge" if e.priority == KNOWLEDGE else "user-dictionary"


def resolve_named(
    st: DocState, m: NamedMatch, lexicon: ActorLexicon
) -> tuple[str, ActorSpec] | None:
    """The code an unqualified name stands for, with its actor spec (None: no actor)."""
    e = m.entry
    if e.category == "discard":
        return None
    if e.category == "capital" and (seat := seat_of(st, m, lexicon)) is not None:
        return resolve_named(st, seat, lexicon)
    if e.category == "user":
        assert e.entry is not None
        code = entry_code(e, st.when)
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
        evidence = [e.evidence]
        if (
            e.priority == KNOWLEDGE
            and code == e.entry.shared_country()
            and code != (e.entry.code_for(st.when))
        ):
            evidence.append(
                f"knowledge base: {st.doc[m.start : m.end].text!r}: no role dated for "
                f"{st.when or 'an undated article'}, country only"
            )
        elif e.priority == KNOWLEDGE:
            evidence.append(f"knowledge base: {st.doc[m.start : m.end].text!r}")
        return code, ActorSpec(code, country, roles, kind, e.name, source_method(e), evidence)
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
    code = entry_code(e, st.when) or ""
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
                    source_method(e),
                    [e.evidence, "compound actor"],
                ),
            )
        )
    return out


def seat_of(st: DocState, m: NamedMatch, lexicon: ActorLexicon) -> NamedMatch | None:
    """A mention in the article of the body whose seat the capital ``m`` is ("Brussels"
    in a story that names the EU: ``seat_capitals`` in syntax.json), else None."""
    codes = lexicon.seat_capitals.get(st.doc[m.start : m.end].text.lower())
    if not codes:
        return None
    named: dict[str, NamedMatch] = {}
    for other in st.match_at:
        if other is not None and other.entry.category in ("group", "user"):
            code = entry_code(other.entry, st.when)
            if code in codes:
                named.setdefault(code, other)
    return next((named[c] for c in codes if c in named), None)


def placed_agent(
    country: str,
    agent: AgentRole,
    evidence: list[str],
    lexicon: ActorLexicon,
    words: Sequence[str] = (),
) -> tuple[str, ActorSpec]:
    """The code and record of an agent placed in a country ("Afghan officials",
    "rebels in Darfur"): named after the country and the agent's roles. A party named
    by its own words (``words``, the agent phrase: "Democrats", "the Republican Party")
    is named after them too, so two parties of one country are two actors."""
    code = combine(country, agent)
    roles = split_roles(code, country)
    name = f"{lexicon.country_names.get(country, country)} {lexicon.label_of_roles(''.join(roles))}"
    party = party_identity(words) if agent.roles == "PTY" else None
    if party is not None:
        name = f"{lexicon.country_names.get(country, country)} {party} party"
        evidence = [*evidence, f"party named by its words: {party}"]
    kind = lexicon.kind_of_roles(agent.roles) or "government"
    return code, ActorSpec(code, country, roles, kind, name, "rule", evidence)


#: Words of a party phrase that name no particular party.
_GENERIC_PARTY_WORDS = frozenset({"party", "parties", "member", "members", "the", "'s"})


def party_identity(words: Sequence[str]) -> str | None:
    """The party a phrase names by its own words, folded so that its forms agree
    ("Democrats", "a Democrat", "the Democratic Party" -> "Democrat"), or None for a
    bare "party"."""
    kept = []
    for w in words:
        low = w.lower()
        if low in _GENERIC_PARTY_WORDS or not low.isalpha():
            continue
        low = low.removesuffix("s") if len(low) > 4 else low
        low = low.removesuffix("ic") if low.endswith("atic") else low  # democratic
        kept.append(low.capitalize())
    return " ".join(kept) or None
