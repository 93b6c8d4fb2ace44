"""Harm and danger no political actor does (``components/events/_mishaps.py``), on
sentences written for these tests; actors come from the harness table."""

from __future__ import annotations

import pytest

from components.events.harness import run, with_actors

pytestmark = pytest.mark.slow


def _types(evs: list) -> set[str]:
    return {e.event_type for e in evs}


def test_an_animal_is_no_actor(base, events):
    assert _types(run(base, events, "A shark attacked a swimmer off the coast of Gondor.")) == set()
    assert _types(run(base, events, "A bear killed a hiker in Arnor.")) == set()


def test_a_disease_and_a_heat_wave_are_hazards(base, events):
    assert (
        _types(run(base, events, "The flu has killed 800 people in Gondor this winter.")) == set()
    )
    assert _types(run(base, events, "A heat wave has killed dozens of people in Arnor.")) == set()


def test_a_hazard_in_a_passive_is_no_actor(base, events):
    assert _types(run(base, events, "The harvest of Gondor was threatened by the storm.")) == set()


def test_a_mishap_is_no_assault(base, events):
    assert (
        _types(run(base, events, "A stampede at a festival in Gondor killed 15 people.")) == set()
    )
    assert (
        _types(run(base, events, "A gas explosion at a mine in Arnor killed 18 miners.")) == set()
    )


def test_an_accident_verb_s_casualty_clause_is_no_assault(base, events):
    evs = run(base, events, "The plane crashed shortly after take-off, killing all 150 people.")
    assert _types(evs) == set()
    evs = run(base, events, "A ferry capsized off Gondor, killing 40 passengers and injuring 12.")
    assert _types(evs) == set()
    evs = run(base, events, "The pilot was killed when his small plane crashed in a field.")
    assert _types(evs) == set()


def test_a_weapon_or_an_attacker_is_no_accident(base, events):
    text = "A missile crashed into a house in Gondor, killing three Chilean children."
    evs = run(base, events, text)
    assert "ASSAULT" in _types(evs)
    text = "The bomber drove his car into the checkpoint, killing five Chilean soldiers."
    evs = run(base, events, text)
    assert "ASSAULT" in _types(evs)
    assert "ASSAULT" in _types(run(base, events, "A car bomb killed five soldiers in Gondor."))


def test_a_warning_of_what_may_happen_is_no_threat(base, events):
    assert _types(run(base, events, "Gondor warned that inflation could rise further.")) == set()
    evs = run(base, events, "Gondor warned that antibiotic resistance is a growing threat.")
    assert _types(evs) == set()
    assert _types(run(base, events, "Gondor warned of heavy snow this weekend.")) == set()
    evs = run(base, events, "Gondor warned that the famine could kill millions.")
    assert "THREATEN" not in _types(evs)


def test_a_warning_of_the_warner_s_own_act_stays_a_threat(base, events):
    assert "THREATEN" in _types(run(base, events, "Gondor warned that it would retaliate."))
    evs = run(base, events, "Gondor warned that any attack would be met with force.")
    assert "THREATEN" in _types(evs)


def test_blame_laid_on_a_thing_blames_no_one(base, events):
    evs = run(base, events, "Gondor's police blamed the accident on the bad weather.")
    assert "ACCUSE" not in _types(evs)
    evs = run(base, events, "Officials in Gondor blamed the collapse on poor construction.")
    assert "ACCUSE" not in _types(evs)


def test_blame_laid_on_an_actor_stays(base, events):
    assert "ACCUSE" in _types(run(base, events, "Gondor blamed the bombing on Arnor."))


def test_no_one_is_no_participant(base, events):
    assert _types(run(base, events, "The fire department said no one was injured.")) == set()


def test_harm_in_a_mishap_is_no_assault(base, events):
    evs = run(base, events, "Two teenagers were injured in a car crash in Gondor.")
    assert "ASSAULT" not in _types(evs)


def test_a_quoted_warning_about_a_state_of_things_is_no_threat(base, events):
    evs = run(base, events, '"The economy is in trouble," the former minister of Gondor warned.')
    assert "THREATEN" not in _types(evs)


def test_a_warning_that_there_will_be_consequences_stays_a_threat(base, events):
    evs = run(base, events, "Gondor warned Arnor that there would be consequences.")
    assert "THREATEN" in _types(evs)


def test_an_animal_acted_on_is_no_party(base, events):
    evs = run(base, events, "The leopard was captured by forest officials of Gondor.")
    assert _types(evs) == set()


def test_a_hazard_fought_is_no_adversary(base, events):
    evs = run(base, events, "Gondor launched a vaccination campaign against polio.")
    assert _types(evs) == set()


def test_opening_fire_somewhere_stays_an_attack(base, events):
    evs = run(base, events, "Soldiers of Gondor opened fire in a church in Arnor.")
    assert "ASSAULT" in _types(evs)


def test_a_collision_of_vehicles_is_no_assault(base, events):
    evs = run(base, events, "The train hit a bus at a level crossing in Gondor.")
    assert _types(evs) == set()


def test_a_vehicle_shot_down_by_an_actor_stays(base, events):
    evs = run(base, events, "Rebels from Arnor shot down a helicopter of Gondor.")
    assert "ASSAULT" in _types(evs)


def test_the_lead_example_on_the_whole_pipeline():
    import dotterel

    text = "The plane crashed shortly after take-off, killing all 150 people on board."
    assert dotterel.code_text(text, date="2018-04-05").events == []


def test_a_warned_response_or_harm_by_sanctions_stays_a_threat(base, events):
    evs = run(base, events, "Gondor warned that its response would be swift.")
    assert "THREATEN" in _types(evs)
    evs = run(base, events, "Gondor warned that sanctions would hit the economy of Arnor.")
    assert "THREATEN" in _types(evs)


def test_a_named_storm_and_it_after_a_storm_are_hazards(base, events):
    evs = run(base, events, "Typhoon Mangkhut slammed into Gondor. It killed at least 30 people.")
    assert _types(evs) == set()


def test_it_after_an_actor_stays_an_actor(base, events):
    evs = run(base, events, "The army of Gondor entered the town. It killed 30 Chilean rebels.")
    assert "ASSAULT" in _types(evs)


def test_a_bus_carrying_pilgrims_is_a_vehicle(base, events):
    text = "A bus carrying pilgrims plunged off a road in Gondor, killing 44 people."
    assert _types(run(base, events, text)) == set()


def test_a_bulletin_issued_to_no_actor_is_no_threat(base, events):
    evs = run(base, events, "The weather office of Gondor issued a red warning for the north.")
    assert "THREATEN" not in _types(evs)


def test_a_warning_issued_to_an_actor_stays_a_threat(base, events):
    evs = run(base, events, "Gondor issued a warning to Arnor over its missile tests.")
    assert "THREATEN" in _types(evs)


def test_fire_someone_shoots_is_no_hazard(base, events):
    evs = run(base, events, "Fire from Gondor's forces killed three civilians in Arnor.")
    assert "ASSAULT" in _types(evs)
    assert "ASSAULT" in _types(run(base, events, "Rebel fire killed two soldiers of Gondor."))


def test_a_forest_fire_is_a_hazard(base, events):
    assert _types(run(base, events, "A forest fire killed twelve people in Gondor.")) == set()


def test_a_conditional_warning_is_a_deterrent(base, events):
    evs = run(base, events, "Gondor warned that oil prices would soar if sanctions were imposed.")
    assert "THREATEN" in _types(evs)


# ---- a warning of an outcome is a forecast, a warning to someone a threat


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean food agency warned that supplies would run out by July.",
        "Defenders of the policy warn that cutting the budget would embolden Peru.",
    ],
)
def test_a_warning_of_an_outcome_is_a_forecast(base, events, text):
    assert "THREATEN" not in _types(run(base, events, text))


def test_a_warning_to_an_actor_stays_a_threat(base, events):
    assert "THREATEN" in _types(run(base, events, "Chile warned Peru that it would pay a price."))


def test_an_actor_named_after_a_building_is_no_vehicle(base, events):
    # "the White House" heads on "House", a structure noun of collisions; a coded actor
    # is never the vehicle of an accident
    doc = with_actors(
        base("The White House pushed back against the charges."), {"White House": "USAGOV"}
    )
    assert "REJECT" in _types(events(doc)._.events)


def test_a_cease_fire_is_no_fire(base, events):
    evs = run(base, events, "Peru and Chile agreed to extend a cease-fire.")
    assert any(e.event_type == "AGREE" for e in evs)
