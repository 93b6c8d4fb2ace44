"""Sources and targets of event nouns (``components/events/_nouns.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_removal_noun_takes_its_from_phrase_as_source(base, events):
    evs = run(base, events, "The expulsion of Chinese diplomats from Canada was sudden.")
    # the state removes through its government (``_frames.removal_state``)
    assert ("CANGOV", "CHNGOV", "SANCTION") in triples(evs)


def test_support_received_is_the_givers_support(base, events):
    evs = run(base, events, "Arnor received support from Gondor.")
    assert ("GON", "ARN", "SUPPORT") in triples(evs)
    assert all(e.event_type != "AID" for e in evs)


def test_material_support_received_is_aid(base, events):
    evs = run(base, events, "Arnor received military support from Gondor.")
    assert ("GON", "ARN", "AID") in triples(evs)


def test_answer_verb_subject_is_the_target_of_an_addressed_act(base, events):
    # "X considered Y's request": the request was made of X
    evs = run(base, events, "Canada is considering Peru's request for access to the prisoner.")
    assert ("PER", "CAN", "REQUEST") in triples(evs)
    evs = run(base, events, "Chile finally bowed to Peru's demands.")
    assert ("PER", "CHL", "REQUEST") in triples(evs)


def test_answer_by_agent_of_a_passive(base, events):
    evs = run(base, events, "Peru's demand was rejected by Chile.")
    assert ("PER", "CHL", "REQUEST") in triples(evs)


def test_possessor_of_an_action_noun_without_of_is_the_patient(base, events):
    # "Peru's arrest by Chilean police": Peru is arrested; with an "of" object the
    # possessor is the agent ("Canada's expulsion of Chinese diplomats")
    evs = run(base, events, "Peru's arrest by Chilean police angered Canada.")
    assert ("CHL", "PER", "COERCE") in triples(evs)
    evs = run(base, events, "Canada's expulsion of Chinese diplomats angered Japan.")
    assert ("CAN", "CHNGOV", "SANCTION") in triples(evs)


def test_received_act_comes_from_its_doer(base, events):
    # "received a visit / threats from Y": Y acts on the receiver, whatever the act
    evs = run(base, events, "Peru received threats from Chile.")
    assert ("CHL", "PER", "THREATEN") in triples(evs)


def test_noun_target_under_its_of_object(base, events):
    # "rejection of the loan for Chile": the target hangs under the "of" object
    evs = run(base, events, "Peru's rejection of the new loan for Chile angered Canada.")
    assert ("PER", "CHL", "REJECT") in triples(evs)


def test_town_before_an_event_noun_is_its_place_not_its_actor(base, events):
    # "the Edoras bombing": a town (a place below country level) modifying the noun
    # says where it happened; the same name as a country-level actor still acts
    from components.events.harness import with_actors
    from dotterel.model import Place

    text = "Gondor condemned the Edoras bombing of Arnor troops."
    table = {"Edoras": "ROH", "Gondor": "GON", "Arnor": "ARN"}
    doc = with_actors(base(text), table, per_name=True)
    start = text.index("Edoras")
    doc._.places = [Place(id="p0", start=start, end=start + 6, text="Edoras", level="city")]
    evs = events(doc)._.events
    assert not any(e.source_code == "ROH" for e in evs)
    doc = with_actors(base(text), table, per_name=True)
    evs = events(doc)._.events
    assert any(e.source_code == "ROH" and e.event_type == "ASSAULT" for e in evs)


def test_between_phrase_gives_one_symmetric_event(base, events):
    # "talks between X and Y": no direction, the sides in text order
    evs = [e for e in run(base, events, "The talks between Peru and Chile resumed.") if e.cameo]
    assert [(e.source_code, e.target_code, e.symmetric) for e in evs] == [("PER", "CHL", True)]


def test_possessor_of_a_between_noun_acts_on_every_side(base, events):
    # "Norway's mediation between X and Y": Norway mediates, the sides are its targets
    evs = run(base, events, "Norway's mediation between Peru and Chile was praised.")
    mediation = [e for e in evs if e.trigger.text == "mediation"]
    assert {(e.source_code, e.target_code) for e in mediation} == {("NOR", "PER"), ("NOR", "CHL")}
    assert not any(e.symmetric for e in mediation)


# ---- event nouns of backing and appeals (issue 18): both sides through the governing verb


def test_of_phrase_of_a_received_act_names_its_doer(base, events):
    # "X won the endorsement of Y": Y endorses X (not X endorsing Y's words)
    evs = run(base, events, "Peru won the endorsement of Chile on Monday.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)
    evs = run(base, events, "Peru locked up endorsements from Chile and Canada.")
    assert {("CHL", "PER", "SUPPORT"), ("CAN", "PER", "SUPPORT")} <= triples(evs)


def test_indirect_object_of_a_light_verb_is_the_target(base, events):
    evs = run(base, events, "Chile gave Peru the nod for the seat.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)


def test_second_object_misparsed_as_an_apposition_keeps_both_sides(base, events):
    from components.events.harness import with_actors

    text = (
        "On Monday, two holdout unions, the United Dockworkers and the National "
        "Federation of Miners, gave Senator Maria Lopez the nod."
    )
    table = {
        "United Dockworkers": "ARNLAB",
        "National Federation of Miners": "ROHLAB",
        "Senator Maria Lopez": "GONLEG",
    }
    evs = events(with_actors(base(text), table, per_name=True))._.events
    assert {("ARNLAB", "GONLEG", "SUPPORT"), ("ROHLAB", "GONLEG", "SUPPORT")} <= triples(evs)


def test_event_noun_counted_under_a_light_verb_anchors_on_it(base, events):
    # "made dozens of requests to X": the count is the object, the noun its "of" phrase
    evs = run(base, events, "Chile has made dozens of requests to Peru for the files.")
    assert ("CHL", "PER", "REQUEST") in triples(evs)


def test_unresolved_possessive_pronoun_under_a_light_verb_is_its_subject(base, events):
    evs = run(base, events, "Chile threw its support to Peru last week.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)


def test_target_preposition_of_a_row_may_hang_on_the_light_verb(base, events):
    # "headlined a fundraiser for X": "for X" attaches to the verb, the row's target says
    # where the noun's target is
    evs = run(base, events, "The Chilean president headlined a fundraiser for Peru.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)


def test_of_phrase_of_a_received_release_is_still_who_is_released(base, events):
    # "secured the release of X": X is freed, not the one who frees
    evs = run(base, events, "Chile secured the release of the Peru fishermen.")
    assert not any(e.source_code == "PER" for e in evs)
    assert any(e.target_code == "PER" and e.event_type == "RETREAT" for e in evs)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile's criticism of Peru's fishing policy was harsh.", "ACCUSE"),
        ("Chile's support for Peru's bid was crucial.", "SUPPORT"),
        ("Chile's rejection of Peru's offer came on Monday.", "REJECT"),
    ],
)
def test_owner_of_what_a_speech_act_noun_is_about_is_its_target(base, events, text, kind):
    # as for a verb's object ("criticized Peru's policy": Peru)
    assert ("CHL", "PER", kind) in triples(run(base, events, text))


def test_speech_act_noun_about_no_actor_has_no_target(base, events):
    evs = run(base, events, "Chile's criticism of the fishing policy was harsh.")
    assert [(e.source_code, e.target_code) for e in evs] == [("CHL", None)]


def test_a_consultation_setting_the_scene_is_the_subjects(base, events):
    evs = run(base, events, "In a phone call with Peru, Chile discussed trade.")
    assert ("CHL", "PER", "CONSULT") in triples(evs)


def test_a_response_with_an_act_is_the_responders(base, events):
    evs = run(base, events, "Peru fired rockets at Chile, and Chile responded with air strikes.")
    assert any(e.event_type == "ASSAULT" and e.source_code == "CHL" for e in evs)


def test_the_request_of_someone_is_theirs(base, events):
    evs = run(base, events, "Peru sent troops at the request of Chile.")
    assert any(e.event_type == "REQUEST" and e.source_code == "CHL" for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Chilean teachers went on strike against Peru's reforms.",
        "Chilean students took part in a demonstration against Peru.",
        "Chilean activists set off on a march to the Peru embassy.",
        "Chilean farmers joined the protests against Peru.",
    ],
)
def test_a_participation_verb_s_event_noun_is_its_subject_s_act(base, events, text):
    evs = run(base, events, text)
    assert any(e.event_type == "PROTEST" and e.source_code == "CHL" for e in evs)


def test_going_on_a_trip_is_no_participation_in_an_event(base, events):
    evs = run(base, events, "The Chilean president went on a trip to Peru's beaches.")
    assert "PROTEST" not in {e.event_type for e in evs}


def test_support_one_has_or_enjoys_comes_from_its_doer(base, events):
    # "X has the support of Y", "X enjoys the backing of Y": held like a received act,
    # so the "of" phrase is who supports and the holder is supported
    evs = run(base, events, "Peru has the full support of Chile.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)
    evs = run(base, events, "Peru enjoys the backing of Chile.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)
    evs = run(base, events, "Peru had endorsements from Chile and Canada.")
    assert {("CHL", "PER", "SUPPORT"), ("CAN", "PER", "SUPPORT")} <= triples(evs)


def test_have_is_a_light_verb_over_an_event_noun(base, events):
    # "X had talks with Y": the subject of "have" holds the talks, as with "held talks"
    evs = run(base, events, "Peru had talks with Chile on Monday.")
    assert any({e.source_code, e.target_code} == {"PER", "CHL"} for e in evs)


def test_support_drawn_among_a_group_is_given_by_it(base, events):
    # "X drew / won support among Y": what X receives, the group gives
    evs = run(base, events, "Peru drew strong support among Chilean voters.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)
