"""What every request of one server shares, and the FastAPI dependencies that hand it out.

:class:`StoreAccess` is the one store connection and the lock requests take turns
through; :class:`ServerState` adds the templates and the
:class:`~dotterel.server.coding.Coder` (the pipeline, in a worker process). Routes ask for them
with the :data:`Db` and :data:`State` dependencies, and for the write token with
:func:`require_bearer_token` (JSON API) or :func:`require_form_token` (the pages' form).
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from dotterel.model import CodedArticle
from dotterel.server import queries
from dotterel.server.coding import DEFAULT_MAX_TOKENS, DEFAULT_TIME_LIMIT, Coder
from dotterel.store import Store

HERE = Path(__file__).parent
#: Largest request body accepted (an upload or a pasted article), in bytes.
DEFAULT_MAX_BODY = 5 * 1024 * 1024


@dataclass
class Settings:
    """How one server instance runs."""

    db: Path
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    max_body: int = DEFAULT_MAX_BODY
    #: Seconds one article may take in the pipeline (``None``: no limit), as in the CLI.
    time_limit: float | None = DEFAULT_TIME_LIMIT
    #: Tokens per article (per chunk of a long one) beyond which it is rejected.
    max_tokens: int = DEFAULT_MAX_TOKENS


class StoreAccess:
    """One store connection for the app's lifetime, taken in turns.

    Opening DuckDB per request costs ~100 ms, so requests share one connection through
    a lock. While serving, the server holds the store's write lock, so ``dotterel
    ingest`` on the same file waits for it to stop. The store is opened at once so that
    a locked or broken store fails at start, not on the first request.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._opened: list[Store] = [Store(path)]
        self.lock = threading.Lock()

    @contextmanager
    def session(self) -> Iterator[Store]:
        """The shared Store, with the lock held (reopened if the app was shut down)."""
        with self.lock:
            if not self._opened:
                self._opened.append(Store(self.path))
            yield self._opened[0]

    def close(self) -> None:
        """Close the store (checkpointing its WAL); it is reopened if served again."""
        with self.lock:
            while self._opened:
                self._opened.pop().close()

    def query(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(connection, *args)``; a filter it cannot read is a 422."""
        with self.session() as s:
            try:
                return fn(s.connection, *args)
            except queries.BadFilter as exc:  # a filter the query cannot read ("since=soon")
                raise HTTPException(status_code=422, detail=str(exc)) from exc

    def load(self, article_id: str) -> CodedArticle:
        """One stored article by id or unambiguous id prefix; 404 when there is none."""
        with self.session() as s:
            ids = s.find_ids(article_id) if len(article_id) < 16 else [article_id]
            coded = s.read(ids[0]) if len(ids) == 1 else None
        if coded is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r} in the store")
        return coded


def page_templates() -> Jinja2Templates:
    """The pages' templates: what the filter bar lists (PLOVER types, quad classes) and
    the filter that turns only http(s) URLs into links."""
    from dotterel.cameo import PLOVER_TYPES
    from dotterel.server.render import http_url
    from dotterel.store.filters import QUAD_CLASSES

    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(plover_types=PLOVER_TYPES, quad_classes=QUAD_CLASSES)
    templates.env.filters["http_url"] = http_url
    return templates


@dataclass
class ServerState:
    """Everything one app instance shares (kept on ``app.state.dotterel``)."""

    settings: Settings
    db: StoreAccess
    templates: Jinja2Templates = field(default_factory=page_templates)
    coder: Coder = field(init=False)  # from the settings' limits

    def __post_init__(self) -> None:
        self.coder = Coder(self.settings.time_limit, self.settings.max_tokens)

    def page(self, request: Request, name: str, **context: Any) -> HTMLResponse:
        return self.templates.TemplateResponse(request, name, context)


def get_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.dotterel
    return state


def get_db(request: Request) -> StoreAccess:
    return get_state(request).db


State = Annotated[ServerState, Depends(get_state)]
Db = Annotated[StoreAccess, Depends(get_db)]


def check_token(given: str | None, settings: Settings) -> None:
    """401 unless ``given`` is the write token (compared in constant time)."""
    if not given or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(status_code=401, detail="a valid token is required to write")


def require_bearer_token(request: Request, state: State) -> None:
    """Dependency of the API's writes: ``Authorization: Bearer <token>``."""
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else None
    check_token(given, state.settings)


class BearerFirstRoute(APIRoute):
    """A route that checks ``Authorization: Bearer`` before it reads the body.

    FastAPI parses a JSON body before it runs dependencies, so without this a caller
    without the token would learn from a ``422`` how the body is checked; with it, every
    unauthenticated request gets the same ``401`` whatever it sends.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def token_first(request: Request) -> Response:
            require_bearer_token(request, get_state(request))
            return await handler(request)

        return token_first


def require_form_token(state: State, token: Annotated[str, Form()] = "") -> None:
    """Dependency of the pages' writes: the ``token`` field of the form."""
    check_token(token, state.settings)


__all__ = [
    "DEFAULT_MAX_BODY",
    "BearerFirstRoute",
    "Coder",
    "Db",
    "ServerState",
    "Settings",
    "State",
    "StoreAccess",
    "check_token",
    "get_db",
    "get_state",
    "page_templates",
    "require_bearer_token",
    "require_form_token",
]
