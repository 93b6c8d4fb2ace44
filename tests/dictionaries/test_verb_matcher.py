"""Coding verb occurrences with PETRARCH verb dictionaries written here (VerbDictionary)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.dictionaries.verb_matcher import VerbDictionary, load_verb_dictionaries

SAMPLE = """\
# a comment
&WEAPON
+ARMS
+HEAVY WEAPONS
+&AIRCRAFT

&AIRCRAFT
+JETS

--- SEND  [---]  ---
SEND {SENT SENDING SENDS}
DISPATCH [070]
- * &WEAPON (TO)                       [072]   # SEND
- * TROOPS                             [154]
- * {FOOD AID}                         [073]
- SAID * ENVOY                         [042]

--- VISIT  [042:043]  ---
VISIT
+PAY_A_VISIT [042:043]

--- TROUBLED  [---] # NOUN ---
TROUBLED
- SAID *  [131]
"""


@pytest.fixture()
def verbs(tmp_path: Path) -> VerbDictionary:
    path = tmp_path / "sample.verbs.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return load_verb_dictionaries([path])


def words(text: str) -> list[str]:
    return text.upper().split()


def test_known_forms(verbs: VerbDictionary) -> None:
    assert "SEND" in verbs and "sent" in verbs and "SENDING" in verbs
    assert "DISPATCHED" in verbs  # regular forms are generated
    assert "FLY" not in verbs


def test_block_without_code_needs_a_pattern(verbs: VerbDictionary) -> None:
    hit = verbs.match("send", "sent", [], words("a letter to Gondor"))
    assert hit is not None and hit.code is None


def test_patterns_and_synonym_sets(verbs: VerbDictionary) -> None:
    assert verbs.match("send", "sent", [], words("arms to Gondor")).code == "072"  # type: ignore[union-attr]
    assert verbs.match("send", "sent", [], words("heavy weapons to Gondor")).code == "072"  # type: ignore[union-attr]
    # a set inside a set
    assert verbs.match("send", "sent", [], words("jets to Gondor")).code == "072"  # type: ignore[union-attr]
    assert verbs.match("send", "sent", [], words("more troops north")).code == "154"  # type: ignore[union-attr]


def test_phrases_must_be_adjacent(verbs: VerbDictionary) -> None:
    assert verbs.match("send", "sent", [], words("food and aid")).code is None  # type: ignore[union-attr]
    assert verbs.match("send", "sent", [], words("food aid")).code == "073"  # type: ignore[union-attr]


def test_words_before_the_verb(verbs: VerbDictionary) -> None:
    hit = verbs.match("send", "sent", words("Arnor said it"), words("an envoy"))
    assert hit is not None and hit.code == "042"


def test_verb_own_code_and_lemma_matching(verbs: VerbDictionary) -> None:
    hit = verbs.match("dispatch", "dispatched", [], words("a letter"))
    assert hit is not None and hit.code == "070"
    # a pattern word matches the lemma too ("TROOP" written, "TROOPS" in the pattern)
    lemma_hit = verbs.match("send", "sent", [], ["TROOP"], after_lemmas=["TROOPS"])
    assert lemma_hit is not None and lemma_hit.code == "154"


def test_paired_codes(verbs: VerbDictionary) -> None:
    hit = verbs.match("visit", "visited", [], words("Gondor"))
    assert hit is not None and (hit.code, hit.paired) == ("042", "043")


def test_header_with_comment_is_read(verbs: VerbDictionary) -> None:
    hit = verbs.match("troubled", "troubled", words("he said"), [])
    assert hit is not None and hit.code == "131"


def test_multiword_verbs(verbs: VerbDictionary) -> None:
    hit = verbs.match("pay", "paid", [], words("a visit to Gondor"))
    assert hit is not None and (hit.code, hit.paired) == ("042", "043")
    assert verbs.match("pay", "paid", [], words("the bill")).code is None  # type: ignore[union-attr]


def test_unknown_verb(verbs: VerbDictionary) -> None:
    assert verbs.match("fly", "flew", [], []) is None


def test_reads_the_cameo_dictionary(shared_eval: Path) -> None:
    path = shared_eval / "dictionaries" / "CAMEO.2.0.txt"
    if not path.exists():
        pytest.skip(f"{path} not found")
    verbs = load_verb_dictionaries([path])
    assert len(verbs) > 1000
    hit = verbs.match("rush", "rushed", [], words("aid to the region"))
    assert hit is not None and hit.code == "070"


PETRARCH_MARKERS = """\
--- BREAK [1717] ---
BREAK {BROKE BROKEN}
+BREAK_OFF {+BREAKS_OFF +BROKE_OFF +BROKEN_OFF}
- * PACT [161]
--- AGREE [081] ---
AGREE
- * WITH % [031]
--- WARN [160] ---
WARN
- * THEIR ^ ABOUT + [162]
- * AT ^ + [163]
"""


@pytest.fixture()
def marked(tmp_path: Path) -> VerbDictionary:
    path = tmp_path / "markers.verbs.txt"
    path.write_text(PETRARCH_MARKERS, encoding="utf-8")
    return load_verb_dictionaries([path])


def test_block_patterns_apply_after_a_multiword_verb(marked: VerbDictionary) -> None:
    hit = marked.match("break", "broke", [], words("off the pact with Gondor"))
    assert hit is not None and hit.code == "161"
    hit = marked.match("break", "broke", [], words("off the talks"))
    assert hit is not None and hit.code == "1717"


def test_compound_marker_after_the_verb_needs_a_coordinated_object(
    marked: VerbDictionary,
) -> None:
    after = words("with Gondor and Arnor")
    assert marked.match("agree", "agreed", [], after, compound_object=True).code == "031"  # type: ignore[union-attr]
    assert marked.match("agree", "agreed", [], after).code == "081"  # type: ignore[union-attr]


def test_target_marker_gives_where_the_target_starts(marked: VerbDictionary) -> None:
    hit = marked.match("warn", "warned", [], words("their citizens about the army of Gondor"))
    assert hit is not None and hit.code == "162"
    assert hit.target_offset == 3  # "THE ARMY OF GONDOR"
    hit = marked.match("warn", "warned", [], words("at Arnor of Gondor"))
    assert hit is not None and hit.code == "163"
    assert hit.target_offset == 1 and hit.pattern is not None and hit.pattern.target_skip == 1


def test_from_forms_and_forms_round_trip() -> None:
    """The public constructor the compiled knowledge uses (no private ``_forms``)."""
    from dotterel.dictionaries import VerbDictionary
    from dotterel.knowledge import load_verb_dictionary

    shipped = load_verb_dictionary()
    copy = VerbDictionary.from_forms(dict(shipped.forms))
    assert len(copy) == len(shipped)
    form = next(iter(shipped.forms))
    assert form in copy
    with pytest.raises(TypeError):
        copy.forms["NEWVERB"] = shipped.forms[form]  # type: ignore[index]


def test_prefilter_gives_the_same_match() -> None:
    """``prefilter`` only skips patterns that cannot match: same result, fewer tries."""
    from dotterel.knowledge import load_verb_dictionary

    verbs = load_verb_dictionary()
    phrases = [
        ("IMPOSE", ["SANCTIONS", "ON", "THE", "REGIME"]),
        ("SEND", ["TROOPS", "TO", "THE", "BORDER"]),
        ("ENDORSE", ["THE", "PEACE", "TALKS"]),
        ("SEARCH", ["FOR", "INFORMATION"]),
    ]
    for verb, after in phrases:
        lemmas = [w.rstrip("S") for w in after]
        plain = verbs.match(verb, verb, [], after, after_lemmas=lemmas)
        quick = verbs.match(verb, verb, [], after, after_lemmas=lemmas, prefilter=True)
        assert plain == quick, verb
