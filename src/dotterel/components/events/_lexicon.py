"""The trigger lexicon: which lemma codes which CAMEO event, under which conditions.

Rows come from ``data/events/triggers.tsv`` (format in its header). A row may require a
dependent of the trigger ("restore" codes only with the object "ties") and say where its
actors are; :meth:`TriggerLexicon.match` returns the most specific row whose conditions
hold. Lookups are dict hits by ``(lemma, pos)``, so the cost is one probe per token.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS
from dotterel.components.events._syntax import NOUN_ACTOR_MODS, OBJ, conj_heads, second_object_verb

LOGGER = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent.parent / "data" / "events"
LEXICON_PATH = DATA_DIR / "triggers.tsv"


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One lexicon row: a code, the conditions it needs and where its actors are."""

    code: str | None
    conditions: tuple[tuple[str, frozenset[str]], ...] = ()
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()


class TriggerLexicon:
    """Trigger rows by ``(lemma, pos)``, most specific first."""

    def __init__(self, rows: dict[tuple[str, str], list[TriggerRow]]) -> None:
        self.rows = {k: sorted(v, key=lambda r: -len(r.conditions)) for k, v in rows.items()}

    @classmethod
    def load(cls, path: str | Path = LEXICON_PATH) -> TriggerLexicon:
        """Read the TSV lexicon (format in its header)."""
        rows: dict[tuple[str, str], list[TriggerRow]] = {}
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                LOGGER.warning("%s:%d: need lemma, pos and code", path, lineno)
                continue
            lemma, pos, code = cols[0].strip().lower(), cols[1].strip().upper(), cols[2].strip()
            conds = _parse_keyvals(cols[3] if len(cols) > 3 else "")
            roles = _parse_keyvals(cols[4] if len(cols) > 4 else "")
            rows.setdefault((lemma, pos), []).append(
                TriggerRow(
                    code=None if code == "-" else code,
                    conditions=tuple((k, frozenset(v)) for k, v in conds),
                    roles=tuple((k, tuple(v)) for k, v in roles),
                )
            )
        return cls(rows)

    def match(self, token: Token, pos: str) -> TriggerRow | None:
        """The most specific row for ``token`` whose conditions hold, if any."""
        candidates = self.rows.get((token.lemma_.lower(), pos))
        if not candidates:
            return None
        feats: dict[str, set[str]] | None = None
        for row in candidates:
            if not row.conditions:
                return row
            if feats is None:
                # the costlier tests are read only when a row of this word asks for them
                keys = {k for r in candidates for k, _ in r.conditions}
                feats = _features(token, keys)
            if all(feats.get(k, set()) & vals for k, vals in row.conditions):
                return row
        return None


@lru_cache(maxsize=2)
def default_lexicon() -> TriggerLexicon:
    """The shipped lexicon, read once per process."""
    return TriggerLexicon.load()


def _parse_keyvals(text: str) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    for item in text.split():
        key, _, vals = item.partition("=")
        out.append((key.lower(), [v.lower() for v in vals.split("|") if v]))
    return out


#: Every condition key (``_features``' default: all of them read).
_ALL_KEYS = frozenset({"obj", "prep", "prt", "mod", "near", "head", "pred", "comp"})
#: Relative pronouns that stand for the noun a relative clause modifies.
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def _own_subject(token: Token) -> bool:
    """Whether ``token`` has a subject of its own, not a relative pronoun ("he signed")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE_PRONOUNS
        for c in token.children
    )


def _hyphen_prefix(c: Token, token: Token) -> bool:
    """Whether ``c`` is the first part of a hyphenated verb ("*test*-fired")."""
    doc = token.doc
    return c.i + 2 == token.i and doc[c.i + 1].text == "-"


#: Adverbs that are a phrasal verb's particle when they follow the verb ("stepped *down*",
#: "pushed *back*"): the small model tags them ``advmod`` as often as ``prt``.
_PARTICLES = frozenset({"down", "back", "out", "off", "up", "away", "over", "in"})
#: Modals of obligation that make a "that" clause mandative ("proposed that X *should* act").
_MANDATIVE_MODALS = frozenset({"should", "must", "shall"})


def _adverb_particle(c: Token, token: Token) -> bool:
    """Whether ``c`` is a particle adverb right after the verb ``token`` ("stepped down")."""
    return c.dep_ == "advmod" and c.i == token.i + 1 and c.lower_ in _PARTICLES


def _bare_verb(verb: Token) -> bool:
    """Whether ``verb`` is a bare (subjunctive) form: tagged ``VB``, or ``VBP`` after a
    singular subject ("proposed that parliament *hold* a vote")."""
    if verb.tag_ == "VB":
        return True
    return verb.tag_ == "VBP" and any(
        c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children
    )


def _complements(token: Token) -> set[str]:
    """What the ``comp`` condition tests: the kinds of clausal complement of ``token``.

    ``to``: an infinitive of the subject or the object ("proposed *to adopt*", "pressed
    him *to explain*"); ``subj``: a clause of its own subject that is to be acted on, a
    mandative "that" clause with a bare verb or a modal of obligation ("proposed that
    the assembly *adopt* it", "suggested that they *should* review it") or a subject and
    an infinitive ("wants Britain *to answer*"); ``that``: any other complement clause
    (a statement: "suggested that turnout would rise"). ``+`` when there is any.
    """
    out: set[str] = set()
    for c in token.children:
        if c.dep_ not in ("xcomp", "ccomp") or c.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")]
        own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        if "to" in auxes:
            out.add("subj" if own_subject else "to")
        elif (
            c.dep_ == "ccomp"
            and own_subject
            and (_MANDATIVE_MODALS.intersection(auxes) or (not auxes and _bare_verb(c)))
        ):
            out.add("subj")
        else:
            out.add("that")
    if out:
        out.add("+")
    return out


def _features(token: Token, keys: frozenset[str] | set[str] = _ALL_KEYS) -> dict[str, set[str]]:
    """What lexicon conditions test: the lemmas of the trigger's object, preps, mods...
    (``keys``: the tests wanted; the complement, predicate, head and nearby words are
    only read when asked for)."""
    objs = [c for c in token.children if c.dep_ in OBJ or c.dep_ in PASSIVE_SUBJECT_DEPS]
    if token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        if token.tag_ == "VBN" and token.dep_ == "acl":
            objs.append(token.head)  # "a report released on Monday": the report is released
        elif any(o.lower_ in _RELATIVE_PRONOUNS for o in objs):
            # "the report, which was released": the relative pronoun stands for the noun
            objs = [token.head if o.lower_ in _RELATIVE_PRONOUNS else o for o in objs]
        elif token.dep_ == "relcl" and not objs and _own_subject(token):
            objs.append(token.head)  # "a statement he signed": the object gap is the noun
    feats: dict[str, set[str]] = {"obj": set(), "prep": set(), "prt": set(), "mod": set()}
    for o in objs:
        for x in conj_heads(o):
            feats["obj"].add(x.lemma_.lower())
            feats["obj"].add(x.lower_)
            feats["mod"].update(c.lemma_.lower() for c in x.children if c.dep_ in NOUN_ACTOR_MODS)
            feats["prep"].update(c.lemma_.lower() for c in x.children if c.dep_ == "prep")
    for c in token.children:
        if c.dep_ in ("prep", "agent", "dative"):
            feats["prep"].add(c.lemma_.lower())
        elif c.dep_ in ("ccomp", "advcl", "xcomp"):
            # "called *for* the officer to be charged": the for-to clause's "for"
            feats["prep"].update(
                m.lower_ for m in c.children if m.dep_ == "mark" and m.lower_ == "for"
            )
        elif c.dep_ == "prt" or _adverb_particle(c, token):
            feats["prt"].add(c.lemma_.lower())
        elif c.dep_ in NOUN_ACTOR_MODS or _hyphen_prefix(c, token):
            feats["mod"].add(c.lemma_.lower())
    if not objs:
        feats["obj"].add("-")  # "obj=-": the verb has no object ("protesters demonstrated")
    if "comp" in keys:
        feats["comp"] = _complements(token)
    if "pred" in keys:
        # an object predicate ("called the verdict *an attack*"); "+" when there is one
        preds = [c.lemma_.lower() for c in token.children if c.dep_ == "oprd"]
        direct = [c for c in token.children if c.dep_ == "dobj"]
        if len(direct) > 1 and direct[1].pos_ == "NOUN":
            # "calling Kelly a rubber stamp": the parser's second object is the predicate
            preds.append(direct[1].lemma_.lower())
        feats["pred"] = {*preds, "+"} if preds else set()
    if "head" in keys:
        feats["head"] = {token.head.lemma_.lower()} if token.head.i != token.i else set()
        verb = second_object_verb(token)
        if verb is not None:
            feats["head"].add(verb.lemma_.lower())  # "gave Lopez the nod" misparsed
    if "near" in keys:
        doc = token.doc
        sent_end = token.sent.end if doc.has_annotation("SENT_START") else len(doc)
        feats["near"] = {t.lemma_.lower() for t in doc[token.i + 1 : min(token.i + 7, sent_end)]}
    return feats
