"""Pass 1, which tokens trigger events (``components/events/_triggers.py``), on sentences
written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from components.events.harness import triples, with_actors
from dotterel.components.events._triggers import prenominal_participle
from dotterel.model import Event

pytestmark = pytest.mark.slow


def run(base, events, text: str) -> list[Event]:
    return events(with_actors(base(text)))._.events


# ---- the general layer's frame-word patterns ("* WITH", "* TO") need the verb's own frame


@pytest.mark.parametrize(
    "text",
    [
        # "with" belongs to the noun "relations", not to "attached"
        "Gondor has always attached great importance to its relations with Arnor.",
        # "to" is the infinitive marker of "hand", not a preposition of "directed"
        "The Gondor police chief directed residents to hand over their rifles.",
    ],
)
def test_a_frame_word_of_another_word_does_not_match(base, events, text):
    assert [e for e in run(base, events, text) if e.method == "knowledge"] == []


def test_a_frame_over_a_thing_is_the_everyday_sense(base, events):
    # "pay *for* it": paying for a thing, not economic cooperation with an actor
    text = "Gondor said it would pay for the new bridge by raising taxes."
    assert [e for e in run(base, events, text) if e.method == "knowledge"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Gondor has not commented on the attack.",
        "Arnor described the bombing of the bridge in detail.",
    ],
)
def test_speaking_of_an_attack_is_no_attack(base, events, text):
    # statement verbs (CAMEO 01 blocks) whose pattern names the act they speak of
    assert [e.event_type for e in run(base, events, text) if e.method == "knowledge"] == []


def test_a_frame_word_on_the_verb_itself_matches(base, events):
    evs = run(base, events, "Gondor sided with Arnor in the quarrel over the river.")
    assert [(e.source_code, e.target_code, e.event_type, e.method) for e in evs] == [
        ("GON", "ARN", "SUPPORT", "knowledge")
    ]


# ---- lexicon rows: a verb sense by its complements


def test_granted_with_nothing_granted_is_the_concessive_adverbial(base, events):
    text = "Granted, Gondor had little choice in the matter."
    assert [e for e in run(base, events, text) if e.event_type == "AID"] == []


def test_granting_something_is_still_aid(base, events):
    evs = run(base, events, "Gondor granted Arnor a loan.")
    assert [(e.source_code, e.target_code, e.event_type) for e in evs] == [("GON", "ARN", "AID")]


# ---- a past participle before another verb's subject is an adjective


def _parsed(base, words, tags, pos, deps, heads):
    return Doc(base.vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads)


def test_a_participle_before_another_verbs_subject_is_an_adjective(base):
    # the parse the small model gives "... but jailed reporters cast a shadow": "jailed"
    # a past-tense conjunct, "reporters" the subject of "cast"
    words = ["It", "ended", ",", "but", "jailed", "reporters", "cast", "a", "shadow"]
    tags = ["PRP", "VBD", ",", "CC", "VBD", "NNS", "VBD", "DT", "NN"]
    pos = ["PRON", "VERB", "PUNCT", "CCONJ", "VERB", "NOUN", "VERB", "DET", "NOUN"]
    deps = ["nsubj", "ROOT", "punct", "cc", "conj", "nsubj", "ccomp", "det", "dobj"]
    heads = [1, 1, 1, 1, 1, 6, 4, 8, 6]
    doc = _parsed(base, words, tags, pos, deps, heads)
    assert prenominal_participle(doc[4])
    # with the noun as its own object it is a verb: "... and jailed reporters"
    heads2 = [1, 1, 1, 1, 1, 4, 4, 8, 6]
    deps2 = ["nsubj", "ROOT", "punct", "cc", "conj", "dobj", "conj", "det", "dobj"]
    doc2 = _parsed(base, words, tags, pos, deps2, heads2)
    assert not prenominal_participle(doc2[4])


def test_a_verb_inside_an_organisation_name_is_no_act(nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    text = "The Committee to Protect Journalists said the reporter was freed in Cairo."
    events = code(nlp, Article(text=text)).events
    assert all(e.trigger.text != "Protect" for e in events)


def test_a_word_inside_a_longer_actor_name_is_no_trigger(base, events):
    # the NER may miss a name the actor tables know ("Border Patrol"): its words are no acts
    text = "Peru praised the Border Patrol of Chile."
    doc = with_actors(base(text), {"Peru": "PER", "Border Patrol": "CHLCOP"}, per_name=True)
    assert {e.event_type for e in events(doc)._.events} == {"SUPPORT"}


# ---- a verb none of whose lexicon rows holds falls to the general layer


def test_conditional_rows_leave_the_verbs_other_senses_to_the_general_layer(base, events):
    # "put" has rows only under conditions ("put under arrest"); "put forces on alert"
    # matches none, and the CAMEO.2.0 layer codes it (a raised alert: MOBILIZE)
    evs = run(base, events, "Chile put its forces on high alert after Peru's threats.")
    assert "MOBILIZE" in {e.event_type for e in evs}


def test_a_skipped_light_verb_stays_closed_to_the_general_layer(base, events):
    # "take" is one of the layer's skipped verbs: a conditional row ("took to the
    # streets") does not open its inflected forms ("took") to the layer's patterns
    evs = run(base, events, "Chile took part in a training session with Peru.")
    assert [e for e in evs if e.method == "knowledge"] == []


def test_act_is_a_light_verb_but_as_a_go_between(base, events):
    assert run(base, events, "It is time for Gondor to act on guns and missiles.") == []
    evs = run(base, events, "Gondor acted as a mediator between Arnor and Rohan.")
    assert ("GON", "ARN", "CONSULT") in triples(evs)
