"""The actor network: who acts on whom, how often, since when, on how many sources.

:func:`actor_network` builds a ``networkx.DiGraph`` from merged event clusters;
:func:`write_graphml` and :func:`write_gexf` write it for Gephi, R (igraph) or networkx.
"""

from dotterel.network.graph import LEVELS, actor_network, top_code, write_gexf, write_graphml

__all__ = ["LEVELS", "actor_network", "top_code", "write_gexf", "write_graphml"]
