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


def test_refusal_to_admit_is_a_denial_but_a_bare_refusal_is_not() -> None:
    text = "Ruritania refuses to admit it armed the rebels. Ruritania refused to negotiate."
    art = Article(text=text)
    first = make_event(art, 0, text, "refuses", "REJECT", "RUR", None)
    second = make_event(art, 1, text, "refused", "REJECT", "RUR", None)
    assert contest_links.relation_of(first) == "denies"
    assert contest_links.relation_of(second) is None


def test_denial_records_what_it_denies_without_a_claim() -> None:
    text = "Ruritania denied arming the rebels in the north."
    art = Article(text=text)
    denier = make_event(art, 0, text, "denied", "REJECT", "RUR", "REB")
    (prop,) = contest_links.propositions([denier])
    assert prop.event_type == "AID" and prop.source_code == "RUR"
    assert "arming the rebels" in prop.text


def test_denial_of_the_reports_answers_earlier_claims_about_its_actor() -> None:
    text = "Officials said Ruritania shelled the port. Ruritania called the reports baseless."
    art = Article(text=text)
    claim = make_event(art, 0, text, "shelled", "ASSAULT", "RUR", None)
    claim.status = "reported"
    denier = make_event(art, 1, text, "baseless", "REJECT", "RUR", None)
    (prop,) = contest_links.propositions([claim, denier])
    assert prop.about_reports and prop.event_type is None
    assert contest_links.link_within([claim, denier]) == [(denier.id, claim.id, "denies")]
    # an asserted event is the outlet's own word, not a claim someone made
    claim.status = "asserted"
    assert contest_links.link_within([claim, denier]) == []


def test_involvement_takes_the_type_of_the_event_it_names() -> None:
    text = "Ruritania denied any involvement in the bombing of the market."
    art = Article(text=text)
    denier = make_event(art, 0, text, "denied", "REJECT", "RUR", None)
    (prop,) = contest_links.propositions([denier])
    assert prop.event_type == "ASSAULT"


def test_two_organs_of_one_state_are_one_actor_but_not_a_rebel_group() -> None:
    assert contest_links.same_actor(None, "PAKGOV", None, "PAKMIL")
    assert not contest_links.same_actor(None, "PAKGOV", None, "PAKREB")
    assert not contest_links.same_actor(None, "PAKMIL", None, "INDMIL")


def test_a_reported_negation_denies_only_in_the_accused_s_own_word() -> None:
    from dotterel.model import SourceLink

    text = "Officials said Ruritania shelled the port. Ruritania said it had not shelled the port."
    art = Article(text=text)
    claim = make_event(art, 0, text, "shelled", "ASSAULT", "RURMIL", None, status="reported")
    own = make_event(
        art, 1, text, "shelled", "ASSAULT", "RUR", None, status="reported", negated=True
    )
    own.trigger = own.trigger.__class__(
        text.rindex("shelled"), text.rindex("shelled") + 7, "shelled"
    )
    own.chain = [SourceLink(name="Gazette"), SourceLink(name="Ruritania", code="RUR")]
    assert contest_links.link_within([claim, own]) == [(own.id, claim.id, "denies")]
    own.chain = [SourceLink(name="Gazette"), SourceLink(name="Gondor", code="GON")]
    assert contest_links.link_within([claim, own]) == []
