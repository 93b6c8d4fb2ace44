"""The compiled form of the shipped knowledge base: reader structures <-> compact JSON.

:mod:`dotterel.knowledge.build` turns what the TABARI/PETRARCH readers produce
(:class:`~dotterel.dictionaries.ActorEntry`, ``AgentEntry``,
:class:`~dotterel.dictionaries.VerbDictionary`) into plain lists, and
:mod:`dotterel.knowledge` turns them back. Both sides live here so that the format has one
definition. The format is positional lists (no key names repeated 30 000 times), dates as
``YYYYMMDD`` integers, and verb-pattern alternatives stored once in a shared table, because
the point of compiling is a small file that loads in a fraction of the text readers' time.

Bump :data:`FORMAT` whenever a layout below changes: the loader refuses other versions
rather than misread them.
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from typing import Any

from dotterel.dictionaries import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    Element,
    VerbBlock,
    VerbDictionary,
    VerbPattern,
)
from dotterel.dictionaries.verb_files import VerbForm

#: Version of the compiled layout.
FORMAT = 1

Json = Any


# --------------------------------------------------------------------------- files


def dump_gzip_json(obj: Json) -> bytes:
    """``obj`` as gzipped JSON, byte-for-byte the same for the same input (no timestamp)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def load_gzip_json(data: bytes) -> Json:
    return json.loads(gzip.decompress(data))


# --------------------------------------------------------------------------- dates


def _date_int(d: date | None) -> int | None:
    return None if d is None else d.year * 10000 + d.month * 100 + d.day


def _int_date(n: int | None) -> date | None:
    return None if n is None else date(n // 10000, n // 100 % 100, n % 100)


# --------------------------------------------------------------------------- actors


def encode_actors(entries: list[ActorEntry], sources: list[str]) -> Json:
    """``{"codes": [[code, start, end], ...], "entries": [[source index, line, [phrases],
    [code index, ...]], ...]}``: each distinct dated code is stored once; the name is the
    first phrase (as the reader makes it) unless a sixth item gives another."""
    index = {s: i for i, s in enumerate(sources)}
    codes: list[Json] = []
    code_index: dict[DatedCode, int] = {}

    def code(dc: DatedCode) -> int:
        if dc not in code_index:
            code_index[dc] = len(codes)
            codes.append([dc.code, _date_int(dc.start), _date_int(dc.end)])
        return code_index[dc]

    rows: list[Json] = []
    for e in entries:
        row = [index[e.source], e.line, e.phrases, [code(c) for c in e.codes]]
        if not e.phrases or e.name != e.phrases[0]:
            row.append(e.name)
        rows.append(row)
    return {"codes": codes, "entries": rows}


def decode_actors(obj: Json, sources: list[str]) -> list[ActorEntry]:
    # DatedCode is frozen, so entries share one object per distinct code: fewer objects
    # to build is most of what makes this load fast
    codes = [DatedCode(c, _int_date(start), _int_date(end)) for c, start, end in obj["codes"]]
    return [
        ActorEntry(
            row[4] if len(row) > 4 else row[2][0],
            list(row[2]),  # a copy: the decoded document is cached by the loader
            [codes[i] for i in row[3]],
            sources[row[0]],
            row[1],
        )
        for row in obj["entries"]
    ]


def encode_agents(entries: list[AgentEntry], sources: list[str]) -> list[Json]:
    """``[source index, line, phrase, [forms], code, prefix]`` per entry."""
    index = {s: i for i, s in enumerate(sources)}
    return [[index[a.source], a.line, a.phrase, a.forms, a.code, a.prefix] for a in entries]


def decode_agents(rows: list[Json], sources: list[str]) -> list[AgentEntry]:
    return [
        AgentEntry(
            phrase=phrase,
            forms=list(forms),
            code=code,
            prefix=bool(prefix),
            source=sources[src],
            line=line,
        )
        for src, line, phrase, forms, code, prefix in rows
    ]


# --------------------------------------------------------------------------- verbs
#
# A VerbDictionary is a map from verb form to (block, code, paired); blocks hold the
# patterns. ``VerbDictionary.forms`` reads the map and ``VerbDictionary.from_forms``
# builds one, so the compiled form is exact.


def encode_verbs(verbs: VerbDictionary) -> Json:
    """``{"alternatives": [...], "blocks": [...], "forms": [[form, block, code, paired]]}``."""
    forms = verbs.forms
    blocks: list[VerbBlock] = []
    block_index: dict[int, int] = {}
    alternatives: list[Json] = []
    alt_index: dict[tuple[tuple[str, ...], ...], int] = {}

    def alt(el: Element) -> Json:
        key = el.alternatives
        if key not in alt_index:
            alt_index[key] = len(alternatives)
            alternatives.append([list(words) for words in key])
        return [alt_index[key], el.adjacent]

    def pattern(p: VerbPattern) -> Json:
        return [
            [alt(e) for e in p.before],
            [alt(e) for e in p.after],
            p.code,
            p.paired,
            p.bonus,
            p.compound,
            p.compound_object,
            p.target_at,
            p.target_skip,
        ]

    form_rows: list[Json] = []
    for form in sorted(forms):
        entry = forms[form]
        key = id(entry.block)
        if key not in block_index:
            block_index[key] = len(blocks)
            blocks.append(entry.block)
        form_rows.append([form, block_index[key], entry.code, entry.paired])
    block_rows = [[b.name, b.code, b.paired, [pattern(p) for p in b.patterns]] for b in blocks]
    return {"alternatives": alternatives, "blocks": block_rows, "forms": form_rows}


def decode_verbs(obj: Json) -> VerbDictionary:
    alternatives = [tuple(tuple(words) for words in alts) for alts in obj["alternatives"]]
    elements: dict[tuple[int, bool], Element] = {}

    def element(row: Json) -> Element:
        key = (row[0], bool(row[1]))
        el = elements.get(key)
        if el is None:
            el = elements[key] = Element(alternatives[key[0]], adjacent=key[1])
        return el

    blocks = [
        VerbBlock(
            name=name,
            code=code,
            paired=paired,
            patterns=[
                VerbPattern(
                    before=tuple(element(e) for e in before),
                    after=tuple(element(e) for e in after),
                    code=pcode,
                    paired=ppaired,
                    bonus=bonus,
                    compound=compound,
                    compound_object=compound_object,
                    target_at=target_at,
                    target_skip=target_skip,
                )
                for (
                    before,
                    after,
                    pcode,
                    ppaired,
                    bonus,
                    compound,
                    compound_object,
                    target_at,
                    target_skip,
                ) in patterns
            ],
        )
        for name, code, paired, patterns in obj["blocks"]
    ]
    return VerbDictionary.from_forms(
        {form: VerbForm(blocks[b], code, paired) for form, b, code, paired in obj["forms"]}
    )


__all__ = [
    "FORMAT",
    "decode_actors",
    "decode_agents",
    "decode_verbs",
    "dump_gzip_json",
    "encode_actors",
    "encode_agents",
    "encode_verbs",
    "load_gzip_json",
]
