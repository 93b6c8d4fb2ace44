"""What the TABARI/PETRARCH formats share: dated code blocks, and telling the kinds apart."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dotterel.dictionaries.tabari import DatedCode, parse_code_block, sniff_kind


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_parse_code_block() -> None:
    assert parse_code_block("AFG") == DatedCode("AFG")
    assert parse_code_block("AFGGOV 331108-730717") == DatedCode(
        "AFGGOV", date(1933, 11, 8), date(1973, 7, 17)
    )
    assert parse_code_block("HOB < 950601") == DatedCode("HOB", None, date(1995, 6, 1))
    assert parse_code_block("HOBREB >19990816") == DatedCode("HOBREB", date(1999, 8, 16), None)
    assert parse_code_block("pse").code == "PSE"
    for bad in ("", "950601-990815", "XXX 2004017-20061201", "XXX 19991301-20000101"):
        with pytest.raises(ValueError):
            parse_code_block(bad)


def test_sniff_kind(tmp_path: Path) -> None:
    assert sniff_kind(write(tmp_path, "a.actors.txt", "ATLANTIS_ [ATL]\n")) == "actors"
    assert sniff_kind(write(tmp_path, "b.txt", "HARBOUR_MASTER [~GOV]\n")) == "agents"
    assert sniff_kind(write(tmp_path, "c.txt", "--- GRANT [070] ---\n- * AID [071]\n")) == "verbs"
    assert sniff_kind(write(tmp_path, "d.discards.txt", "WORLD CUP\n")) == "discards"
    assert sniff_kind(write(tmp_path, "LICENSE", "The MIT License\n")) == "unknown"
