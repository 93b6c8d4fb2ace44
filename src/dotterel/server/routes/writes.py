"""The writes: code an article (JSON API or the pages' form) and store it; both need
the token (:func:`~dotterel.server.state.require_bearer_token`,
:func:`~dotterel.server.state.require_form_token`)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from dotterel.model import Article, CodedArticle, Reject, to_jsonable
from dotterel.server.state import (
    ServerState,
    State,
    require_bearer_token,
    require_form_token,
)
from dotterel.store.claims import contest_linker

router = APIRouter()


class CodeRequest(BaseModel):
    """An article to code: plain text or an HTML page, plus metadata."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="An HTML page (main text is extracted).")
    outlet: str | None = None
    url: str | None = None
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    store: bool = Field(True, description="Also store the result.")


def read_article(
    data: bytes, suffix: str, outlet: str | None, url: str | None, pub: dt.date | None
) -> Article | Reject:
    """Run uploaded bytes through the same ingest checks as the CLI."""
    from dotterel.ingest import read_inputs

    with tempfile.TemporaryDirectory(prefix="dotterel-upload-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([path], outlet=outlet, url=url, date=pub))
    if not items:
        return Reject(origin="upload", reason="nothing to code in the upload", kind="empty")
    item = items[0]
    if isinstance(item, (Reject, Article)):
        item.origin = "upload"
    return item


def code_and_store(state: ServerState, item: Article | Reject, keep: bool) -> CodedArticle:
    """Code ``item`` and store it when ``keep``; a reject is stored and answered 422."""
    if isinstance(item, Reject):
        with state.db.session() as s:
            s.write_reject(item)
        raise HTTPException(status_code=422, detail=f"{item.kind}: {item.reason}")
    coded = state.coder.code(item)
    if keep:
        with state.db.session() as s:
            s.write(coded, before_commit=contest_linker(coded))
    return coded


@router.post("/api/code", tags=["api"], dependencies=[Depends(require_bearer_token)])
def api_code(body: CodeRequest, state: State) -> dict[str, Any]:
    """Code an article (text or HTML); store it unless ``store`` is false. Needs the token."""
    if not (body.text or body.html):
        raise HTTPException(status_code=422, detail="give 'text' or 'html'")
    data = (body.html or body.text or "").encode("utf-8")
    item = read_article(data, ".html" if body.html else ".txt", body.outlet, body.url, body.date)
    return to_jsonable(code_and_store(state, item, body.store))


@router.post("/code", include_in_schema=False, dependencies=[Depends(require_form_token)])
async def code_form(
    state: State,
    text: Annotated[str, Form()] = "",
    outlet: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    pub_date: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    try:
        pub = dt.date.fromisoformat(pub_date) if pub_date else None
    except ValueError as exc:
        raise HTTPException(status_code=422, detail="date must be YYYY-MM-DD") from exc
    if file is not None and file.filename:
        data = await file.read()
        suffix = Path(file.filename).suffix.lower()[:8] or ".txt"
    elif text.strip():
        data, suffix = text.encode("utf-8"), ".txt"
    else:
        raise HTTPException(status_code=422, detail="paste a text or choose a file")
    item = read_article(data, suffix, outlet or None, url or None, pub)
    from starlette.concurrency import run_in_threadpool

    coded = await run_in_threadpool(code_and_store, state, item, True)
    return RedirectResponse(f"/articles/{coded.article.id}", status_code=303)


__all__ = ["CodeRequest", "code_and_store", "read_article", "router"]
