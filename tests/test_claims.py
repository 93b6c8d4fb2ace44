"""Tests of contested-claim linking across articles and the claims_about query."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel import claims
from dotterel.model import Article, CodedArticle, Event, SourceLink, TextSpan


def make_event(
    article: Article,
    n: int,
    sentence: str,
    trigger: str,
    event_type: str,
    source: str | None,
    target: str | None,
    **fields: object,
) -> Event:
    start = article.text.index(sentence)
    t = start + sentence.index(trigger)
    return Event(
        id=f"{article.id}-e{n}",
        trigger=TextSpan(t, t + len(trigger), trigger),
        sentence=TextSpan(start, start + len(sentence), sentence),
        event_type=event_type,
        source_code=source,
        target_code=target,
        **fields,  # type: ignore[arg-type]
    )


CLAIM_TEXT = "Ruritania is supplying rockets to the rebels, officials said."
DENIAL_TEXT = "Ruritania denied supporting the rebels."
CONFIRM_TEXT = "The Gondor ministry confirmed that Ruritania supplies the rebels."


@pytest.fixture()
def claim_article() -> CodedArticle:
    art = Article(text=CLAIM_TEXT, outlet="Harbour Gazette")
    ev = make_event(
        art,
        0,
        CLAIM_TEXT,
        "supplying",
        "AID",
        "RURGOV",
        "REB",
        status="reported",
        chain=[SourceLink(name="Harbour Gazette"), SourceLink(name="officials", cue="said")],
    )
    return CodedArticle(article=art, events=[ev])


@pytest.fixture()
def denial_article() -> CodedArticle:
    art = Article(text=DENIAL_TEXT, outlet="Daily Planet")
    denier = make_event(art, 0, DENIAL_TEXT, "denied", "REJECT", "RUR", "REB")
    denied = make_event(art, 1, DENIAL_TEXT, "supporting", "SUPPORT", "RUR", "REB", status="denied")
    return CodedArticle(article=art, events=[denier, denied])


def test_relation_of_trigger_words() -> None:
    art = Article(text=DENIAL_TEXT)
    assert claims.relation_of(make_event(art, 0, DENIAL_TEXT, "denied", "REJECT", None, None))
    art2 = Article(text=CONFIRM_TEXT)
    ev = make_event(art2, 0, CONFIRM_TEXT, "confirmed", "CONSULT", None, None)
    assert claims.relation_of(ev) == "confirms"
    ev = make_event(art2, 1, CONFIRM_TEXT, "supplies", "AID", None, None)
    assert claims.relation_of(ev) is None


def test_inflections() -> None:
    assert {"denies", "denied", "denying"} <= claims.inflections("deny")
    assert {"admitted", "admitting"} <= claims.inflections("admit")
    assert {"confirmed", "confirming", "confirms"} <= claims.inflections("confirm")


def test_same_actor_accepts_state_organs_only() -> None:
    assert claims.same_actor(None, "IRN", None, "IRNGOV")
    assert claims.same_actor(None, "IRNMIL", None, "IRN")
    assert not claims.same_actor(None, "AFG", None, "AFGINS")
    assert not claims.same_actor(None, "IRN", None, "RUS")
    assert claims.same_actor("x-a1", "AFG", "x-a1", "AFGINS")
    assert not claims.same_actor(None, None, None, "IRN")


def test_compatible_types_by_family() -> None:
    assert claims.compatible_types("AID", "SUPPORT")
    assert claims.compatible_types("assault", "ASSAULT")
    assert not claims.compatible_types("AID", "ASSAULT")
    assert not claims.compatible_types(None, "AID")


def test_link_contests_across_articles(
    claim_article: CodedArticle, denial_article: CodedArticle
) -> None:
    links = claims.link_contests(denial_article.events, claim_article.events)
    assert links == [(denial_article.events[0].id, claim_article.events[0].id, "denies")]
    # and the other way round: a new claim already denied in the store
    back = claims.link_contests(claim_article.events, denial_article.events)
    assert back == links


def test_link_contests_ignores_other_actors(denial_article: CodedArticle) -> None:
    art = Article(text="Gondor is supplying rockets to the rebels.")
    other = make_event(art, 0, art.text, "supplying", "AID", "GON", "REB")
    assert claims.link_contests(denial_article.events, [other]) == []


def test_link_contests_leaves_same_article_pairs(denial_article: CodedArticle) -> None:
    assert claims.link_contests(denial_article.events, denial_article.events) == []


def test_denial_without_inner_event_guesses_type() -> None:
    text = "Ruritania rejected reports of military support for the rebels."
    art = Article(text=text)
    denier = make_event(art, 0, text, "rejected", "REJECT", "RUR", "REB")
    (prop,) = claims.propositions([denier])
    assert prop.event_type == "SUPPORT" and prop.relation == "denies"


def test_apply_links_fills_both_sides(
    claim_article: CodedArticle, denial_article: CodedArticle
) -> None:
    events = [*claim_article.events, *denial_article.events]
    claims.apply_links(events, claims.link_contests(denial_article.events, claim_article.events))
    assert denial_article.events[0].contests == [claim_article.events[0].id]
    assert claim_article.events[0].contested_by == [denial_article.events[0].id]


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
    claims.apply_links([claim, denier], [(denier.id, claim.id, "denies")])
    with store_mod.Store(tmp_path / "one.duckdb") as store:
        store.write(CodedArticle(article=art, events=[claim, denier]))
        (row,) = claims.claims_about(store.connection, "RUR")
        assert row["contested_by"][0]["relation"] == "denies"


def test_claims_about_rejects_unknown_relation(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    with pytest.raises(ValueError):
        claims.claims_about(duckdb.connect(str(tmp_path / "x.duckdb")), "RUR", relation="maybe")
