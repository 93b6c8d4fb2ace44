"""Hand-written articles with a claim and its denial, shared by the contest-link tests."""

from __future__ import annotations

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


def denial_article() -> CodedArticle:
    art = Article(text=DENIAL_TEXT, outlet="Daily Planet")
    denier = make_event(art, 0, DENIAL_TEXT, "denied", "REJECT", "RUR", "REB")
    denied = make_event(art, 1, DENIAL_TEXT, "supporting", "SUPPORT", "RUR", "REB", status="denied")
    return CodedArticle(article=art, events=[denier, denied])
