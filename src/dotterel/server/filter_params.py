"""The filter bar's query parameters, read once for every page and API route.

``/events``, ``/network``, ``/map``, ``/timeline`` and their ``/api/*`` twins take the
same parameters (``actor``, ``type``, ``quad``, ``status``, ``since``, ``until``,
``place``, ``background``); :func:`page_filter` turns them into a
:class:`~dotterel.server.queries.PageFilter`, an empty field meaning "any".
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from dotterel.server.queries import PageFilter


def page_filter(
    actor: Annotated[
        str, Query(description="Actor code prefix (IRN) or words of its name (Iran).")
    ] = "",
    type: Annotated[str, Query(description="PLOVER type (AID) or CAMEO prefix (07).")] = "",
    quad: Annotated[str, Query(description="Quad class 1-4, or a comma-separated list.")] = "",
    status: Annotated[
        str, Query(description="asserted, reported, hedged, denied, confirmed, contested.")
    ] = "",
    since: Annotated[str, Query(description="TIMEX date: 2016, 2016-01, 2016-01-15.")] = "",
    until: Annotated[str, Query(description="TIMEX date: 2016, 2016-01, 2016-01-15.")] = "",
    place: Annotated[str, Query(description="Words of the place name.")] = "",
    background: Annotated[
        bool, Query(description="Include events told as history (left out by default).")
    ] = False,
) -> PageFilter:
    """The filters of the query string (empty values are no filter)."""
    return PageFilter(
        actor=actor.strip() or None,
        type=type.strip() or None,
        status=status.strip() or None,
        since=since.strip() or None,
        until=until.strip() or None,
        place=place.strip() or None,
        quad=quad.strip() or None,
        background=background,
    )


#: The dependency routes declare: ``flt: Filters``.
Filters = Annotated[PageFilter, Depends(page_filter)]

__all__ = ["Filters", "page_filter"]
