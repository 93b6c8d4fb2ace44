"""server/render.py: the SVG drawings and the highlighted article text."""

from __future__ import annotations

import re

from dotterel.model import Actor, Article, CodedArticle, Event, Mention, TextSpan
from dotterel.server.render import highlighted_text, map_points, map_svg, network_svg, timeline_svg


def test_overlapping_spans_are_cut_into_pieces_with_every_class() -> None:
    text = "Chile accused Peru <of> arming rebels."
    art = Article(text=text)
    coded = CodedArticle(
        article=art,
        mentions=[Mention("m0", 0, 5, "Chile", "GPE", "a0")],
        actors=[Actor("a0", "Chile", "CHL")],
        events=[Event("e0", TextSpan(6, 13, "accused"), TextSpan(0, len(text), text), "ACCUSE")],
    )
    html = highlighted_text(coded)
    assert '<span class="hl-actor" title="CHL — Chile">Chile</span>' in html
    assert 'data-event="e0"' in html
    assert "&lt;of&gt;" in html  # article text is escaped, never injected
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text


def test_timeline_keeps_stray_dates_off_the_axis() -> None:
    events = [{"date": f"2017-{m:02d}"} for m in range(1, 13)] * 3 + [{"date": "1777"}]
    svg = timeline_svg(events)
    assert "1777" not in svg.split("</svg>")[0]
    assert "1 event(s) dated outside" in svg


def test_network_draws_every_part_and_skips_self_loops() -> None:
    graph = {
        "nodes": [{"id": c, "label": c, "degree": 1} for c in ("CHL", "PER", "KEN")],
        "edges": [
            {"source": "CHL", "target": "PER", "types": {"ACCUSE": 2}, "weight": 2,
             "first": "2020-01", "last": "2020-02", "sources": 1},
            {"source": "KEN", "target": "KEN", "types": {"CONSULT": 1}, "weight": 1,
             "first": None, "last": None, "sources": 1},
        ],
    }  # fmt: skip
    svg = network_svg(graph)
    assert svg.count('class="node"') == 3
    assert svg.count('class="edge"') == 1
    assert "ACCUSE ×2" in svg


def test_map_groups_events_by_place() -> None:
    events = [
        {"lat": 32.4, "lon": 62.1, "place_name": "Farah", "event_type": "ASSAULT"},
        {"lat": 32.4, "lon": 62.1, "place_name": "Farah", "event_type": "AID"},
        {"lat": None, "lon": None, "place_name": None, "event_type": "AID"},
    ]
    points = map_points(events)
    assert [(p["name"], p["n"]) for p in points] == [("Farah", 2)]
    assert map_svg(points).count('class="place-dot"') == 1
