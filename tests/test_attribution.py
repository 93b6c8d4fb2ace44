"""Tests of the attribution component on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.components.attribution import find_quotes, load_lexicon
from dotterel.model import Article, Attribution
from dotterel.pipeline import make_doc

OUTLET = "Harbour Gazette"


def attributions(nlp: Language, text: str, outlet: str | None = OUTLET) -> list[Attribution]:
    doc = nlp(make_doc(nlp, Article(text=text, outlet=outlet)))
    return list(doc._.attributions)


def by_cue(found: list[Attribution], cue: str) -> Attribution:
    hits = [a for a in found if a.cue.text == cue or a.cue.text.endswith(" " + cue)]
    assert hits, f"no attribution with cue {cue!r} in {[a.cue.text for a in found]}"
    return hits[0]


def names(a: Attribution) -> list[str]:
    return [link.name for link in a.chain]


def test_lexicon_loads_general_cues() -> None:
    lex = load_lexicon()
    assert {"say", "tell", "report", "reveal", "note", "add", "warn", "accuse"} <= lex.verbs
    assert "reportedly" in lex.hedge_adverbs
    assert "deny" in lex.denial and "confirm" in lex.confirmation


def test_find_quotes_curly_straight_and_doubled_apostrophes() -> None:
    text = "He said “yes” and she said \"no\" and they said ''maybe''."
    assert [text[s:e] for s, e in find_quotes(text)] == ["“yes”", '"no"', "''maybe''"]


def test_find_quotes_spanning_paragraphs() -> None:
    text = "“The harbour will close in May.\n\n“After that, ferries stop,” the mayor said."
    spans = find_quotes(text)
    assert len(spans) == 1
    assert text[spans[0][0] : spans[0][1]].startswith("“The harbour")
    assert text[spans[0][0] : spans[0][1]].endswith("stop,”")


def test_find_quotes_drops_unclosed_quotation() -> None:
    text = "It was “odd.\n\nNothing else happened."
    assert find_quotes(text) == []


def test_direct_quote_with_tag_after(nlp: Language) -> None:
    text = "“The bridge will reopen in May,” the mayor said."
    a = by_cue(attributions(nlp, text), "said")
    assert a.kind == "direct"
    assert a.source is not None and a.source.text == "the mayor"
    assert a.content.text == "“The bridge will reopen in May,”"
    assert names(a) == [OUTLET, "mayor"]
    assert a.id.endswith("-q0")


def test_quote_spanning_paragraphs_is_one_content(nlp: Language) -> None:
    text = (
        "The port authority met on Monday.\n\n"
        "“We have no money left for repairs.\n\n"
        "“The ferries will stop in June,” said Ana Ruiz, the harbour master."
    )
    a = by_cue(attributions(nlp, text), "said")
    assert a.content.text.startswith("“We have no money")
    assert a.content.text.endswith("June,”")
    assert a.source is not None and "Ana Ruiz" in a.source.text


def test_quote_continued_after_its_tag(nlp: Language) -> None:
    text = "“Prices are rising,” the minister said. “We will act next week.”"
    a = by_cue(attributions(nlp, text), "said")
    assert a.content.text.startswith("“Prices")
    assert a.content.text.endswith("next week.”")


def test_indirect_speech_with_clause(nlp: Language) -> None:
    text = "The governor warned that the dam could fail within days."
    a = by_cue(attributions(nlp, text), "warned")
    assert a.kind == "indirect"
    assert a.source is not None and a.source.text == "The governor"
    assert a.content.text == "that the dam could fail within days"


def test_according_to(nlp: Language) -> None:
    text = "The ceasefire collapsed on Tuesday, according to aid workers in the region."
    a = by_cue(attributions(nlp, text), "according to")
    assert a.source is not None and a.source.text == "aid workers in the region"
    assert a.content.text == "The ceasefire collapsed on Tuesday"
    assert names(a) == [OUTLET, "aid workers"]


def test_according_to_closing_a_quotation_covers_it(nlp: Language) -> None:
    text = (
        "“The militia is buying drones. It also hires pilots, according to "
        "local officials,” the Gazette reports."
    )
    a = by_cue(attributions(nlp, text), "according to")
    assert a.content.text.startswith("The militia is buying drones")


def test_nested_chain(nlp: Language) -> None:
    text = "The Daily Planet reported that police officials said the suspect had fled."
    found = attributions(nlp, text)
    outer = by_cue(found, "reported")
    inner = by_cue(found, "said")
    assert inner.parent_id == outer.id
    assert names(inner) == [OUTLET, "Daily Planet", "police officials"]
    assert inner.chain[-1].cue == "said"


def test_nested_inside_quotation_and_recipient_layer(nlp: Language) -> None:
    text = (
        "“Hundreds of families fled north, village elders told provincial officials,” "
        "the Daily Planet reported."
    )
    found = attributions(nlp, text)
    inner = by_cue(found, "told")
    assert names(inner) == [OUTLET, "Daily Planet", "provincial officials", "village elders"]


def test_pronoun_source_resolves_to_outlet(nlp: Language) -> None:
    text = (
        "“The talks failed,” reports the Morning Ledger (ML). "
        "“Both sides blame each other,” it adds."
    )
    found = attributions(nlp, text)
    adds = by_cue(found, "adds")
    assert adds.chain[-1].name == "Morning Ledger"


def test_citing_adds_a_layer(nlp: Language) -> None:
    text = "Citing army officers, the Ledger reveals that the base was evacuated."
    a = by_cue(attributions(nlp, text), "reveals")
    assert names(a) == [OUTLET, "Ledger", "army officers"]


def test_anonymous_on_condition_of_anonymity(nlp: Language) -> None:
    text = "A customs officer told the Ledger on condition of anonymity that bribes were common."
    a = by_cue(attributions(nlp, text), "told")
    assert a.anonymous
    assert a.chain[-1].anonymous
    assert names(a) == [OUTLET, "Ledger", "A customs officer"]


def test_anonymous_not_authorised_to_speak(nlp: Language) -> None:
    text = (
        "A senior official who was not authorised to speak publicly said the minister would resign."
    )
    a = by_cue(attributions(nlp, text), "said")
    assert a.anonymous


def test_named_source_is_not_anonymous(nlp: Language) -> None:
    text = "Maria Lopez, the port director, said the cranes were broken."
    a = by_cue(attributions(nlp, text), "said")
    assert not a.anonymous


def test_hedges_are_kept_without_a_source(nlp: Language) -> None:
    found = attributions(nlp, "The rebels reportedly seized the airport.")
    a = by_cue(found, "reportedly")
    assert a.kind == "hedge" and a.source is None
    assert "seized the airport" in a.content.text
    found = attributions(nlp, "The two parties appear to be negotiating a merger.")
    assert by_cue(found, "appear").kind == "hedge"


def test_denial_is_an_attribution(nlp: Language) -> None:
    text = "Ruritania denies arming the rebels."
    a = by_cue(attributions(nlp, text), "denies")
    assert a.content.text == "arming the rebels"


def test_no_outlet_means_chain_without_outlet(nlp: Language) -> None:
    a = by_cue(attributions(nlp, "The mayor said the bridge was safe.", outlet=None), "said")
    assert names(a) == ["mayor"]


def test_first_person_opinion_inside_quote_is_not_an_attribution(nlp: Language) -> None:
    text = "“I think the plan is dead,” the senator said."
    cues = [a.cue.text for a in attributions(nlp, text)]
    assert "think" not in cues and "said" in cues


@pytest.mark.parametrize(
    "text",
    ["", "Flood waters rose overnight.", "“", "\n\n“Unclosed\n\n"],
)
def test_no_attributions_in_plain_or_odd_text(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []
