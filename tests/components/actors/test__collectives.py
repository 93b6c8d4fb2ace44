"""States named by their bloc (components/actors/_collectives.py and ``state_collectives``
in syntax.json), on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from components.actors.harness import run


def coded(doc: Doc) -> dict[str, str | None]:
    actors = {a.id: a.code for a in doc._.actors}
    return {m.text: actors.get(m.actor_id or "") for m in doc._.actor_mentions}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "mention", "code"),
    [
        ("Several EU countries recalled their envoys from Minsk.", "Several EU countries", "EUR"),
        ("European Union member states froze the assets.", "European Union member states", "EUR"),
        ("NATO allies sent more troops to the Baltic.", "NATO allies", "WST"),
        ("Western powers criticised the missile test.", "Western powers", "WST"),
        ("Norway and its allies in Europe closed their airspace.", "allies in Europe", "EUR"),
        ("ASEAN nations met in Jakarta on Monday.", "ASEAN nations", "SEA"),
    ],
)
def test_states_named_by_their_bloc_are_its_region(
    nlp: Language, sentence: str, mention: str, code: str
) -> None:
    assert coded(run(nlp, sentence)).get(mention) == code


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        # the text does not say which states: no code
        ("Other countries expelled the envoys.", "Other countries"),
        # a bloc whose code holds no region
        ("OPEC countries cut their output.", "OPEC countries"),
        # one state's allies are not that state
        ("Japanese allies protested the tariff.", "Japanese allies"),
        # members and partners of a bloc are as often its bodies
        ("EU members rejected the budget.", "EU members"),
    ],
)
def test_a_collective_without_a_bloc_is_not_coded_as_one(
    nlp: Language, sentence: str, phrase: str
) -> None:
    codes = coded(run(nlp, sentence))
    assert codes.get(phrase) is None
    assert "EUR" not in codes.values() and "WST" not in codes.values()
