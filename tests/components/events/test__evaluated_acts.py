"""Evaluating an act targets its doer (``components/events/_evaluated_acts.py``) on
sentences written for these tests, through the full pipeline (real actors)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.model import Article, Event
from dotterel.pipeline import code

pytestmark = pytest.mark.slow


def _events(nlp: Language, text: str) -> list[Event]:
    return code(nlp, Article(text=text)).events


def _one(events: list[Event], event_type: str) -> Event:
    return next(e for e in events if e.event_type == event_type)


def test_criticising_sanctions_is_no_criticism_of_their_target(nlp: Language) -> None:
    criticism = _one(_events(nlp, "Russia criticised the sanctions against Iran."), "ACCUSE")
    assert criticism.source_code == "RUS" and criticism.target_code is None


def test_criticising_an_act_targets_its_doer(nlp: Language) -> None:
    events = _events(nlp, "Iran denounced the arrest of its diplomat in Germany.")
    criticism = _one(events, "ACCUSE")
    assert criticism.source_code == "IRN" and (criticism.target_code or "").startswith("DEU")
    assert criticism.target_code == _one(events, "COERCE").source_code  # the arresting police


def test_a_target_outside_the_act_stays(nlp: Language) -> None:
    rejection = _one(_events(nlp, "Moscow rejected the allegations made by London."), "REJECT")
    assert (rejection.target_code or "").startswith("GBR")


def test_denying_charges_is_no_charge_by_the_denier(nlp: Language) -> None:
    charge = _one(_events(nlp, "Russia denied the accusations."), "ACCUSE")
    assert charge.source_code is None and charge.target_code == "RUS"
    events = _events(nlp, "Iran rejected U.S. accusations that it had armed the rebels.")
    charge, denial = _one(events, "ACCUSE"), _one(events, "REJECT")
    assert charge.source_code == "USA" and charge.target_code == "IRN"
    assert denial.source_code == "IRN" and denial.target_code == "USA"


def test_denying_an_act_keeps_the_denier_as_its_doer(nlp: Language) -> None:
    events = _events(nlp, "Russia denied arming the Taliban.")
    armed = next(e for e in events if e.event_type != "REJECT")
    assert armed.source_code == "RUS" and armed.modality == "denied"


def test_thanks_for_help_name_who_was_helped(nlp: Language) -> None:
    events = _events(nlp, "Vietnam thanked Japan for its assistance.")
    assert (_one(events, "AID").source_code, _one(events, "AID").target_code) == ("JPN", "VNM")
    thanks = _one(events, "SUPPORT")
    assert (thanks.source_code, thanks.target_code) == ("VNM", "JPN")


def test_condemning_the_attack_named_again_targets_its_doer(nlp: Language) -> None:
    events = _events(
        nlp,
        "Syrian government warplanes struck a rebel-held town in Idlib, killing 14 civilians. "
        "Turkey condemned the attack.",
    )
    condemnation = _one(events, "ACCUSE")
    assert condemnation.source_code == "TUR"
    assert (condemnation.target_code or "").startswith("SYR")


def test_denying_the_charges_answers_the_accuser(nlp: Language) -> None:
    events = _events(
        nlp,
        "Russian prosecutors accused Lithuania of spying on the fleet. "
        "Lithuania denied the charges.",
    )
    denial = _one(events, "REJECT")
    assert denial.source_code == "LTU" and (denial.target_code or "").startswith("RUS")


def test_an_investigation_into_an_act_investigates_its_doer(nlp: Language) -> None:
    text = (
        "KABUL (AP) — Afghan authorities are investigating the killing of the journalist "
        "by Taliban gunmen."
    )
    inquiry = _one(_events(nlp, text), "ACCUSE")
    assert inquiry.source_code == "AFGGOV" and (inquiry.target_code or "").startswith("AFGINS")


def test_an_act_labelled_with_as_is_still_the_act_reported_before(nlp: Language) -> None:
    # "condemned the raid as a massacre": "as" labels the raid, it names no participant
    evs = _events(nlp, "Peru raided a border post in Chile. Chile condemned the raid as a crime.")
    condemn = [e for e in evs if e.event_type == "ACCUSE"]
    assert [(e.source_code, e.target_code) for e in condemn] == [("CHL", "PER")]


def test_rejecting_the_criticism_answers_the_last_critic(nlp: Language) -> None:
    events = _events(nlp, "Peru accused Chile of spying. Chile rejected the criticism on Monday.")
    rejection = _one(events, "REJECT")
    assert (rejection.source_code, rejection.target_code) == ("CHL", "PER")


def test_turning_down_the_offer_answers_the_one_who_made_it(nlp: Language) -> None:
    events = _events(nlp, "Peru offered to mediate in the dispute. Chile rejected the offer.")
    rejection = _one(events, "REJECT")
    assert (rejection.source_code, rejection.target_code) == ("CHL", "PER")


def test_praising_the_move_judges_the_doer_of_the_last_act(nlp: Language) -> None:
    events = _events(nlp, "Peru expelled two Chilean diplomats. Canada praised the move.")
    praise = _one(events, "SUPPORT")
    assert (praise.source_code, praise.target_code) == ("CAN", "PER")


def test_praising_a_move_of_its_own_phrase_is_left_alone(nlp: Language) -> None:
    events = _events(nlp, "Peru expelled two Chilean diplomats. Canada praised a new move.")
    assert _one(events, "SUPPORT").target_code is None


def test_the_move_named_far_from_any_act_judges_no_one(nlp: Language) -> None:
    # the last act is a statement two sentences back: which act is meant is not safe
    events = _events(
        nlp,
        "Peru expelled two Chilean diplomats. Chile said it regretted the step. Later that "
        "week the talks resumed in Lima. Canada praised the move.",
    )
    praise = [e for e in events if e.event_type == "SUPPORT" and e.source_code == "CAN"]
    assert all(e.target_code is None for e in praise)
