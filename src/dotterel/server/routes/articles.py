"""Routes over stored articles: health and counts, the article list, one article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dotterel.model import to_jsonable
from dotterel.server import queries, render
from dotterel.server.state import Db, State

router = APIRouter()


@router.get("/api/health", tags=["api"])
def health(db: Db) -> dict[str, Any]:
    """Liveness and store counts."""
    return {"status": "ok", "counts": db.query(queries.counts)}


@router.get("/api/articles", tags=["api"])
def api_articles(db: Db, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
    """Stored articles, newest first."""
    rows: list[dict[str, Any]] = db.query(queries.articles, limit)
    return rows


@router.get("/api/articles/{article_id}", tags=["api"])
def api_article(db: Db, article_id: str) -> dict[str, Any]:
    """Everything stored for one article (an id prefix is enough)."""
    return to_jsonable(db.load(article_id))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request, state: State) -> HTMLResponse:
    return state.page(
        request,
        "home.html",
        articles=state.db.query(queries.articles, 50),
        counts=state.db.query(queries.counts),
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
def article_page(request: Request, state: State, article_id: str) -> HTMLResponse:
    coded = state.db.load(article_id)
    by_id = {e.id: e for e in coded.events}
    return state.page(
        request,
        "article.html",
        coded=coded,
        body=render.highlighted_text(coded),
        actors={a.id: a for a in coded.actors},
        events_json=to_jsonable({e.id: e for e in coded.events}),
        by_id=by_id,
    )


__all__ = ["router"]
