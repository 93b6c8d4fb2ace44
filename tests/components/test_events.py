"""Tests for the events component on sentences written for these tests.

The component is run on its own after the base spaCy model, with the actor mentions set by
hand (``with_actors``), so that these tests exercise the event logic and not the actor
coder. One end-to-end test runs the whole pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.events import harness
from dotterel.components.events import EventsComponent, TriggerLexicon
from dotterel.extensions import article_of
from dotterel.model import Actor, Event, Mention

pytestmark = pytest.mark.slow

ACTORS = {
    "Iran": "IRN",
    "Russia": "RUS",
    "Syria": "SYR",
    "Turkey": "TUR",
    "Gondor": "GON",
    "Arnor": "ARN",
    "the rebels": "REB",
    "the Taliban": "TAL",
    "Taliban": "TAL",
}


def with_actors(doc: Doc, table: dict[str, str] = ACTORS) -> Doc:
    """Mark every occurrence of the table's names as a mention of one actor per code."""
    return harness.with_actors(doc, table)


def run(base: Language, events: EventsComponent, text: str) -> list[Event]:
    doc = with_actors(base(text))
    return events(doc)._.events


def triples(evs: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source_code, e.target_code, e.event_type) for e in evs}


def test_active_verb_codes_source_target_and_constants(base, events):
    evs = run(base, events, "Russia attacked Syria on Monday.")
    assert triples(evs) == {("RUS", "SYR", "ASSAULT")}
    e = evs[0]
    assert e.cameo.startswith("19")
    assert e.quad_class == 4
    assert e.goldstein == -10.0
    assert e.trigger.text == "attacked"
    assert e.sentence.text.startswith("Russia attacked")
    assert e.method == "lexicon"
    assert not e.negated and e.modality == "asserted"


def test_ids_are_article_id_and_event_number(base, events):
    doc = with_actors(base("Russia attacked Syria. Turkey condemned Russia."))
    evs = events(doc)._.events
    art = article_of(doc)
    assert [e.id for e in evs] == [f"{art.id}-e{i}" for i in range(len(evs))]


def test_passive_voice_takes_the_agent_as_source(base, events):
    evs = run(base, events, "Syria was attacked by Russia.")
    assert ("RUS", "SYR", "ASSAULT") in triples(evs)


def test_prepositional_targets(base, events):
    assert ("IRN", "SYR", "AID") in triples(run(base, events, "Iran lent support to Syria."))
    assert ("TUR", "RUS", "CONSULT") in triples(
        run(base, events, "Turkey held talks with Russia in Ankara.")
    )


def test_object_of_verb_with_a_with_phrase_is_the_target(base, events):
    evs = run(base, events, "Iran is providing the rebels with weapons and money.")
    assert ("IRN", "REB", "AID") in triples(evs)
    assert any(e.cameo and e.cameo.startswith("07") for e in evs)


def test_xcomp_chain_borrows_the_subject(base, events):
    evs = run(base, events, "Arnor is about to restore diplomatic ties with Gondor.")
    assert {(e.source_code, e.target_code) for e in evs} == {("ARN", "GON")}


def test_noun_event_with_actor_modifier(base, events):
    evs = run(base, events, "The October Taliban assault in the north surprised everyone.")
    assault = [e for e in evs if e.trigger.text == "assault"]
    assert assault and assault[0].source_code == "TAL"
    assert assault[0].event_type == "ASSAULT"


def test_light_verb_and_event_noun_make_one_event(base, events):
    evs = run(base, events, "Russia launched an offensive against the rebels.")
    assert triples(evs) == {("RUS", "REB", "ASSAULT")}


def test_compound_actors_give_one_event_per_pair(base, events):
    evs = run(base, events, "Iran and Russia attacked the rebels.")
    assert triples(evs) == {("IRN", "REB", "ASSAULT"), ("RUS", "REB", "ASSAULT")}


def test_reciprocal_compound_subject_is_one_symmetric_event(base, events):
    evs = run(base, events, "Turkey and Syria signed an agreement on Friday.")
    assert [(e.source_code, e.target_code, e.symmetric) for e in evs] == [("TUR", "SYR", True)]


def test_several_events_in_one_clause(base, events):
    evs = run(base, events, "Russia attacked and occupied Gondor.")
    assert {e.trigger.text for e in evs} == {"attacked", "occupied"}
    assert all(e.target_code == "GON" for e in evs)


def test_negation(base, events):
    (e,) = run(base, events, "Russia did not attack Syria.")
    assert e.negated is True


def test_future_is_intended_and_typed_as_intent_or_threat(base, events):
    (coop,) = run(base, events, "Turkey will support Syria.")
    assert coop.modality == "intended"
    assert coop.event_type == "AGREE" and coop.cameo.startswith("03")
    (conflict,) = run(base, events, "Russia will attack Gondor next week.")
    assert conflict.modality == "intended"
    assert conflict.event_type == "THREATEN"


def test_plans_to_is_intended(base, events):
    evs = run(base, events, "Turkey plans to impose sanctions on Syria.")
    assert evs and all(e.modality == "intended" for e in evs)


def test_conditional_is_hypothetical(base, events):
    evs = run(base, events, "Russia could attack Syria if the talks fail.")
    attack = [e for e in evs if e.trigger.text == "attack"]
    assert attack and attack[0].modality == "hypothetical"


def test_hedges(base, events):
    (e,) = run(base, events, "Iran reportedly sent weapons to Syria.")
    assert e.modality == "hedged"
    evs = run(base, events, "Iran appears to be arming the rebels.")
    assert any(e.modality == "hedged" and e.event_type == "AID" for e in evs)


def test_denial_gives_a_reject_and_a_denied_claim(base, events):
    evs = run(base, events, "Iran denies arming the rebels.")
    reject = [e for e in evs if e.event_type == "REJECT"]
    claim = [e for e in evs if e.event_type == "AID"]
    assert reject and reject[0].source_code == "IRN" and reject[0].modality == "asserted"
    assert claim and claim[0].modality == "denied"
    assert (claim[0].source_code, claim[0].target_code) == ("IRN", "REB")


def test_denial_with_co_subject(base, events):
    evs = run(base, events, "Syria, like its partner Turkey, denies giving support to the rebels.")
    rejects = {e.source_code for e in evs if e.event_type == "REJECT"}
    denied = {(e.source_code, e.target_code) for e in evs if e.modality == "denied"}
    assert rejects == {"SYR", "TUR"}
    assert denied == {("SYR", "REB"), ("TUR", "REB")}


def test_accusation_targets_the_accused(base, events):
    evs = run(base, events, "Turkey accused Iran of arming the rebels.")
    assert ("TUR", "IRN", "ACCUSE") in triples(evs)
    armed = [e for e in evs if e.event_type == "AID"]
    assert armed and armed[0].source_code == "IRN" and armed[0].modality != "asserted"


def test_second_object_of_an_accusation_or_appeal(base, events):
    doc = with_actors(base("Turkey urged Russia to attack the rebels."))
    evs = events(doc)._.events
    reb = next(a.id for a in doc._.actors if a.code == "REB")
    (e,) = evs
    assert (e.source_code, e.target_code, e.event_type) == ("TUR", "RUS", "REQUEST")
    assert e.other_actor_id == reb


def test_said_must_is_a_demand_of_the_subject(base, events):
    evs = run(base, events, "Turkey said that Syria must release the prisoners.")
    assert [(e.source_code, e.target_code, e.event_type) for e in evs] == [
        ("TUR", "SYR", "REQUEST")
    ]


def test_reported_would_is_an_intention(base, events):
    # a planned reduction of relations keeps its own type (events guide: "future")
    (e,) = run(base, events, "Turkey said it would impose sanctions on Syria.")
    assert e.modality == "intended"
    assert e.cameo == "163" and e.event_type != "THREATEN"


def test_conditional_sanctions_are_a_threat(base, events):
    text = "Turkey would impose sanctions on Syria if Syria closed the border."
    assert [(e.event_type, e.modality) for e in run(base, events, text)] == [
        ("THREATEN", "hypothetical")
    ]


def test_refusal_composes_with_what_is_refused(base, events):
    (e,) = run(base, events, "Syria refused to negotiate with Turkey.")
    assert e.event_type == "REJECT"
    assert e.cameo == "125"
    assert (e.source_code, e.target_code) == ("SYR", "TUR")


def test_demand_that_targets_the_one_asked(base, events):
    evs = run(base, events, "Turkey demanded that Syria release the prisoners.")
    assert evs[0].event_type == "REQUEST"
    assert (evs[0].source_code, evs[0].target_code) == ("TUR", "SYR")


def test_condition_on_a_missing_object(base, events):
    evs = run(base, events, "Students from Syria demonstrated in Ankara.")
    assert [e.event_type for e in evs] == ["PROTEST"]
    assert run(base, events, "The report demonstrated the failure of the plan.") == []


def test_reporting_verbs_are_not_events(base, events):
    assert run(base, events, "Turkey said the weather in Ankara was fine.") == []


def test_missing_actors_keep_the_words(base, events):
    (e,) = run(base, events, "Unknown gunmen attacked the rebels.")
    assert e.source_code is None and e.source_text == "Unknown gunmen"
    assert e.target_code == "REB"
    # with no coded actor on either side there is no dyad and no event
    assert run(base, events, "Unknown gunmen attacked a village.") == []


def test_unparsed_doc_gets_an_empty_list(base, events):
    doc = base.make_doc("Russia attacked Syria.")
    assert events(doc)._.events == []


def test_verb_dictionary_is_consulted_first(base, tmp_path: Path):
    path = tmp_path / "verbs.txt"
    path.write_text(
        "--- ATTACK [190] ---\nATTACK\n- * {WITH ROCKETS} [195]\n",
        encoding="utf-8",
    )
    comp = EventsComponent(base, "dotterel_events")
    comp.load_verbs([path])
    evs = comp(with_actors(base("Russia attacked Syria with rockets.")))._.events
    assert [(e.cameo, e.method) for e in evs] == [("195", "dictionary")]


def test_event_nouns_are_off_with_verb_dictionaries_unless_asked(base, tmp_path: Path):
    path = tmp_path / "verbs.txt"
    path.write_text("--- CONDEMN [111] ---\nCONDEMN\n", encoding="utf-8")
    text = "Turkey condemned the Russian offensive against Syria."
    for nouns, expected in ((None, {"condemned"}), (True, {"condemned", "offensive"})):
        comp = EventsComponent(base, "dotterel_events", nouns=nouns)
        comp.load_verbs([path])
        evs = comp(with_actors(base(text), {**ACTORS, "Russian": "RUS"}))._.events
        assert {e.trigger.text for e in evs} == expected


def test_lexicon_rows_with_conditions_win(base):
    lex = TriggerLexicon.load()
    doc = base("Turkey imposed sanctions on Syria.")
    row = lex.match(doc[1], "VERB")
    assert row is not None and row.code == "163"
    plain = lex.match(base("Turkey imposed a tax.")[1], "VERB")
    assert plain is None or plain.code is None


def test_lexicon_is_consistent():
    """Every code is a CAMEO code of the table; no lemma has two unconditional rows."""
    from dotterel.cameo import load_table

    table = load_table()
    for key, rows in TriggerLexicon.load().rows.items():
        assert sum(1 for r in rows if not r.conditions) <= 1, key
        for r in rows:
            if r.code is not None:
                row = table.get(r.code)
                assert row is not None and row.code == r.code, (key, r.code)


def test_full_pipeline_runs(nlp):
    doc = nlp("Russia attacked Syria on Monday.")
    assert any(e.event_type == "ASSAULT" for e in doc._.events)


# --------------------------------------------------------------------------- PETRARCH-style
# Mechanisms that matter with user dictionaries: compound codes, lists, reciprocal
# possessives, verb-pattern target markers. The verb dictionary is written here.

PATTERNS = """\
--- CONDEMN [122] ---
CONDEMN
--- POSTPONE [191] ---
POSTPONE
--- RESCHEDULE [082] ---
RESCHEDULE
--- MEET [031:031] ---
MEET
--- WARN [160] ---
WARN
- * ^ ABOUT + [162]
"""


@pytest.fixture(scope="module")
def dict_events(base: Language, tmp_path_factory: pytest.TempPathFactory) -> EventsComponent:
    path = tmp_path_factory.mktemp("verbs") / "test.verbs.txt"
    path.write_text(PATTERNS, encoding="utf-8")
    comp = EventsComponent(base, "dotterel_events")
    comp.load_verbs([path])
    return comp


def coded(evs: list[Event]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source_code, e.target_code, e.cameo) for e in evs}


def test_compound_dictionary_code_gives_one_event_per_code(base, events):
    # a user dictionary entry "THE ALLIANCE [GON/ARN]": two mentions over the same words
    doc = with_actors(base("The Alliance attacked Syria."), {"The Alliance": "GON", "Syria": "SYR"})
    extra = Actor(id="x-a9", name="The Alliance", code="ARN")
    first = doc._.actor_mentions[0]
    doc._.actor_mentions = [
        *doc._.actor_mentions,
        Mention(
            id="x-n9",
            start=first.start,
            end=first.end,
            text=first.text,
            label="ORG",
            actor_id=extra.id,
        ),
    ]
    doc._.actors = [*doc._.actors, extra]
    evs = events(doc)._.events
    assert {(e.source_code, e.target_code) for e in evs} == {("GON", "SYR"), ("ARN", "SYR")}


def test_list_parsed_as_apposition_gives_every_member(base, dict_events):
    evs = dict_events(with_actors(base("Iran, the Taliban, Russia and Turkey condemned Syria.")))
    assert coded(evs._.events) == {(code, "SYR", "122") for code in ("IRN", "TAL", "RUS", "TUR")}


def test_their_after_a_compound_subject_is_reciprocal(base, dict_events):
    doc = with_actors(base("Gondor and Arnor postponed their meeting."), {**ACTORS, "their": "ARN"})
    evs = dict_events(doc)._.events
    assert coded(evs) == {("GON", "ARN", "191")}
    assert all(e.symmetric for e in evs)


def test_target_is_not_the_source_again(base, dict_events):
    doc = with_actors(base("Gondor rescheduled its trip in Arnor."), {**ACTORS, "its": "GON"})
    assert coded(dict_events(doc)._.events) == {("GON", "ARN", "082")}


def test_paired_code_equal_to_the_code_is_one_symmetric_event(base, dict_events):
    # PETRARCH's [031:031] codes both directions; one symmetric event stands for both
    doc = with_actors(base("Gondor will meet Arnor."))
    evs = dict_events(doc)._.events
    assert coded(evs) == {("GON", "ARN", "031")}
    assert all(e.symmetric for e in evs)


def test_pattern_target_marker_chooses_the_target(base, dict_events):
    doc = with_actors(base("Gondor warned Syria about Arnor."))
    assert coded(dict_events(doc)._.events) == {("GON", "ARN", "162")}


def test_infinitival_modifier_of_a_noun_is_not_an_event(base, events):
    evs = run(base, events, "Gondor is not a pleasant place to visit.")
    assert [e for e in evs if e.trigger.text == "visit"] == []


def test_last_resort_target_is_the_nearest_actor_of_the_phrase(base, events):
    text = "Gondor attacked the convoys moving into Arnor along the roads of the Islamic Republic."
    doc = with_actors(base(text), {"Gondor": "GON", "Arnor": "ARN", "the Islamic Republic": "IRN"})
    assert {(e.source_code, e.target_code) for e in events(doc)._.events} == {("GON", "ARN")}


def test_a_reporters_request_for_comment_is_no_request(base, events):
    assert run(base, events, "Turkey did not respond to a request for comment.") == []
    assert [e.event_type for e in run(base, events, "Syria rejected a request by Turkey.")] == [
        "REJECT"
    ]
