"""What every request of one server shares, and the FastAPI dependencies that hand it out.

:class:`StoreAccess` is the one store connection and the lock requests take turns
through; :class:`ServerState` adds the templates and the pipeline. Routes ask for them
with the :data:`Db` and :data:`State` dependencies, and for the write token with
:func:`require_bearer_token` (JSON API) or :func:`require_form_token` (the pages' form).
"""

from __future__ import annotations

import hmac
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from spacy.language import Language

from dotterel.model import Article, CodedArticle
from dotterel.server import queries
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


class Coder:
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


@dataclass
class ServerState:
    """Everything one app instance shares (kept on ``app.state.dotterel``)."""

    settings: Settings
    db: StoreAccess
    templates: Jinja2Templates = field(
        default_factory=lambda: Jinja2Templates(directory=HERE / "templates")
    )
    coder: Coder = field(default_factory=Coder)

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


def require_form_token(state: State, token: Annotated[str, Form()] = "") -> None:
    """Dependency of the pages' writes: the ``token`` field of the form."""
    check_token(token, state.settings)


__all__ = [
    "DEFAULT_MAX_BODY",
    "Coder",
    "Db",
    "ServerState",
    "Settings",
    "State",
    "StoreAccess",
    "check_token",
    "get_db",
    "get_state",
    "require_bearer_token",
    "require_form_token",
]
