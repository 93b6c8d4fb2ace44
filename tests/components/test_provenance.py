"""Tests of the provenance component: chains, statuses and in-article contests.

Events are written by hand (replacing whatever the event component found) so that
these tests pin provenance's own behaviour on sentences written for them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dotterel.model import Article, Event, TextSpan
from dotterel.pipeline import make_doc

OUTLET = "Harbour Gazette"


def parsed(nlp: Language, text: str, outlet: str | None = OUTLET) -> Doc:
    return nlp(make_doc(nlp, Article(text=text, outlet=outlet)))


def event(
    doc: Doc,
    n: int,
    trigger: str,
    event_type: str,
    source: str | None = None,
    target: str | None = None,
    *,
    occurrence: int = 0,
) -> Event:
    """An event on the ``occurrence``-th ``trigger`` word, actors given as codes."""
    text = doc.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    sent = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    art_id = doc._.article.id
    return Event(
        id=f"{art_id}-e{n}",
        trigger=TextSpan(start, start + len(trigger), trigger),
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        event_type=event_type,
        source_actor_id=f"{art_id}-a{source}" if source else None,
        source_code=source,
        target_actor_id=f"{art_id}-a{target}" if target else None,
        target_code=target,
    )


def run(nlp: Language, doc: Doc, events: list[Event]) -> list[Event]:
    doc._.events = events
    nlp.get_pipe("dotterel_provenance")(doc)
    return events


def test_outlet_alone_asserts(nlp: Language) -> None:
    doc = parsed(nlp, "Troops shelled the border town on Sunday.")
    (ev,) = run(nlp, doc, [event(doc, 0, "shelled", "ASSAULT", "RUR", "GON")])
    assert ev.status == "asserted" and ev.status_cue is None
    assert [link.name for link in ev.chain] == [OUTLET]
    assert ev.attribution_id is None


def test_no_outlet_gives_empty_chain(nlp: Language) -> None:
    doc = parsed(nlp, "Troops shelled the border town on Sunday.", outlet=None)
    (ev,) = run(nlp, doc, [event(doc, 0, "shelled", "ASSAULT", "RUR", "GON")])
    assert ev.chain == []


def test_reported_event_takes_the_innermost_chain(nlp: Language) -> None:
    doc = parsed(
        nlp, "The Daily Planet reported that police officials said troops shelled the town."
    )
    (ev,) = run(nlp, doc, [event(doc, 0, "shelled", "ASSAULT", "RUR", "GON")])
    assert ev.status == "reported"
    assert [link.name for link in ev.chain] == [OUTLET, "Daily Planet", "police officials"]
    said = next(a for a in doc._.attributions if a.cue.text == "said")
    assert ev.attribution_id == said.id


def test_hedged_event_keeps_its_cue(nlp: Language) -> None:
    doc = parsed(nlp, "Rebel units reportedly attacked the airport.")
    (ev,) = run(nlp, doc, [event(doc, 0, "attacked", "ASSAULT", "REB", "GON")])
    assert ev.status == "hedged" and ev.status_cue == "reportedly"
    assert [link.name for link in ev.chain] == [OUTLET]


def test_appear_to_hedges(nlp: Language) -> None:
    doc = parsed(nlp, "Both governments appear to be funding the militia.")
    (ev,) = run(nlp, doc, [event(doc, 0, "funding", "AID", "GON", "MIL")])
    assert ev.status == "hedged" and ev.status_cue == "appear to"


def test_hedge_inside_a_report(nlp: Language) -> None:
    doc = parsed(nlp, "Officials said the rebels had allegedly looted the depot.")
    (ev,) = run(nlp, doc, [event(doc, 0, "looted", "ASSAULT", "REB")])
    assert ev.status == "hedged" and ev.status_cue == "allegedly"
    assert [link.name for link in ev.chain] == [OUTLET, "Officials"]


def test_denial_contests_the_claim(nlp: Language) -> None:
    doc = parsed(
        nlp,
        "Ruritania is arming the rebels, the Daily Planet reported. "
        "Ruritania denies arming the rebels.",
    )
    claim = event(doc, 0, "arming", "AID", "RUR", "REB")
    denial = event(doc, 1, "denies", "REJECT", "RUR", "REB")
    denied = event(doc, 2, "arming", "AID", "RUR", "REB", occurrence=1)
    run(nlp, doc, [claim, denial, denied])
    # a claim the article reports a denial of is denied (EVENTS_GUIDE: status)
    assert claim.status == "denied" and claim.status_cue == "denies"
    assert denied.status == "denied" and denied.status_cue == "denies"
    assert denial.status == "asserted"
    assert denial.contests == [claim.id]
    assert claim.contested_by == [denial.id]
    assert denied.contested_by == []


def test_denial_without_inner_event_uses_the_words(nlp: Language) -> None:
    doc = parsed(
        nlp,
        "Ruritania supplied rockets to the rebels, officials said. "
        "Ruritania rejected reports of support for the rebels.",
    )
    claim = event(doc, 0, "supplied", "AID", "RUR", "REB")
    denial = event(doc, 1, "rejected", "REJECT", "RUR", "REB")
    run(nlp, doc, [claim, denial])
    assert denial.contests == [claim.id]


def test_denial_of_another_actor_does_not_contest(nlp: Language) -> None:
    doc = parsed(
        nlp,
        "Gondor is arming the rebels, officials said. Ruritania denies arming the rebels.",
    )
    claim = event(doc, 0, "arming", "AID", "GON", "REB")
    denial = event(doc, 1, "denies", "REJECT", "RUR", "REB")
    denied = event(doc, 2, "arming", "AID", "RUR", "REB", occurrence=1)
    run(nlp, doc, [claim, denial, denied])
    assert denial.contests == [] and claim.contested_by == []


def test_confirmation_links_and_status(nlp: Language) -> None:
    doc = parsed(
        nlp,
        "Witnesses said troops attacked the village. "
        "The ministry confirmed that troops attacked the village.",
    )
    claim = event(doc, 0, "attacked", "ASSAULT", "RURMIL", "VIL")
    confirm = event(doc, 1, "confirmed", "CONSULT", "RURGOV")
    inner = event(doc, 2, "attacked", "ASSAULT", "RURMIL", "VIL", occurrence=1)
    run(nlp, doc, [claim, confirm, inner])
    assert inner.status == "confirmed" and inner.status_cue == "confirmed"
    assert confirm.contests == [claim.id]
    assert claim.contested_by == [confirm.id]


def test_no_events_is_fine(nlp: Language) -> None:
    doc = parsed(nlp, "Nothing happened.")
    assert run(nlp, doc, []) == []


# -- denial forms on whole articles (the full pipeline, events included) ---------------


def _coded(nlp: Language, text: str) -> list[Event]:
    from dotterel.pipeline import code

    return code(nlp, Article(text=text, outlet=OUTLET)).events


def _on(events: list[Event], trigger: str, nth: int = 0) -> Event:
    return [e for e in events if e.trigger.text == trigger][nth]


def test_headline_denial_linked_to_the_claim_in_the_body(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Iran denies claim it armed Taliban fighters.\n\n"
        "The Afghan government has accused Iran of arming Taliban fighters in the west.",
    )
    claim, denial = _on(events, "arming"), _on(events, "denies")
    assert claim.status == "denied" and claim.contested_by == [denial.id]
    assert denial.contests == [claim.id]


def test_reports_called_baseless_is_a_denial(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Afghanistan accused Pakistan of shelling the town of Asadabad. "
        "Pakistan's foreign ministry called the reports baseless.",
    )
    denial = _on(events, "baseless")
    claim = _on(events, "shelling")
    assert denial.event_type == "REJECT" and denial.source_code is not None
    assert denial.source_code.startswith("PAK")
    assert claim.status == "denied" and denial.contests == [claim.id]
    # the accusation itself happened: it is not what is denied
    assert _on(events, "accused").status != "denied"


def test_accusation_said_to_be_false_is_a_denial(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Israel said Iran was supplying drones to Hezbollah. "
        "An Iranian spokesman said on Monday the accusation was false.",
    )
    claim = _on(events, "supplying")
    assert claim.status == "denied"
    assert [e.trigger.text for e in events if e.id in claim.contested_by] == ["false"]


def test_allegation_rejected_in_the_next_sentence(nlp: Language) -> None:
    events = _coded(nlp, "Syria said Turkey had bombed a market. Turkey rejected the allegation.")
    claim, denial = _on(events, "bombed"), _on(events, "rejected")
    assert claim.status == "denied" and denial.contests == [claim.id]


def test_refusing_to_admit_denies_the_embedded_event(nlp: Language) -> None:
    events = _coded(nlp, "Russia refuses to admit it shelled Ukraine.")
    shelled = _on(events, "shelled")
    assert shelled.status == "denied" and shelled.status_cue == "refuses"


def test_no_soldiers_had_fired_is_a_reported_negation(nlp: Language) -> None:
    events = _coded(nlp, "The Indian army said no soldiers had fired on the protesters.")
    fired = _on(events, "fired")
    assert fired.negated and fired.status == "reported"


def test_no_agreement_to_withdraw_is_negated(nlp: Language) -> None:
    events = _coded(
        nlp,
        "There has been no agreement to withdraw troops from the border, "
        "the Indian foreign ministry said.",
    )
    assert _on(events, "withdraw").negated


def test_reported_negation_answers_the_claim(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Pakistan said Indian soldiers fired on villagers in Kashmir. "
        "The Indian army said no Indian soldiers had fired on villagers.",
    )
    claim, negation = _on(events, "fired"), _on(events, "fired", 1)
    assert negation.negated
    assert claim.status == "denied" and claim.contested_by == [negation.id]


def test_denial_of_a_different_actor_is_not_linked(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Israel said Iran was supplying drones to Hezbollah. Syria denied supplying weapons.",
    )
    assert _on(events, "supplying").status != "denied"


def test_quoted_none_of_our_soldiers_answers_for_the_speaker(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Afghan officials said Pakistani soldiers attacked two border posts. "
        '"None of our soldiers attacked the border posts," a Pakistani military '
        "spokesman told Reuters.",
    )
    claim, negation = _on(events, "attacked"), _on(events, "attacked", 1)
    assert negation.negated and negation.contests == [claim.id]
    assert claim.status == "denied"


def test_denied_accusations_were_made_their_content_is_denied(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Pakistan on Monday denied accusations that its troops had attacked Afghan "
        "border posts, calling the reports baseless.",
    )
    assert _on(events, "accusations").status != "denied"
    assert _on(events, "attacked").status == "denied"
    # one denial, already coded on "denied": the participle adds none
    assert [e.trigger.text for e in events if e.event_type == "REJECT"] == ["denied"]


def test_headline_without_full_stop_does_not_deny_the_body(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Iran rejects U.S. claim it supplied missiles to Houthis\n\n"
        "DUBAI (AP) — Iran on Saturday rejected U.S. accusations that it had supplied "
        "missiles to Houthi rebels in Yemen.",
    )
    headline = _on(events, "rejects")
    assert headline.status == "asserted"
    assert _on(events, "supplied", 1).status == "denied"
    assert _on(events, "accusations").status == "asserted"


def test_acknowledged_event_confirms_the_earlier_claim(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Israel said Hamas fired rockets at Israeli towns. Hamas later acknowledged "
        "that its fighters had fired rockets at Israel.",
    )
    claim, confirmed = _on(events, "fired"), _on(events, "fired", 1)
    assert confirmed.status == "confirmed" and confirmed.contests == [claim.id]
    # a confirmation links the claim but leaves its status as reported
    assert claim.status == "reported" and claim.contested_by == [confirmed.id]


# -- the outlet's own voice -----------------------------------------------------------

_REPORT = (
    "The government of Belarus should free every journalist it holds. "
    "Reporter Anna Kirova should never have been jailed in the first place. "
    "Belarusian police detained three activists on Monday."
)


def _by_outlet(nlp: Language, outlet: str) -> list[Event]:
    from dotterel.pipeline import code

    return code(nlp, Article(text=_REPORT, outlet=outlet)).events


def test_an_ngo_report_demands_and_criticises_in_its_own_voice(nlp: Language) -> None:
    events = _by_outlet(nlp, "Human Rights Watch")
    demand, criticism = _on(events, "free"), _on(events, "jailed")
    for ev in (demand, criticism):
        assert ev.source_code == "NGOHRW" and ev.source_text == "Human Rights Watch"
        assert "source" in ev.inferred and ev.source_actor_id is None
    # a material act the report relates is not the outlet's
    assert _on(events, "detained").source_code == "BLRCOP"


def test_a_news_medium_never_speaks_in_its_reports(nlp: Language) -> None:
    events = _by_outlet(nlp, "Reuters")
    assert _on(events, "free").source_code is None
    assert _on(events, "jailed").source_code is None


def test_a_quoted_demand_stays_the_speakers(nlp: Language) -> None:
    from dotterel.pipeline import code

    text = '"Belarus should free every journalist it holds," said Anna Kirova, a lawyer.'
    events = code(nlp, Article(text=text, outlet="Human Rights Watch")).events
    demand = next(e for e in events if e.event_type == "REQUEST")
    assert demand.source_code == "BLRCVL" and "source" not in demand.inferred


def test_an_actor_never_denies_its_own_report(nlp: Language) -> None:
    events = _coded(
        nlp,
        "Nigerian troops killed at least 20 Boko Haram fighters in a raid on a militant camp "
        "in Borno state, the army said on Sunday.\n\nAmnesty International has accused the "
        "military of abuses in the northeast, charges the army denies.",
    )
    assert _on(events, "killed").status == "reported"
    assert _on(events, "killed").contested_by == []
