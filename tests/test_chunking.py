"""dotterel.chunking: long texts coded in paragraph-aligned chunks, merged into one."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from datetime import date

import pytest
from spacy.language import Language

from dotterel import chunking
from dotterel.chunking import code_in_chunks, needs_chunks, paragraph_chunks
from dotterel.model import Article, CodedArticle
from dotterel.pipeline import code

PARAGRAPHS = [
    "Marvenia and Ostrava traded artillery fire across their border on Monday",
    "Marvenian troops shelled rebel positions near Farrow on Monday, killing at least "
    "twelve fighters, the defence ministry in Kessal said in a statement.",
    "“We will not negotiate while our villages are under fire,” a rebel spokesman told "
    "reporters in Farrow. “The government must pull its forces back first.”",
    "Officials in Kessal denied that Marvenian troops had shelled civilians. “These "
    "reports are false,” the interior minister said on Tuesday.",
    "“This is the worst fighting the region has seen in ten years. Thousands of families "
    "have fled towards Lindmoor, and the roads are blocked.",
    "“We have asked the United Nations to send observers,” said Ana Moreau, a local "
    "official in Lindmoor.",
    "The foreign ministers of Ostrava and Marvenia met in Talmor on Wednesday to discuss "
    "the crisis, according to a statement from the Ostrava government.",
    "Ostrava accused Marvenia of violating the ceasefire agreed in Talmor last March. "
    "The Marvenian army rejected the accusation and said it had only returned fire.",
    "The European Union pledged 20 million euros in aid to Ostrava, a spokeswoman for the "
    "commission said in Brussels on Thursday.",
    "Police arrested 40 protesters in Kessal after demonstrators marched on parliament "
    "demanding an end to the war, local media reported.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"
TARGET = 600  # small enough for several chunks out of this text


def _article(text: str = TEXT) -> Article:
    return Article(text=text, outlet="Example Times", pub_date=date(2024, 4, 16), origin="t")


# -- where chunks end --------------------------------------------------------------------


def test_chunks_cover_the_text_and_end_only_at_paragraph_boundaries() -> None:
    spans = paragraph_chunks(TEXT, TARGET)
    assert len(spans) > 2
    assert spans[0][0] == 0 and spans[-1][1] == len(TEXT)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == start  # contiguous: nothing lost, nothing twice
        assert TEXT[end - 1] == "\n" and TEXT[end] != "\n"
    assert all(end - start <= TARGET for start, end in spans)


def test_a_quotation_running_over_two_paragraphs_is_never_cut() -> None:
    open_quote = PARAGRAPHS[4]  # opens a quote that the next paragraph continues
    after = TEXT.index(open_quote) + len(open_quote) + 2
    for target in range(150, 1500, 25):
        ends = {end for _, end in paragraph_chunks(TEXT, target)}
        assert after not in ends, target


def test_a_paragraph_longer_than_the_target_is_a_chunk_of_its_own() -> None:
    text = "Short one.\n\n" + "A very long paragraph. " * 50 + "\n\nShort again.\n"
    spans = paragraph_chunks(text, 100)
    assert [text[s:e].strip()[:5] for s, e in spans] == ["Short", "A ver", "Short"]


def test_only_texts_over_the_threshold_are_chunked(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not needs_chunks(_article())
    monkeypatch.setattr(chunking, "CHUNK_THRESHOLD", 1000)
    assert needs_chunks(_article())


# -- the merged result ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def chunked_and_parts(nlp: Language) -> tuple[CodedArticle, list[CodedArticle]]:
    article = _article()
    merged = code_in_chunks(nlp, article, target=TARGET)
    parts = [
        code(nlp, dataclasses.replace(article, text=TEXT[s:e], id=""))
        for s, e in paragraph_chunks(TEXT, TARGET)
    ]
    return merged, parts


def _events(coded: CodedArticle) -> list[tuple[object, ...]]:
    attributions = {a.id: a.cue.text for a in coded.attributions}
    return [
        (
            e.trigger.text,
            e.event_type,
            e.cameo,
            e.source_code,
            e.target_code,
            e.status,
            attributions.get(e.attribution_id or ""),
            tuple(link.name for link in e.chain),
            len(e.contests),
            len(e.contested_by),
        )
        for e in coded.events
    ]


def _attributions(coded: CodedArticle) -> list[tuple[object, ...]]:
    return [
        (a.cue.text, a.content.text, a.source.text if a.source else None, a.kind, a.source_code)
        for a in coded.attributions
    ]


def test_chunked_content_equals_coding_the_chunks_one_by_one(
    chunked_and_parts: tuple[CodedArticle, list[CodedArticle]],
) -> None:
    merged, parts = chunked_and_parts
    assert merged.events, "the text should hold events"
    assert _events(merged) == [row for p in parts for row in _events(p)]
    assert _attributions(merged) == [row for p in parts for row in _attributions(p)]
    # the same actors by code (one actor per code, as within a document: the name kept is
    # the first chunk's, so names may differ from a chunk's own)
    assert {a.code for a in merged.actors} == {a.code for p in parts for a in p.actors}
    # an actor named in several chunks is one actor of the article
    assert len({a.code for a in merged.actors if a.code}) == len(
        [a for a in merged.actors if a.code]
    )
    assert len(merged.mentions) == sum(len(p.mentions) for p in parts)
    assert len(merged.sentences) == sum(len(p.sentences) for p in parts)


def test_offsets_point_into_the_whole_text(
    chunked_and_parts: tuple[CodedArticle, list[CodedArticle]],
) -> None:
    merged, _ = chunked_and_parts
    assert merged.article.text == TEXT
    spans = [
        *merged.sentences,
        *merged.mentions,
        *merged.places,
        *merged.times,
        *(a.cue for a in merged.attributions),
        *(a.content for a in merged.attributions),
        *(a.source for a in merged.attributions if a.source),
        *(e.trigger for e in merged.events),
        *(e.sentence for e in merged.events),
    ]
    for span in spans:
        assert TEXT[span.start : span.end] == span.text


def test_offsets_are_the_chunks_own_shifted_by_where_the_chunk_starts(
    chunked_and_parts: tuple[CodedArticle, list[CodedArticle]],
) -> None:
    merged, parts = chunked_and_parts
    starts = [s for s, _ in paragraph_chunks(TEXT, TARGET)]

    def of_events(coded: CodedArticle, shift: int) -> list[tuple[int | None, ...]]:
        rows: list[tuple[int | None, ...]] = []
        for e in coded.events:
            rows.append((e.trigger.start + shift, e.sentence.start + shift))
            rows.extend((_moved(x.start, shift), _moved(x.end, shift)) for x in e.chain)
        return rows

    def of_attributions(coded: CodedArticle, shift: int) -> list[tuple[int | None, ...]]:
        rows: list[tuple[int | None, ...]] = []
        for a in coded.attributions:
            rows.append((a.cue.start + shift, a.content.end + shift))
            rows.extend((_moved(x.start, shift), _moved(x.end, shift)) for x in a.chain)
        return rows

    for located in (of_events, of_attributions):
        expected = [row for s, p in zip(starts, parts, strict=True) for row in located(p, s)]
        assert located(merged, 0) == expected


def _moved(offset: int | None, shift: int) -> int | None:
    return None if offset is None else offset + shift


def test_ids_are_unique_renumbered_and_every_link_resolves(
    chunked_and_parts: tuple[CodedArticle, list[CodedArticle]],
) -> None:
    merged, _ = chunked_and_parts
    art_id = merged.article.id
    kinds = {
        "s": merged.sentences,
        "a": merged.actors,
        "p": merged.places,
        "t": merged.times,
        "q": merged.attributions,
        "e": merged.events,
    }
    for letter, records in kinds.items():
        assert [r.id for r in records] == [f"{art_id}-{letter}{n}" for n in range(len(records))]
    actor_mentions = [m for m in merged.mentions if m.actor_id]
    assert [m.id for m in actor_mentions] == [f"{art_id}-m{n}" for n in range(len(actor_mentions))]
    for i, m in enumerate(merged.mentions):
        if not m.actor_id:
            assert m.id == f"{art_id}-n{i}"  # as to_coded numbers them
    all_ids = {r.id for records in kinds.values() for r in records}
    all_ids |= {m.id for m in merged.mentions}
    assert len(all_ids) == sum(len(r) for r in kinds.values()) + len(merged.mentions)
    # no id of a chunk survives anywhere
    assert not re.search(re.escape(art_id) + r"\.\d", json.dumps(merged.to_dict()))
    actors = {a.id for a in merged.actors}
    mentions = {m.id for m in merged.mentions}
    assert {m.actor_id for m in actor_mentions} <= actors
    assert {mid for a in merged.actors for mid in a.mention_ids} <= mentions
    quotes = {q.id for q in merged.attributions}
    for e in merged.events:
        assert e.attribution_id is None or e.attribution_id in quotes
        assert {e.source_actor_id, e.target_actor_id, e.other_actor_id} - {None} <= actors
        assert e.place_id is None or e.place_id in {p.id for p in merged.places}
        assert e.time_id is None or e.time_id in {t.id for t in merged.times}
        assert set(e.contests) | set(e.contested_by) <= {x.id for x in merged.events}
        assert {link.actor_id for link in e.chain} - {None} <= actors
    for q in merged.attributions:
        assert q.parent_id is None or q.parent_id in quotes
        assert q.source_actor_id is None or q.source_actor_id in actors
    by_id = {m.id: m for m in merged.mentions}
    for a in merged.actors:  # each mention says it is this actor's
        assert all(by_id[mid].actor_id == a.id for mid in a.mention_ids)


def test_code_chunks_long_texts_and_leaves_short_ones_alone(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = chunking.code_in_chunks
    monkeypatch.setattr(
        chunking, "code_in_chunks", lambda nlp, art, **kw: calls.append(art.id) or real(nlp, art)
    )
    short = code(nlp, _article(PARAGRAPHS[8]))  # the EU is a coded actor
    assert calls == [] and short.events
    monkeypatch.setattr(chunking, "CHUNK_THRESHOLD", 1000)
    monkeypatch.setattr(chunking, "CHUNK_TARGET", TARGET)
    long = code(nlp, _article())
    assert calls == [long.article.id]
    assert long.article.text == TEXT


def test_merge_renumbers_contests_and_merges_an_actor_across_chunks() -> None:
    from dotterel.chunking import merge_chunks
    from dotterel.model import Actor, Event, Mention, SourceLink, TextSpan

    def part(k: int, text: str) -> CodedArticle:
        pid = f"X.{k}"
        mention = Mention(f"{pid}-m0", 0, 4, text[:4], "GPE", actor_id=f"{pid}-a0")
        actor = Actor(f"{pid}-a0", "Iran", "IRN", mention_ids=[mention.id], evidence=[f"e{k}"])
        claim = Event(
            f"{pid}-e0",
            TextSpan(5, 9, text[5:9]),
            TextSpan(0, len(text), text),
            "ASSAULT",
            source_actor_id=actor.id,
            contested_by=[f"{pid}-e1"],
            chain=[SourceLink("Iran", actor_id=actor.id, start=0, end=4)],
        )
        denial = Event(
            f"{pid}-e1", TextSpan(0, 4, text[:4]), claim.sentence, "REJECT", contests=[claim.id]
        )
        return CodedArticle(
            Article(text=text, id=pid), mentions=[mention], actors=[actor], events=[claim, denial]
        )

    whole = Article(text="Iran hits.\nIran hits.\n", id="X")
    merged = merge_chunks(whole, [0, 11], [part(0, "Iran hits.\n"), part(1, "Iran hits.\n")])
    assert [a.id for a in merged.actors] == ["X-a0"]
    assert merged.actors[0].mention_ids == ["X-m0", "X-m1"]
    assert merged.actors[0].evidence == ["e0", "e1"]
    assert [m.actor_id for m in merged.mentions] == ["X-a0", "X-a0"]
    assert [(e.id, e.contests, e.contested_by) for e in merged.events] == [
        ("X-e0", [], ["X-e1"]),
        ("X-e1", ["X-e0"], []),
        ("X-e2", [], ["X-e3"]),
        ("X-e3", ["X-e2"], []),
    ]
    assert [(e.trigger.start, e.chain[0].start if e.chain else None) for e in merged.events] == [
        (5, 0),
        (0, None),
        (16, 11),
        (11, None),
    ]
    assert merged.events[2].chain[0].actor_id == "X-a0"
