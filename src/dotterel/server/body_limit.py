"""ASGI middleware that caps request bodies (an upload or a pasted article)."""

from __future__ import annotations

import contextlib

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """ASGI middleware: refuse bodies over ``limit`` bytes with ``413``, declared or streamed.

    A declared ``Content-Length`` over the limit is refused before the app runs. A
    streamed (chunked) body is counted as the app reads it; once it passes the limit the
    read fails, and since the framework turns a failed read into its own ``400``, the
    app's answer is dropped and the ``413`` sent in its place.
    """

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
        too_large = False
        started = False

        async def limited() -> Message:
            nonlocal seen, too_large
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                too_large = True
                raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if too_large and not started:
                return  # the app's answer to the failed read; the 413 replaces it
            started = started or message["type"] == "http.response.start"
            await send(message)

        with contextlib.suppress(_TooLarge):  # the app let our read error escape
            await self.app(scope, limited, guarded_send)
        if too_large and not started:
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


__all__ = ["BodyLimit"]
