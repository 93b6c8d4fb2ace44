"""Tests of dotterel.contest_links: contest links within and across articles (no store)."""

from __future__ import annotations

import pytest

import contest_samples
from contest_samples import CONFIRM_TEXT, DENIAL_TEXT, make_event
from dotterel import contest_links
from dotterel.model import Article, CodedArticle


@pytest.fixture()
def claim_article() -> CodedArticle:
    return contest_samples.claim_article()


@pytest.fixture()
def denial_article() -> CodedArticle:
    return contest_samples.denial_article()


def test_relation_of_trigger_words() -> None:
    art = Article(text=DENIAL_TEXT)
    assert contest_links.relation_of(
        make_event(art, 0, DENIAL_TEXT, "denied", "REJECT", None, None)
    )
    art2 = Article(text=CONFIRM_TEXT)
    ev = make_event(art2, 0, CONFIRM_TEXT, "confirmed", "CONSULT", None, None)
    assert contest_links.relation_of(ev) == "confirms"
    ev = make_event(art2, 1, CONFIRM_TEXT, "supplies", "AID", None, None)
    assert contest_links.relation_of(ev) is None


def test_inflections() -> None:
    assert {"denies", "denied", "denying"} <= contest_links.inflections("deny")
    assert {"admitted", "admitting"} <= contest_links.inflections("admit")
    assert {"confirmed", "confirming", "confirms"} <= contest_links.inflections("confirm")


def test_same_actor_accepts_state_organs_only() -> None:
    assert contest_links.same_actor(None, "IRN", None, "IRNGOV")
    assert contest_links.same_actor(None, "IRNMIL", None, "IRN")
    assert not contest_links.same_actor(None, "AFG", None, "AFGINS")
    assert not contest_links.same_actor(None, "IRN", None, "RUS")
    assert contest_links.same_actor("x-a1", "AFG", "x-a1", "AFGINS")
    assert not contest_links.same_actor(None, None, None, "IRN")


def test_compatible_types_by_family() -> None:
    assert contest_links.compatible_types("AID", "SUPPORT")
    assert contest_links.compatible_types("assault", "ASSAULT")
    assert not contest_links.compatible_types("AID", "ASSAULT")
    assert not contest_links.compatible_types(None, "AID")


def test_link_contests_across_articles(
    claim_article: CodedArticle, denial_article: CodedArticle
) -> None:
    links = contest_links.link_contests(denial_article.events, claim_article.events)
    assert links == [(denial_article.events[0].id, claim_article.events[0].id, "denies")]
    # and the other way round: a new claim already denied in the store
    back = contest_links.link_contests(claim_article.events, denial_article.events)
    assert back == links


def test_link_contests_ignores_other_actors(denial_article: CodedArticle) -> None:
    art = Article(text="Gondor is supplying rockets to the rebels.")
    other = make_event(art, 0, art.text, "supplying", "AID", "GON", "REB")
    assert contest_links.link_contests(denial_article.events, [other]) == []


def test_link_contests_leaves_same_article_pairs(denial_article: CodedArticle) -> None:
    assert contest_links.link_contests(denial_article.events, denial_article.events) == []


def test_denial_without_inner_event_guesses_type() -> None:
    text = "Ruritania rejected reports of military support for the rebels."
    art = Article(text=text)
    denier = make_event(art, 0, text, "rejected", "REJECT", "RUR", "REB")
    (prop,) = contest_links.propositions([denier])
    assert prop.event_type == "SUPPORT" and prop.relation == "denies"


def test_apply_links_fills_both_sides(
    claim_article: CodedArticle, denial_article: CodedArticle
) -> None:
    events = [*claim_article.events, *denial_article.events]
    contest_links.apply_links(
        events, contest_links.link_contests(denial_article.events, claim_article.events)
    )
    assert denial_article.events[0].contests == [claim_article.events[0].id]
    assert claim_article.events[0].contested_by == [denial_article.events[0].id]
