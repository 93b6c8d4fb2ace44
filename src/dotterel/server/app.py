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

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dotterel.server.body_limit import BodyLimit
from dotterel.server.head_requests import HeadAsGet
from dotterel.server.routes import ROUTERS
from dotterel.server.security_headers import SECURITY_HEADERS, SecurityHeaders
from dotterel.server.state import DEFAULT_MAX_BODY, HERE, ServerState, Settings, StoreAccess

LOGGER = logging.getLogger(__name__)


def create_app(settings: Settings) -> FastAPI:
    """The FastAPI application serving ``settings.db``.

    The routes live in :mod:`dotterel.server.routes` (one router per area); what they
    share (the store, its lock, the templates, the pipeline) is a
    :class:`~dotterel.server.state.ServerState` on ``app.state.dotterel``, handed to
    them by the dependencies of :mod:`dotterel.server.state`.
    """
    state = ServerState(settings=settings, db=StoreAccess(settings.db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.coder.close()  # stop the coding worker; a new one starts if served again
        state.db.close()  # checkpoint the WAL on shutdown; reopened if served again

    app = FastAPI(
        lifespan=lifespan,
        title="dotterel",
        version="0.1.0",
        summary="Sourced political event data: who did what to whom, according to whom.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.dotterel = state
    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)  # outside BodyLimit, so the 413 gets them too
    app.add_middleware(HeadAsGet)  # outermost: a HEAD sees exactly a GET's headers
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _add_error_handlers(app, state)
    for router in ROUTERS:
        app.include_router(router)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or "html" not in request.headers.get("accept", "")


def _add_error_handlers(app: FastAPI, state: ServerState) -> None:
    """Errors come back as a message, never a stack trace."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)
        return state.templates.TemplateResponse(
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
        # Answered by Starlette's outermost middleware, outside SecurityHeaders.
        return JSONResponse(
            {"error": f"internal error ({type(exc).__name__}); see the server log"},
            status_code=500,
            headers=SECURITY_HEADERS,
        )


__all__ = ["DEFAULT_MAX_BODY", "Settings", "create_app"]
