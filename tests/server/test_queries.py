"""server/queries.py: the events page's paging and sorting, and the actor list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dotterel.server.queries import BadFilter, PageFilter, actors_in_events, event_page
from dotterel.store import Store
from ui_samples import many_articles


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("queries") / "pages.duckdb"
    with Store(path) as s:
        for coded in many_articles(12, 10):
            s.write(coded)
        yield s


def test_pages_cover_every_event_once(store: Store) -> None:
    flt = PageFilter(background=True)
    first = event_page(store.connection, flt, size=25)
    assert (first.total, first.pages, first.page, len(first.rows)) == (120, 5, 1, 25)
    seen = [
        r["id"]
        for p in range(1, 6)
        for r in event_page(store.connection, flt, page=p, size=25).rows
    ]
    assert len(seen) == len(set(seen)) == 120
    dates = [r["date"] for r in first.rows]
    assert dates == sorted(dates, reverse=True)  # newest first by default
    assert event_page(store.connection, flt, page=99, size=25).page == 5  # clamped


def test_sorting_by_a_column_both_ways(store: Store) -> None:
    flt = PageFilter()
    up = [
        r["source_code"]
        for r in event_page(store.connection, flt, sort="source", descending=False).rows
    ]
    down = [r["source_code"] for r in event_page(store.connection, flt, sort="source").rows]
    assert up == sorted(up) and down == sorted(down, reverse=True) and up[0] < down[0]
    with pytest.raises(BadFilter):
        event_page(store.connection, flt, sort="nonsense")


def test_filters_and_background_reach_the_page(store: Store) -> None:
    every = event_page(store.connection, PageFilter(background=True)).total
    assert event_page(store.connection, PageFilter()).total < every
    denied = event_page(store.connection, PageFilter(status="denied"))
    assert 0 < denied.total < every and {r["status"] for r in denied.rows} == {"denied"}


def test_actors_are_listed_most_named_first(store: Store) -> None:
    actors = actors_in_events(store.connection)
    counts = [a["n_events"] for a in actors]
    assert counts == sorted(counts, reverse=True)
    assert actors[0]["code"] == "TAL" and actors[0]["name"] == "Taliban"
    assert sum(counts) == 2 * 120  # every event names a source and a target
