"""Actor network: GraphML/GEXF read back with networkx, edges summarise event clusters."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from dotterel.merge import merge_events
from dotterel.network import actor_network, top_code, write_gexf, write_graphml
from export_samples import samples


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    return actor_network(merge_events(samples()))


def test_nodes_are_actors_and_edges_carry_counts_dates_and_sources(graph: nx.DiGraph) -> None:
    assert set(graph.nodes) == {"IRN", "TAL", "RUS", "PAK"}
    assert graph.nodes["IRN"]["label"] == "Iran"
    edge = graph.edges["IRN", "TAL"]
    assert edge["n_events"] == 2 and edge["n_AID"] == 2  # the 2017 and the 2019 shipments
    assert edge["n_mentions"] == 5 and edge["n_articles"] == 5
    assert edge["n_sources"] == 3  # NYT, Mountain Post, Plains Tribune
    assert edge["first_date"] == "2017-01-01" and edge["last_date"] == "2019-03-10"
    assert edge["n_contested"] == 1
    assert graph.edges["RUS", "TAL"]["types"] == "CONSULT:1"


def test_graphml_reads_back(tmp_path: Path, graph: nx.DiGraph) -> None:
    path = write_graphml(graph, tmp_path / "actors.graphml")
    back = nx.read_graphml(path)
    assert back.is_directed()
    assert set(back.edges) == set(graph.edges)
    edge = back.edges["IRN", "TAL"]
    assert edge["n_sources"] == 3 and edge["first_date"] == "2017-01-01"
    assert back.edges["RUS", "TAL"]["n_AID"] == 0  # every edge has every type key
    assert back.nodes["PAK"]["label"] == "Pakistan"


def test_gexf_reads_back(tmp_path: Path, graph: nx.DiGraph) -> None:
    path = write_gexf(graph, tmp_path / "actors.gexf")
    back = nx.read_gexf(path)
    assert {(back.nodes[u]["label"], back.nodes[v]["label"]) for u, v in back.edges} >= {
        ("Iran", "Taliban"),
        ("Russia", "Taliban"),
        ("Pakistan", "Taliban"),
    }
    edge = back.edges["IRN", "TAL"]
    assert (edge["start"], edge["end"]) == ("2017-01-01", "2019-03-10")  # Gephi timeline


def test_top_level_nodes_are_groups_or_countries() -> None:
    from datetime import date

    from export_samples import build

    coded = build(
        "Afghan troops and Afghan police attacked the Taliban.",
        "Harbour Star",
        date(2019, 5, 1),
        [
            {
                "src": "AFGMIL",
                "src_text": "Afghan troops",
                "tgt": "TAL",
                "tgt_text": "Taliban",
                "type": "ASSAULT",
                "trigger": "attacked",
            },
        ],
    )
    assert set(actor_network(merge_events([coded])).nodes) == {"AFGMIL", "TAL"}
    assert set(actor_network(merge_events([coded]), level="top").nodes) == {"AFG", "TAL"}
    assert top_code("AFGINSTAL") == "TAL" and top_code("USAMED") == "USA"
    assert top_code("IGOUNOKID") == "UNO" and top_code("XYZ") == "XYZ"


@pytest.mark.slow
def test_seed_network_links_iran_russia_and_pakistan_to_the_taliban(nlp, shared_eval) -> None:
    """Done-when of issue 7, on the gold seed article (read, never copied)."""
    from datetime import date

    from dotterel.model import Article
    from dotterel.pipeline import code

    text = (shared_eval / "seed_article.txt").read_text(encoding="utf-8")
    coded = code(nlp, Article(text=text, outlet="Breitbart News", pub_date=date(2017, 8, 7)))
    if not any(e.source_code and e.target_code for e in coded.events):
        pytest.skip("the pipeline codes no event with both actors yet (actors component)")
    graph = actor_network(merge_events([coded]), level="top")
    linked = {u for u, v in graph.edges if v == "TAL"} | {v for u, v in graph.edges if u == "TAL"}
    assert {"IRN", "RUS", "PAK"} <= linked


def test_entity_level_and_event_ids() -> None:
    """``entity`` nodes are code and name; ``with_events`` lists the records per edge."""
    from dotterel.merge import merge_events
    from dotterel.network import actor_network
    from export_samples import samples

    coded = samples()
    graph = actor_network(merge_events(coded), level="entity", with_events=True)
    assert "IRN Iran" in graph and "TAL Taliban" in graph
    assert graph.nodes["IRN Iran"]["code"] == "IRN"
    ids = {i for _, _, d in graph.edges(data=True) for i in d["event_ids"]}
    every = {e.id for c in coded for e in c.events if e.source_code and e.target_code}
    assert ids == every
    plain = actor_network(merge_events(coded), level="top")
    assert all("event_ids" not in d for _, _, d in plain.edges(data=True))


def test_edge_sources_count_every_outlet_that_ran_an_article() -> None:
    from dotterel.merge import merge_events
    from dotterel.model import Sighting
    from dotterel.network import actor_network
    from export_samples import samples

    def iran_taliban_sources(coded: list) -> int:
        graph = actor_network(merge_events(coded))
        return int(graph.edges["IRN", "TAL"]["n_sources"])

    before = iran_taliban_sources(samples())
    coded = samples()
    c = coded[2]  # Mountain Post's own reporting, run again by another outlet
    c.sightings = [Sighting.of(c.article), Sighting(c.article.id, "Harbour Daily")]
    assert iran_taliban_sources(coded) == before + 1


def test_a_top_level_node_is_labelled_by_its_own_name_not_its_members() -> None:
    """Node COL at the top level is "Colombia" (or its country name), not "ELN" because
    the rebels were named more often than the state."""
    from datetime import date

    from export_samples import build

    coded = build(
        "Afghan troops attacked the Taliban; Afghan police arrested Taliban fighters.",
        "Harbour Star",
        date(2019, 5, 1),
        [
            {
                "src": "AFGMIL",
                "src_text": "Afghan troops",
                "tgt": "TAL",
                "tgt_text": "Taliban",
                "type": "ASSAULT",
                "trigger": "attacked",
            },
            {
                "src": "AFGMIL",
                "src_text": "Afghan police",
                "tgt": "TAL",
                "tgt_text": "Taliban fighters",
                "type": "COERCE",
                "trigger": "arrested",
            },
        ],
    )
    top = actor_network(merge_events([coded]), level="top")
    assert top.nodes["AFG"]["label"] == "Afghanistan"  # no actor coded AFG: the country
    assert top.nodes["TAL"]["label"] == "Taliban"
    full = actor_network(merge_events([coded]))
    assert full.nodes["AFGMIL"]["label"] == "two Afghan commanders"  # unchanged
