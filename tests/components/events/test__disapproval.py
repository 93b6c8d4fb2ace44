"""Disapproval from evaluative language (``components/events/_disapproval.py``).

Each positive pattern and each named guard on a sentence written for the test; actors
come from the harness table, attributions from the real attribution component.
"""

from __future__ import annotations

import logging

import pytest
from spacy.language import Language

from components.events.harness import ACTORS, with_actors
from dotterel.components.attribution import AttributionComponent
from dotterel.components.events import EventsComponent
from dotterel.components.events._disapproval import GUARDS
from dotterel.model import Event

pytestmark = pytest.mark.slow

#: the harness actors plus a few speakers and people, one actor per name
TABLE = {
    **ACTORS,
    "Gondor ministry": "GONGOV",
    "Senator Ann Vale": "GONLEG",
    "Senator Bo Reed": "GONLEG",
    "Governor Tom Hale": "GONGOV",
    "Arnor embassy": "ARNGOV",
    "Rohan police": "ROHCOP",
}


@pytest.fixture(scope="module")
def attribution(base: Language) -> AttributionComponent:
    return AttributionComponent(base, "dotterel_attribution")


def accusations(
    base: Language, attribution: AttributionComponent, events: EventsComponent, text: str
) -> list[Event]:
    doc = with_actors(base(text), TABLE, per_name=True)
    for actor in doc._.actors:
        if actor.name.startswith(("Senator", "Governor")):
            actor.kind = "person"
    return [e for e in events(attribution(doc))._.events if e.method == "evaluation"]


def pairs(evs: list[Event]) -> set[tuple[str | None, str | None]]:
    return {(e.source_code, e.target_code) for e in evs}


def test_guards_are_named() -> None:
    assert set(GUARDS) == {
        "coded",
        "act",
        "formula",
        "suffering",
        "supposition",
        "topic",
        "own_side",
        "material",
        "repeat",
    }


# ---- positive patterns


def test_quoted_predicate_adjective_about_a_pronoun_is_no_event(base, attribution, events):
    # the evaluation names no one ("This is irresponsible"): an accusation of no one has
    # no dyad and is left out (``addressed_types``, _event_pairs.unaddressed)
    evs = accusations(
        base, attribution, events, '"This is extremely irresponsible," the Gondor ministry said.'
    )
    assert pairs(evs) == set()


def test_reported_speech_negated_positive_word(base, attribution, events):
    evs = accusations(
        base, attribution, events, "Senator Ann Vale said Governor Tom Hale is not fit to lead."
    )
    assert pairs(evs) == {("GONLEG", "GONGOV")}


def test_negated_negative_word_is_no_criticism(base, attribution, events):
    # VADER's rule: "not bad" is not negative
    text = "Senator Ann Vale said the plan of Governor Tom Hale is not bad."
    assert accusations(base, attribution, events, text) == []


def test_owner_of_the_evaluated_plan_is_the_target(base, attribution, events):
    text = '"Arnor\'s new plan is dangerous," the Gondor ministry said.'
    assert pairs(accusations(base, attribution, events, text)) == {("GONGOV", "ARN")}


def test_speaker_ashamed_of_an_actors_act(base, attribution, events):
    text = '"I am ashamed that Governor Tom Hale would endorse him," Senator Ann Vale said.'
    assert pairs(accusations(base, attribution, events, text)) == {("GONLEG", "GONGOV")}


def test_naming_verb_with_an_evaluative_predicate(base, attribution, events):
    evs = accusations(base, attribution, events, "Gondor called the Arnor law punitive.")
    assert pairs(evs) == {("GON", "ARN")}


def test_expletive_subject_evaluates_the_clause_subject(base, attribution, events):
    text = "Senator Ann Vale said it is shameful for Rohan to close the border."
    assert ("GONLEG", "ROH") in pairs(accusations(base, attribution, events, text))


def test_adjective_on_an_actor(base, attribution, events):
    text = "The Gondor ministry said the corrupt Arnor embassy must be closed."
    assert ("GONGOV", "ARNGOV") in pairs(accusations(base, attribution, events, text))


def test_evaluation_has_a_lower_confidence_than_lexicon_events(base, attribution, events):
    evs = accusations(
        base, attribution, events, '"Arnor\'s new plan is dangerous," the Gondor ministry said.'
    )
    assert evs and all(e.confidence is not None and e.confidence <= 0.45 for e in evs)


# ---- guards (each test checks that its guard, by name, is what stopped the event)


def guards_fired(caplog: pytest.LogCaptureFixture) -> set[str]:
    return {
        r.getMessage().rsplit("guard ", 1)[1] for r in caplog.records if "guard " in r.getMessage()
    }


@pytest.fixture
def trace(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="dotterel.components.events._disapproval")
    return caplog


def test_suffering_words_are_no_accusation(base, attribution, events, trace):
    text = '"The dead Arnor soldiers were taken away," the Gondor ministry said.'
    assert accusations(base, attribution, events, text) == []
    assert "suffering" in guards_fired(trace)


def test_a_scene_with_no_actor_is_no_accusation(base, attribution, events, trace):
    text = '"The scene at the market was horrific," Rohan police said.'
    assert accusations(base, attribution, events, text) == []
    assert "suffering" in guards_fired(trace)


def test_own_side_evaluation_is_no_accusation(base, attribution, events, trace):
    text = '"Gondor\'s old plan was dangerous," Gondor said.'
    assert accusations(base, attribution, events, text) == []
    assert "own_side" in guards_fired(trace)


def test_persons_sharing_a_code_still_criticise_each_other(base, attribution, events):
    text = "Senator Ann Vale said Senator Bo Reed is dishonest."
    assert pairs(accusations(base, attribution, events, text)) == {("GONLEG", "GONLEG")}


def test_reported_attack_is_not_an_accusation_of_the_reporter(base, attribution, events, trace):
    text = "Rohan police said the reckless Arnor army shelled Gondor with heavy artillery."
    assert accusations(base, attribution, events, text) == []
    assert "material" in guards_fired(trace)


def test_judging_a_material_act_is_an_accusation(base, attribution, events):
    # the act is under the evaluative word: the speaker judges it
    text = "Senator Ann Vale said it is shameful for Rohan to close the border."
    assert ("GONLEG", "ROH") in pairs(accusations(base, attribution, events, text))


def test_event_trigger_is_not_read_again(base, attribution, events, trace):
    # "criticism" is the lexicon's ACCUSE of Gondor; only "harsh" is read as evaluation
    text = "Senator Ann Vale said Arnor's criticism of Gondor was harsh."
    evs = accusations(base, attribution, events, text)
    assert [e.trigger.text for e in evs] == ["harsh"]
    assert "coded" in guards_fired(trace)


def test_protest_topic_is_the_protests_not_the_speakers(base, attribution, events, trace):
    text = "Senator Ann Vale said Canada staged a strike in protest against the abuses of Arnor."
    assert accusations(base, attribution, events, text) == []
    assert "topic" in guards_fired(trace)


def test_one_accusation_per_source_and_target_per_sentence(base, attribution, events):
    text = '"Arnor is dishonest, corrupt and reckless," the Gondor ministry said.'
    assert len(accusations(base, attribution, events, text)) == 1


def test_lexicon_accusation_is_not_repeated(base, attribution, events, trace):
    text = '"Arnor is corrupt," the Gondor ministry said, accusing Arnor of fraud.'
    doc = attribution(with_actors(base(text), TABLE, per_name=True))
    evs = events(doc)._.events
    assert [e.method for e in evs if e.event_type == "ACCUSE"] == ["lexicon"]
    assert "repeat" in guards_fired(trace)


def test_unattributed_evaluation_is_no_accusation(base, attribution, events):
    assert accusations(base, attribution, events, "Arnor is dishonest.") == []


def test_sourcing_formula_is_no_accusation(base, attribution, events, trace, monkeypatch):
    # the relevance formulas are consulted for every evaluation found (here: all are)
    monkeypatch.setattr(
        "dotterel.components.events._disapproval.formula_of", lambda tok, rules: "test"
    )
    text = '"Arnor is dishonest," the Gondor ministry said.'
    assert accusations(base, attribution, events, text) == []
    assert "formula" in guards_fired(trace)


def test_a_negative_verb_is_no_evaluation(base, attribution, events):
    # "resign", "expel", "fight" are negative in VADER but judge nobody
    text = "Senator Ann Vale said Governor Tom Hale would resign and fight."
    assert accusations(base, attribution, events, text) == []


def test_actor_angry_at_another_outside_quotes(base, attribution, events):
    # an emotion with a complement: the experiencer is the source, no attribution needed
    evs = accusations(base, attribution, events, "Gondor is furious with Arnor.")
    assert pairs(evs) == {("GON", "ARN")}


def test_owned_noun_names_the_owner(base, attribution, events):
    text = "The Gondor ministry said Arnor's lies had misled the world."
    assert ("GONGOV", "ARN") in pairs(accusations(base, attribution, events, text))


def test_a_compound_is_no_owner(base, attribution, events):
    text = "Rohan police said the smugglers carried Arnor guns."
    assert accusations(base, attribution, events, text) == []


def test_a_prefix_judges_nothing(base, attribution, events):
    text = "The Gondor ministry said the anti-corruption Arnor embassy will open."
    assert accusations(base, attribution, events, text) == []


def test_a_negated_good_verb_is_no_criticism(base, attribution, events):
    # "we don't want Arnor to play games" is a wish, not a judgment of Arnor
    text = '"We do not want Arnor to play a role," the Gondor ministry said.'
    assert accusations(base, attribution, events, text) == []


def test_a_feeling_without_a_complement_judges_nobody(base, attribution, events, trace):
    text = "Senator Ann Vale said Governor Tom Hale was anxious and frustrated."
    assert accusations(base, attribution, events, text) == []
    assert "suffering" in guards_fired(trace)


def test_a_stance_with_a_complement_judges_it(base, attribution, events):
    evs = accusations(base, attribution, events, "Gondor was critical of Arnor's plan.")
    assert pairs(evs) == {("GON", "ARN")}


def test_an_act_noun_is_told_not_judged(base, attribution, events, trace):
    text = "Senator Ann Vale said Arnor's fight against Rohan goes on."
    assert accusations(base, attribution, events, text) == []
    assert "act" in guards_fired(trace)


def test_a_supposition_is_not_a_claim(base, attribution, events, trace):
    text = '"We will publish it even if Arnor is dishonest," the Gondor ministry said.'
    assert accusations(base, attribution, events, text) == []
    assert "supposition" in guards_fired(trace)


def test_the_participle_of_an_act_describes_and_judges_nobody(base, attribution, events, trace):
    # "jailed", "detained": what was done to them (acts the lexicon codes), not a verdict
    text = "The Gondor ministry said the jailed Arnor journalists must be freed."
    assert accusations(base, attribution, events, text) == []
    assert "act" in guards_fired(trace)
