"""Rule-based coreference for actors (dotterel.components.coref), on sentences written
for these tests: pronouns, sources ("it adds"), definite descriptions, short names."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.components.actors import DATA_DIR
from dotterel.components.coref import Anaphor, Antecedent, CorefRules, PronounRule, resolve
from dotterel.extensions import actor_at
from dotterel.model import Actor, Article
from dotterel.pipeline import BASE_MODEL, make_doc


@pytest.fixture(scope="module")
def actors_nlp() -> Language:
    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("dotterel_actors")
    return nlp


def run(nlp: Language, text: str) -> Doc:
    return nlp(make_doc(nlp, Article(text=text)))


def actor_for(doc: Doc, text: str, nth: int = 0) -> Actor | None:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return actor_at(doc, start, start + len(text))


@pytest.mark.slow
def test_pronoun_subject_takes_previous_subject(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "Qatar has expanded its support for the rebels. It is sending them weapons and cash.",
    )
    it = actor_for(doc, "It")
    assert it is not None
    assert it.code == "QAT"
    mention = next(m for m in doc._.actor_mentions if m.text == "It")
    assert mention.label == "PRONOUN"
    assert mention.method == "coreference"


@pytest.mark.slow
def test_pronoun_after_report_is_the_source(actors_nlp: Language) -> None:
    text = (
        "“Egypt is ready to mediate,” reports the Washington Post. "
        "“The talks could start next week,” it adds."
    )
    doc = run(actors_nlp, text)
    it = actor_for(doc, "it adds")
    assert it is not None
    assert it.name == "Washington Post"


@pytest.mark.slow
def test_pronoun_in_quote_is_not_the_quotes_source(actors_nlp: Language) -> None:
    text = (
        "“Syria has moved tanks to the north,” notes the Guardian. "
        "“It has also called up reservists.”"
    )
    doc = run(actors_nlp, text)
    it = actor_for(doc, "It has")
    assert it is not None
    assert it.code == "SYR"


@pytest.mark.slow
def test_definite_descriptions(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "Iran rejected the proposal. Hezbollah fighters crossed the river. "
        "The militant group later withdrew, and the Islamic Republic said nothing.",
    )
    group = actor_for(doc, "The militant group")
    assert group is not None
    assert group.name == "Hezbollah"
    republic = actor_for(doc, "the Islamic Republic")
    assert republic is not None
    assert republic.code == "IRN"


@pytest.mark.slow
def test_description_with_a_role(actors_nlp: Language) -> None:
    doc = run(actors_nlp, "Kenya hosted the talks. The government said they went well.")
    gov = actor_for(doc, "The government")
    assert gov is not None
    assert gov.code == "KENGOV"


@pytest.mark.slow
def test_short_name_of_an_outlet(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "The Los Angeles Times obtained the memo. The Times said Mexico had seen it.",
    )
    times = actor_for(doc, "The Times")
    assert times is not None
    assert times.name == "Los Angeles Times"


@pytest.mark.slow
def test_bracketed_name_after_pronoun(actors_nlp: Language) -> None:
    doc = run(actors_nlp, "Nigeria and Chad met. “They [Chad] want a ceasefire,” he said.")
    they = actor_for(doc, "They")
    assert they is not None
    assert they.code == "TCD"


@pytest.mark.slow
def test_expletive_it_is_not_an_actor(actors_nlp: Language) -> None:
    doc = run(actors_nlp, "Cuba signed the deal. It is unclear whether talks will resume.")
    assert [m.text for m in doc._.actor_mentions] == ["Cuba"]


def _ante(start: int, key: str, kind: str = "state", **kw: object) -> Antecedent:
    fields: dict[str, object] = dict(
        end=start + 1,
        plural=False,
        sent=0,
        role=2,
        speaker=False,
        in_quote=False,
        country=key,
        name=key,
    )
    fields.update(kw)
    return Antecedent(start=start, key=key, kind=kind, **fields)  # type: ignore[arg-type]


def test_resolve_prefers_subject_then_agreement() -> None:
    rules = CorefRules.load(DATA_DIR / "coref.json")
    it = rules.pronouns["it"]
    ants = [
        _ante(0, "IRN", role=0, sent=0),
        _ante(5, "officials", kind="government", plural=True, sent=0),
        _ante(8, "TAL", kind="group", sent=0),
    ]
    anaphor = Anaphor(start=12, end=13, sent=1, type="pronoun", kinds=it.kinds, number="sg")
    [res] = resolve(ants, [anaphor], rules, lambda c, r: c + r)
    assert res.antecedent is not None
    assert res.antecedent.key == "IRN"


def test_resolve_window_and_default_country() -> None:
    rules = CorefRules.load(DATA_DIR / "coref.json")
    far = [_ante(0, "PAK", role=0, sent=0)]
    pronoun = Anaphor(
        start=40,
        end=41,
        sent=rules.window + 1,
        type="pronoun",
        kinds=rules.pronouns["it"].kinds,
        number="sg",
    )
    assert resolve(far, [pronoun], rules, lambda c, r: c + r) == []
    description = Anaphor(
        start=3,
        end=5,
        sent=0,
        type="description",
        kinds=frozenset({"state"}),
        countries=("IRN", "PAK"),
        rule="the islamic republic",
    )
    [res] = resolve([], [description], rules, lambda c, r: c + r)
    assert res.antecedent is None
    assert res.default_country == "IRN"


def test_a_body_noun_is_the_body_named_last_with_that_word() -> None:
    rules = CorefRules.load(DATA_DIR / "coref.json")
    ants = [
        _ante(0, "oversight", kind="government", name="Senate Oversight Committee"),
        _ante(6, "water", kind="government", name="Water Agency"),
        _ante(9, "ngo", kind="organisation", name="Rivers Trust"),
    ]

    def body(noun: str, described: bool = False) -> Anaphor:
        return Anaphor(
            start=12,
            end=14,
            sent=1,
            type="body",
            kinds=frozenset({"organisation"}),
            words=rules.body_nouns[noun],
            described=described,
        )

    # "the panel" stands for the committee; "the agency" is the agency, not the NGO
    # named after it
    [panel] = resolve(ants, [body("panel")], rules, lambda c, r: c + r)
    assert panel.antecedent is not None and panel.antecedent.key == "oversight"
    [agency] = resolve(ants, [body("agency", True)], rules, lambda c, r: c + r)
    assert agency.antecedent is not None and agency.antecedent.key == "water"
    # no board named before: a description falls back to its kinds, a bare body noun
    # stays unresolved
    [board] = resolve(ants, [body("board", True)], rules, lambda c, r: c + r)
    assert board.antecedent is not None and board.antecedent.key == "ngo"
    assert resolve(ants, [body("board")], rules, lambda c, r: c + r) == []


@pytest.mark.slow
def test_the_committee_and_the_agency_are_the_bodies_so_named(actors_nlp: Language) -> None:
    text = (
        "WASHINGTON (AP) — The Senate Oversight Committee accused the Federal Water "
        "Agency of hiding documents. The White House defended the agency. "
        "The Rivers Trust criticized the agency too. The panel voted to subpoena its chief."
    )
    doc = run(actors_nlp, text)
    agency, committee = actor_for(doc, "Federal Water"), actor_for(doc, "Senate Oversight")
    assert agency is not None and committee is not None
    for nth in (0, 1):
        found = actor_for(doc, "the agency", nth)
        assert found is not None and found.id == agency.id
    panel = actor_for(doc, "The panel")
    assert panel is not None and panel.id == committee.id


@pytest.mark.slow
def test_a_body_noun_is_not_a_role_added_description_of_its_name(actors_nlp: Language) -> None:
    # "the administration" takes the EPA's country with GOV: another actor, whose
    # mention must not carry the EPA's name for "the agency" to match later
    text = (
        "WASHINGTON (AP) — Lawmakers accused the Federal Water Agency of hiding files. "
        "Senators accused the administration of stonewalling. "
        "The White House defended the agency."
    )
    doc = run(actors_nlp, text)
    agency, later = actor_for(doc, "Federal Water"), actor_for(doc, "the agency")
    assert agency is not None and later is not None and later.id == agency.id


@pytest.mark.slow
def test_the_administration_is_the_us_executive_where_the_us_is_named(
    actors_nlp: Language,
) -> None:
    text = (
        "TOKYO (AP) — Japan thanked the United States for its support. Prime Minister "
        "Kenji Mori praised the alliance. The administration imposed sanctions on a bank."
    )
    found = actor_for(run(actors_nlp, text), "The administration")
    assert found is not None and found.code == "USAGOV"
    # no US in the story: the government named last, as any description
    text = (
        "NAIROBI, Kenya (AP) — Kenyan officials met the governors on Monday. "
        "The administration said it would pay the nurses."
    )
    found = actor_for(run(actors_nlp, text), "The administration")
    assert found is not None and found.code == "KENGOV"
    # an administration named before wins over the government named last
    text = (
        "The Obama administration pressured Jerusalem to make concessions. Tehran "
        "threatened Israel again. The senator accused the administration of weakness."
    )
    found = actor_for(run(actors_nlp, text), "the administration")
    assert found is not None and found.code == "USAGOV"


def test_rules_file_is_consistent() -> None:
    rules = CorefRules.load(DATA_DIR / "coref.json")
    assert rules.pronouns["he"].kinds == frozenset({"person"})
    assert "person" not in rules.pronouns["it"].kinds
    assert {"say", "report", "add"} <= rules.reporting_verbs
    assert spacy  # the module-level import is used by the slow tests


def test_he_said_continues_the_last_speaker_not_an_earlier_one(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "DAMASCUS, Syria (AP) — Rebel spokesman Tarek Aswad said the fighters would hold "
        "the town. Government spokesman Nabil Faris rejected the claim. "
        "He said the army would retake it.",
    )
    rebel, official, he = (
        actor_for(doc, "Tarek Aswad"),
        actor_for(doc, "Nabil Faris"),
        actor_for(doc, "He"),
    )
    assert rebel is not None and official is not None and he is not None
    assert he.id == official.id
    assert rebel.code == "SYRREB" and official.code == "SYRGOV"


def test_the_group_after_a_spokesman_for_a_named_group(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "Abdul Wahid, a spokesman for the Taliban, said the group had not attacked the base.",
    )
    group, taliban = actor_for(doc, "the group"), actor_for(doc, "the Taliban")
    assert group is not None and taliban is not None and group.id == taliban.id


def test_first_person_in_a_quote_is_its_speaker(actors_nlp: Language) -> None:
    doc = run(actors_nlp, "“We reject the plan,” the Kenyan embassy said on Monday.")
    we, embassy = actor_for(doc, "We"), actor_for(doc, "the Kenyan embassy")
    assert we is not None and embassy is not None and we.id == embassy.id


def test_the_minister_is_the_minister_named_before(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "Kenyan Foreign Minister Amina Wekesa met the Ugandan delegation on Monday. "
        "The minister said the talks had failed.",
    )
    minister, named = actor_for(doc, "The minister"), actor_for(doc, "Amina Wekesa")
    assert minister is not None and named is not None and minister.id == named.id


def test_resolve_gender_learnt_from_an_unambiguous_pronoun() -> None:
    rules = CorefRules.load(DATA_DIR / "coref.json")
    he, she = rules.pronouns["he"], rules.pronouns["she"]
    ants = [_ante(0, "amina", kind="person", role=0, sent=0, individual=True)]

    def pronoun(start: int, sent: int, rule: PronounRule) -> Anaphor:
        return Anaphor(
            start=start,
            end=start + 1,
            sent=sent,
            type="pronoun",
            kinds=rule.kinds,
            number="sg",
            gender=rule.gender,
        )

    # the only person: "she" binds her gender, so a later "he" cannot be her
    first, later = pronoun(3, 0, she), pronoun(9, 1, he)
    [res] = resolve(ants, [first, later], rules, lambda c, r: c + r)
    assert res.anaphor is first and res.antecedent is not None
    assert res.antecedent.key == "amina"


def test_resolve_it_never_takes_one_person_he_takes_a_role_noun() -> None:
    rules = CorefRules.load(DATA_DIR / "coref.json")
    spokesman = _ante(0, "KENGOV", kind="government", role=0, sent=0, individual=True)
    it = Anaphor(
        start=5, end=6, sent=1, type="pronoun", kinds=rules.pronouns["it"].kinds, number="sg"
    )
    he = Anaphor(
        start=7,
        end=8,
        sent=1,
        type="pronoun",
        kinds=rules.pronouns["he"].kinds,
        number="sg",
        gender="m",
    )
    [res] = resolve([spokesman], [it, he], rules, lambda c, r: c + r)
    assert res.anaphor is he and res.antecedent is not None
    assert res.antecedent.key == "KENGOV"


def test_resolve_object_pronoun_skips_its_clause_subject() -> None:
    rules = CorefRules.load(DATA_DIR / "coref.json")
    him = rules.pronouns["him"]
    ants = [
        _ante(0, "barasa", kind="person", role=0, sent=0, individual=True),
        _ante(3, "kamau", kind="person", role=2, sent=0, individual=True),
    ]
    anaphor = Anaphor(
        start=9,
        end=10,
        sent=0,
        type="pronoun",
        kinds=him.kinds,
        number="sg",
        co_subject=(0, 1),
    )
    [res] = resolve(ants, [anaphor], rules, lambda c, r: c + r)
    assert res.antecedent is not None and res.antecedent.key == "kamau"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Amnesty International published a report on Monday. "
            "It accused the Kenyan police of torture.",
            "NGOAMN",
        ),
        ("Qatar closed its embassy in Cairo on Friday. It said the move was temporary.", "QAT"),
    ],
)
def test_it_said_may_be_a_body_that_acted_without_speaking(
    actors_nlp: Language, text: str, code: str
) -> None:
    # "it" as the subject of a reporting verb: a body named before that has not been
    # reported speaking (it published, it closed) is still its antecedent
    doc = run(actors_nlp, text)
    it = actor_for(doc, "It", 1 if text.startswith("It") else 0)
    assert it is not None
    assert it.code == code


@pytest.mark.slow
def test_it_said_still_prefers_an_earlier_source(actors_nlp: Language) -> None:
    doc = run(
        actors_nlp,
        "Reuters reported that Kenya expelled two diplomats. It said the move followed a dispute.",
    )
    it = actor_for(doc, "It")
    assert it is not None
    assert it.name == "Reuters"


@pytest.mark.slow
def test_a_subject_pronoun_is_not_its_own_clauses_object(actors_nlp: Language) -> None:
    # "It accused Uganda" is not Uganda (that would be "itself"): binding principle B
    doc = run(
        actors_nlp,
        "Kenya and Uganda signed a trade deal in March. Uganda closed the border on "
        "Monday. It accused Uganda of breaking the deal.",
    )
    it = actor_for(doc, "It")
    assert it is None or it.code != "UGA"


@pytest.mark.slow
def test_an_object_pronoun_is_not_the_subject_its_verb_shares(actors_nlp: Language) -> None:
    # "X met Y and thanked him": "thanked" shares X as subject, so "him" is Y
    doc = run(
        actors_nlp,
        "Peru's president met the Chilean foreign minister on Monday and thanked him for the loan.",
    )
    him = actor_for(doc, "him")
    assert him is not None
    assert him.code == "CHLGOV"
