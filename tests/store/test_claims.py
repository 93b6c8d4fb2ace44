"""Tests of dotterel.store.claims: links recorded in the store and claims_about."""

from __future__ import annotations

from pathlib import Path

import pytest

import contest_samples
from contest_samples import CLAIM_TEXT, DENIAL_TEXT, make_event
from dotterel import contest_links
from dotterel.model import Article, CodedArticle
from dotterel.store import claims


@pytest.fixture()
def claim_article() -> CodedArticle:
    return contest_samples.claim_article()


@pytest.fixture()
def denial_article() -> CodedArticle:
    return contest_samples.denial_article()


def test_claims_about_with_the_store(
    tmp_path: Path, claim_article: CodedArticle, denial_article: CodedArticle
) -> None:
    store_mod = pytest.importorskip("dotterel.store")
    with store_mod.Store(tmp_path / "claims.duckdb") as store:
        assert store.write(claim_article)
        links = claims.record_contests(store, denial_article.events)
        assert store.write(denial_article)
        assert links == [(denial_article.events[0].id, claim_article.events[0].id, "denies")]
        rows = claims.claims_about(store.connection, "RUR", relation="denies")
        assert len(rows) == 1
        row = rows[0]
        assert row["claim_id"] == claim_article.events[0].id
        assert row["status"] == "reported"
        assert [link["name"] for link in row["chain"]] == ["Harbour Gazette", "officials"]
        (by,) = row["contested_by"]
        assert by["id"] == denial_article.events[0].id
        assert by["relation"] == "denies" and by["source_code"] == "RUR"
        assert claims.claims_about(store.connection, "RUR", relation="confirms") == []
        assert claims.claims_about(store.connection, "GON") == []
        every = claims.claims_about(store.connection, "RUR", contested_only=False)
        assert {r["claim_id"] for r in every} == {
            claim_article.events[0].id,
            denial_article.events[1].id,
        }


def test_claims_about_in_article_links_without_contest_table(tmp_path: Path) -> None:
    """A store that only kept ``contested_by`` (no ``contest_links`` rows) still answers."""
    store_mod = pytest.importorskip("dotterel.store")
    text = f"{CLAIM_TEXT} {DENIAL_TEXT}"
    art = Article(text=text)
    claim = make_event(art, 0, CLAIM_TEXT, "supplying", "AID", "RUR", "REB")
    denier = make_event(art, 1, DENIAL_TEXT, "denied", "REJECT", "RUR", "REB")
    contest_links.apply_links([claim, denier], [(denier.id, claim.id, "denies")])
    with store_mod.Store(tmp_path / "one.duckdb") as store:
        store.write(CodedArticle(article=art, events=[claim, denier]))
        (row,) = claims.claims_about(store.connection, "RUR")
        assert row["contested_by"][0]["relation"] == "denies"


def test_claims_about_rejects_unknown_relation(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    with pytest.raises(ValueError):
        claims.claims_about(duckdb.connect(str(tmp_path / "x.duckdb")), "RUR", relation="maybe")
