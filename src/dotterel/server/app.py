"""The web UI and JSON API (FastAPI): code an article, read it, browse the store.

Pages are rendered on the server (Jinja2 templates, SVG drawn in :mod:`.render`), so
the UI works with no network at all. The JSON API under ``/api`` is documented by
FastAPI's OpenAPI schema at ``/openapi.json`` (browsable at ``/docs``, whose assets are
the only ones FastAPI would fetch from a CDN, so it is served only when asked for).

Security model (see ``SECURITY.md``): reads are open to whoever can reach the port
(bind to 127.0.0.1, the default); every write (coding an article, storing it) needs the
token, compared in constant time; request bodies are capped; errors come back as JSON
(or a plain page) with a message, never a stack trace; no request ever names a file.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets
import shutil
import tempfile
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from spacy.language import Language
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dotterel.export.writer import DIRECTORY_FORMATS, SUFFIX, ExportFormat, write_export
from dotterel.model import Article, CodedArticle, Reject, to_jsonable
from dotterel.server import queries, render
from dotterel.store import Store
from dotterel.store.claims import contest_linker

LOGGER = logging.getLogger(__name__)

HERE = Path(__file__).parent
#: Largest request body accepted (an upload or a pasted article), in bytes.
DEFAULT_MAX_BODY = 5 * 1024 * 1024


@dataclass
class Settings:
    """How one server instance runs."""

    db: Path
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    max_body: int = DEFAULT_MAX_BODY


class _BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._reject(send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._reject(send)

    async def _reject(self, send: Send) -> None:
        response = JSONResponse(
            {"error": f"request body larger than {self.limit} bytes"}, status_code=413
        )
        await response({"type": "http"}, _empty_receive, send)


class _TooLarge(Exception):
    pass


async def _empty_receive() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


class CodeRequest(BaseModel):
    """An article to code: plain text or an HTML page, plus metadata."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="An HTML page (main text is extracted).")
    outlet: str | None = None
    url: str | None = None
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    store: bool = Field(True, description="Also store the result.")


class _Coder:
    """The pipeline, built on first use and shared by requests one at a time."""

    def __init__(self) -> None:
        self._nlp: Language | None = None
        self._lock = threading.Lock()

    def code(self, article: Article) -> CodedArticle:
        from dotterel.pipeline import build_pipeline, code

        with self._lock:
            if self._nlp is None:
                self._nlp = build_pipeline()
            return code(self._nlp, article)


def _read_article(
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


def create_app(settings: Settings) -> FastAPI:
    """The FastAPI application serving ``settings.db``."""
    # One connection for the app's lifetime (opening DuckDB per request costs ~100 ms);
    # requests take turns through db_lock. While serving, the server holds the store's
    # write lock, so `dotterel ingest` on the same file waits for it to stop.
    # Opened now so that a locked or broken store fails at start, not on first request.
    opened: list[Store] = [Store(settings.db)]
    db_lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        with db_lock:  # checkpoint the WAL on shutdown; reopened if served again
            while opened:
                opened.pop().close()

    app = FastAPI(
        lifespan=lifespan,
        title="dotterel",
        version="0.1.0",
        summary="Sourced political event data: who did what to whom, according to whom.",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(_BodyLimit, limit=settings.max_body)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    coder = _Coder()

    @contextmanager
    def store() -> Iterator[Store]:
        """The shared Store; callers hold db_lock."""
        if not opened:
            opened.append(Store(settings.db))
        yield opened[0]

    def check_token(given: str | None) -> None:
        if not given or not hmac.compare_digest(given.encode(), settings.token.encode()):
            raise HTTPException(status_code=401, detail="a valid token is required to write")

    def bearer(request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        return header[7:].strip() if header.lower().startswith("bearer ") else None

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    def load(article_id: str) -> CodedArticle:
        with db_lock, store() as s:
            ids = s.find_ids(article_id) if len(article_id) < 16 else [article_id]
            coded = s.read(ids[0]) if len(ids) == 1 else None
        if coded is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r} in the store")
        return coded

    def query(fn: Any, *args: Any) -> Any:
        with db_lock, store() as s:
            try:
                return fn(s.connection, *args)
            except queries.BadFilter as exc:  # a filter the query cannot read ("since=soon")
                raise HTTPException(status_code=422, detail=str(exc)) from exc

    def network_of(flt: queries.PageFilter) -> dict[str, Any]:
        with db_lock, store() as s:
            return queries.network(s.iter_coded(), flt)

    def claims_about(con: Any, about: str) -> list[dict[str, Any]]:
        from dotterel.store.claims import claims_about as find

        return find(con, about.upper(), contested_only=False)

    def code_and_store(item: Article | Reject, keep: bool) -> CodedArticle:
        if isinstance(item, Reject):
            with db_lock, store() as s:
                s.write_reject(item)
            raise HTTPException(status_code=422, detail=f"{item.kind}: {item.reason}")
        coded = coder.code(item)
        if keep:
            with db_lock, store() as s:
                s.write(coded, before_commit=contest_linker(coded))
        return coded

    # -- errors: a message, never a stack trace -----------------------------------------

    def _wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api") or "html" not in request.headers.get(
            "accept", ""
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)
        return templates.TemplateResponse(
            request, "error.html", {"message": exc.detail}, status_code=exc.status_code
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return JSONResponse({"error": f"invalid request: {problems}"}, status_code=422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        LOGGER.exception("unhandled error on %s", request.url.path)
        return JSONResponse(
            {"error": f"internal error ({type(exc).__name__}); see the server log"},
            status_code=500,
        )

    # -- JSON API -------------------------------------------------------------------------

    @app.get("/api/health", tags=["api"])
    def health() -> dict[str, Any]:
        """Liveness and store counts."""
        return {"status": "ok", "counts": query(queries.counts)}

    @app.get("/api/articles", tags=["api"])
    def api_articles(limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[dict[str, Any]]:
        """Stored articles, newest first."""
        return query(queries.articles, limit)

    @app.get("/api/articles/{article_id}", tags=["api"])
    def api_article(article_id: str) -> dict[str, Any]:
        """Everything stored for one article (an id prefix is enough)."""
        return to_jsonable(load(article_id))

    @app.get("/api/events", tags=["api"])
    def api_events(
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
        return query(queries.events, flt)

    @app.get("/api/network", tags=["api"])
    def api_network(actor: str | None = None, type: str | None = None) -> dict[str, Any]:
        """The actor network: nodes, and edges with type counts, dates and source counts."""
        return network_of(queries.PageFilter(actor=actor, type=type))

    @app.get("/api/claims", tags=["api"])
    def api_claims(about: Annotated[str, Query(min_length=2, max_length=20)]) -> list[dict]:
        """Claims about an actor and who asserts, reports, hedges or denies each."""
        return query(claims_about, about)

    @app.get("/api/export/{fmt}", tags=["api"])
    def api_export(
        fmt: ExportFormat,
        actor: str | None = None,
        type: str | None = None,
        status: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Response:
        """Download the (filtered) store as PLOVER JSONL, GDELT TSV, CSV or Parquet tables
        (zipped), GraphML or GEXF: the same files as ``dotterel export``."""
        from dotterel.merge import merge_events
        from dotterel.query import select_events
        from dotterel.store.claims import with_contest_links
        from dotterel.store.filters import EventFilter

        try:
            where = EventFilter(actor, type, since, until, status)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        with db_lock, store() as s:
            coded = with_contest_links(s.connection, list(s.iter_coded()))
        if where:
            coded = list(select_events(coded, where))
        clusters = merge_events(coded)
        with tempfile.TemporaryDirectory(prefix="dotterel-export-") as tmp:
            target = Path(tmp) / f"dotterel-{fmt.value}"
            if fmt in DIRECTORY_FORMATS:
                write_export(fmt, coded, clusters, target)
                archive = shutil.make_archive(str(target), "zip", root_dir=target)
                name, data = f"{target.name}.zip", Path(archive).read_bytes()
            else:
                target = target.with_suffix(SUFFIX[fmt])
                write_export(fmt, coded, clusters, target)
                name, data = target.name, target.read_bytes()
        return Response(
            data,
            media_type="application/octet-stream",
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )

    @app.post("/api/code", tags=["api"])
    def api_code(body: CodeRequest, request: Request) -> dict[str, Any]:
        """Code an article (text or HTML); store it unless ``store`` is false. Needs the token."""
        check_token(bearer(request))
        if not (body.text or body.html):
            raise HTTPException(status_code=422, detail="give 'text' or 'html'")
        data = (body.html or body.text or "").encode("utf-8")
        item = _read_article(
            data, ".html" if body.html else ".txt", body.outlet, body.url, body.date
        )
        return to_jsonable(code_and_store(item, body.store))

    # -- pages ---------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return page(
            request,
            "home.html",
            articles=query(queries.articles, 50),
            counts=query(queries.counts),
        )

    @app.post("/code", include_in_schema=False)
    async def code_form(
        request: Request,
        token: Annotated[str, Form()] = "",
        text: Annotated[str, Form()] = "",
        outlet: Annotated[str, Form()] = "",
        url: Annotated[str, Form()] = "",
        pub_date: Annotated[str, Form()] = "",
        file: Annotated[UploadFile | None, File()] = None,
    ) -> Response:
        check_token(token)
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
        item = _read_article(data, suffix, outlet or None, url or None, pub)
        from starlette.concurrency import run_in_threadpool

        coded = await run_in_threadpool(code_and_store, item, True)
        return RedirectResponse(f"/articles/{coded.article.id}", status_code=303)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> HTMLResponse:
        coded = load(article_id)
        by_id = {e.id: e for e in coded.events}
        return page(
            request,
            "article.html",
            coded=coded,
            body=render.highlighted_text(coded),
            actors={a.id: a for a in coded.actors},
            events_json=to_jsonable({e.id: e for e in coded.events}),
            by_id=by_id,
        )

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        request: Request,
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
        return page(
            request,
            "events.html",
            rows=query(queries.events, flt),
            flt=flt,
            query_string=request.url.query,
            # the exports filter by actor, type, status and dates (not by place)
            export_query=urlencode(
                {k: v for k, v in request.query_params.items() if k != "place" and v}
            ),
        )

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, about: str = "") -> HTMLResponse:
        rows = query(claims_about, about) if about else []
        return page(request, "claims.html", rows=rows, about=about)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, actor: str = "", type: str = "") -> HTMLResponse:
        graph = network_of(queries.PageFilter(actor=actor or None, type=type or None))
        return page(request, "network.html", svg=render.network_svg(graph), graph=graph)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        rows = query(queries.events, queries.PageFilter(limit=100_000))
        points = render.map_points(rows)
        return page(request, "map.html", svg=render.map_svg(points), points=points)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request) -> HTMLResponse:
        rows = query(queries.events, queries.PageFilter(limit=100_000))
        return page(request, "timeline.html", svg=render.timeline_svg(rows), rows=rows[:200])

    return app
