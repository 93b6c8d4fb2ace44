"""Reading PETRARCH verb dictionaries (read_verb_file), on small dictionaries written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.dictionaries.verb_files import read_verb_file
from dotterel.dictionaries.verb_matcher import load_verb_dictionaries
from dotterel.errors import DictionaryError

SAMPLE = """\
&ENVOY
+ENVOY
+HERALDS

--- SEND [---] ---
SEND {SENT}
+SEND_OFF [074]
- * &ENVOY [042]
- * THEIR ^ ABOUT + [162]
- % * WITH [031]

--- GREET [040:041] ---
GREET
"""


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError):
        read_verb_file(tmp_path / "nope.txt")
    with pytest.raises(DictionaryError):
        load_verb_dictionaries([tmp_path / "nope.txt"])


def test_blocks_patterns_and_forms(tmp_path: Path) -> None:
    path = tmp_path / "sample.verbs.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    verb_file = read_verb_file(path)
    send, greet = verb_file.blocks
    assert (send.name, send.code, greet.code, greet.paired) == ("SEND", None, "040", "041")
    envoy, target, compound, send_off = send.patterns  # the multi-word verb's comes last
    assert envoy.after[0].alternatives == (("ENVOY",), ("HERALDS",))
    assert (target.code, target.target_at, target.target_skip) == ("162", 2, 0)
    assert compound.compound and not compound.compound_object
    assert (send_off.code, send_off.bonus) == ("074", 5)
    forms = {form: (entry.code, replaces) for form, entry, replaces in verb_file.forms}
    assert forms["SENT"] == (None, True) and forms["SENDS"] == (None, True)
    assert forms["GREETED"] == ("040", True)
    # the head of "+SEND_OFF" is only a fallback form: it does not replace "SEND"
    assert [(f, r) for f, _e, r in verb_file.forms if f == "SEND"] == [
        ("SEND", True),
        ("SEND", False),
    ]
