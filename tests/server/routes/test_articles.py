"""server/routes/articles.py: the article page shows metadata safely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.model import Article, CodedArticle
from dotterel.server import Settings, create_app
from dotterel.store import Store


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(9)",
        "JavaScript:alert(9)",
        "java\tscript:alert(9)",
        " javascript:alert(9)",
        "data:text/html,<script>alert(9)</script>",
        "vbscript:msgbox(9)",
        "//evil.example/x",
        "/articles/x",
    ],
)
def test_only_http_urls_become_links(tmp_path: Path, url: str) -> None:
    db = tmp_path / "links.duckdb"
    article = Article(text=f"A story with the link {url!r}.", outlet="Example Times", url=url)
    with Store(db) as store:
        store.write(CodedArticle(article=article))
    app = create_app(Settings(db=db, token="t"))
    with TestClient(app) as client:
        page = client.get(f"/articles/{article.id}", headers={"accept": "text/html"})
    assert page.status_code == 200
    head = page.text.split('<section class="card text"', 1)[0]
    hrefs = re.findall(r'href="([^"]*)"', head)
    assert all(h.startswith(("/", "http://", "https://")) for h in hrefs), hrefs
    assert not any("script" in h.lower() or h.startswith("data:") for h in hrefs), hrefs
    assert "//evil" not in " ".join(hrefs)


def test_an_http_url_is_a_link(tmp_path: Path) -> None:
    db = tmp_path / "links.duckdb"
    url = 'https://news.example/story?id=1&x="2"'
    article = Article(text="A story with a real link.", url=url)
    with Store(db) as store:
        store.write(CodedArticle(article=article))
    with TestClient(create_app(Settings(db=db, token="t"))) as client:
        page = client.get(f"/articles/{article.id}", headers={"accept": "text/html"}).text
    assert 'href="https://news.example/story?id=1&amp;x=&#34;2&#34;"' in page


def test_the_page_lists_every_sighting(tmp_path: Path) -> None:
    db = tmp_path / "seen.duckdb"
    text = "A story two outlets ran."
    first = Article(text=text, outlet="Example Times", url="https://a.example/1")
    second = Article(text=text, outlet="Coastline Post", url="javascript:alert(9)")
    with Store(db) as store:
        store.write(CodedArticle(article=first))
        store.write(CodedArticle(article=second))
    with TestClient(create_app(Settings(db=db, token="t"))) as client:
        page = client.get(f"/articles/{first.id}", headers={"accept": "text/html"}).text
        api = client.get(f"/api/articles/{first.id}").json()
    seen = page.split('id="sightings"', 1)[1].split("</section>", 1)[0]
    assert "Seen in" in page and "(2)" in seen
    assert "Example Times" in seen and "Coastline Post" in seen
    assert 'href="https://a.example/1"' in seen and 'href="javascript' not in seen
    assert sorted(s["outlet"] for s in api["sightings"]) == ["Coastline Post", "Example Times"]
