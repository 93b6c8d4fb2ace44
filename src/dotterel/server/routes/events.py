"""Routes over stored events: the filtered list (JSON and a paged, sortable page) and
the actors that events name (the pickers of the filter bar and the claims page)."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dotterel.server import queries
from dotterel.server.filter_params import Filters
from dotterel.server.state import Db, State

router = APIRouter()

#: Rows per page of the events page.
PAGE_SIZE = 50


@router.get("/api/events", tags=["api"])
def api_events(
    db: Db, flt: Filters, limit: Annotated[int, Query(ge=1, le=10000)] = 500
) -> list[dict[str, Any]]:
    """Events, filtered by actor, PLOVER type, quad class, status, date range, place
    (events told as history only with ``background=true``), newest first."""
    flt.limit = limit
    rows: list[dict[str, Any]] = db.query(queries.events, flt)
    return rows


@router.get("/api/actors", tags=["api"])
def api_actors(db: Db) -> list[dict[str, Any]]:
    """Actor codes named by stored events, with a name and an event count, most first."""
    rows: list[dict[str, Any]] = db.query(queries.actors_in_events)
    return rows


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def events_page(
    request: Request,
    state: State,
    flt: Filters,
    sort: str = "date",
    order: Literal["asc", "desc"] = "desc",
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    result: queries.EventPage = state.db.query(
        lambda con: queries.event_page(
            con, flt, sort=sort, descending=order == "desc", page=page, size=PAGE_SIZE
        )
    )
    params = {k: v for k, v in request.query_params.items() if v}

    def link(**changes: Any) -> str:
        """This page's URL with some parameters changed (a new sort starts at page 1)."""
        return "/events?" + urlencode({**params, **{k: str(v) for k, v in changes.items()}})

    return state.page(
        request,
        "events.html",
        result=result,
        flt=flt,
        sort=sort,
        order=order,
        link=link,
        api_query=urlencode(
            {k: v for k, v in params.items() if k not in ("sort", "order", "page")}
        ),
        # the exports filter as the page does (not by place)
        export_query=urlencode(
            {k: v for k, v in params.items() if k not in ("sort", "order", "page", "place")}
        ),
    )


__all__ = ["PAGE_SIZE", "router"]
