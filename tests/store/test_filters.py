"""Tests of dotterel.store.filters: EventFilter's SQL and its record predicate agree."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from dotterel.model import CodedArticle
from dotterel.query import events as query_events
from dotterel.query import select_events
from dotterel.store import Store
from dotterel.store.claims import with_contest_links
from dotterel.store.filters import EventFilter
from export_samples import samples

ACTORS = (None, "IRN", "IRNGOV", "TAL", "PAK", "iran", "russia", "Taliban", "nobody")
TYPES = (None, "AID", "aid", "CONSULT", "04", "070", "042", "99")
STATUSES = (None, "reported", "denied,hedged", "contested", "contested,asserted", "ASSERTED")
DATES = ((None, None), ("2019-03", None), (None, "2018"), ("2019-03-11", "2019-03-12"))
ROLES = ("any", "source", "target")


def _varied() -> tuple[list[CodedArticle], list[tuple[str, str, str]]]:
    """The export samples, made more varied: an undated event, a hedged one, a claim
    contested inside its record and one contested only through ``contest_links``."""
    coded = samples()
    a, b, c, d, e = coded
    b.events[1].date = None
    c.events[1].status = "hedged"
    a.events[0].contested_by = [d.events[0].id]
    e.events[0].target_code = None
    return coded, [(d.events[0].id, c.events[0].id, "denies")]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filters") / "varied.duckdb"
    coded, links = _varied()
    with Store(path) as store:
        for article in coded:
            assert store.write(article)
        assert store.add_contest_links(links) == 1
    return path


def _by_sql(store: Store, flt: EventFilter) -> set[str]:
    condition, params = flt.sql("e")
    sql = "SELECT e.id, e.date FROM events e" + (f" WHERE {condition}" if condition else "")
    rows = store.connection.execute(sql, params).fetchall()
    return {event_id for event_id, date in rows if flt.keeps_date(date)}


def test_sql_and_matches_select_the_same_events(store_path: Path) -> None:
    combos = list(itertools.product(ACTORS, TYPES, STATUSES, DATES, ROLES))
    with Store(store_path, read_only=True) as store:
        coded = with_contest_links(store.connection, list(store.iter_coded()))
        selected: set[frozenset[str]] = set()
        for actor, type_, status, (since, until), role in combos:
            flt = EventFilter(actor, type_, since, until, status, role)
            by_records = {e.id for c in select_events(coded, flt) for e in c.events}
            assert _by_sql(store, flt) == by_records, flt
            selected.add(frozenset(by_records))
    assert len(selected) > 15  # the combinations really select different events


@pytest.mark.parametrize(
    "flt",
    [
        EventFilter(),
        EventFilter(status="contested"),
        EventFilter(actor="iran", since="2019-03"),
        EventFilter(actor="TAL", role="target", until="2019-03-10"),
    ],
)
def test_query_events_selects_what_matches_selects(store_path: Path, flt: EventFilter) -> None:
    with Store(store_path, read_only=True) as store:
        coded = with_contest_links(store.connection, list(store.iter_coded()))
        by_records = {e.id for c in select_events(coded, flt) for e in c.events}
        assert set(query_events(store, where=flt)["event_id"]) == by_records


def test_contested_means_denied_or_confirmed_by_another_event(store_path: Path) -> None:
    coded, links = _varied()
    expected = {coded[0].events[0].id, links[0][1]}  # in the record, and in contest_links
    with Store(store_path, read_only=True) as store:
        assert _by_sql(store, EventFilter(status="contested")) == expected
        # status "denied" is another thing: the event inside a denial's words
        assert coded[3].events[0].id not in expected
        assert _by_sql(store, EventFilter(status="denied")) == {coded[3].events[0].id}


@pytest.mark.parametrize("kwargs", [{"role": "both"}, {"since": "soon"}, {"until": "2019-13-45"}])
def test_bad_values_are_value_errors(kwargs: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        EventFilter(**kwargs)  # type: ignore[arg-type]


def test_empty_filter_is_false() -> None:
    assert not EventFilter() and EventFilter(type="AID")
    assert EventFilter().sql() == ("", [])
