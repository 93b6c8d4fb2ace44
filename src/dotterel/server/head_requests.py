"""ASGI middleware that answers ``HEAD`` like ``GET``, without the body.

FastAPI's routes answer only the methods they declare, so ``curl -I`` (a ``HEAD``) on a
page got ``405 Method Not Allowed``: the usual way to check a server's headers (the
security headers of ``SECURITY.md``) saw none of the page's. HTTP says a ``HEAD`` gets
the headers a ``GET`` would; this middleware runs the request as a ``GET`` and drops the
body.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """ASGI middleware: a ``HEAD`` request is served as ``GET`` with the body left out."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        sent_end = False

        async def without_body(message: Message) -> None:
            nonlocal sent_end
            if message["type"] == "http.response.body":
                if sent_end:
                    return
                sent_end = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # a copy: the server's own scope still says HEAD, so it sends no body either
        await self.app({**scope, "method": "GET"}, receive, without_body)


__all__ = ["HeadAsGet"]
