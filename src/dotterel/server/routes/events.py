"""Routes over stored events: the filtered list (JSON and page), the map, the timeline."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dotterel.server import queries, render
from dotterel.server.state import Db, State

router = APIRouter()


@router.get("/api/events", tags=["api"])
def api_events(
    db: Db,
    actor: str | None = None,
    type: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    limit: Annotated[int, Query(ge=1, le=10000)] = 500,
) -> list[dict[str, Any]]:
    """Events, filtered by actor code prefix, PLOVER type, status, date range, place."""
    flt = queries.PageFilter(actor, type, status, since, until, place, limit=limit)
    rows: list[dict[str, Any]] = db.query(queries.events, flt)
    return rows


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(
    request: Request,
    state: State,
    actor: str = "",
    type: str = "",
    status: str = "",
    since: str = "",
    until: str = "",
    place: str = "",
) -> HTMLResponse:
    flt = queries.PageFilter(
        actor or None, type or None, status or None, since or None, until or None, place or None
    )
    return state.page(
        request,
        "events.html",
        rows=state.db.query(queries.events, flt),
        flt=flt,
        query_string=request.url.query,
        # the exports filter by actor, type, status and dates (not by place)
        export_query=urlencode(
            {k: v for k, v in request.query_params.items() if k != "place" and v}
        ),
    )


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, state: State) -> HTMLResponse:
    rows = state.db.query(queries.events, queries.PageFilter(limit=100_000))
    points = render.map_points(rows)
    return state.page(request, "map.html", svg=render.map_svg(points), points=points)


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, state: State) -> HTMLResponse:
    rows = state.db.query(queries.events, queries.PageFilter(limit=100_000))
    return state.page(request, "timeline.html", svg=render.timeline_svg(rows), rows=rows[:200])


__all__ = ["router"]
