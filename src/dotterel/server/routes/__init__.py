"""The web app's routes, one ``APIRouter`` per area; :func:`dotterel.server.app.create_app`
includes them in :data:`ROUTERS` order (which is the order of the OpenAPI paths)."""

from dotterel.server.routes import articles, claims, events, exports, network, writes

#: Every router, in the order the app includes them.
ROUTERS = (
    articles.router,
    events.router,
    network.router,
    claims.router,
    exports.router,
    writes.router,
)

__all__ = ["ROUTERS", "articles", "claims", "events", "exports", "network", "writes"]
