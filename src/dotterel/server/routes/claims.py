"""Routes over contested claims (:func:`dotterel.store.claims.claims_about`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dotterel.server import queries
from dotterel.server.state import Db, State

router = APIRouter()

#: Claims listed on the page (all of them are in ``/api/claims``).
CLAIMS_SHOWN = 200


def claims_about(con: Any, about: str) -> list[dict[str, Any]]:
    """Every claim about ``about`` (contested or not), as the pages show them."""
    from dotterel.store.claims import claims_about as find
    from dotterel.store.database import fetch_dicts

    rows = find(con, about.upper(), contested_only=False)
    # "X does not arm Y" must not read as "X arms Y": each claim says whether it is negated
    ids = [r["claim_id"] for r in rows]
    negated = (
        {
            r["id"]
            for r in fetch_dicts(
                con, "SELECT id FROM events WHERE negated AND list_contains(?, id)", [ids]
            )
        }
        if ids
        else set()
    )
    for r in rows:
        r["negated"] = r["claim_id"] in negated
    return rows


@router.get("/api/claims", tags=["api"])
def api_claims(db: Db, about: Annotated[str, Query(min_length=2, max_length=20)]) -> list[dict]:
    """Claims about an actor and who asserts, reports, hedges or denies each."""
    rows: list[dict] = db.query(claims_about, about)
    return rows


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request, state: State, about: str = "") -> HTMLResponse:
    """Claims about an actor picked from those that stored events name (the most named
    one until another is picked), so the page is never blank while the store is not."""
    actors: list[dict[str, Any]] = state.db.query(queries.actors_in_events)
    about = about.strip() or (actors[0]["code"] if actors else "")
    rows = state.db.query(claims_about, about) if about else []
    return state.page(
        request,
        "claims.html",
        rows=rows[:CLAIMS_SHOWN],
        n_claims=len(rows),
        about=about.upper(),
        actors=actors,
    )


__all__ = ["router"]
