"""Routes over contested claims (:func:`dotterel.store.claims.claims_about`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dotterel.server.state import Db, State

router = APIRouter()


def claims_about(con: Any, about: str) -> list[dict[str, Any]]:
    """Every claim about ``about`` (contested or not), as the pages show them."""
    from dotterel.store.claims import claims_about as find

    return find(con, about.upper(), contested_only=False)


@router.get("/api/claims", tags=["api"])
def api_claims(db: Db, about: Annotated[str, Query(min_length=2, max_length=20)]) -> list[dict]:
    """Claims about an actor and who asserts, reports, hedges or denies each."""
    rows: list[dict] = db.query(claims_about, about)
    return rows


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, state: State, about: str = "") -> HTMLResponse:
    rows = state.db.query(claims_about, about) if about else []
    return state.page(request, "claims.html", rows=rows, about=about)


__all__ = ["router"]
