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
