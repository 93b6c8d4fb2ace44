"""dotterel.knowledge.filters: the build-time filters on actor phrases (invented entries)."""

from __future__ import annotations

from datetime import date

from dotterel.dictionaries import ActorEntry, DatedCode
from dotterel.knowledge.filters import filter_actors


def entry(name: str, phrases: list[str], *codes: DatedCode) -> ActorEntry:
    return ActorEntry(name=name, phrases=phrases, codes=list(codes), source="t.txt", line=1)


def test_filters_drop_each_class_and_count_it() -> None:
    person = entry(
        "mirela vostrak",
        ["mirela vostrak", "vostrak"],
        DatedCode("ERIGOV", date(2001, 1, 1), date(2005, 1, 1)),
    )
    group = entry("380", ["380", "eriador front"], DatedCode("ERIREB"))
    short = entry("ef", ["ef"], DatedCode("ERIGOV"))
    null = entry("the shire", ["the shire"], DatedCode("---"))
    kept, counts = filter_actors([person, group, short, null])
    assert [e.phrases for e in kept] == [["mirela vostrak"], ["eriador front"]]
    assert counts["single word of a person's name"] == 1
    assert counts["no letters (digits/punctuation only)"] == 1
    assert counts["fewer than 3 letters"] == 1
    assert counts["null-coded entry"] == 1
    assert counts["entries left without a phrase"] == 2


def test_single_word_of_an_undated_organisation_stays() -> None:
    kept, counts = filter_actors([entry("brandor", ["brandor"], DatedCode("ERIMED"))])
    assert kept and not counts
