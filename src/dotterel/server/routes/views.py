"""Routes of the map and the timeline: the pages (drawn in the browser by
``static/map.js`` and ``static/timeline.js``) and the JSON they draw."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from dotterel.server import views
from dotterel.server.filter_params import Filters
from dotterel.server.state import Db, State

router = APIRouter()


@router.get("/api/map", tags=["api"])
def api_map(db: Db, flt: Filters) -> JSONResponse:
    """The filtered events that have a place with coordinates, one marker each, with
    who did what to whom and the source chain."""
    # already plain JSON: skip FastAPI's encoder, slow on thousands of markers
    return JSONResponse(db.query(views.map_events, flt))


@router.get("/api/timeline", tags=["api"])
def api_timeline(db: Db, flt: Filters) -> dict[str, Any]:
    """Filtered events per day, month or year over the whole range of their dates,
    counted by quad class."""
    out: dict[str, Any] = db.query(views.timeline, flt)
    return out


@router.get("/map", response_class=HTMLResponse, include_in_schema=False)
def map_page(request: Request, state: State, flt: Filters) -> HTMLResponse:
    return state.page(request, "map.html", flt=flt, view="map")


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_page(request: Request, state: State, flt: Filters) -> HTMLResponse:
    return state.page(request, "timeline.html", flt=flt, view="timeline")


__all__ = ["router"]
