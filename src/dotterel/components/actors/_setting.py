"""The article's setting: its dateline and the country it is about.

* A **dateline** ("KABUL, Afghanistan (AP) —", "Lagos:", "Hanoi (VNA) –") opens a line
  with a place, maybe a wire agency in brackets, then a dash or colon. It says where the
  story was filed and who filed it: its tokens are never actors (the agency is the
  source, the place is a place), but its place gives the setting.
* The **setting country**: the dateline place's country, else the country the article
  names most (countries, demonyms, capitals, states and provinces; news outlets
  excluded, since a wire agency's country is not the story's). Role nouns without a
  stated country ("police", "a court", "prosecutors") and titles without one ("Senator
  X") take it.
"""

from __future__ import annotations

import logging
from collections import Counter

from dotterel.components._dateline import dateline_tokens, datelines, in_opening
from dotterel.components.actors._codes import country_of, entry_code
from dotterel.components.actors._state import DocState
from dotterel.dictionaries import ActorLexicon, NamedEntry

LOGGER = logging.getLogger(__name__)

#: Categories of names that place an article.
_PLACE_CATEGORIES = ("country", "capital", "demonym", "people")


def find_dateline(st: DocState, lexicon: ActorLexicon) -> None:
    """Mark the datelines' tokens as not prose and take the place's country of the first
    one in the opening lines as the setting (``st.setting``).

    ``geo/dateline.py`` reads the datelines; a reading is kept when its place is known
    or it names an agency ("UPDATE:" or "Note -" above the story is neither), and a
    mixed-case one without an agency ("Lagos:") only when its place is known.
    """
    doc = st.doc
    for dateline in datelines(doc):
        lo, hi = dateline_tokens(doc, dateline)
        if lo >= hi:
            continue
        country = _place_country(st, lo, hi, lexicon)
        if country is None and not dateline.agency:
            continue
        for k in range(lo, hi):
            st.skip[k] = 1
        if country is not None and st.setting is None and in_opening(doc, dateline):
            st.setting = (country, f"dateline {doc[lo:hi].text.strip()!r} -> {country}")


def _place_country(st: DocState, lo: int, hi: int, lexicon: ActorLexicon) -> str | None:
    words = st.words
    for k in range(lo, hi):
        for _, values in lexicon.named.matches_at(words, k):
            for v in values:
                country = _entry_country(v, st)
                if country is not None and v.kind != "media":
                    return country
        hits = lexicon.subdivisions.matches_at(words, k)
        if hits:
            return str(hits[0][1][0])
    return None


def _entry_country(e: NamedEntry, st: DocState) -> str | None:
    if e.category in _PLACE_CATEGORIES:
        return e.country
    if e.category == "user" and e.entry is not None:
        code = entry_code(e, st.when)
        if code and len(code) == 3:
            return code  # a place the dictionary codes as its country
    return None


def dominant_country(st: DocState, lexicon: ActorLexicon) -> None:
    """Unless a dateline set it: the country the article names most, when one leads."""
    if st.setting is not None:
        return
    counts: Counter[str] = Counter()
    seen: set[int] = set()
    for m in st.match_at:
        if m is None or id(m) in seen:
            continue
        seen.add(id(m))
        country = _entry_country(m.entry, st)
        if country and country_of(country, lexicon):
            counts[country] += 1
    # states and provinces place a story too ("Wisconsin", "Sindh"): capitalised only
    words = st.words
    starts = lexicon.subdivisions.root  # most words start no name: skipped without a walk
    k = 0
    while k < len(words):
        hits = (
            lexicon.subdivisions.matches_at(words, k)
            if not st.skip[k] and words[k] in starts
            else []
        )
        if hits and st.doc[k].text[:1].isupper() and st.match_at[k] is None:
            counts[str(hits[0][1][0])] += 1
            k = hits[0][0]
        else:
            k += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return
    country, n = ranked[0]
    st.setting = (country, f"article setting: {country} named most ({n} times)")


__all__ = ["dominant_country", "find_dateline"]
