"""Step 1b, collective state groups: a plural noun that names a set of states
("countries", "nations", "allies", "member states": ``state_collectives`` in
``syntax.json``) qualified by a bloc is that bloc's CAMEO region: "EU countries",
"European Union member states" -> ``EUR``, "NATO allies" -> ``WST``, "her allies in
Europe" -> ``EUR``, "Western powers" -> ``WST``.

Pattern: news names the states acting together by the bloc they belong to; the states
act, not the bloc's institution (``IGOEUREEC`` is the EU's bodies), so the code is the
region the bloc's code carries (CAMEO region components, :func:`dotterel.cameo.is_region`).
A bloc whose code holds no region ("OPEC countries"), a single country ("U.S. allies":
not the United States) and a bare "countries" or "other countries" stay uncoded: the
text does not say which states they are.
"""

from __future__ import annotations

import logging

from dotterel.cameo import is_region
from dotterel.components.actors._agents import qualifiers
from dotterel.components.actors._codes import resolve_named
from dotterel.components.actors._mentions import add_mention, phrase_start
from dotterel.components.actors._state import ActorSpec, DocState, NamedMatch
from dotterel.dictionaries import ActorLexicon

LOGGER = logging.getLogger(__name__)

#: Evidence line of a collective coded by its bloc.
COLLECTIVE_RULE = "states named by their bloc: the bloc's region"


def bloc_region(st: DocState, m: NamedMatch, lexicon: ActorLexicon) -> str | None:
    """The CAMEO region a name stands for: a region's own name ("Europe", "Western",
    "the West") or the region in a bloc's code (``IGOEUREEC`` -> ``EUR``,
    ``IGOWSTNAT`` -> ``WST``)."""
    named = resolve_named(st, m, lexicon)
    if named is None:
        return None
    code = named[0]
    if len(code) == 3 and is_region(code):
        return code
    if code.startswith("IGO") and is_region(code[3:6]):
        return code[3:6]
    return None


def code_collectives(st: DocState, lexicon: ActorLexicon) -> None:
    """One mention of the bloc's region per plural state-collective noun it qualifies."""
    nouns = lexicon.state_collectives
    if not nouns:
        return
    for i, tag in enumerate(st.tags):
        if tag not in ("NNS", "NNPS") or st.skip[i] or st.consumed[i] or i in st.pair_heads:
            continue
        tok = st.toks[i]
        if st.match_at[i] is not None or tok.dep_ == "compound":
            continue
        noun = tok.lemma_.lower()
        if noun not in nouns and i > 0:
            noun = f"{st.words[i - 1]} {noun}"  # a two-word noun: "member states"
        if noun not in nouns:
            continue
        head = tok
        regions: dict[str, NamedMatch] = {}
        # "European Union member states": the bloc may qualify the first word of the noun
        parts = [head, *(c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN")]
        for q in (q for part in parts for q in qualifiers(st, part, lexicon)):
            m = st.match_at[q.i]
            if m is None or m.entry.category == "discard":
                continue
            region = bloc_region(st, m, lexicon)
            if region is None:
                regions.clear()
                break  # "U.S. and European allies": not one bloc
            regions.setdefault(region, m)
        if len(regions) != 1:
            continue
        region, m = next(iter(regions.items()))
        lo = phrase_start(st, min(m.start, head.i), head) if m.start < head.i else head.i
        hi = max(m.end, head.i + 1)
        if any(st.consumed[k] for k in range(lo, hi)):
            continue
        name = lexicon.country_names.get(region, region)
        spec = ActorSpec(
            region,
            region,
            [],
            "state",
            name,
            "rule",
            [m.entry.evidence, f"syntax.json: {noun} names states", COLLECTIVE_RULE],
        )
        add_mention(st, lo, hi, (region, spec), "NOMINAL", "rule", "state", True)


__all__ = ["COLLECTIVE_RULE", "code_collectives"]
