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
from pydantic import AfterValidator, BaseModel, Field

from dotterel.model import Article, CodedArticle, Reject, Sighting, to_jsonable
from dotterel.server.state import (
    BearerFirstRoute,
    ServerState,
    State,
    require_bearer_token,
    require_form_token,
)
from dotterel.store.claims import contest_linker

router = APIRouter()


def _encodable(value: str) -> str:
    """Refuse strings that are not Unicode text: JSON may spell a lone surrogate
    (``"\\ud800"``), which Python decodes but no UTF-8 encoder accepts."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"not valid Unicode text (a lone surrogate at position {exc.start})"
        ) from None
    return value


#: A JSON string that can be stored and coded (valid Unicode, no lone surrogates).
Text = Annotated[str, AfterValidator(_encodable)]


class CodeRequest(BaseModel):
    """An article to code: plain text or an HTML page, plus metadata."""

    text: Text | None = Field(None, description="Plain text of the article.")
    html: Text | None = Field(None, description="An HTML page (main text is extracted).")
    outlet: Text | None = None
    url: Text | None = None
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
    """Code ``item`` and store it when ``keep``; a reject is stored and answered 422.

    That includes what coding rejects, as the CLI does: a text over the token limit
    (``too_large``), one that takes longer than the time limit (``timeout``, its worker
    killed), one the pipeline fails on (``error``).

    A text already stored is not coded again: its sighting (outlet, url, date) is
    added and the stored article, with all its sightings, is the answer.
    """
    if isinstance(item, Reject):
        with state.db.session() as s:
            s.write_reject(item)
        raise HTTPException(status_code=422, detail=f"{item.kind}: {item.reason}")
    if keep:
        with state.db.session() as s:
            if s.has(item.id):
                s.add_sightings([Sighting.of(item)])
                stored = s.read(item.id)
                if stored is not None:
                    return stored
    coded = state.coder.code(item)  # in the worker process, with the CLI's limits
    if isinstance(coded, Reject):  # too many tokens, too slow, or a pipeline error
        with state.db.session() as s:
            s.write_reject(coded)
        raise HTTPException(status_code=422, detail=f"{coded.kind}: {coded.reason}")
    if keep:
        with state.db.session() as s:
            s.write(coded, before_commit=contest_linker(coded))
            coded.sightings = s.sightings(item.id)
    return coded


def api_code(body: CodeRequest, state: State) -> dict[str, Any]:
    """Code an article (text or HTML); store it unless ``store`` is false. Needs the token."""
    if not (body.text or body.html):
        raise HTTPException(status_code=422, detail="give 'text' or 'html'")
    data = (body.html or body.text or "").encode("utf-8")
    item = read_article(data, ".html" if body.html else ".txt", body.outlet, body.url, body.date)
    return to_jsonable(code_and_store(state, item, body.store))


# The token is checked before the body is read (BearerFirstRoute), and again as a
# dependency so that the OpenAPI schema says the route needs it.
router.add_api_route(
    "/api/code",
    api_code,
    methods=["POST"],
    tags=["api"],
    dependencies=[Depends(require_bearer_token)],
    route_class_override=BearerFirstRoute,
)


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
