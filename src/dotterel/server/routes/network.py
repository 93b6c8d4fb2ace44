"""Routes over the actor network (:func:`dotterel.server.views.network`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from dotterel.server import queries, views
from dotterel.server.filter_params import Filters
from dotterel.server.state import Db, State

router = APIRouter()

Level = Literal["country", "role", "entity"]


@router.get("/api/network", tags=["api"])
def api_network(
    db: Db,
    flt: Filters,
    level: Annotated[
        Level, Query(description="Actor nodes: country (or known group), code with roles, entity.")
    ] = "country",
) -> JSONResponse:
    """The actor network of the filtered events: nodes, edges (event count, independent
    sources, quad classes, dates, event ids) and the events behind the edges."""
    with db.session() as s:
        try:
            graph = views.network(s, flt, level)
        except queries.BadFilter as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
    # already plain JSON: skip FastAPI's encoder, slow on thousands of events
    return JSONResponse(graph)


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
def network_page(
    request: Request, state: State, flt: Filters, level: Level = "country"
) -> HTMLResponse:
    return state.page(request, "network.html", flt=flt, level=level, view="network")


__all__ = ["router"]
