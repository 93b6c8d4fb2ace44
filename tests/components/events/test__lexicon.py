"""Lexicon conditions on a trigger's object (``components/events/_lexicon.py``)."""

from __future__ import annotations

import pytest

from components.events.harness import run, triples, with_actors

pytestmark = pytest.mark.slow


def test_participle_modifier_takes_its_noun_as_object(base, events):
    # "a report released on Monday": the report is what is released, so the row that
    # excludes releasing documents applies as it does to "Chile released a report"
    evs = run(base, events, "A Chilean report released on Monday criticised Peru.")
    assert all(e.event_type != "RETREAT" for e in evs)
    evs = run(base, events, "Chilean prisoners released by Peru on Monday returned home.")
    assert ("PER", "CHL", "RETREAT") in triples(evs)


def test_relative_pronoun_object_stands_for_its_noun(base, events):
    evs = run(base, events, "Chile published a report, which was released by Peru, on Monday.")
    assert all(e.event_type != "RETREAT" for e in evs)


# ---- verbs and nouns of criticism (CAMEO 111/112): general vocabulary rows


@pytest.mark.parametrize(
    "text",
    [
        "Chile lambasted Peru over the fishing quotas.",
        "Chile blasted Peru for its handling of the strike.",
        "Chile assailed Peru in a speech on Monday.",
        "Chile excoriated Peru at the summit.",
    ],
)
def test_verbs_of_harsh_criticism_accuse(base, events, text):
    assert ("CHL", "PER", "ACCUSE") in triples(run(base, events, text))


def test_railing_against_accuses_but_a_rail_line_does_not(base, events):
    assert ("CHL", "PER", "ACCUSE") in triples(run(base, events, "Chile railed against Peru."))
    evs = run(base, events, "Chile railed its copper to the coast through Peru.")
    assert all(e.event_type != "ACCUSE" for e in evs)


def test_a_backlash_from_an_actor_is_its_criticism(base, events):
    evs = run(base, events, "The Peru plan drew a fierce backlash from Chile.")
    assert any(e.source_code == "CHL" and e.event_type == "ACCUSE" for e in evs)


def test_allegations_by_an_actor_accuse(base, events):
    evs = run(base, events, "Chile's allegations against Peru strained the talks.")
    assert ("CHL", "PER", "ACCUSE") in triples(evs)


# ---- verb senses by their object: signing a pact, rallying as a demonstration


def test_signing_a_pact_is_an_agreement_but_a_letter_is_not(base, events):
    assert ("CHL", "PER", "SUPPORT") in triples(
        run(base, events, "Chile signed a fisheries pact with Peru.")
    )
    assert run(base, events, "The Chile minister signed a letter to Peru.") == []


def test_rallying_ones_supporters_is_no_demonstration(base, events):
    assert ("CHL", "PER", "PROTEST") in triples(
        run(base, events, "Chilean miners rallied against Peru.")
    )
    evs = run(base, events, "The Chile president rallied his supporters against Peru.")
    assert all(e.event_type != "PROTEST" for e in evs)


def test_the_noun_of_a_contact_relative_clause_is_its_object(base, events):
    # "a statement its minister signed": no relative pronoun, the gap is the object
    assert run(base, events, "Chile issued a statement its minister signed on Monday.") == []
    evs = run(base, events, "The treaty Chile signed with Peru took effect.")
    assert ("CHL", "PER", "SUPPORT") in triples(evs)


def test_protecting_a_value_or_training_oneself_is_no_aid(base, events):
    assert ("CHL", "PER", "AID") in triples(
        run(base, events, "Chile moved to protect Peru's farmers from the floods.")
    )
    assert run(base, events, "Chile moved to protect its jobs from Peru.") == []
    assert run(base, events, "The Chilean envoy trained as a lawyer in Peru.") == []


# ---- political backing, appointments, legal action, weapons tests (issue 18): general
# verb and noun senses, both sides coded

#: People of the invented sentences below, each its own actor.
PEOPLE = {
    "Senator Brand": "GONLEG",
    "Governor Hale": "ROHGOV",
    "President Ord": "GONGOV",
    "Judge Vell": "GONJUD",
    "Arnor Workers Union": "ARNLAB",
    "Rohan prosecutors": "ROHJUD",
    "Chile": "CHL",
    "Peru": "PER",
}


def people_run(base, events, text: str) -> set[tuple[str | None, str | None, str]]:
    from components.events.harness import with_actors

    return triples(events(with_actors(base(text), PEOPLE, per_name=True))._.events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Arnor Workers Union endorsed Senator Brand on Tuesday.", ("ARNLAB", "GONLEG")),
        ("Governor Hale campaigned for Senator Brand in the north.", ("ROHGOV", "GONLEG")),
        ("President Ord campaigned with Senator Brand last week.", ("GONGOV", "GONLEG")),
        ("President Ord headlined a fundraiser for Senator Brand.", ("GONGOV", "GONLEG")),
        ("Governor Hale threw his support to Senator Brand.", ("ROHGOV", "GONLEG")),
        ("Governor Hale threw his support behind Senator Brand.", ("ROHGOV", "GONLEG")),
    ],
)
def test_political_backing_supports_the_candidate(base, events, text, expected):
    assert (*expected, "SUPPORT") in people_run(base, events, text)


@pytest.mark.parametrize(
    "text",
    [
        "President Ord appointed Judge Vell to the high court.",
        "President Ord nominated Judge Vell for the post.",
        "President Ord elevated Judge Vell to the cabinet.",
        "President Ord gave Judge Vell a plum appointment.",
    ],
)
def test_appointing_someone_to_an_office_supports_them(base, events, text):
    # CAMEO.2.0 codes naming or promoting someone to a post as 051 (endorse)
    assert ("GONGOV", "GONJUD", "SUPPORT") in people_run(base, events, text)


def test_naming_a_mediator_or_a_panel_keeps_its_own_code(base, events):
    evs = run(base, events, "Chile appointed a commission to look into the Peru border.")
    assert all(e.event_type != "SUPPORT" for e in evs)


def test_campaigning_against_disapproves_and_for_a_release_demands(base, events):
    assert ("CHL", "PER", "ACCUSE") in triples(
        run(base, events, "Chile campaigned against Peru for years.")
    )
    evs = run(base, events, "Chile campaigned for the release of the Peru fishermen.")
    assert all(e.event_type != "SUPPORT" for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Rohan prosecutors indicted Governor Hale on charges of bribery.",
        "Rohan prosecutors filed charges against Governor Hale.",
        "Rohan prosecutors brought charges against Governor Hale.",
        "Rohan prosecutors filed a lawsuit against Governor Hale.",
        "Rohan prosecutors sued Governor Hale over the dam.",
    ],
)
def test_legal_action_accuses_the_defendant(base, events, text):
    assert ("ROHJUD", "ROHGOV", "ACCUSE") in people_run(base, events, text)


@pytest.mark.parametrize(
    "text",
    [
        "Gondor tested a ballistic missile on Sunday.",
        "Gondor test-fired a ballistic missile on Sunday.",
        "Gondor conducted a nuclear test on Sunday.",
    ],
)
def test_weapons_tests_demonstrate_military_power(base, events, text):
    evs = run(base, events, text)
    assert any(e.source_code == "GON" and e.event_type == "MOBILIZE" for e in evs)
    assert all(e.event_type != "ASSAULT" for e in evs)


def test_a_test_of_something_else_is_no_event(base, events):
    assert run(base, events, "Gondor tested the new voting machines on Sunday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Chile said Peru would face serious consequences if it attacked.",
        "Peru will face grave consequences, Chile said.",
        "Chile warned that Peru will face grave consequences.",
    ],
)
def test_facing_consequences_is_the_speakers_threat(base, events, text):
    assert ("CHL", "PER", "THREATEN") in triples(run(base, events, text))


def test_facing_consequences_with_no_speaker_is_no_threat(base, events):
    assert run(base, events, "Peru faces serious consequences after the floods.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who is asked to release them is who holds them (``_implicit``): the government
        ("Chile renewed its calls for the release of the Peru fishermen.", ("CHL", "PERGOV")),
        ("Chile issued a call upon Peru to end the blockade.", ("CHL", "PER")),
    ],
)
def test_a_call_for_an_act_is_an_appeal(base, events, text, expected):
    assert (*expected, "REQUEST") in triples(run(base, events, text))


def test_campaigning_for_an_office_is_running_not_backing(base, events):
    evs = run(base, events, "The Chilean senator campaigned for president in Peru.")
    assert all(e.event_type != "SUPPORT" for e in evs)


def test_a_warning_to_someone_threatens_them_a_storm_warning_does_not(base, events):
    assert ("CHL", "PER", "THREATEN") in triples(
        run(base, events, "Chile's warning to Peru was clear.")
    )
    assert ("CHL", "PER", "ACCUSE") in triples(
        run(base, events, "Chile's warning against Peru's dam plan was ignored.")
    )
    assert run(base, events, "A flood warning for Chile remained in force.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean foreign minister spoke by phone with Peru on Monday.",
        "Chile held phone talks with Peru.",
    ],
)
def test_speaking_by_phone_is_a_telephone_consultation(base, events, text):
    evs = run(base, events, text)
    assert any(e.event_type == "CONSULT" and e.target_code == "PER" for e in evs)


def test_mediating_is_mediation_an_offer_to_mediate_an_intent(base, events):
    done = run(base, events, "Norway mediated between Chile and Peru.")
    assert {("NOR", "CHL", "CONSULT"), ("NOR", "PER", "CONSULT")} <= triples(done)
    offered = run(base, events, "Norway offered to mediate between Chile and Peru.")
    assert {e.event_type for e in offered} == {"AGREE"}


def test_boosting_cooperation_is_the_cooperation(base, events):
    evs = run(base, events, "Chile and Peru agreed to boost defence cooperation.")
    agreed = [e for e in evs if e.event_type == "AGREE"]
    assert len(agreed) == 1 and agreed[0].symmetric
    assert {agreed[0].source_code, agreed[0].target_code} == {"CHL", "PER"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile placed the Peru envoy under house arrest.", "COERCE"),
        ("Chile shut down the internet in Peru.", "COERCE"),
        ("Chile froze the assets of Peru.", "COERCE"),
        ("Chile and Peru held joint naval drills.", "COOPERATE"),
        ("Chile approved a loan for Peru.", "AID"),
        ("Chile put Peru under investigation.", "ACCUSE"),
    ],
)
def test_restrictions_drills_and_loans(base, events, text, expected):
    assert expected in {e.event_type for e in run(base, events, text)}


def test_offering_condolences_is_no_offer(base, events):
    assert run(base, events, "Chile offered condolences to Peru.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile lauded Peru for its help.", ("CHL", "PER", "SUPPORT")),
        ("Chile thanked Peru for the invitation.", ("CHL", "PER", "SUPPORT")),
        ("Chile sent 200 doctors to Peru.", ("CHL", "PER", "AID")),
        ("Chilean police used tear gas on students from Peru.", ("CHL", "PER", "ASSAULT")),
    ],
)
def test_praise_medical_aid_and_repression(base, events, text, expected):
    assert expected in triples(run(base, events, text))


def test_fighting_a_social_ill_is_no_fight(base, events):
    evs = run(base, events, "Chile is fighting corruption.")
    assert "ASSAULT" not in {e.event_type for e in evs}


def test_walking_out_is_dissent(base, events):
    assert "PROTEST" in {e.event_type for e in run(base, events, "Chile walked out of the talks.")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile attaches great importance to its partnership with Peru.",
            ("CHL", "PER", "SUPPORT"),
        ),
        ("Chile will work closely with Peru on trade.", ("CHL", "PER", "AGREE")),
        ("Chile paid a courtesy call on Peru.", ("CHL", "PER", "CONSULT")),
        ("Chile paid a visit to Peru last week.", ("CHL", "PER", "CONSULT")),
    ],
)
def test_diplomatic_formulas(base, events, text, expected):
    assert expected in triples(run(base, events, text))


def test_releasing_documents_is_no_release_of_people(base, events):
    evs = run(base, events, "Chile urged Peru to release its tax returns.")
    assert all(e.cameo is None or not e.cameo.startswith(("0841", "0253")) for e in evs)


def test_fighting_for_people_is_advocacy(base, events):
    assert run(base, events, "Chile will fight for working families.") == []


def test_calling_something_a_name_appeals_to_no_one(base, events):
    evs = run(base, events, "Chile called the verdict an attack on free speech.")
    assert "REQUEST" not in {e.event_type for e in evs}


def test_appealing_against_a_ruling_rejects_it(base, events):
    evs = run(base, events, "Chile appealed against the ruling of the Peru court.")
    assert "REJECT" in {e.event_type for e in evs}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile declared a state of emergency in the north.", "COERCE"),
        ("Chilean soldiers opened fire on Peru protesters.", "ASSAULT"),
        ("Chile opened an investigation into Peru's role.", "ACCUSE"),
        ("Chile called for Peru to be punished.", "REQUEST"),
    ],
)
def test_emergencies_fire_investigations_and_for_to_calls(base, events, text, expected):
    assert expected in {e.event_type for e in run(base, events, text)}


def test_faulting_criticises(base, events):
    evs = run(base, events, "Chile faulted Peru for the delay.")
    assert ("CHL", "PER", "ACCUSE") in triples(evs)


def test_firing_rockets_attacks_firing_missiles_into_the_sea_shows_force(base, events):
    assert "ASSAULT" in {e.event_type for e in run(base, events, "Peru fired rockets at Chile.")}
    evs = run(base, events, "Peru fired two missiles into the sea.")
    assert {e.event_type for e in evs} == {"MOBILIZE"}


def test_blocking_a_measure_rejects_it_blocking_a_road_protests(base, events):
    blocked = run(base, events, "Chile blocked Peru's resolution.")
    assert ("CHL", "PER", "REJECT") in triples(blocked)
    evs = run(base, events, "Protesters from Peru blocked roads in Chile.")
    assert "PROTEST" in {e.event_type for e in evs}


def test_pulling_troops_out_retreats_handing_over_suspects_cooperates(base, events):
    pulled = run(base, events, "Chile pulled its troops out of Peru.")
    assert "RETREAT" in {e.event_type for e in pulled}
    evs = run(base, events, "Chile handed over the suspects to Peru.")
    assert ("CHL", "PER", "COOPERATE") in triples(evs)


def test_attacking_armed_positions_is_an_assault_attacking_a_stance_criticises(base, events):
    fired = run(base, events, "Peru attacked rebel positions near the border.")
    assert {e.event_type for e in fired} == {"ASSAULT"}
    evs = run(base, events, "Peru attacked Chile's position on the treaty.")
    assert {e.event_type for e in evs} == {"ACCUSE"}


def test_blocking_aid_restricts_movement(base, events):
    evs = run(base, events, "Peru blocked food deliveries to Chile.")
    assert [e.cameo for e in evs] == ["191"]


def test_summoning_an_envoy_complains_to_his_state(base, events):
    doc = with_actors(
        base("Peru summoned the Chilean ambassador in protest."),
        {"Peru": "PER", "Chilean ambassador": "CHLGOV"},
    )
    evs = events(doc)._.events
    assert [(e.cameo, e.target_code) for e in evs] == [("114", "CHLGOV")]


def test_removing_a_leader_from_office_cuts_him_off_removing_a_crowd_does_not(base, events):
    evs = run(base, events, "Peru's parliament removed the Chilean president from office.")
    assert [e.cameo for e in evs] == ["160"]
    assert run(base, events, "Peru removed the barricades from the square.") == []


def test_being_sworn_in_is_no_pledge(base, events):
    assert run(base, events, "Peru's new president was sworn in on Monday.") == []


def test_tear_gas_fired_at_a_crowd_is_violent_repression_of_the_crowd(base, events):
    evs = run(base, events, "Peru fired tear gas at Chilean demonstrators.")
    assert [(e.cameo, e.target_code) for e in evs] == [("175", "CHL")]


def test_ordering_troops_somewhere_deploys_them_ordering_a_body_to_act_demands(base, events):
    assert [e.cameo for e in run(base, events, "Peru ordered troops into Chile.")] == ["154"]
    evs = run(base, events, "Peru ordered Chile to withdraw its troops.")
    assert "REQUEST" in {e.event_type for e in evs}


def test_harassing_people_coerces_them(base, events):
    evs = run(base, events, "Peru harassed Chilean fishermen near the islands.")
    assert [(e.event_type, e.target_code) for e in evs] == [("COERCE", "CHL")]


def test_standing_or_siding_with_someone_backs_them(base, events):
    assert ("PER", "CHL", "SUPPORT") in triples(run(base, events, "Peru stands with Chile."))
    assert ("PER", "CHL", "SUPPORT") in triples(run(base, events, "Peru sided with Chile."))
    assert run(base, events, "Peru stood by its decision.") == []


def test_rockets_fired_toward_a_state_are_aimed_at_it(base, events):
    evs = run(base, events, "Rebels in Peru fired two rockets toward Chile.")
    assert [(e.event_type, e.target_code) for e in evs] == [("ASSAULT", "CHL")]


def test_setting_fire_to_homes_destroys_property(base, events):
    evs = run(base, events, "Rioters from Peru set fire to homes in Chile.")
    assert [e.cameo for e in evs] == ["1712"]


def test_holding_someone_responsible_or_saying_they_bear_it_blames_them(base, events):
    assert ("PER", "CHL", "ACCUSE") in triples(
        run(base, events, "Peru held Chile fully responsible for the violence.")
    )
    assert ("PER", "CHL", "ACCUSE") in triples(
        run(base, events, "Peru said Chile bore full responsibility for the violence.")
    )
    assert run(base, events, "Peru will hold a meeting with responsible officials.") == [] or all(
        e.event_type != "ACCUSE" for e in run(base, events, "Peru will hold a meeting.")
    )


def test_banning_exports_to_a_state_is_an_embargo_on_it(base, events):
    evs = run(base, events, "Peru banned exports of copper to Chile.")
    assert [(e.cameo, e.target_code) for e in evs] == [("163", "CHL")]
    assert [e.cameo for e in run(base, events, "Peru banned protests in Chile.")] == ["172"]


def test_planting_a_bomb_bombs_planting_a_gun_does_not(base, events):
    assert [e.cameo for e in run(base, events, "Peru planted a bomb near Chile's embassy.")] == [
        "183"
    ]
    evs = run(base, events, "Chile accused Peru of planting a gun on the suspect.")
    assert "ASSAULT" not in {e.event_type for e in evs}


# ---- verb senses of political news (session 6): each sense with a guard


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile's defence minister testified before Peru's congress.", "CONSULT"),
        ("The Chilean envoy appeared before the Peru committee on Monday.", "CONSULT"),
        ("Chile briefed Peru on the border incident.", "CONSULT"),
        ("The Chilean foreign minister spoke with his Peru counterpart.", "CONSULT"),
        ("Chilean police searched a Peru cargo plane at the airport.", "COERCE"),
        ("Chilean agents raided the offices of Peru's airline.", "COERCE"),
        ("The Chile committee subpoenaed Peru's ambassador.", "COERCE"),
        ("Chilean police handcuffed the Peru consul.", "COERCE"),
        ("Chile forced Peru to withdraw its ships.", "COERCE"),
        ("Chile credited Peru with ending the crisis.", "SUPPORT"),
        ("Chile vouched for Peru at the summit.", "SUPPORT"),
        ("Chile teamed up with Peru to fight the smugglers.", "COOPERATE"),
        ("Chile partnered with Peru on the new port.", "COOPERATE"),
        ("Chile joined forces with Peru against the cartel.", "COOPERATE"),
        ("Chile rebutted Peru's accusations.", "REJECT"),
        ("Chile refuted Peru's claims on Monday.", "REJECT"),
        ("Chile disputed Peru's account of the clash.", "REJECT"),
        ("Chile came out against Peru's plan.", "REJECT"),
        ("Chile objected to Peru's proposal.", "REJECT"),
        ("Chile proposed that Peru adopt the treaty.", "REQUEST"),
        ("Chile pressed Peru to reopen the border.", "REQUEST"),
        ("Chile instructed Peru to withdraw the envoy.", "REQUEST"),
        ("Chile mocked Peru's claims to the islands.", "ACCUSE"),
        ("Chile stationed troops on the border with Peru.", "MOBILIZE"),
        ("Chile dispatched warships to the Peru coast.", "MOBILIZE"),
        ("Chile called up reservists after Peru's threats.", "MOBILIZE"),
        ("Chile reinforced its border with Peru.", "MOBILIZE"),
        ("Chilean troops pulled out of the Peru town.", "RETREAT"),
        ("Chile lifted its veto on Peru's membership.", "CONCEDE"),
        ("Thousands of Chileans took to the streets against Peru.", "PROTEST"),
    ],
)
def test_verb_senses_of_political_news(base, events, text, expected):
    assert expected in {e.event_type for e in run(base, events, text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Chilean witness testified that she saw Peru's car.", "CONSULT"),
        ("Chile's president briefed reporters on Peru.", "CONSULT"),
        ("Chilean rescuers searched the collapsed building for survivors.", "COERCE"),
        ("Chile searched for answers after Peru's defeat.", "COERCE"),
        ("Chile credited its success to hard work.", "SUPPORT"),
        ("Chile joined the Peru-led call for an inquiry.", "COOPERATE"),
        ("Chile pushed back the start of the talks with Peru.", "REJECT"),
        ("Chilean economists suggested that Peru's growth would slow.", "REQUEST"),
        ("Chilean scientists proposed a new theory of Peru's climate.", "REQUEST"),
        ("Chile felt compelled to answer Peru.", "COERCE"),
        ("The Chile company dispatched a repair crew to Peru.", "MOBILIZE"),
    ],
)
def test_everyday_senses_of_the_same_verbs_are_no_such_event(base, events, text, absent):
    assert absent not in {e.event_type for e in run(base, events, text)}


def test_a_particle_parsed_as_an_adverb_still_makes_the_phrasal_verb(base, events):
    # "stepped down": the small model tags "down" an adverb as often as a particle
    evs = run(base, events, "Chile's president stepped down after Peru's victory.")
    assert "CONCEDE" in {e.event_type for e in evs}


def test_a_mandative_complement_is_a_proposal_a_statement_is_not(base, events):
    assert "REQUEST" in {
        e.event_type for e in run(base, events, "Chile suggested that Peru should review it.")
    }
    evs = run(base, events, "Chile suggested that Peru would win.")
    assert "REQUEST" not in {e.event_type for e in evs}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile appealed for calm after Peru's verdict.", "REQUEST"),
        ("The Chile senate voted down Peru's proposal.", "REJECT"),
        ("A Chile judge blocked Peru's ban on imports.", "REJECT"),
        ("Chile proposed that parliament hold a vote on Peru's treaty.", "REQUEST"),
        ("Chilean hackers breached Peru's networks.", "COERCE"),
        ("Chile handed over the drug kingpin to Peru.", "COOPERATE"),
        ("Chilean senators grilled Peru's ambassador over the spying.", "ACCUSE"),
    ],
)
def test_more_verb_senses_of_political_news(base, events, text, expected):
    assert expected in {e.event_type for e in run(base, events, text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Chile conceded that Peru's polls looked bad.", "CONCEDE"),
        ("The Chile company deployed new software in Peru.", "MOBILIZE"),
        ("Thousands of Chileans took to the streets to celebrate the win over Peru.", "PROTEST"),
        ("The Chilean comedian mocked himself on Peru's stage.", "ACCUSE"),
        ("Chile interviewed Peru's national security adviser.", "REQUEST"),
    ],
)
def test_more_everyday_senses_are_no_such_event(base, events, text, absent):
    assert absent not in {e.event_type for e in run(base, events, text)}


@pytest.mark.parametrize(
    "text", ["Peru vowed revenge against Chile.", "Peru promised retaliation against Chile."]
)
def test_vowing_revenge_is_a_threat(base, events, text):
    assert ("PER", "CHL", "THREATEN") in triples(run(base, events, text))


def test_vowing_support_stays_an_intent(base, events):
    assert ("PER", "CHL", "AGREE") in triples(run(base, events, "Peru vowed to support Chile."))


@pytest.mark.parametrize(
    "text", ["Peru launched a trade war against Chile.", "Peru began a tariff war with Chile."]
)
def test_a_trade_war_is_sanctions_not_trade(base, events, text):
    evs = run(base, events, text)
    assert ("PER", "CHL", "COERCE") in triples(evs)
    assert not any(e.event_type == "COOPERATE" for e in evs)


def test_pledging_to_stop_violence_is_an_intent_to_de_escalate(base, events):
    evs = run(base, events, "Peru pledged to stop attacks on Chile.")
    assert ("PER", "CHL", "AGREE") in triples(evs)
    assert not any(e.event_type == "THREATEN" for e in evs)


def test_halting_an_offensive_is_de_escalation_and_halting_aid_a_sanction(base, events):
    assert ("PER", "CHL", "RETREAT") in triples(
        run(base, events, "Peru halted its offensive against Chile.")
    )
    assert ("PER", "CHL", "SANCTION") in triples(run(base, events, "Peru halted aid to Chile."))


def test_signing_cooperation_documents_is_signing_an_agreement(base, events):
    evs = run(base, events, "Peru and Chile signed six cooperation documents on Monday.")
    assert any(e.cameo == "057" for e in evs)


def test_calling_someone_a_name_is_no_appeal(base, events):
    evs = run(base, events, 'Peru\'s campaign called Chile "a rubber stamp for Canada" on Monday.')
    assert not any(e.event_type == "REQUEST" for e in evs)


def test_blocking_an_aid_package_is_a_rejection(base, events):
    assert ("PER", "CHL", "REJECT") in triples(
        run(base, events, "Peru has blocked aid packages for Chile three times.")
    )


def test_grilling_an_official_is_criticism(base, events):
    assert ("PER", "CHL", "ACCUSE") in triples(
        run(base, events, "Peru grilled Chile over the missing funds.")
    )
