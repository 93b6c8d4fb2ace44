"""Tests of dotterel.store.claims: links recorded in the store and claims_about."""

from __future__ import annotations

from pathlib import Path

import pytest

import contest_samples
from contest_samples import CLAIM_TEXT, DENIAL_TEXT, make_event
from dotterel import contest_links
from dotterel.model import Article, CodedArticle, SourceLink
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


def _reported(outlet: str, text: str) -> CodedArticle:
    art = Article(text=text, outlet=outlet)
    ev = make_event(
        art,
        0,
        text,
        "supplying",
        "AID",
        "RURGOV",
        "REB",
        status="reported",
        chain=[SourceLink(name=outlet), SourceLink(name="Gondor officials", cue="said")],
    )
    return CodedArticle(article=art, events=[ev])


def test_claims_about_counts_articles_and_outlets(
    tmp_path: Path, denial_article: CodedArticle
) -> None:
    store_mod = pytest.importorskip("dotterel.store")
    first = _reported("Harbour Gazette", "Ruritania is supplying rockets to the rebels.")
    second = _reported("Plains Tribune", "Ruritania was supplying arms to the rebels.")
    third = _reported("Plains Tribune", "Ruritania keeps supplying guns to the rebels.")
    with store_mod.Store(tmp_path / "spread.duckdb") as store:
        for coded in (first, second, third):
            assert store.write(coded)
        claims.record_contests(store, denial_article.events)
        store.write(denial_article)
        rows = claims.claims_about(store.connection, "RUR", relation="denies")
        assert {r["claim_id"] for r in rows} == {c.events[0].id for c in (first, second, third)}
        row = next(r for r in rows if r["claim_id"] == first.events[0].id)
        assert row["role"] == "accused" and row["claimed_by"] == "Gondor officials"
        assert row["reports"] == 3 and row["outlets"] == 2
        assert row["outlet_names"] == ["Harbour Gazette", "Plains Tribune"]
        assert row["contested_by"][0]["outlet"] == "Daily Planet"
        as_target = claims.claims_about(store.connection, "REB", relation="denies")
        assert {r["role"] for r in as_target} == {"target"}


def test_denials_by_records_a_denial_with_no_claim(tmp_path: Path) -> None:
    store_mod = pytest.importorskip("dotterel.store")
    text = "Ruritania denied arming the rebels in the north."
    art = Article(text=text, outlet="Daily Planet")
    denier = make_event(art, 0, text, "denied", "REJECT", "RUR", "REB")
    with store_mod.Store(tmp_path / "alone.duckdb") as store:
        store.write(CodedArticle(article=art, events=[denier]))
        (row,) = claims.denials_by(store.connection, "RUR")
    assert row["relation"] == "denies" and row["event_type"] == "AID"
    assert "arming the rebels" in row["text"] and row["claims"] == []
    assert row["outlet"] == "Daily Planet"
