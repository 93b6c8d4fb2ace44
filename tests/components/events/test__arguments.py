"""Sources and targets of verb triggers (``components/events/_arguments.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples

pytestmark = pytest.mark.slow


def test_infinitive_subject_is_the_target_of_a_verb_without_object(base, events):
    # object control / raising: "wants Y to do Z" acts on Y
    evs = run(
        base, events, "Peru strongly backs and wants Chile to take a bigger role in the talks."
    )
    assert ("PER", "CHL", "SUPPORT") in triples(evs)


def test_own_object_wins_over_the_infinitive_subject(base, events):
    evs = run(base, events, "Peru urged Chile to support Canada.")
    assert ("PER", "CHL", "REQUEST") in triples(evs)


def test_passive_removal_takes_the_from_phrase_as_source(base, events):
    # "were expelled from X": X expels (verbs of removal, no "by" agent)
    evs = run(base, events, "Forty Chinese diplomats were expelled from Canada on Monday.")
    # the state removes through its government (``_frames.removal_state``)
    assert triples(evs) == {("CANGOV", "CHNGOV", "SANCTION")}


def test_passive_agent_still_wins_over_from(base, events):
    evs = run(base, events, "Chinese diplomats were expelled by Canada.")
    assert triples(evs) == {("CAN", "CHNGOV", "SANCTION")}


def test_passive_participle_on_an_actor_noun_targets_the_noun(base, events):
    evs = run(base, events, "Some of the Chinese diplomats expelled from Canada left on Monday.")
    assert ("CANGOV", "CHNGOV", "SANCTION") in triples(evs)


def test_infinitive_on_a_noun_takes_the_noun_owner_as_source(base, events):
    # "the Chilean decision to expel": who decides does what is decided
    evs = run(base, events, "It answered the Chilean decision to expel Chinese diplomats.")
    assert ("CHL", "CHNGOV", "SANCTION") in triples(evs)
    evs = run(base, events, "Peru's refusal to support Chile surprised Canada.")
    assert ("PER", "CHL", "SUPPORT") in triples(evs) or ("PER", "CHL", "REJECT") in triples(evs)


def test_call_on_x_to_do_controls_the_embedded_subject(base, events):
    # "called on Chile to release": Chile would release; the appeal absorbs the release
    evs = run(base, events, "Canada called on Chile and Peru to release the prisoners.")
    assert triples(evs) == {("CAN", "CHL", "REQUEST"), ("CAN", "PER", "REQUEST")}


def test_relative_pronoun_passive_subject_is_its_antecedent(base, events):
    evs = run(base, events, "Peru freed the Chinese diplomats who were arrested by Chile.")
    arrest = next(e for e in evs if e.trigger.text == "arrested")
    assert (arrest.source_code, arrest.target_code, arrest.target_text) == (
        "CHL",
        "CHNGOV",
        "the Chinese diplomats",
    )


def test_passive_verb_of_a_mutual_noun_takes_its_between_sides(base, events):
    # "a deal between X and Y was signed": the sides signed it with each other
    evs = run(base, events, "A trade deal between Peru and Chile was signed on Monday.")
    assert [(e.source_code, e.target_code, e.symmetric) for e in evs] == [("PER", "CHL", True)]


def test_someone_elses_act_on_a_mutual_noun_keeps_its_own_sides(base, events):
    # "talks between X and Y were criticised by Z": Z's act, not the sides'
    evs = run(base, events, "The talks between Peru and Chile were criticised by Canada.")
    accuse = [e for e in evs if e.event_type == "ACCUSE"]
    assert accuse and all(e.source_code == "CAN" and not e.symmetric for e in accuse)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Chilean miners threatened to close the border crossings unless Peru lowered "
            "its tariffs.",
            ("CHL", "PER", "THREATEN"),
        ),
        (
            "Canada threatened to leave the trade talks if Peru raises its duties.",
            ("CAN", "PER", "THREATEN"),
        ),
    ],
)
def test_a_threat_without_object_targets_the_subject_of_its_condition(base, events, text, triple):
    assert triple in triples(run(base, events, text))


def test_a_relative_clause_subject_does_not_take_its_own_object(base, events):
    # "countries that expelled Chinese diplomats": the diplomats are the target, never
    # the actor of the countries' phrase
    evs = run(base, events, "Peru criticised the countries that expelled Chinese diplomats.")
    expelled = {(s, t) for s, t, kind in triples(evs) if kind == "SANCTION"}
    assert expelled == {(None, "CHNGOV")}


# ---- a threat voiced by a speaker ("X will face consequences, Y said"): source=speaker


def test_speaker_of_a_reported_prospect_is_the_source(base, events):
    assert ("CHL", "PER", "THREATEN") in triples(
        run(base, events, "Chile said on Monday that Peru would face consequences.")
    )
    assert ("CHL", "PER", "THREATEN") in triples(
        run(base, events, "Peru will face grave consequences, Chile said.")
    )


def test_a_narrated_prospect_has_no_speaker_and_no_threat(base, events):
    assert run(base, events, "Peru will face grave consequences from the drought.") == []


def test_praise_for_an_act_is_praise_of_its_doer(base, events):
    evs = run(base, events, "Chile thanked Peru for supporting Norway.")
    assert ("PER", "NOR", "SUPPORT") in triples(evs)
    assert ("CHL", "PER", "SUPPORT") in triples(evs)


def test_the_possessor_of_the_object_is_the_target(base, events):
    assert ("CHL", "PER", "ACCUSE") in triples(
        run(base, events, "Chile criticised Peru's decision.")
    )


def test_a_conjunct_clause_with_its_own_subject_shares_no_object(nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    text = "Iran still threatens to destroy Israel, and Hezbollah has amassed rockets."
    threat = next(e for e in code(nlp, Article(text=text)).events if e.event_type == "THREATEN")
    assert threat.target_code == "ISR"


def test_the_source_of_an_according_to_phrase_is_never_the_target(base, events):
    # "arrested three journalists, according to X": X reports the arrest, it is not held
    evs = run(base, events, "Peru arrested three journalists on Monday, according to Chile.")
    assert [(e.source_code, e.target_code) for e in evs] == [("PER", None)]


def test_a_relative_clause_on_coordinated_actors_is_done_by_all_of_them(base, events):
    # the parser hangs "which ..." on the last conjunct: "Peru and Chile, which ..."
    evs = run(base, events, "Peru and Chile, which condemned Canada on Monday, met in Lima.")
    accuse = {(e.source_code, e.target_code) for e in evs if e.event_type == "ACCUSE"}
    assert accuse == {("PER", "CAN"), ("CHL", "CAN")}


def test_a_verb_joined_to_a_reported_clause_with_no_actor_is_the_speakers(base, events):
    # the parser joins "called" to "showed": the findings call on no one, Peru does
    evs = run(base, events, "Peru said the findings showed negligence and called on Chile to act.")
    requests = [e for e in evs if e.event_type == "REQUEST"]
    assert [(e.source_code, e.target_code) for e in requests] == [("PER", "CHL")]


def test_a_verbal_act_beside_a_denial_is_the_denier_s(base, events):
    # "had entered" has its auxiliary; "accused" is finite: the denier accuses
    evs = run(
        base,
        events,
        "Peru denied that Chilean troops had entered Peruvian waters and accused Canada "
        "of spreading rumours.",
    )
    assert ("PER", "CAN", "ACCUSE") in triples(evs)


def test_an_act_beside_a_reported_perfect_stays_the_reported_subject_s(base, events):
    # "had crossed ... and attacked": one verb phrase of the troops, not Peru's act
    evs = run(
        base, events, "Peru said that Chilean troops had crossed the border and attacked Canada."
    )
    assert ("PER", "CAN", "ASSAULT") not in triples(evs)


def test_called_on_controls_and_a_bare_call_is_the_callers_purpose(base, events):
    evs = run(base, events, "Peru called on Chile to release the prisoners.")
    assert ("PER", "CHL", "REQUEST") in triples(evs)
    evs = run(base, events, "Peru called Chile to praise Canada.")
    assert ("PER", "CAN", "SUPPORT") in triples(evs)
    assert ("CHL", "CAN", "SUPPORT") not in triples(evs)


def test_a_closing_apposition_parsed_as_an_object_does_not_act(base, events):
    # "..., the latest in a series of clashes": no second accused, no second attacker
    evs = run(
        base,
        events,
        "Peru accused Chile on Monday of shelling a Canadian ship near the coast, the "
        "latest in a series of clashes.",
    )
    assaults = [e for e in evs if e.event_type == "ASSAULT"]
    assert {e.source_code for e in assaults} == {"CHL"}


def test_present_participle_on_an_actor_noun_is_the_nouns_act(base, events):
    # "a man blowing himself up", "soldiers attacking X": the noun the participle
    # modifies does the act, as a relative clause's antecedent would
    evs = run(base, events, "The report named a Chilean officer accusing Peru of spying.")
    assert ("CHL", "PER", "ACCUSE") in triples(evs)
    evs = run(base, events, "Police arrested a Chilean man threatening Peru's consul.")
    assert any(e.source_code == "CHL" and e.event_type == "THREATEN" for e in evs)
    # a participle on a noun that names no actor has no source from it
    evs = run(base, events, "It was a campaign attacking Peru over the border.")
    assert all(e.source_code is None for e in evs if e.trigger.text == "attacking")
    # on the subject of a verb, the participle is the manner of the subject's own act
    evs = run(base, events, "Chilean troops firing shots attacked Peru on Monday.")
    assert all(e.source_code is None for e in evs if e.trigger.text == "firing")
