"""Actor network from event clusters.

Nodes are actors identified by their code (``IRN``, ``AFGINSTAL``, ``AFGGOV``), or with
``level="top"`` by the code's top-level entity: its CAMEO known group when it has one
(``AFGINSTAL`` -> ``TAL``: the Taliban are not the Afghan state), else its country or
region (``AFGGOV`` and ``AFGMIL`` -> ``AFG``), else its first component; with
``level="entity"`` by code and name (``IRNGOV Iran's foreign ministry``), so that two
ministries of one government are two nodes.
A directed edge ``source -> target`` summarises every event cluster between them:

* ``weight`` / ``n_events``: distinct events (clusters), ``n_mentions``, ``n_articles``;
* ``n_<TYPE>`` for each PLOVER type seen on the edge and ``types`` ("AID:3;CONSULT:1");
* ``first_date`` / ``last_date``: earliest start and latest end of the events' dates (ISO);
* ``n_sources``: distinct independent sources (see :mod:`dotterel.merge`) behind the
  edge's events, and ``sources`` their names;
* ``n_denied``/``n_contested``: events every report denies / that some reports deny.

GraphML and GEXF hold only scalar attributes, so lists are ``;``-joined strings.
Events with an uncoded source or target make no edge (they are counted in the log).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from dotterel.cameo import is_country, split_actor_code
from dotterel.merge import EventCluster

LOGGER = logging.getLogger(__name__)


#: Node identities :func:`actor_network` knows.
LEVELS = ("full", "top", "entity")


def top_code(code: str) -> str:
    """The top-level entity of an actor code: known group, else country, else first part."""
    parts = split_actor_code(code)
    if parts is None:
        return code
    return parts.known_group or parts.country or parts.code[:3]


def _node_key(code: str | None, level: str) -> str | None:
    if not code:
        return None
    code = code.upper()
    return top_code(code) if level == "top" else code


def _label(node: str, own: Counter[str] | None, named: Counter[str] | None) -> str:
    """A node's label: the name most used for actors coded exactly as the node, else
    the country's name for a country node, else the name most used for its members."""
    if own:
        return own.most_common(1)[0][0]
    if len(node) == 3 and is_country(node):
        import pycountry

        country = pycountry.countries.get(alpha_3=node)
        if country is not None:
            return str(getattr(country, "common_name", None) or country.name)
    return named.most_common(1)[0][0] if named else node


def _cluster_keys(c: EventCluster, level: str) -> tuple[str | None, str | None]:
    if level != "entity":
        return _node_key(c.source_code, level), _node_key(c.target_code, level)
    rep = c.representative

    def entity(code: str | None, actor: Any, words: str | None) -> str | None:
        name = actor.name if actor is not None else words
        return f"{code.upper()} {name}" if code and name else _node_key(code, "full")

    return (
        entity(c.source_code, rep.source_actor, rep.event.source_text),
        entity(c.target_code, rep.target_actor, rep.event.target_text),
    )


def actor_network(
    clusters: Iterable[EventCluster], *, level: str = "full", with_events: bool = False
) -> nx.DiGraph:
    """The directed actor network of some event clusters.

    Args:
        clusters: merged events (:func:`dotterel.merge.merge_events`).
        level: ``full`` (one node per full actor code), ``top`` (one node per known
            group or country) or ``entity`` (code and name; see the module docstring).
        with_events: also give each edge ``event_ids``, the ids of the event records
            behind it (a list: for the web UI, not for GraphML/GEXF).

    Returns:
        A ``DiGraph``; node attributes ``label`` (most frequent name), ``code``,
        ``kind``, ``n_events``; edge attributes as in the module docstring.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    graph = nx.DiGraph()
    names: dict[str, Counter[str]] = {}
    # names of the actors whose own code is the node's: at the top level, node COL is
    # labelled by "Colombia", not by its most named member ("ELN" of COLREBELN)
    own_names: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    skipped = 0
    for c in clusters:
        src, tgt = _cluster_keys(c, level)
        if src is None or tgt is None:
            skipped += 1
            continue
        for m in c.mentions:
            for key, code, actor, words in (
                (src, m.event.source_code, m.source_actor, m.event.source_text),
                (tgt, m.event.target_code, m.target_actor, m.event.target_text),
            ):
                name = actor.name if actor is not None else words
                if name:
                    names.setdefault(key, Counter())[name] += 1
                    if (code or "").upper() == key:
                        own_names.setdefault(key, Counter())[name] += 1
                if actor is not None and actor.kind:
                    kinds.setdefault(key, Counter())[actor.kind] += 1
        edge = edges.setdefault(
            (src, tgt),
            {
                "types": Counter(),
                "n_mentions": 0,
                "articles": set(),
                "sources": {},
                "first": None,
                "last": None,
                "n_denied": 0,
                "n_contested": 0,
                "n_events": 0,
                "event_ids": [],
            },
        )
        edge["event_ids"] += [m.event.id for m in c.mentions]
        edge["n_events"] += 1
        edge["types"][c.event_type] += 1
        edge["n_mentions"] += c.n_mentions
        edge["articles"].update(c.article_ids)
        for m in c.mentions:
            for key, name in m.all_origins().items():  # through every outlet that ran it
                edge["sources"].setdefault(key, name)
        status = c.status
        edge["n_denied"] += status == "denied"
        edge["n_contested"] += status == "contested"
        if c.span is not None:
            first, last = c.span.start.isoformat(), c.span.end.isoformat()
            edge["first"] = first if edge["first"] is None else min(edge["first"], first)
            edge["last"] = last if edge["last"] is None else max(edge["last"], last)
    for (src, tgt), e in edges.items():
        for node in (src, tgt):
            if node not in graph:
                label = _label(node, own_names.get(node), names.get(node))
                kind = kinds[node].most_common(1)[0][0] if node in kinds else ""
                code = node.split(" ", 1)[0]  # an entity's key is "CODE name"
                graph.add_node(node, label=label, code=code, kind=kind, n_events=0)
        graph.nodes[src]["n_events"] += e["n_events"]
        if src != tgt:
            graph.nodes[tgt]["n_events"] += e["n_events"]
        attrs: dict[str, Any] = {
            "weight": e["n_events"],
            "n_events": e["n_events"],
            "n_mentions": e["n_mentions"],
            "n_articles": len(e["articles"]),
            "n_sources": len(e["sources"]),
            "sources": ";".join(sorted(e["sources"].values())),
            "types": ";".join(f"{t}:{n}" for t, n in sorted(e["types"].items())),
            "first_date": e["first"] or "",
            "last_date": e["last"] or "",
            "n_denied": e["n_denied"],
            "n_contested": e["n_contested"],
        }
        attrs.update({f"n_{t}": n for t, n in e["types"].items()})
        if with_events:
            attrs["event_ids"] = e["event_ids"]
        graph.add_edge(src, tgt, **attrs)
    if skipped:
        LOGGER.info("%d events without a source or target code make no edge", skipped)
    return graph


def _complete(graph: nx.DiGraph) -> nx.DiGraph:
    """Every edge gets every ``n_<TYPE>`` key (0 when absent): GraphML readers want a
    value per declared key, and a missing count is a zero, not an unknown."""
    keys = {k for _, _, d in graph.edges(data=True) for k in d if k.startswith("n_")}
    out = graph.copy()
    for _, _, d in out.edges(data=True):
        for k in keys:
            d.setdefault(k, 0)
    return out


def write_graphml(graph: nx.DiGraph, path: Path) -> Path:
    """Write GraphML (readable by networkx, igraph, Gephi, yEd)."""
    nx.write_graphml(_complete(graph), path, encoding="utf-8", named_key_ids=True)
    LOGGER.info(
        "wrote %d actors, %d links to %s", graph.number_of_nodes(), graph.number_of_edges(), path
    )
    return path


def write_gexf(graph: nx.DiGraph, path: Path) -> Path:
    """Write GEXF 1.2 (Gephi's own format), as a dynamic graph whose dated edges carry
    ``start``/``end`` (first and last event date), so Gephi's timeline can replay it."""
    out = _complete(graph)
    out.graph["mode"] = "dynamic"
    for _, _, d in out.edges(data=True):
        if d.get("first_date") and d.get("last_date"):
            d["start"], d["end"] = d["first_date"], d["last_date"]
    nx.write_gexf(out, path, encoding="utf-8")
    return path


__all__ = ["LEVELS", "actor_network", "top_code", "write_gexf", "write_graphml"]
