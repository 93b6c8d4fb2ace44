"""Normalise English time expressions to TIMEX3 values against a publication date.

This module is pure (no spaCy): :func:`normalize` and :func:`resolve_span` take the text
of an expression, the article's publication date, the tense of the clause it sits in and
an optional *anchor* (the last date the article mentioned, for "three days later"), and
return TIMEX3-style values:

=====================  =================  ==========================================
expression             value              why
=====================  =================  ==========================================
October 2016           ``2016-10``        month granularity is kept, not padded to a day
last year              ``2016``           (published 2017-08-07) a year, not a day
on Tuesday             ``2017-08-01``     past tense: the latest Tuesday on or before
                                          publication; future tense: the next one
in December            ``2019-12``        (published 2020-01-10, past tense)
two weeks ago          ``2019-03-01``     weeks and days resolve to a day
last week              ``2014-W36``       ISO week
the summer of 2013     ``2013-SU``        seasons ``SP SU FA WI``
the 1990s              ``199``            decades drop the last digit
since 2001             ``2001``           with relation ``since`` (interval start)
two years              ``P2Y``            a duration
in decades             ``PXY``            an unspecified span; decades and centuries
                                          are coarsened to years (``PXY``)
recently, now          ``PAST_REF`` ...   TIMEX3 vague references
=====================  =================  ==========================================

Modifiers ("early", "the end of", "about") go into TIMEX3's ``mod`` attribute, which
we do not keep: "the end of the year" is the year. Parts of the day are dropped too:
"Friday night" is the Friday.

Without a publication date, expressions that only need the calendar keep TIMEX3's
unresolved form (``XXXX-12`` for "December", ``XXXX-11-03`` for "Nov. 3",
``XXXX-WXX-2`` for "Tuesday", ``XXXX-SU``) and purely deictic ones ("yesterday", "last
year", "two weeks ago") resolve to nothing, so the caller skips them.

Rules come first; ``dateparser`` is only a last resort for absolute dates written in a
form the rules do not know (it is slow to warm up and guesses a day for "last year").
"""

from dotterel.timex._calendar import as_anchor, is_calendar_value
from dotterel.timex._intervals import Interval, interval
from dotterel.timex._lexicon import Lexicon, lexicon
from dotterel.timex._resolve import normalize, range_end, resolve, resolve_span, warm_up
from dotterel.timex._scan import scan
from dotterel.timex._values import Kind, Piece, Resolution, Tense

__all__ = [
    "Interval",
    "Kind",
    "Lexicon",
    "Piece",
    "Resolution",
    "Tense",
    "as_anchor",
    "interval",
    "is_calendar_value",
    "lexicon",
    "normalize",
    "range_end",
    "resolve",
    "resolve_span",
    "scan",
    "warm_up",
]
