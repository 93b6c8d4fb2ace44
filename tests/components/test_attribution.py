"""Tests of the attribution component on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.components.attribution import find_quotes, load_lexicon
from dotterel.components.attribution._spans import clip_to_paragraph
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


# ----------------------------------------------------- PolNeAR span conventions


def test_sentence_end_ignores_titles_and_initials() -> None:
    end = load_lexicon().sentence_end
    assert end.search("Mr. Kamp said") is None
    assert end.search("J. Smith said") is None
    assert end.search("It was done. Then") is not None
    assert end.search("Really? Yes") is not None


def test_quote_continued_after_a_tag_with_a_title(nlp: Language) -> None:
    text = '"We are almost there," Mr. Kamp said. "More is decided than anyone imagined."'
    a = by_cue(attributions(nlp, text), "said")
    assert a.kind == "direct"
    assert a.source is not None and a.source.text == "Mr. Kamp"
    assert a.content.text == text  # outer bounds of both quotations


def test_participle_after_the_tag_does_not_end_the_quotation(nlp: Language) -> None:
    text = (
        '"There was never an order," said the chief, speaking publicly for the first '
        'time. "At no time did I doubt the team."'
    )
    found = attributions(nlp, text)
    a = by_cue(found, "said")
    assert a.content.text.endswith('doubt the team."')
    assert "speaking" not in [x.cue.text for x in found]


def test_source_leaves_out_a_relative_clause_that_reports(nlp: Language) -> None:
    text = (
        '"They never tried to stop the count," said Ann Lee, who wrote about the visit in her '
        'book. "Thank goodness, none of it was true."'
    )
    a = by_cue(attributions(nlp, text), "said")
    assert a.source is not None and a.source.text == "Ann Lee"
    assert a.content.text.endswith('none of it was true."')


def test_source_keeps_a_descriptive_relative_clause(nlp: Language) -> None:
    text = "Ann Lee, who runs the harbour fund, said the port would close in May."
    a = by_cue(attributions(nlp, text), "said")
    assert a.source is not None and a.source.text.startswith("Ann Lee, who runs the harbour fund")


def test_clause_holding_a_quotation_before_the_tag_is_mixed(nlp: Language) -> None:
    text = 'Mr. Vander is "activating his personal network," the aide said.'
    a = by_cue(attributions(nlp, text), "said")
    assert a.kind == "mixed"
    assert a.content.text == 'Mr. Vander is "activating his personal network,"'


def test_quotation_continuing_an_indirect_report(nlp: Language) -> None:
    text = 'She praised the harbour plan. "It will save the town."'
    a = by_cue(attributions(nlp, text), "praised")
    assert a.kind == "mixed"
    assert a.content.text == 'the harbour plan. "It will save the town."'


def test_reported_clause_wins_over_a_quotation_elsewhere(nlp: Language) -> None:
    text = 'Ruiz said private contractors cost more than public workers and cited the "waste."'
    a = by_cue(attributions(nlp, text), "said")
    assert a.content.text.startswith("private contractors cost more")


def test_inverted_tag_names_the_speaker(nlp: Language) -> None:
    text = '"It is over at this point," added another harbour official. "We are done."'
    a = by_cue(attributions(nlp, text), "added")
    assert a.source is not None and a.source.text == "another harbour official"
    assert a.content.text == text


def test_speaker_after_an_inverted_tag_keeps_the_apposition(nlp: Language) -> None:
    text = '"This is a battle for the harbour," said Ann Lee, a lawyer who heads the fund.'
    a = by_cue(attributions(nlp, text), "said")
    assert a.source is not None and a.source.text.startswith("Ann Lee, a lawyer")


def test_source_does_not_reach_over_a_paragraph_break(nlp: Language) -> None:
    text = "9:30 p.m.\n\nThe mayor says the port will close in May."
    a = by_cue(attributions(nlp, text), "says")
    assert a.source is not None and a.source.text == "The mayor"


def test_clip_to_paragraph() -> None:
    paras = [0, 20, 60]
    assert clip_to_paragraph((5, 50), (30, 34), paras, 80) == (20, 50)
    assert clip_to_paragraph((25, 70), (30, 34), paras, 80) == (25, 60)
    assert clip_to_paragraph((25, 40), (30, 34), paras, 80) == (25, 40)


def test_noun_cue_with_possessive_source(nlp: Language) -> None:
    text = "The mayor's claim that the port will close angered the fishermen."
    a = by_cue(attributions(nlp, text), "claim")
    assert a.source is not None and a.source.text == "The mayor's"
    assert a.content.text == "that the port will close"


def test_noun_without_source_or_content_is_no_cue(nlp: Language) -> None:
    text = "The claim was filed in May."
    assert "claim" not in [a.cue.text for a in attributions(nlp, text)]


def test_base_form_cue_inside_another_clause_is_not_reported(nlp: Language) -> None:
    text = "Fishermen heard the mayor say the port would close."
    assert "say" not in [a.cue.text for a in attributions(nlp, text)]


def test_reader_addressed_as_you_is_not_a_source(nlp: Language) -> None:
    assert attributions(nlp, "Do you support the harbour plan?") == []


def test_paragraph_colon_needs_a_speaker(nlp: Language) -> None:
    text = (
        "Editor's note: The mayor regularly misleads voters.\n\n"
        "Poll: The mayor leads in the harbour district.\n\n"
        "Iowa: Ann Lee, Bob Ruiz, Carl Diaz.\n\n"
        "Ted Lee: reformer or career politician?"
    )
    found = [a for a in attributions(nlp, text) if a.cue.text == ":"]
    assert [a.source.text for a in found if a.source] == ["Poll"]


def test_asked_participle_has_no_source(nlp: Language) -> None:
    text = 'Asked whether he would fire the aide, the mayor said, "Probably."'
    found = attributions(nlp, text)
    asked = by_cue(found, "Asked")
    assert asked.source is None
    assert asked.content.text == "whether he would fire the aide"
    said = by_cue(found, "said")
    assert said.source is not None and said.source.text == "the mayor"


def test_statement_noun_under_a_preposition_is_no_cue(nlp: Language) -> None:
    text = "In response to the mayor's proposal to close the port, the council met."
    assert "proposal" not in [a.cue.text for a in attributions(nlp, text)]


def test_cue_keeps_adverbs_between_auxiliary_and_verb(nlp: Language) -> None:
    a = by_cue(attributions(nlp, "The mayor has long said the port would close."), "said")
    assert a.cue.text == "has long said"


def test_said_of_keeps_of_out_of_the_cue(nlp: Language) -> None:
    text = '"It is finished," she said of the harbour plan.'
    a = by_cue(attributions(nlp, text), "said")
    assert a.cue.text == "said"


# -- sources through an article ---------------------------------------------------------


def test_anonymity_follows_the_source_to_a_later_mention(nlp: Language) -> None:
    found = attributions(
        nlp,
        "A senior army officer, who spoke on condition of anonymity, said the convoy was "
        "ambushed. Later the officer said two soldiers were missing.",
    )
    first, later = sorted(found, key=lambda a: a.cue.start)
    assert first.anonymous and later.anonymous
    assert later.chain[-1].anonymous


def test_a_named_later_source_stays_named(nlp: Language) -> None:
    found = attributions(
        nlp,
        "A senior army officer, who spoke on condition of anonymity, said the convoy was "
        "ambushed. The officer in charge, Colonel Amir Nazari, said two soldiers were missing.",
    )
    later = max(found, key=lambda a: a.cue.start)
    assert not later.anonymous


def test_the_person_is_the_inner_source_and_the_agency_the_outer(nlp: Language) -> None:
    a = by_cue(
        attributions(nlp, "A police spokesman told Reuters that gunmen attacked a bus."), "told"
    )
    assert names(a)[-2:] == ["Reuters", "A police spokesman"]
    assert a.chain[-1].anonymous and not a.chain[-2].anonymous


def test_a_news_conference_is_the_medium_not_a_layer(nlp: Language) -> None:
    for text in (
        "The interior minister told a news conference that police arrested 12 protesters.",
        "Police arrested 12 protesters, the interior minister told a news conference.",
    ):
        a = by_cue(attributions(nlp, text), "told")
        assert names(a) == [OUTLET, "interior minister"]
        assert a.chain[-1].cue == "told a news conference"
        assert "arrested" in a.content.text


def test_source_name_has_no_leading_adverbial(nlp: Language) -> None:
    a = by_cue(
        attributions(
            nlp, "Earlier on Friday a rebel spokesman said government troops shelled the town."
        ),
        "said",
    )
    assert a.source is not None and a.source.text == "a rebel spokesman"


def test_a_role_with_a_named_person_names_the_person(nlp: Language) -> None:
    found = attributions(
        nlp,
        "The army spokesman, Colonel Amir Nazari, told reporters that troops killed five "
        "militants. Nazari said the operation was over.",
    )
    first, later = sorted(found, key=lambda a: a.cue.start)
    assert first.chain[-1].name == "army spokesman Colonel Amir Nazari"
    assert later.chain[-1].name == first.chain[-1].name
    assert not first.anonymous


def test_a_pronoun_after_an_unnamed_spokesman_is_that_source(nlp: Language) -> None:
    found = attributions(
        nlp,
        '"We will hold the town," a rebel spokesman told AFP on Friday. '
        '"The army shelled the market," he added.',
    )
    later = by_cue(found, "added")
    assert later.chain[-1].name == "a rebel spokesman" and later.anonymous
