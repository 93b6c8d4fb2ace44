"""Implicit agents of agentless passives (``components/events/_implicit.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.events.harness import with_actors
from dotterel.components.events import EventsComponent
from dotterel.components.events._implicit import ImplicitRules, default_implicit_rules
from dotterel.model import Event, Place

pytestmark = pytest.mark.slow

#: Actors of these tests: states and people of real countries, so codes carry a country.
PEOPLE = {
    "Peruvian journalist": "PERMED",
    "Chilean activists": "CHLCVL",
    "Chilean dissidents": "CHLOPP",
    "Chilean hostages": "CHLCVL",
    "Chilean diplomats": "CHLGOV",
    "Norwegian minister": "NORGOV",
    "Canada": "CAN",
    "Peru": "PER",
}


def coded(
    base: Language, events: EventsComponent, text: str, places: dict[str, str] | None = None
) -> list[Event]:
    """The events of ``text``, with :data:`PEOPLE` as actors and ``places`` (name ->
    ISO alpha-2) as the places component's records."""
    doc: Doc = with_actors(base(text), PEOPLE)
    doc._.places = [
        Place(id=f"p{i}", start=m.start(), end=m.end(), text=name, country_code=cc, level="city")
        for i, (name, cc) in enumerate((places or {}).items())
        for m in re.finditer(re.escape(name), text)
    ]
    return events(doc)._.events


def sides(evs: list[Event]) -> set[tuple[str | None, str | None, str, tuple[str, ...]]]:
    """(source code, target code, PLOVER type, inferred sides) of each event."""
    return {(e.source_code, e.target_code, e.event_type, tuple(e.inferred)) for e in evs}


def test_roles_come_from_the_code_and_the_lemma() -> None:
    rules = default_implicit_rules()
    assert rules.role("arrest", "173") == "COP"
    assert rules.role("sentence", "173") == "JUD"  # 173 codes it, courts sentence
    assert rules.role("jail", "173") == "GOV"
    assert rules.role("release", "0841") == "GOV"
    assert rules.role("try", "020") is None  # "tried to": no trial


def test_rules_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "implicit.json"
    path.write_text('{"codes": {"173": "COP"}, "labels": {"COP": "(police)"}}', encoding="utf-8")
    rules = ImplicitRules.load(path)
    assert rules.role("detain", "173") == "COP" and not rules.agent_words


def test_arrest_is_by_the_police_of_the_patients_country(base, events):
    evs = coded(base, events, "The Peruvian journalist was arrested on Monday.")
    assert sides(evs) == {("PERCOP", "PERMED", "COERCE", ("source",))}
    (ev,) = evs
    assert ev.source_actor_id is None and ev.source_text == "(police)"


def test_the_place_of_the_arrest_outranks_the_patients_country(base, events):
    evs = coded(base, events, "Chilean activists were detained in Lima.", {"Lima": "PE"})
    assert sides(evs) == {("PERCOP", "CHLCVL", "COERCE", ("source",))}


def test_conviction_and_sentence_are_by_the_courts(base, events):
    text = "The Norwegian minister was convicted of fraud and sentenced to six years in prison."
    evs = coded(base, events, text)
    assert {(e.trigger.text, e.source_code) for e in evs} == {
        ("convicted", "NORJUD"),
        ("sentenced", "NORJUD"),
    }


def test_a_release_demand_is_made_of_whoever_holds_them(base, events):
    evs = coded(base, events, "The Chilean dissidents should be released, Canada said.")
    assert sides(evs) == {("CAN", "CHLGOV", "REQUEST", ("target",))}


def test_an_inferred_side_adds_no_confidence(base, events):
    (ev,) = coded(base, events, "The Peruvian journalist was arrested on Monday.")
    (alone,) = coded(base, events, "Peru arrested the Peruvian journalist on Monday.")
    assert ev.confidence is not None and alone.confidence is not None
    assert ev.confidence < alone.confidence


def test_a_by_agent_is_left_alone(base, events):
    evs = coded(base, events, "The Peruvian journalist was arrested by Canada on Monday.")
    assert sides(evs) == {("CAN", "PERMED", "COERCE", ())}


def test_an_agent_named_in_the_clause_is_not_replaced(base, events):
    evs = coded(base, events, "The Peruvian journalist was arrested in a police raid.")
    assert all(not e.inferred and e.source_code is None for e in evs)


def test_no_country_no_inferred_side(base, events):
    # the patient has no coded actor, the clause no place, the article no dateline
    evs = coded(base, events, "The blogger was arrested on Monday.")
    assert all(not e.inferred and e.source_code is None for e in evs)


def test_hostages_are_not_freed_by_the_state(base, events):
    for text in (
        "The Chilean hostages were released on Friday.",
        "The kidnapped Peruvian journalist was released on Friday.",
    ):
        assert all(not e.inferred for e in coded(base, events, text)), text


def test_an_expulsion_is_never_by_the_expelled_ones_own_state(base, events):
    # Chilean diplomats are expelled by another state, which the text does not name
    evs = coded(base, events, "The Chilean diplomats were expelled last week.")
    assert all(not e.inferred and e.source_code is None for e in evs)


def test_off_with_petrarch_verb_dictionaries(base, tmp_path: Path):
    path = tmp_path / "verbs.txt"
    path.write_text("--- ARREST [173] ---\nARREST\n", encoding="utf-8")
    comp = EventsComponent(base, "dotterel_events")
    comp.load_verbs([path])
    evs = coded(base, comp, "The Peruvian journalist was arrested on Monday.")
    assert evs and all(not e.inferred and e.source_code is None for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Canada called for the release of the Chilean dissidents.",
        "Canada demanded the release of the Chilean dissidents.",
    ],
)
def test_a_demand_for_a_release_noun_is_made_of_whoever_holds_them(base, events, text):
    # "the release of X": X is released (CAMEO 0841), by X's state when no one is named;
    # the demand is made of that state, not of the prisoners
    requests = {
        (e.source_code, e.target_code, tuple(e.inferred))
        for e in coded(base, events, text)
        if e.event_type == "REQUEST"
    }
    assert requests == {("CAN", "CHLGOV", ("target",))}


def test_a_release_by_a_named_state_is_left_alone(base, events):
    evs = coded(base, events, "Peru's release of the Chilean dissidents ended the row.")
    assert ("PER", "CHLOPP", "RETREAT", ()) in sides(evs)


def test_a_modifier_names_the_doer_of_an_act_noun(nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    text = "CHICAGO (AP) — Protests erupted after the fatal police shooting of a black man."
    shooting = next(e for e in code(nlp, Article(text=text)).events if e.trigger.text == "shooting")
    assert shooting.source_code == "USACOP" and "source" in shooting.inferred


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a post, unit or vehicle of a body, in the country of its place or the dateline
        ("Rebels attacked a police checkpoint in Herat province on Sunday.", "AFGCOP"),
        ("LAGOS (AP) — Gunmen ambushed a military convoy on Friday.", "NGAMIL"),
        ("Government troops shelled rebel positions near Goma on Sunday.", "CODREB"),
    ],
)
def test_a_post_of_a_body_is_that_body(nlp, text, target):
    from dotterel.model import Article
    from dotterel.pipeline import code

    attack = next(e for e in code(nlp, Article(text=text)).events if e.event_type == "ASSAULT")
    assert attack.target_code == target and "target" in attack.inferred


def test_a_post_without_a_body_or_a_country_is_left_alone(nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    texts = (
        "Afghan rebels attacked a checkpoint in Herat province.",
        "Afghan rebels attacked a police post.",
    )
    for text in texts:
        attack = next(e for e in code(nlp, Article(text=text)).events if e.event_type == "ASSAULT")
        assert "target" not in attack.inferred


def test_a_passive_extradition_is_by_the_government_it_leaves_to_the_receiver(nlp):
    from dotterel.model import Article
    from dotterel.pipeline import code

    text = "LIMA (AP) — Two fugitives were extradited to Chile on Friday."
    (ev,) = [e for e in code(nlp, Article(text=text)).events if e.event_type == "COOPERATE"]
    # the destination receives: it names no agent, and it is the one cooperated with
    assert (ev.source_code, ev.target_code) == ("PERGOV", "CHL")
    assert "source" in ev.inferred


def test_an_impersonal_they_is_the_state(base, events):
    # no antecedent in the text: "they" who arrest are the authorities
    evs = coded(base, events, "They arrested the Peruvian journalist on Monday.")
    assert sides(evs) == {("PERCOP", "PERMED", "COERCE", ("source",))}


def test_a_demand_that_they_release_someone_is_made_of_the_state(base, events):
    text = "If they did nothing wrong, they should release the Chilean activists, Canada said."
    evs = coded(base, events, text)
    assert ("CAN", "CHLGOV", "REQUEST", ("target",)) in sides(evs)


def test_an_impersonal_they_does_only_state_acts(base, events):
    for text in (
        "They praised the Peruvian journalist on Monday.",
        "They released the Chilean hostages on Friday.",
    ):
        assert all(not e.inferred for e in coded(base, events, text)), text


def test_what_a_patient_is_put_under_names_who_acts(base, events):
    evs = coded(base, events, "The Peruvian journalist was put under police surveillance.")
    assert sides(evs) == {("PERCOP", "PERMED", "COERCE", ("source",))}
    evs = coded(base, events, "The Peruvian journalist was placed under army guard.")
    assert {e.source_code for e in evs} == {"PERMIL"}


def test_under_without_a_role_word_names_no_one(base, events):
    evs = coded(base, events, "The Peruvian journalist was put under constant pressure.")
    assert all(not e.inferred for e in evs)
