"""Read PETRARCH CAMEO verb dictionaries (``CAMEO.2.0.txt`` and files in that format).

Analysts keep verb patterns in this format; reading it lets them bring their own. What the
reader understands (the subset PETRARCH documents in ``read_verb_dictionary``):

* ``&NAME`` starts a synonym set whose members follow as ``+WORD`` or ``+TWO WORDS``
  lines (a member may be another set, ``+&OTHER``).
* ``--- NAME [code] ---`` starts a verb block; ``[---]`` means "no event unless a pattern
  says so".
* A verb line: ``WORD {IRREGULAR FORMS} [code]``; ``+ASK_FOR`` or ``KLM_+RST`` are
  multi-word verbs whose head is the word after ``+``.
* A pattern line: ``- WORDS BEFORE * WORDS AFTER [code]``. ``_`` joins words that must be
  adjacent, ``{A B}`` is a phrase, ``(TO BORDER)`` a prepositional phrase, ``&SET`` any
  member of a set. Markers: ``%`` (compound) makes the pattern need a coordinated
  subject (before ``*``) or object (after it: ``* WITH %``); ``+`` after ``*`` says where
  the target phrase starts (:attr:`VerbMatch.target_offset`), past the phrases skipped
  by ``^`` right before it; ``$`` (source), ``+`` before ``*`` and other ``^`` are
  accepted and ignored. ``[032:033]`` codes a pair of events: the second,
  target-to-source (``[031:031]``: the same code both ways).
* A multi-word verb (``+BREAK_DOWN``) is a verb of its block: the block's patterns apply
  to the words after it ("broke down the *treaty*").

Matching is by words, not by PETRARCH's phrase trees: a pattern holds when its words occur
in order after (and before) the verb in the sentence, adjacent where joined by ``_``; the
pattern with the most matched words wins. Codes are kept as strings, unknown ones too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.errors import DictionaryError

LOGGER = logging.getLogger(__name__)

_MARKERS = frozenset({"$", "+", "%", "^", "*"})
_CODE_RE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True, slots=True)
class Element:
    """One pattern element: alternatives (each a word sequence), maybe glued to the previous."""

    alternatives: tuple[tuple[str, ...], ...]
    adjacent: bool = False


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """``- BEFORE * AFTER [code]``."""

    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: str
    paired: str | None = None
    #: multi-word verbs are tried before ordinary patterns
    bonus: int = 0
    #: ``%`` before ``*``: it applies only when the subject is coordinated ("X and Y")
    compound: bool = False
    #: ``%`` after ``*``: only when an object is coordinated ("agrees with X and Y")
    compound_object: bool = False
    #: ``+`` after ``*``: the target is the phrase that follows this many ``after``
    #: elements (``* THEIR ^ ABOUT +``: after two), once ``target_skip`` phrases are
    #: skipped (``^`` right before ``+``: ``* AT ^ +``)
    target_at: int | None = None
    target_skip: int = 0

    @property
    def size(self) -> int:
        words = sum(len(e.alternatives[0]) for e in (*self.before, *self.after))
        return words + self.bonus + int(self.compound) + int(self.compound_object)


@dataclass(slots=True)
class VerbBlock:
    """A ``--- NAME [code] ---`` block: its default code and its patterns."""

    name: str
    code: str | None
    paired: str | None = None
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class VerbMatch:
    """What the dictionary says about one verb occurrence."""

    verb: str
    code: str | None
    paired: str | None = None
    pattern: VerbPattern | None = None
    #: index in ``after`` where the pattern's target phrase (``+``) starts, if it has one
    target_offset: int | None = None


@dataclass(slots=True)
class _VerbForm:
    block: VerbBlock
    code: str | None
    paired: str | None


class VerbDictionary:
    """Verbs and patterns from one or more PETRARCH verb dictionaries.

    Look up with :meth:`match`; ``"ATTACK" in verbs`` tells whether a word (base form or an
    inflected form) is known. Later dictionaries override earlier ones word by word.
    """

    def __init__(self) -> None:
        self._forms: dict[str, _VerbForm] = {}

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

        Returns ``None`` when the verb is unknown; a match with ``code=None`` when the verb
        is known but neither it nor any pattern carries a code.
        """
        entry = self._forms.get(form.upper()) or self._forms.get(lemma.upper())
        if entry is None:
            return None
        flags = (compound_subject, compound_object)
        best = _best_pattern(entry.block.patterns, before, after, after_lemmas, flags)
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

    # ---- reading

    def read(self, path: str | Path) -> None:
        """Add the verbs and patterns of one dictionary file."""
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as exc:
            raise DictionaryError(f"cannot read verb dictionary {path}: {exc}") from exc
        synsets: dict[str, list[tuple[str, ...]]] = {}
        raw_sets: dict[str, list[str]] = {}
        current_set: str | None = None
        block: VerbBlock | None = None
        pending: list[tuple[int, str]] = []  # patterns wait for all synsets to be read
        verb_lines: list[tuple[VerbBlock, str]] = []
        blocks: list[VerbBlock] = []
        for lineno, raw in enumerate(lines, 1):
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip() or line.lstrip().startswith("<"):
                continue
            text = line.strip()
            if text.startswith("&"):
                current_set = text.split()[0]
                raw_sets[current_set] = []
                continue
            # a "+" line continues a set; inside a verb block, one with a code is a verb
            if (
                text.startswith("+")
                and current_set is not None
                and (block is None or not _CODE_RE.search(text))
            ):
                raw_sets[current_set].append(text[1:].strip())
                continue
            current_set = None
            if text.startswith("---"):
                m = re.match(r"^---\s*(.*?)\s*\[([^\]]*)\]", text)
                if m is None:
                    LOGGER.warning("%s:%d: unreadable verb block header", path, lineno)
                    continue
                code, paired = _split_code(m.group(2))
                block = VerbBlock(name=m.group(1).strip("_ "), code=code, paired=paired)
                blocks.append(block)
                continue
            if block is None:
                continue
            if text.startswith("-"):
                pending.append((len(blocks) - 1, text[1:].strip()))
            else:
                verb_lines.append((block, text))
        for name in raw_sets:
            synsets[name] = _expand_set(name, raw_sets, set())
        for block_idx, text in pending:
            pat = _parse_pattern(text, synsets)
            if pat is not None:
                blocks[block_idx].patterns.append(pat)
        for blk, text in verb_lines:
            self._add_verb(blk, text)
        LOGGER.debug("%s: %d blocks, %d verb forms", path, len(blocks), len(self._forms))

    def _add_verb(self, block: VerbBlock, text: str) -> None:
        """Register a verb line: its base form, regular inflections and listed forms."""
        m = _CODE_RE.search(text)
        code, paired = (block.code, block.paired)
        if m is not None:
            code, paired = _split_code(m.group(1))
            text = text[: m.start()] + text[m.end() :]
        forms_m = re.search(r"\{([^}]*)\}", text)
        extra = forms_m.group(1).split() if forms_m else []
        word = re.sub(r"\{[^}]*\}", "", text).strip().split()
        if not word:
            return
        head_word = word[0]
        if "_" in head_word or head_word.startswith("+"):
            parts = head_word.split("_")
            idx = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
            parts = [p.lstrip("+") for p in parts if p]
            head = parts[idx] if idx < len(parts) else parts[0]
            before = tuple(Element(((p,),), adjacent=True) for p in reversed(parts[:idx]))
            after = tuple(Element(((p,),), adjacent=True) for p in parts[idx + 1 :])
            if code:
                block.patterns.append(
                    VerbPattern(before=before, after=after, code=code, paired=paired, bonus=5)
                )
            if head.upper() not in self._forms:
                # the head alone is not the multi-word verb: only its pattern codes
                self._forms[head.upper()] = _VerbForm(block, None, None)
            return
        entry = _VerbForm(block, code, paired)
        base = head_word.upper()
        for f in {base, *_regular_forms(base), *(x.upper().lstrip("+") for x in extra)}:
            if "_" in f:
                continue
            self._forms[f] = entry


def load_verb_dictionaries(paths: Sequence[str | Path]) -> VerbDictionary:
    """Read PETRARCH verb dictionaries, later files overriding earlier ones."""
    verbs = VerbDictionary()
    for p in paths:
        verbs.read(p)
    return verbs


# --------------------------------------------------------------------------- parsing


def _split_code(text: str) -> tuple[str | None, str | None]:
    text = text.strip()
    first, _, second = text.partition(":")
    first, second = first.strip(), second.strip()
    code = first if first and first != "---" else None
    return code, (second or None)


def _expand_set(name: str, raw: dict[str, list[str]], seen: set[str]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    seen.add(name)
    for member in raw.get(name, []):
        member = member.strip()
        if member.startswith("&"):
            if member in raw and member not in seen:
                out.extend(_expand_set(member, raw, seen))
            continue
        words = tuple(w for w in re.split(r"[\s_]+", member.upper()) if w)
        if words:
            out.append(words)
    return out


def _parse_pattern(text: str, synsets: dict[str, list[tuple[str, ...]]]) -> VerbPattern | None:
    m = _CODE_RE.search(text)
    if m is None:
        return None
    code, paired = _split_code(m.group(1))
    body = text[: m.start()]
    # phrases in braces and parentheses are sequences of adjacent words
    body = re.sub(r"\{([^}]*)\}", lambda g: "_".join(g.group(1).split()), body)
    body = re.sub(r"\(([^)]*)\)", lambda g: " ".join(g.group(1).split()), body)
    if "*" not in body:
        return None
    pre_text, _, post_text = body.partition("*")
    pre_glued = pre_text.endswith("_")
    post_glued = post_text.startswith("_")
    before = _elements(pre_text, synsets)
    after = _elements(post_text, synsets)
    if after and post_glued:
        after[0] = Element(after[0].alternatives, adjacent=True)
    # before-elements are matched right to left, starting next to the verb
    before_rev = list(reversed(before))
    fixed: list[Element] = []
    for i, el in enumerate(before_rev):
        glued = pre_glued if i == 0 else before[len(before) - i].adjacent
        fixed.append(Element(el.alternatives, adjacent=glued))
    return VerbPattern(
        before=tuple(fixed),
        after=tuple(after),
        code=code or "",
        paired=paired,
        compound=_has_compound(pre_text),
        compound_object=_has_compound(post_text),
        **_target_marker(post_text, synsets),
    )


def _target_marker(text: str, synsets: dict[str, list[tuple[str, ...]]]) -> dict[str, int]:
    """Where ``+`` (the target) stands among the after-elements, and how many ``^`` skips
    come right before it; ``{}`` when the after side has no ``+``."""
    chunks = text.split()
    if "+" not in chunks:
        return {}
    at = chunks.index("+")
    skip = 0
    while at - skip - 1 >= 0 and chunks[at - skip - 1] == "^":
        skip += 1
    return {
        "target_at": len(_elements(" ".join(chunks[:at]), synsets)),
        "target_skip": skip,
    }


def _has_compound(text: str) -> bool:
    """Whether a pattern side holds the compound marker ``%`` (alone or glued: ``_%``)."""
    return any(piece == "%" for chunk in text.split() for piece in chunk.split("_"))


def _elements(text: str, synsets: dict[str, list[tuple[str, ...]]]) -> list[Element]:
    out: list[Element] = []
    for chunk in text.split():
        pieces = [p for p in chunk.split("_")]
        for j, piece in enumerate(pieces):
            piece = piece.strip()
            adjacent = j > 0 and bool(out)
            if not piece or piece in _MARKERS:
                continue
            piece = piece.strip("$+%^")
            if not piece:
                continue
            if piece.startswith("&"):
                alts = synsets.get(piece) or synsets.get(piece.rstrip("_"))
                if not alts:
                    LOGGER.debug("unknown synonym set %s", piece)
                    continue
                out.append(Element(tuple(alts), adjacent=adjacent))
            else:
                out.append(Element(((piece.upper(),),), adjacent=adjacent))
    return out


def _regular_forms(base: str) -> list[str]:
    """English inflections of a verb, as PETRARCH generates them for regular verbs."""
    forms = []
    if base.endswith("E"):
        forms += [base + "S", base + "D", base[:-1] + "ING"]
    elif base.endswith("Y") and len(base) > 1 and base[-2] not in "AEIOU":
        forms += [base[:-1] + "IES", base[:-1] + "IED", base + "ING"]
    elif base.endswith(("S", "SH", "CH", "X", "Z")):
        forms += [base + "ES", base + "ED", base + "ING"]
    else:
        forms += [base + "S", base + "ED", base + "ING"]
    return forms


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


def _match_after_ends(
    elements: Sequence[Element], words: Sequence[str], lemmas: Sequence[str] | None
) -> list[int] | None:
    """Like :func:`_match_after`, but the end position of each matched element."""
    cur = 0
    ends: list[int] = []
    for el in elements:
        found = -1
        last = cur if el.adjacent else len(words) - 1
        for pos in range(cur, last + 1):
            hit = next((s for s in el.alternatives if _seq_at(words, lemmas, pos, s)), None)
            if hit is not None:
                found = pos + len(hit)
                break
        if found < 0:
            return None
        ends.append(found)
        cur = found
    return ends


def _match_after(
    elements: Sequence[Element], words: Sequence[str], lemmas: Sequence[str] | None
) -> int | None:
    """Where the first element matched (0 when there are none), or ``None`` for no match."""
    cur = 0
    first = 0
    for n, el in enumerate(elements):
        found = -1
        last = cur if el.adjacent else len(words) - 1
        for pos in range(cur, last + 1):
            hit = next((s for s in el.alternatives if _seq_at(words, lemmas, pos, s)), None)
            if hit is not None:
                found = pos + len(hit)
                if n == 0:
                    first = pos
                break
        if found < 0:
            return None
        cur = found
    return first


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


__all__ = [
    "Element",
    "VerbBlock",
    "VerbDictionary",
    "VerbMatch",
    "VerbPattern",
    "load_verb_dictionaries",
]
