"""Match verb occurrences against PETRARCH verb dictionaries (read by :mod:`.verb_files`).

Matching is by words, not by PETRARCH's phrase trees: a pattern holds when its words occur
in order after (and before) the verb in the sentence, adjacent where joined by ``_``; the
pattern with the most matched words wins. Codes are kept as strings, unknown ones too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from dotterel.dictionaries.verb_files import (
    Element,
    VerbBlock,
    VerbFile,
    VerbForm,
    VerbPattern,
    read_verb_file,
)

LOGGER = logging.getLogger(__name__)

#: A block's patterns, each with the word sets that must meet the words after the verb.
_PatternNeeds = list[tuple[VerbPattern, tuple[frozenset[str], ...]]]


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """What the dictionary says about one verb occurrence."""

    verb: str
    code: str | None
    paired: str | None = None
    pattern: VerbPattern | None = None
    #: index in ``after`` where the pattern's target phrase (``+``) starts, if it has one
    target_offset: int | None = None


class VerbDictionary:
    """Verbs and patterns from one or more PETRARCH verb dictionaries.

    Look up with :meth:`match`; ``"ATTACK" in verbs`` tells whether a word (base form or an
    inflected form) is known. Later dictionaries override earlier ones word by word.
    """

    def __init__(self) -> None:
        self._forms: dict[str, VerbForm] = {}
        #: per verb block (by id): its patterns, each with the first words that can start
        #: each of its ``after`` elements (an element with an empty alternative always
        #: matches and is left out); made on the block's first prefiltered match
        self._needs: dict[int, _PatternNeeds] = {}

    @classmethod
    def from_forms(cls, forms: Mapping[str, VerbForm]) -> VerbDictionary:
        """A dictionary from verb forms (upper case) to what each codes, e.g. decoded
        from a compiled knowledge file (:mod:`dotterel.knowledge.codec`)."""
        verbs = cls()
        verbs._forms = {form.upper(): entry for form, entry in forms.items()}
        return verbs

    @property
    def forms(self) -> Mapping[str, VerbForm]:
        """Every verb form and what it codes (read-only view)."""
        return MappingProxyType(self._forms)

    def __len__(self) -> int:
        return len(self._forms)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.upper() in self._forms

    def match(
        self,
        lemma: str,
        form: str,
        before: Sequence[str],
        after: Sequence[str],
        *,
        after_lemmas: Sequence[str] | None = None,
        compound_subject: bool = False,
        compound_object: bool = False,
        prefilter: bool = False,
    ) -> VerbMatch | None:
        """Code one verb occurrence.

        Args:
            lemma: the verb's lemma (any case).
            form: the verb as written.
            before: the words of the sentence before the verb, upper case.
            after: the words after the verb, upper case.
            after_lemmas: their lemmas, upper case (so "TIES" matches a pattern "TIE").
            compound_subject: whether the verb's subject is coordinated (``%`` before
                the verb).
            compound_object: whether an object of the verb, or of one of its prepositions,
                is coordinated (``%`` after the verb: ``* WITH %``).
            prefilter: skip, before matching, the patterns one of whose words cannot
                occur in ``after`` (same result, much faster on large dictionaries with
                short ``after`` lists such as a verb's own phrase).

        Returns ``None`` when the verb is unknown; a match with ``code=None`` when the verb
        is known but neither it nor any pattern carries a code.
        """
        entry = self._forms.get(form.upper()) or self._forms.get(lemma.upper())
        if entry is None:
            return None
        flags = (compound_subject, compound_object)
        patterns: Sequence[VerbPattern] = entry.block.patterns
        if prefilter:
            present = set(after) | {w.rstrip("S") for w in after}
            if after_lemmas is not None:
                present.update(after_lemmas)
            # a pattern may match only if each of its word sets meets ``present``:
            # ``not any(map(...))`` asks that without a generator per pattern
            patterns = [
                pat
                for pat, needs in self._block_needs(entry.block)
                if not any(map(present.isdisjoint, needs))
            ]
        best = _best_pattern(patterns, before, after, after_lemmas, flags)
        skipped = 0  # words of a multi-word verb before the pattern's own words
        if best is not None and best.bonus and best.after and all(e.adjacent for e in best.after):
            # a multi-word verb ("BROKEN DOWN") is a verb of the block like the others: the
            # block's patterns still apply to the words after it ("broken down a treaty")
            n = sum(len(e.alternatives[0]) for e in best.after)
            rest = after[n:]
            rest_lemmas = after_lemmas[n:] if after_lemmas is not None else None
            plain = [p for p in entry.block.patterns if not p.bonus and not p.before]
            inner = _best_pattern(plain, before, rest, rest_lemmas, flags)
            if inner is not None and inner.code:
                best, skipped = inner, n
        if best is not None:
            offset = None
            if best.target_at is not None:
                words, lemmas = (
                    after[skipped:],
                    (after_lemmas[skipped:] if after_lemmas is not None else None),
                )
                ends = _match_after_ends(best.after, words, lemmas)
                if ends is not None:
                    k = best.target_at
                    offset = (ends[k - 1] if k else 0) + (len(after) - len(words))
            return VerbMatch(lemma.upper(), best.code or None, best.paired, best, offset)
        return VerbMatch(lemma.upper(), entry.code, entry.paired)

    def _block_needs(self, block: VerbBlock) -> _PatternNeeds:
        """The block's patterns with, for each, the words one of which must be present for
        each ``after`` element to match: built once per block, not once per verb matched
        (a block has tens of patterns, and the events component matches every verb)."""
        needs = self._needs.get(id(block))
        if needs is None:
            needs = self._needs[id(block)] = [
                (
                    pat,
                    tuple(
                        frozenset(alt[0] for alt in el.alternatives)
                        for el in pat.after
                        if all(el.alternatives)
                    ),
                )
                for pat in block.patterns
            ]
        return needs

    # ---- reading

    def read(self, path: str | Path) -> None:
        """Add the verbs and patterns of one dictionary file."""
        self.add(read_verb_file(path))
        LOGGER.debug("%s: %d verb forms", path, len(self._forms))

    def add(self, verb_file: VerbFile) -> None:
        """Add what one dictionary file defines, over what earlier files did."""
        for form, entry, replaces in verb_file.forms:
            if replaces or form not in self._forms:
                self._forms[form] = entry


def load_verb_dictionaries(paths: Sequence[str | Path]) -> VerbDictionary:
    """Read PETRARCH verb dictionaries, later files overriding earlier ones."""
    verbs = VerbDictionary()
    for p in paths:
        verbs.read(p)
    return verbs


# --------------------------------------------------------------------------- matching


def _seq_at(
    words: Sequence[str], lemmas: Sequence[str] | None, pos: int, seq: tuple[str, ...]
) -> bool:
    if pos + len(seq) > len(words):
        return False
    for k, w in enumerate(seq):
        got = words[pos + k]
        if got != w and (lemmas is None or lemmas[pos + k] != w) and got.rstrip("S") != w:
            return False
    return True


def _best_pattern(
    patterns: Sequence[VerbPattern],
    before: Sequence[str],
    after: Sequence[str],
    after_lemmas: Sequence[str] | None,
    flags: tuple[bool, bool],
) -> VerbPattern | None:
    """The pattern with the most matched words (ties: the one starting nearer the verb).

    ``flags``: whether the subject and an object are coordinated, for ``%`` patterns.
    """
    compound_subject, compound_object = flags
    best: VerbPattern | None = None
    best_rank = (0, 0)
    for pat in patterns:
        if pat.size == 0 or pat.size < best_rank[0]:
            continue
        if (pat.compound and not compound_subject) or (pat.compound_object and not compound_object):
            continue
        start = _match_after(pat.after, after, after_lemmas)
        if start is None or not _match_before(pat.before, before):
            continue
        rank = (pat.size, -start)
        if best is None or rank > best_rank:
            best, best_rank = pat, rank
    return best


def _match_after_spans(
    elements: Sequence[Element], words: Sequence[str], lemmas: Sequence[str] | None
) -> list[tuple[int, int]] | None:
    """Where each ``after`` element matched, ``(start, end)`` word positions in order
    (an adjacent element right after the previous one, another anywhere later), or
    ``None`` for no match."""
    cur = 0
    spans: list[tuple[int, int]] = []
    for el in elements:
        found = -1
        last = cur if el.adjacent else len(words) - 1
        for pos in range(cur, last + 1):
            hit = next((s for s in el.alternatives if _seq_at(words, lemmas, pos, s)), None)
            if hit is not None:
                found = pos + len(hit)
                spans.append((pos, found))
                break
        if found < 0:
            return None
        cur = found
    return spans


def _match_after_ends(
    elements: Sequence[Element], words: Sequence[str], lemmas: Sequence[str] | None
) -> list[int] | None:
    """The end position of each matched element, or ``None`` for no match."""
    spans = _match_after_spans(elements, words, lemmas)
    return None if spans is None else [end for _, end in spans]


def _match_after(
    elements: Sequence[Element], words: Sequence[str], lemmas: Sequence[str] | None
) -> int | None:
    """Where the first element matched (0 when there are none), or ``None`` for no match."""
    spans = _match_after_spans(elements, words, lemmas)
    return None if spans is None else (spans[0][0] if spans else 0)


def _match_before(elements: Sequence[Element], words: Sequence[str]) -> bool:
    end = len(words)  # words[:end] still available, matched right to left
    for el in elements:
        found = -1
        lowest = end - 1 if el.adjacent else 0
        for stop in range(end, lowest, -1):
            hit = next(
                (
                    s
                    for s in el.alternatives
                    if stop - len(s) >= 0 and _seq_at(words, None, stop - len(s), s)
                ),
                None,
            )
            if hit is not None:
                found = stop - len(hit)
                break
        if found < 0:
            return False
        end = found
    return True


__all__ = ["VerbDictionary", "VerbMatch", "load_verb_dictionaries"]
