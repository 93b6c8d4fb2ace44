"""Routes over the actor network (:mod:`dotterel.network` of the merged events)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from dotterel.server import queries, render
from dotterel.server.state import Db, State, StoreAccess

router = APIRouter()


def network_of(db: StoreAccess, flt: queries.PageFilter) -> dict[str, Any]:
    with db.session() as s:
        return queries.network(s.iter_coded(), flt)


@router.get("/api/network", tags=["api"])
def api_network(db: Db, actor: str | None = None, type: str | None = None) -> dict[str, Any]:
    """The actor network: nodes, and edges with type counts, dates and source counts."""
    return network_of(db, queries.PageFilter(actor=actor, type=type))


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(request: Request, state: State, actor: str = "", type: str = "") -> HTMLResponse:
    graph = network_of(state.db, queries.PageFilter(actor=actor or None, type=type or None))
    return state.page(request, "network.html", svg=render.network_svg(graph), graph=graph)


__all__ = ["router"]
