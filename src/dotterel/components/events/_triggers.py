"""Pass 1: which tokens are event triggers, and the CAMEO code each one gets.

Verbs are looked up first in the loaded PETRARCH verb dictionaries (if any), then in the
trigger lexicon; nouns only in the lexicon. Reporting verbs (said, told) are not events:
a statement is not an event in PLOVER. Most tokens are skipped with one integer lookup
(the lemma hashes of the lexicon), so the pass stays cheap on long articles.
"""

from __future__ import annotations

import logging

from spacy import symbols
from spacy.attrs import LEMMA, POS
from spacy.tokens import Doc, Token

from dotterel.components._syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from dotterel.components.events._drafts import Draft
from dotterel.components.events._lexicon import TriggerLexicon
from dotterel.components.events._nouns import merge_event_nouns
from dotterel.components.events._participants import is_actorish
from dotterel.components.events._rules import EventRules
from dotterel.components.events._syntax import DATIVE, OBJ, all_preps, conj_heads, prep_objects
from dotterel.dictionaries import VerbDictionary, VerbMatch
from dotterel.dictionaries.verb_files import VerbForm, VerbPattern
from dotterel.extensions import mentions_overlapping

LOGGER = logging.getLogger(__name__)

_TRIGGER_POS = frozenset({symbols.VERB, symbols.AUX, symbols.NOUN, symbols.PROPN})


def find_triggers(
    doc: Doc,
    *,
    lexicon: TriggerLexicon,
    rules: EventRules,
    verbs: VerbDictionary | None,
    lemma_ids: set[int],
    use_lexicon: bool,
    code_nouns: bool,
    knowledge: VerbDictionary | None = None,
    default_roots: frozenset[str] = frozenset(),
) -> dict[int, Draft]:
    """One draft per coded trigger, by token index.

    Args:
        doc: a parsed document.
        lexicon: the trigger lexicon.
        rules: the events rules (reporting and light verbs).
        verbs: PETRARCH verb dictionaries, consulted before the lexicon (``None``: none).
        lemma_ids: hashes of the lexicon's lemmas, the prefilter.
        use_lexicon: whether the lexicon codes triggers at all.
        code_nouns: whether event nouns are coded.
        knowledge: the shipped CAMEO.2.0 verb knowledge, the general layer under the
            lexicon: it codes only verbs the lexicon has no row for, matching its
            patterns inside the verb's own phrase (:func:`own_phrase`).
    """
    drafts: dict[int, Draft] = {}
    any_verb = verbs is not None
    # filter on the token array: a Token object is made only for a candidate
    for i, (pos_id, lemma_id) in enumerate(doc.to_array([POS, LEMMA]).tolist()):
        if pos_id not in _TRIGGER_POS or (lemma_id not in lemma_ids and not any_verb):
            continue
        tok = doc[i]
        if in_proper_name(tok):
            continue  # "the Committee to *Protect* Journalists": a name, not an act
        pos = tok.pos_
        if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
            if tok.dep_ == "amod" or (tok.dep_ == "conj" and tok.head.pos_ == "ADJ"):
                continue  # "the dead and wounded", "armed men": participles as adjectives
            if prenominal_participle(tok):
                continue  # "unjustly imprisoned journalists" parsed as a verb
            d = code_verb(
                tok,
                lexicon=lexicon,
                rules=rules,
                verbs=verbs,
                use_lexicon=use_lexicon,
                knowledge=knowledge,
                default_roots=default_roots,
            )
        elif pos in ("NOUN", "PROPN") and code_nouns:
            d = code_noun(tok, lexicon)
        else:
            continue
        if d is not None:
            drafts[tok.i] = d
    merge_event_nouns(drafts, rules)
    return drafts


#: Named-entity types whose words are a name, never an act ("Committee to Protect
#: Journalists", "Institute for War and Peace Reporting", "Operation Protective Edge").
_NAME_ENTS = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})


def in_proper_name(tok: Token) -> bool:
    """Whether ``tok`` is inside a multi-word name (not its first word, which may be a
    verb the tagger pulled into the entity: "*Attack* on ..."): a name entity, or a
    capitalised word inside a longer actor name the NER missed ("Border *Patrol*")."""
    if tok.ent_iob_ == "I" and tok.ent_type_ in _NAME_ENTS:
        return True
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    return any(m.start < tok.idx for _, m in mentions_overlapping(tok.doc, tok.idx, tok.idx + 1))


def prenominal_participle(tok: Token) -> bool:
    """A past participle with no subject nor auxiliary right before the subject of
    another verb: an adjective before its noun ("but unjustly *imprisoned* journalists
    cast a shadow"), which the tagger may take for a past-tense verb of the clause."""
    if tok.tag_ not in ("VBN", "VBD") or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return (
        nxt.pos_ in ("NOUN", "PROPN")
        and nxt.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        and nxt.head.i != tok.i
        and not any(
            c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or c.dep_ in ("aux", "auxpass")
            for c in tok.children
        )
    )


def code_verb(
    tok: Token,
    *,
    lexicon: TriggerLexicon,
    rules: EventRules,
    verbs: VerbDictionary | None,
    use_lexicon: bool,
    knowledge: VerbDictionary | None = None,
    default_roots: frozenset[str] = frozenset(),
) -> Draft | None:
    """A draft for the verb ``tok``: by dictionary pattern first, else by lexicon row,
    else (a verb the lexicon does not know, or none of whose rows holds) by the general
    verb knowledge."""
    lemma = tok.lemma_.lower()
    if lemma in rules.reporting_verbs and (lemma, "VERB") not in lexicon.rows:
        return None
    if verbs is not None:
        hit = dictionary_code(tok, verbs)
        if hit is not None:
            d = Draft(trigger=tok, code=hit.code or "", paired=hit.paired, method="dictionary")
            if hit.target_offset is not None and hit.pattern is not None:
                d.target_hint = tok.i + 1 + hit.target_offset
                d.target_skip = hit.pattern.target_skip
            return d
        known = tok.lemma_.upper() in verbs or tok.text.upper() in verbs
        if known and not use_lexicon:
            return None
    if not use_lexicon:
        return None
    if knowledge is not None and (lemma, "VERB") not in lexicon.rows:
        return knowledge_code(tok, knowledge, default_roots, rules)
    row = lexicon.match(tok, "VERB")
    if (
        row is None
        and knowledge is not None
        and lemma.upper() in knowledge.forms
        # "received backing from X": the act is the noun's, and the layer reverses it
        and lemma not in rules.receiving_verbs
    ):
        # every row of the verb names a condition and none holds: the lexicon covers
        # some senses ("appear" before a committee), the general layer keeps the others
        # ("appeared in court"); a row with no condition ("-" included) closes the verb
        # to it, and so does its leaving the layer's lemmas (``knowledge_skip_verbs``)
        return knowledge_code(tok, knowledge, default_roots, rules)
    if row is None or row.code is None:
        return None
    return Draft(trigger=tok, code=row.code, method="lexicon", row=row)


def knowledge_code(
    tok: Token,
    knowledge: VerbDictionary,
    default_roots: frozenset[str] = frozenset(),
    rules: EventRules | None = None,
) -> Draft | None:
    """A draft from the CAMEO.2.0 verb knowledge: a pattern of the verb's own phrase
    (method ``knowledge``), else the verb block's default code (``knowledge-default``)
    when the block's own code is of a root in ``default_roots``.

    A block's synonym set (mostly from WordNet) shares the block's sense only in some
    blocks: the blocks of disapproval (CAMEO 11x: BLAME, DENOUNCE, DEPLORE) gather verbs
    whose every sense is criticism, while a cooperative block gathers everyday verbs
    ("find", "join", "hear") that code only with the pattern's words. A verb whose own
    code differs from its block's ("express" [110] in a block of statements) is a
    pattern-bound verb there, not a member of the sense.
    """
    phrase = own_phrase(tok)
    hit = knowledge.match(
        tok.lemma_.upper(),
        tok.text.upper(),
        [],
        [t.text.upper() for t in phrase],
        after_lemmas=[t.lemma_.upper() for t in phrase],
        prefilter=True,
    )
    if hit is None or not hit.code or not hit.code[:2].isdigit():
        return None
    if hit.pattern is not None and not _frame_holds(tok, hit.pattern, phrase):
        return None
    if rules is not None and _speaks_of_an_act(tok, knowledge, hit.code, rules):
        return None
    if hit.pattern is None and not (
        KNOWLEDGE_DEFAULTS or _block_default(tok, knowledge, default_roots)
    ):
        return None
    method = "knowledge" if hit.pattern is not None else "knowledge-default"
    d = Draft(trigger=tok, code=hit.code, paired=hit.paired, method=method)
    if (
        hit.target_offset is not None
        and hit.pattern is not None
        and hit.target_offset < len(phrase)
    ):
        d.target_hint = phrase[hit.target_offset].i
        d.target_skip = hit.pattern.target_skip
    return d


def _verb_form(tok: Token, knowledge: VerbDictionary) -> VerbForm | None:
    """The knowledge's entry for ``tok``'s verb: its form as written, else its lemma."""
    return knowledge.forms.get(tok.text.upper()) or knowledge.forms.get(tok.lemma_.upper())


def _speaks_of_an_act(tok: Token, knowledge: VerbDictionary, code: str, rules: EventRules) -> bool:
    """Whether a statement verb's pattern codes the material act it speaks of ("has not
    commented on the attack": 190 from REPORT's "- * ATTACK"): see ``rules.json``
    ``statement_block_roots``."""
    if code[:2] not in rules.material_roots:
        return False
    entry = _verb_form(tok, knowledge)
    block = (entry.block.code or "") if entry is not None else ""
    return block[:2] in rules.statement_block_roots


#: Parts of speech of a verb's frame words: prepositions and particles ("pay *for*").
_FRAME_POS = frozenset({"ADP", "PART"})


def _frame_holds(tok: Token, pattern: VerbPattern, phrase: list[Token]) -> bool:
    """Whether a pattern of frame words only ("* WITH", "* TO", "* FOR") has them on the
    verb itself.

    Such a pattern names the verb's own prepositional frame ("agree *with*", "pay
    *for*"); matched by words, it also fires on a preposition deeper in the phrase, of a
    noun ("attached importance to relations *with* X") or of another verb's infinitive
    ("directed them *to* submit"), where the verb has another sense. A pattern with a
    content word is left alone.
    """
    if pattern.before or not pattern.after:
        return True
    words: set[str] = set()
    for el in pattern.after:
        if any(len(alt) != 1 for alt in el.alternatives):
            return True
        words.update(alt[0] for alt in el.alternatives)
    if any(t.text.upper() in words and t.pos_ not in _FRAME_POS for t in phrase):
        return True  # a pattern word used as a content word: not a frame
    own = {c.text.upper(): c for c in tok.children if c.pos_ in _FRAME_POS}
    if not all(any(alt[0] in own for alt in el.alternatives) for el in pattern.after):
        return False
    # the frame relates the verb to an actor ("sided with X"); over a thing ("pay for
    # it", "pay for the wall") the verb has its everyday sense
    objs = [g for c in own.values() for g in c.children if g.dep_ == "pobj"]
    return not objs or any(
        g.pos_ == "PROPN" or g.lower_ in _PERSONAL or is_actorish(g) for g in objs
    )


#: Personal pronouns that can stand for an actor ("sided with *them*"), unlike "it".
_PERSONAL = frozenset({"him", "her", "them", "us", "me", "you", "whom"})


#: Whether every verb block's default code (no pattern of the phrase matched) codes an
#: event; off: only the blocks of ``default_roots`` do (see :func:`knowledge_code`).
KNOWLEDGE_DEFAULTS = False


#: Dependencies of nouns: a "verb" in one of them is a mistagged noun ("ending its dispute").
_NOMINAL_DEPS = frozenset(
    {"dobj", "obj", "pobj", "nsubj", "nsubjpass", "compound", "attr", "appos", "dative"}
)


def _block_default(tok: Token, knowledge: VerbDictionary, roots: frozenset[str]) -> bool:
    """Whether ``tok``'s verb is a plain member of a block whose code is of ``roots``."""
    if not roots:
        return False
    entry = _verb_form(tok, knowledge)
    if entry is None or not entry.block.code:
        return False
    if tok.dep_ in _NOMINAL_DEPS or (
        tok.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    ):
        return False  # a "verb" as an object or a bare "VB": a noun the tagger missed
    return entry.code == entry.block.code and entry.block.code[:2] in roots


#: Children that open another clause: their words are not the verb's own phrase.
_OTHER_CLAUSE = frozenset(
    {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj", "cc", "punct", "mark"}
)
#: At most this many words of the verb's phrase are matched (a verb phrase, not a page).
PHRASE_WINDOW = 10


def own_phrase(tok: Token) -> list[Token]:
    """The words after ``tok`` in its own phrase: its subtree minus other clauses.

    PETRARCH matches a pattern against the verb phrase's constituents; matching it
    anywhere later in the sentence lets "* SANCTIONS" fire on a word of another clause.
    """
    out: list[Token] = []
    stack = [c for c in tok.rights if c.dep_ not in _OTHER_CLAUSE]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _OTHER_CLAUSE or c.dep_ == "cc")
    out.sort(key=lambda t: t.i)
    return out[:PHRASE_WINDOW]


#: Named entities whose words are a name, not an act ("Office of Security Deployment",
#: "the Protection Act"): a noun inside one is no event noun.
NAME_ENTITIES = frozenset({"ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"})


def code_noun(tok: Token, lexicon: TriggerLexicon) -> Draft | None:
    """A draft for the event noun ``tok``, by lexicon row (none inside a name)."""
    if tok.ent_type_ in NAME_ENTITIES and tok.ent_iob_ == "I" and tok.text[:1].isupper():
        return None
    row = lexicon.match(tok, "NOUN")
    if row is None or row.code is None:
        return None
    return Draft(trigger=tok, code=row.code, method="lexicon", row=row)


def dictionary_code(tok: Token, verbs: VerbDictionary) -> VerbMatch | None:
    """The PETRARCH pattern that ``tok`` and its sentence match, if it gives a code."""
    sent = tok.sent
    before = [t.text.upper() for t in tok.doc[sent.start : tok.i]]
    after = [t.text.upper() for t in tok.doc[tok.i + 1 : sent.end]]
    after_lemmas = [t.lemma_.upper() for t in tok.doc[tok.i + 1 : sent.end]]
    subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
    compound = any(len(conj_heads(c)) > 1 for c in subj)
    objs = [c for c in tok.children if c.dep_ in OBJ or c.dep_ in DATIVE]
    objs += prep_objects(tok, all_preps(tok))
    hit = verbs.match(
        tok.lemma_.upper(),
        tok.text.upper(),
        before,
        after,
        after_lemmas=after_lemmas,
        compound_subject=compound,
        compound_object=any(len(conj_heads(o)) > 1 for o in objs),
    )
    if hit is None or not (hit.code or hit.paired):
        return None
    return hit
