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

What a verb occurrence in a sentence matches is :mod:`.verb_matcher`'s job.
"""

from __future__ import annotations

import logging
import re
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


@dataclass(slots=True)
class VerbForm:
    """What one verb form (``ATTACKED``) codes: its block, and its own code if it has one."""

    block: VerbBlock
    code: str | None
    paired: str | None


@dataclass(slots=True)
class VerbFile:
    """What one verb dictionary file defines."""

    blocks: list[VerbBlock]
    #: ``(FORM, entry, replaces)`` in file order: a later entry of the same form replaces
    #: an earlier one (from this file or an earlier file), except the bare head of a
    #: multi-word verb (``replaces`` false), which only fills a gap.
    forms: list[tuple[str, VerbForm, bool]]


def read_verb_file(path: str | Path) -> VerbFile:
    """The verb blocks, patterns and verb forms of one dictionary file.

    Raises :class:`DictionaryError` when the file cannot be read.
    """
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
    forms = [form for blk, text in verb_lines for form in _verb_forms(blk, text)]
    return VerbFile(blocks=blocks, forms=forms)


def _verb_forms(block: VerbBlock, text: str) -> list[tuple[str, VerbForm, bool]]:
    """A verb line's base form, regular inflections and listed forms (see
    :attr:`VerbFile.forms`); a multi-word verb's pattern goes to its ``block``."""
    m = _CODE_RE.search(text)
    code, paired = (block.code, block.paired)
    if m is not None:
        code, paired = _split_code(m.group(1))
        text = text[: m.start()] + text[m.end() :]
    forms_m = re.search(r"\{([^}]*)\}", text)
    extra = forms_m.group(1).split() if forms_m else []
    word = re.sub(r"\{[^}]*\}", "", text).strip().split()
    if not word:
        return []
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
        # the head alone is not the multi-word verb: only its pattern codes
        return [(head.upper(), VerbForm(block, None, None), False)]
    entry = VerbForm(block, code, paired)
    base = head_word.upper()
    forms = {base, *_regular_forms(base), *(x.upper().lstrip("+") for x in extra)}
    return [(f, entry, True) for f in forms if "_" not in f]


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


__all__ = ["Element", "VerbBlock", "VerbFile", "VerbForm", "VerbPattern", "read_verb_file"]
