"""server/render.py: the highlighted article text."""

from __future__ import annotations

import re

from dotterel.model import Actor, Article, CodedArticle, Event, Mention, TextSpan
from dotterel.server.render import highlighted_text


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


def test_only_absolute_http_urls_are_links() -> None:
    from dotterel.server.render import http_url

    for ok in ("http://news.example/a", "HTTPS://news.example/a?b=1#c"):
        assert http_url(ok) == ok
    for bad in (
        None,
        "",
        "javascript:alert(9)",
        "JAVASCRIPT:alert(9)",
        "java\tscript:alert(9)",
        "java\nscript:alert(9)",
        "\x01javascript:alert(9)",
        " https://news.example/a",
        "data:text/html,x",
        "vbscript:x",
        "//news.example/a",
        "/local",
        "https:///no-host",
        "http://[broken",
    ):
        assert http_url(bad) is None, bad
